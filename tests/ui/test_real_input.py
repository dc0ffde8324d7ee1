"""The map answers a person's mouse, wheel, touch and keyboard: real Qt input events into the web view.

Every event here goes through QtWebEngine's input path and the browser's hit testing
(``corridor_map.ui.real_input``): a layer lying on top of the countries would make these tests fail,
as the negative control shows.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import TimeoutError as WaitTimedOut

from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import (
    OPEN_SEA,
    country_spot,
    english_name,
    find_spot,
    frame,
    hovered_tooltip,
    interior_points,
    line_points,
    set_view,
    settled,
    tooltips,
)

pytestmark = pytest.mark.gui

# Twenty countries across the corridor's markets, with and without sample dealers near their middle.
TWENTY = [
    "KAZ", "SAU", "IRN", "VNM", "THA", "MYS", "IDN", "LAO", "MMR", "UZB",
    "RUS", "DEU", "POL", "TUR", "EGY", "ZAF", "BRA", "MEX", "AUS", "MNG",
]  # fmt: skip

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _clean(window: MainWindow):
    window.state.show_all()
    settled(window)
    yield
    window.state.show_all()


def _click_country(window: MainWindow, iso3: str, modifiers=real_input.NO_MODIFIER) -> None:
    real_input.click(window.map_view, country_spot(window, iso3), modifiers)


def test_a_real_click_inside_each_of_twenty_countries_selects_exactly_it_and_a_hover_names_it(
    window: MainWindow,
) -> None:
    view = window.map_view
    for iso3 in TWENTY:
        window.state.clear_selection()
        frame(window, iso3)
        spot = country_spot(window, iso3)
        name = english_name(iso3)
        assert any(name == t for t in hovered_tooltip(window, spot, name)), iso3
        real_input.click(view, spot)
        wait_until(lambda iso3=iso3: window.state.selection == {iso3}, 10)
        settled(window)  # the map frames the selection
        # the hovered outline: the country under the pointer is drawn with a darker, thicker border
        # (only while it is not selected; checked on the first one below)


def test_a_real_hover_outlines_the_country_and_leaving_it_restores_the_border(window: MainWindow) -> None:
    frame(window, "KAZ")
    spot = country_spot(window, "KAZ")
    weight = (
        "CM.layers.countries.getLayers().filter(l => l.feature.properties.iso3 === 'KAZ')[0].options.weight"
    )
    before = run_js(window, weight)
    hovered_tooltip(window, spot, english_name("KAZ"))
    assert run_js(window, weight) > before
    sea = find_spot(window, [(30.0, 50.0), (42.0, 50.0), (45.0, 51.0)], None)  # the Caspian Sea
    assert sea is not None
    real_input.hover(window.map_view, sea)
    wait_until(lambda: run_js(window, weight) == before, 10)
    wait_until(lambda: not any(english_name("KAZ") == t for t in tooltips(window)), 10)


def test_a_real_click_on_open_sea_clears_the_selection(window: MainWindow) -> None:
    window.state.select(["THA", "VNM"])
    set_view(window, -20.0, 80.0, 3)
    sea = find_spot(window, OPEN_SEA, None)
    assert sea is not None
    real_input.click(window.map_view, sea)
    wait_until(lambda: window.state.selection == frozenset(), 10)


def test_ctrl_click_on_sea_keeps_the_selection(window: MainWindow) -> None:
    window.state.select(["THA"])
    set_view(window, -20.0, 80.0, 3)
    sea = find_spot(window, OPEN_SEA, None)
    assert sea is not None
    real_input.click(window.map_view, sea, CTRL)
    QApplication.processEvents()
    real_input.click(window.map_view, country_spot(window, "IND"), CTRL)  # a later click still counts
    wait_until(lambda: window.state.selection == {"THA", "IND"}, 10)


def test_ctrl_and_shift_click_add_and_remove_countries(window: MainWindow) -> None:
    window.presenter.fly = False  # the map stays put, as a person's next click expects
    try:
        set_view(window, 15.0, 100.0, 5)
        _click_country(window, "THA")
        wait_until(lambda: window.state.selection == {"THA"}, 10)
        _click_country(window, "LAO", CTRL)
        wait_until(lambda: window.state.selection == {"THA", "LAO"}, 10)
        _click_country(window, "KHM", SHIFT)
        wait_until(lambda: window.state.selection == {"THA", "LAO", "KHM"}, 10)
        _click_country(window, "THA", CTRL)
        wait_until(lambda: window.state.selection == {"LAO", "KHM"}, 10)
        _click_country(window, "MMR")
        wait_until(lambda: window.state.selection == {"MMR"}, 10)
    finally:
        window.presenter.fly = True


def test_negative_control_a_full_map_canvas_on_top_swallows_the_click(window: MainWindow) -> None:
    """Put the defect back (the dealers' canvas taking pointer events over the whole map): the same
    real click then selects nothing. A test that made Leaflet fire the click itself would still pass."""
    frame(window, "KAZ")
    spot = country_spot(window, "KAZ")
    canvas = "CM.map.getPane('cm-dealers').querySelector('canvas')"
    assert run_js(window, f"!!{canvas}")
    run_js(window, f"{canvas}.style.pointerEvents = 'auto'; 1")
    try:
        run_js(window, "window.cmTestClicks = 0; document.addEventListener('click', function () {"
                       " window.cmTestClicks += 1; }, {capture: true, once: true}); 1")  # fmt: skip
        real_input.click(window.map_view, spot)
        wait_until(lambda: run_js(window, "window.cmTestClicks") == 1, 10)  # the page has the click
        run_js(window, "1")  # a round trip: any bridge call from the click has arrived
        assert window.state.selection == frozenset()
    finally:
        run_js(window, f"{canvas}.style.pointerEvents = 'none'; 1")
    real_input.click(window.map_view, spot)
    wait_until(lambda: window.state.selection == {"KAZ"}, 10)


def test_the_page_pixel_is_right_at_another_zoom_factor(window: MainWindow) -> None:
    """Widget pixels are page pixels times the page's zoom factor (Ctrl+/- in a browser)."""
    view = window.map_view
    view.setZoomFactor(1.5)
    try:
        wait_until(lambda: run_js(window, "window.devicePixelRatio") >= 1.5, 10)
        frame(window, "KAZ")
        real_input.click(view, country_spot(window, "KAZ"))
        wait_until(lambda: window.state.selection == {"KAZ"}, 10)
    finally:
        view.setZoomFactor(1.0)
        wait_until(lambda: run_js(window, "window.devicePixelRatio") < 1.5, 10)


def test_the_wheel_zooms_in_and_out_at_the_pointer(window: MainWindow) -> None:
    set_view(window, 30.0, 90.0, 3)
    spot = country_spot(window, "CHN")
    real_input.wheel(window.map_view, spot, 2)
    zoom_in = wait_until(lambda: (z := run_js(window, "CM.map.getZoom()")) > 3 and z, 10)
    settled(window)
    real_input.wheel(window.map_view, spot, -3)
    wait_until(lambda: run_js(window, "CM.map.getZoom()") < zoom_in, 10)


def test_keyboard_find_enter_and_escape(window: MainWindow) -> None:
    window.activateWindow()
    # a shortcut reaches only the active window: on xcb activation is asynchronous (the window
    # manager's answer), so wait for it and for the map's focus as a person would see them
    wait_until(window.isActiveWindow, 10)
    window.map_view.setFocus()
    wait_until(lambda: QApplication.focusWidget() is not None, 5)
    real_input.key(QApplication.focusWidget(), Qt.Key.Key_F, CTRL)
    search = window.toolbar.search
    wait_until(lambda: search.hasFocus() or QApplication.focusWidget() is search, 5)
    real_input.type_text(search, "Thailand")
    real_input.key(search, Qt.Key.Key_Return)
    wait_until(lambda: window.state.selection == {"THA"}, 10)
    search.completer().popup().hide()  # (a person's first Esc closes the list; QTest's would skip it)
    real_input.key(search, Qt.Key.Key_Escape)
    wait_until(lambda: window.state.selection == frozenset(), 10)
    assert search.text() == ""
    # Esc on the map clears a selection made on the map
    frame(window, "VNM")
    _click_country(window, "VNM")
    wait_until(lambda: window.state.selection == {"VNM"}, 10)
    real_input.key(window.map_view.focusProxy(), Qt.Key.Key_Escape)
    wait_until(lambda: window.state.selection == frozenset(), 10)


def test_country_points_are_inside_their_country() -> None:
    """The chooser of interior points (the tests' own tool) is itself right."""
    from shapely.geometry import Point

    from tests.ui.real_spots import country_shapes

    for iso3 in TWENTY:
        for lat, lon in interior_points(iso3, 5):
            assert country_shapes()[iso3].contains(Point(lon, lat)), iso3


def test_line_points_follow_the_layer(window: MainWindow) -> None:
    points = list(line_points(window, "CM.layers.rail.getLayers().slice(0, 1)"))
    assert len(points) >= 2
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in points)


