"""The sea lanes as one network: every stretch of sea drawn once, however many legs share it.

The corridor's sea legs follow the same shipping lanes (through Malacca, Suez, …): together they
are about fourteen times as long as the lanes they cover. Stroking each leg paints each lane over
and over; the page draws this network instead and keeps the legs, unpainted, for hovering.
"""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry import mapping, shape

NETWORK_KEY = "seanet"


def sea_network(sea: dict[str, Any]) -> dict[str, Any]:
    """The union of the sea legs' lines, merged into as few lines as possible (one feature)."""
    lines = [shape(f["geometry"]) for f in sea.get("features", []) if f.get("geometry")]
    if not lines:
        return {"type": "FeatureCollection", "features": []}
    merged = shapely.line_merge(shapely.union_all(lines))
    feature = {"type": "Feature", "properties": {}, "geometry": mapping(merged)}
    return {"type": "FeatureCollection", "features": [feature]}


def with_sea_network(layers: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """``layers`` with the sea network drawn just before the sea legs (when there are any)."""
    out: list[tuple[str, dict[str, Any]]] = []
    for key, data in layers:
        if key == "sea" and data.get("features"):
            out.append((NETWORK_KEY, sea_network(data)))
        out.append((key, data))
    return out
