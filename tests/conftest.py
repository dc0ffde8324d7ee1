"""Test setup: headless Qt and QtWebEngine, and user folders and settings kept out of the user's home.

The environment is set here, before anything imports Qt.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--no-sandbox" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()

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
def test_sandbox() -> Path:
    """The session's private folder for user data, cache, logs and settings."""
    return _SANDBOX


@pytest.fixture(autouse=True, scope="module")
def _english_after_each_module():
    """A module that switched to Chinese does not leave its catalogue installed for the next one."""
    yield
    import sys as _sys

    if "corridor_map.ui.i18n" not in _sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    from corridor_map.ui.i18n import remove_translations

    app = QApplication.instance()
    if app is not None:
        remove_translations(app)


@pytest.fixture(scope="session", autouse=True)
def _delete_qt_windows_before_the_app():
    """Delete every window (and so every web page) while the QApplication still exists.

    QtWebEngine crashes at exit when a page outlives its profile ("Release of profile requested but
    WebEnginePage still not deleted").
    """
    yield
    import sys as _sys

    if "PySide6.QtWidgets" not in _sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without Python's interpreter teardown once QtWebEngine has run.

    Even with every page deleted, QtWebEngine 6.12 can crash while Python finalises its modules after
    the last test (a segfault after "694 passed"). By now pytest has printed its summary and knows
    its verdict, so the process exits with it and skips the teardown.
    """
    import sys as _sys

    hard_exit = os.environ.get("CORRIDOR_MAP_TEST_HARD_EXIT", "1") == "1"
    if hard_exit and _EXIT_STATUS and "PySide6.QtWebEngineCore" in _sys.modules:
        _sys.stdout.flush()
        _sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