# A press on the map records where it was, in the view the map had then: after the router (capture
# phase) has handled it, before Leaflet's own listeners; also whether the map was still moving, and
# whether another interactive layer (a route, a line, a port) lies under the pointer.
_RECORD_PRESSES = """
(function () {
  var map = CM.map;
  if (!window.cmTestPresses) {
    window.cmTestPresses = [];
    var motion = { moving: false };
    map.on('movestart', function () { motion.moving = true; });
    map.on('moveend', function () { motion.moving = false; });
    // Every press that reaches the page is recorded here first, as taken by what is under it; the map
    // container's listener below makes it a country's press. A control or a port's card keeps it
    // from the container (the legend moves to its corner at the flight's end, under a late press).
    document.addEventListener('mousedown', function (e) {
      motion.atPress = motion.moving;
      var t = e.target;
      window.cmTestPresses.push([null, null, true, true, t.id || t.className || t.tagName]);
    }, true);
    map.getContainer().addEventListener('mousedown', function (e) {
      var ll = map.mouseEventToLatLng(e), lp = map.mouseEventToLayerPoint(e), onOther = false;
      // a route, a line or a port under the pointer takes the click: found from their coordinates
      // projected for the view of the press (not from what the layers last projected themselves)
      map.eachLayer(function (l) {
        if (!l.options || !l.options.interactive || !l._containsPoint || l instanceof L.Polygon) return;
        var tol = l._clickTolerance ? l._clickTolerance() : 5;
        if (l.getRadius) {
          onOther = onOther || map.latLngToLayerPoint(l.getLatLng()).distanceTo(lp) <= l.getRadius() + tol;
          return;
        }
        if (!l.getLatLngs) return;
        var lines = L.LineUtil.isFlat(l.getLatLngs()) ? [l.getLatLngs()] : l.getLatLngs();
        lines.forEach(function (line) {
          for (var i = 1; i < line.length && !onOther; i++) {
            var a = map.latLngToLayerPoint(line[i - 1]), b = map.latLngToLayerPoint(line[i]);
            if (L.LineUtil.pointToSegmentDistance(lp, a, b) <= tol) onOther = true;
          }
        });
      });
      var presses = window.cmTestPresses;
      presses[presses.length - 1] = [ll.lat, ll.lng, motion.atPress, onOther, "map"];
    });
  }
  window.cmTestPresses.length = 0;
  return 1;
})()
"""

