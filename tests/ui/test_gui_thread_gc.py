"""A Qt object in a reference cycle is destroyed on the GUI thread, however busy a worker thread is."""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from corridor_map.ui.gui_thread_gc import GuiThreadCollector, collect_on_gui_thread, freeze_what_lives
from tests.ui.conftest import wait_until


class Holder:
    """A Python object in a cycle with itself, holding a Python-owned QObject (deleted with it, on the
    thread that collects the cycle: the one ``__del__`` records)."""

    def __init__(self, where: list[int]) -> None:
        self.me = self
        self.qobject = QObject()
        self.where = where

    def __del__(self) -> None:
        self.where.append(threading.get_ident())


def churn(n: int) -> None:
    """Allocate cyclic garbage in a worker thread, far past generation 0's threshold."""
    for _ in range(n):
        a: list[Any] = []
        a.append(a)


def destroyed_on_thread(qapp: QApplication) -> int:
    """Drop a cycle holding a QObject, churn in a worker thread, then let the GUI thread run: the
    thread id on which the cycle (and so the QObject's C++ object) was freed."""
    gc.collect()
    where: list[int] = []
    holder = Holder(where)
    del holder
    worker = threading.Thread(target=churn, args=(200_000,))
    worker.start()
    worker.join()
    wait_until(lambda: where, 10)
    return where[0]


def test_the_app_collects_on_the_gui_thread_only(qapp: QApplication) -> None:
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # installed once
    assert isinstance(collector, GuiThreadCollector) and not gc.isenabled()
    before = sum(collector.collections)
    assert destroyed_on_thread(qapp) == threading.get_ident()
    assert sum(collector.collections) > before


def test_without_it_a_worker_thread_destroys_the_qt_object(qapp: QApplication) -> None:
    """The hazard itself: Python's own schedule collects in the worker (the test above can fail)."""
    collector = collect_on_gui_thread(qapp)
    collector.timer.stop()
    gc.enable()
    try:
        assert destroyed_on_thread(qapp) != threading.get_ident()
    finally:
        gc.disable()
        collector.timer.start()


def test_freezing_collects_first_then_spares_full_collections_what_lives() -> None:
    held = Holder([])  # alive: frozen
    garbage = Holder([])
    del garbage  # a cycle: collected before the freeze, not frozen
    try:
        freeze_what_lives("a test")
        assert gc.get_freeze_count() > 0 and gc.is_tracked(held)
        assert not any(isinstance(o, Holder) and o is not held for o in gc.get_objects())
    finally:
        gc.unfreeze()  # (the tests' other windows come and go)


def test_the_app_freezes_what_start_up_made_after_its_first_paint(tmp_path: Path) -> None:
    """The real app, started as a user starts it: its log says how many objects were frozen after the
    map first showed; then it is ended as a shutdown would (SIGTERM closes the window)."""
    env = {**os.environ, "CORRIDOR_MAP_LOG_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "corridor_map"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )

    def frozen() -> re.Match[str] | None:
        log = "\n".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.log"))
        return re.search(r"and (\d+) objects frozen \(after the first paint\)", log)

    try:
        deadline = time.monotonic() + 180
        while frozen() is None and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
        found = frozen()
        assert found and int(found[1]) > 50_000, (
            app.poll(),
            [p.read_text()[-1500:] for p in tmp_path.glob("*.log")],
        )
    finally:
        app.terminate()
        app.wait(60)
