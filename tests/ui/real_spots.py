"""Where a person would click: interior points of countries, points on lines, open sea — as page pixels.

The points are chosen from the shipped geodata (shapely), then checked on the page to be clear of
what a person would not click through (a control, a dealer group, a port label, another layer's
line or dot within a few pixels). The check reads Leaflet's geometry, not the browser's hit testing:
what decides where a click lands is left to the real event (``corridor_map.ui.real_input``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from pytestqt.exceptions import TimeoutError as WaitTimedOut
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from corridor_map.paths import geo_dir
from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.real_input import FRAME_LNG_JS
from tests.ui.conftest import run_js, wait_until

# Open sea, far from coasts, lanes and labels: a click there takes nothing.
OPEN_SEA = [(-30.0, 75.0), (-40.0, 100.0), (-35.0, 60.0), (-45.0, -20.0), (35.0, -40.0), (-20.0, -110.0)]

# The pixel offsets around a point that must all be clear (a click lands within a few pixels of its aim).
_NEAR = "[[0, 0], [9, 0], [-9, 0], [0, 9], [0, -9], [6, 6], [-6, -6], [6, -6], [-6, 6]]"
_FIND_TEMPLATE = """
(function (candidates, iso3, margin, ignore) {
  var map = CM.map, size = map.getSize(), rect = map.getContainer().getBoundingClientRect();
  var near = NEAR;
  function covered(p) {  // a control, a marker (dealer group), a label or a popup lies there
    var el = document.elementFromPoint(p.x + rect.left, p.y + rect.top);
    var over = ".leaflet-control-container, .leaflet-marker-icon, .leaflet-tooltip, .leaflet-popup";
    return !el || !!el.closest(over);
  }
  function country(l) { return CM.layers.countries && CM.layers.countries.hasLayer(l); }
  var others = [];  // every other interactive layer drawn now
  map.eachLayer(function (l) {
    if (!l._containsPoint || !l.options.interactive || !l._pxBounds) return;
    if (iso3 && country(l) && l.feature.properties.iso3 === iso3 || ignore && ignore(l)) return;
    others.push(l);
  });
  function clash(lp) {  // another interactive layer within a few pixels
    var box = L.bounds(lp.subtract([16, 16]), lp.add([16, 16]));
    return others.some(function (l) {
      return l._pxBounds.intersects(box) && near.some(function (d) { return l._containsPoint(lp.add(d)); });
    });
  }
  function inside(lp) {
    if (!iso3) return true;
    var ok = false;
    CM.layers.countries.eachLayer(function (l) {
      if (l.feature.properties.iso3 !== iso3) return;
      if (near.every(function (d) { return l._containsPoint(lp.add(d)); })) ok = true;
    });
    return ok;
  }
  var frameLng = FRAME_LNG;  // (the data's ±180 longitudes where the page draws them)
  for (var i = 0; i < candidates.length; i++) {
    var c = [candidates[i][0], frameLng(candidates[i][1])], p = map.latLngToContainerPoint(c);
    if (p.x < margin || p.y < margin || p.x > size.x - margin || p.y > size.y - margin) continue;
    if (near.some(function (d) { return covered(p.add(d)); })) continue;
    var lp = map.containerPointToLayerPoint(p);
    if (!inside(lp) || clash(lp)) continue;
    return JSON.stringify([p.x + rect.left, p.y + rect.top, c[0], c[1]]);
  }
  return null;
})
"""
_FIND = _FIND_TEMPLATE.replace("FRAME_LNG", FRAME_LNG_JS).replace("NEAR", _NEAR)


@cache
def _features() -> dict[str, list[tuple[dict[str, Any], BaseGeometry]]]:
    """The shipped country features by ISO3; some codes have several (AUS: Ashmore and Cartier
    Islands, the Indian Ocean Territories)."""
    data = json.loads((geo_dir() / "countries_50m.geojson").read_text(encoding="utf-8"))
    features: dict[str, list[tuple[dict[str, Any], BaseGeometry]]] = {}
    for f in data["features"]:
        features.setdefault(f["properties"]["iso3"], []).append((f["properties"], shape(f["geometry"])))
    return features


@cache
def country_shapes() -> dict[str, BaseGeometry]:
    """Every shipped country or territory by ISO3, all its features in one shape."""
    return {iso3: unary_union([g for _, g in parts]) for iso3, parts in _features().items()}


def english_name(iso3: str) -> str:
    """The English name the page shows for the country's largest feature (China's point of view)."""
    props, _ = max(_features()[iso3], key=lambda pg: pg[1].area)
    return str(props["name_en"])


def interior_points(iso3: str, count: int = 60) -> list[tuple[float, float]]:
    """(lat, lon) points well inside the country's main parts (a tenth of the largest or more), the
    deepest inside first."""
    geom = country_shapes()[iso3]
    parts = list(getattr(geom, "geoms", [geom]))
    largest = max(g.area for g in parts)
    points: list[tuple[float, Point]] = []
    steps = 14
    for part in (g for g in parts if g.area >= largest / 10):
        minx, miny, maxx, maxy = part.bounds
        for i in range(steps + 1):
            for j in range(steps + 1):
                p = Point(minx + (maxx - minx) * i / steps, miny + (maxy - miny) * j / steps)
                if part.contains(p):
                    points.append((part.exterior.distance(p), p))
        rep = part.representative_point()
        points.append((part.exterior.distance(rep), rep))
    points.sort(key=lambda dp: -dp[0])
    return [(p.y, p.x) for _, p in points[:count]]


def find_spot(
    window: MainWindow,
    candidates: list[tuple[float, float]],
    iso3: str | None,
    margin: int = 30,
    ignore: str = "null",
) -> tuple[float, float] | None:
    """The page pixel of the first candidate inside ``iso3`` (if given) and clear of every other
    interactive layer, but those for which the JS function ``ignore(layer)`` is true."""
    code = f"{_FIND}({json.dumps([list(c) for c in candidates])}, {json.dumps(iso3)}, {margin}, {ignore})"
    found = run_js(window, code)
    return (found[0], found[1]) if found else None


_WHAT_LIES_AT = """(function (lat, lng) {
  var map = CM.map, rect = map.getContainer().getBoundingClientRect();
  var p = map.latLngToContainerPoint([lat, lng]), lp = map.containerPointToLayerPoint(p);
  var box = L.bounds(lp.subtract([16, 16]), lp.add([16, 16]));
  var near = NEAR, out = [];
  function name(e) {
    var cls = typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '';
    return e.tagName + (e.id ? '#' + e.id : '') + cls;
  }
  near.forEach(function (d) {
    var chain = [], e = document.elementFromPoint(p.x + d[0] + rect.left, p.y + d[1] + rect.top);
    for (; e && chain.length < 4; e = e.parentElement) chain.push(name(e));
    out.push(d.join(',') + ': ' + chain.join(' < '));
  });
  map.eachLayer(function (l) {
    if (!l._containsPoint || !l.options.interactive || !l._pxBounds || !l._pxBounds.intersects(box)) return;
    if (!near.some(function (d) { return l._containsPoint(lp.add(d)); })) return;
    var f = l.feature && l.feature.properties;
    out.push('layer ' + l.options.pane + ' ' + (f ? f.id || f.iso3 || '' : ''));
  });
  return JSON.stringify({ point: [p.x, p.y], size: [map.getSize().x, map.getSize().y], found: out });
})"""


def what_lies_at(window: MainWindow, lat: float, lon: float) -> str:
    """What lies at and around ``lat, lon`` on the page (elements by offset, interactive layers): for a
    test's message when no clear spot is found there."""
    code = _WHAT_LIES_AT.replace("NEAR", _NEAR)
    return str(run_js(window, f"{code}({lat!r}, {page_lng(lon)})"))