# The page pixel of the first of the points ([lat, lon], the data's longitudes) that lies in the map's
# present view with no control, marker or label over it; else null.
_OPEN_SPOT = """
(function (points) {
  var map = CM.map, s = map.getSize(), r = map.getContainer().getBoundingClientRect();
  var frame = FRAME_LNG;
  for (var i = 0; i < points.length; i++) {
    var c = map.latLngToContainerPoint([points[i][0], frame(points[i][1])]);
    if (c.x < 40 || c.y < 40 || c.x > s.x - 40 || c.y > s.y - 40) continue;
    var el = document.elementFromPoint(c.x + r.left, c.y + r.top);
    var covered = ".leaflet-control-container, .leaflet-marker-icon, .leaflet-tooltip, .leaflet-popup";
    if (el && !el.closest(covered)) {
      return JSON.stringify([c.x + r.left, c.y + r.top]);
    }
  }
  return null;
})(POINTS)
""".replace("FRAME_LNG", real_input.FRAME_LNG_JS)

# What lies at a page pixel [x, y]: its id, class or tag.
_ELEMENT_AT = (
    "(function (p) { var e = document.elementFromPoint(p[0], p[1]); "
    "return e ? (e.id || e.className || e.tagName) : null; })(XY)"
)


def test_a_click_while_the_map_flies_to_a_selection_selects_the_country_under_the_pointer(
    window: MainWindow,
) -> None:
    """After a selection the map flies to it for most of a second, and a person may click on the way.
    The click must choose the country under the pointer as the map shows it at the press: the canvases
    still held the layers where they were before the flight, and a click on India chose Kazakhstan
    (a third of the soak's clicks missed). The press ends the flight where it is."""
    from PySide6.QtTest import QTest
    from shapely.geometry import Point

    from tests.ui.real_spots import country_shapes

    shapes = country_shapes()
    caught = 0
    for fly_to, target in [
        ("KAZ", "CHN"), ("THA", "IND"), ("PAK", "IND"), ("LAO", "CHN"), ("MMR", "IND"), ("UZB", "KAZ"),
        ("MNG", "CHN"), ("VNM", "CHN"), ("IRN", "KAZ"), ("AFG", "CHN"), ("NPL", "CHN"), ("KGZ", "CHN"),
    ]:  # fmt: skip
        window.state.clear_selection()
        run_js(window, "CM.closePortCard()")  # (an earlier press may have fallen on a port)
        set_view(window, 30.0, 75.0, 3.0)
        run_js(window, _RECORD_PRESSES)
        candidates = [list(p) for p in interior_points(target, 20)]
        window.state.select({fly_to})
        spot = None
        for _ in range(30):  # (the flight starts when the page has the selection)
            QTest.qWait(15)
            spot = run_js(window, _OPEN_SPOT.replace("POINTS", json.dumps(candidates)))
            moving = run_js(window, "CM.map._cmTestMotion.moving")
            if spot and moving:
                break
            spot = None
        if spot is None:
            continue
        real_input.click(window.map_view, (spot[0], spot[1]))
        try:
            wait_until(lambda: run_js(window, "window.cmTestPresses.length") > 0, 10)
        except WaitTimedOut:
            under_press = run_js(window, _ELEMENT_AT.replace("XY", json.dumps(spot)))
            pytest.fail(f"a real press at {spot} never reached the page (now under it: {under_press})")
        lat, lng, was_moving, on_other, _ = run_js(window, "JSON.stringify(window.cmTestPresses[0])")
        if lat is None:
            continue  # on a control or a card
        point = Point((lng + 180.0) % 360.0 - 180.0, lat)
        under = [code for code, shape in shapes.items() if shape.contains(point)]
        near_border = any(shape.exterior.distance(point) < 0.5 for shape in _parts(shapes, under))
        if not was_moving or on_other or len(under) != 1 or under[0] == fly_to or near_border:
            continue  # the flight had ended; the press fell on a route, the sea, a border, the destination
        caught += 1
        for _ in range(100):  # (the click's selection comes back over the bridge)
            if window.state.selection != {fly_to}:
                break
            QTest.qWait(50)
        assert window.state.selection == {under[0]}, (
            f"a click at {lat:.2f}, {lng:.2f} (in {under[0]}) while the map flew to {fly_to} "
            f"selected {sorted(window.state.selection)}"
        )
    assert caught >= 3, f"only {caught} clicks landed during a flight"
    settled(window)


def _parts(shapes: dict, codes: list[str]) -> list:
    return [part for code in codes for part in getattr(shapes[code], "geoms", [shapes[code]])]


def test_ctrl_e_in_the_search_box_opens_the_export_dialog(window: MainWindow) -> None:
    """A visitor's country typed, then Ctrl+E for a picture of it: the line edit's own Ctrl+E (the end
    of the line, with the Linux desktop's key bindings) must not swallow File → Export."""
    window.activateWindow()
    wait_until(window.isActiveWindow, 10)
    search = window.toolbar.search
    search.setFocus()
    wait_until(lambda: QApplication.focusWidget() is search, 5)
    real_input.type_text(search, "Thai")
    real_input.key(search, Qt.Key.Key_E, CTRL)
    try:
        wait_until(lambda: window._export_dialog is not None and window._export_dialog.isVisible(), 30)
    finally:
        if window._export_dialog is not None:
            window._export_dialog.hide()
        search.clear()
