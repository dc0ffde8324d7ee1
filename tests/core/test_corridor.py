"""The corridor files (ports, legs, routes, destinations) and their loader (corridor_map.core.corridor)."""

from __future__ import annotations

import csv
import itertools
import json
import math
import shutil
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Geod
from shapely import STRtree
from shapely.geometry import LineString, Point, shape

from corridor_map.core import corridor as cor
from corridor_map.core.errors import GeoDataError
from corridor_map.core.transit import country_alternatives, preferred
from corridor_map.paths import geo_dir

GEO = geo_dir()
GEOD = Geod(ellps="WGS84")
CHINA_EUROPE = ("R-TJC-ALA", "R-ALA-DOS", "R-DOS-MOW", "R-MOW-BQT", "R-BQT-MAL", "R-MAL-DUI")
ISSUE_PORTS = {
    "CNCKG": "Chongqing Guoyuan",
    "CN-TJC": "Tuanjiecun",
    "CNQZH": "Qinzhou",
    "CNBIH": "Beihai",
    "CNFAN": "Fangchenggang",
    "CNSHA": "Shanghai",
    "SGSIN": "Singapore",
    "MYPKG": "Port Klang",
    "THLCH": "Laem Chabang",
    "VNHPH": "Haiphong",
    "VNSGN": "Ho Chi Minh City",
    "IDJKT": "Jakarta",
    "PHMNL": "Manila",
    "LKCMB": "Colombo",
    "AEJEA": "Jebel Ali",
    "SAJED": "Jeddah",
    "GRPIR": "Piraeus",
    "NLRTM": "Rotterdam",
    "BEANR": "Antwerp",
    "DEHAM": "Hamburg",
    "BRSSZ": "Santos",
    "ZADUR": "Durban",
    "NGLOS": "Lagos",
    "KEMBA": "Mombasa",
    "CN-ALA": "Alashankou",
    "KZ-DOS": "Dostyk",
    "PL-MAL": "Małaszewicze",
    "DEDUI": "Duisburg",
    "VNHAN": "Hanoi",
    "LAVTE": "Vientiane",
}
# Stations of the real lines (lon, lat): each rail leg must pass within 50 km of these.
STATIONS = {
    "R-TJC-NNG-GY": {"Guiyang": (106.71, 26.58), "Duyun": (107.52, 26.26)},
    "R-TJC-NNG-HH": {"Huaihua": (110.00, 27.57), "Liuzhou": (109.41, 24.33)},
    "R-NNG-QZH": {"Qinzhou": (108.63, 21.96)},
    "R-NNG-HAN": {"Pingxiang": (106.75, 22.11), "Dong Dang": (106.73, 21.95)},
    "R-KMG-VTE": {"Pu'er": (100.96, 22.80), "Luang Prabang": (102.19, 19.86), "Vang Vieng": (102.45, 18.92)},
    "R-TJC-ALA": {"Xi'an": (108.95, 34.27), "Lanzhou": (103.83, 36.06), "Urumqi": (87.62, 43.83)},
    "R-DOS-MOW": {"Astana": (71.43, 51.17), "Yekaterinburg": (60.61, 56.84), "Kazan": (49.12, 55.79)},
    "R-MOW-BQT": {"Smolensk": (32.05, 54.78), "Minsk": (27.56, 53.90)},
    "R-MAL-DUI": {"Warsaw": (21.01, 52.23), "Poznań": (16.93, 52.41), "Berlin": (13.40, 52.52)},
    "Y-CKG-SHA": {"Yichang": (111.29, 30.69), "Wuhan": (114.30, 30.59), "Nanjing": (118.78, 32.07)},
}
CANALS = {"Suez": (32.0, 29.8, 32.7, 31.4), "Panama": (-80.1, 8.8, -79.4, 9.5)}


def haversine_km(a: Sequence[float], b: Sequence[float]) -> float:
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def corridor() -> cor.Corridor:
    return cor.load_corridor()


