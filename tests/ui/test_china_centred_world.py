"""The China-centred world in the window (issue #22): the Americas whole east of the Pacific, real clicks
on Brazil, Mexico and Alaska select them, views saved in ±180, and the Greenwich world as a setting."""

from __future__ import annotations

from typing import Any

import pytest

from corridor_map.core.longitudes import PACIFIC_EDGE
from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import find_spot, interior_points, set_view

pytestmark = pytest.mark.gui

# Points inside mainland Alaska (the USA's part beyond 180° E in the China-centred world)
ALASKA = [(64.5, -150.0), (63.0, -155.0), (66.0, -146.0), (62.5, -145.0), (65.0, -158.0), (61.5, -149.5)]

BOUNDS = """(function (codes) {
  var out = {};
  CM.layers.countries.eachLayer(function (l) {
    var p = l.feature.properties;
    if (codes.indexOf(p.iso3) >= 0) { var b = l.getBounds(); out[p.iso3] = [b.getWest(), b.getEast()]; }
  });
  return JSON.stringify(out);
})(%s)"""


def world_of(window: MainWindow) -> Any:
    """The page's world and edge, or None while it (re)loads."""
    return run_js(
        window,
        "(window.CM && CM.options && CM.map) ? JSON.stringify([CM.options.world || 'greenwich',"
        " CM.options.edge == null ? null : CM.options.edge]) : null",
    )


@pytest.fixture(autouse=True)
def _clean(window: MainWindow):
    window.state.clear_selection()
    yield
    window.state.clear_selection()


def test_the_window_draws_the_americas_whole_east_of_the_pacific(window: MainWindow) -> None:
    assert window.view_state.world == "pacific"  # the default
    assert world_of(window) == ["pacific", PACIFIC_EDGE]
    spans = run_js(window, BOUNDS % '["BRA", "MEX", "USA", "CHN", "GRL", "ISL", "RUS"]')
    assert 180 < spans["BRA"][0] < spans["BRA"][1] < 335  # (±180: 74–29° W)
    assert 180 < spans["MEX"][0] < spans["MEX"][1] < 335
    assert spans["USA"][0] > 170 and spans["USA"][1] < 300  # Alaska with the Aleutians, Hawaii, the 48
    assert 70 < spans["CHN"][0] < spans["CHN"][1] < 140
    assert spans["GRL"][0] > 280 and spans["GRL"][1] < 360  # Greenland whole, not cut at the edge
    assert -25 < spans["ISL"][0] < spans["ISL"][1] < 0  # Iceland stays in the west
    assert spans["RUS"][1] > 180 and spans["RUS"][1] - spans["RUS"][0] < 180  # Chukotka joined, not wrapped


@pytest.mark.parametrize("iso3", ["BRA", "MEX", "USA"])
def test_a_real_click_on_brazil_mexico_and_alaska_selects_them(window: MainWindow, iso3: str) -> None:
    """A person's click (a real mouse event through the browser's hit testing) on the country where the
    China-centred world draws it, beyond 180° E."""
    window.presenter.fly = False  # the map stays put for the click
    try:
        points = ALASKA if iso3 == "USA" else interior_points(iso3)
        lat, lon = points[0]
        set_view(window, lat, lon, 4)  # (set_view puts the data's longitude where the page draws it)
        assert run_js(window, "CM.map.getCenter().lng") > 180
        spot = find_spot(window, points, iso3)
        assert spot is not None, f"no clear point of {iso3} in view"
        real_input.click(window.map_view, spot)
        wait_until(lambda: window.state.selection == {iso3}, 10)
    finally:
        window.presenter.fly = True


def test_the_view_state_keeps_longitudes_in_180_degrees(window: MainWindow) -> None:
    """The page reports Mexico's view at 260° E; the view state (saved views, exports) has it at 100° W,
    and a view asked for in ±180 is shown beyond 180° E."""
    set_view(window, 20.0, -100.0, 4)
    wait_until(lambda: (c := window.view_state.extent.center) is not None and abs(c[1] + 100.0) < 0.01, 10)
    assert abs(run_js(window, "CM.map.getCenter().lng") - 260.0) < 0.01
    from corridor_map.view_state import MapExtent

    window.view_state.request_view(MapExtent((-15.0, -50.0), 5.0))  # Brazil
    wait_until(lambda: abs(run_js(window, "CM.map.getCenter().lng") - 310.0) < 0.01, 10)
    # ... and reported back (150 ms after the map settles) in ±180
    wait_until(lambda: abs(window.view_state.extent.center[1] + 50.0) < 0.01, 10)


def test_the_greenwich_world_is_a_setting_and_the_view_survives_the_switch(window: MainWindow) -> None:
    from corridor_map.ui.settings import Settings

    set_view(window, 20.0, -100.0, 4)
    wait_until(lambda: (c := window.view_state.extent.center) is not None and abs(c[1] + 100.0) < 0.01, 10)
    try:
        window.act_world["greenwich"].trigger()  # View → World map → Centred on Greenwich
        assert Settings().world == "greenwich"
        wait_until(lambda: world_of(window) == ["greenwich", None] and window.map_view.ready, 120)
        wait_until(lambda: abs(run_js(window, "CM.map.getCenter().lng") + 100.0) < 0.01, 20)
        # (and the page has reported it: the switch back starts from the view state's extent)
        wait_until(lambda: abs(window.view_state.extent.center[1] + 100.0) < 0.01, 10)
        spans = run_js(window, BOUNDS % '["BRA"]')
        assert -75 < spans["BRA"][0] < spans["BRA"][1] < -28
    finally:
        window.act_world["pacific"].trigger()
        wait_until(lambda: world_of(window) == ["pacific", PACIFIC_EDGE] and window.map_view.ready, 120)
    wait_until(lambda: abs(run_js(window, "CM.map.getCenter().lng") - 260.0) < 0.01, 20)
    assert Settings().world == "pacific"
    wait_until(lambda: abs(window.view_state.extent.center[1] + 100.0) < 0.01, 10)
