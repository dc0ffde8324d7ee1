"""The real window and the real page, headless: layers, countries, offline, languages, glyphs."""

from __future__ import annotations

import csv
import json
import os
import signal

import pytest
from PySide6.QtCore import QUrl

from corridor_map.core.basemap import load_countries
from corridor_map.mapgen.views import drawn_countries
from corridor_map.paths import geo_dir
from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.paint_check import map_is_painted
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import OPEN_SEA, find_spot, line_tooltip, open_layer_list, set_view, toggle_layer

pytestmark = pytest.mark.gui


def _legs() -> list[dict]:
    return json.loads((geo_dir() / "legs.geojson").read_text(encoding="utf-8"))["features"]


def test_page_draws_every_layer_and_every_country(window: MainWindow) -> None:
    expected = {
        "graticule",
        "countries",
        "lakes",
        "coastline",
        "sea",
        "road",
        "river",
        "rail",
        "ports",
        "dealers",
        "flows",
        "tendash",  # China's view (the default): the South China Sea dashed line
    }
    page = wait_until(lambda: (p := run_js(window, "CM.describe()")) and set(p["visible"]) == expected and p)
    assert set(page["visible"]) == expected
    shown = [p for p in drawn_countries(load_countries()).properties if p["pov"] in ("", "china")]
    assert page["countries"] == len(shown)  # China's view's countries (the other view's are not in the layer)
    assert page["countries"] >= 240


def test_page_draws_every_corridor_leg_and_port(window: MainWindow) -> None:
    legs = _legs()
    with (geo_dir() / "ports.csv").open(encoding="utf-8") as fh:
        ports = [row for row in csv.DictReader(fh) if row["kind"] != "city"]  # arrival cities: not drawn
    drawn = run_js(
        window,
        "JSON.stringify({legs: ['sea', 'road', 'river', 'rail'].map(m => CM.layers[m].getLayers().length)"
        ".reduce((a, b) => a + b, 0), ports: CM.layers.ports.getLayers().length,"
        " modes: ['sea', 'road', 'river', 'rail'].map(m => CM.layers[m].getLayers().length)})",
    )
    assert drawn["legs"] == len(legs)
    assert drawn["ports"] == len(ports)
    assert all(count > 0 for count in drawn["modes"])


def test_hovering_a_leg_names_it_with_mode_and_length(window: MainWindow) -> None:
    set_view(window, 27.0, 106.0, 5)  # Chongqing and the rail channels south to the Beibu Gulf
    names = {f["properties"]["name_en"] for f in _legs() if f["properties"]["mode"] == "rail"}
    open_layer_list(window)
    toggle_layer(window, "flows")  # the export flows lie on the channels the default routes take
    try:
        tips = line_tooltip(window, "CM.layers.rail.getLayers()", "cm-sea", "'km'")
    finally:
        open_layer_list(window)
        toggle_layer(window, "flows")
    tip = next(t for t in tips if "km" in t)
    assert "Rail" in tip
    assert any(tip.startswith(name) for name in names), tip


def test_sea_lanes_are_drawn_once_and_each_leg_still_answers_the_pointer(window: MainWindow) -> None:
    set_view(window, 5.0, 100.0, 5)  # the Strait of Malacca
    assert run_js(window, "CM.map.hasLayer(CM.seaNetwork)")
    legs = "CM.layers.sea.getLayers()"
    assert not any(
        run_js(window, f"JSON.stringify({legs}.map(function (l) {{ return !!l.options.stroke; }}))")
    )
    open_layer_list(window)
    toggle_layer(window, "flows")  # the flows lie on the lanes through the strait
    stroked = f"{legs}.filter(function (l) {{ return l.options.stroke; }}).length"
    try:
        line_tooltip(window, legs, "cm-sea", "'nm'")  # a real hover shows the leg under the pointer
        assert run_js(window, stroked) >= 1
        sea = find_spot(window, [*OPEN_SEA, (-2.0, 92.0), (12.0, 90.0)], None)
        assert sea is not None
        real_input.hover(window.map_view, sea)
        wait_until(lambda: run_js(window, stroked) == 0, 10)
    finally:
        open_layer_list(window)
        toggle_layer(window, "flows")
    state = run_js(
        window,
        "(function () { var out = {}; CM.map.removeLayer(CM.layers.sea);"
        " out.hidden = CM.map.hasLayer(CM.seaNetwork); CM.map.addLayer(CM.layers.sea);"
        " out.shown = CM.map.hasLayer(CM.seaNetwork); return JSON.stringify(out); })()",
    )
    assert state == {"hidden": False, "shown": True}


DRAW_ORDER = (
    "(function () { var keyOf = new Map(); Object.keys(CM.layers).forEach(function (k) {"
    " if (CM.layers[k].eachLayer) CM.layers[k].eachLayer(function (l) { keyOf.set(l, k); }); });"
    " CM.seaNetwork.eachLayer(function (l) { keyOf.set(l, 'seanet'); }); var out = {};"
    " ['countries', 'lakes', 'sea'].forEach(function (pane) {"
    " var r = CM.map._paneRenderers['cm-' + pane]; var seq = [];"
    " for (var o = r._drawFirst; o; o = o.next) { var k = keyOf.get(o.layer);"
    " if (seq[seq.length - 1] !== k) seq.push(k); } out[pane] = seq; }); return JSON.stringify(out); })()"
)


