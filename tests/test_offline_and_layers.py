"""Offline by construction, and the Qt-free layers really are Qt-free."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from corridor_map.paths import PACKAGE_DIR, resources_dir

REMOTE = re.compile(
    r"https?://(cdn\.|cdnjs|unpkg\.com|code\.jquery|netdna|[a-z.]*tile\.openstreetmap|[a-z.]*basemaps\.cartocdn"
    r"|fonts\.googleapis|[a-z.]*jsdelivr|server\.arcgisonline|[a-z.]*tile\.)"
)
LICENCE = re.compile(r"(LICEN[CS]E|NOTICE|COPYING|OFL|README|VENDORED)", re.IGNORECASE)


def _shipped_files() -> list[Path]:
    roots = [PACKAGE_DIR, resources_dir()]
    return [
        p
        for root in roots
        for p in root.rglob("*")
        if p.is_file()
        and not LICENCE.search(p.name)
        and p.suffix not in {".pyc", ".png", ".otf", ".ttf", ".qm"}
    ]


def test_nothing_shipped_names_a_cdn_or_tile_server() -> None:
    hits = [str(p) for p in _shipped_files() if REMOTE.search(p.read_text(encoding="utf-8", errors="ignore"))]
    assert hits == []


def test_the_rendered_page_links_only_its_own_files(tmp_path: Path) -> None:
    from corridor_map.mapgen.cache import build_page
    from corridor_map.mapgen.options import PageOptions
    from corridor_map.mapgen.sources import load_page_layers, page_sources

    page = build_page(load_page_layers, page_sources(), PageOptions(), tmp_path)
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert links, "the page links its vendored assets"
    for link in links:
        assert link.startswith(("assets/", "qrc:///")), link
        if link.startswith("assets/"):
            assert (page.parent / link).is_file(), link
    assert "http://" not in html and "https://" not in html


def test_core_state_and_mapgen_import_without_qt() -> None:
    """The Qt-free layers import with PySide6 made unimportable (a stricter check than lint-imports)."""
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['shiboken6'] = None\n"
        "import pkgutil, importlib, corridor_map.core, corridor_map.mapgen\n"
        "for pkg in (corridor_map.core, corridor_map.mapgen):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "import corridor_map.paths, corridor_map.cli\n"
        "try:\n    import corridor_map.state\nexcept ModuleNotFoundError as e:\n"
        "    assert e.name == 'corridor_map.state', e\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
