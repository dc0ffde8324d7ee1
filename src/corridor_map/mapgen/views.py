"""Each point of view's countries, drawn from the one coverage in ``countries_50m.geojson``.

The parts that China's maps draw differently from Natural Earth's default view (South Tibet, the western
sector, Heixiazi Island, the Diaoyu and South China Sea islands) are features of their own in the data,
with ``piece`` naming their owner in each view, so the countries stay one coverage through every
simplification (shared borders stay shared). The page draws, for each view, every owner with its parts
dissolved into it: a country that is the same in both views is drawn once (``pov`` ""), one that differs
twice (``pov`` "china" and "ne"), and the page shows the features of its view (``cm_api.js``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import mapping, shape

from corridor_map.core.world_frame import as_json

VIEWS = ("china", "ne")


@dataclass(frozen=True)
class DrawnCountries:
    """The features the page draws (properties with ``pov``) and, for each, the source features it unites."""

    properties: list[dict[str, Any]]
    members: list[list[int]]

    def geometries(self, sources: list[dict[str, Any] | None], digits: int) -> list[dict[str, Any] | None]:
        """The drawn features' geometries from the source features' (one simplification level)."""
        out: list[dict[str, Any] | None] = []
        for members in self.members:
            parts = [sources[i] for i in members if sources[i]]
            if len(parts) == 1:
                out.append(parts[0])
                continue
            union = shapely.set_precision(shapely.union_all([shape(p) for p in parts]), 10.0**-digits)
            out.append(as_json(mapping(union)) if not union.is_empty else None)
        return out


def drawn_countries(collection: dict[str, Any]) -> DrawnCountries:
    """The page's country features for ``collection`` (``countries_50m.geojson``), in its order."""
    features = collection.get("features", [])
    parts: dict[tuple[str, str], list[int]] = {}
    for i, feature in enumerate(features):
        piece = feature["properties"].get("piece")
        for view in VIEWS if piece else ():
            if piece.get(view):
                parts.setdefault((piece[view], view), []).append(i)
    properties: list[dict[str, Any]] = []
    members: list[list[int]] = []
    for i, feature in enumerate(features):
        props = {k: v for k, v in feature["properties"].items() if k != "piece"}
        if feature["properties"].get("piece"):
            continue
        by_view = {view: [i, *parts.get((props["adm0"], view), [])] for view in VIEWS}
        if by_view["china"] == by_view["ne"]:
            properties.append({**props, "pov": ""})
            members.append(by_view["china"])
            continue
        for view in VIEWS:
            properties.append({**props, "pov": view})
            members.append(by_view[view])
    return DrawnCountries(properties, members)
