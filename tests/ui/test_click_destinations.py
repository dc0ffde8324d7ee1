"""A real click anywhere on a destination country selects it, on the corridor's lines and the export flows
that cross it too.

Leaflet opens a line's tooltip on a click (for touch screens), so every rail, road, sea and flow line
listened to clicks, and the pointer's router handed the click to the line: at five views, 34 of 275 real
clicks on destinations selected nothing. Each view here clicks every destination it shows, on a line
that crosses the country where one is clear of ports and dealers, else inside it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from shapely.geometry import Point
from shapely.prepared import prep

from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import country_shapes, find_spot, interior_points, line_points, set_view

pytestmark = pytest.mark.gui

# The corridor's lines and the export flows: a click on one over a country is the country's.
LINE_LAYERS = ["rail", "road", "river", "sea", "flows"]
ON_A_LINE = (
    "function (l) { return " + repr(LINE_LAYERS).replace("'", '"') + ".some(function (k) {"
    " return CM.layers[k] && CM.layers[k].hasLayer(l); }); }"
)
VIEWS = {  # (lat, lon, zoom): the world, Europe's onward roads, Africa and the Gulf, Asia
    "world": (20.0, 60.0, 2.0),
    "europe": (50.0, 30.0, 4.0),
    "africa": (0.0, 20.0, 3.0),
    "asia": (30.0, 100.0, 4.0),
}


@pytest.fixture
def still_map(window: MainWindow) -> Iterator[None]:
    """The map stays where the test puts it (no flight to a selection)."""
    window.presenter.fly = False
    yield
    window.presenter.fly = True
    window.state.clear_selection()


def _vertices_in(code: str, vertices: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The line vertices (lat, page lon) inside the country, at most 60, spread along."""
    shape = country_shapes()[code]
    _, miny, _, maxy = shape.bounds
    inside = prep(shape)
    found = [
        (lat, lon)
        for lat, lon in vertices
        if miny <= lat <= maxy and inside.contains(Point((lon + 180.0) % 360.0 - 180.0, lat))
    ]
    return found[:: max(1, len(found) // 60)]


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.usefixtures("still_map")
def test_a_click_on_each_destination_in_view_selects_it(window: MainWindow, view: str) -> None:
    set_view(window, *VIEWS[view])
    shown = ", ".join(f"CM.layers.{k} ? CM.layers.{k}.getLayers() : []" for k in LINE_LAYERS)
    layers = f"[].concat({shown})"
    vertices = list(line_points(window, layers, in_view=True))
    destinations = sorted(set(window.state.dataset.sales["iso3"].astype(str)))
    clicked: list[str] = []
    on_lines: list[str] = []
    missed: list[str] = []
    for code in destinations:
        window.state.clear_selection()
        wait_until(lambda: run_js(window, "Object.keys(CM.selection).length") == 0, 5)
        spot = find_spot(window, _vertices_in(code, vertices), code, ignore=ON_A_LINE)
        if spot is not None:
            on_lines.append(code)
        else:
            spot = find_spot(window, interior_points(code, 20), code)
        if spot is None:
            continue  # not in this view, or all of it under a control, a port or a dealer
        clicked.append(code)
        real_input.click(window.map_view, spot)
        try:
            wait_until(lambda c=code: window.state.selection == {c}, 5)
        except Exception:  # (pytest-qt's timeout) every miss is listed, not only the first
            missed.append(f"{code} at {spot}: selected {sorted(window.state.selection)}")
    assert len(clicked) >= 5, f"only {clicked} could be clicked in the {view} view"
    assert len(on_lines) >= 2, f"only {on_lines} had a clear point on a line in the {view} view"
    assert not missed, f"{len(missed)} of {len(clicked)} real clicks missed their country: {missed}"
