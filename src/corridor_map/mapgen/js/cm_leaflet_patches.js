/* Everything of the page that patches or reads Leaflet's private members, in one place, checked against
 * the vendored Leaflet version (resources/vendor/leaflet). The other scripts reach Leaflet's insides
 * only through CM.internal.leaflet. A Leaflet of another version may have renamed or changed any of
 * these members: the page then refuses to start, loudly (console, exception and a message on the page),
 * rather than drawing wrongly. Loaded first, right after leaflet.js. */
(function () {
  "use strict";

  var LEAFLET_VERSION = "1.9.4";  // tests/test_js_parts.py checks it against the vendored leaflet.js

  var CM = window.CM = window.CM || {};
  CM.internal = CM.internal || {};

  function refuse(message) {
    function show() {
      var div = document.createElement("div");
      div.id = "cm-unsupported";
      div.setAttribute("role", "alert");
      div.style.cssText = "position:fixed;z-index:10000;top:0;left:0;right:0;padding:12px;font:14px sans-serif;" +
        "background:#b00020;color:#fff";
      div.textContent = message;
      (document.body || document.documentElement).appendChild(div);
    }
    if (document.body) show();
    else document.addEventListener("DOMContentLoaded", show);
    console.error(message);
    throw new Error(message);
  }

  var found = window.L && window.L.version;
  if (found !== LEAFLET_VERSION) {
    refuse("Corridor Map: this page needs Leaflet " + LEAFLET_VERSION + " (its patches use Leaflet's private " +
      "members), but Leaflet " + (found || "(none)") + " is loaded. The map is not drawn.");
  }

  var P = { version: LEAFLET_VERSION };
  CM.internal.leaflet = P;

  // ---- faster projection -------------------------------------------------------------------------
  // Most of a page's start is Leaflet projecting vertices (each through four calls and three new
  // objects). For the Web Mercator map this does the same arithmetic, in the same order (so the
  // same pixels), inline. CM.projectLatlngsSlow is Leaflet's own, kept for tests.
  var R = 6378137, DEG = Math.PI / 180, MAX_LAT = 85.0511287798, A = 0.5 / (Math.PI * R);
  var slowProject = L.Polyline.prototype._projectLatlngs;
  CM.projectLatlngsSlow = slowProject;
  L.Polyline.prototype._projectLatlngs = function (latlngs, result, projectedBounds) {
    var map = this._map;
    if (map.options.crs !== L.CRS.EPSG3857 || !latlngs.length) {
      return slowProject.call(this, latlngs, result, projectedBounds);
    }
    if (!(latlngs[0] instanceof L.LatLng)) {
      for (var k = 0; k < latlngs.length; k++) this._projectLatlngs(latlngs[k], result, projectedBounds);
      return;
    }
    var scale = 256 * Math.pow(2, map._zoom), origin = map.getPixelOrigin(), ox = origin.x, oy = origin.y;
    var ring = new Array(latlngs.length);
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (var i = 0; i < latlngs.length; i++) {
      var ll = latlngs[i];
      var sin = Math.sin(Math.max(Math.min(MAX_LAT, ll.lat), -MAX_LAT) * DEG);
      var x = Math.round(scale * (A * (R * ll.lng * DEG) + 0.5)) - ox;
      var y = Math.round(scale * (-A * (R * Math.log((1 + sin) / (1 - sin)) / 2) + 0.5)) - oy;
      ring[i] = new L.Point(x, y);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (!projectedBounds.min && !projectedBounds.max) {
      projectedBounds.min = new L.Point(minX, minY);
      projectedBounds.max = new L.Point(maxX, maxY);
    } else {
      projectedBounds.min.x = Math.min(minX, projectedBounds.min.x);
      projectedBounds.min.y = Math.min(minY, projectedBounds.min.y);
      projectedBounds.max.x = Math.max(maxX, projectedBounds.max.x);
      projectedBounds.max.y = Math.max(maxY, projectedBounds.max.y);
    }
    result.push(ring);
  };

  // ---- one canvas for the panes of an export page ------------------------------------------------
  // Leaflet gives each pane a canvas of its own, a little larger than the map: an export page pays for
  // each its allocation, its drawing and its hand-over to the compositor (seven canvases; a 3840×2160
  // export 1.65 → 1.35 s and its peak memory 1,190 → 820 MB with the panes shared; docs/benchmarks.md).
  // So a map made with the option ``cmOneCanvas`` (mapgen/page.py, export pages) draws the vector layers
  // of all its panes on one canvas, in the order the panes would have stacked them: a layer added or brought
  // to the front goes after the layers of its own pane and those below it, one brought to the back
  // before those of its pane and above. Only a pane styled as a whole (its opacity) keeps a canvas of its
  // own (P.ownCanvas), and the panes above it share another. The panes hold only canvas-drawn layers
  // between them (markers and tooltips lie in Leaflet's own panes above), so the picture is the same;
  // hit testing walks the same order (the last drawn on top, cm_pointer.js). The window's map keeps a
  // canvas per pane: drawn again and again, a shared canvas left its renderer ~270 MB larger after a
  // soak's first 50 actions (measured, not understood; docs/benchmarks.md).
  /** A pane's stacking order (its z-index; 0 when it has none). */
  function zOfPane(pane) {
    var z = parseInt(pane && (pane.style.zIndex || window.getComputedStyle(pane).zIndex), 10);
    return isNaN(z) ? 0 : z;
  }

  /** Which canvas the layers of pane ``name`` draw on: their own, or the one shared between two panes
   * that have their own. */
  function canvasOfPane(map, name) {
    var own = map._cmOwnCanvas || {};
    if (own[name]) return "own " + name;
    var z = zOfPane(map.getPane(name)), below = 0;
    Object.keys(own).forEach(function (other) { if (zOfPane(map.getPane(other)) < z) below += 1; });
    return "shared " + below;
  }

  var getPaneRenderer = L.Map.prototype._getPaneRenderer;
  L.Map.prototype._getPaneRenderer = function (name) {
    var o = this.options;
    if (!o.cmOneCanvas || !o.preferCanvas || o.renderer) return getPaneRenderer.call(this, name);
    name = name || "overlayPane";
    var renderers = this._cmCanvases = this._cmCanvases || {};
    var keys = this._cmCanvasOfPane = this._cmCanvasOfPane || {};  // (asked once for every layer made)
    var key = keys[name] || (keys[name] = canvasOfPane(this, name));
    if (!renderers[key]) {
      renderers[key] = this._createRenderer({ pane: name });
      renderers[key]._cmShared = true;
    }
    return renderers[key];
  };

  // A shared canvas lies in the pane of the first layer that needed it, under whatever else that pane
  // holds (e.g. the dealers' painted dots, which are above every pane it draws).
  var canvasOnAdd = L.Canvas.prototype.onAdd;
  L.Canvas.prototype.onAdd = function () {
    canvasOnAdd.call(this);
    var pane = this._container.parentNode, first = pane.firstChild;
    if (this._cmShared && first !== this._container) pane.insertBefore(this._container, first);
  };

  /** Give ``pane`` of ``map`` a canvas of its own (before any of its layers is made): for a pane the page
   * styles as a whole, e.g. its opacity, so that its overlapping lines do not add up. */
  P.ownCanvas = function (map, pane) {
    map._cmOwnCanvas = map._cmOwnCanvas || {};
    map._cmOwnCanvas[pane] = true;
  };

  /** The stacking order of ``layer``'s pane (each pane's read once per renderer; the panes' never change). */
  function paneZ(renderer, layer) {
    var cache = renderer._cmPaneZ = renderer._cmPaneZ || {}, name = layer.options.pane;
    if (!(name in cache)) cache[name] = zOfPane(renderer._map.getPane(name));
    return cache[name];
  }

  function unlink(renderer, order) {
    if (order.prev) order.prev.next = order.next; else renderer._drawFirst = order.next;
    if (order.next) order.next.prev = order.prev; else renderer._drawLast = order.prev;
    order.prev = order.next = null;
  }

  /** Put ``order`` (unlinked) right after ``after``, or first when ``after`` is null. */
  function linkAfter(renderer, order, after) {
    order.prev = after;
    order.next = after ? after.next : renderer._drawFirst;
    if (order.next) order.next.prev = order; else renderer._drawLast = order;
    if (after) after.next = order; else renderer._drawFirst = order;
  }

  /** Move ``layer`` to the front (or back) of its pane's layers; whether its place changed. */
  function placeInPane(renderer, layer, toBack) {
    var order = layer._order;
    var z = layer._cmPaneZ = paneZ(renderer, layer);
    var prev = order.prev, next = order.next, at;
    unlink(renderer, order);
    if (toBack) {
      at = renderer._drawFirst;
      while (at && at.layer._cmPaneZ < z) at = at.next;
      linkAfter(renderer, order, at ? at.prev : renderer._drawLast);
    } else {
      at = renderer._drawLast;
      while (at && at.layer._cmPaneZ > z) at = at.prev;
      linkAfter(renderer, order, at);
    }
    return order.prev !== prev || order.next !== next;
  }

  var initPath = L.Canvas.prototype._initPath;
  L.Canvas.prototype._initPath = function (layer) {
    initPath.call(this, layer);  // (appends it)
    placeInPane(this, layer, false);
  };
  L.Canvas.prototype._bringToFront = function (layer) {
    if (layer._order && placeInPane(this, layer, false)) this._requestRedraw(layer);
  };
  L.Canvas.prototype._bringToBack = function (layer) {
    if (layer._order && placeInPane(this, layer, true)) this._requestRedraw(layer);
  };

  // A pane's layers may answer the pointer within a few pixels more than they are drawn (Leaflet's
  // renderer-wide "tolerance", per pane now that the panes share a renderer).
  var clickTolerance = L.Path.prototype._clickTolerance;
  L.Path.prototype._clickTolerance = function () {
    var extra = this._map && this._map._cmPaneTolerance && this._map._cmPaneTolerance[this.options.pane];
    return clickTolerance.call(this) + (extra || 0);
  };

  /** Let the layers of ``pane`` answer the pointer within ``pixels`` more than they are drawn. */
  P.setPaneTolerance = function (map, pane, pixels) {
    map._cmPaneTolerance = map._cmPaneTolerance || {};
    map._cmPaneTolerance[pane] = pixels;
  };

  // ---- holding the canvases -----------------------------------------------------------------------
  // An export page starts held (its URL says #hold, see cm_api.js): its canvases draw nothing while
  // the page loads and its data arrive, and draw once, whole, when a frame is asked for.
  var holding = false;
  var canvasDraw = L.Canvas.prototype._draw;
  L.Canvas.prototype._draw = function () {
    if (holding) { this._cmHeld = true; return; }
    this._cmHeld = false;
    canvasDraw.call(this);
  };

  // Held canvases are also out of the page's layout (cm_page.css "cm-holding"): a canvas laid out is
  // handed to the compositor at each frame after it was sized, blank or not (a 3840×2160 export page:
  // seven canvases, ~35 ms each, at three frames while it loads; docs/benchmarks.md).
  function setHolding(on) {
    holding = !!on;
    document.documentElement.classList.toggle("cm-holding", holding);
  }

  /** Hold (true) or let draw (false) every canvas renderer from now on. */
  P.holdDrawing = setHolding;

  /** Stop holding, and draw the canvases of ``map`` that were held (the whole of each) now. */
  P.releaseDrawing = function (map) {
    setHolding(false);
    map.eachLayer(function (layer) {
      if (!(layer instanceof L.Canvas) || !(layer._cmHeld || layer._redrawRequest)) return;
      // (a redraw Leaflet asked for meanwhile, e.g. for finer geometry, would draw it all again)
      L.Util.cancelAnimFrame(layer._redrawRequest);
      layer._redrawRequest = null;
      layer._redrawBounds = null;
      layer._redraw();
    });
  };

  // ---- pointer routing (cm_pointer.js) ------------------------------------------------------------
  // No canvas takes pointer events: the router asks each renderer which of its layers lies under the
  // pointer and hands the event to that one through Leaflet's own machinery.
  var newRenderers = [];
  var initContainer = L.Canvas.prototype._initContainer;
  L.Canvas.prototype._initContainer = function () {
    initContainer.call(this);
    this._container.style.pointerEvents = "none";
    var renderer = this;
    newRenderers.forEach(function (fn) { fn(renderer); });
  };

  /** Call ``fn(renderer)`` for every canvas renderer made from now on. */
  P.onCanvasRenderer = function (fn) { newRenderers.push(fn); };

  // Events the router handed to a layer have reached the map's listeners through Leaflet already.
  var routed = typeof WeakSet === "function" ? new WeakSet() : null;
  var handleDOMEvent = L.Map.prototype._handleDOMEvent;
  L.Map.prototype._handleDOMEvent = function (e) {
    if (routed && routed.has(e)) return;
    handleDOMEvent.call(this, e);
  };

  /** Mark a DOM event as handed to a layer by the router (the map's own handler then skips it). */
  P.markRouted = function (e) { if (routed) routed.add(e); };

  /** Whether ``map`` is animating a zoom. */
  P.animatingZoom = function (map) { return !!map._animatingZoom; };

  // Whether each map is between "movestart" and "moveend" (a fly, a pan, a zoom), kept from its making,
  // so before any other listener of either event: the pointer's router and the legend read it.
  var moving = new WeakMap();
  L.Map.addInitHook(function () {
    var map = this;
    map.on("movestart", function () { moving.set(map, true); });
    map.on("moveend", function () { moving.set(map, false); });
  });

  /** Whether ``map`` is moving: it said "movestart" and has not yet said "moveend". */
  P.moving = function (map) { return !!moving.get(map); };

  /** End ``map``'s fly, pan or zoom animation now, as its last frame would (zoomend, moveend): the
   * renderers then project and draw their layers for the view shown. Until a move ends they keep the
   * layers as drawn before it, stretched to each frame, and hit-test them there. A fly stops where it
   * is; a pan animation ends itself; a zoom animation jumps to its end. */
  P.stopMoving = function (map) {
    if (map._animatingZoom) {
      map._onZoomTransitionEnd();
      return;
    }
    map._stop();
    if (P.moving(map)) map._moveEnd(true);
  };

  /** Whether ``map`` has a view (Leaflet's "loaded"). */
  P.loaded = function (map) { return !!map._loaded; };

  /** Whether a drag just moved ``map`` (then a click that ends it is no click on ``target``). */
  P.draggableMoved = function (map, target) { return map._draggableMoved(target); };

  /** Whether ``point`` (layer point) lies on a vector layer as its canvas renderer hit-tests it. */
  P.containsPoint = function (layer, point) { return layer._containsPoint(point); };

  /** Whether ``layer`` takes a button event of ``type``: it, or a group it is in, listens to it. Leaflet
   * opens a tooltip on a click (for touch screens), so every line with a tooltip listens to clicks:
   * that click counts only with ``tipClicks`` (cm_pointer.js asks again with it when nothing else
   * takes the click), so that a line keeps no click from the country under it. */
  function takes(layer, type, tipClicks) {
    if (!layer.listens(type, true)) return false;
    if (type !== "click" || tipClicks || !layer._tooltip) return true;
    var own = (layer._events && layer._events.click) || [];
    for (var i = 0; i < own.length; i++) if (own[i].fn !== layer._openTooltip) return true;
    for (var id in layer._eventParents) if (layer._eventParents[id].listens("click", true)) return true;
    return false;
  }

  /** Leaflet's canvas renderer as a hit source: its layers in draw order, the last drawn on top. */
  P.canvasSource = function (renderer) {
    return {
      renderer: renderer,
      zIndex: function () { return renderer._map ? zOfPane(renderer.getPane()) : -Infinity; },
      hit: function (point, type, tipClicks) {
        var hit = null;
        for (var order = renderer._drawFirst; order; order = order.next) {
          var layer = order.layer;
          if (layer.options.interactive && (type === "mousemove" || takes(layer, type, tipClicks)) &&
              layer._containsPoint(point)) hit = layer;
        }
        return hit;
      },
      fire: function (e, type, layer) {
        if (type === "mousemove") {
          if (layer !== renderer._hoveredLayer) {
            renderer._handleMouseOut(e);
            renderer._fireEvent([layer], e, "mouseover");
            renderer._hoveredLayer = layer;
          }
          renderer._fireEvent([layer], e);
          return;
        }
        if ((type === "click" || type === "preclick") && renderer._map._draggableMoved(layer)) return;
        renderer._fireEvent([layer], e);
      },
      out: function (e) { renderer._handleMouseOut(e); },
    };
  };

  // ---- the export view (cm_export.js) -------------------------------------------------------------
  /** Turn off Leaflet's own window-resize handling of ``map`` (and a pending resize redraw). */
  P.stopResizeTracking = function (map) {
    if (map._onResize) L.DomEvent.off(window, "resize", map._onResize, map);
    if (map._resizeRequest) L.Util.cancelAnimFrame(map._resizeRequest);
    if (map._sizeTimer) clearTimeout(map._sizeTimer);
  };
})();
