"""The legend serves the map (issue 21): compact, foldable by a real click, placed where it hides least
(never over the Chongqing–Qinzhou channels or the Yangtze), listing only what is drawn, with a row for
highlighted routes, and the same code in exports without interaction hints."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before the QApplication exists)
from PySide6.QtWidgets import QApplication

from corridor_map.core.aggregate import NO_FILTERS
from corridor_map.core.dataset import load_sample
from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import close_export_session, run_js, wait_until
from tests.ui.real_spots import open_layer_list, set_view, settled, toggle_layer

pytestmark = pytest.mark.gui

# The Chongqing–Qinzhou rail channels (western via Guiyang, eastern via Huaihua, Nanning–Qinzhou) and
# the Yangtze
KEY_LEGS = ["R-TJC-NNG-GY", "R-TJC-NNG-HH", "R-NNG-QZH", "Y-CKG-SHA"]
SIZES = [(1366, 768), (1920, 1080)]
# Chongqing, Qinzhou, Shanghai and Singapore: the corridor framed as the first view frames it
CORRIDOR = [[29.56, 106.55], [21.68, 108.6], [31.23, 121.47], [1.29, 103.85]]

# Points every 2 px along the legs in view (container px), and which of them the legend's box covers
# (the box grown by 2 px: a line is drawn 3 px wide).
_COVERED = """
(function (ids) {
  var legend = document.getElementById('cm-legend'), map = CM.map;
  var box = map.getContainer().getBoundingClientRect(), r = legend.getBoundingClientRect();
  var x0 = r.left - box.left - 2, y0 = r.top - box.top - 2;
  var x1 = r.right - box.left + 2, y1 = r.bottom - box.top + 2;
  var size = map.getSize(), seen = 0, covered = [];
  ['rail', 'river'].forEach(function (mode) {
    if (!CM.isShown(mode)) return;
    CM.layers[mode].eachLayer(function (l) {
      var id = l.feature.properties.id;
      if (ids.indexOf(id) < 0) return;
      var ll = l.getLatLngs(), parts = Array.isArray(ll[0]) ? ll : [ll];
      parts.forEach(function (part) {
        for (var i = 1; i < part.length; i++) {
          var a = map.latLngToContainerPoint(part[i - 1]), b = map.latLngToContainerPoint(part[i]);
          var n = Math.max(1, Math.ceil(a.distanceTo(b) / 2));
          for (var k = 0; k <= n; k++) {
            var x = a.x + (b.x - a.x) * k / n, y = a.y + (b.y - a.y) * k / n;
            if (x < 0 || y < 0 || x > size.x || y > size.y) continue;
            seen += 1;
            if (x >= x0 && x <= x1 && y >= y0 && y <= y1) covered.push([id, Math.round(x), Math.round(y)]);
          }
        }
      });
    });
  });
  return JSON.stringify({seen: seen, covered: covered.slice(0, 5), count: covered.length});
})
"""


def legend(window: MainWindow) -> dict[str, Any]:
    box = run_js(window, "CM.describe()")["legendBox"]
    assert box is not None, "no legend on the map"
    return box


def head_point(window: MainWindow) -> tuple[float, float]:
    """The page pixel of the middle of the legend's fold button."""
    return tuple(
        run_js(
            window,
            "(function () { var r = document.querySelector('#cm-legend .cm-legend-head')"
            ".getBoundingClientRect();"
            " return JSON.stringify([r.left + r.width / 2, r.top + r.height / 2]); })()",
        )
    )


def sized(window: MainWindow, size: tuple[int, int], lang: str) -> None:
    """The window at ``size`` in ``lang``, the map resized and still."""
    window.resize(*size)
    if run_js(window, "CM.lang") != lang:
        window.set_language(lang)
    wait_until(lambda: run_js(window, "CM.lang") == lang, 20)
    want = window.map_view.width()
    wait_until(lambda: abs(run_js(window, "CM.map.getSize().x") - want) <= 2, 20)
    settled(window)


def frame(window: MainWindow, bounds: list[list[float]]) -> None:
    run_js(window, f"CM.map.fitBounds({json.dumps(bounds)}, {{animate: false, padding: [30, 30]}}); 1")
    settled(window)


