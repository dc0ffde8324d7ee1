"""The China-centred world: longitudes in a frame running 360° east from an edge in the Atlantic.

The core's geometry stays in ±180; the page draws the world in a frame from ``PACIFIC_EDGE`` (25° W)
to 335° E (centre 155° E), so the Americas lie whole east of the Pacific. Whatever lies west of the
edge moves by +360°, feature by feature, never clipped at a meridian:

- land (polygons): each group of nearby parts of a feature (an archipelago: Cape Verde, the Azores)
  moves as one, decided by the middle of its extent; Greenland (73–11° W) moves whole and overhangs
  the frame's east side a little, Iceland stays. Only a part wider than 180° (Antarctica) is cut at
  the edge, its pieces joined again in the frame.
- outlines (coastline, lakes): each moves with the land it outlines (``Guide``).
- connections (legs, sea lanes): unwrapped (each point within 180° of the previous), moved whole by
  their middle, then cut at the frame's sides where they still cross them (a lane from Qinzhou round
  the Cape to Buenos Aires leaves the frame in the South Atlantic and comes back from its east side).
- points: ``to_frame``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import shapely
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from corridor_map.core.longitudes import FULL, PACIFIC_EDGE, to_frame

ISLAND_GAP = 5.0  # parts of one feature closer than this in longitude (degrees) move together
GUIDE_REACH = 2.0  # degrees: an outline farther than this from any land moves by its own middle

GeoJSON = dict[str, Any]
Kind = Literal["land", "outline", "connection", "point"]


def _shifted(geom: BaseGeometry, dx: float) -> BaseGeometry:
    if not dx:
        return geom
    return shapely.transform(geom, lambda xy: xy + np.array([dx, 0.0]))


def _parts(geom: BaseGeometry) -> list[BaseGeometry]:
    if geom.is_empty:
        return []
    return list(getattr(geom, "geoms", [geom]))


def _frame_shift(lo: float, hi: float, edge: float) -> float:
    """The multiple of 360 that brings the middle of ``[lo, hi]`` into the frame."""
    middle = (lo + hi) / 2
    return FULL * round((to_frame(middle, edge) - middle) / FULL)


def _cut(geom: BaseGeometry, edge: float) -> list[BaseGeometry]:
    """A polygon cut at the frame's sides, each piece moved into the frame."""
    lo, _, hi, _ = geom.bounds
    pieces: list[BaseGeometry] = []
    for k in range(math.floor((lo - edge) / FULL), math.floor((hi - edge) / FULL) + 1):
        west = edge + k * FULL
        piece = shapely.intersection(geom, box(west, -91.0, west + FULL, 91.0))
        pieces += [_shifted(p, -k * FULL) for p in _parts(piece) if p.area > 0]
    return pieces


def _cut_line(line: BaseGeometry, edge: float) -> list[BaseGeometry]:
    """An unwrapped line cut where it crosses the frame's sides, each piece moved into the frame (walking
    its points: a line that doubles back keeps both ways, unlike an intersection)."""
    coords = shapely.get_coordinates(line)

    def cell(x: float) -> int:
        return math.floor((x - edge) / FULL)

    pieces: list[tuple[int, list[Any]]] = []
    here, current = cell(coords[0][0]), [coords[0]]
    for a, b in itertools.pairwise(coords):
        there = cell(b[0])
        while here != there:
            step = 1 if there > here else -1
            x = edge + (here + (step > 0)) * FULL
            y = a[1] + (x - a[0]) / (b[0] - a[0]) * (b[1] - a[1])
            pieces.append((here, [*current, (x, y)]))
            here, current = here + step, [(x, y)]
        current.append(b)
    pieces.append((here, current))
    out = []
    for k, points in pieces:
        piece = shapely.linestrings(np.asarray(points, dtype=float))
        if piece.length > 0:
            out.append(_shifted(piece, -k * FULL))
    return out


