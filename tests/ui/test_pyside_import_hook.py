"""PySide6's import hook no longer reads the source of every module imported after it
(``corridor_map.ui.pyside_fix.skip_source_reading``), and still tells modules that use PySide6."""

from __future__ import annotations

import importlib
import linecache
import sys
import uuid
from pathlib import Path

import pytest

import corridor_map.ui  # noqa: F401  (the fix is applied when the Qt layer is imported)


@pytest.fixture
def fresh_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Import a new module with ``source`` from a file of its own; returns (module, its path)."""
    monkeypatch.syspath_prepend(str(tmp_path))

    def load(source: str):
        name = f"cm_probe_{uuid.uuid4().hex}"
        path = tmp_path / f"{name}.py"
        path.write_text(source, encoding="utf-8")
        importlib.invalidate_caches()
        module = __import__(name)  # (the import statement's way: PySide6 hooks builtins.__import__)
        monkeypatch.delitem(sys.modules, name)
        return module, path

    return load


def test_a_module_imported_after_pyside_is_not_read_into_linecache(fresh_module) -> None:
    _module, path = fresh_module("import json\nVALUE = json.dumps([1])\n# PySide6 is named in a comment\n")
    assert str(path) not in linecache.cache


def test_the_hook_still_tells_which_modules_use_pyside(fresh_module) -> None:
    feature = sys.modules["shibokensupport.feature"]
    qt_module, _ = fresh_module("from PySide6.QtCore import QObject\n\nclass Thing(QObject):\n    pass\n")
    plain_module, _ = fresh_module("import json\n")
    assert feature.pyside_feature_dict[qt_module.__name__] == 0  # uses PySide: "no feature" selected
    assert feature.pyside_feature_dict[plain_module.__name__] == -1  # ignored in feature switching