def channels_at(window: MainWindow, fx: float, fy: float) -> None:
    """The channels (Guiyang, between Chongqing and Nanning) at this fraction of the map's width and
    height, at zoom 5: whichever corner a legend keeps to, some such view puts them under it."""
    run_js(
        window,
        "(function () { var m = CM.map, s = m.getSize(); m.setView([26.0, 107.5], 5, {animate: false});"
        f" m.panBy([(0.5 - {fx}) * s.x, (0.5 - {fy}) * s.y], {{animate: false}}); return 1; }})()",
    )
    settled(window)


@pytest.fixture(scope="module")
def window(window: MainWindow) -> Iterator[MainWindow]:
    """The module's window with its legend shown and unfolded, back in English afterwards."""
    run_js(window, "CM.setLegendVisible(true); 1")
    yield window
    window.resize(1200, 800)
    window.set_language("en")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_legend_is_small_and_clear_of_the_channels_and_the_yangtze(
    window: MainWindow, size: tuple[int, int], lang: str
) -> None:
    sized(window, size, lang)
    views = [("corridor", lambda: frame(window, CORRIDOR))]
    for fx, fy in [(0.78, 0.7), (0.22, 0.7), (0.78, 0.3), (0.22, 0.3)]:
        views.append((f"channels at {fx}, {fy}", lambda fx=fx, fy=fy: channels_at(window, fx, fy)))
    for name, show in views:
        show()
        box = legend(window)
        assert not box["collapsed"]
        x, y, w, h = box["rect"]
        mw, mh = box["map"]
        assert w * h <= 0.15 * mw * mh, f"{name}: the legend is {w * h / (mw * mh):.1%} of the map"
        inside = x >= 0 and y >= 0 and x + w <= mw + 1 and y + h <= mh + 1
        assert inside, f"{name}: {box['rect']} out of {box['map']}"
        found = run_js(window, f"{_COVERED}({json.dumps(KEY_LEGS)})")
        assert found["seen"] > 50, f"{name}: the channels are not in view ({found})"
        assert found["count"] == 0, f"{name}: the legend ({box['corner']}) covers {found['covered']}"


def test_a_real_click_on_the_header_folds_and_unfolds_it(window: MainWindow) -> None:
    sized(window, SIZES[0], "en")
    frame(window, CORRIDOR)
    opened = legend(window)
    assert run_js(window, "document.querySelector('#cm-legend .cm-legend-head').title") == "Hide the legend"
    real_input.click(window.map_view, head_point(window))
    folded = wait_until(lambda: (b := legend(window))["collapsed"] and b, 10)
    assert folded["rect"][3] < 30 < opened["rect"][3], (folded["rect"], opened["rect"])
    assert folded["corner"] == opened["corner"]  # folding never moves it
    head = "document.querySelector('#cm-legend .cm-legend-head')"
    assert run_js(window, f"{head}.getAttribute('aria-expanded')") == "false"
    assert run_js(window, f"{head}.title") == "Show the legend"
    # remembered while the page lives: a rebuild (a language switch, new classes) keeps it folded
    run_js(window, "CM.rebuildControls(); 1")
    assert legend(window)["collapsed"]
    real_input.click(window.map_view, head_point(window))
    again = wait_until(lambda: not (b := legend(window))["collapsed"] and b, 10)
    assert abs(again["rect"][3] - opened["rect"][3]) <= 1
    # and from the keyboard: the header is a button (Enter or Space)
    run_js(window, f"{head}.focus(); 1")
    real_input.key(real_input.target(window.map_view), Qt.Key.Key_Return)
    wait_until(lambda: legend(window)["collapsed"], 10)
    real_input.key(real_input.target(window.map_view), Qt.Key.Key_Space)
    wait_until(lambda: not legend(window)["collapsed"], 10)


