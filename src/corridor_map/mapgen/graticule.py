"""A graticule (meridians and parallels) as GeoJSON, generated rather than shipped."""

from __future__ import annotations

from typing import Any


def graticule(step: int = 15, lat_limit: int = 75) -> dict[str, Any]:
    """Meridians and parallels every ``step`` degrees as a GeoJSON FeatureCollection of LineStrings."""
    features: list[dict[str, Any]] = []
    for lon in range(-180, 181, step):
        coords = [[lon, lat] for lat in range(-lat_limit, lat_limit + 1, 5)]
        features.append(_line(coords, "meridian", lon))
    for lat in range(-lat_limit, lat_limit + 1, step):
        coords = [[lon, lat] for lon in range(-180, 181, 5)]
        features.append(_line(coords, "parallel", lat))
    return {"type": "FeatureCollection", "features": features}


def _line(coords: list[list[int]], kind: str, value: int) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"kind": kind, "value": value},
        "geometry": {"type": "LineString", "coordinates": coords},
    }
