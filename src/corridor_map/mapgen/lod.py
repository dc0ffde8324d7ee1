"""Levels of detail: lighter geometry for small scales, the bundled detail only when zoomed in.

Most of a map page's load time is Leaflet turning coordinates into drawn paths. At the world and
continent views the app opens with (zoom ≤ 4), the 50m geometry has several times more vertices
than pixels can show. So the page is built with simplified geometry inline, and each finer level is
a script next to it (``lod1.js``, ``lod2.js``: the last one is the bundled geometry as it is) that
the page loads and swaps in when the map is zoomed past the level's limit (``CM.updateDetail``).

Countries and lakes are simplified as coverages (shared borders stay shared, no slivers); lines
(coastline, corridor legs) with Douglas–Peucker. Features keep their order and properties, so the
page swaps geometry feature by feature.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import mapping, shape

from corridor_map.mapgen.views import drawn_countries

log = logging.getLogger(__name__)

GeoJSON = dict[str, Any]

POLYGON_LAYERS = ("countries", "lakes")
LINE_LAYERS = ("coastline", "seanet", "sea", "road", "river", "rail")
DIGITS = 4  # ~10 m: far below a pixel at any zoom these levels are used at


@dataclass(frozen=True)
class Level:
    """Geometry for effective zooms (zoom + log2 of the device pixel ratio) below ``max_zoom``."""

    max_zoom: float
    polygon_tolerance: float  # degrees, for the coverage simplification (Visvalingam–Whyatt)
    line_tolerance: float  # degrees, for Douglas–Peucker


# Tolerances checked by eye at each level's largest zoom: differences stay under a pixel.
LEVELS = (Level(3.75, 0.25, 0.1), Level(5.0, 0.1, 0.03))


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, DIGITS)
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def _geometry(geom: Any) -> dict[str, Any] | None:
    if geom is None or geom.is_empty:
        return None
    data = mapping(geom)
    return {"type": data["type"], "coordinates": _rounded(data["coordinates"])}


def _simplified_polygons(geoms: list[Any], tolerance: float) -> list[Any]:
    try:
        return list(shapely.coverage_simplify(geoms, tolerance))
    except Exception as exc:  # not a valid coverage: each polygon on its own, topology kept
        log.warning("coverage simplification failed (%s); simplifying polygons one by one", exc)
        return [shapely.simplify(g, tolerance / 2, preserve_topology=True) for g in geoms]


def simplified(collection: GeoJSON, polygons: bool, level: Level) -> list[dict[str, Any] | None]:
    """Each feature's geometry at ``level`` (None where a feature has none), in feature order."""
    features = collection.get("features", [])
    present = [i for i, f in enumerate(features) if f.get("geometry")]
    geoms = [shape(features[i]["geometry"]) for i in present]
    if polygons:
        done = _simplified_polygons(geoms, level.polygon_tolerance)
    else:
        done = [shapely.simplify(g, level.line_tolerance, preserve_topology=False) for g in geoms]
    out: list[dict[str, Any] | None] = [None] * len(features)
    for i, original, small in zip(present, geoms, done, strict=True):
        # a part too small for the level vanishes; a whole feature never does
        out[i] = _geometry(small) or _geometry(original)
    return out


def _with_geometries(collection: GeoJSON, geometries: list[dict[str, Any] | None]) -> GeoJSON:
    features = [
        {**feature, "geometry": geometry}
        for feature, geometry in zip(collection.get("features", []), geometries, strict=True)
    ]
    return {**collection, "features": features}


@dataclass(frozen=True)
class LevelSet:
    """The layers to put inline (coarsest level) and the scripts with the finer levels."""

    inline: list[tuple[str, GeoJSON]]
    scripts: dict[str, str]  # file name → JS source
    limits: list[float]  # each level's max_zoom, but the last (the bundled geometry, for any zoom)


def script_name(level: int) -> str:
    return f"lod{level}.js"


_ADD = "CM.addDetail("  # how a level's script starts (``build_levels``, ``read_level_script``)


def build_levels(layers: list[tuple[str, GeoJSON]]) -> LevelSet:
    """Split ``layers`` (key, FeatureCollection) into the coarsest inline level and scripts for the rest."""
    kinds = dict.fromkeys(POLYGON_LAYERS, True) | dict.fromkeys(LINE_LAYERS, False)
    detailed = {key: data for key, data in layers if key in kinds and data.get("features")}
    per_level: list[dict[str, list[Any]]] = []
    for level in LEVELS:
        per_level.append({key: simplified(data, kinds[key], level) for key, data in detailed.items()})
    per_level.append({key: [f.get("geometry") for f in data["features"]] for key, data in detailed.items()})
    if "countries" in detailed:  # each view's countries, their parts dissolved (after simplifying them)
        drawn = drawn_countries(detailed["countries"])
        for by_layer in per_level:
            by_layer["countries"] = drawn.geometries(by_layer["countries"], DIGITS)
        features = [{"type": "Feature", "properties": p, "geometry": None} for p in drawn.properties]
        detailed["countries"] = {"type": "FeatureCollection", "features": features}
        layers = [(key, detailed[key] if key == "countries" else data) for key, data in layers]
    inline = [
        (key, _with_geometries(data, per_level[0][key]) if key in detailed else data) for key, data in layers
    ]
    scripts = {}
    for n, by_layer in enumerate(per_level[1:], start=1):
        # only features with a geometry: the page's layers are those, in this order
        present = {key: [g for g in geometries if g] for key, geometries in by_layer.items()}
        # as JSON text read by JSON.parse: V8 parses it faster than the same object as JS code (a
        # 1.5 MB level in the page: 44–57 → 25–37 ms; docs/benchmarks.md)
        text = json.dumps(present, separators=(",", ":"))
        scripts[script_name(n)] = f"{_ADD}{n}, JSON.parse({json.dumps(text)}));\n"
    return LevelSet(inline, scripts, [level.max_zoom for level in LEVELS])


def read_level_script(script: str) -> tuple[int, dict[str, list[Any]]]:
    """A level's script read back (what ``build_levels`` wrote): its number and geometries by layer."""
    if not script.startswith(_ADD):
        raise ValueError(f"not a level script: {script[:40]!r}")
    number, rest = script[len(_ADD) :].split(", JSON.parse(", 1)
    return int(number), json.loads(json.loads(rest[: rest.rindex("));")]))