@pytest.fixture(scope="module")
def legs_gdf() -> gpd.GeoDataFrame:
    return gpd.read_file(GEO / "legs.geojson")


def total_km(c: cor.Corridor, leg_ids: Sequence[str]) -> float:
    return sum(c.legs[i].length_km for i in leg_ids)


# ------------------------------------------------------------------------------------------ ports


def test_ports_table(corridor: cor.Corridor) -> None:
    ports = corridor.ports
    assert len(ports) >= 30
    missing = {pid: name for pid, name in ISSUE_PORTS.items() if pid not in ports}
    assert not missing
    assert ports["CNCKG"].kind == "river"
    assert ports["CN-TJC"].kind == "rail"
    assert ports["CNQZH"].kind == "sea"
    assert {p.kind for p in ports.values()} <= cor.PORT_KINDS
    for p in ports.values():
        assert p.name_en and p.name_zh and p.source, p.id
        assert len(p.iso3) == 3, p.id
        if p.locode:
            assert len(p.locode) == 5 and p.locode[:2] == p.id[:2], p.id
    assert ports["CNBIH"].name("zh") == "北海港"


# ------------------------------------------------------------------------------------------- legs


def test_legs_are_wgs84_valid_and_unique(legs_gdf: gpd.GeoDataFrame) -> None:
    assert legs_gdf.crs.to_epsg() == 4326
    assert legs_gdf.is_valid.all()
    assert legs_gdf.id.is_unique
    assert set(legs_gdf.geom_type) <= {"LineString", "MultiLineString"}
    bounds = legs_gdf.total_bounds
    assert bounds[0] >= -180 and bounds[2] <= 180 and bounds[1] >= -90 and bounds[3] <= 90
    assert set(legs_gdf["mode"]) == {"rail", "river", "sea", "road"}
    assert (GEO / "legs.geojson").stat().st_size < 1_000_000


def test_legs_start_and_end_at_their_ports(corridor: cor.Corridor) -> None:
    far = {}
    for leg in corridor.legs.values():
        a, b = corridor.ports[leg.from_id], corridor.ports[leg.to_id]
        gaps = (haversine_km(leg.start, (a.lon, a.lat)), haversine_km(leg.end, (b.lon, b.lat)))
        if max(gaps) > 5:
            far[leg.id] = gaps
    assert not far


def test_split_legs_only_at_the_antimeridian(corridor: cor.Corridor) -> None:
    for leg in corridor.legs.values():
        lines = leg.lines()
        for line in lines:
            for (x0, _), (x1, _) in itertools.pairwise(line):
                assert abs(x1 - x0) < 180, leg.id
        for first, second in itertools.pairwise(lines):
            assert abs(first[-1][0]) == 180 and abs(second[0][0]) == 180, leg.id
            assert first[-1][1] == second[0][1], leg.id


def test_length_properties_match_geometry(corridor: cor.Corridor) -> None:
    for leg in corridor.legs.values():
        measured = GEOD.geometry_length(shape(leg.geometry)) / 1000
        if leg.mode == "river":  # the waterway's published length; the drawn line is generalised
            assert "published waterway chainage" in leg.source
            assert measured < leg.length_km < 1.3 * measured, leg.id
            continue
        assert measured == pytest.approx(leg.length_km, rel=0.03, abs=1.0), leg.id  # short legs: 1 km
        if leg.mode == "sea":
            assert leg.length_nm == pytest.approx(leg.length_km / 1.852, abs=0.1)
        else:
            assert leg.length_nm is None


def test_plausible_lengths(corridor: cor.Corridor) -> None:
    assert 1250 <= corridor.legs["S-QZH-SGSIN"].length_nm <= 1450  # type: ignore[operator]
    assert 9000 <= corridor.legs["S-QZH-NLRTM"].length_nm <= 10500  # type: ignore[operator]
    assert 10_000 <= total_km(corridor, CHINA_EUROPE) <= 11_500
    for channel in ("R-TJC-NNG-GY", "R-TJC-NNG-HH"):  # line by line: test_corridor_reference.py
        assert 1100 <= total_km(corridor, (channel, "R-NNG-QZH")) <= 1600, channel
    assert 2250 <= corridor.legs["Y-CKG-SHA"].length_km <= 2600


