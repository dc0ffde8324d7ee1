"""Keep the active dataset in the user's data directory, so it is there after a restart.

Layout under ``root`` (default :func:`corridor_map.paths.user_data_dir`)::

    active.json                 {"kind": "sample"} or {"kind": "user", "id": "<id>"}
    datasets/<id>/sales.npz, dealers.npz, dataset.json
                                (the tables: ``core.frame_file``; where an earlier version of the app
                                saved sales.parquet and dealers.parquet, those are read)
    mappings.json               remembered column mappings, by header row
    recent.json                 recently imported files

Every write is atomic: a new dataset is written into a temporary folder and renamed, then
``active.json`` is replaced (temp file + ``os.replace``). Until that last step the previous dataset stays
active, so a failed import or a crash never loses what was loaded before. Source files are only read.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from corridor_map.core.active_pointer import POINTER_FILE, read_active_pointer
from corridor_map.core.dataset import Dataset, DatasetKind, ImportMode, SourceFile
from corridor_map.core.frame_file import SUFFIX, read_frame, write_frame
from corridor_map.core.schema import TableKind, header_signature
from corridor_map.core.validate import ValidationResult, dealers_dtypes, sales_dtypes
from corridor_map.paths import user_data_dir

log = logging.getLogger(__name__)

RECENT_LIMIT = 10


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new content, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_json(path: Path, data: Any) -> None:
    """Atomically write ``data`` as UTF-8 JSON."""
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


def _read_json(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return default


class DatasetStore:
    """The active dataset on disk, plus remembered column mappings and recent files."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else user_data_dir()
        self.root.mkdir(parents=True, exist_ok=True)
        self._sample: Dataset | None = None

    @property
    def active_file(self) -> Path:
        """The pointer to the active dataset (``core.active_pointer``)."""
        return self.root / POINTER_FILE

    @property
    def datasets_dir(self) -> Path:
        """Where saved datasets live."""
        return self.root / "datasets"

    def sample(self) -> Dataset:
        """The bundled sample (read once per store)."""
        if self._sample is None:
            from corridor_map.core.sample_cache import load_sample_cached

            self._sample = load_sample_cached()
        return self._sample

    # -- the active dataset -----------------------------------------------------------------------------

    def load_active(self) -> Dataset:
        """The dataset that was active when the app last ran; the sample if none or if it is unreadable."""
        pointer = read_active_pointer(self.root)
        if pointer["kind"] != "user":
            return self.sample()
        folder = self.datasets_dir / str(pointer["id"])
        try:
            return read_dataset(folder, "user", str(pointer["id"]))
        except Exception as exc:  # a damaged store must not stop the app: show the sample, keep the files
            log.warning("the saved dataset in %s cannot be read (%s); showing the sample", folder, exc)
            return self.sample()

    def save(self, dataset: Dataset) -> Dataset:
        """Make ``dataset`` the active one on disk (atomically) and return it with its stored id."""
        if dataset.is_sample:
            return self.revert_to_sample()
        new_id = uuid.uuid4().hex[:12]
        self.datasets_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.datasets_dir))
        try:
            stored = Dataset(
                dataset.sales,
                dataset.dealers,
                "user",
                dataset.label_en,
                dataset.label_zh,
                dataset.sources,
                new_id,
            )
            write_dataset(stored, tmp)
            tmp.rename(self.datasets_dir / new_id)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        atomic_write_json(self.active_file, {"kind": "user", "id": new_id})
        self._remove_inactive(keep=new_id)
        return stored

    def commit(self, current: Dataset, result: ValidationResult, mode: ImportMode) -> Dataset:
        """Add a checked import to ``current`` (replace or append), save it and return the new active one.

        If saving fails the exception propagates and ``current`` stays active, on disk and in memory.
        """
        new = current.with_import(result, mode)
        saved = self.save(new)
        try:  # the import has succeeded: a failed note in the recent list must not undo it
            self.add_recent(result.path)
        except OSError as exc:
            log.warning("cannot update the recent files list: %s", exc)
        return saved

    def revert_to_sample(self) -> Dataset:
        """Make the bundled sample active again (the user's saved dataset is removed)."""
        atomic_write_json(self.active_file, {"kind": "sample"})
        self._remove_inactive(keep=None)
        return self.sample()

    def _remove_inactive(self, keep: str | None) -> None:
        if not self.datasets_dir.is_dir():
            return
        for child in self.datasets_dir.iterdir():
            if child.is_dir() and child.name != keep:
                shutil.rmtree(child, ignore_errors=True)

    # -- remembered column mappings ----------------------------------------------------------------------

    @property
    def mappings_file(self) -> Path:
        """Where column mappings are remembered."""
        return self.root / "mappings.json"

    def remember_mapping(self, kind: TableKind, headers: Sequence[str], mapping: Mapping[str, str]) -> None:
        """Remember the user's column mapping for files with these headers."""
        data = _read_json(self.mappings_file, {})
        data = data if isinstance(data, dict) else {}
        data[f"{kind}:{header_signature(headers)}"] = dict(mapping)
        atomic_write_json(self.mappings_file, data)

    def recall_mapping(self, kind: TableKind, headers: Sequence[str]) -> dict[str, str] | None:
        """The mapping remembered for these headers, if any."""
        data = _read_json(self.mappings_file, {})
        found = data.get(f"{kind}:{header_signature(headers)}") if isinstance(data, dict) else None
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else None

    # -- recent files -----------------------------------------------------------------------------------

    @property
    def recent_file(self) -> Path:
        """Where recently imported paths are listed."""
        return self.root / "recent.json"

    def recent_files(self) -> list[Path]:
        """Recently imported files, newest first (they may have moved since)."""
        data = _read_json(self.recent_file, [])
        return [Path(p) for p in data if isinstance(p, str)] if isinstance(data, list) else []

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        entry = str(Path(path).resolve())
        items = [entry] + [str(p) for p in self.recent_files() if str(p) != entry]
        atomic_write_json(self.recent_file, items[:RECENT_LIMIT])


def write_dataset(dataset: Dataset, folder: Path) -> None:
    """The dataset's tables (``core.frame_file``) and its description (dataset.json) into ``folder``."""
    write_frame(dataset.sales, folder / f"sales{SUFFIX}")
    write_frame(dataset.dealers, folder / f"dealers{SUFFIX}")
    (folder / "dataset.json").write_text(
        json.dumps(dataset.metadata(), ensure_ascii=False, indent=2), encoding="utf-8"
    )


def _read_table(folder: Path, name: str) -> pd.DataFrame:
    """A stored table; from Parquet where an earlier version of the app saved the dataset."""
    path = folder / f"{name}{SUFFIX}"
    if path.is_file() or not (folder / f"{name}.parquet").is_file():
        return read_frame(path)
    return pd.read_parquet(folder / f"{name}.parquet")


def read_dataset(folder: Path, kind: DatasetKind, dataset_id: str) -> Dataset:
    """The dataset ``write_dataset`` wrote into ``folder`` (its rows labelled 0…n-1)."""
    meta = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
    sales = sales_dtypes(_read_table(folder, "sales"))
    dealers = dealers_dtypes(_read_table(folder, "dealers"))
    sources = tuple(SourceFile.from_json(s) for s in meta.get("sources", []))
    return Dataset(sales, dealers, kind, str(meta["label_en"]), str(meta["label_zh"]), sources, dataset_id)
