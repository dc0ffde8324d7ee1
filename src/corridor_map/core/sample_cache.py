"""The bundled sample, read and checked once: later starts read its accepted rows from the cache.

Reading and checking the sample's files (``dataset.load_sample``: the tables read, every row validated,
141 dealers placed with the gazetteer's 14,000 cities) took 1.2 s of a 3.7 s start on a slow laptop. Its
result depends only on those files, the geodata and the core's code, so it is kept in the user's cache
(as the dataset store keeps a dataset, ``core.store``), keyed by the bytes of all of them (as map pages
are, ``mapgen.cache``): any change to any of them checks the sample again. The packages ship it
checked (``mapgen.prebuilt``), read-only. A cache that cannot be read or written only costs that time.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from pathlib import Path

from corridor_map import __version__
from corridor_map.core.dataset import Dataset, load_sample, sample_dir
from corridor_map.core.digests import remembered
from corridor_map.core.store import read_dataset, write_dataset
from corridor_map.paths import geo_dir, prebuilt_dir, resources_dir, user_cache_dir

log = logging.getLogger(__name__)

CORE_DIR = Path(__file__).resolve().parent


def _inputs() -> list[Path]:
    """Every file the checked sample depends on: its own files, the geodata, the alias tables, the core."""
    folders = (sample_dir(), geo_dir(), resources_dir() / "aliases", CORE_DIR)
    files = [p for folder in folders if folder.is_dir() for p in sorted(folder.iterdir()) if p.is_file()]
    return [p for p in files if p.suffix not in (".pyc",)]


def sample_key(cache_dir: Path) -> str:
    """A digest of the app version and the bytes of every input (remembered by their sizes and times)."""
    files = _inputs()

    def digest() -> str:
        h = hashlib.sha256(__version__.encode())
        for path in files:
            h.update(path.name.encode())
            h.update(path.read_bytes())
        return h.hexdigest()[:20]

    return remembered(cache_dir, files, f"sample/{__version__}", digest)


def load_sample_cached(cache_dir: Path | None = None) -> Dataset:
    """The bundled sample as ``load_sample`` gives it: from the cache when it was checked before with the
    same inputs, else checked now and kept."""
    cache_dir = cache_dir if cache_dir is not None else user_cache_dir()
    try:
        folder = cache_dir / "sample" / sample_key(cache_dir)
    except OSError as exc:
        log.warning("sample cache unusable (%s): checking the sample's files", exc)
        return load_sample()
    if (folder / "dataset.json").is_file():
        try:
            return _read(folder)
        except Exception as exc:
            log.warning("sample cache %s unreadable (%s): checking the sample's files", folder, exc)
    packaged = _prebuilt(folder.name)
    if packaged is not None:
        return packaged
    dataset = load_sample()
    try:
        _write(dataset, folder)
    except Exception as exc:
        log.warning("cannot keep the checked sample in %s: %s", folder, exc)
    return dataset


def _prebuilt(key: str) -> Dataset | None:
    """The sample checked when the package was built (``mapgen.prebuilt``), if its inputs were these."""
    root = prebuilt_dir()
    folder = root / "sample" / key if root is not None else None
    if folder is None or not (folder / "dataset.json").is_file():
        return None
    try:
        dataset = _read(folder)
    except Exception as exc:
        log.warning("the package's checked sample %s is unreadable (%s)", folder, exc)
        return None
    log.info("checked sample from the package: %s", folder)
    return dataset


def _write(dataset: Dataset, folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        write_dataset(dataset, tmp)
        for old in folder.parent.iterdir():  # one checked sample is enough
            if old.is_dir() and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
        tmp.replace(folder)
        log.info("checked sample kept in %s", folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _read(folder: Path) -> Dataset:
    return read_dataset(folder, "sample", "sample")
