"""Builds the map page off the GUI thread, so the window appears at once."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from corridor_map.core.errors import CorridorMapError
from corridor_map.mapgen.cache import build_page, cached_page
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.sources import load_page_layers, page_sources
from corridor_map.paths import user_cache_dir
from corridor_map.ui.futures import when_done

log = logging.getLogger(__name__)


class PageBuilder(QObject):
    """Builds (or finds in the cache) the map page; reports the page path or a readable error.

    A cached page is reported at once. Otherwise folium is imported here, in the GUI thread, and
    only the rendering runs in a worker thread.
    """

    finished = Signal(Path, float)
    built = Signal(Path, object)  # the page and the PageOptions it was built with
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="page-builder")
        pool = self._pool  # (not self: gone by then) its idle thread ends with the builder
        self.destroyed.connect(lambda *_: pool.shutdown(wait=False, cancel_futures=True))

    def _done(self, page: Path, options: PageOptions, started: float) -> None:
        self.finished.emit(page, time.perf_counter() - started)
        self.built.emit(page, options)

    def start(self, options: PageOptions) -> None:
        started = time.perf_counter()
        try:
            sources = page_sources()
            cached = cached_page(sources, options, user_cache_dir())
        except CorridorMapError as exc:
            self._fail(exc)
            return
        if cached is not None:  # (mapgen.cache logged where it was found)
            QTimer.singleShot(0, lambda: self._done(cached, options, started))
            return
        import corridor_map.mapgen.page  # noqa: F401  (folium; never imported in a worker thread)

        future = self._pool.submit(build_page, load_page_layers, sources, options, user_cache_dir())
        when_done(future, lambda page: self._done(page, options, started), self._fail)

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, CorridorMapError):
            log.error("cannot build the map page: %s", exc)
            message = str(exc)
        else:  # a bug, but the user gets a message, and the log the traceback
            log.error("unexpected error while building the map page", exc_info=exc)
            message = f"{type(exc).__name__}: {exc}"
        QTimer.singleShot(0, lambda: self.failed.emit(message))
