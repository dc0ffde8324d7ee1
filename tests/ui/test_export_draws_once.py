"""An export frame draws each canvas once, in the frame that carries its marker (issue #24).

Each frame in which a canvas was drawn or sized hands the whole canvas to Chromium's compositor (a copy
of 3840×2160×4 bytes per canvas when it composites in software): a page whose canvases were laid out
while held, drawn while loading and drawn again at finer detail, or whose marker came a frame after
its drawing, paid it up to five times (docs/benchmarks.md). The page is watched from inside: every
fill and stroke on a canvas is stamped with the animation frame it happened in.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QApplication

from corridor_map.core.dataset import load_sample
from corridor_map.ui.export.spec import ExportSpec
from tests.ui.conftest import close_export_session, wait_until

# Installed before the page's own scripts: numbers the animation frames, and records per canvas the
# frames it was drawn in, and per frame how many canvases were laid out before any had been drawn.
WATCH = """
(function () {
  var W = window.__draws = { tick: 0, drawnIn: {}, laidOutBlank: 0, readyTick: null };
  var ids = new WeakMap(), next = 0;
  function idOf(canvas) {
    if (!ids.has(canvas)) ids.set(canvas, String(next++));
    return ids.get(canvas);
  }
  ["fill", "stroke", "fillText", "drawImage"].forEach(function (name) {
    var original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function () {
      var frames = W.drawnIn[idOf(this.canvas)] = W.drawnIn[idOf(this.canvas)] || [];
      if (frames.indexOf(W.tick) < 0) frames.push(W.tick);
      return original.apply(this, arguments);
    };
  });
  function tick() {
    if (!Object.keys(W.drawnIn).length) {
      var shown = Array.prototype.filter.call(document.querySelectorAll("canvas"), function (c) {
        return c.getClientRects().length > 0;
      });
      W.laidOutBlank = Math.max(W.laidOutBlank, shown.length);
    }
    W.tick++;
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();
"""

# The panes of the layers on the countries' canvas, in draw order, and their stacking orders.
PANES_IN_ORDER = """JSON.stringify((function () {
  var r = CM.map.getRenderer(CM.layers.countries.getLayers()[0]), panes = [], z = [];
  for (var o = r._drawFirst; o; o = o.next) {
    var pane = o.layer.options.pane;
    if (panes[panes.length - 1] !== pane) {
      panes.push(pane);
      z.push(parseInt(getComputedStyle(CM.map.getPane(pane)).zIndex, 10));
    }
  }
  return {panes: panes, z: z};
})())"""

# The tick in which the marker took its colour (a mutation observer runs at the end of that task; the
# strip's other style changes, as the frame sizes it, are not the colour).
WATCH_MARKER = """
(function () {
  var marker = document.getElementById("cmx-marker"), colour = marker.style.backgroundColor;
  new MutationObserver(function () {
    if (marker.style.backgroundColor === colour) return;
    colour = marker.style.backgroundColor;
    window.__draws.readyTick = window.__draws.tick;
  }).observe(marker, { attributes: true, attributeFilter: ["style"] });
})();
"""


def page_value(view: Any, script: str) -> Any:
    box: list[Any] = []
    view.run_js(script, box.append)
    wait_until(lambda: box, 30)
    return json.loads(box[0])


@pytest.mark.gui
@pytest.mark.parametrize(
    ("size", "selection", "level"),
    [
        ((1600, 900), (), 0),
        ((3840, 2160), (), 1),  # finer geometry, asked for as the page starts (at the picture's view)
        ((1600, 900), ("SGP",), 2),  # the finest, asked for by the frame (framed on Singapore)
    ],
)
def test_an_export_draws_each_canvas_once_in_the_frame_with_its_marker(
    qapp: QApplication, size: tuple[int, int], selection: tuple[str, ...], level: int
) -> None:
    from corridor_map.core.aggregate import NO_FILTERS
    from corridor_map.core.page_payload import page_payload
    from corridor_map.paths import geo_dir, resources_dir, user_cache_dir
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession, export_blocking
    from corridor_map.ui.web import shared_tripwire

    spec = ExportSpec(width=size[0], height=size[1], selection=selection)
    payload = json.loads(json.dumps(page_payload(load_sample(), NO_FILTERS, {})))
    export = ExportSession(shared_tripwire([resources_dir(), geo_dir()]))
    try:
        watch = QWebEngineScript()
        watch.setSourceCode(WATCH)
        watch.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        watch.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        export.renderer.view.page().scripts().insert(watch)
        export.presize(spec)  # as `corridor-map export` does: the page starts at the picture's view
        export.attach_payload(payload, "en", selection)
        export.load(export_page(user_cache_dir()))
        wait_until(lambda: export.is_ready, 120)
        page_value(export.renderer.view, WATCH_MARKER + "'true'")
        composition = export_blocking(export, spec, timeout_s=120)
        draws = page_value(export.renderer.view, "JSON.stringify(window.__draws)")
        detail = page_value(export.renderer.view, "String(CM.detailLevel())")
        order = page_value(export.renderer.view, PANES_IN_ORDER)
    finally:
        close_export_session(export)

    assert composition.image.width() == size[0]
    # the map's canvases: the panes below the flows' on one, the flows' own, those above on a third
    assert 2 <= len(draws["drawnIn"]) <= 3, draws
    # on the shared canvas, each pane's layers together and the panes in their stacking order
    assert order["panes"][:3] == ["cm-countries", "cm-lakes", "cm-sea"], order
    assert order["z"] == sorted(order["z"]) and len(order["panes"]) == len(set(order["panes"])), order
    assert draws["laidOutBlank"] == 0, "canvases were laid out (and composited) before being drawn"
    frames = {tick for ticks in draws["drawnIn"].values() for tick in ticks}
    assert len(frames) == 1, f"canvases drawn in {len(frames)} frames: {draws['drawnIn']}"
    assert draws["readyTick"] in frames, "the marker came in a later frame than the drawing"
    assert detail == level  # the geometry this zoom needs: drawn once, not a coarser one first