_VIEW = """
(function () {
  var map = CM.map;
  if (!map._cmTestMotion) {  // Leaflet fires movestart/moveend around every pan, zoom and fly
    var motion = map._cmTestMotion = { moving: false };
    map.on('movestart', function () { motion.moving = true; });
    map.on('moveend', function () { motion.moving = false; });
  }
  var c = map.getCenter();
  var busy = map._cmTestMotion.moving || !!map._animatingZoom
    || !!(map._panAnim && map._panAnim._inProgress);
  return JSON.stringify([busy, map.getZoom(), c.lat.toFixed(6), c.lng.toFixed(6)]);
})()
"""


def settled(window: MainWindow) -> None:
    """Wait until the map stands still: no move under way (between Leaflet's movestart and moveend,
    or in a zoom or pan animation) and the same view in two readings in a row."""
    last: list[Any] = [None]

    def still() -> bool:
        now = run_js(window, _VIEW)
        same = not now[0] and now == last[0]
        last[0] = now
        return same

    wait_until(still, 30)


def frame(window: MainWindow, iso3: str) -> None:
    """Frame a country (as the app does when it is selected) and wait until the map is still."""
    run_js(window, f"CM.fitCountries([{json.dumps(iso3)}], false); 1")
    settled(window)


def page_lng(lon: float) -> str:
    """JS for the data's longitude ``lon`` (±180) where the page draws it (its world's frame)."""
    return f"({FRAME_LNG_JS})({float(lon)!r})"


