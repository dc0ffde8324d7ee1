"""The points of view on the real page: China's (the default) and Natural Earth's, by real hover and click."""

from __future__ import annotations

import pytest

from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import find_spot, hovered_tooltip, set_view_near, tooltips

pytestmark = pytest.mark.gui

ITANAGAR = (27.08, 93.62)  # (lat, lon), South Tibet
# the ten dashes are drawn as one feature (mapgen/merged.py): its lines, if stroked
TENDASH_STROKED = (
    "CM.layers.tendash.getLayers().filter(function (l) { return l.options.stroke; })"
    ".reduce(function (n, l) { return n + l.getLatLngs().length; }, 0)"
)


@pytest.fixture
def ne_view_after(window: MainWindow):
    window.state.show_all()
    yield
    window.set_point_of_view("china")
    window.state.show_all()


def _spot_at(window: MainWindow, lat: float, lon: float) -> tuple[float, float]:
    set_view_near(window, lat, lon, 6)  # the place near the middle, clear of the legend
    spot = find_spot(window, [(lat, lon), (lat + 0.1, lon), (lat - 0.1, lon + 0.1)], None,
                     ignore="(function (l) { return CM.layers.countries.hasLayer(l); })")  # fmt: skip
    assert spot is not None
    return spot


@pytest.mark.usefixtures("ne_view_after")
def test_south_tibet_is_china_by_default_and_india_in_natural_earths_view(window: MainWindow) -> None:
    assert run_js(window, "CM.pov") == "china"
    spot = _spot_at(window, *ITANAGAR)
    assert "China" in hovered_tooltip(window, spot, "China")
    real_input.click(window.map_view, spot)
    wait_until(lambda: window.state.selection == {"CHN"}, 10)

    window.set_point_of_view("ne")
    wait_until(lambda: run_js(window, "CM.pov") == "ne", 10)
    window.state.clear_selection()
    spot = _spot_at(window, *ITANAGAR)
    real_input.hover(window.map_view, (spot[0] + 30, spot[1] + 30))  # leave, and come back
    assert "India" in hovered_tooltip(window, spot, "India")
    real_input.click(window.map_view, spot)
    wait_until(lambda: window.state.selection == {"IND"}, 10)


@pytest.mark.usefixtures("ne_view_after")
def test_the_ten_dash_line_is_drawn_in_chinas_view_only(window: MainWindow) -> None:
    assert run_js(window, TENDASH_STROKED) == 10
    legend = run_js(window, "CM.describe()")["legend"]
    assert "South China Sea dashed line" in legend
    layer_list = run_js(window, "CM.describe()")["layerControl"]
    assert not any("tendash" in name for name in layer_list)  # part of the view, not a layer to switch off
    window.set_point_of_view("ne")
    wait_until(lambda: run_js(window, TENDASH_STROKED) == 0, 10)
    assert "South China Sea dashed line" not in run_js(window, "CM.describe()")["legend"]
    assert not any(t == "China" for t in tooltips(window))
