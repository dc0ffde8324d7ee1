"""Write map pages into a cache folder, keyed by everything they depend on (no folium import here)."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from corridor_map import __version__
from corridor_map.core.digests import remembered
from corridor_map.mapgen.assets import PAGE_FILE, page_assets, stage_assets
from corridor_map.mapgen.options import PageLayers, PageOptions
from corridor_map.paths import prebuilt_dir

log = logging.getLogger(__name__)

_PAGE_CODE = [
    *(
        Path(__file__).resolve().parent / f"{name}.py"
        for name in ("page", "lod", "network", "merged", "world")
    ),
    Path(__file__).resolve().parent.parent / "core" / "world_frame.py",
]


def page_key(sources: Sequence[Path], options: PageOptions) -> str:
    """A digest of everything the page depends on: app version, options, source files and assets."""
    digest = hashlib.sha256(__version__.encode())
    digest.update(json.dumps(asdict(options), sort_keys=True).encode())
    for source in sources:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    for code in _PAGE_CODE:
        digest.update(code.read_bytes())
    for asset in page_assets():
        digest.update(asset.target.encode())
        digest.update(asset.source.read_bytes())
    return digest.hexdigest()[:20]


def quick_page_key(sources: Sequence[Path], options: PageOptions, cache_dir: Path) -> str:
    """``page_key``, remembered while no input file changes size or modification time."""
    files = [*sources, *_PAGE_CODE, *(asset.source for asset in page_assets())]
    context = f"page/{__version__}/{json.dumps(asdict(options), sort_keys=True)}"
    return remembered(cache_dir, files, context, lambda: page_key(sources, options))


def cached_page(sources: Sequence[Path], options: PageOptions, cache_dir: Path) -> Path | None:
    """The page for these inputs if it was built before (here, or with the package)."""
    return _existing(quick_page_key(sources, options, cache_dir), cache_dir)


def _existing(key: str, cache_dir: Path) -> Path | None:
    """The page of ``key`` in ``cache_dir``, else the one built with the package (``mapgen.prebuilt``)."""
    page = cache_dir / "pages" / key / PAGE_FILE
    if page.is_file():
        log.info("map page cached: %s", page)
        return page
    root = prebuilt_dir()
    if root is not None and (root / "pages" / key / PAGE_FILE).is_file():
        log.info("map page from the package: %s", root / "pages" / key / PAGE_FILE)
        return root / "pages" / key / PAGE_FILE
    return None


def build_page(
    load_layers: Callable[[], PageLayers], sources: Sequence[Path], options: PageOptions, cache_dir: Path
) -> Path:
    """Write (or reuse) the page folder for these inputs and return the path of its HTML file.

    ``sources`` are the files ``load_layers`` reads: the cache key is computed from their bytes, so a
    cached page costs neither parsing nor folium. The folder is written under a temporary name and
    renamed into place, so a page that exists is always complete.
    """
    key = quick_page_key(sources, options, cache_dir)
    found = _existing(key, cache_dir)
    if found is not None:
        return found
    page_dir = cache_dir / "pages" / key
    page = page_dir / PAGE_FILE
    page_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=page_dir.parent))
    stage_assets(tmp)
    from corridor_map.mapgen.page import render_page  # folium: only when a page is really built

    for name, text in render_page(load_layers(), options).items():
        (tmp / name).write_text(text, encoding="utf-8")
    try:
        tmp.replace(page_dir)
    except OSError:  # another process won the race: its page is identical
        log.debug("page %s already written by another process", key)
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("map page built: %s", page)
    return page
