"""A page of the China-centred world (PageOptions(world="pacific"), mapgen.world): every layer's geometry,
inline and in the finer levels, lies in the frame; the Greenwich page is made as before."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import numpy as np
import pytest
import shapely
from shapely.geometry import shape

from corridor_map.core.longitudes import FULL, PACIFIC_EDGE
from corridor_map.mapgen import world
from corridor_map.mapgen.assets import PAGE_FILE
from corridor_map.mapgen.lod import read_level_script
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.page import render_page
from corridor_map.mapgen.sources import load_page_layers

EDGE = PACIFIC_EDGE
GREENLAND_OVERHANG = 14.0  # Greenland (to 11.4° W) moves whole: its east coast lies past the frame's side
STRICT = {"graticule", "seanet", "sea", "road", "river", "rail", "ports", "tendash"}


@cache
def pacific_page() -> dict[str, str]:
    return render_page(load_page_layers(), PageOptions(world="pacific"))


def inline_layers(html: str) -> dict[str, dict[str, Any]]:
    """The FeatureCollections the page's script adds to its layers, by layer key."""
    names = dict(re.findall(r'"(\w+)": (geo_json_\w+),', html))
    data = {
        name: json.loads(json.loads(literal))
        for name, literal in re.findall(r"(geo_json_\w+)\.addData\(JSON\.parse\((\".*?\")\)\);\n", html)
    }
    return {key: data[name] for key, name in names.items() if name in data}


def longitudes(geometries: list[Any]) -> np.ndarray:
    found = [shapely.get_coordinates(shape(g))[:, 0] for g in geometries if g]
    return np.concatenate(found) if found else np.array([])


def test_every_inline_layer_lies_in_the_frame() -> None:
    layers = inline_layers(pacific_page()[PAGE_FILE])
    assert {"countries", "coastline", "lakes", "graticule", "seanet", "sea", "rail", "ports"} <= set(layers)
    for key, data in layers.items():
        x = longitudes([f["geometry"] for f in data["features"]])
        assert x.size, key
        east = EDGE + FULL + (0 if key in STRICT else GREENLAND_OVERHANG)
        assert x.min() >= EDGE - 0.4 and x.max() <= east, (key, x.min(), x.max())
        if key in STRICT:
            assert x.min() >= EDGE, key
    # the Americas are east of the Pacific: Brazil's and Mexico's points, a Latin American port
    ports = {f["properties"]["id"]: f["geometry"]["coordinates"] for f in layers["ports"]["features"]}
    assert all(EDGE <= lon < EDGE + FULL for lon, _ in ports.values())
    assert any(lon > 180 for lon, _ in ports.values())


def test_the_finer_levels_lie_in_the_frame_too() -> None:
    page = pacific_page()
    scripts = [name for name in page if name.startswith("lod")]
    assert scripts
    for name in scripts:
        _, by_layer = read_level_script(page[name])
        for key, geometries in by_layer.items():
            x = longitudes(geometries)
            east = EDGE + FULL + (0 if key in STRICT else GREENLAND_OVERHANG)
            assert x.min() >= EDGE - 0.4 and x.max() <= east, (name, key, x.min(), x.max())


def test_label_points_and_options_say_the_world() -> None:
    html = pacific_page()[PAGE_FILE]
    options = json.loads(re.search(r"CM\.init\(\w+, \{.*?\}, (\{.*\})\);", html, re.S).group(1))  # type: ignore[union-attr]
    assert options["world"] == "pacific" and options["edge"] == EDGE
    countries = inline_layers(html)["countries"]["features"]
    labels = {f["properties"]["iso3"]: f["properties"]["label_lon"] for f in countries}
    assert labels["BRA"] > 280 and labels["MEX"] > 230 and labels["USA"] > 230 and 100 < labels["CHN"] < 110


def test_the_greenwich_page_is_made_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its layers go to the levels of detail untouched, and its options say nothing of a world (the page's
    bytes were compared with a page made before the option existed: identical)."""

    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("the Greenwich world moves nothing")

    monkeypatch.setattr(world, "shift_collection", refuse)
    monkeypatch.setattr(world, "shift_countries", refuse)
    layers = load_page_layers()
    assert world.framed_layers(layers.items(), "greenwich") == layers.items()
    html = render_page(layers, PageOptions())[PAGE_FILE]
    assert '"world"' not in html and '"edge"' not in html


def test_an_unknown_world_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown world"):
        world.framed_layers([], "atlantis")
