"""Levels of detail: a light page for small scales, the bundled geometry kept for zooming in."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import shape

from corridor_map.mapgen.lod import DIGITS, LEVELS, LevelSet, build_levels, read_level_script, script_name
from corridor_map.mapgen.merged import MERGED_LAYERS, merged
from corridor_map.mapgen.network import sea_network, with_sea_network
from corridor_map.mapgen.sources import load_page_layers
from corridor_map.mapgen.views import drawn_countries


def vertices(collection: dict) -> int:
    return sum(
        shapely.get_num_coordinates(shape(f["geometry"])) for f in collection["features"] if f["geometry"]
    )


def as_drawn(layers: list) -> list:
    """``layers`` with the countries as the page draws them: each point of view's, parts dissolved
    (``mapgen.views``), at the bundled geometry."""
    out = []
    for key, data in layers:
        if key != "countries":
            out.append((key, data))
            continue
        drawn = drawn_countries(data)
        geometries = drawn.geometries([f["geometry"] for f in data["features"]], DIGITS)
        features = [
            {"type": "Feature", "properties": p, "geometry": g}
            for p, g in zip(drawn.properties, geometries, strict=True)
        ]
        out.append((key, {"type": "FeatureCollection", "features": features}))
    return out


@pytest.fixture(scope="module")
def page() -> tuple[list, LevelSet]:
    layers = load_page_layers().items()
    return as_drawn(layers), build_levels(layers)


def test_the_inline_level_is_light_and_keeps_every_feature_and_property(page: tuple[list, LevelSet]) -> None:
    layers, levels = page
    assert [key for key, _ in levels.inline] == [key for key, _ in layers]
    source, light = dict(layers), dict(levels.inline)
    for key in ("countries", "lakes", "coastline", "sea"):
        assert vertices(light[key]) < 0.6 * vertices(source[key]), key
        assert [f["properties"] for f in light[key]["features"]] == [
            f["properties"] for f in source[key]["features"]
        ]
    assert light["ports"] == source["ports"] and light["graticule"] == source["graticule"]


def test_simplified_countries_stay_where_they_are(page: tuple[list, LevelSet]) -> None:
    layers, light = dict(page[0]), dict(page[1].inline)
    for original, simple in zip(layers["countries"]["features"], light["countries"]["features"], strict=True):
        a, b = shape(original["geometry"]).buffer(0), shape(simple["geometry"]).buffer(0)
        iso3 = original["properties"]["iso3"]
        assert not b.is_empty, iso3
        assert a.buffer(0.5).contains(b), iso3  # nothing moves by more than half a degree
        if a.area > 5:  # small island states lose islets at this scale, by design
            assert abs(b.area - a.area) < 0.1 * a.area, iso3


def test_each_finer_level_is_a_script_with_a_geometry_per_drawn_feature(page: tuple[list, LevelSet]) -> None:
    layers, levels = page
    assert sorted(levels.scripts) == [script_name(n) for n in range(1, len(LEVELS) + 1)]
    assert levels.limits == sorted(levels.limits) and len(levels.limits) == len(LEVELS)
    source = dict(layers)
    counts = []
    for name in sorted(levels.scripts):
        n, by_layer = read_level_script(levels.scripts[name])
        assert name == script_name(n)
        for key, geometries in by_layer.items():
            assert len(geometries) == sum(1 for f in source[key]["features"] if f["geometry"]), key
        counts.append(sum(len(json.dumps(g)) for g in by_layer["countries"]))
    assert counts == sorted(counts)  # finer levels carry more
    _, full = read_level_script(levels.scripts[script_name(len(LEVELS))])
    assert full["countries"] == [f["geometry"] for f in source["countries"]["features"] if f["geometry"]]


def test_the_sea_network_covers_every_sea_leg_once() -> None:
    layers = dict(load_page_layers().items())
    network = sea_network(layers["sea"])
    assert len(network["features"]) == 1 and network["features"][0]["properties"] == {}
    lanes = shape(network["features"][0]["geometry"])
    legs = [shape(f["geometry"]) for f in layers["sea"]["features"]]
    shapely.prepare(lanes)
    vertices_on_legs = shapely.points(shapely.get_coordinates(legs))
    assert shapely.dwithin(vertices_on_legs, lanes, 1e-6).all()  # every leg runs along the lanes
    assert lanes.length < 0.5 * sum(leg.length for leg in legs)  # shared lanes are drawn once
    keys = [key for key, _ in with_sea_network(list(layers.items()))]
    assert keys.index("seanet") == keys.index("sea") - 1  # drawn just under the legs


def test_drawn_only_layers_become_one_feature_with_every_part() -> None:
    layers = dict(load_page_layers().items())
    for key in MERGED_LAYERS:
        source = layers[key]
        one = merged(source)
        assert len(one["features"]) == 1 and one["features"][0]["properties"] == {}
        whole = shape(one["features"][0]["geometry"])
        assert vertices(one) == vertices(source)
        parts = [shape(f["geometry"]) for f in source["features"] if f["geometry"]]
        assert abs(whole.length - sum(p.length for p in parts)) < 1e-6 * whole.length, key
