"""China's point of view (the app's default), after a published Chinese-view dataset.

Natural Earth's default view (ADM0_A3) draws what each country administers. China's standard maps differ
in a few places; the npm package ``@surbowl/world-geo-json-zh`` (Unlicense) is Natural Earth 1:50m 5.1.1
adjusted after the Ministry of Natural Resources' standard maps GS(2023)2767 and GS(2021)5443 (and
AutoNavi's GS京(2022)1061 for the South China Sea). It is simplified (Douglas–Peucker, 10 %), so only the
adjustments it lists are taken from it, each in the region it concerns; elsewhere the two datasets differ
only by that simplification, and Natural Earth's 1:50m lines stay:

- South Tibet (Zangnan) and the western sector's border with Himachal Pradesh and Uttarakhand: the parts
  of NE's India inside the dataset's China, carved out of India;
- Heixiazi Island: the part of NE's Russia inside the dataset's China;
- the Diaoyu Islands (with Chiwei Yu) and the South China Sea islands: added (NE 1:50m has none of them);
- the ten-dash line: the dataset's ten dashes, as lines (``ten_dash_line.geojson``).

Each carved or added part is a feature of its own in ``countries_50m.geojson`` (``iso3`` CHN, and
``piece`` saying whose part it is in each view: ``{"china": "CHN", "ne": "IND"}``), so the countries stay
one valid coverage through every simplification; the map page dissolves the parts into their owner for
the view it shows (``corridor_map.mapgen.views``). Taiwan, Hong Kong and Macao follow NE's ADM0_A3_CN as
before (parts of China, drawn with an internal boundary).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon, box, shape

log = logging.getLogger(__name__)

DATASET_FILE = "package/world.zh.json"
MIN_PART_AREA = 0.004  # square degrees: smaller differences are the dataset's simplification
MIN_PART_WIDTH = 0.01  # degrees: a part must survive an inward buffer of this much
GRID = 1e-7  # degrees: every overlay snaps to it, so carved edges match their neighbours exactly


@dataclass(frozen=True)
class Carve:
    """Parts of NE's ``owner`` (in its default view) that China's maps draw as China, within ``regions``."""

    key: str
    owner: str
    regions: tuple[tuple[float, float, float, float], ...]  # lon/lat boxes


CARVES = (
    Carve("ZANGNAN", "IND", ((91.5, 26.5, 97.6, 29.6),)),  # South Tibet
    Carve("WEST", "IND", ((77.0, 29.8, 81.3, 35.8),)),  # Tibet's Ngari border with Himachal and Uttarakhand
    Carve("HEIXIAZI", "RUS", ((134.3, 48.2, 135.2, 48.55),)),
)
# Islands NE 1:50m does not draw: all of the dataset's China parts in these boxes but the dashes.
ISLANDS = {
    "DIAOYU": (123.2, 25.5, 124.8, 26.1),
    "NANHAI": (105.0, 2.0, 122.0, 22.5),
}
DASHES_BOX = (105.0, 2.0, 124.0, 26.0)


@dataclass
class Piece:
    """A part China's view gives to China: its own feature, dissolved into its owner on the page."""

    adm0: str
    geometry: Any
    owner_ne: str | None  # whose part it is in Natural Earth's default view (None: not drawn there)


def load_china(dataset: Path) -> Any:
    data = json.loads(dataset.read_text(encoding="utf-8"))
    feature = next(f for f in data["features"] if f["properties"].get("iso_a3") == "CHN")
    return shapely.make_valid(shape(feature["geometry"]))


def is_dash(part: Polygon) -> bool:
    """The ten dashes are long, thin polygons (about 1° long, a few km wide)."""
    return part.length > 1.0 and part.area < 0.05 and part.area / part.length**2 < 0.01


def _substantial(part: Any) -> bool:
    return (
        part.geom_type == "Polygon"
        and part.area >= MIN_PART_AREA
        and not part.buffer(-MIN_PART_WIDTH).is_empty
    )


