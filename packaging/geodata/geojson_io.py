"""Deterministic GeoJSON/CSV writers: fixed key order, rounded coordinates, one feature per line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry


def _round(value: float, ndigits: int) -> float:
    out = round(float(value), ndigits)
    return 0.0 if out == 0 else out  # no "-0.0"


def _round_coords(coords: Any, ndigits: int) -> Any:
    if coords and isinstance(coords[0], (int, float)):
        return [_round(c, ndigits) for c in coords[:2]]
    out = [_round_coords(c, ndigits) for c in coords]
    if out and isinstance(out[0], list) and out[0] and isinstance(out[0][0], float):
        # a ring or line: drop consecutive duplicates that rounding may create
        dedup = [out[0]]
        for pt in out[1:]:
            if pt != dedup[-1]:
                dedup.append(pt)
        out = dedup
    return out


def geometry_json(geom: BaseGeometry, ndigits: int) -> dict[str, Any]:
    """GeoJSON geometry dict with coordinates rounded to ``ndigits``."""
    gj = mapping(geom)
    return {"type": gj["type"], "coordinates": _round_coords(gj["coordinates"], ndigits)}


def feature_collection_text(features: Iterable[tuple[Mapping[str, Any], BaseGeometry]], ndigits: int) -> str:
    lines = []
    for props, geom in features:
        feat = {"type": "Feature", "properties": dict(props), "geometry": geometry_json(geom, ndigits)}
        lines.append(json.dumps(feat, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def write_geojson(
    path: Path, features: Iterable[tuple[Mapping[str, Any], BaseGeometry]], ndigits: int
) -> None:
    write_text(path, feature_collection_text(features, ndigits))


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    write_text(path, buf.getvalue())


def has_antimeridian_jump(geom: BaseGeometry) -> bool:
    """True when any segment jumps more than 180 degrees in longitude (a ring wrapped across ±180).

    Segments along a pole (|lat| >= 89.9, Antarctica's closing edge) are flat on the map and allowed.
    """
    parts = shapely.get_parts(geom)
    for part in parts:
        rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
        for ring in rings:
            xy = shapely.get_coordinates(ring)
            if len(xy) < 2:
                continue
            jumps = abs(xy[1:, 0] - xy[:-1, 0]) > 180
            polar = (abs(xy[1:, 1]) >= 89.9) & (abs(xy[:-1, 1]) >= 89.9)
            if bool((jumps & ~polar).any()):
                return True
    return False
