"""The auto-tour: the top destinations one after the other, then the overview, looping."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from corridor_map.core.aggregate import units_by
from corridor_map.state import AppState

log = logging.getLogger(__name__)


def tour_countries(state: AppState, top_n: int, chosen: tuple[str, ...] = ()) -> list[str]:
    """The countries a tour round shows: ``chosen`` if given, else the ``top_n`` destinations by units
    under the current filters, largest first (countries without units are left out)."""
    if chosen:
        return list(chosen)
    table = units_by(state.dataset.sales, ("iso3",), state.filters)
    table = table[table["units"] > 0]
    return [str(code) for code in table["iso3"].head(max(top_n, 0))]


class TourPlayer(QObject):
    """Steps through a round: overview, country 1, …, country N, overview, … every ``dwell_ms``.

    Each country step selects the country in ``AppState`` (the map flies there and the panels follow
    by themselves); the overview step clears the selection and emits ``overviewRequested`` so the map
    can return to its initial view. The list is computed again at the start of every round, so a new
    dataset or new filters take effect at the next round.
    """

    stepped = Signal(int, int)  # position in the round (0 = overview), countries in the round
    overviewRequested = Signal()

    def __init__(self, state: AppState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.top_n = 8
        self.chosen: tuple[str, ...] = ()
        self.round: list[str] = []
        self.position = 0  # 0: the overview; i: round[i - 1]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.advance)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def configure(self, dwell_ms: int, top_n: int, chosen: tuple[str, ...]) -> None:
        self._timer.setInterval(max(dwell_ms, 1))
        self.top_n = top_n
        self.chosen = chosen

    def start(self) -> None:
        """From the overview (a new round)."""
        self.position = 0
        self._show_current()

    def stop(self) -> None:
        self._timer.stop()

    def advance(self) -> None:
        """The next step: the next country, or the overview after the last one."""
        self.position = self.position + 1 if self.position < len(self.round) else 0
        self._show_current()

    def _show_current(self) -> None:
        if self.position == 0:
            self.round = tour_countries(self.state, self.top_n, self.chosen)
            self.state.clear_selection()
            self.overviewRequested.emit()
            log.debug("tour: overview, next round %s", self.round)
        else:
            self.state.select([self.round[self.position - 1]])
        self.stepped.emit(self.position, len(self.round))
        self._timer.start()