def carve(geometries: dict[str, Any], china: Any) -> tuple[dict[str, Any], list[Piece]]:
    """NE geometries by ADM0_A3 (snapped to ``GRID``) with China's parts carved out, and the parts."""
    out = {adm0: shapely.set_precision(g, GRID) for adm0, g in geometries.items()}
    china = shapely.set_precision(china, GRID)
    pieces: list[Piece] = []
    for rule in CARVES:
        owner = out[rule.owner]
        regions = shapely.union_all([box(*r) for r in rule.regions])
        claimed = shapely.intersection(china, regions, grid_size=GRID)
        taken = shapely.get_parts(shapely.intersection(owner, claimed, grid_size=GRID))
        found = [p for p in taken if _substantial(p)]
        found.sort(key=lambda p: (-round(p.area, 6), p.centroid.x))
        for n, part in enumerate(found, start=1):
            name = f"CN-{rule.key}" if len(found) == 1 else f"CN-{rule.key}-{n}"
            pieces.append(Piece(name, part, rule.owner))
        if found:
            out[rule.owner] = shapely.difference(owner, shapely.union_all(found), grid_size=GRID)
            log.info("China's view: %d part(s) of %s (%s), %.3f sq. degrees", len(found), rule.owner,
                     rule.key, sum(p.area for p in found))  # fmt: skip
    taken = shapely.union_all(list(out.values()))
    for key, region in ISLANDS.items():
        parts = [  # whole parts of the dataset's China, in the region, that NE does not draw at all
            p for p in shapely.get_parts(china)
            if p.within(box(*region)) and not is_dash(p) and not p.intersects(taken)
        ]  # fmt: skip
        parts.sort(key=lambda p: (round(p.centroid.x, 4), round(p.centroid.y, 4)))
        for n, part in enumerate(parts, start=1):
            pieces.append(Piece(f"CN-{key}-{n}", part, None))
        log.info("China's view: %d island part(s) added (%s)", len(parts), key)
    return out, pieces


def _resample(coords: np.ndarray, count: int) -> np.ndarray:
    steps = np.hypot(*np.diff(coords, axis=0).T)
    at = np.concatenate([[0.0], np.cumsum(steps)])
    targets = np.linspace(0.0, at[-1], count)
    return np.column_stack([np.interp(targets, at, coords[:, 0]), np.interp(targets, at, coords[:, 1])])


def centreline(dash: Polygon, count: int = 12) -> LineString:
    """The middle line of a thin dash polygon: its two far ends, the two sides between them averaged."""
    ring = np.asarray(dash.exterior.coords)[:-1]
    dist = np.hypot(ring[:, None, 0] - ring[None, :, 0], ring[:, None, 1] - ring[None, :, 1])
    i, j = sorted(np.unravel_index(int(np.argmax(dist)), dist.shape))
    side_a = ring[i : j + 1]
    side_b = np.concatenate([ring[j:], ring[: i + 1]])[::-1]
    middle = (_resample(side_a, count) + _resample(side_b, count)) / 2
    return LineString(np.round(middle, 3))


def ten_dash_line(china: Any) -> list[LineString]:
    """The ten dashes, west to east."""
    dashes = [p for p in shapely.get_parts(china.intersection(box(*DASHES_BOX))) if p.geom_type == "Polygon"]
    lines = [centreline(p) for p in dashes if is_dash(p)]
    if len(lines) != 10:
        raise SystemExit(f"expected the ten dashes of the South China Sea line, found {len(lines)}")
    return sorted(lines, key=lambda line: (round(line.centroid.x, 3), round(line.centroid.y, 3)))


def as_coverage(geometries: dict[str, Any]) -> dict[str, Any]:
    """The same areas as one valid coverage: every boundary noded against every other, the faces between
    them given to the geometry that holds each face's inner point. (Carving adds corners, where a claim
    line meets a border, that the neighbours across that border lack; a coverage needs them on both.)"""
    keys = list(geometries)
    lines = shapely.union_all([shapely.boundary(geometries[k]) for k in keys], grid_size=GRID)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))))
    tree = shapely.STRtree([geometries[k] for k in keys])
    owned: dict[str, list[Any]] = {k: [] for k in keys}
    for face in faces:
        inner = face.point_on_surface()
        hits = [int(i) for i in tree.query(inner, predicate="intersects")]
        if not hits:  # a hole (a lake, the Caspian) or the sea
            continue
        best = max(hits, key=lambda i: shapely.area(shapely.intersection(geometries[keys[i]], face)))
        owned[keys[best]].append(face)
    result = {}
    for key in keys:
        if not owned[key]:
            raise SystemExit(f"{key}: no area left after noding")
        result[key] = shapely.coverage_union_all(owned[key])
    return result


def border_samples(china: Any, india: Any, step: float = 0.05) -> list[list[float]]:
    """Points every ``step`` degrees along the dataset's China boundary where it runs inside NE's India
    (the India–China line of China's maps), in the carved regions: the reference the app's tests compare
    its drawn border with (``tests/data/china_view_border_samples.json``)."""
    inside = india.buffer(-0.05)
    samples = []
    for rule in (r for r in CARVES if r.owner == "IND"):
        for region in rule.regions:
            area = box(*region)
            for part in shapely.get_parts(china):
                ring = part.exterior
                for k in range(int(ring.length / step)):
                    point = ring.interpolate(k * step)
                    if area.contains(point) and inside.contains(point):
                        samples.append([round(point.x, 4), round(point.y, 4)])
    return samples
