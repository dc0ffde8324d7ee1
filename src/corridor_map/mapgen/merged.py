"""Layers drawn as one feature: every feature costs the page a Leaflet layer (about 50 µs to build,
project and clip), and nobody hovers, clicks or names a graticule line, a lake or a stretch of coast.
"""

from __future__ import annotations

from typing import Any

MERGED_LAYERS = ("graticule", "lakes", "coastline", "tendash")

_MULTI = {"Polygon": "MultiPolygon", "LineString": "MultiLineString"}


def merged(collection: dict[str, Any]) -> dict[str, Any]:
    """One feature without properties holding every part of ``collection`` (polygons or lines)."""
    parts: dict[str, list[Any]] = {"MultiPolygon": [], "MultiLineString": []}
    for feature in collection.get("features", []):
        geometry = feature.get("geometry")
        if not geometry:
            continue
        kind = geometry["type"]
        if kind in _MULTI:
            parts[_MULTI[kind]].append(geometry["coordinates"])
        elif kind in parts:
            parts[kind].extend(geometry["coordinates"])
    features = [
        {"type": "Feature", "properties": {}, "geometry": {"type": kind, "coordinates": coordinates}}
        for kind, coordinates in parts.items()
        if coordinates
    ]
    return {"type": "FeatureCollection", "features": features}


def with_merged_layers(layers: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """``layers`` with the drawn-only ones merged into one feature each."""
    return [(key, merged(data) if key in MERGED_LAYERS else data) for key, data in layers]
