"""Keeps a map page in step with the shared state: choropleth, selection, language, data label.

Works for any ``MapView`` (the window's and the hidden export view). Everything goes to the page as
data through ``CM.*``; the page is never reloaded for a state change.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from corridor_map.core.aggregate import units_by
from corridor_map.core.choropleth import classify
from corridor_map.paths import user_cache_dir
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


def choropleth_payload(state: AppState) -> dict[str, Any]:
    """Units by country under the current filters, classified, ready for ``CM.setChoropleth``."""
    table = units_by(state.dataset.sales, ("iso3",), state.filters)
    values = dict(zip(table["iso3"].astype(str), table["units"].astype(int), strict=True))
    payload = classify(values, cache_dir=user_cache_dir()).to_page()
    payload["title"] = choropleth_title(state)
    return payload


class PagePresenter(QObject):
    """Subscribes to ``AppState`` and pushes each change to the page; clicks come back as state changes.

    The choropleth is computed in the GUI thread (a few ms; classes already seen come from a disk
    cache). mapclassify is imported on first need, or warmed up when the app is idle shortly after the
    map appears; imports in worker threads are not safe with PySide6. ``choroplethApplied`` fires
    with the payload once the page has it.
    """

    choroplethApplied = Signal(dict)

    def __init__(self, view: MapView, state: AppState, language: str = "en", fly: bool = True) -> None:
        super().__init__(view)
        self.view = view
        self.state = state
        self.language = language
        self.fly = fly
        self.pushes = 0
        view.pageReady.connect(self.push_all)
        view.countrySelected.connect(self.state.toggle)
        state.dataset_changed.connect(lambda _d: self._push_data())
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
        self._push_data()
        self.view.call("setSelection", sorted(self.state.selection))

    def _push_data(self) -> None:
        if not self.view.ready:
            return
        self.view.call("setDataLabel", self.state.dataset.label(self.language))
        try:
            payload = choropleth_payload(self.state)
        except Exception:  # never leave the map half-updated because of a classification problem
            log.exception("cannot compute the choropleth")
            return
        self.pushes += 1
        self.view.call("setChoropleth", payload)
        self.choroplethApplied.emit(payload)

    def _push_selection(self, codes: frozenset[str]) -> None:
        if not self.view.ready:
            return
        self.view.call("setSelection", sorted(codes))
        if codes and self.fly:
            self.view.call("fitCountries", sorted(codes), True)
