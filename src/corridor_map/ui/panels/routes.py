"""The default route from Chongqing to a country, from the corridor the app loaded once (``build_app``)."""

from __future__ import annotations

from corridor_map.core.corridor import Corridor, RouteDetail


def default_route(corridor: Corridor | None, iso3: str) -> RouteDetail | None:
    """The default route to ``iso3``; None without corridor data or without a route there."""
    if corridor is None:
        return None
    try:
        return corridor.default_route(iso3)
    except KeyError:
        return None
