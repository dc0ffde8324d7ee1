"""Time playback: step the year filter through the data's years with a GUI-thread timer, through AppState.

Each step is one ``AppState.update_filters(years=…)``: a single year ``(y, y)`` by default, or, in
cumulative mode, everything up to that year ``(first, y)``. The first year is shown at once on
:meth:`YearPlayback.play`, each later one ``step_ms`` after the previous; the last year stays on the
map for one more step, then playback finishes (``playbackFinished``) and leaves the last year shown.
A change of the years made elsewhere (the slider, "Show all", "Reset filters") or a new dataset halts
playback; a change of the other filters does not.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from corridor_map.core.aggregate import Filters, year_range
from corridor_map.core.dataset import Dataset
from corridor_map.state import AppState
from corridor_map.ui.panels.table_dock import subscribe

DEFAULT_STEP_MS = 1000


class YearPlayback(QObject):
    """Play / pause / stop over the active dataset's years; only ever touches the ``years`` filter."""

    playbackFinished = Signal()  # the last year has been shown for one step
    playingChanged = Signal(bool)
    yearShown = Signal(int)  # the year a step has just put on the map

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.cumulative = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(DEFAULT_STEP_MS)
        self._timer.timeout.connect(self._advance)
        self._year: int | None = None  # where playback is (playing or paused); None when stopped
        self._written: tuple[int, int] | None = None  # the years this object last wrote
        self._before: tuple[int, int] | None = None  # the years filter playback started from
        subscribe(self, state.filters_changed, self._on_filters)
        subscribe(self, state.dataset_changed, self._on_dataset)

    # ---- what tests and the kiosk mode drive ----------------------------------------------------
    @property
    def is_playing(self) -> bool:
        return self._timer.isActive()

    @property
    def is_paused(self) -> bool:
        return self._year is not None and not self._timer.isActive()

    @property
    def year(self) -> int | None:
        """The year playback is at (while playing or paused), else None."""
        return self._year

    @property
    def step_ms(self) -> int:
        """Milliseconds each year stays on the map."""
        return self._timer.interval()

    @step_ms.setter
    def step_ms(self, ms: int) -> None:
        self._timer.setInterval(max(1, int(ms)))  # a running timer restarts with the new interval

    def bounds(self) -> tuple[int, int] | None:
        return year_range(self.state.dataset.sales)

    def play(self) -> None:
        """Start at the first year, or resume after a pause; no-op while playing or without sales."""
        bounds = self.bounds()
        if self.is_playing or bounds is None:
            return
        if self._year is None or not bounds[0] <= self._year <= bounds[1]:
            self._before = self.state.filters.years
            self._show(bounds[0])
        self._timer.start()
        self.playingChanged.emit(True)

    def pause(self) -> None:
        """Stop the timer and keep the position: :meth:`play` resumes with the next year."""
        if self.is_playing:
            self._timer.stop()
            self.playingChanged.emit(False)

    def toggle(self) -> None:
        """Play or pause (the Play/Pause button)."""
        if self.is_playing:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """End playback and put back the years filter that was there before Play (one state change)."""
        if self._year is None:
            return
        before = self._before
        self._halt()
        self.state.update_filters(years=before)

    # ---- internals ----------------------------------------------------------------------------
    def _span(self, year: int) -> tuple[int, int]:
        bounds = self.bounds()
        first = bounds[0] if bounds is not None and self.cumulative else year
        return first, year

    def _show(self, year: int) -> None:
        self._year = year
        self._written = self._span(year)
        self.state.update_filters(years=self._written)  # our own echo is recognised in _on_filters
        self.yearShown.emit(year)

    def _advance(self) -> None:
        bounds = self.bounds()
        if self._year is None or bounds is None:
            self._halt()
        elif self._year < bounds[1]:
            self._show(self._year + 1)
        else:
            self._halt()
            self.playbackFinished.emit()

    def _halt(self) -> None:
        """Forget the position and stop the timer (the filters stay as they are)."""
        was_playing = self.is_playing
        self._timer.stop()
        self._year = None
        self._written = None
        if was_playing:
            self.playingChanged.emit(False)

    def _on_filters(self, filters: Filters) -> None:
        if self._year is not None and filters.years != self._written:
            self._halt()  # someone else set the years: they win

    def _on_dataset(self, _dataset: Dataset) -> None:
        self._halt()
