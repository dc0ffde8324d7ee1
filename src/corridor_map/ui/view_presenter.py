"""Keeps a map page in step with the ``ViewState``: point of view, language, compared routes, moves.

The page's own reports (pans, zooms, ticked layers through the bridge's ``viewChanged``) go back into
the ``ViewState``; nothing polls the page. ``PagePresenter`` does the same for ``AppState``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QPoint

from corridor_map.events import Subscriptions
from corridor_map.ui.presenter import PagePresenter
from corridor_map.ui.web import MapView
from corridor_map.view_state import BoundsRequest, MapExtent, ViewRequest, ViewState

log = logging.getLogger(__name__)


class ViewPresenter(QObject):
    """Subscribes to ``view_state`` and drives ``view``'s page; the page's moves come back as extents."""

    def __init__(self, view: MapView, view_state: ViewState, page: PagePresenter) -> None:
        super().__init__(view)
        self.view = view
        self.api = view.api
        self.view_state = view_state
        self.page = page
        # the view is logged when the page is ready and after each move the app asks for (the first
        # view, a search, a saved view), never after the user's own pans
        self._log_next_move = False
        view.pageReady.connect(self._on_page_ready)
        view.viewChanged.connect(self._on_page_moved)
        self._subscriptions = Subscriptions(
            (view_state.point_of_view_changed, self._push_point_of_view),
            (view_state.language_changed, self._push_language),
            (view_state.routes_changed, self._push_routes),
            (view_state.view_requested, self._push_view),
            (view_state.fit_requested, self._push_fit),
            (view_state.bounds_requested, self._push_bounds),
            (view_state.playback_year_changed, self._push_playback_year),
            (view_state.covered_changed, self._push_covered),
        )

    def detach(self) -> None:
        """Stop following the view state (the view is closing); safe to call twice."""
        self._subscriptions.close()

    def _on_page_ready(self) -> None:
        """A (re)loaded page starts in its defaults: the view state's point of view and routes."""
        self.api.set_point_of_view(self.view_state.point_of_view)
        self.api.show_routes(list(self.view_state.routes))
        if self.view_state.playback_year is not None:
            self._push_playback_year(self.view_state.playback_year)
        if self.view_state.covered:
            self._push_covered(self.view_state.covered)
        self.api.get_view(self._on_page_started)

    def _on_page_started(self, value: Any) -> None:
        """Where a (re)loaded page starts: logged (a move asked for meanwhile is logged once it is made)."""
        extent = MapExtent.from_page(value)
        if extent is not None:
            self.view_state.report_extent(extent.in_plain_longitudes())
            self._log_placement(extent)

    def _on_page_moved(self, value: Any) -> None:
        extent = MapExtent.from_page(value)  # (in the page's longitudes: up to 335° E in the Pacific world)
        if extent is None:
            return
        self.view_state.report_extent(extent.in_plain_longitudes())
        if self._log_next_move:
            self._log_next_move = False
            self._log_placement(extent)

    def _log_placement(self, extent: MapExtent) -> None:
        """Where the map is on the screen and what it shows (for support, and CI's real X click: the
        centre in the page's own longitudes, which Web Mercator maps linearly to pixels)."""
        if extent.center is None or extent.zoom is None:
            return
        origin = self.view.mapToGlobal(QPoint(0, 0))
        lat, lon = extent.center
        log.info(
            "map view: centre %.5f,%.5f zoom %.2f; on screen at %d,%d size %dx%d",
            lat, lon, extent.zoom, origin.x(), origin.y(), self.view.width(), self.view.height(),
        )  # fmt: skip

    def _push_point_of_view(self, pov: str) -> None:
        if self.api.ready:
            self.api.set_point_of_view(pov)

    def _push_language(self, language: str) -> None:
        self.page.set_language(language)

    def _push_routes(self, routes: tuple[dict[str, Any], ...]) -> None:
        if self.api.ready:
            self.api.show_routes(list(routes))

    def _push_view(self, request: ViewRequest) -> None:
        if not self.api.ready:
            return
        self._log_next_move = True
        view = request.extent.as_page_view(self.view_state.edge)
        if request.fly:
            self.api.fly_to(view)
        else:
            self.api.set_view(view)

    def _push_playback_year(self, year: int | None) -> None:
        if self.api.ready:
            self.api.set_year_badge(str(year) if year is not None else None)

    def _push_covered(self, rects: tuple[tuple[int, int, int, int], ...]) -> None:
        if self.api.ready:
            self.api.set_covered(rects)

    def _push_fit(self, codes: tuple[str, ...]) -> None:
        if self.api.ready:
            self._log_next_move = True
            self.api.fit_countries(codes, True)

    def _push_bounds(self, request: BoundsRequest) -> None:
        if self.api.ready:
            self._log_next_move = True
            keep = request.keep_clear.as_page() if request.keep_clear else None
            self.api.fit_bounds(request.bounds.as_page(), keep)
