"""Sending a page payload (``core.page_payload``) to a map view through the page's ``CM.*`` API.

No pandas here: the ``export`` command pushes a cached payload without importing the data stack.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from corridor_map.ui.page_api import PageApi
from corridor_map.ui.page_strings import page_strings


def choropleth_title(years: tuple[int, int] | None, classes_over: tuple[int, int] | None = None) -> str:
    """The legend title: units sold over the filtered years, and the years the classes are fixed over
    (during time playback, ``Filters.classes_over``)."""
    if years is None:
        title = QCoreApplication.translate("MapPage", "Units sold (all years)")
    else:
        title = QCoreApplication.translate("MapPage", "Units sold, %1").replace("%1", _span(years))
    if classes_over is None:
        return title
    fixed = QCoreApplication.translate("MapPage", "%1 (classes fixed over %2)")
    return fixed.replace("%1", title).replace("%2", _span(classes_over))


def _span(years: tuple[int, int]) -> str:
    first, last = years
    return str(first) if first == last else f"{first}–{last}"


Call = tuple[str, list[Any]]  # a ``CM.<function>`` and its arguments


def language_calls(language: str) -> list[Call]:
    """Labels, legend and controls in ``language`` (``en``/``zh``)."""
    return [("setLanguage", [language, page_strings()])]


def data_calls(
    data: dict[str, Any], label: str, title: str, routes: dict[str, Any] | None = None
) -> list[Call]:
    """The data label, choropleth, flows and dealer filters of a ``data_payload``.

    ``routes`` (ISO3 → leg ids) go with the flows once per page; the page keeps them.
    """
    flows = {"legs": data["legs"], "units": data["units"]}
    return [
        ("setDataLabel", [label]),
        ("setChoropleth", [{**data["choropleth"], "title": title}]),
        ("setFlows", [flows if routes is None else {**flows, "routes": routes}]),
        ("filterDealers", [data["brands"], data["area"]]),
    ]


def page_calls(
    payload: dict[str, Any],
    language: str,
    selection: Iterable[str],
    years: tuple[int, int] | None = None,
    *,
    classes_over: tuple[int, int] | None = None,
) -> list[Call]:
    """Everything, in the order a freshly loaded page needs it."""
    label = payload["labels"][language]
    title = choropleth_title(years, classes_over)
    return [
        *language_calls(language),
        ("setDealers", [payload["dealers"]]),
        *data_calls(payload["data"], label, title, payload["routes"]),
        ("setSelection", [sorted(selection)]),
    ]


def push(api: PageApi, calls: list[Call]) -> None:
    """Make ``calls`` on the page, in order."""
    api.apply(calls)


def startup_json(calls: list[Call]) -> str:
    """``calls`` for a page that is about to load, as the bridge's ``startup`` property
    (``MapView.set_startup``): the page makes them itself once its channel is connected, before it
    says it is ready (no round trip through Python; data only, as JSON, never code)."""
    return json.dumps([[f, a] for f, a in calls], ensure_ascii=False)


def push_language(api: PageApi, language: str) -> None:
    """Labels, legend and controls in ``language`` (``en``/``zh``)."""
    push(api, language_calls(language))


def push_data(
    api: PageApi, data: dict[str, Any], label: str, title: str, routes: dict[str, Any] | None = None
) -> None:
    """The data label, choropleth, flows and dealer filters of a ``data_payload``."""
    push(api, data_calls(data, label, title, routes))


def push_page(
    api: PageApi,
    payload: dict[str, Any],
    language: str,
    selection: Iterable[str],
    years: tuple[int, int] | None = None,
    *,
    classes_over: tuple[int, int] | None = None,
) -> None:
    """Everything, in the order a freshly loaded page needs it."""
    push(api, page_calls(payload, language, selection, years, classes_over=classes_over))