def test_a_restyle_that_changes_no_row_leaves_the_legend_and_its_keyboard_focus(window: MainWindow) -> None:
    """The legend is filled again at each restyle and selection; when nothing in it changes, its element
    stays as it is: a keyboard user on its fold button keeps the focus, and Return still folds it."""
    sized(window, SIZES[0], "en")
    frame(window, CORRIDOR)
    head = "document.querySelector('#cm-legend .cm-legend-head')"
    run_js(window, f"{head}.focus(); 1")
    assert run_js(window, f"document.activeElement === {head}")
    restyles = run_js(window, "CM.restyles")
    run_js(window, "CM.setChoropleth(CM.choropleth); 1")  # (the same classes and values again)
    assert run_js(window, "CM.restyles") == restyles + 1
    assert run_js(window, f"document.activeElement === {head}")
    real_input.key(real_input.target(window.map_view), Qt.Key.Key_Return)
    wait_until(lambda: legend(window)["collapsed"], 10)
    real_input.key(real_input.target(window.map_view), Qt.Key.Key_Return)
    wait_until(lambda: not legend(window)["collapsed"], 10)


def test_it_lists_only_the_layers_drawn(window: MainWindow) -> None:
    sized(window, SIZES[1], "en")
    rows = legend(window)["rows"]
    assert {"class", "nodata", "rail", "river", "sea", "ports", "flows", "dealers"} <= set(rows)
    text = run_js(window, "CM.describe()")["legend"]
    for gone in ("Countries and territories", "Sea and lakes", "Coastline", "click"):
        assert gone not in text
    # unticked in the page's layer list, with the real pointer: its row goes, and comes back
    open_layer_list(window)
    try:
        toggle_layer(window, "rail")
        wait_until(lambda: "rail" not in legend(window)["rows"], 10)
        toggle_layer(window, "rail")
        wait_until(lambda: "rail" in legend(window)["rows"], 10)
    finally:
        run_js(window, "CM.setView({layers: {rail: true}}); CM.layerControl.collapse(); 1")
    run_js(window, "CM.setView({layers: {river: false, dealers: false}}); 1")
    try:
        rows = wait_until(lambda: "river" not in (r := legend(window)["rows"]) and r, 10)
        assert "dealers" not in rows and "rail" in rows
    finally:
        run_js(window, "CM.setView({layers: {river: true, dealers: true}}); 1")
    assert "river" in legend(window)["rows"]


def test_a_row_for_the_routes_shown(window: MainWindow) -> None:
    sized(window, SIZES[0], "en")
    assert "routes" not in legend(window)["rows"]
    legs = ["R-TJC-NNG-GY", "R-NNG-QZH"]
    run_js(window, f"CM.showRoutes([{{id: 'a', legs: {json.dumps(legs)}, color: '#e41a1c'}}]); 1")
    try:
        rows = legend(window)["rows"]
        assert "routes" in rows
        text = run_js(window, "CM.describe()")["legend"]
        assert "Compared routes to Qinzhou" in text, text
        bar = "document.querySelector('#cm-legend .cm-route-bar')"
        colour = run_js(window, f"getComputedStyle({bar}).borderTopColor")
        assert colour == "rgb(228, 26, 28)"
    finally:
        run_js(window, "CM.showRoutes([]); 1")
    assert "routes" not in legend(window)["rows"]
    # a selected country's route (drawn highlighted) has its row too, named after the country
    window.state.select({"THA"})
    try:
        wait_until(lambda: "highlight" in legend(window)["rows"], 10)
        assert "Route to Thailand" in run_js(window, "CM.describe()")["legend"]
        # named after the country, not one of its territories sharing its code (AUS: Ashmore and Cartier
        # Islands come first in the data)
        window.state.select({"AUS"})
        wait_until(lambda: "Route to Australia" in run_js(window, "CM.describe()")["legend"], 10)
    finally:
        window.state.select(set())
    wait_until(lambda: "highlight" not in legend(window)["rows"], 10)


