"""Test setup: headless Qt and QtWebEngine, and user folders and settings kept out of the user's home.

The environment is set here, before anything imports Qt.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from corridor_map.ui.app import prepare_chromium_flags

prepare_chromium_flags(False)  # Chromium's flags as the app sets them (--no-sandbox as root, gc, GPU)

_SANDBOX = Path(tempfile.mkdtemp(prefix="corridor-map-tests-"))
for _name, _sub in (
    ("CORRIDOR_MAP_DATA_DIR", "data"),
    ("CORRIDOR_MAP_CACHE_DIR", "cache"),
    ("CORRIDOR_MAP_LOG_DIR", "log"),
    ("XDG_CONFIG_HOME", "config"),
):
    os.environ[_name] = str(_SANDBOX / _sub)

import pytest  # noqa: E402

from corridor_map.ui.pyside_fix import make_none_immortal  # noqa: E402

make_none_immortal()  # PySide6 6.12 leaks references to None on Python 3.11 (see the module)


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """pytest-qt's QApplication, with garbage collection on the GUI thread as the app has it
    (``create_application``): a worker thread's collection freeing a web page crashes Chromium."""
    from PySide6.QtWidgets import QApplication

    from corridor_map.ui.gui_thread_gc import collect_on_gui_thread

    class TestApplication(QApplication):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            collect_on_gui_thread(self)

    return TestApplication


@pytest.fixture(scope="session")
def test_sandbox() -> Path:
    """The session's private folder for user data, cache, logs and settings."""
    return _SANDBOX


@pytest.fixture(autouse=True, scope="module")
def _english_after_each_module():
    """A module that switched to Chinese does not leave its catalogue installed for the next one."""
    yield
    if "corridor_map.ui.i18n" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    from corridor_map.ui.i18n import remove_translations

    app = QApplication.instance()
    if app is not None:
        remove_translations(app)


@pytest.fixture(scope="session")
def session_qtbot(qapp: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """pytest-qt's QtBot for the waits of helpers and module-scoped fixtures (``qtbot`` is per test)."""
    from pytestqt.qtbot import QtBot

    from tests.ui import conftest as ui

    bot = QtBot(request)
    ui.use_qtbot(bot)
    yield bot
    ui.release_qtbot(bot)


@pytest.fixture(scope="session", autouse=True)
def _qt_gone_before_python_finalises() -> Iterator[None]:
    """At the end of the session, delete every window, every web page and then the QApplication, while
    Python is still whole; a crash here, or later at exit, fails the run with its own exit status.

    Otherwise the QApplication (held by pytest-qt's module) is destroyed by Python's interpreter teardown,
    in whatever order modules and objects are cleared, maybe before the pages or the default profile's
    request interceptor: QtWebEngine warns "Release of profile requested but WebEnginePage still not
    deleted" and may crash. (This suite used to leave with ``os._exit`` after pytest's verdict, which
    hid any such crash.) Set up before any other Qt fixture, this is torn down after all of them.
    """
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    _delete_windows_and_pages(app)
    app.shutdown()  # the QApplication is deleted here, not by the garbage collector at exit
    import pytestqt.plugin

    pytestqt.plugin._qapp_instance = None  # pytest-qt's reference (now to a deleted object)
    gc.collect()


def _delete_windows_and_pages(app: Any) -> None:
    """Close and delete every top-level widget, then every web page still alive; the request
    interceptor is taken off the default profile."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()  # what the deletions queued
    if "PySide6.QtWebEngineCore" not in sys.modules:
        return
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

    gc.collect()
    for page in [o for o in gc.get_objects() if isinstance(o, QWebEnginePage) and shiboken6.isValid(o)]:
        shiboken6.delete(page)  # a page that no window owned
    QWebEngineProfile.defaultProfile().setUrlRequestInterceptor(None)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
