"""Builds the map page off the GUI thread, so the window appears at once."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from corridor_map.core.errors import CorridorMapError
from corridor_map.mapgen.page import PageLayers, PageOptions, build_page
from corridor_map.paths import user_cache_dir

log = logging.getLogger(__name__)


def load_page_layers() -> PageLayers:
    """The bundled basemap layers (raises GeoDataError naming a missing or corrupt file)."""
    from corridor_map.core.basemap import load_basemap

    basemap = load_basemap()
    return PageLayers(countries=basemap.countries, coastline=basemap.coastline, lakes=basemap.lakes)


class PageBuilder(QObject):
    """Runs ``build_page`` in a worker thread; reports the page path or a readable error."""

    finished = Signal(Path, float)
    failed = Signal(str)

    def start(self, options: PageOptions) -> None:
        threading.Thread(target=self._run, args=(options,), name="page-builder", daemon=True).start()

    def _run(self, options: PageOptions) -> None:
        started = time.perf_counter()
        try:
            page = build_page(load_page_layers(), options, user_cache_dir())
        except CorridorMapError as exc:
            log.error("cannot build the map page: %s", exc)
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug, but the user gets a message, and the log the traceback
            log.exception("unexpected error while building the map page")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(page, time.perf_counter() - started)