def test_the_export_legend_has_no_hints_and_no_button(qapp: QApplication) -> None:
    from corridor_map.paths import geo_dir, resources_dir, user_cache_dir
    from corridor_map.state import AppState
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession, export_blocking
    from corridor_map.ui.export.spec import ExportSpec
    from corridor_map.ui.web import shared_tripwire

    export = ExportSession(shared_tripwire([resources_dir(), geo_dir()]))
    export.load(export_page(user_cache_dir()))
    export.attach(AppState(load_sample()), "en")
    wait_until(lambda: export.is_ready, 120)
    try:
        composition = export_blocking(export, ExportSpec(width=1366, height=768, lang="en"), timeout_s=120)
        assert composition.regions.get("legend") is not None
        box: list[Any] = []
        export.renderer.view.run_js(
            "JSON.stringify({text: document.getElementById('cm-legend').textContent,"
            " titles: Array.from(document.querySelectorAll('#cm-legend [title]'))"
            ".map(function (e) { return e.title; }),"
            " buttons: document.querySelectorAll('#cm-legend button').length, box: CM.describe()})",
            box.append,
        )
        wait_until(lambda: box, 20)
        found = json.loads(box[0])
        assert "click" not in found["text"].lower() and not found["titles"], found
        assert found["buttons"] == 0 and "Legend" not in found["text"]  # a picture has nothing to fold
        assert "Units sold" in found["text"] and "Rail" in found["text"]
        _x, _y, w, h = json.loads(found["box"])["legendBox"]["rect"]
        page = composition.regions["map"]  # (scale 1: page pixels)
        mw, mh = page.width(), page.height()
        assert w * h <= 0.15 * mw * mh
    finally:
        close_export_session(export)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_layer_list_stays_folded_after_a_language_switch(
    window: MainWindow, size: tuple[int, int]
) -> None:
    """The layer list is rebuilt in the new language folded to its button, however tall the map is (it
    used to open itself over the map after a switch once the map was 700 px tall)."""
    expanded = "!!document.querySelector('.leaflet-control-layers-expanded')"
    for lang in ("zh", "en"):
        sized(window, size, lang)
        assert run_js(window, "!!document.querySelector('.leaflet-control-layers')")
        assert not run_js(window, expanded), f"the layer list is open after switching to {lang} at {size}"


_STACK = """JSON.stringify(['.leaflet-control-zoom', '#cm-data-label', '#cm-legend'].map(function (sel) {
  var el = document.querySelector(sel), r = el.getBoundingClientRect();
  return [el.parentNode.className, Math.round(r.top), Math.round(r.bottom)];
}))"""


def test_the_data_label_stays_under_the_zoom_buttons_when_the_legend_shares_its_corner(
    window: MainWindow,
) -> None:
    """The label saying whose data is shown stays at the top of its corner: a filter change or new
    data must not put it below a legend standing there, into the middle of the map."""
    sized(window, SIZES[0], "en")
    original = window.state.dataset
    # the other three quarters covered (as exhibition mode's bar covers a strip): the legend goes top left
    run_js(
        window,
        "(function () { var s = CM.map.getSize(), w = s.x / 2, h = s.y / 2;"
        " return CM.setCovered([[w, 0, w, h], [0, h, w, h], [w, h, w, h]]); })()",
    )
    try:
        wait_until(lambda: legend(window)["corner"] == "topleft", 10)
        last = int(original.sales["year"].max())
        window.state.set_filters(replace(NO_FILTERS, years=(last, last)))  # the data sent again
        longer = "Your data: a workbook with a rather long file name.xlsx"
        window.state.set_dataset(replace(original, label_en=longer))
        shown = "document.getElementById('cm-data-label').textContent"
        wait_until(lambda: run_js(window, shown) == longer, 20)
        settled(window)
        zoom, label, box = run_js(window, _STACK)
        assert zoom[0] == label[0] == box[0], "all three in the top left corner"
        assert zoom[2] <= label[1] <= zoom[2] + 12, f"not under the zoom buttons: {zoom}, {label}"
        assert label[2] <= box[1], f"the legend ({box}) lies over or above the label ({label})"
    finally:
        run_js(window, "CM.setCovered([]); 1")
        window.state.set_filters(NO_FILTERS)
        window.state.set_dataset(original)


_CLASHES = """JSON.stringify((function () {
  var legend = document.getElementById('cm-legend').getBoundingClientRect(), out = [];
  var kept = '.leaflet-control-zoom, .leaflet-control-layers, #cm-data-label';
  document.querySelectorAll(kept).forEach(function (el) {
    var r = el.getBoundingClientRect();
    var w = Math.min(r.right, legend.right) - Math.max(r.left, legend.left);
    var h = Math.min(r.bottom, legend.bottom) - Math.max(r.top, legend.top);
    if (w > 0 && h > 0) out.push([el.id || el.className, Math.round(w), Math.round(h)]);
  });
  return out;
})())"""


