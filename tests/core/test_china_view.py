"""China's point of view as China's standard maps draw it (after @surbowl/world-geo-json-zh), and
Natural Earth's default view as a setting: what the page draws in each, checked on the shipped data.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from corridor_map.core.basemap import load_basemap, load_countries
from corridor_map.mapgen.lod import LEVELS, build_levels, read_level_script
from corridor_map.mapgen.views import drawn_countries

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "china_view_border_samples.json"

# (lon, lat) of places whose country the two views disagree on, or that China's view adds
PLACES = {
    "Itanagar (South Tibet)": (93.62, 27.08),
    "Tawang (South Tibet)": (91.86, 27.59),
    "Aksai Chin": (79.5, 35.2),
    "Taipei": (121.53, 25.04),
    "Diaoyu Dao": (123.47, 25.74),
    "Heixiazi Island, west": (134.55, 48.38),
}
CHINA = {"Itanagar (South Tibet)", "Tawang (South Tibet)", "Aksai Chin", "Taipei", "Diaoyu Dao",
         "Heixiazi Island, west"}  # fmt: skip
NATURAL_EARTH = {"Itanagar (South Tibet)": "IND", "Tawang (South Tibet)": "IND", "Aksai Chin": "CHN",
                 "Taipei": "TWN", "Diaoyu Dao": None, "Heixiazi Island, west": "RUS"}  # fmt: skip


@cache
def drawn(view: str) -> list[tuple[dict, BaseGeometry]]:
    """The countries the page draws in ``view`` at the bundled level: (properties, geometry)."""
    countries = load_countries()
    views = drawn_countries(countries)
    geometries = views.geometries([f["geometry"] for f in countries["features"]], 3)
    return [
        (props, shape(geometry))
        for props, geometry in zip(views.properties, geometries, strict=True)
        if geometry and props["pov"] in ("", view)
    ]


def country_at(view: str, lon: float, lat: float) -> dict | None:
    hits = [props for props, geom in drawn(view) if geom.covers(Point(lon, lat))]
    assert len(hits) <= 1, f"{len(hits)} features of the {view} view cover ({lon}, {lat})"
    return hits[0] if hits else None


@pytest.mark.parametrize("place", sorted(PLACES))
def test_in_chinas_view_each_place_belongs_to_china(place: str) -> None:
    props = country_at("china", *PLACES[place])
    assert props is not None, place
    assert "CHN" in (props["iso3"], props["cn_parent"]), (place, props["adm0"])
    if props["iso3"] != "CHN":  # Taiwan: a unit of its own, with an internal boundary, named as China's
        assert props["name_en"] == "Taiwan, China" and props["name_zh"] == "中国台湾"


@pytest.mark.parametrize("place", sorted(PLACES))
def test_natural_earths_view_stays_a_setting(place: str) -> None:
    props = country_at("ne", *PLACES[place])
    assert (props["iso3"] if props else None) == NATURAL_EARTH[place], place


def test_each_view_is_one_layer_without_overlaps() -> None:
    for view in ("china", "ne"):
        geoms = [g for _, g in drawn(view)]
        assert shapely.coverage_is_valid(geoms), view
        codes = [p["adm0"] for p, _ in drawn(view)]
        assert len(codes) == len(set(codes)), view


def test_only_the_countries_the_views_disagree_on_are_drawn_twice() -> None:
    twice = {p["adm0"] for p in drawn_countries(load_countries()).properties if p["pov"]}
    assert twice == {"CHN", "IND", "RUS"}


def test_the_india_china_border_follows_the_chinese_view_dataset() -> None:
    """Points along the dataset's border (where it runs south of NE's line) lie on the drawn border of
    China, within the bundled level's simplification (0.02°, 3 decimals) and the dataset's own."""
    points = [Point(x, y) for x, y in json.loads(SAMPLES.read_text(encoding="utf-8"))["points"]]
    assert len(points) > 100
    china = next(g for p, g in drawn("china") if p["adm0"] == "CHN" and p["pov"] == "china")
    india = next(g for p, g in drawn("china") if p["adm0"] == "IND" and p["pov"] == "china")
    border = china.boundary.intersection(india.boundary.buffer(0.002))  # (3-decimal coordinates)
    assert border.length > 10  # degrees of shared line, South Tibet's alone is more
    far = [(p.x, p.y, round(border.distance(p), 3)) for p in points if border.distance(p) > 0.05]
    assert far == []


def test_the_ten_dash_line_has_its_ten_dashes_in_the_south_china_sea() -> None:
    lines = load_basemap().ten_dash_line["features"]
    assert len(lines) == 10
    sea = shapely.box(105.0, 2.0, 124.0, 26.0)
    for feature in lines:
        line = shape(feature["geometry"])
        assert sea.contains(line) and 0.6 < line.length < 1.6
        assert feature["properties"] == {"name_en": "South China Sea dashed line", "name_zh": "南海断续线"}


def test_the_page_dissolves_the_parts_at_every_level_of_detail() -> None:
    countries = load_countries()
    levels = build_levels([("countries", countries)])
    inline = dict(levels.inline)["countries"]["features"]
    assert [f["properties"]["pov"] for f in inline].count("china") == 3
    assert not any(f["properties"]["adm0"].startswith("CN-") for f in inline)
    assert len(levels.scripts) == len(LEVELS)
    for name, script in levels.scripts.items():
        count = len(read_level_script(script)[1]["countries"])
        assert count == len(inline), name