@pytest.mark.parametrize("leg_id", sorted(STATIONS))
def test_rail_and_river_legs_follow_the_real_line(corridor: cor.Corridor, leg_id: str) -> None:
    line = shape(corridor.legs[leg_id].geometry)
    for station, (lon, lat) in STATIONS[leg_id].items():
        nearest = shapely.ops.nearest_points(line, Point(lon, lat))[0]
        assert haversine_km((lon, lat), (nearest.x, nearest.y)) <= 50, station


# The Trans-Mongolian line crosses the Gobi nearly straight (627 km through its stations, 617 km straight).
NEARLY_STRAIGHT = {"R-ERL-ULN"}


def test_non_sea_legs_are_not_straight_lines(corridor: cor.Corridor) -> None:
    for leg in corridor.legs.values():
        if leg.mode != "sea" and leg.length_km > 100 and leg.id not in NEARLY_STRAIGHT:
            chord = haversine_km(leg.start, leg.end)
            assert leg.length_km > 1.05 * chord, leg.id
            assert sum(len(line) for line in leg.lines()) > 10, leg.id


class Land:
    """NE 50m land (data/geo/land_50m.geojson) for 'is this point on land, and how far from the coast'."""

    def __init__(self) -> None:
        feats = json.loads((GEO / "land_50m.geojson").read_text(encoding="utf-8"))["features"]
        self.polys = np.array([shape(f["geometry"]) for f in feats], dtype=object)
        shapely.prepare(self.polys)
        self.tree = STRtree(self.polys)
        self.pieces = []
        for poly in self.polys:
            xy = shapely.get_coordinates(poly.exterior)
            self.pieces += [LineString(xy[i : i + 33]) for i in range(0, len(xy) - 1, 32)]
        self.coast = STRtree(self.pieces)

    def depth_km(self, x: float, y: float) -> float:
        p = Point(x, y)
        if not any(self.polys[i].contains(p) for i in self.tree.query(p)):
            return 0.0
        piece = self.pieces[int(self.coast.nearest(p))]
        q = shapely.ops.nearest_points(piece, p)[0]
        return haversine_km((x, y), (q.x, q.y))


@pytest.fixture(scope="module")
def land() -> Land:
    return Land()


def test_sea_legs_stay_at_sea(corridor: cor.Corridor, land: Land) -> None:
    """Sea legs touch land only in canals, within 5 km of a coast, or up the river/estuary to their own port.

    A port that NE 50m draws inland (Hamburg, Antwerp, Kolkata, Ho Chi Minh City...) may be approached over
    50m land within twice its own depth inland plus 5 km of it.
    """
    allowance = {pid: 2 * land.depth_km(p.lon, p.lat) + 5 for pid, p in corridor.ports.items()}
    bad = {}
    for leg in corridor.legs.values():
        if leg.mode != "sea":
            continue
        ends = [(corridor.ports[pid], allowance[pid]) for pid in (leg.from_id, leg.to_id)]
        dense = shapely.segmentize(shape(leg.geometry), 0.02)
        pts = shapely.points(shapely.get_coordinates(dense))
        idx, poly = land.tree.query(pts)
        on_land = sorted(set(idx[shapely.contains(land.polys[poly], pts[idx])]))
        for i in on_land:
            x, y = pts[i].x, pts[i].y
            if any(w <= x <= e and s <= y <= n for w, s, e, n in CANALS.values()):
                continue
            if any(haversine_km((x, y), (p.lon, p.lat)) <= r for p, r in ends):
                continue
            depth = land.depth_km(x, y)
            if depth > 5:
                bad.setdefault(leg.id, (round(x, 3), round(y, 3), round(depth, 1)))
    assert not bad


