"""Time playback: step the year filter through the chosen years with a GUI-thread timer, through AppState.

Play runs through the years filter as it is when Play is pressed (every year of the data when there is
none). Each step is one ``AppState.update_filters``: the years shown — a single year ``(y, y)`` by
default, or, in cumulative mode, everything from the range's first year ``(first, y)`` — together with
``classes_over`` (the range), so the choropleth's classes stay the same for every frame and the colours
show the change. The first year is shown at once on :meth:`YearPlayback.play`, each later one
``step_ms`` after the previous; the last year stays on the map for one more step, then playback
finishes (``playbackFinished``). Finishing and :meth:`~YearPlayback.stop` put back the years filter
there was before Play (one state change). ``positionChanged`` tells the year playback is at (None when
stopped): the window puts it in its ``ViewState``, which shows it large on the map.

A change of the years made elsewhere (the slider, "Show all", "Reset filters") or a new dataset halts
playback (``AppState.update_filters`` drops the fixed classes with it); a change of the other filters
does not.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from corridor_map.core.aggregate import Filters, year_range
from corridor_map.core.dataset import Dataset
from corridor_map.state import AppState
from corridor_map.ui.panels.table_dock import subscribe

DEFAULT_STEP_MS = 1000


class YearPlayback(QObject):
    """Play / pause / stop over the chosen years; only ever touches the years and the class basis."""

    playbackFinished = Signal()  # the last year has been shown for one step; the years are put back
    playingChanged = Signal(bool)
    yearShown = Signal(int)  # the year a step has just put on the map
    positionChanged = Signal(object)  # int | None: the year playback is at (playing or paused), or None

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.cumulative = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(DEFAULT_STEP_MS)
        self._timer.timeout.connect(self._advance)
        self._year: int | None = None  # where playback is (playing or paused); None when stopped
        self._range: tuple[int, int] | None = None  # the years being played
        self._written: tuple[tuple[int, int], tuple[int, int] | None] | None = None  # years, classes_over
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
    def playing_range(self) -> tuple[int, int] | None:
        """The first and last year being played (while playing or paused), else None."""
        return self._range if self._year is not None else None

    @property
    def step_ms(self) -> int:
        """Milliseconds each year stays on the map."""
        return self._timer.interval()

    @step_ms.setter
    def step_ms(self, ms: int) -> None:
        self._timer.setInterval(max(1, int(ms)))  # a running timer restarts with the new interval

    def bounds(self) -> tuple[int, int] | None:
        return year_range(self.state.dataset.sales)

    def chosen_range(self) -> tuple[int, int] | None:
        """The years Play would run through now: the years filter within the data's, else all of them."""
        bounds = self.bounds()
        years = self.state.filters.years
        if bounds is None or years is None:
            return bounds
        first, last = max(years[0], bounds[0]), min(years[1], bounds[1])
        return (first, last) if first <= last else bounds

    def play(self) -> None:
        """Start at the chosen range's first year, or resume after a pause; no-op while playing or
        without sales."""
        if self.is_playing:
            return
        fresh = self._year is None
        span = self.chosen_range() if fresh else self._range
        if span is None:
            return
        self._timer.start()  # before the first year is shown: a pause on its ``yearShown`` holds
        self.playingChanged.emit(True)
        if fresh:
            self._before = self.state.filters.years
            self._range = span
            self._show(span[0])

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
        if self._year is not None:
            self._restore()

    # ---- internals ----------------------------------------------------------------------------
    def _span(self, year: int) -> tuple[int, int]:
        first = self._range[0] if self._range is not None and self.cumulative else year
        return first, year

    def _show(self, year: int) -> None:
        self._year = year
        span = self._span(year)
        self._written = (span, self._range)  # our own echo is recognised in _on_filters
        self.state.update_filters(years=span, classes_over=self._range, cumulative_classes=self.cumulative)
        self.positionChanged.emit(year)
        self.yearShown.emit(year)

    def _advance(self) -> None:
        if self._year is None or self._range is None:
            self._halt()
        elif self._year < self._range[1]:
            self._show(self._year + 1)
        else:
            self._restore()
            self.playbackFinished.emit()

    def _restore(self) -> None:
        """Halt and put back the years there were before Play, the classes no longer fixed."""
        before = self._before
        self._halt()
        self.state.update_filters(years=before, classes_over=None, cumulative_classes=False)

    def _halt(self) -> None:
        """Forget the position and stop the timer (the filters stay as they are)."""
        was_playing, had_position = self.is_playing, self._year is not None
        self._timer.stop()
        self._year = None
        self._written = None
        if was_playing:
            self.playingChanged.emit(False)
        if had_position:
            self.positionChanged.emit(None)

    def _on_filters(self, filters: Filters) -> None:
        if self._year is not None and (filters.years, filters.classes_over) != self._written:
            self._halt()  # someone else set the years: they win (other filters: playback goes on)

    def _on_dataset(self, _dataset: Dataset) -> None:
        self._halt()