def set_view(window: MainWindow, lat: float, lon: float, zoom: float) -> None:
    run_js(window, f"CM.map.setView([{lat}, {page_lng(lon)}], {zoom}, {{animate: false}}); 1")
    settled(window)


_CLEAR = """(function () {
  var p = CM.map.latLngToContainerPoint([%r, %s]), box = CM.map.getContainer().getBoundingClientRect();
  var el = document.elementFromPoint(p.x + box.left, p.y + box.top), m = %d;
  if (!el || el.closest('.leaflet-control-container')) return false;
  var r = JSON.parse(CM.describe()).legendBox;
  if (!r) return true;
  r = r.rect;
  return !(p.x > r[0] - m && p.x < r[0] + r[2] + m && p.y > r[1] - m && p.y < r[1] + r[3] + m);
})()"""


def idle(window: MainWindow) -> None:
    """Wait until the page has drawn a frame and then been idle: what it does after a change in an idle
    moment (the legend's placement after a selection, cm_legend.js ``placeSoon``) is done by then."""
    run_js(
        window,
        "window.__cmIdle = false; requestAnimationFrame(function () {"
        " requestIdleCallback(function () { window.__cmIdle = true; }, { timeout: 1000 }); }); 1",
    )
    wait_until(lambda: run_js(window, "window.__cmIdle === true"), 10)


def set_view_near(window: MainWindow, lat: float, lon: float, zoom: float, margin: int = 30) -> None:
    """Bring ``lat, lon`` near the middle of the map at ``zoom`` (up and left of it, or on another
    diagonal), where no control lies over it and the legend, which moves to the corner hiding least,
    leaves it ``margin`` px clear."""
    for dx, dy in ((-90, -50), (-90, 50), (90, -50), (90, 50)):  # where it comes, from the middle (px)
        run_js(
            window,
            f"CM.map.setView([{lat}, {page_lng(lon)}], {zoom}, {{animate: false}});"
            f" CM.map.panBy([{-dx}, {-dy}], {{animate: false}}); 1",
        )
        settled(window)
        idle(window)  # (a change just before, e.g. the selection cleared, may yet move the legend)
        if run_js(window, _CLEAR % (lat, page_lng(lon), margin)):
            return
    raise AssertionError(f"a control or the legend covers {lat}, {lon} in every view tried")


def country_spot(window: MainWindow, iso3: str) -> tuple[float, float]:
    """A clear point inside the country; if the legend or a control hides all of it in this view,
    the map is first moved (as a person would drag it) to bring its middle to the open part."""
    points = interior_points(iso3)
    spot = find_spot(window, points, iso3)
    if spot is None:
        lat, lon = points[0]
        run_js(
            window,
            f"(function () {{ var m = CM.map, s = m.getSize(),"
            f" p = m.latLngToContainerPoint([{lat}, {page_lng(lon)}]);"
            " m.panBy([p.x - s.x * 0.3, p.y - s.y * 0.35], {animate: false}); return 1; })()",
        )
        settled(window)
        spot = find_spot(window, points, iso3)
    assert spot is not None, f"no clear point inside {iso3} in this view"
    return spot


def tooltips(window: MainWindow) -> list[str]:
    """The texts of the hover tooltips now open (not the permanent port labels)."""
    return run_js(
        window,
        "JSON.stringify(Array.from(document.querySelectorAll('.leaflet-tooltip:not(.cm-port-label)'))"
        ".map(function (e) { return e.textContent; }))",
    )


def hovered_tooltip(window: MainWindow, spot: tuple[float, float], wanted: str) -> list[str]:
    """Hover the spot with the real pointer; wait until a tooltip says ``wanted``; all the tooltips."""
    real_input.hover(window.map_view, spot)
    return wait_until(lambda: (t := tooltips(window)) and any(wanted in x for x in t) and t, 10)


def line_points(window: MainWindow, js_layers: str, in_view: bool = False) -> Iterator[tuple[float, float]]:
    """(lat, lon) vertices along the lines of ``js_layers`` (a JS expression giving Leaflet layers);
    ``in_view``: only those the map shows now."""
    pts = run_js(
        window,
        "(function () { var b = CM.map.getBounds();"
        " return JSON.stringify([].concat.apply([], (" + js_layers + ").map(function (l) {"
        " var ll = l.getLatLngs(); ll = ll.length && Array.isArray(ll[0]) ? [].concat.apply([], ll) : ll;"
        f" return ll.filter(function (p) {{ return {'b.contains(p)' if in_view else 'true'}; }})"
        ".map(function (p) { return [p.lat, p.lng]; }); }))); })()",
    )
    yield from pts


