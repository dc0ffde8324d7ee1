"""Builds the map page off the GUI thread, so the window appears at once."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from corridor_map.core.basemap import COASTLINE_FILE, COUNTRIES_FILE, LAKES_FILE, load_basemap
from corridor_map.core.errors import CorridorMapError, GeoDataError
from corridor_map.mapgen.cache import build_page
from corridor_map.mapgen.options import PageLayers, PageOptions
from corridor_map.paths import geo_dir, user_cache_dir

log = logging.getLogger(__name__)


def load_page_layers() -> PageLayers:
    """The bundled basemap layers (raises GeoDataError naming a missing or corrupt file)."""
    basemap = load_basemap()
    return PageLayers(countries=basemap.countries, coastline=basemap.coastline, lakes=basemap.lakes)


def page_sources() -> list[Path]:
    """The geodata files the page is drawn from (missing ones raise GeoDataError naming them)."""
    folder = geo_dir()
    paths = [folder / name for name in (COUNTRIES_FILE, COASTLINE_FILE, LAKES_FILE)]
    for path in paths:
        if not path.is_file():
            raise GeoDataError(path, "file not found (the bundled geodata is incomplete; reinstall the app)")
    return paths


class PageBuilder(QObject):
    """Runs ``build_page`` in a worker thread; reports the page path or a readable error."""

    finished = Signal(Path, float)
    failed = Signal(str)

    def start(self, options: PageOptions) -> None:
        threading.Thread(target=self._run, args=(options,), name="page-builder", daemon=True).start()

    def _run(self, options: PageOptions) -> None:
        started = time.perf_counter()
        try:
            page = build_page(load_page_layers, page_sources(), options, user_cache_dir())
        except CorridorMapError as exc:
            log.error("cannot build the map page: %s", exc)
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug, but the user gets a message, and the log the traceback
            log.exception("unexpected error while building the map page")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(page, time.perf_counter() - started)