def _seams_joined(parts: list[BaseGeometry]) -> list[BaseGeometry]:
    """Polygon parts that meet at 180° E once moved (Chukotka's, Fiji's halves in the data) as one."""
    seam = [180.0 in (p.bounds[0], p.bounds[2]) for p in parts]
    if sum(seam) < 2:
        return parts
    joined = shapely.union_all([p for p, at in zip(parts, seam, strict=True) if at])
    return [p for p, at in zip(parts, seam, strict=True) if not at] + _parts(joined)


def _polygon_union(pieces: list[BaseGeometry]) -> list[BaseGeometry]:
    """Pieces of one polygon cut at the edge, joined again where they meet (at ±180 in the data)."""
    return _parts(shapely.union_all(pieces)) if len(pieces) > 1 else pieces


def _polygon_shifts(parts: Sequence[BaseGeometry], edge: float) -> list[float]:
    """Each part's shift: parts closer than ISLAND_GAP in longitude move together, by their joint middle."""
    # (a part wider than 180°, Antarctica, is cut at the edge instead: it groups with none)
    narrow = [i for i, p in enumerate(parts) if p.bounds[2] - p.bounds[0] <= 180.0]
    order = sorted(narrow, key=lambda i: parts[i].bounds[0])
    shifts = [0.0] * len(parts)
    group: list[int] = []
    lo = hi = 0.0
    for i in [*order, -1]:
        bounds = parts[i].bounds if i >= 0 else None
        if group and (bounds is None or bounds[0] > hi + ISLAND_GAP):
            for j in group:
                shifts[j] = _frame_shift(lo, hi, edge)
            group = []
        if bounds is None:
            break
        lo, hi = (bounds[0], bounds[2]) if not group else (lo, max(hi, bounds[2]))
        group.append(i)
    return shifts


def _unwrapped(line: BaseGeometry) -> BaseGeometry:
    """``line`` with each point within 180° of longitude of the previous one."""
    coords = shapely.get_coordinates(line)
    if len(coords) < 2:
        return line
    steps = np.diff(coords[:, 0])
    coords[1:, 0] -= np.cumsum(FULL * np.round(steps / FULL))
    return shapely.linestrings(coords)


def _line_parts(
    line: BaseGeometry, edge: float, cut: bool, shift_of: Callable[[BaseGeometry], float | None]
) -> list[BaseGeometry]:
    """One line moved into the frame: by the land it outlines or its own middle; cut where it must be."""
    raw = line
    line = _unwrapped(line)
    lo, _, hi, _ = line.bounds
    guided = shift_of(raw) if hi - lo <= 180.0 else None
    line = _shifted(line, _frame_shift(lo, hi, edge) if guided is None else guided)
    lo, _, hi, _ = line.bounds
    if hi - lo > 180.0 or (cut and (lo < edge or hi > edge + FULL)):
        return _cut_line(line, edge)
    return [line]


def _no_guide(_: BaseGeometry) -> float | None:
    return None


@dataclass(frozen=True)
class Guide:
    """Where the land moved: an outline (coastline, lake) moves with the land nearest to it."""

    tree: STRtree
    shifts: list[float]

    @classmethod
    def of(cls, parts: Sequence[BaseGeometry], shifts: Sequence[float]) -> Guide:
        return cls(STRtree(list(parts)), list(shifts))

    def shift_of(self, geom: BaseGeometry) -> float | None:
        """The shift of the land nearest to ``geom``'s middle, or None with no land near it."""
        middle = geom.interpolate(0.5, normalized=True) if geom.geom_type == "LineString" else geom
        middle = shapely.point_on_surface(middle)
        found = self.tree.query_nearest(middle, max_distance=GUIDE_REACH)
        return self.shifts[int(found[0])] if len(found) else None


