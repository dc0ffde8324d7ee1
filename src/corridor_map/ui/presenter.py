"""Keeps a map page in step with the shared state: choropleth, flows, dealers, selection, language.

Works for any ``MapView`` (the window's and the hidden export view). Everything goes to the page as
data through ``CM.*``; the page is never reloaded for a state change.
"""

from __future__ import annotations

import logging
from typing import Any, cast

import pandas as pd
from PySide6.QtCore import QObject, Signal

from corridor_map.core.corridor import Corridor
from corridor_map.core.dataset import Dataset
from corridor_map.core.dealer_points import placed_dealers
from corridor_map.core.flows import default_routes
from corridor_map.core.page_payload import data_payload, page_payload
from corridor_map.events import Subscriptions
from corridor_map.state import AppState
from corridor_map.ui.page_push import (
    choropleth_title,
    page_calls,
    push,
    push_data,
    push_language,
    startup_json,
)
from corridor_map.ui.panels.sales_cube import cube_for
from corridor_map.ui.web import MapView

log = logging.getLogger(__name__)


class PagePresenter(QObject):
    """Subscribes to ``AppState`` and pushes each change to the page; clicks come back as state changes.

    The payload (``core.page_payload``) is computed in the GUI thread (a few ms) and sent with
    ``ui.page_push``. ``choroplethApplied`` fires with the choropleth once the page has it.
    """

    choroplethApplied = Signal(dict)
    # everything pushed to a (re)loaded page that did not start with it (``push_all``), as startup JSON
    pagePushed = Signal(str)

    def __init__(
        self,
        view: MapView,
        state: AppState,
        language: str = "en",
        corridor: Corridor | None = None,
        fly: bool = True,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.state = state
        self.language = language
        self.fly = fly
        self.pushes = 0
        self.corridor = corridor
        self.routes = default_routes(corridor) if corridor is not None else {}
        self._dealer_rows: pd.Index = pd.Index([])
        view.pageReady.connect(self.push_all)
        view.countrySelected.connect(self.state.toggle)
        view.dealerSelected.connect(self._on_dealer_clicked)
        view.backgroundSelected.connect(self.state.clear_selection)
        view.portSelected.connect(self.show_port)
        # AppState's events are plain callbacks: detach() undoes these (a closed export view's presenter
        # would otherwise go on pushing into its deleted page)
        self._subscriptions = Subscriptions(
            (state.dataset_changed, self._on_dataset),
            (state.dealer_focused, self._push_dealer_focus),
            (state.filters_changed, self._on_filters),
            (state.selection_changed, self._push_selection),
        )

    def detach(self) -> None:
        """Stop following the state (the view is closing); safe to call twice."""
        self._subscriptions.close()

    def _on_filters(self, _filters: object) -> None:
        self._push_data()

    def set_language(self, language: str) -> None:
        """Labels, legend and data label in ``language`` (``en``/``zh``)."""
        self.language = language
        if self.view.ready:
            push_language(self.view.api, language)
            self._push_data()

    def label(self, language: str) -> str:
        """The dataset's label in ``language`` (for source lines)."""
        return self.state.dataset.label(language)

    def push_all(self) -> None:
        """Everything, after the page (re)loaded."""
        dataset = self.state.dataset
        try:
            payload = page_payload(dataset, self.state.filters, self.routes)
        except Exception:  # never leave the map half-updated because of a classification problem
            log.exception("cannot compute the map's data")
            return
        self._dealer_rows = placed_dealers(dataset.dealers).index
        years, over = self.state.filters.years, self.state.filters.classes_over
        calls = page_calls(payload, self.language, self.state.selection, years, classes_over=over)
        startup = startup_json(calls)
        if self.view.take_startup() == startup:  # (the page made these very calls as it loaded)
            log.debug("the page started with the state's calls; nothing pushed")
        else:
            self.pushes += 1
            push(self.view.api, calls)
            self.pagePushed.emit(startup)
        self._applied(payload["data"])

    def _on_dataset(self, dataset: Dataset) -> None:
        if self.view.ready:
            self.push_all()

    def _push_data(self) -> None:
        if not self.view.ready:
            return
        try:
            dataset, filters = self.state.dataset, self.state.filters
            units = cube_for(dataset, filters).units_per_country()  # (the panels' aggregates, shared)
            data = data_payload(dataset, filters, self.routes, units)
        except Exception:  # never leave the map half-updated because of a classification problem
            log.exception("cannot compute the choropleth")
            return
        self.pushes += 1
        title = choropleth_title(self.state.filters.years, self.state.filters.classes_over)
        push_data(self.view.api, data, self.state.dataset.label(self.language), title)
        self._applied(data)

    def _applied(self, data: dict[str, Any]) -> None:
        title = choropleth_title(self.state.filters.years, self.state.filters.classes_over)
        self.choroplethApplied.emit({**data["choropleth"], "title": title})

    def _push_selection(self, codes: frozenset[str]) -> None:
        if not self.view.ready:
            return
        self.view.api.set_selection(codes)
        if codes and self.fly:
            self.view.api.fit_countries(codes, True)

    def _on_dealer_clicked(self, index: int, additive: bool) -> None:
        if 0 <= index < len(self._dealer_rows):
            self.state.focus_dealer(self._dealer_rows[index], additive)

    def _push_dealer_focus(self, row: int | None) -> None:
        """The focused dealer highlighted on the map, in view at a zoom where it is not in a group."""
        if not self.view.ready:
            return
        index = -1
        if row is not None and row in self._dealer_rows:
            index = cast(int, self._dealer_rows.get_loc(row))  # (unique labels)
        self.view.api.focus_dealer(index, self.fly)

    def show_port(self, port_id: str) -> None:
        """A port's card on the map (a search result or a click on the port): no country is selected."""
        if self.corridor is None or port_id not in self.corridor.ports or not self.view.ready:
            return
        from corridor_map.core.page_payload import units_per_country
        from corridor_map.core.port_facts import port_facts
        from corridor_map.ui.port_card import card_payload

        units = units_per_country(self.state.dataset, self.state.filters)
        facts = port_facts(self.corridor, port_id, units, self.routes)
        log.info("port card: %s", port_id)
        self.view.api.show_port_card(card_payload(facts, self.language), self.fly)

    def close_port_card(self) -> None:
        if self.view.ready:
            self.view.api.close_port_card()
