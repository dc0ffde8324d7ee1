"""How the map is shown, beside what it shows (``AppState``): Qt-free and observable.

Point of view, language, the compared routes drawn on the map, the layers shown, where the map is and
the year time playback is at.
Docks, the kiosk and the menus read and write it; one presenter (``ui.view_presenter``) follows it and
drives the page; the page reports where it is (pans, zooms, ticked layers) back into it. As in
``AppState``, setting a value equal to the current one emits nothing, so the page's report of a view
it was just sent causes no echo.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, Literal

from corridor_map.core.first_view import Bounds
from corridor_map.core.longitudes import WORLDS, from_frame, to_frame
from corridor_map.events import Event
from corridor_map.mapgen.options import PageOptions

log = logging.getLogger(__name__)

PointOfView = Literal["china", "ne"]
Language = Literal["en", "zh"]
World = Literal["pacific", "greenwich"]
Rect = tuple[int, int, int, int]  # x, y, width, height in the map's pixels
POINTS_OF_VIEW: tuple[PointOfView, ...] = ("china", "ne")
LANGUAGES: tuple[Language, ...] = ("en", "zh")
WORLD_NAMES: tuple[World, ...] = ("pacific", "greenwich")  # the China-centred world first: the default


@dataclass(frozen=True)
class MapExtent:
    """Where the map is: its centre and zoom, and which layers are shown (``{key: shown}``)."""

    center: tuple[float, float] | None = None
    zoom: float | None = None
    layers: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def from_page(cls, value: Any) -> MapExtent | None:
        """The page's ``CM.getView()`` answer (JSON text or a dict); None for anything malformed."""
        try:
            view = json.loads(value) if isinstance(value, str) else value
            lat, lon = (float(x) for x in view["center"])
            zoom = float(view["zoom"])
            layers = {str(k): bool(v) for k, v in dict(view.get("layers") or {}).items()}
        except (TypeError, ValueError, KeyError, AttributeError):
            log.warning("ignored a malformed map view: %r", value)
            return None
        return cls((lat, lon), zoom, layers)

    @classmethod
    def from_saved(cls, view: dict[str, Any]) -> MapExtent:
        """A saved view's page part (``SavedView.page_view()``): the layers, and where it was if known."""
        full = cls.from_page(view) if "center" in view else None
        if full is not None:
            return full
        return cls(layers={str(k): bool(v) for k, v in dict(view.get("layers") or {}).items()})

    def as_page_view(self, edge: float | None = None) -> dict[str, Any]:
        """The argument of ``CM.setView`` (parts that are unknown are left out); the centre's longitude
        in the page's world (``edge``: its west edge, None for ±180)."""
        view: dict[str, Any] = {"layers": dict(self.layers)}
        if self.center is not None and self.zoom is not None:
            lat, lon = self.center
            view["center"] = [lat, lon if edge is None else to_frame(lon, edge)]
            view["zoom"] = self.zoom
        return view

    def in_plain_longitudes(self) -> MapExtent:
        """This extent with its centre's longitude in ±180 (a page of the China-centred world reports
        longitudes up to 335° E): saved views and exports are the same in both worlds."""
        if self.center is None:
            return self
        lat, lon = self.center
        return MapExtent((lat, from_frame(lon)), self.zoom, self.layers)


@dataclass(frozen=True)
class ViewRequest:
    """A move the page is asked to make: to ``extent`` (any part may be missing), flying or not."""

    extent: MapExtent
    fly: bool = False


@dataclass(frozen=True)
class BoundsRequest:
    """A frame the page is asked to show: all of ``bounds``, with ``keep_clear`` (if any) clear of the
    map's controls (the legend)."""

    bounds: Bounds
    keep_clear: Bounds | None = None


