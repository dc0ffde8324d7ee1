"""Shortest paths on the OpenStreetMap rail or highway graph of ``scgraph-data`` chained through waypoints.

Runs INSIDE the throwaway build venv that has ``scgraph==2.15.0`` and ``scgraph-data==2.0.0`` (never in the
app's environment). argv[3] names the graph (``world_railways`` or ``world_highways``). Reads
``{"chain_id": [[lon, lat], ...], ...}`` as JSON from the file named by argv[1] and writes
``{"chain_id": {"coords": [[lon, lat], ...], "length_km": float}}`` (graph nodes only) to the file named by
argv[2].
"""

from __future__ import annotations

import importlib
import itertools
import json
import sys
from pathlib import Path
from typing import Any


def chain_path(graph: Any, waypoints: list[list[float]]) -> dict[str, object]:
    coords: list[list[float]] = []
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(waypoints):
        out = graph.get_shortest_path(
            origin_node={"latitude": lat1, "longitude": lon1},
            destination_node={"latitude": lat2, "longitude": lon2},
            output_units="km",
        )
        total += float(out["length"])
        part = [[float(lon), float(lat)] for lat, lon in out["coordinate_path"]]
        # drop the query points themselves: keep graph nodes only (no spikes at interior waypoints)
        if part and part[0] == [lon1, lat1]:
            part = part[1:]
        if part and part[-1] == [lon2, lat2]:
            part = part[:-1]
        for point in part:
            if not coords or coords[-1] != point:
                coords.append(point)
    return {"coords": coords, "length_km": total}


def main() -> None:
    with Path(sys.argv[1]).open(encoding="utf-8") as fh:
        chains = json.load(fh)
    name = sys.argv[3]
    graph = getattr(importlib.import_module(f"scgraph_data.{name}"), f"{name}_geograph")
    result = {}
    for chain_id in sorted(chains):
        try:
            result[chain_id] = chain_path(graph, chains[chain_id])
        except Exception as exc:  # report which chain failed, keep going
            result[chain_id] = {"error": f"{type(exc).__name__}: {exc}"}
    with Path(sys.argv[2]).open("w", encoding="utf-8") as fh:
        json.dump(result, fh)


if __name__ == "__main__":
    main()
