"""Sending a page payload (``core.page_payload``) to a map view through the page's ``CM.*`` API.

No pandas here: the ``export`` command pushes a cached payload without importing the data stack.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from corridor_map.ui.page_strings import page_strings
from corridor_map.ui.web import MapView


def choropleth_title(years: tuple[int, int] | None) -> str:
    """The legend title: units sold over the filtered years."""
    if years is None:
        return QCoreApplication.translate("MapPage", "Units sold (all years)")
    first, last = years
    span = str(first) if first == last else f"{first}–{last}"
    return QCoreApplication.translate("MapPage", "Units sold, %1").replace("%1", span)


def push_language(view: MapView, language: str) -> None:
    """Labels, legend and controls in ``language`` (``en``/``zh``)."""
    view.call("setLanguage", language, page_strings())


def push_data(
    view: MapView, data: dict[str, Any], label: str, title: str, routes: dict[str, Any] | None = None
) -> None:
    """The data label, choropleth, flows and dealer filters of a ``data_payload``.

    ``routes`` (ISO3 → leg ids) go with the flows once per page; the page keeps them.
    """
    view.call("setDataLabel", label)
    view.call("setChoropleth", {**data["choropleth"], "title": title})
    flows = {"legs": data["legs"], "units": data["units"]}
    view.call("setFlows", flows if routes is None else {**flows, "routes": routes})
    view.call("filterDealers", data["brands"], data["area"])


def push_page(
    view: MapView,
    payload: dict[str, Any],
    language: str,
    selection: Iterable[str],
    years: tuple[int, int] | None = None,
) -> None:
    """Everything, in the order a freshly loaded page needs it."""
    push_language(view, language)
    view.call("setDealers", payload["dealers"])
    label = payload["labels"][language]
    push_data(view, payload["data"], label, choropleth_title(years), payload["routes"])
    view.call("setSelection", sorted(selection))