class ViewState:
    """Point of view, language, compared routes, and the map's extent, with change events."""

    def __init__(self, point_of_view: str = "china", language: str = "en", world: str = "pacific") -> None:
        self._pov: PointOfView = _pov(point_of_view)
        self._world: World = _world(world)
        self.world_changed: Event[World] = Event()  # the page is built again for the other world
        self._language: Language = _language(language)
        self._routes: tuple[dict[str, Any], ...] = ()
        self._extent = MapExtent()
        self.point_of_view_changed: Event[PointOfView] = Event()
        self.language_changed: Event[Language] = Event()
        self.routes_changed: Event[tuple[dict[str, Any], ...]] = Event()
        self.extent_changed: Event[MapExtent] = Event()  # the page moved (reported by the page)
        self.view_requested: Event[ViewRequest] = Event()  # a panel asks the page to move
        self.fit_requested: Event[tuple[str, ...]] = Event()  # a panel asks the page to frame countries
        self.bounds_requested: Event[BoundsRequest] = Event()  # the window asks the page to frame a box
        self._playback_year: int | None = None
        self.playback_year_changed: Event[int | None] = Event()
        self._covered: tuple[Rect, ...] = ()
        self.covered_changed: Event[tuple[Rect, ...]] = Event()

    @property
    def point_of_view(self) -> PointOfView:
        return self._pov

    def set_point_of_view(self, pov: str) -> None:
        """China's point of view (``china``, the default) or Natural Earth's default view (``ne``)."""
        new = _pov(pov)
        if new != self._pov:
            self._pov = new
            log.info("point of view: %s", new)
            self.point_of_view_changed.emit(new)

    @property
    def world(self) -> World:
        """``pacific``: the China-centred world (25° W to 335° E, the Americas east of the Pacific;
        the default); ``greenwich``: the ±180 world."""
        return self._world

    @property
    def edge(self) -> float | None:
        """The west edge of the page's world (``core.world_frame``), None for the ±180 world."""
        return WORLDS[self._world]

    def set_world(self, world: str) -> None:
        new = _world(world)
        if new != self._world:
            self._world = new
            log.info("world: %s", new)
            self.world_changed.emit(new)

    @property
    def language(self) -> Language:
        return self._language

    def page_options(self) -> PageOptions:
        """The options of the window's page for this view (the page is built for them)."""
        return PageOptions(pov=self._pov, lang=self._language, world=self._world)

    def set_language(self, language: str) -> None:
        new = _language(language)
        if new != self._language:
            self._language = new
            log.info("language: %s", new)
            self.language_changed.emit(new)

    @property
    def routes(self) -> tuple[dict[str, Any], ...]:
        """The compared routes drawn on the map (the ``CM.showRoutes`` payload)."""
        return self._routes

    def set_routes(self, routes: list[dict[str, Any]] | tuple[dict[str, Any], ...]) -> None:
        new = tuple(routes)
        if new != self._routes:
            self._routes = new
            self.routes_changed.emit(new)

    @property
    def extent(self) -> MapExtent:
        """Where the map is, as the page last reported it (empty before the page is ready)."""
        return self._extent

    def report_extent(self, extent: MapExtent) -> None:
        """The page moved or a layer was ticked (from the page only; the centre in ±180:
        :meth:`MapExtent.in_plain_longitudes`)."""
        if extent != self._extent:
            self._extent = extent
            self.extent_changed.emit(extent)

    def request_view(self, extent: MapExtent, *, fly: bool = False) -> None:
        """Ask the page to go to ``extent`` (its layers shown as given); the page reports where it went."""
        self.view_requested.emit(ViewRequest(extent, fly))

    @property
    def playback_year(self) -> int | None:
        """The year time playback is at (playing or paused), shown large on the map; None when stopped."""
        return self._playback_year

    def set_playback_year(self, year: int | None) -> None:
        new = int(year) if year is not None else None
        if new != self._playback_year:
            self._playback_year = new
            self.playback_year_changed.emit(new)

    @property
    def covered(self) -> tuple[Rect, ...]:
        """Parts of the map the app's own widgets lie over (exhibition mode's bar): ``(x, y, width,
        height)`` in the map's pixels; the legend keeps out of them."""
        return self._covered

    def set_covered(self, rects: tuple[Rect, ...] | list[Rect]) -> None:
        new = tuple((int(x), int(y), int(w), int(h)) for x, y, w, h in rects)
        if new != self._covered:
            self._covered = new
            self.covered_changed.emit(new)

    def request_fit(self, codes: tuple[str, ...] | list[str]) -> None:
        """Ask the page to frame the countries ``codes`` (a search result)."""
        self.fit_requested.emit(tuple(codes))

    def request_bounds(self, bounds: Bounds, keep_clear: Bounds | None = None) -> None:
        """Ask the page to frame ``bounds`` (the first run's view), ``keep_clear`` not under the legend."""
        self.bounds_requested.emit(BoundsRequest(bounds, keep_clear))


def _pov(value: str) -> PointOfView:
    return "ne" if value == "ne" else "china"


def _language(value: str) -> Language:
    return "zh" if value == "zh" else "en"


def _world(value: str) -> World:
    return "greenwich" if value == "greenwich" else "pacific"
