"""Fixtures for tests on the real window and the real QtWebEngine page."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before the QApplication exists)
from PySide6.QtWidgets import QApplication

from corridor_map.core.corridor import load_corridor
from corridor_map.core.dataset import load_sample
from corridor_map.core.saved_views import ViewStore
from corridor_map.paths import geo_dir, resources_dir
from corridor_map.state import AppState
from corridor_map.ui.fonts import apply_app_font, register_cjk_font
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.settings import Settings


def wait_until(predicate: Callable[[], Any], timeout: float = 60.0) -> Any:
    """Process Qt events until ``predicate()`` is truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        QApplication.processEvents()
        time.sleep(0.005)


def run_js(window: MainWindow, code: str, timeout: float = 20.0) -> Any:
    """Evaluate JS in the window's page and return its value (JSON strings are decoded)."""
    box: list[Any] = []
    window.map_view.run_js(code, box.append)
    wait_until(lambda: box, timeout)
    value = box[0]
    if isinstance(value, str) and value.startswith(("{", "[")):
        return json.loads(value)
    return value


def open_window(qapp: QApplication, timeout: float = 90) -> MainWindow:
    """The real main window as at a first run, shown, with its page loaded and live.

    A first run: the window state and the last view that an earlier window left behind (saved when it
    closed) are wiped, or the map would open where that one ended.
    """
    Settings().qsettings.clear()
    ViewStore().path.unlink(missing_ok=True)
    qapp.setFont(apply_app_font(register_cjk_font()))
    languages = LanguageManager(qapp)
    languages.set_language("en")
    win = MainWindow(
        Settings(), languages, AppState(load_sample()), [resources_dir(), geo_dir()], load_corridor()
    )
    win.resize(1200, 800)
    win.show()
    win.start_map()
    wait_until(lambda: win.map_view.ready, timeout)
    return win


def close_window(win: MainWindow) -> None:
    """Close and delete a window from ``open_window``."""
    win.close()
    win.deleteLater()
    QApplication.processEvents()


@pytest.fixture(scope="module")
def window(qapp: QApplication) -> Iterator[MainWindow]:
    """The real main window with its page loaded and live (shared by a module's tests)."""
    win = open_window(qapp)
    yield win
    close_window(win)