def shift_shape(
    geom: BaseGeometry,
    edge: float = PACIFIC_EDGE,
    kind: Kind = "land",
    shift_of: Callable[[BaseGeometry], float | None] = _no_guide,
) -> BaseGeometry:
    """A shapely geometry moved into the frame (see the module's docstring for each ``kind``)."""
    if geom.is_empty:
        return geom
    kind = "point" if geom.geom_type in ("Point", "MultiPoint") else kind
    if kind == "point":
        return shapely.transform(
            geom, lambda xy: np.column_stack([edge + (xy[:, 0] - edge) % FULL, xy[:, 1]])
        )
    if geom.geom_type in ("LineString", "MultiLineString"):
        lines = [
            piece
            for part in _parts(geom)
            for piece in _line_parts(part, edge, kind == "connection", shift_of)
        ]
        return shapely.multilinestrings(lines) if len(lines) > 1 else lines[0]
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        parts = _parts(geom)
        guided = [shift_of(p) if kind == "outline" else None for p in parts]
        auto = _polygon_shifts(parts, edge)
        out: list[BaseGeometry] = []
        for part, by_land, own in zip(parts, guided, auto, strict=True):
            if part.bounds[2] - part.bounds[0] > 180.0:
                out += _polygon_union(_cut(part, edge))
            else:
                out.append(_shifted(part, own if by_land is None else by_land))
        out = _seams_joined(out) if kind == "land" else out
        return shapely.multipolygons(out) if len(out) > 1 else out[0]
    raise ValueError(f"cannot move a {geom.geom_type} into the frame")


def as_json(value: Any) -> Any:
    """GeoJSON (shapely's ``mapping``) as JSON would give it back: lists, not tuples."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [as_json(v) for v in value]
    return value


def shift_geometry(
    geometry: GeoJSON | None, edge: float = PACIFIC_EDGE, kind: Kind = "land"
) -> GeoJSON | None:
    """A GeoJSON geometry moved into the frame (None stays None)."""
    if not geometry:
        return geometry
    return _geometry_json(shift_shape(shape(geometry), edge, kind))


def _geometry_json(geom: BaseGeometry) -> GeoJSON:
    data: GeoJSON = as_json(mapping(geom))
    return data


def shift_bounds(
    west: float, south: float, east: float, north: float, edge: float = PACIFIC_EDGE
) -> tuple[float, float, float, float]:
    """A box in ±180 (``west > east`` crosses the antimeridian) in the frame: ``west`` in it, ``east``
    east of ``west`` (it may overhang the frame's east side when the box crosses the edge)."""
    width = (east - west) % FULL if east != west + FULL else FULL
    start = to_frame(west, edge)
    return start, south, start + width, north


def shift_countries(collection: GeoJSON, edge: float = PACIFIC_EDGE) -> tuple[GeoJSON, Guide]:
    """Countries moved into the frame (their label points with the part they label) and the ``Guide``
    their outlines follow."""
    features = []
    all_parts: list[BaseGeometry] = []
    all_shifts: list[float] = []
    for feature in collection.get("features", []):
        props = dict(feature.get("properties") or {})
        geometry = feature.get("geometry")
        if not geometry:
            features.append(feature)
            continue
        parts = _parts(shape(geometry))
        shifts = _polygon_shifts(parts, edge)
        all_parts += parts
        all_shifts += shifts
        moved = shift_shape(shape(geometry), edge, "land")
        if props.get("label_lon") is not None and props.get("label_lat") is not None:
            label = shapely.Point(props["label_lon"], props["label_lat"])
            nearest = min(range(len(parts)), key=lambda i: parts[i].distance(label))
            props["label_lon"] = float(props["label_lon"]) + shifts[nearest]
        features.append({**feature, "properties": props, "geometry": _geometry_json(moved)})
    return {**collection, "features": features}, Guide.of(all_parts, all_shifts)


def shift_collection(
    collection: GeoJSON, edge: float = PACIFIC_EDGE, kind: Kind = "land", guide: Guide | None = None
) -> GeoJSON:
    """Every feature's geometry of a FeatureCollection moved into the frame (properties kept)."""
    shift_of = guide.shift_of if guide is not None else _no_guide
    features = []
    for feature in collection.get("features", []):
        geometry = feature.get("geometry")
        if geometry:
            moved = shift_shape(shape(geometry), edge, kind, shift_of)
            features.append({**feature, "geometry": _geometry_json(moved)})
        else:
            features.append(feature)
    return {**collection, "features": features}
