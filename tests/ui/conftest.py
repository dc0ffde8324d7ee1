"""Fixtures for tests on the real window and the real QtWebEngine page."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before the QApplication exists)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from corridor_map.core.dataset import load_sample
from corridor_map.ui.composition import build_app
from corridor_map.ui.main_window import MainWindow

_BOTS: list[QtBot] = []


@pytest.fixture(scope="session", autouse=True)
def _waits_use_the_session_qtbot(session_qtbot: QtBot) -> None:
    """``wait_until`` and ``run_js`` (helpers, module-scoped windows) wait with the session's QtBot."""


def use_qtbot(bot: QtBot) -> None:
    """Let ``wait_until`` wait with ``bot`` (the ``session_qtbot`` fixture calls this)."""
    _BOTS.append(bot)


def release_qtbot(bot: QtBot) -> None:
    _BOTS.remove(bot)


def wait_until(predicate: Callable[[], Any], timeout: float = 60.0) -> Any:
    """Run Qt's event loop until ``predicate()`` is truthy and return that value (pytest-qt's
    ``waitUntil``, which also gives up with ``TimeoutError`` after ``timeout`` seconds).

    The value is returned, unlike ``waitUntil``'s: most callers wait for the page to answer something
    and then check what it answered.
    """
    if not _BOTS:
        raise RuntimeError("no QtBot to wait with: request the session_qtbot fixture")
    reached: list[Any] = []

    def done() -> bool:
        value = predicate()
        if value:
            reached.append(value)
        return bool(value)

    _BOTS[-1].waitUntil(done, timeout=round(timeout * 1000))
    return reached[-1]


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
    assert qapp is not None  # (pytest-qt's application: build_app uses it)
    win = build_app(language="en", dataset=load_sample(), first_run=True).window
    win.resize(1200, 800)
    win.show()
    win.start_map()
    wait_until(lambda: win.map_view.ready, timeout)
    return win


def close_window(win: MainWindow) -> None:
    """Close and delete a window from ``open_window``, and wait until it (with its page) is gone."""
    gone: list[bool] = []
    win.destroyed.connect(lambda: gone.append(True))
    win.close()
    win.deleteLater()
    wait_until(lambda: gone, 30)


def close_export_session(session: Any) -> None:
    """Close an export session and wait until its hidden view, and so its page, is deleted."""
    gone: list[bool] = []
    session.renderer.view.destroyed.connect(lambda: gone.append(True))
    session.close()
    wait_until(lambda: gone, 30)


@pytest.fixture(scope="module")
def window(qapp: QApplication) -> Iterator[MainWindow]:
    """The real main window with its page loaded and live (shared by a module's tests)."""
    win = open_window(qapp)
    yield win
    close_window(win)
