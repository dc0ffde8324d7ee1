"""``corridor-map --smoke-test``: the real window, the real page, checked, one line, an exit code.

After the paint check and the page's own account of its layers, one country is clicked through the
real input path (``ui.real_input``: a Qt mouse event into the web view, hit-tested by the browser),
and the selection must reach the Country panel. A failure names the step that failed.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from corridor_map.core.countries import display_name
from corridor_map.ui import real_input
from corridor_map.ui.app import composites_in_software
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.paint_check import map_is_painted

EXPECTED_LAYERS = {"countries", "coastline", "lakes", "graticule", "sea", "river", "rail", "ports"}
MIN_COUNTRIES = 200
CLICKED = "KAZ"  # large, inland, away from the corridor's lines: its label point is deep inside
CLICK_TIMEOUT_MS = 10_000


def compositing() -> str:
    """How Chromium composites the page: on the GPU, or in software (chosen, or no GPU device)."""
    return "software" if composites_in_software() else "GPU"


class SmokeTest(QObject):
    """Waits for the painted map, asks the page what it draws, and sets the exit code."""

    def __init__(self, window: MainWindow, started: float, timeout_s: float = 90.0) -> None:
        super().__init__(window)
        self.window = window
        self.started = started
        self.exit_code: int | None = None
        self._summary = ""
        window.mapReady.connect(self._poll)
        window.mapFailed.connect(lambda message: self._finish(2, f"the map could not be shown: {message}"))
        QTimer.singleShot(int(timeout_s * 1000), self._timeout)

    def _timeout(self) -> None:
        if self.exit_code is None:
            self._finish(1, "the map was not painted within the time limit")

    def _poll(self) -> None:
        if self.exit_code is not None:
            return
        image = self.window.map_view.grab().toImage()
        if not map_is_painted(image):
            QTimer.singleShot(20, self._poll)
            return
        painted = time.perf_counter() - self.started
        self.window.map_view.api.describe(lambda value: self._check(value, painted))

    def _check(self, value: Any, painted: float) -> None:
        try:
            page = json.loads(value)
        except (TypeError, ValueError):
            self._finish(1, f"the page did not describe itself (got {value!r})")
            return
        missing = EXPECTED_LAYERS - set(page.get("visible", []))
        blocked = self.window.tripwire.blocked
        if missing:
            self._finish(1, f"layers missing on the page: {', '.join(sorted(missing))}")
        elif page.get("countries", 0) < MIN_COUNTRIES:
            self._finish(1, f"only {page.get('countries')} countries drawn")
        elif blocked:
            self._finish(1, f"{len(blocked)} requests outside the app were blocked: {blocked[:3]}")
        else:
            self._summary = (
                f"smoke test OK: {page['countries']} countries, layers {'+'.join(page['visible'])}, "
                f"language {page['lang']}, view {page['pov']}, painted {painted:.2f} s after start, "
                f"0 blocked requests, {compositing()} compositing"
            )
            self.window.state.clear_selection()
            # the country in the open upper left, and a point inside it that nothing covers (CM.aimAt)
            self.window.map_view.api.aim_at(CLICKED, self._click)

    # ---- a real click ----------------------------------------------------------------------------
    def _click(self, value: Any) -> None:
        try:
            aim = json.loads(value) if isinstance(value, str) else None
        except ValueError:
            aim = None
        if not aim:
            self._finish(1, f"step 'aim': the page has no country {CLICKED} to click")
            return
        x, y, covered = aim
        if covered:
            self._finish(1, f"step 'aim': the point inside {CLICKED} is covered by {covered}")
            return
        self.window.state.selection_changed.connect(self._selected)
        QTimer.singleShot(CLICK_TIMEOUT_MS, self._click_timeout)
        real_input.click(self.window.map_view, (x, y))

    def _click_timeout(self) -> None:
        if self.exit_code is None:
            self._finish(
                1,
                f"step 'click': a real click inside {CLICKED} selected nothing within "
                f"{CLICK_TIMEOUT_MS / 1000:.0f} s (selection: {sorted(self.window.state.selection)})",
            )

    def _selected(self, codes: frozenset[str]) -> None:
        if self.exit_code is not None:
            return
        if codes != {CLICKED}:
            self._finish(1, f"step 'click': a click inside {CLICKED} selected {sorted(codes)}")
            return
        QTimer.singleShot(0, self._check_panel)

    def _check_panel(self) -> None:
        language = self.window.languages.language
        wanted = display_name(CLICKED, language)
        shown = self.window.country_dock.title.text()
        if shown != wanted:
            self._finish(1, f"step 'panel': the Country panel shows {shown!r}, not {wanted!r}")
            return
        self._finish(0, f"{self._summary}, a real click selected {CLICKED} and the Country panel shows it")

    def _finish(self, code: int, message: str) -> None:
        if self.exit_code is not None:
            return
        self.exit_code = code
        print(
            message if code == 0 else f"smoke test FAILED: {message}",
            file=sys.stdout if code == 0 else sys.stderr,
        )
        QApplication.exit(code)