def test_sea_legs_pass_the_canals_they_should(corridor: cor.Corridor) -> None:
    def through(leg_id: str, box: tuple[float, float, float, float]) -> bool:
        w, s, e, n = box
        return any(w <= x <= e and s <= y <= n for line in corridor.legs[leg_id].lines() for x, y in line)

    assert through("S-QZH-NLRTM", CANALS["Suez"])
    assert through("S-SHA-NLRTM", CANALS["Suez"])
    assert not through("S-QZH-SGSIN", CANALS["Suez"])


# --------------------------------------------------------------------------------- routes/destinations


# No route is offered to these (packaging/geodata/onward_tables.py NO_ROUTE): uninhabited, or (Western
# Sahara) its only port lies outside the territory's outline.
NOT_OFFERED = {"ATA", "ATF", "HMD", "PCN", "ESH"}


def test_every_country_of_the_layer_has_a_route(corridor: cor.Corridor) -> None:
    layer = json.loads((GEO / "countries_50m.geojson").read_text(encoding="utf-8"))
    for feature in layer["features"]:
        p = feature["properties"]
        key = (
            p["iso3"] or p["cn_parent"]
        )  # units without ISO3 (Somaliland, N. Cyprus, Siachen) use China's view
        if key in NOT_OFFERED:
            continue
        assert key in corridor.destinations, p["adm0"]
        assert corridor.routes_for(key), p["adm0"]
    with (GEO / "countries.csv").open(encoding="utf-8", newline="") as fh:
        iso3 = {row["iso3"] for row in csv.DictReader(fh)}
    assert iso3 - NOT_OFFERED == set(corridor.destinations) == set(corridor.routes)


@pytest.fixture(scope="module")
def outlines() -> dict[str, shapely.Geometry]:
    layer = json.loads((GEO / "countries_50m.geojson").read_text(encoding="utf-8"))
    parts: dict[str, list[shapely.Geometry]] = {}
    for feature in layer["features"]:
        p = feature["properties"]
        parts.setdefault(p["iso3"] or p["cn_parent"], []).append(shape(feature["geometry"]))
    return {iso3: shapely.union_all(geoms) for iso3, geoms in parts.items()}


def test_every_alternative_arrives_in_its_country(
    corridor: cor.Corridor, outlines: dict[str, shapely.Geometry]
) -> None:
    """Over every destination: the last point of every alternative lies inside the country's outline or
    within 10 km of it (ports on a coast the 1:50m outline generalises)."""
    far = {}
    for iso3, routes in corridor.routes.items():
        for route in routes:
            end = corridor.legs[route.legs[-1]].end
            gap = outlines[iso3].distance(Point(end)) * 111.32 * max(math.cos(math.radians(end[1])), 0.2)
            if gap > 10:
                far[route.route_id] = round(gap)
    assert not far


def test_onward_legs_cross_only_the_borders_they_list(
    corridor: cor.Corridor, outlines: dict[str, shapely.Geometry]
) -> None:
    """An onward leg (rail or road from a foreign gateway) runs through its start country, the countries
    of its listed borders and its end country; a country it crosses for more than 40 km is listed."""
    tree_keys = sorted(outlines)
    tree = STRtree([outlines[k] for k in tree_keys])
    onward = [leg for leg in corridor.legs.values() if leg.onward]
    assert len(onward) > 50
    for leg in onward:
        listed = {corridor.ports[leg.from_id].iso3, corridor.ports[leg.to_id].iso3}
        listed |= {c for b in leg.borders or () for c in (b.from_iso3, b.to_iso3)}
        line = shape(leg.geometry)
        steps = max(2, int(leg.length_km))
        pts = [line.interpolate(i / steps, normalized=True) for i in range(steps + 1)]
        km_in: dict[str, float] = {}
        for p in pts:
            for i in tree.query(p, predicate="intersects"):
                km_in[tree_keys[int(i)]] = km_in.get(tree_keys[int(i)], 0) + leg.length_km / steps
        unlisted = {c: round(km) for c, km in km_in.items() if c not in listed and km > 40}
        assert not unlisted, leg.id