def test_in_a_small_map_the_legend_leaves_the_data_label_and_the_buttons_clear(window: MainWindow) -> None:
    """A laptop's window (its map ~600×400 beside the docks): wherever the legend goes, the label saying
    whose data is shown stays readable and the zoom and layer buttons stay reachable."""
    window.resize(1264, 690)
    want = window.map_view.width()
    wait_until(lambda: abs(run_js(window, "CM.map.getSize().x") - want) <= 2, 20)
    assert run_js(window, "CM.map.getSize().x") < 700
    try:
        views = [
            ("first view", window._frame_first_view),
            # the first view of a fresh start at this size: the Pacific's emptiness in the top right
            ("the world", lambda: set_view(window, 57.06, 154.16, 1.25)),
            ("corridor", lambda: frame(window, CORRIDOR)),
        ]
        for fx, fy in [(0.78, 0.7), (0.22, 0.7), (0.78, 0.3), (0.22, 0.3)]:
            views.append((f"channels at {fx}, {fy}", lambda fx=fx, fy=fy: channels_at(window, fx, fy)))
        for name, show in views:
            show()
            settled(window)
            run_js(window, "CM.setCovered([]); 1")  # placed afresh (as at a start), not kept where it was
            assert not legend(window)["collapsed"]
            assert run_js(window, _CLASHES) == [], (
                f"{name}: the legend ({legend(window)['corner']}) covers them"
            )
    finally:
        window.resize(1200, 800)


_CLEAR_OF = """JSON.stringify((function (iso3) {
  var map = CM.map, box = map.getContainer().getBoundingClientRect(), rects = {}, out = {};
  ['#cm-legend', '#cm-data-label', '.leaflet-control-attribution'].forEach(function (sel) {
    var r = document.querySelector(sel).getBoundingClientRect();
    rects[sel] = [r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top];
  });
  function visit(ll) {  // the outline's points in container pixels
    if (Array.isArray(ll)) { ll.forEach(visit); return; }
    var p = map.latLngToContainerPoint(ll);
    Object.keys(rects).forEach(function (sel) {
      var r = rects[sel];
      var inside = p.x > r[0] + 1 && p.x < r[2] - 1 && p.y > r[1] + 1 && p.y < r[3] - 1;  // (1 px: edges)
      if (inside) out[sel] = (out[sel] || 0) + 1;
    });
  }
  CM.layers.countries.eachLayer(function (l) {
    if (l.feature.properties.iso3 === iso3) visit(l.getLatLngs());
  });
  return out;
})(ISO3))"""


@pytest.mark.parametrize("size", [(1400, 860), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_selected_country_is_framed_clear_of_the_legend_the_label_and_the_sources(
    window: MainWindow, size: tuple[int, int]
) -> None:
    """A visitor says "Thailand": the map flies to it, and neither the legend (which then keeps off
    it) nor the data label nor the sources line hides any of it."""
    sized(window, size, "en")
    codes = sorted(window.state.dataset.sales["iso3"].astype(str).unique())
    hidden = {}
    window.presenter.fly = False  # framed below at once: a flight ends where the jump goes
    try:
        for code in codes:
            window.state.select({code})
            window.map_view.api.fit_countries({code}, False)  # (what the presenter asks, animated)
            settled(window)
            found = run_js(window, _CLEAR_OF.replace("ISO3", json.dumps(code)))  # {what: points under it}
            if found:
                hidden[code] = found
    finally:
        window.presenter.fly = True
        window.state.clear_selection()
    assert hidden == {}, f"{len(hidden)} of {len(codes)} countries partly hidden: {hidden}"


def test_the_wheel_turned_over_the_legend_zooms_the_map(window: MainWindow) -> None:
    """The legend moves to another corner after a zoom, and may so come under the pointer: the next
    notch of the wheel must still zoom the map."""
    sized(window, SIZES[0], "en")
    frame(window, CORRIDOR)
    before = run_js(window, "CM.map.getZoom()")
    x, y, w, h = legend(window)["rect"]
    real_input.wheel(window.map_view, (x + w / 2, y + h / 2), 1)  # (the map fills the page from its top left)
    wait_until(lambda: run_js(window, "CM.map.getZoom()") > before, 10)
    settled(window)