def test_layers_sharing_a_canvas_keep_their_order_when_shown_again(window: MainWindow) -> None:
    expected = {
        "countries": ["graticule", "countries"],
        "lakes": ["lakes", "coastline", "tendash"],
        "sea": ["seanet", "sea", "road", "river", "rail"],
    }
    assert run_js(window, DRAW_ORDER) == expected
    for key in ("graticule", "lakes", "sea", "river"):
        hide, show = json.dumps({"layers": {key: False}}), json.dumps({"layers": {key: True}})
        run_js(window, f"CM.setView({hide}); CM.setView({show}); 1")
        assert run_js(window, DRAW_ORDER) == expected, key


SAME_PROJECTION = (
    "(function () { var bad = 0, n = 0; ['countries', 'sea', 'rail'].forEach(function (key) {"
    " CM.layers[key].eachLayer(function (l) { var a = [], b = [], ba = new L.Bounds(), bb = new L.Bounds();"
    " l._projectLatlngs(l._latlngs, a, ba); CM.projectLatlngsSlow.call(l, l._latlngs, b, bb); n += 1;"
    " if (JSON.stringify([a, ba.min, ba.max]) !== JSON.stringify([b, bb.min, bb.max])) bad += 1; }); });"
    " return JSON.stringify({bad: bad, n: n}); })()"
)


def test_the_fast_projection_gives_leaflets_own_pixels(window: MainWindow) -> None:
    try:
        for view in ("[30, 75], 3", "[13.7, 100.5], 6.75", "[60, -20], 2.25"):
            run_js(window, f"CM.map.setView({view}, {{animate: false}}); 1")
            result = run_js(window, SAME_PROJECTION)
            assert result["n"] > 600 and result["bad"] == 0, (view, result)
    finally:
        run_js(window, "CM.map.setView([30, 75], 3, {animate: false}); 1")


COUNTRY_VERTICES = (
    "(function () { var n = 0; CM.layers.countries.eachLayer(function (l) {"
    " n += JSON.stringify(l.getLatLngs()).split('lat').length - 1; }); return n; })()"
)
FLOW_MATCHES_LEG = (
    "(function () { var line = CM.layers.flows.getLayers()[0]; var leg = null;"
    " ['rail', 'river', 'sea'].forEach(function (m) { CM.layers[m].eachLayer(function (l) {"
    " if (l.feature.properties.id === line.legId) leg = l; }); });"
    " function rings(ll) { return ll.length && Array.isArray(ll[0]) ? ll : [ll]; }"
    " return JSON.stringify(rings(line.getLatLngs())) === JSON.stringify(rings(leg.getLatLngs())); })()"
)


def test_zooming_in_swaps_in_the_detailed_geometry_and_back(window: MainWindow) -> None:
    assert run_js(window, "CM.detailLevel()") == 0  # the start view needs no more
    coarse = run_js(window, COUNTRY_VERTICES)
    try:
        run_js(window, "CM.map.setView([13.7, 100.5], 7, {animate: false}); 1")
        wait_until(lambda: run_js(window, "CM.detailLevel()") == 2, 30)
        assert run_js(window, COUNTRY_VERTICES) > 2 * coarse
        assert run_js(window, FLOW_MATCHES_LEG) is True  # lines drawn along legs follow them
        assert window.tripwire.blocked == []  # the detail came from the page's own folder
    finally:
        run_js(window, "CM.map.setView([30, 75], 3, {animate: false}); 1")
    wait_until(lambda: run_js(window, "CM.detailLevel()") == 0, 30)
    assert run_js(window, COUNTRY_VERTICES) == coarse
    assert run_js(window, FLOW_MATCHES_LEG) is True


def test_the_map_is_painted_in_a_grab(window: MainWindow) -> None:
    assert wait_until(lambda: map_is_painted(window.map_view.grab().toImage()), 30)


def test_a_full_load_requests_nothing_outside_the_app(window: MainWindow) -> None:
    assert window.tripwire.blocked == []
    assert window.tripwire.allowed > 0  # the tripwire saw the page's own files


def test_tripwire_allows_only_the_apps_own_files(window: MainWindow) -> None:
    wire = window.tripwire
    page = window.map_view.map_page.home
    assert page is not None and wire.is_allowed(page)
    assert wire.is_allowed(QUrl("qrc:///qtwebchannel/qwebchannel.js"))
    for url in (
        "https://tile.openstreetmap.org/1/1/1.png",
        "http://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
        "ws://127.0.0.1:9/",
        "file:///etc/passwd",
    ):
        assert not wire.is_allowed(QUrl(url)), url


def test_the_page_never_navigates_away(window: MainWindow) -> None:
    home = window.map_view.url()
    run_js(window, "window.location.href = 'https://example.com/'; 1")
    run_js(window, "CM.describe()")  # round trip: the navigation request has been decided
    assert window.map_view.url() == home
    assert run_js(window, "typeof CM.describe") == "function"


