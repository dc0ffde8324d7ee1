"""Where the app finds its bundled files and keeps the user's: Qt-free, no side effects on import.

Installed (wheel or frozen bundle), resources live inside the package as ``corridor_map/_resources``
and ``corridor_map/_data/geo``. In a source checkout (editable install) they are the top-level
``resources/`` and ``data/geo/`` folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
APP_SLUG = "corridor-map"
USER_DATA_ENV = "CORRIDOR_MAP_DATA_DIR"
USER_CACHE_ENV = "CORRIDOR_MAP_CACHE_DIR"
USER_LOG_ENV = "CORRIDOR_MAP_LOG_DIR"
GEO_DIR_ENV = "CORRIDOR_MAP_GEO_DIR"  # tests and data maintainers: use another geodata folder
PREBUILT_ENV = "CORRIDOR_MAP_PREBUILT_DIR"  # tests: another folder of prebuilt pages and sample


def _bundled(installed: str, source: str) -> Path:
    """The installed copy when present, else the source checkout's copy."""
    packaged = PACKAGE_DIR / installed
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent.parent / source


def resources_dir() -> Path:
    """Vendored JS/CSS, fonts, translations, icons and the bundled sample data."""
    return _bundled("_resources", "resources")


def geo_dir() -> Path:
    """The bundled geodata (Natural Earth layers, ports, corridor legs, destinations)."""
    if os.environ.get(GEO_DIR_ENV):
        return Path(os.environ[GEO_DIR_ENV])
    return _bundled("_data/geo", "data/geo")


def prebuilt_dir() -> Path | None:
    """What the package was built with (``mapgen.prebuilt``: map pages, the checked sample), read-only;
    None in a source checkout."""
    if os.environ.get(PREBUILT_ENV):
        return Path(os.environ[PREBUILT_ENV])
    packaged = PACKAGE_DIR / "_data" / "prebuilt"
    return packaged if packaged.is_dir() else None


def _user_dir(env: str, default: str) -> Path:
    path = Path(os.environ[env]) if os.environ.get(env) else Path(default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_data_dir() -> Path:
    """Imported datasets and saved views; ``CORRIDOR_MAP_DATA_DIR`` overrides (tests use it)."""
    return _user_dir(USER_DATA_ENV, platformdirs.user_data_dir(APP_SLUG, appauthor=False))


def user_cache_dir() -> Path:
    """Generated map pages; safe to delete."""
    return _user_dir(USER_CACHE_ENV, platformdirs.user_cache_dir(APP_SLUG, appauthor=False))


def user_log_dir() -> Path:
    """Log files."""
    return _user_dir(USER_LOG_ENV, platformdirs.user_log_dir(APP_SLUG, appauthor=False))
