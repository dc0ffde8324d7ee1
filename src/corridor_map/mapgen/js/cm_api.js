/* Corridor Map page: CM.init and the CM.* functions Python calls (docs/bridge.md, "Page API"), as data.
 *
 * How a page starts: its URL's fragment may say "hold" (its canvases draw nothing until
 * CM.releaseDrawing, the export's first frame) and "view=lat,lon,zoom" (the view it starts at, before
 * any layer is projected): e.g.
 * index.html#hold&view=30,75,3 (ui/export/renderer.py). CM.init builds the map; once the QWebChannel
 * is connected, the page makes the calls the bridge's "startup" property lists (an export's data,
 * ui/page_push.py) or else builds its controls, and calls bridge.ready(): the page is complete when it
 * says it is ready. */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;
  var LAYER_STYLES = I.LAYER_STYLES, inView = I.inView, countryStyle = I.countryStyle;

  /** What the page's URL fragment asks for: {hold: bool, view: [lat, lon, zoom] or null}. */
  function startOptions(hash) {
    var out = { hold: false, view: null };
    String(hash || "").replace(/^#/, "").split("&").forEach(function (part) {
      if (part === "hold") out.hold = true;
      if (part.indexOf("view=") !== 0) return;
      var v = decodeURIComponent(part.slice(5)).split(",").map(Number);
      if (v.length === 3 && v.every(isFinite) && Math.abs(v[0]) <= 90) out.view = v;
    });
    return out;
  }
  var START = startOptions(window.location.hash);
  I.startOptions = startOptions;
  I.leaflet.holdDrawing(START.hold);

  /** Let held canvases draw (the whole of each), now. */
  CM.releaseDrawing = function () {
    I.leaflet.releaseDrawing(CM.map);
  };

  /** Only the shown view's countries are in the layer group: the other's are neither projected, drawn
   * nor hit (a country drawn differently in the two views has a feature for each, mapgen/views.py). */
  function applyView() {
    var group = CM.layers.countries;
    if (!group || !CM.allCountries) return;
    CM.allCountries.forEach(function (layer) {
      var wanted = inView(layer.feature.properties), there = group.hasLayer(layer);
      if (wanted && !there) {
        var latlngs = I.detail.currentLatLngs(layer);
        if (latlngs) layer.setLatLngs(latlngs);
        group.addLayer(layer);
      } else if (!wanted && there) {
        group.removeLayer(layer);
      }
    });
  }

  function countryLayers(codes, shownOnly) {
    var wanted = {};
    (codes || []).forEach(function (c) { wanted[c] = true; });
    return CM.layers.countries.getLayers().filter(function (l) {
      var p = l.feature.properties;
      return wanted[p.iso3] && (!shownOnly || inView(p));
    });
  }

  function raiseSelection() {
    if (!CM.layers.countries) return;
    countryLayers(Object.keys(CM.selection), true).forEach(function (l) { l.bringToFront(); });
  }

  function restyle() {
    Object.keys(CM.layers).forEach(function (key) {
      var style = LAYER_STYLES[key];
      if (style) CM.layers[key].setStyle(style);
    });
    if (CM.seaNetwork) CM.seaNetwork.setStyle(LAYER_STYLES.seanet);
    raiseSelection();
    CM.restyles += 1;
  }

  // Each group of layers draws in its own pane (its own canvas), stacked in this order, so nothing
  // ever needs bringToFront across groups (each bringToFront redraws a whole canvas). Layers whose
  // order never changes share a pane (mapgen/page.py PANE_OF): graticule under countries; lakes
  // under the coastline; sea lanes under road under river under rail.
  var PANES = { countries: 402, lakes: 403, sea: 410, flows: 420, highlight: 430, routes: 435, ports: 440,
    dealers: 450 };
  var SHARED_PANES = [["graticule", "countries"], ["lakes", "coastline", "tendash"], ["seanet", "sea", "road", "river", "rail"]];

  var worldShown = null;  // whether the corridor layers are styled for world scale (I.worldScale)

  /** The corridor's lines restyled when the zoom crosses into world scale or out of it: "scalechanged". */
  function restyleForScale() {
    var world = I.worldScale();
    if (world === worldShown) return;
    worldShown = world;
    ["rail", "river", "road"].forEach(function (key) { if (CM.layers[key]) CM.layers[key].setStyle(LAYER_STYLES[key]); });
    if (CM.seaNetwork) CM.seaNetwork.setStyle(LAYER_STYLES.seanet);
    CM.events.fire("scalechanged", { world: world });
  }

  /** A layer shown again is drawn last in its canvas: put the layers of shared panes back in order. */
  function restack() {
    SHARED_PANES.forEach(function (keys) {
      keys.forEach(function (key) {
        var group = I.detail.lodGroup(key);
        if (group && CM.map.hasLayer(group)) group.bringToFront();
      });
    });
    raiseSelection();
  }

  /** The panes, made before any layer (the page's generator gives each layer its pane); and the start view. */
  CM.createPanes = function (map) {
    // An export view may give the first view in the URL (ui/export/renderer.py): the layers are then
    // projected once, at the zoom the picture needs.
    var start = START.view;
    if (start) map.setView([start[0], start[1]], start[2], { animate: false });
    Object.keys(PANES).forEach(function (name) {
      var pane = map.createPane("cm-" + name);
      pane.style.zIndex = PANES[name];
      if (name === "highlight") pane.style.pointerEvents = "none";
      // the flows' pane has its opacity as a whole (cm_flows.js): its lines on a canvas of their own
      if (name === "flows") CM.internal.leaflet.ownCanvas(map, "cm-" + name);
    });
  };
  CM.pane = function (name) { return "cm-" + name; };

  // ---- the page → Python events ------------------------------------------------------------------
  CM.events.on("backgroundclick", function (e) {
    // a click on the map where no layer takes it (the sea): clears the selection, unless additive
    if (!I.modifierPressed(e) && CM.bridge && CM.bridge.backgroundClicked) CM.bridge.backgroundClicked();
  });

  var VIEW_SETTLE_MS = 150;
  var FIT_PADDING = 40;  // px kept free around the countries (and routes) a selection frames
  var FIT_ZOOM_OUT = 1.5;  // zoom levels a selection's framing gives up at most to keep it off the legend
  var viewTimer = null;

  /** After a move, a zoom or a layer shown or hidden, once the map settled: "viewchanged", and the view
   * to the bridge (viewChanged). */
  function viewMoved() {
    if (viewTimer !== null) clearTimeout(viewTimer);
    viewTimer = setTimeout(function () {
      viewTimer = null;
      var view = CM.getView();
      CM.events.fire("viewchanged", { view: view });
      if (CM.bridge && CM.bridge.viewChanged) CM.bridge.viewChanged(view);
    }, VIEW_SETTLE_MS);
  }

  /** The calls the bridge's startup property lists: [[function, [args…]], …]. */
  function startupCalls(bridge) {
    var text = bridge && bridge.startup;
    if (!text) return [];
    try {
      var calls = JSON.parse(text);
      return Array.isArray(calls) ? calls : [];
    } catch (err) {
      console.error("Corridor Map: the bridge's startup is no JSON: " + err);
      return [];
    }
  }

  // What the calls of a batch would each build again (the legend alone, placed anew each time its size
  // changed: 22–30 ms at 1600×900), built once after the batch's last call, in this order.
  var CONTROLS = ["buildLegend", "buildLayerControl", "setAttribution", "buildPortLabels"];

  /** Make ``calls`` ([[name, args], …]) in order, the controls built once, after the last. */
  function applyCalls(calls) {
    var real = {}, wanted = {};
    CONTROLS.forEach(function (name) {
      real[name] = I[name];
      I[name] = function () { wanted[name] = true; };
    });
    try {
      calls.forEach(function (call) {
        var fn = call[0] !== "init" && call[0] !== "applyCalls" && CM[call[0]];
        if (typeof fn === "function") fn.apply(CM, call[1] || []);
        else console.error("Corridor Map: no page function " + call[0]);
      });
    } finally {  // (built for what was made, even when a call failed)
      CONTROLS.forEach(function (name) { I[name] = real[name]; });
      CONTROLS.forEach(function (name) { if (wanted[name]) I[name](); });
    }
  }

  /** A batch of calls from Python (``PageApi.apply``): as data, like the bridge's startup calls. */
  CM.applyCalls = function (calls) {
    applyCalls(calls || []);
    return true;
  };

  /** The page made complete: the startup calls made (they build the controls) or the controls built. */
  function start(calls) {
    if (calls.length) {
      applyCalls(calls);
    } else {
      I.buildPortLabels();
      I.buildLegend();
      I.buildLayerControl();
      I.setAttribution();
    }
    CM.timing.started = performance.now();
  }

  function connect() {
    var qt = window.qt, script = document.getElementById("cm-qwebchannel");
    if (qt && qt.webChannelTransport && !window.QWebChannel && script && !script.dataset.failed) {
      // qwebchannel.js loads asynchronously: the page's files arrive only while the app's GUI thread
      // takes events, and it may still be starting the app while this page gets ready (ui/early_map.py)
      script.addEventListener("load", connect, { once: true });
      script.addEventListener("error", function () { start([]); }, { once: true });
      return;
    }
    if (!(qt && qt.webChannelTransport && window.QWebChannel)) { start([]); return; }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      CM.bridge = channel.objects.bridge;
      start(startupCalls(CM.bridge));
      if (CM.bridge && CM.bridge.ready) CM.bridge.ready();
    });
  }

  // ---- the page API ------------------------------------------------------------------------------
  CM.init = function (map, layers, options) {
    var t = CM.timing = { initStart: performance.now() };
    CM.map = map;
    if (layers.seanet) {  // drawn with the sea legs, shown and hidden with them; not a layer of its own
      CM.seaNetwork = layers.seanet;
      delete layers.seanet;
      if (layers.sea) {
        layers.sea.on("add", function () { map.addLayer(CM.seaNetwork); restack(); });
        layers.sea.on("remove", function () { map.removeLayer(CM.seaNetwork); });
        // the legs answer the pointer within a few pixels, though they are not painted
        CM.internal.leaflet.setPaneTolerance(map, CM.pane("sea"), 3);
      }
    }
    CM.layers = layers;
    if (!map.getPane("cm-countries")) CM.createPanes(map);
    if (layers.ports) {  // folium's marker template drops the pane option: move the points to theirs
      var group = layers.ports;
      map.removeLayer(group);
      group.eachLayer(function (l) { l.options.pane = "cm-ports"; });
      map.addLayer(group);
    }
    t.panes = performance.now();
    CM.options = options || {};
    CM.lang = CM.options.lang || "en";
    CM.pov = CM.options.pov || "china";
    CM.allCountries = layers.countries ? layers.countries.getLayers() : [];
    applyView();
    restyle();
    t.styled = performance.now();
    if (!CM.options.export) {  // an export page is never pointed at
      I.bindCountryTooltips();
      I.bindCorridorTooltips();
    }
    t.tooltips = performance.now();
    // (after every move: which labels fit beside the controls depends on where the map is)
    map.on("moveend overlayadd overlayremove resize", I.buildPortLabels);
    I.detail.rememberLevelZero();
    Object.keys(layers).forEach(function (key) { layers[key].on("add", restack); });
    map.on("zoomend", function () { CM.updateDetail(); restyleForScale(); });
    CM.updateDetail();
    L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
    if (!CM.options.export) map.on("moveend zoomend overlayadd overlayremove", viewMoved);
    t.initEnd = performance.now();
    connect();
  };

  /** Switch the page's language; ``strings`` are the translated labels, as text. */
  CM.setLanguage = function (lang, strings) {
    CM.lang = lang === "zh" ? "zh" : "en";
    CM.strings = strings || {};
    document.documentElement.lang = CM.lang === "zh" ? "zh-CN" : "en";
    I.buildLegend();
    I.buildLayerControl();
    I.setAttribution();
    I.buildDataLabel();
    I.buildPortLabels();
    return CM.describe();
  };

  /** Legend and layer list again (after a layer was added). */
  CM.rebuildControls = function () {
    I.buildLegend();
    I.buildLayerControl();
  };

  /** Highlight exactly these countries (ISO3 codes), drawn on top of the others. */
  CM.setSelection = function (codes) {
    var previous = CM.selection;
    CM.selection = {};
    (codes || []).forEach(function (c) { if (/^[A-Z]{3}$/.test(c)) CM.selection[c] = true; });
    // restyle only the countries whose state changed
    countryLayers(Object.keys(previous).concat(Object.keys(CM.selection))).forEach(function (l) {
      l.setStyle(countryStyle(l.feature));
    });
    raiseSelection();
    CM.events.fire("selectionchanged");
    CM.restyles += 1;
    return JSON.stringify({ selected: Object.keys(CM.selection).sort(), restyles: CM.restyles });
  };

  /** A country's box; for one whose parts lie more than half the world apart (the Netherlands and its
   * Caribbean islands, in the China-centred world), the box of the part holding its label's point. */
  function mainBounds(layer) {
    var b = I.detail.bounds(layer);  // the same whatever level of detail is shown
    if (b.getEast() - b.getWest() <= 180) return b;
    var p = layer.feature.properties, at = L.latLng(p.label_lat, I.frameLng(p.label_lon));
    var main = L.latLngBounds(at, at), ll = layer.getLatLngs();
    (Array.isArray(ll[0]) && Array.isArray(ll[0][0]) ? ll : [ll]).forEach(function (polygon) {
      var part = L.latLngBounds(polygon[0]);
      if (part.isValid() && part.contains(at)) main = part;
    });
    return main;
  }
  I.mainBounds = mainBounds;

  /** Frame these countries (by their main boxes, see mainBounds) and ``extra`` (L.LatLngBounds or null). */
  CM.fitCountries = function (codes, animate, extra) {
    var layers = countryLayers(codes, true);
    if (!layers.length) return false;
    var countries = L.latLngBounds([]);
    layers.forEach(function (l) { countries.extend(mainBounds(l)); });
    var bounds = L.latLngBounds(countries.getSouthWest(), countries.getNorthEast());
    if (extra && extra.isValid && extra.isValid()) bounds.extend(extra);  // (e.g. the routes drawn to them)
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
      CM.map.setView(bounds.getCenter(), 4, { animate: !!animate });
      return true;
    }
    // in the window, the countries where the legend leaves them in view (the legend then keeps off them:
    // cm_legend.js); an export frames the same whatever its legend's last place (then placed on the view)
    var frame = I.frameClearOfLegend(bounds, CM.options.export ? null : countries, FIT_PADDING, FIT_ZOOM_OUT);
    I.framed = {};  // (what the legend keeps off, with the selection)
    codes.forEach(function (c) { I.framed[c] = true; });
    var zoom = Math.max(frame.zoom, CM.map.getMinZoom());
    if (animate) CM.map.flyTo(frame.center, zoom, { duration: 0.8 });
    else CM.map.setView(frame.center, zoom, { animate: false });
    return true;
  };

  /** Frame ``bounds`` ([[south, west], [north, east]]) at once, ``keepClear`` (same form, or null) off
   * the legend (cm_controls.js I.frameClearOfLegend); the map's least zoom is lowered if the box needs it. */
  CM.fitBounds = function (bounds, keepClear) {
    var frame = I.frameClearOfLegend(L.latLngBounds(bounds), keepClear ? L.latLngBounds(keepClear) : null);
    if (frame.zoom < CM.map.getMinZoom()) CM.map.setMinZoom(frame.zoom);
    CM.map.setView(frame.center, frame.zoom, { animate: false });
    return CM.getView();
  };

  /** Recolour countries by value: ``{values: {ISO3: n}, classes: [{lower, upper, color}], title}``. */
  CM.setChoropleth = function (payload) {
    CM.choropleth = payload && payload.classes ? payload : null;
    CM.layers.countries.setStyle(countryStyle);
    raiseSelection();
    CM.restyles += 1;
    I.buildLegend();
    return JSON.stringify({ restyles: CM.restyles, classes: CM.choropleth ? CM.choropleth.classes.length : 0 });
  };

  CM.setLegendVisible = function (visible) {
    CM.legendVisible = !!visible;
    I.buildLegend();
    return CM.legendVisible;
  };

  /** A label on the map saying where the data comes from (e.g. that it is an illustrative sample). */
  CM.setDataLabel = function (label) {
    CM.dataLabel = label || null;
    I.buildDataLabel();
    return true;
  };

  /** The view (centre, zoom) and which layers are shown (as CM.isShown says): for saved views and the
   * bridge's viewChanged. */
  CM.getView = function () {
    var c = CM.map.getCenter();
    var layers = {};
    Object.keys(CM.layers).forEach(function (k) { layers[k] = CM.isShown(k); });
    return JSON.stringify({ center: [c.lat, c.lng], zoom: CM.map.getZoom(), layers: layers });
  };

  /** Restore a view: ``{center: [lat, lng], zoom, layers: {key: visible}}`` (any part may be missing). */
  CM.setView = function (view) {
    if (view.center && view.zoom != null) CM.map.setView(view.center, view.zoom, { animate: false });
    Object.keys(view.layers || {}).forEach(function (k) {
      var layer = CM.layers[k];
      if (!layer) return;
      if (view.layers[k] && !CM.map.hasLayer(layer)) CM.map.addLayer(layer);
      if (!view.layers[k] && CM.map.hasLayer(layer)) CM.map.removeLayer(layer);
    });
    return CM.getView();
  };

  /** Like CM.setView, flying to the centre and zoom (``view.duration`` seconds, 1.2 by default). */
  CM.flyTo = function (view) {
    CM.setView({ layers: view.layers || {} });
    if (view.center && view.zoom != null) CM.map.flyTo(view.center, view.zoom, { duration: view.duration || 1.2 });
    return true;
  };

  /** Bring ``iso3`` into view (zoom 4, its label point a little off centre) and find a point inside it
   * that nothing covers: JSON ``[x, y, null]`` in window coordinates, ``[x, y, what covers it]`` if every
   * point is covered, or null without such a country (the smoke test clicks there). */
  CM.aimAt = function (iso3) {
    var map = CM.map, layer = countryLayers([iso3], true)[0];
    if (!layer) return JSON.stringify(null);
    var p = layer.feature.properties, size = map.getSize();
    map.setView([p.label_lat, p.label_lon], 4, { animate: false });
    map.panBy([size.x * 0.15, size.y * 0.12], { animate: false });
    var r = map.getContainer().getBoundingClientRect(), b = layer.getBounds(), first = null;
    var candidates = [L.latLng(p.label_lat, p.label_lon)];
    for (var i = 1; i < 8; i++) {
      for (var j = 1; j < 8; j++) {
        candidates.push(L.latLng(b.getSouth() + (b.getNorth() - b.getSouth()) * i / 8,
          b.getWest() + (b.getEast() - b.getWest()) * j / 8));
      }
    }
    for (var k = 0; k < candidates.length; k++) {
      var c = map.latLngToContainerPoint(candidates[k]);
      if (c.x < 10 || c.y < 10 || c.x > size.x - 10 || c.y > size.y - 10) continue;
      if (!I.leaflet.containsPoint(layer, map.containerPointToLayerPoint(c))) continue;
      var x = c.x + r.left, y = c.y + r.top, top = document.elementFromPoint(x, y);
      if (top === map.getContainer()) return JSON.stringify([x, y, null]);
      first = first || [x, y, top ? top.className || top.tagName : "nothing"];
    }
    return JSON.stringify(first || [0, 0, "the edge of the map (no point of the country in view)"]);
  };

  /** The fill colour a country is drawn with now (for tests and exports). */
  CM.fillOf = function (iso3) {
    var l = countryLayers([iso3], true)[0];
    return l ? l.options.fillColor : null;
  };

  /** "china" (China's point of view, the default) or "ne" (Natural Earth's default view). */
  CM.setPointOfView = function (pov) {
    CM.pov = pov === "ne" ? "ne" : "china";
    applyView();
    restyle();
    I.buildLegend();
    I.setAttribution();
    return CM.describe();
  };

  /** Whether a layer is drawn. The sea legs count as drawn while their lanes are: an export page
   * draws only the lanes (mapgen/page.py). */
  CM.isShown = function (key) {
    if (key === "sea" && CM.seaNetwork && CM.map.hasLayer(CM.seaNetwork)) return true;
    return !!CM.layers[key] && CM.map.hasLayer(CM.layers[key]);
  };

  /** A full collection of the page's garbage now: V8 lets it grow to 100–180 MB before collecting
   * (the live heap is ~17 MB); only where the app exposes gc (JS_FLAGS in ui/app.py). */
  CM.collectGarbage = function () {
    if (typeof window.gc !== "function") return false;
    window.gc();
    return true;
  };

  /** What the page draws, as JSON: for tests and the smoke test. */
  CM.describe = function () {
    var visible = Object.keys(CM.layers).filter(CM.isShown);
    var legend = document.getElementById("cm-legend");
    return JSON.stringify({
      layers: Object.keys(CM.layers),
      visible: visible,
      countries: CM.layers.countries ? CM.layers.countries.getLayers().length : 0,
      lang: CM.lang,
      pov: CM.pov,
      legend: legend ? legend.textContent : "",
      legendBox: I.describeLegend(),  // corner, collapsed, rect in the map, rows (cm_legend.js)
      layerControl: Array.prototype.map.call(
        document.querySelectorAll(".leaflet-control-layers-overlays label span"),
        function (el) { return el.textContent.trim(); }),
      zoom: CM.map.getZoom(),
      center: [CM.map.getCenter().lat, CM.map.getCenter().lng],
      fonts: document.fonts ? document.fonts.status : "n/a",
      selected: Object.keys(CM.selection).sort(),
      choropleth: CM.choropleth ? { title: CM.choropleth.title, classes: CM.choropleth.classes.length,
        countries: Object.keys(CM.choropleth.values).length } : null,
      dataLabel: CM.dataLabel,
      restyles: CM.restyles,
      timing: CM.timing,
      dealers: CM.describeDealers ? CM.describeDealers() : null,
      flows: CM.describeFlows ? CM.describeFlows() : null,
    });
  };

  /** The name shown for a country feature (``iso3``) in the current language and view. */
  CM.nameOf = function (iso3) {
    // The country's own feature first: its territories share its code (Ashmore and Cartier Islands are
    // AUS too, and come first in the data: the legend said "Route to Ashmore and Cartier Islands").
    var found = null, own = null;
    CM.layers.countries.eachLayer(function (l) {
      var p = l.feature.properties;
      if (p.iso3 !== iso3 || !inView(p)) return;
      if (!found) found = l;
      if (!own && p.adm0 === iso3) own = l;
    });
    found = own || found;
    return found ? CM.countryName(found.feature.properties) : null;
  };
})();