def test_onward_road_legs_are_on_land(corridor: cor.Corridor, land: Land) -> None:
    for leg in corridor.legs.values():
        if leg.mode != "road":
            continue
        pts = shapely.points(shapely.get_coordinates(shapely.segmentize(shape(leg.geometry), 0.05)))
        idx, poly = land.tree.query(pts)
        on = set(idx[shapely.contains(land.polys[poly], pts[idx])])
        assert len(on) >= 0.9 * len(pts), leg.id  # bridges (the Great Belt, the Øresund) cross water


def test_legs_of_every_route_connect(corridor: cor.Corridor) -> None:
    starts = {"CN-TJC", "CNCKG"}
    for routes in corridor.routes.values():
        for route in routes:
            legs = [corridor.legs[i] for i in route.legs]
            assert legs[0].from_id in starts, route.route_id
            for a, b in itertools.pairwise(legs):
                assert a.to_id == b.from_id, route.route_id
                assert haversine_km(a.end, b.start) <= 5, route.route_id


def test_route_kinds_match_their_legs(corridor: cor.Corridor) -> None:
    for routes in corridor.routes.values():
        for r in routes:
            modes = [corridor.legs[i].mode for i in r.legs]
            own = [m for leg_id, m in zip(r.legs, modes, strict=True) if not corridor.legs[leg_id].onward]
            if r.kind == "rail_sea":
                assert own[0] == "rail" and set(own) <= {"rail", "sea"}, r.route_id
            elif r.kind == "river_sea":
                assert own[0] == "river" and set(own) <= {"river", "sea"}, r.route_id
            else:
                assert set(own) == {"rail"}, r.route_id
            onward = modes[len(own) :]
            assert all(corridor.legs[leg_id].onward for leg_id in r.legs[len(own) :]), r.route_id
            assert set(onward) <= {"rail", "road"}, r.route_id


def test_destinations_table(corridor: cor.Corridor) -> None:
    d = corridor.destinations
    assert d["DEU"].gateway == "DEDUI" and d["DEU"].default_route == CHINA_EUROPE
    assert d["SGP"].gateway == "SGSIN"
    assert d["SGP"].default_route == ("R-TJC-NNG-GY", "R-NNG-QZH", "S-QZH-SGSIN")
    assert d["LAO"].gateway == "LAVTE"
    assert d["KAZ"].gateway == "KZ-DOS"
    assert d["MNG"].gateway == "MN-ULN"  # on from Erenhot by the Trans-Mongolian line
    assert d["MNG"].default_route == ("R-TJC-ERL", "R-ERL-ULN")
    assert d["ETH"].gateway == "ET-ADD"  # landlocked: through Djibouti, then the Addis Ababa–Djibouti Railway
    assert d["ETH"].default_route[-2:] == ("S-QZH-DJJIB", "R-DJI-ADD")
    assert d["THA"].gateway == "TH-BKK"  # by the China–Laos Railway to Vientiane, then on to Bangkok
    assert d["THA"].default_route[-2:] == ("R-KMG-VTE", "R-VTE-BKK")
    assert d["AFG"].default_route[-2:] == ("R-ALT-TAS", "R-TAS-MZR")  # via Khorgos, Uzbekistan, Hairatan
    assert d["UZB"].default_route == ("R-TJC-KHG", "R-KHG-ALT", "R-ALT-TAS")  # Khorgos: shorter than Dostyk
    sea = [r for r in corridor.routes["AFG"] if r.kind == "rail_sea"]
    assert sea and all(r.legs[-1] == "D-PKKHI-AF-KBL" for r in sea)  # Karachi, then by road to Kabul
    assert d["MEX"].default_route[0] == "R-TJC-NNG-GY"  # 27 days, not the Yangtze's 33 (though shorter)
    kinds = {r.kind for r in corridor.routes["VNM"]}
    assert {"rail_sea", "river_sea", "cross_border_rail"} <= kinds
    assert "china_europe_rail" in {r.kind for r in corridor.routes["FRA"]}


