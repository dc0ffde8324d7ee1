"""Keeps a map page in step with the shared state: choropleth, flows, dealers, selection, language.

Works for any ``MapView`` (the window's and the hidden export view). Everything goes to the page as
data through ``CM.*``; the page is never reloaded for a state change.
"""

from __future__ import annotations

import logging
from typing import Any

import pandas as pd
from PySide6.QtCore import QCoreApplication, QObject, Signal

from corridor_map.core.aggregate import allowed_countries, units_by
from corridor_map.core.choropleth import classify
from corridor_map.core.corridor import Corridor
from corridor_map.core.dataset import Dataset
from corridor_map.core.dealer_points import pack_dealers, placed_dealers
from corridor_map.core.flows import default_routes, leg_units
from corridor_map.state import AppState
from corridor_map.ui.page_strings import page_strings
from corridor_map.ui.web import MapView

log = logging.getLogger(__name__)


def choropleth_title(state: AppState) -> str:
    """The legend title: units sold over the filtered years."""
    years = state.filters.years
    if years is None:
        return QCoreApplication.translate("MapPage", "Units sold (all years)")
    first, last = years
    span = str(first) if first == last else f"{first}–{last}"
    return QCoreApplication.translate("MapPage", "Units sold, %1").replace("%1", span)


def units_per_country(state: AppState) -> dict[str, int]:
    """Units by ISO3 under the current filters."""
    table = units_by(state.dataset.sales, ("iso3",), state.filters)
    return dict(zip(table["iso3"].astype(str), table["units"].astype(int), strict=True))


def choropleth_payload(state: AppState, units: dict[str, int] | None = None) -> dict[str, Any]:
    """Units by country under the current filters, classified, ready for ``CM.setChoropleth``."""
    values = units_per_country(state) if units is None else units
    payload = classify(values).to_page()
    payload["title"] = choropleth_title(state)
    return payload


class PagePresenter(QObject):
    """Subscribes to ``AppState`` and pushes each change to the page; clicks come back as state changes.

    The choropleth is computed in the GUI thread (a few ms). ``choroplethApplied`` fires with the
    payload once the page has it.
    """

    choroplethApplied = Signal(dict)

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
        self.routes = default_routes(corridor) if corridor is not None else {}
        self._dealer_rows: pd.Index = pd.Index([])
        view.pageReady.connect(self.push_all)
        view.countrySelected.connect(self.state.toggle)
        view.dealerSelected.connect(self._on_dealer_clicked)
        state.dataset_changed.connect(self._on_dataset)
        state.filters_changed.connect(lambda _f: self._push_data())
        state.selection_changed.connect(self._push_selection)

    def set_language(self, language: str) -> None:
        """Labels, legend and data label in ``language`` (``en``/``zh``)."""
        self.language = language
        if self.view.ready:
            self.view.call("setLanguage", language, page_strings())
            self._push_data()

    def push_all(self) -> None:
        """Everything, after the page (re)loaded."""
        self.view.call("setLanguage", self.language, page_strings())
        self.view.call("setFlows", {"legs": {}, "units": {}, "routes": self.routes})  # routes once per page
        self._push_dealers(self.state.dataset)
        self._push_data()
        self.view.call("setSelection", sorted(self.state.selection))

    def _on_dataset(self, dataset: Dataset) -> None:
        if self.view.ready:
            self._push_dealers(dataset)
            self._push_data()

    def _push_dealers(self, dataset: Dataset) -> None:
        self._dealer_rows = placed_dealers(dataset.dealers).index
        self.view.call("setDealers", pack_dealers(dataset.dealers))

    def _push_data(self) -> None:
        if not self.view.ready:
            return
        self.view.call("setDataLabel", self.state.dataset.label(self.language))
        try:
            units = units_per_country(self.state)
            payload = choropleth_payload(self.state, units)
        except Exception:  # never leave the map half-updated because of a classification problem
            log.exception("cannot compute the choropleth")
            return
        self.pushes += 1
        self.view.call("setChoropleth", payload)
        self.view.call(
            "setFlows", {"legs": leg_units(units, self.routes), "units": units, "routes": self.routes}
        )
        filters = self.state.filters
        brands = sorted(filters.brands) if filters.brands else None
        area = allowed_countries(filters)
        self.view.call("filterDealers", brands, sorted(area) if area is not None else None)
        self.choroplethApplied.emit(payload)

    def _push_selection(self, codes: frozenset[str]) -> None:
        if not self.view.ready:
            return
        self.view.call("setSelection", sorted(codes))
        if codes and self.fly:
            self.view.call("fitCountries", sorted(codes), True)

    def _on_dealer_clicked(self, index: int, additive: bool) -> None:
        if 0 <= index < len(self._dealer_rows):
            self.state.focus_dealer(self._dealer_rows[index], additive)
