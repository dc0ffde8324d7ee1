"""Every interactive layer answers the real pointer, at two zoom levels, with the legend and the layer list
open over the map; a finger's tap selects a country in exhibition mode.

What lies under the pointer is decided by the browser and the page's router, from real Qt events
(``corridor_map.ui.real_input``); the tests only choose points a person could see and reach.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from corridor_map.ui import real_input
from corridor_map.ui.kiosk import KioskSettings
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import (
    below_or,
    country_spot,
    dealer_dots,
    dealer_group_spots,
    english_name,
    find_spot,
    hovered_tooltip,
    line_points,
    line_tooltip,
    open_layer_list,
    set_view,
    settled,
    toggle_layer,
    tooltips,
)

pytestmark = pytest.mark.gui

# Beibu Gulf: the corridor's rail channels, the Yangtze's upper end, the ports, the sample's dealers.
CENTRE = (22.0, 106.0)


@pytest.fixture(autouse=True)
def _controls_open(window: MainWindow):
    """The legend is shown and the layer list is open: the controls a person has over the map."""
    window.state.show_all()
    window.state.focus_dealer(None)
    window.presenter.fly = False  # the map stays where the test put it
    run_js(window, "CM.setLegendVisible(true); 1")
    yield
    window.presenter.fly = True
    window.state.show_all()


def _view(window: MainWindow, zoom: float, centre: tuple[float, float] = CENTRE) -> None:
    set_view(window, centre[0], centre[1], zoom)
    open_layer_list(window)


@pytest.mark.parametrize("zoom", [4, 6])
def test_a_country_under_the_corridor_answers_hover_and_click(window: MainWindow, zoom: float) -> None:
    _view(window, zoom)
    spot = country_spot(window, "VNM")
    hovered_tooltip(window, spot, english_name("VNM"))
    real_input.click(window.map_view, spot)
    wait_until(lambda: window.state.selection == {"VNM"}, 10)


@pytest.mark.parametrize("zoom", [4, 6])
def test_a_port_answers_hover_and_click(window: MainWindow, zoom: float) -> None:
    for centre in (CENTRE, (31.0, 121.0), (1.5, 104.5)):  # Beibu Gulf, Shanghai, Singapore
        _view(window, zoom, centre)
        if _click_a_port(window):
            return
    pytest.fail("no port in clear view")


def _click_a_port(window: MainWindow) -> bool:
    """Hover and click the first port in view that nothing covers: its card opens, no country is selected."""
    ports = run_js(
        window,
        "JSON.stringify(CM.layers.ports.getLayers().map(function (l) { var p = l.feature.properties;"
        " return [l.getLatLng().lat, l.getLatLng().lng, p.name_en, p.iso3]; }))",
    )
    for k, (lat, lon, name, iso3) in enumerate(ports):
        itself = f"function (l) {{ return l === CM.layers.ports.getLayers()[{k}]; }}"
        spot = find_spot(window, [(lat, lon)], None, ignore=below_or("cm-ports", itself))
        if spot is None or not iso3:
            continue
        hovered_tooltip(window, spot, name)
        real_input.click(window.map_view, spot)  # its card; no country is selected
        port = ports[k]
        wait_until(lambda: run_js(window, "CM.openPortCard() || ''"), 10)
        assert window.state.selection == frozenset(), port
        run_js(window, "CM.closePortCard(); 1")
        return True
    return False


@pytest.fixture
def flows_hidden(window: MainWindow):
    """The export flows unticked in the layer list (they lie on the default routes' legs)."""
    open_layer_list(window)
    toggle_layer(window, "flows")
    yield
    open_layer_list(window)
    toggle_layer(window, "flows")


@pytest.mark.parametrize("zoom", [4, 6])
@pytest.mark.usefixtures("flows_hidden")
def test_rail_legs_answer_hover(window: MainWindow, zoom: float) -> None:
    _view(window, zoom)
    line_tooltip(window, "CM.layers.rail.getLayers()", "cm-sea", "CM.strings.mode_rail || 'rail'")


@pytest.mark.parametrize("zoom", [4, 6])
@pytest.mark.usefixtures("flows_hidden")
def test_the_river_answers_hover(window: MainWindow, zoom: float) -> None:
    _view(window, zoom, (30.0, 112.0))
    line_tooltip(window, "CM.layers.river.getLayers()", "cm-sea", "CM.strings.mode_river || 'river'")


@pytest.mark.parametrize("zoom", [4, 6])
@pytest.mark.usefixtures("flows_hidden")
def test_sea_lanes_answer_hover(window: MainWindow, zoom: float) -> None:
    _view(window, zoom, (8.0, 104.0))
    line_tooltip(window, "CM.layers.sea.getLayers()", "cm-sea", "CM.strings.mode_sea || 'sea'")


@pytest.mark.parametrize("zoom", [4, 6])
@pytest.mark.usefixtures("flows_hidden")
def test_onward_road_legs_answer_hover(window: MainWindow, zoom: float) -> None:
    _view(window, zoom, (-1.0, 36.0))  # Mombasa – Nairobi – Kampala
    line_tooltip(window, "CM.layers.road.getLayers()", "cm-sea", "CM.strings.mode_road || 'road'")


@pytest.mark.parametrize("zoom", [4, 6])
def test_export_flows_answer_hover(window: MainWindow, zoom: float) -> None:
    _view(window, zoom)
    line_tooltip(
        window, "CM.layers.flows.getLayers()", "cm-flows", "CM.strings.flow_units || 'Units via this leg'"
    )


@pytest.mark.parametrize("zoom", [6, 8])
def test_a_dealer_answers_a_click(window: MainWindow, zoom: float) -> None:
    for centre in (
        (13.75, 100.5),
        (24.7, 46.7),
        (-6.2, 106.8),
        (55.75, 37.6),
        (-23.5, -46.6),
        (19.4, -99.1),
        (30.0, 31.2),
    ):
        _view(window, zoom, centre)
        if _click_a_dealer(window):
            return
    pytest.fail("no dealer in clear view")


def _click_a_dealer(window: MainWindow) -> bool:
    """Click the first dealer dot in view that nothing else covers: it is picked, its country selected."""
    for lat, lon, _index in dealer_dots(window):
        # dealers placed at one city share its point: a click there picks one of them
        here = f"Math.abs(l.getLatLng().lat - {lat}) < 1e-6 && Math.abs(l.getLatLng().lng - {lon}) < 1e-6"
        itself = f"function (l) {{ return l.dealerIndex != null && {here}; }}"
        spot = find_spot(window, [(lat, lon)], None, ignore=below_or("cm-dealers", itself))
        if spot is None:
            continue
        real_input.click(window.map_view, spot)
        wait_until(lambda: window.state.focused_dealer is not None, 10)
        iso3 = str(window.state.dataset.dealers.at[window.state.focused_dealer, "iso3"])
        wait_until(lambda iso3=iso3: window.state.selection == {iso3}, 10)
        return True
    return False


@pytest.mark.parametrize("zoom", [3, 4])
def test_a_dealer_group_zooms_in_when_clicked(window: MainWindow, zoom: float) -> None:
    _view(window, zoom, (20.0, 100.0))
    reachable = dealer_group_spots(window)
    assert reachable, "no dealer group in clear view"
    real_input.click(window.map_view, reachable[0])
    wait_until(lambda: run_js(window, "CM.map.getZoom()") > zoom, 10)
    settled(window)


def test_a_click_beside_a_dealer_reaches_the_country_beneath(window: MainWindow) -> None:
    """The dealers' pane is the top one: a click a few pixels from a dot still selects the country."""
    bangkok = (13.75, 100.5)
    _view(window, 9, bangkok)  # every dealer a dot of its own
    rows = window.presenter._dealer_rows
    dealers = window.state.dataset.dealers
    thai = [d for d in dealer_dots(window) if str(dealers.at[rows[d[2]], "iso3"]) == "THA"]
    assert thai
    spot = None
    for lat, lon, _ in thai:  # a dealer with a clear ring around it (the rail and flows end in Bangkok)
        around = run_js(
            window,
            f"(function () {{ var c = CM.map.latLngToContainerPoint([{lat}, {lon}]);"
            " var steps = [[14, 0], [-14, 0], [0, 14], [0, -14], [11, 11], [-11, -11]];"
            " return JSON.stringify(steps.map(function (d) {"
            " var ll = CM.map.containerPointToLatLng(c.add(d)); return [ll.lat, ll.lng]; })); })()",
        )
        spot = find_spot(window, [tuple(p) for p in around], "THA")
        if spot is not None:
            break
    assert spot is not None
    real_input.click(window.map_view, spot)
    wait_until(lambda: window.state.selection == {"THA"}, 10)
    assert window.state.focused_dealer is None


def test_a_click_on_a_corridor_line_selects_the_country_under_it(window: MainWindow) -> None:
    """Leaflet opens a line's tooltip on a click (for touch screens), so every corridor line listened to
    clicks and kept them: a click on Kazakhstan where the railway crosses it selected nothing (a
    visitor's tap on Ethiopia at the first view fell on the Djibouti–Addis Ababa line). The country
    under a line takes the click; over the open sea a lane's click still opens its tooltip and leaves
    the selection as it was."""
    _view(window, 5, (47.0, 70.0))
    rails = "CM.layers.rail.getLayers()"
    on_rail = list(line_points(window, rails, in_view=True))
    spot = find_spot(window, on_rail, "KAZ", ignore=f"function (l) {{ return ({rails}).indexOf(l) >= 0; }}")
    assert spot is not None, "no point of a railway inside Kazakhstan clear of everything else"
    wanted = run_js(window, "CM.strings.mode_rail || 'rail'")
    hovered_tooltip(window, spot, wanted)  # the line is under the pointer: it takes the hover
    real_input.click(window.map_view, spot)
    wait_until(lambda: window.state.selection == {"KAZ"}, 10)

    _view(window, 5, (8.0, 90.0))  # the Bay of Bengal
    lanes = "CM.layers.sea.getLayers()"
    at_sea = list(line_points(window, lanes, in_view=True))
    spot = find_spot(window, at_sea, None, ignore=f"function (l) {{ return ({lanes}).indexOf(l) >= 0; }}")
    assert spot is not None, "no point of a sea lane in open water"
    real_input.click(window.map_view, spot)
    sea = run_js(window, "CM.strings.mode_sea || 'sea'")
    wait_until(lambda: any(sea in t for t in tooltips(window)), 10)
    assert window.state.selection == {"KAZ"}


def test_a_tap_selects_a_country_in_exhibition_mode(window: MainWindow) -> None:
    kiosk = window.kiosk  # the window's own controller (View → Exhibition mode)
    kiosk.settings = KioskSettings(top_n=3, dwell_ms=60_000, idle_ms=60_000, cursor_ms=60_000)
    kiosk.enter()
    try:
        wait_until(lambda: window.isFullScreen() or window.isVisible(), 10)
        set_view(window, 40.0, 80.0, 3)
        iso3 = next(c for c in ("KAZ", "MNG", "IRN") if c not in window.state.selection)
        real_input.tap(window.map_view, country_spot(window, iso3))
        wait_until(lambda: window.state.selection == {iso3}, 10)
        assert kiosk.paused  # a visitor's touch pauses the tour
    finally:
        kiosk.leave()
        QApplication.processEvents()
