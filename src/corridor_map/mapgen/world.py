"""The page's layers in the world it draws: as they are (``"greenwich"``, ±180) or moved into the
China-centred frame (``"pacific"``, see ``core.world_frame``) when the page is generated.

Every layer the page draws from the bundled geodata moves here, before its levels of detail are
made (``mapgen.lod``): countries (with their label points), coastline, lakes, the ten-dash line,
the graticule, the corridor legs (each mode), the ports. The sea network is made afterwards from the
moved sea legs (``mapgen.network``). Dealers are not here: see docs/china-centred-world.md.
"""

from __future__ import annotations

from typing import Any

from corridor_map.core.longitudes import WORLDS
from corridor_map.core.world_frame import Guide, Kind, shift_collection, shift_countries
from corridor_map.mapgen.graticule import graticule

Layers = list[tuple[str, dict[str, Any]]]

# how each layer moves (a layer not named here: by its geometry, lines as connections)
KIND_OF: dict[str, Kind] = {
    "countries": "land",
    "lakes": "outline",
    "coastline": "outline",
    "tendash": "outline",
    "sea": "connection",
    "road": "connection",
    "river": "connection",
    "rail": "connection",
    "ports": "point",
}


def world_edge(world: str) -> float | None:
    """The frame's west edge of ``world`` (None: the ±180 world); ValueError for an unknown world."""
    if world not in WORLDS:
        raise ValueError(f"unknown world {world!r} (one of {', '.join(sorted(WORLDS))})")
    return WORLDS[world]


def framed_layers(layers: Layers, world: str) -> Layers:
    """``layers`` (key, FeatureCollection; in drawing order) drawn in ``world``: the same objects for
    the Greenwich world, moved copies in the China-centred one."""
    edge = world_edge(world)
    if edge is None:
        return layers
    guide: Guide | None = None
    out: Layers = []
    for key, data in layers:
        if key == "countries":
            moved, guide = shift_countries(data, edge)
            out.append((key, moved))
        else:
            out.append((key, data))
    framed: Layers = []
    for key, data in out:
        if key == "graticule":
            framed.append((key, graticule(west=round(edge))))
        elif key == "countries":
            framed.append((key, data))
        else:
            kind = KIND_OF.get(key, "connection")
            framed.append((key, shift_collection(data, edge, kind, guide if kind == "outline" else None)))
    return framed
