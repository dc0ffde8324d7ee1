"""Python's cyclic garbage collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when a generation's threshold is passed: in
this app often a worker thread building a map page or reading a data file. If that collection frees
the last reference to a Qt object (a web page, a view, a channel in a reference cycle), its C++
destructor runs on that worker thread, and QtWebEngine's Chromium stops the process at a thread check
(``SIGTRAP`` in libQt6WebEngineCore; seen after fact sheets were made in the window, with Python's
faulthandler showing "Garbage-collecting" on the page builder's thread). So automatic collection is
switched off and a timer on the GUI thread collects each generation when Python's own thresholds say
it is due — the same schedule, always on the GUI thread (calibre has done the same for years).
"""

from __future__ import annotations

import gc
import logging
import time

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collect garbage from a GUI-thread timer with Python's thresholds; ``gc.disable()`` meanwhile."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = [0, 0, 0]  # per generation, for tests and the log
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start()
        self.destroyed.connect(lambda *_: gc.enable())

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold (and the younger ones)."""
        counts = gc.get_count()
        generation = -1
        for g in range(3):
            if counts[g] > self.thresholds[g]:
                generation = g
            else:
                break
        if generation >= 0:
            gc.collect(generation)
            self.collections[generation] += 1


def freeze_what_lives(reason: str) -> None:
    """Collect once, then move every object alive now to the permanent generation (``gc.freeze``).

    A full collection walks every tracked object: after start-up (geodata, pandas, the window) that is
    a few hundred thousand, 250–800 ms on the GUI thread each time Python's thresholds call for one,
    a stall a visitor sees. What start-up made lives as long as the app, so it is frozen once and full
    collections then walk only what came later. Objects freed by reference counting are freed as
    before; only cycles among frozen objects are never collected."""
    started = time.perf_counter()
    found = gc.collect()
    gc.freeze()
    log.info(
        "garbage collected (%d objects) and %d objects frozen (%s) in %.0f ms",
        found,
        gc.get_freeze_count(),
        reason,
        (time.perf_counter() - started) * 1000,
    )


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector on ``app`` (once; later calls return the installed one)."""
    found = app.findChild(GuiThreadCollector)
    if isinstance(found, GuiThreadCollector):
        return found
    log.debug("garbage collection moved to the GUI thread")
    return GuiThreadCollector(app)
