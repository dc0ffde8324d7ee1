"""The app imports no PySide6 module that the packaged app leaves out (packaging/pyinstaller's spec).

Such an import works from a source checkout and raises ImportError only in the installer's app: for
example PySide6.QtQuick, whose Python module the bundle excludes (it would drag in the whole QML tree),
though its Qt library is there for QtWebEngine.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "corridor-map.spec"


def excluded_qt_modules() -> set[str]:
    """``PySide6.<name>`` for every name of the spec's ``QT_UNUSED`` list."""
    block = re.search(r"^QT_UNUSED = \[(.*?)^\]", SPEC.read_text(encoding="utf-8"), re.S | re.M)
    assert block, f"no QT_UNUSED list in {SPEC}"
    return {f"PySide6.{name}" for name in re.findall(r'"(Qt\w+)"', block.group(1))}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (imports inside functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_app_imports_no_qt_module_the_packaged_app_leaves_out() -> None:
    excluded = excluded_qt_modules()
    assert "PySide6.QtQuick" in excluded and len(excluded) > 20  # (the list was read)
    offending = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in sorted((ROOT / "src" / "corridor_map").rglob("*.py"))
        for module in imported_modules(path)
        if module in excluded
    }
    assert offending == set()
