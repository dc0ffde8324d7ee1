"""Map pages (and the checked sample) built with the package: a fresh install shows its map and exports
at once.

A page is keyed by the bytes of everything it is made from (``mapgen.cache.page_key``): pages built
from the same files when the package is built are the pages the installed app would build on first
use (a minute or more on a slow laptop, before the first export or fact sheet). The build scripts run
``python -m corridor_map.mapgen.prebuilt DIR`` into the bundle (``paths.prebuilt_dir``);
``mapgen.cache`` finds them there, read-only, before building its own in the user's cache.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from corridor_map.core.sample_cache import load_sample_cached
from corridor_map.mapgen.assets import page_assets
from corridor_map.mapgen.cache import build_page
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.sources import load_page_layers, page_sources
from corridor_map.paths import PACKAGE_DIR, resources_dir

# The pages a fresh install asks for first: the window's in English and in Chinese (the app's defaults:
# China's point of view, the China-centred world), and the export page for PNG and for PDF.
# tests/core/test_prebuilt_pages.py keeps these equal to what the window and the exports ask for.
FIRST_PAGES: tuple[PageOptions, ...] = (
    PageOptions(pov="china", lang="en", world="pacific"),
    PageOptions(pov="china", lang="zh", world="pacific"),
    PageOptions(export=True, world="pacific"),
    PageOptions(export=True, world="pacific", vector=True),
)


def prebuild(root: Path, pages: Sequence[PageOptions] = FIRST_PAGES, *, sample: bool = True) -> list[Path]:
    """Build ``pages`` under ``root`` (``root/pages/<key>/``), files shared between them hard-linked
    (the fonts and scripts every page copies), and with ``sample`` the checked sample
    (``root/sample/<key>/``, ``core.sample_cache``); the pages' HTML files."""
    built = [build_page(load_page_layers, page_sources(), options, root) for options in pages]
    link_duplicates([page.parent for page in built])
    if sample:
        load_sample_cached(root)
    return built


def link_to_package(pages: Sequence[Path], package: Path) -> int:
    """Hard-link each page's copies of its assets (``mapgen.assets``: Leaflet, the CJK font, the page's
    scripts) to the same files of the bundle's ``package`` folder (its ``corridor_map``); the bytes saved."""
    saved = 0
    for asset in page_assets():
        source = asset.source.resolve()
        if source.is_relative_to(resources_dir().resolve()):
            original = package / "_resources" / source.relative_to(resources_dir().resolve())
        elif source.is_relative_to(PACKAGE_DIR):
            original = package / source.relative_to(PACKAGE_DIR)
        else:
            continue
        saved += sum(_link(page.parent / "assets" / asset.target, original) for page in pages)
    return saved


def link_duplicates(folders: Sequence[Path]) -> int:
    """Hard-link files of the later ``folders`` to equal files (same relative path) of the first; the
    bytes saved."""
    if not folders:
        return 0
    first, saved = folders[0], 0
    for folder in folders[1:]:
        saved += sum(_link(path, first / path.relative_to(folder)) for path in sorted(folder.rglob("*")))
    return saved


def _link(copy: Path, original: Path) -> int:
    """Replace ``copy`` by a hard link to ``original`` when both are files with equal bytes; the bytes
    saved."""
    if not (copy.is_file() and original.is_file()) or copy.samefile(original):
        return 0
    if not filecmp.cmp(copy, original, shallow=False):
        return 0
    size = copy.stat().st_size
    copy.unlink()
    os.link(original, copy)
    return size


def own_bytes(root: Path) -> int:
    """The bytes of the files under ``root`` that are stored there only (hard links counted once, files
    linked to others outside ``root`` not at all)."""
    seen: dict[tuple[int, int], list[int]] = {}
    for path in root.rglob("*"):
        if path.is_file():
            st = path.stat()
            seen.setdefault((st.st_dev, st.st_ino), [st.st_size, st.st_nlink, 0])[2] += 1
    return sum(size for size, links, found in seen.values() if links <= found)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the bundle's prebuilt-pages folder")
    parser.add_argument(
        "--package",
        type=Path,
        help="the bundle's corridor_map folder, whose files the pages' assets are hard-linked to "
        "(default: ROOT/../.. when ROOT is its _data/prebuilt)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pages = prebuild(args.root)
    package = args.package or (args.root.parent.parent if args.root.parent.name == "_data" else None)
    before = own_bytes(args.root)
    if package is not None and (package / "_resources").is_dir():
        link_to_package(pages, package)
    for page in pages:
        print(page.relative_to(args.root))
    seconds, own = time.perf_counter() - started, own_bytes(args.root)
    print(
        f"{len(pages)} pages and the checked sample in {seconds:.1f} s: {own / 1e6:.1f} MB of their own "
        f"({before / 1e6:.1f} MB before their assets were linked to the bundle's files)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