def test_language_switch_updates_window_menus_and_page(window: MainWindow) -> None:
    window.set_language("zh")
    try:
        wait_until(lambda: window.windowTitle() == "走廊地图 — 重庆汽车出口", 10)
        assert window.menu_file.title() == "文件(&F)"
        page = wait_until(lambda: (p := run_js(window, "CM.describe()"))["lang"] == "zh" and p)
        assert "图例" in page["legend"]
        assert "国家和地区" in page["layerControl"]
        assert run_js(window, "CM.nameOf('THA')") == "泰国"
    finally:
        window.set_language("en")
    wait_until(lambda: window.windowTitle() == "Corridor Map — Chongqing vehicle exports", 10)
    page = wait_until(lambda: (p := run_js(window, "CM.describe()"))["lang"] == "en" and p)
    assert "Legend" in page["legend"] and "图例" not in page["legend"]


def test_china_point_of_view_by_default_and_switchable(window: MainWindow) -> None:
    assert run_js(window, "CM.describe()")["pov"] == "china"
    assert run_js(window, "CM.nameOf('TWN')") == "Taiwan, China"
    assert run_js(window, "CM.nameOf('HKG')") == "Hong Kong, China"
    style = (
        "CM.layers.countries.getLayers()"
        ".filter(l => l.feature.properties.adm0 === 'TWN')[0].options.dashArray"
    )
    assert run_js(window, style) == "3 3"  # drawn as an internal boundary
    window.set_point_of_view("ne")
    try:
        assert run_js(window, "CM.describe()")["pov"] == "ne"
        assert run_js(window, "CM.nameOf('TWN')") == "Taiwan"
        assert not run_js(window, style)
    finally:
        window.set_point_of_view("china")
    window.set_language("zh")
    try:
        wait_until(lambda: run_js(window, "CM.describe()")["lang"] == "zh")
        assert run_js(window, "CM.nameOf('TWN')") == "中国台湾"
        assert run_js(window, "CM.nameOf('MAC')") == "中国澳门"
    finally:
        window.set_language("en")


def test_chinese_glyphs_render_in_the_page(window: MainWindow) -> None:
    """Draw hanzi with the page's font on a canvas: different characters give different pixels,
    and none is the same as a character the font lacks (a box)."""
    probe = """(function () {
      var c = document.createElement('canvas'); c.width = 40; c.height = 40;
      var g = c.getContext('2d');
      function draw(ch) { g.clearRect(0, 0, 40, 40); g.font = "32px 'Corridor Map CJK'";
        g.fillText(ch, 2, 34); return Array.prototype.join.call(g.getImageData(0, 0, 40, 40).data, ','); }
      var a = draw('中'), b = draw('国'), box = draw('\\uE000');
      return JSON.stringify({loaded: document.fonts.check("32px 'Corridor Map CJK'", '中'),
        differ: a !== b, notBox: a !== box && b !== box, inked: a.indexOf('255') >= 0});
    })()"""
    wait_until(lambda: run_js(window, "document.fonts.status") == "loaded")
    run_js(window, "document.fonts.load(\"32px 'Corridor Map CJK'\", '中').then(function(){}); 1")
    result = wait_until(lambda: (r := run_js(window, probe))["loaded"] and r)
    assert result == {"loaded": True, "differ": True, "notBox": True, "inked": True}


def test_render_process_death_reloads_the_map(window: MainWindow) -> None:
    page = window.map_view.map_page
    pid = page.renderProcessPid()
    assert pid > 0
    loads = window.map_view.load_count
    restarted: list[str] = []
    window.map_view.renderProcessRestarted.connect(restarted.append)
    os.kill(pid, signal.SIGKILL)
    wait_until(lambda: restarted, 30)
    wait_until(lambda: window.map_view.ready and window.map_view.load_count == loads + 1, 60)
    assert page.renderProcessPid() not in (0, pid)
    assert run_js(window, "CM.describe()")["countries"] >= 240
    assert "reloaded" in window.statusBar().currentMessage()


def test_about_box_credits_every_source(window: MainWindow) -> None:
    from corridor_map.core.credits import DATA_CREDITS, SOFTWARE_CREDITS
    from corridor_map.ui.about import AboutDialog

    dialog = AboutDialog(window)
    text = dialog.text.toPlainText()
    for credit in (*DATA_CREDITS, *SOFTWARE_CREDITS):
        assert credit.name in text
        assert credit.licence in text
    dialog.deleteLater()


def test_describe_is_json(window: MainWindow) -> None:
    raw = []
    window.map_view.run_js("CM.describe()", raw.append)
    wait_until(lambda: raw)
    page = json.loads(raw[0])
    assert set(page["visible"]) <= set(page["layers"]) and "countries" in page["visible"]
    assert page["countries"] >= 240 and page["lang"] == "en" and page["pov"] == "china"
    assert isinstance(page["zoom"], int | float) and len(page["center"]) == 2
    assert page["legend"] and page["layerControl"]  # the legend's and the layer list's texts
