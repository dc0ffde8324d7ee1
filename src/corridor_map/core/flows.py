"""Export flows along the corridor: units per leg from units per country and their default routes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from corridor_map.core.corridor import Corridor


def default_routes(corridor: Corridor) -> dict[str, list[str]]:
    """ISO3 → the leg ids of its default route from Chongqing."""
    return {iso3: list(dest.default_route) for iso3, dest in corridor.destinations.items()}


def leg_units(units: Mapping[str, int], routes: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Units travelling each leg: the sum over destinations whose default route uses it.

    Countries without a route are left out (every country in the countries layer has one).
    """
    totals: dict[str, int] = {}
    for iso3, count in units.items():
        if count <= 0:
            continue
        for leg in routes.get(iso3, ()):
            totals[leg] = totals.get(leg, 0) + int(count)
    return totals
