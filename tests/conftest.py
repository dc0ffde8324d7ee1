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