def below(pane: str) -> str:
    """A JS test for the layers drawn in panes lower than ``pane`` (a click there is not theirs)."""
    return (
        "(function (l) { var p = CM.map.getPane(l.options.pane || 'overlayPane');"
        f" var top = CM.map.getPane({json.dumps(pane)});"
        " return parseInt(p.style.zIndex || 400, 10) < parseInt(top.style.zIndex, 10); })"
    )


def below_or(pane: str, itself: str) -> str:
    """A JS test for the layers below ``pane`` and the layer the JS test ``itself`` picks."""
    return f"(function (l) {{ return {below(pane)}(l) || ({itself})(l); }})"


def open_layer_list(window: MainWindow) -> None:
    """Open the layer list (as hovering it does) and check the legend is shown beside it."""
    run_js(window, "CM.layerControl.expand(); 1")
    assert run_js(window, "!!document.querySelector('.leaflet-control-layers-expanded')")
    assert run_js(window, "!!document.getElementById('cm-legend')")


def toggle_layer(window: MainWindow, key: str) -> None:
    """Tick or untick a layer in the open layer list, with the real pointer.

    The box is measured just before the click; if the list was still laying itself out (it has just
    been expanded) the click misses, and a person clicks again: so does this, once, unless the first
    click took effect meanwhile.
    """
    shown = run_js(window, f"CM.isShown('{key}')")
    for attempt in range(2):
        box = run_js(
            window,
            f"(function () {{ var name = CM.strings.layer_{key} || '{key}';"
            " var label = Array.from(document.querySelectorAll('.leaflet-control-layers-overlays label'))"
            ".filter(function (l) { return l.textContent.trim() === name; })[0];"
            " var r = label.querySelector('input').getBoundingClientRect();"
            " return JSON.stringify([r.left + r.width / 2, r.top + r.height / 2]); })()",
        )
        if run_js(window, f"CM.isShown('{key}')") is not shown:
            return
        real_input.click(window.map_view, tuple(box))
        try:
            wait_until(lambda: run_js(window, f"CM.isShown('{key}')") is not shown, 5)
            return
        except WaitTimedOut:
            if attempt:
                raise


def line_tooltip(window: MainWindow, layers_js: str, pane: str, wanted_js: str) -> list[str]:
    """Hover a vertex of the lines that nothing above them covers; a tooltip says ``wanted``; the
    tooltips shown."""
    open_layer_list(window)
    wanted = run_js(window, wanted_js)
    points = list(line_points(window, layers_js, in_view=True))
    spot = find_spot(
        window,
        points[:: max(1, len(points) // 600)],
        None,
        ignore=below_or(pane, f"function (l) {{ return ({layers_js}).indexOf(l) >= 0; }}"),
    )
    assert spot is not None, f"no clear point on {layers_js}"
    tips = hovered_tooltip(window, spot, wanted)
    assert any(wanted in t for t in tips)
    return tips


def dealer_dots(window: MainWindow) -> list[list]:
    """[lat, lon, index] of each dealer dot drawn now (not the groups)."""
    return run_js(
        window,
        "JSON.stringify(CM.layers.dealers.getLayers().filter(function (l) { return l.dealerIndex != null; })"
        ".map(function (l) { return [l.getLatLng().lat, l.getLatLng().lng, l.dealerIndex]; }))",
    )


def dealer_group_spots(window: MainWindow) -> list[tuple[float, float]]:
    """The page pixels of the dealer groups drawn now whose own marker is the topmost element there."""
    groups = run_js(
        window,
        "JSON.stringify(CM.layers.dealers.getLayers().filter(function (m) { return m.clusterId != null; })"
        ".map(function (m) { var p = CM.map.latLngToContainerPoint(m.getLatLng()),"
        " r = CM.map.getContainer().getBoundingClientRect(), x = p.x + r.left, y = p.y + r.top,"
        " el = document.elementFromPoint(x, y);"
        " return [x, y, !!el && m.getElement().contains(el)]; }))",
    )
    return [(x, y) for x, y, on_top in groups if on_top]


def click_country(window: MainWindow, iso3: str, modifiers: Any = real_input.NO_MODIFIER) -> None:
    """Click the country with the real pointer where it is seen now (framed first if it is not)."""
    settled(window)
    spot = find_spot(window, interior_points(iso3), iso3)
    if spot is None:
        frame(window, iso3)
        spot = country_spot(window, iso3)
    real_input.click(window.map_view, spot, modifiers)
