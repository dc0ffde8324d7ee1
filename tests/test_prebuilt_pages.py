"""Map pages and the checked sample built with the package: the pages a fresh install asks for first,
found there (read-only) with the sample, so that the first export after installing builds nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from corridor_map.mapgen.assets import page_assets
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.prebuilt import FIRST_PAGES, link_duplicates, link_to_package, own_bytes, prebuild
from corridor_map.paths import PACKAGE_DIR, resources_dir
from corridor_map.ui.export.page_cache import EXPORT_OPTIONS
from corridor_map.view_state import ViewState


def test_they_are_the_pages_a_fresh_install_asks_for_first() -> None:
    view = ViewState()  # the window's defaults (main_window: PageOptions(pov, lang, world))
    window = {PageOptions(pov=view.point_of_view, lang=lang, world=view.world) for lang in ("en", "zh")}
    export = {replace(EXPORT_OPTIONS, vector=vector) for vector in (False, True)}  # (export_page's)
    assert EXPORT_OPTIONS.world == view.world
    assert set(FIRST_PAGES) == window | export


def test_equal_files_of_the_pages_are_stored_once(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, page in ((a, "one"), (b, "two")):
        (folder / "assets").mkdir(parents=True)
        (folder / "assets" / "font.otf").write_bytes(b"\x00font" * 1000)
        (folder / "index.html").write_text(page)
    saved = link_duplicates([a, b])
    assert saved == 5000
    assert (b / "assets" / "font.otf").samefile(a / "assets" / "font.otf")
    assert not (b / "index.html").samefile(a / "index.html")
    assert (b / "index.html").read_text() == "two"


def test_a_fresh_install_exports_with_the_prebuilt_page_and_builds_none(tmp_path: Path) -> None:
    prebuilt = tmp_path / "bundle-pages"
    (page,) = prebuild(prebuilt, [EXPORT_OPTIONS])  # (and the checked sample)
    before = {p: p.stat().st_mtime_ns for p in prebuilt.rglob("*")}
    cache, logs = tmp_path / "fresh-cache", tmp_path / "log"
    env = {
        **os.environ,
        "CORRIDOR_MAP_PREBUILT_DIR": str(prebuilt),
        "CORRIDOR_MAP_CACHE_DIR": str(cache),
        "CORRIDOR_MAP_LOG_DIR": str(logs),
        "CORRIDOR_MAP_DEBUG": "1",  # (the commands log to stderr; with this, everything)
    }
    out = tmp_path / "first.png"
    done = subprocess.run(
        [sys.executable, "-m", "corridor_map", "export", "--sample", str(out), "--width", "800"],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.stat().st_size > 10_000
    assert f"map page from the package: {page}" in done.stderr, done.stderr[-3000:]
    assert "checked sample from the package" in done.stderr, done.stderr[-3000:]
    assert "map page built" not in done.stderr and "checked sample kept" not in done.stderr
    assert not (cache / "pages").exists() or not any((cache / "pages").iterdir())  # nothing built
    assert {p: p.stat().st_mtime_ns for p in prebuilt.rglob("*")} == before  # and nothing written there


def test_the_pages_assets_are_the_bundles_own_files(tmp_path: Path) -> None:
    """In the bundle, a page's copies of Leaflet, the CJK font and the page's scripts are hard links to
    the bundle's own files: no byte is shipped twice."""
    package = tmp_path / "corridor_map"
    page = tmp_path / "pages" / "key" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html></html>")
    for asset in page_assets():
        source = asset.source.resolve()
        if source.is_relative_to(resources_dir().resolve()):
            original = package / "_resources" / source.relative_to(resources_dir().resolve())
        else:
            original = package / source.relative_to(PACKAGE_DIR)
        original.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, original)
        copy = page.parent / "assets" / asset.target
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
    saved = link_to_package([page], package)
    assert saved == sum(a.source.stat().st_size for a in page_assets())
    for asset in page_assets():
        copy = page.parent / "assets" / asset.target
        assert copy.stat().st_nlink == 2 and copy.read_bytes() == asset.source.read_bytes()
    assert own_bytes(page.parent) == len("<html></html>")  # (the assets are the package's)
