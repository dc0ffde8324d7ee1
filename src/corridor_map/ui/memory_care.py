"""Memory handed back while the app runs: a stand's day of 8–10 hours must not keep its peaks.

Measured (bench/soak.py, docs/benchmarks.md): the map page's V8 heap holds ~17 MB of live objects but
lets garbage grow to 100–180 MB before a full collection (a tour in exhibition mode, fly-tos, levels of
detail); the frames freed with it are shared memory the app's own process holds as well; and glibc keeps
memory freed in the middle of its heaps (an import, an export) with the process. So every ``EVERY_S``
the page collects its garbage (``CM.collectGarbage``) and, once the page has let go, glibc hands the free
memory of the app's process back to the system (``malloc_trim``). Both take milliseconds.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from corridor_map.ui.page_api import PageApi

log = logging.getLogger(__name__)

EVERY_S = 30
TRIM_AFTER_MS = 1000  # after the page's collection: the shared frames it freed are freed here too


def malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim`` (None elsewhere: other systems' allocators return memory themselves)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
        return trim
    except (OSError, AttributeError):
        return None


class MemoryCare(QObject):
    """Every ``every_s``: the page's garbage collected, then the process's free heap memory returned."""

    def __init__(self, api: PageApi, parent: QObject, every_s: float = EVERY_S) -> None:
        super().__init__(parent)
        self.api = api
        self.rounds = 0  # (tests, the log)
        self.page_collections = 0
        self._trim = malloc_trim()
        self.timer = QTimer(self)
        self.timer.setInterval(round(every_s * 1000))
        self.timer.timeout.connect(self.tend)
        self.timer.start()

    def tend(self) -> None:
        """One round: the page collects (when it is ready), the heap is trimmed a moment later."""
        if self.api.ready:
            self.api.collect_garbage(self._on_collected)
        QTimer.singleShot(TRIM_AFTER_MS, self._trim_heap)

    def _on_collected(self, collected: object) -> None:
        if collected is True:
            self.page_collections += 1

    def _trim_heap(self) -> None:
        started = time.perf_counter()
        if self._trim is not None:
            self._trim(0)
        self.rounds += 1
        log.debug("memory care round %d in %.1f ms", self.rounds, (time.perf_counter() - started) * 1000)
