"""The one way from Python into the map page: a typed method per page function.

Every call goes out as ``CM.<function>(args…)`` (``CMX.<function>`` for the export page's frame) with
the arguments serialised as JSON data, never spliced into code; this module (and the ``MapView`` it
wraps) is the only caller of ``runJavaScript`` in the app (a test scans src/ for it). The page's answers
come back in ``callback`` as its JSON text; what the page tells on its own (clicks, moves, readiness)
arrives through the bridge (``ui.bridge``), never by polling. docs/bridge.md lists these functions and a
test keeps the three lists (this module, the page's JS, the document) equal.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from corridor_map.ui.web import MapView

Callback = Callable[[Any], None]


class PageView(TypedDict, total=False):
    """``CM.setView``'s argument and ``CM.getView``'s answer: ``@typedef {{center: number[], zoom:
    number, layers: Object<string, boolean>}} PageView`` in the page."""

    center: list[float]
    zoom: float
    layers: dict[str, bool]


class Choropleth(TypedDict, total=False):
    """``CM.setChoropleth``'s argument (``core.page_payload``): values per ISO3, classes and legend title."""

    title: str
    values: dict[str, float]
    classes: list[dict[str, Any]]


class PageApi:
    """The page's functions, one method each; calls made before the page is ready are dropped
    (a freshly loaded page gets everything again from its presenter)."""

    def __init__(self, view: MapView) -> None:
        self.view = view

    @property
    def ready(self) -> bool:
        return bool(self.view.ready)

    def _call(self, function: str, *args: Any, callback: Callback | None = None) -> None:
        """``function``(args…) in the page, arguments as JSON data."""
        payload = ", ".join(json.dumps(a, ensure_ascii=False) for a in args)
        self.view.run_js(f"{function}({payload})", callback)

    def apply(self, calls: Iterable[tuple[str, list[Any]]]) -> None:
        """Make ``calls`` (``("setLanguage", [args…])``, as ``ui.page_push`` lists them) in order, in one
        call to the page, which builds its legend and controls once after the last (a function that is
        none of this class's methods raises ``AttributeError``)."""
        batch = list(calls)
        for function, _args in batch:
            getattr(self, _snake(function))  # (only the page API's functions)
        if batch:
            self._call("CM.applyCalls", [[function, list(args)] for function, args in batch])

    # ---- language and data --------------------------------------------------------------------
    def set_language(self, language: str, strings: dict[str, str]) -> None:
        """Labels, legend and controls in ``language`` (``en``/``zh``), ``strings`` translated."""
        self._call("CM.setLanguage", language, strings)

    def set_dealers(self, dealers: dict[str, Any]) -> None:
        """The dealer points (``core.page_payload``'s ``dealers``)."""
        self._call("CM.setDealers", dealers)

    def set_data_label(self, label: str) -> None:
        """The data's label on the map ("Illustrative sample data…", or the imported file's)."""
        self._call("CM.setDataLabel", label)

    def set_choropleth(self, choropleth: Choropleth | dict[str, Any]) -> None:
        self._call("CM.setChoropleth", choropleth)

    def set_flows(self, flows: dict[str, Any]) -> None:
        """Export flows along the corridor's legs (``legs``, ``units``; ``routes`` once per page)."""
        self._call("CM.setFlows", flows)

    def filter_dealers(self, brands: list[str] | None, area: dict[str, Any] | None) -> None:
        self._call("CM.filterDealers", brands, area)

    # ---- selection and focus ------------------------------------------------------------------
    def set_selection(self, codes: Iterable[str]) -> None:
        self._call("CM.setSelection", sorted(codes))

    def fit_countries(self, codes: Iterable[str], animate: bool = True) -> None:
        """Frame the countries ``codes``."""
        self._call("CM.fitCountries", sorted(codes), animate)

    def fit_bounds(self, bounds: list[list[float]], keep_clear: list[list[float]] | None = None) -> None:
        """Frame ``bounds`` (``[[south, west], [north, east]]``) at once, ``keep_clear`` (same form) clear
        of the legend; the page reports where it went (viewChanged)."""
        self._call("CM.fitBounds", bounds, keep_clear)

    def focus_dealer(self, index: int, fly: bool) -> None:
        """Highlight the dealer at ``index`` of the points sent (-1: none)."""
        self._call("CM.focusDealer", index, fly)

    def show_port_card(self, card: dict[str, Any], fly: bool) -> None:
        self._call("CM.showPortCard", card, fly)

    def close_port_card(self) -> None:
        self._call("CM.closePortCard")

    def show_routes(self, routes: list[dict[str, Any]]) -> None:
        """The compared routes of the Routes panel ([] draws none)."""
        self._call("CM.showRoutes", routes)

    # ---- how the map is shown ----------------------------------------------------------------
    def set_point_of_view(self, pov: str) -> None:
        """``china`` (China's point of view) or ``ne`` (Natural Earth's default view)."""
        self._call("CM.setPointOfView", pov)

    def set_year_badge(self, text: str | None) -> None:
        """The year time playback is at, large at the top of the map; None removes it."""
        self._call("CM.setYearBadge", text)

    def set_covered(self, rects: Sequence[tuple[int, int, int, int]]) -> None:
        """The parts of the map the app's widgets lie over (``x, y, width, height`` in its pixels): the
        legend keeps out of them."""
        self._call("CM.setCovered", [list(r) for r in rects])

    def set_legend_visible(self, visible: bool) -> None:
        self._call("CM.setLegendVisible", visible)

    def set_view(self, view: PageView | dict[str, Any]) -> None:
        """Go to ``view`` at once (any part may be missing); the page reports the result (viewChanged)."""
        self._call("CM.setView", view)

    def fly_to(self, view: PageView | dict[str, Any]) -> None:
        """Like :meth:`set_view`, flying (about a second)."""
        self._call("CM.flyTo", view)

    def get_view(self, callback: Callback) -> None:
        """``callback`` gets where the map is now (``PageView`` as JSON text)."""
        self._call("CM.getView", callback=callback)

    # ---- diagnostics (the smoke test) ---------------------------------------------------------
    def describe(self, callback: Callback) -> None:
        """``callback`` gets what the page draws (layers, countries, language, view) as JSON text."""
        self._call("CM.describe", callback=callback)

    def aim_at(self, iso3: str, callback: Callback) -> None:
        """Bring ``iso3`` into view; ``callback`` gets ``[x, y, covered-by]`` of a point inside it
        that nothing covers (window coordinates), as JSON text."""
        self._call("CM.aimAt", iso3, callback=callback)

    def collect_garbage(self, callback: Callback | None = None) -> None:
        """A full collection of the page's JavaScript garbage (``ui.memory_care``); ``callback`` gets
        whether the page could (``true`` only where the app exposes ``gc``)."""
        self._call("CM.collectGarbage", callback=callback)

    # ---- the export page ----------------------------------------------------------------------
    def install_export(self, source: str) -> None:
        """The export page's frame script (``cm_export.js``, which defines ``CMX``)."""
        self.view.run_js(source)

    def export_frame(self, options: dict[str, Any]) -> None:
        """Frame and draw one export picture; the page says when it is drawn (bridge ``exportReady``)."""
        self._call("CMX.frame", options)

    def export_info(self, callback: Callback) -> None:
        """``callback`` gets what the drawn frame holds (JSON text)."""
        self._call("CMX.info", callback=callback)


def _snake(name: str) -> str:
    """``setLanguage`` → ``set_language``."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)
