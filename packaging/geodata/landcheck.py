"""Check that sea legs stay at sea: against NE 50m land, with canals and inland port approaches allowed."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import shapely
import shapely.ops
from shapely import STRtree
from shapely.geometry import LineString, Point, shape
from shapely.geometry.base import BaseGeometry

COAST_KM = 5.0  # a sea leg may be on 50m land only this close to its coast
SAMPLE_DEG = 0.02  # sample spacing along the leg
# Canals crossed over land: (west, south, east, north)
CANALS: dict[str, tuple[float, float, float, float]] = {
    "Suez Canal": (32.0, 29.8, 32.7, 31.4),
    "Panama Canal": (-80.1, 8.8, -79.4, 9.5),
}


def haversine_km(a: Sequence[float], b: Sequence[float]) -> float:
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


class LandIndex:
    """NE 50m land polygons, prepared for point-in-land and distance-to-coast queries."""

    def __init__(self, land_geojson: Path) -> None:
        data = json.loads(land_geojson.read_text(encoding="utf-8"))
        self.land = [shape(f["geometry"]) for f in data["features"]]
        self.land_arr = np.array(self.land, dtype=object)
        shapely.prepare(self.land_arr)
        self._allowance: dict[tuple[float, float], float] = {}
        self.tree = STRtree(self.land)
        pieces = []
        for poly in self.land:
            for ring in [poly.exterior, *poly.interiors]:
                xy = shapely.get_coordinates(ring)
                for i in range(0, len(xy) - 1, 32):
                    pieces.append(LineString(xy[i : i + 33]))
        self.pieces = pieces
        self.coast_tree = STRtree(pieces)

    def depth_km(self, points: Sequence[Point]) -> list[float]:
        """Distance to the coast of each point that is on land; 0.0 for points at sea."""
        out = [0.0] * len(points)
        arr = list(points)
        if not arr:
            return out
        pi, li = self.tree.query(arr)  # bounding boxes only; the prepared polygons do the rest
        hit = shapely.contains(self.land_arr[li], self.points_arr(arr)[pi])
        inside = sorted({int(i) for i in pi[hit]})
        if not inside:
            return out
        nearest = self.coast_tree.query_nearest([arr[i] for i in inside], return_distance=False)[1]
        for i, k in zip(inside, nearest, strict=True):
            p = arr[i]
            q = shapely.ops.nearest_points(self.pieces[int(k)], p)[0]
            out[i] = haversine_km((p.x, p.y), (q.x, q.y))
        return out

    @staticmethod
    def points_arr(points: Sequence[Point]) -> np.ndarray:
        return np.array(points, dtype=object)

    def port_allowance_km(self, lon: float, lat: float) -> float:
        """How far from a port its approach may run over 50m land (ports up rivers/estuaries NE omits)."""
        key = (lon, lat)
        if key not in self._allowance:
            self._allowance[key] = 2 * self.depth_km([Point(lon, lat)])[0] + COAST_KM
        return self._allowance[key]

    def violations(
        self, geom: BaseGeometry, ends: Sequence[tuple[float, float]]
    ) -> list[tuple[float, float, float]]:
        """(lon, lat, depth_km) of sample points over COAST_KM inland, outside canals and port approaches."""
        dense = shapely.segmentize(geom, SAMPLE_DEG)
        xy = shapely.get_coordinates(dense)
        pts = list(shapely.points(xy))
        depths = self.depth_km(pts)
        allow = [(e, self.port_allowance_km(*e)) for e in ends]
        bad = []
        for (x, y), d in zip(xy, depths, strict=True):
            if d <= COAST_KM:
                continue
            if any(w <= x <= e and s <= y <= n for w, s, e, n in CANALS.values()):
                continue
            if any(haversine_km((x, y), end) <= radius for end, radius in allow):
                continue
            bad.append((float(x), float(y), d))
        return bad