def test_every_default_is_the_apps_choice(corridor: cor.Corridor) -> None:
    """One rule for the files, the Routes panel and ``corridor-map route``: the fastest alternative with
    the default assumptions that ends in the country (any, when none does)."""
    for iso3, dest in corridor.destinations.items():
        alternatives = country_alternatives(corridor, iso3)
        best = preferred(corridor, iso3, alternatives)
        assert tuple(best.leg_ids) == dest.default_route, iso3
        arriving = [a for a in alternatives if corridor.ports[a.gateway].iso3 == iso3]
        assert not arriving or corridor.ports[dest.gateway].iso3 == iso3, iso3


def test_routes_for_gives_default_first_with_leg_lengths(corridor: cor.Corridor) -> None:
    details = corridor.routes_for("NLD")
    assert details[0].route.is_default
    assert sum(not d.route.is_default for d in details) == len(details) - 1
    for d in details:
        lengths = d.leg_lengths()
        assert [leg_id for leg_id, _, _ in lengths] == list(d.route.legs)
        assert d.total_km == pytest.approx(sum(km for _, _, km in lengths))
    assert corridor.default_route("NLD").gateway == corridor.destinations["NLD"].gateway
    with pytest.raises(KeyError):
        corridor.routes_for("XXX")


# ----------------------------------------------------------------------------------- clear errors


@pytest.fixture
def geo_copy(tmp_path: Path) -> Path:
    for name in (cor.PORTS_FILE, cor.LEGS_FILE, cor.ROUTES_FILE, cor.DESTINATIONS_FILE):
        shutil.copy(GEO / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("name", [cor.PORTS_FILE, cor.LEGS_FILE, cor.ROUTES_FILE, cor.DESTINATIONS_FILE])
def test_missing_file_is_named(geo_copy: Path, name: str) -> None:
    (geo_copy / name).unlink()
    with pytest.raises(GeoDataError, match="missing") as info:
        cor.load_corridor(geo_copy)
    assert info.value.path == geo_copy / name


def test_corrupt_legs_file_is_named(geo_copy: Path) -> None:
    path = geo_copy / cor.LEGS_FILE
    path.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(GeoDataError, match="not valid JSON") as info:
        cor.load_corridor(geo_copy)
    assert info.value.path == path


def test_leg_with_unknown_port_is_reported(geo_copy: Path) -> None:
    path = geo_copy / cor.LEGS_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["to"] = "NOWHERE"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GeoDataError, match="NOWHERE") as info:
        cor.load_corridor(geo_copy)
    assert info.value.path == path


def test_route_with_unknown_or_disconnected_legs(geo_copy: Path) -> None:
    path = geo_copy / cor.ROUTES_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("R-NNG-QZH;S-QZH-SGSIN", "R-NNG-QZH;S-QZH-XXXXX", 1), encoding="utf-8")
    with pytest.raises(GeoDataError, match="unknown leg"):
        cor.load_corridor(geo_copy)
    path.write_text(text.replace("R-TJC-NNG-GY;R-NNG-QZH", "R-NNG-QZH;R-TJC-NNG-GY", 1), encoding="utf-8")
    with pytest.raises(GeoDataError, match="ends at") as info:
        cor.load_corridor(geo_copy)
    assert info.value.path == path


def test_bad_port_row_is_reported(geo_copy: Path) -> None:
    path = geo_copy / cor.PORTS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    fields = lines[3].split(",")
    fields[5] = "airport"
    lines[3] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GeoDataError, match=r"row 4.*airport"):
        cor.load_corridor(geo_copy)


def test_destination_must_match_default_route(geo_copy: Path) -> None:
    path = geo_copy / cor.DESTINATIONS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].rsplit(",", 1)[0] + ",Y-CKG-SHA"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GeoDataError, match="default_route"):
        cor.load_corridor(geo_copy)
