"""The map page's garbage is collected and the process's free heap handed back, on the real page."""

from __future__ import annotations

from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.memory_care import EVERY_S, MemoryCare
from tests.ui.conftest import run_js, wait_until

# an object only a WeakRef points to: a full collection clears it (V8's scavenges may keep it for long)
HELD_WEAKLY = (
    "(function () { var big = {data: new Array(200000).fill(7)}; window.__cmWeak = new WeakRef(big);"
    " return 1; })()"
)


def test_the_window_cares_for_its_memory_every_half_minute(window: MainWindow) -> None:
    care = window.findChild(MemoryCare)
    assert care is window.memory_care and care.timer.isActive() and care.timer.interval() == EVERY_S * 1000


def test_a_round_collects_the_page_garbage_and_trims(window: MainWindow) -> None:
    care = window.memory_care
    run_js(window, HELD_WEAKLY)
    assert run_js(window, "window.__cmWeak.deref() !== undefined") is True
    rounds, collections = care.rounds, care.page_collections
    care.tend()
    wait_until(lambda: care.rounds == rounds + 1, 20)
    assert care.page_collections == collections + 1  # the page has gc (--js-flags=--expose-gc)
    assert run_js(window, "window.__cmWeak.deref() === undefined") is True  # collected


def test_the_page_says_when_it_cannot_collect(window: MainWindow) -> None:
    """Without the flag the page answers false (and nothing breaks)."""
    assert (
        run_js(
            window,
            "(function () { var g = window.gc; window.gc = undefined;"
            " try { return CM.collectGarbage(); } finally { window.gc = g; } })()",
        )
        is False
    )
    assert run_js(window, "CM.collectGarbage()") is True


def test_rounds_come_by_themselves(window: MainWindow) -> None:
    care = MemoryCare(window.map_view.api, window, every_s=0.2)
    try:
        wait_until(lambda: care.rounds >= 2, 20)
        assert care.page_collections >= 1
    finally:
        care.timer.stop()
        care.deleteLater()
