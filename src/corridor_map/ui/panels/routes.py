"""The routes from Chongqing, from ``core.corridor`` (loaded once, on first use, about 0.2 s)."""

from __future__ import annotations

import functools
import logging

from corridor_map.core.corridor import Corridor, RouteDetail, load_corridor
from corridor_map.core.errors import GeoDataError

log = logging.getLogger(__name__)


@functools.cache
def corridor() -> Corridor | None:
    """The corridor data, or None when its files are missing or broken (logged; the panel says so)."""
    try:
        return load_corridor()
    except GeoDataError as exc:
        log.warning("no route data: %s", exc)
        return None


def default_route(iso3: str) -> RouteDetail | None:
    """The default route to ``iso3``; None when the corridor has no route there."""
    data = corridor()
    if data is None:
        return None
    try:
        return data.default_route(iso3)
    except KeyError:
        return None
