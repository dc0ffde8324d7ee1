"""A graticule (meridians and parallels) as GeoJSON, generated rather than shipped."""

from __future__ import annotations

from typing import Any


def graticule(step: int = 15, lat_limit: int = 75, west: int = -180) -> dict[str, Any]:
    """Meridians and parallels every ``step`` degrees as a GeoJSON FeatureCollection of LineStrings,
    across the 360° from ``west`` (a frame longitude: -25 for the China-centred world, core.world_frame).
    Meridians keep their frame longitude as ``value`` (a label may show it as ±180)."""
    features: list[dict[str, Any]] = []
    for lon in range(-(-west // step) * step, west + 361, step):
        coords = [[lon, lat] for lat in range(-lat_limit, lat_limit + 1, 5)]
        features.append(_line(coords, "meridian", lon))
    for lat in range(-lat_limit, lat_limit + 1, step):
        coords = [[lon, lat] for lon in range(west, west + 361, 5)]
        features.append(_line(coords, "parallel", lat))
    return {"type": "FeatureCollection", "features": features}


def _line(coords: list[list[int]], kind: str, value: int) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"kind": kind, "value": value},
        "geometry": {"type": "LineString", "coordinates": coords},
    }
