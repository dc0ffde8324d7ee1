"""The China-centred world's frame (core.world_frame): whole features moved by 360°, nothing torn."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, box, shape

from corridor_map.core.longitudes import FULL, PACIFIC_EDGE, from_frame, to_frame
from corridor_map.core.world_frame import shift_bounds, shift_collection, shift_countries, shift_shape
from corridor_map.mapgen.network import sea_network
from corridor_map.paths import geo_dir

EDGE = PACIFIC_EDGE
lons = st.floats(-180.0, 180.0, allow_nan=False)
lats = st.floats(-80.0, 80.0, allow_nan=False)


def xs(geom: Any) -> np.ndarray:
    return shapely.get_coordinates(geom)[:, 0]


def same_longitude(a: float, b: float) -> bool:
    return abs((a - b + 180.0) % FULL - 180.0) < 1e-9


def longest_step(geom: Any) -> float:
    """The largest change of longitude between neighbouring vertices of any ring or line, but along a
    pole (Antarctica's edge at 90° S, a straight line on the map)."""
    lines = [geom] if geom.geom_type == "LineString" else []
    for part in getattr(geom, "geoms", [geom]):
        lines += [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
    longest = 0.0
    for line in lines:
        xy = shapely.get_coordinates(line)
        if len(xy) > 1:
            polar = (np.abs(xy[:-1, 1]) > 89) & (np.abs(xy[1:, 1]) > 89)
            longest = max(longest, float(np.abs(np.diff(xy[:, 0]))[~polar].max(initial=0.0)))
    return longest


# ---- properties -----------------------------------------------------------------------------------
@given(lons)
def test_to_frame_lies_in_the_frame_and_from_frame_undoes_it(lon: float) -> None:
    framed = to_frame(lon)
    assert EDGE <= framed < EDGE + FULL
    assert same_longitude(framed, lon)
    back = from_frame(framed)
    assert -180.0 <= back < 180.0 and same_longitude(back, lon)


@given(st.floats(EDGE, EDGE + FULL, exclude_max=True, allow_nan=False))
def test_a_frame_longitude_survives_saving(lon: float) -> None:
    back = from_frame(lon)
    assert -180.0 <= back < 180.0
    assert same_longitude(to_frame(back), lon)


@given(lons, lats, st.floats(0.01, 170.0), st.floats(0.01, 10.0))
def test_a_box_moves_whole_by_its_middle(west: float, south: float, width: float, height: float) -> None:
    east = min(west + width, 180.0)
    part = box(west, south, max(east, west + 0.01), south + height)
    moved = shift_shape(part, EDGE, "land")
    assert moved.geom_type == "Polygon"  # never cut
    assert moved.area == pytest.approx(part.area, rel=1e-9)
    dx = moved.bounds[0] - part.bounds[0]
    assert dx in (0.0, FULL)
    middle = (moved.bounds[0] + moved.bounds[2]) / 2
    assert EDGE <= middle < EDGE + FULL


@given(st.lists(st.tuples(lons, lats), min_size=2, max_size=12))
@settings(max_examples=200)
def test_a_connection_lies_in_the_frame_with_no_jump(points: list[tuple[float, float]]) -> None:
    line = LineString(points)
    moved = shift_shape(line, EDGE, "connection")
    assert moved.geom_type in ("LineString", "MultiLineString")
    assert xs(moved).min() >= EDGE - 1e-9
    assert xs(moved).max() <= EDGE + FULL + 1e-9
    assert longest_step(moved) <= 180.0 + 1e-9
    # unwrapped, each step is the shorter way round: the length is that of the shorter steps
    steps = np.diff(np.array(points), axis=0)
    steps[:, 0] = (steps[:, 0] + 180.0) % FULL - 180.0
    expected = float(np.hypot(steps[:, 0], steps[:, 1]).sum())
    assert moved.length == pytest.approx(expected, rel=1e-6, abs=1e-6)


@given(lons, lats)
def test_a_point_lies_in_the_frame(lon: float, lat: float) -> None:
    moved = shift_shape(shapely.Point(lon, lat), EDGE, "point")
    assert EDGE <= moved.x < EDGE + FULL and moved.y == lat


@given(lons, lons)
def test_bounds_start_in_the_frame_and_keep_their_width(west: float, east: float) -> None:
    w, _, e, _ = shift_bounds(west, -10.0, east, 10.0)
    assert EDGE <= w < EDGE + FULL
    assert same_longitude(w, west)
    assert e - w == pytest.approx((east - west) % FULL, abs=1e-9)


# ---- the real data --------------------------------------------------------------------------------
@cache
def countries() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((geo_dir() / "countries_50m.geojson").read_text(encoding="utf-8"))
    return data


@cache
def framed_countries() -> dict[str, Any]:
    return shift_countries(countries())[0]


def country(collection: dict[str, Any], adm0: str) -> Any:
    (feature,) = [f for f in collection["features"] if f["properties"]["adm0"] == adm0]
    return feature


@pytest.mark.parametrize("adm0", ["GRL", "RUS", "FJI", "USA", "BRA", "ISL", "CHN", "ATA", "CPV", "KIR"])
def test_countries_keep_their_area_and_have_no_jump(adm0: str) -> None:
    before = shape(country(countries(), adm0)["geometry"])
    after = shape(country(framed_countries(), adm0)["geometry"])
    assert after.area == pytest.approx(before.area, rel=1e-6)
    assert longest_step(after) < 180.0
    lo, _, hi, _ = after.bounds
    assert hi - lo <= FULL + 1e-9


def bounds(adm0: str) -> tuple[float, ...]:
    return tuple(round(v, 1) for v in shape(country(framed_countries(), adm0)["geometry"]).bounds)


def test_greenland_moves_whole_and_iceland_stays() -> None:
    greenland = shape(country(framed_countries(), "GRL")["geometry"])
    assert bounds("GRL")[0::2] == (287.2, 348.6)  # 72.8° W … 11.4° W, whole, east of the Americas
    assert max(greenland.geoms, key=lambda g: g.area).bounds[2] > EDGE + FULL  # overhangs, not clipped
    assert bounds("ISL") == tuple(round(v, 1) for v in shape(country(countries(), "ISL")["geometry"]).bounds)


def test_the_pacific_rim_is_continuous() -> None:
    assert bounds("RUS")[0::2] == (19.6, 190.3)  # Chukotka east of 180° joins the rest of Russia
    assert bounds("FJI")[0::2] == (174.6, 181.7)
    assert bounds("USA")[0::2] == (172.5, 293.0)  # the Aleutians, Alaska, Hawaii and the 48 states
    hawaii = [p for p in shape(country(framed_countries(), "USA")["geometry"]).geoms if 18 < p.bounds[1] < 23]
    assert hawaii and all(195 < p.bounds[0] < 206 for p in hawaii)
    assert bounds("BRA")[0::2] == (286.0, 325.2)
    russia = shape(country(framed_countries(), "RUS")["geometry"])
    assert [p for p in russia.geoms if p.bounds[0] < 180.0 < p.bounds[2]]  # Chukotka: one polygon, no seam


def test_an_archipelago_at_the_edge_stays_together() -> None:
    cape_verde = shape(country(framed_countries(), "CPV")["geometry"])
    assert all(EDGE - 1 < p.bounds[0] < EDGE + 3 for p in cape_verde.geoms)  # none thrown to 335° E
    azores = [
        p
        for p in shape(country(framed_countries(), "PRT")["geometry"]).geoms
        if p.bounds[1] > 36.5 and p.bounds[3] < 40
    ]
    assert azores and all(p.bounds[0] > 300 for p in azores)  # west of the edge: beside the Americas


def test_label_points_move_with_their_country() -> None:
    for adm0 in ("USA", "BRA", "GRL", "ISL", "FJI", "CHN", "MEX"):
        props = country(framed_countries(), adm0)["properties"]
        geom = shape(country(framed_countries(), adm0)["geometry"])
        assert geom.distance(shapely.Point(props["label_lon"], props["label_lat"])) < 1.0, adm0


def test_every_country_lies_in_the_frame_but_greenland_s_overhang() -> None:
    for feature in framed_countries()["features"]:
        x = xs(shape(feature["geometry"]))
        assert x.min() >= EDGE - 0.4, feature["properties"]["adm0"]  # Cape Verde's west cape: 25.34° W
        assert x.max() <= EDGE + FULL + 14.0, feature["properties"]["adm0"]


@cache
def framed_legs() -> dict[str, Any]:
    legs = json.loads((geo_dir() / "legs.geojson").read_text(encoding="utf-8"))
    return shift_collection(legs, EDGE, "connection")


def leg(leg_id: str) -> Any:
    (feature,) = [f for f in framed_legs()["features"] if f["properties"]["id"] == leg_id]
    return shape(feature["geometry"])


def test_a_trans_pacific_lane_is_one_line_east_of_120() -> None:
    lane = shapely.line_merge(leg("S-SHA-MXZLO"))
    assert lane.geom_type == "LineString"  # no jump across the map
    assert xs(lane).min() > 120.0 and xs(lane).max() < 260.0


def test_a_lane_round_the_cape_leaves_by_the_edge_and_comes_back_by_the_other_side() -> None:
    lane = leg("S-QZH-ARBUE")  # Qinzhou round the Cape of Good Hope to Buenos Aires
    ends = {round(x, 1) for x in (xs(lane).min(), xs(lane).max())}
    assert ends == {EDGE, EDGE + FULL}
    assert lane.geom_type == "MultiLineString" and len(lane.geoms) == 2
    buenos_aires = 360 - 58.4
    assert min(abs(x - buenos_aires) for x in xs(lane)) < 0.2


def test_every_leg_and_the_sea_network_lie_in_the_frame_with_no_jump() -> None:
    for feature in framed_legs()["features"]:
        geom = shape(feature["geometry"])
        assert xs(geom).min() >= EDGE - 1e-9 and xs(geom).max() <= EDGE + FULL + 1e-9
        assert longest_step(geom) <= 180.0, feature["properties"]["id"]
    sea = {
        **framed_legs(),
        "features": [f for f in framed_legs()["features"] if f["properties"]["mode"] == "sea"],
    }
    network = shape(sea_network(sea)["features"][0]["geometry"])
    assert xs(network).min() >= EDGE - 1e-9 and xs(network).max() <= EDGE + FULL + 1e-9
    assert longest_step(network) <= 180.0
    crossing = [g for g in network.geoms if g.bounds[0] < 180.0 < g.bounds[2]]
    assert crossing  # lanes across the Pacific cross the antimeridian as lines, not as a jump


def test_the_coastline_follows_its_land() -> None:
    _, guide = shift_countries(countries())
    coast = json.loads((geo_dir() / "coastline_50m.geojson").read_text(encoding="utf-8"))
    moved = shift_collection(coast, EDGE, "outline", guide)
    land = shapely.union_all([shape(f["geometry"]) for f in framed_countries()["features"]])
    far = [
        f
        for f in moved["features"]
        if shape(f["geometry"]).length > 1
        and land.distance(shape(f["geometry"]).interpolate(0.5, normalized=True)) > 0.5
    ]
    assert not far
    for feature in moved["features"]:
        assert longest_step(shape(feature["geometry"])) <= 180.0
