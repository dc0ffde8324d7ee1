"""Does a point lie in its country? The countries of ``countries_50m.geojson``, read when first needed.

A point within ``TOLERANCE`` degrees of the country counts as in it (a port, a coastal city, the 1:50m
coastline's generalisation). A unit drawn as part of another in China's view (Taiwan in China) counts for
both codes, so a dealer written with either code is where it says.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Literal

import shapely
from shapely.geometry import Point, shape

from corridor_map.paths import geo_dir

TOLERANCE = 0.1  # degrees (about 11 km)
Verdict = Literal["inside", "outside", "unknown"]


class CountryShapes:
    """The countries' polygons by ISO3, built per country at its first check."""

    def __init__(self, countries_geojson: Path | None = None) -> None:
        self._path = countries_geojson or geo_dir() / "countries_50m.geojson"
        self._features: dict[str, list[dict[str, Any]]] | None = None
        self._shapes: dict[str, Any] = {}

    def _by_code(self) -> dict[str, list[dict[str, Any]]]:
        if self._features is None:
            self._features = {}
            try:
                data = json.loads(self._path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return self._features
            for feature in data.get("features", []):
                props = feature.get("properties") or {}
                for code in {props.get("iso3"), props.get("cn_parent")} - {None}:
                    self._features.setdefault(str(code), []).append(feature["geometry"])
        return self._features

    def shape_of(self, iso3: str) -> Any | None:
        if iso3 not in self._shapes:
            geometries = self._by_code().get(iso3)
            self._shapes[iso3] = None
            if geometries:
                whole = shapely.union_all([shape(g) for g in geometries])
                shapely.prepare(whole)
                self._shapes[iso3] = whole
        return self._shapes[iso3]

    def check(self, iso3: str, lon: float, lat: float) -> Verdict:
        """Whether (lon, lat) lies in ``iso3`` (within the tolerance); "unknown" without its polygon."""
        whole = self.shape_of(iso3)
        if whole is None:
            return "unknown"
        point = Point(lon, lat)
        if whole.contains(point) or shapely.dwithin(whole, point, TOLERANCE):
            return "inside"
        return "outside"


@functools.cache
def default_shapes() -> CountryShapes:
    """The app-wide country shapes (read at the first check)."""
    return CountryShapes()
