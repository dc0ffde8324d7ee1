/* Corridor Map page API: the map's own small JS layer, driven from Python as data.
 * Python calls CM.* through runJavaScript or the QWebChannel bridge; user text is only ever set
 * with textContent, never as HTML. */
(function () {
  "use strict";

  var STYLE = {
    land: "#f3efe4",
    border: "#8d8d8d",
    ocean: "#cfe3f0",
    coast: "#6f8fa8",
    graticule: "#b5cde0",
    rail: "#d95f02",
    river: "#1b9e77",
    road: "#8c510a",
    sea: "#34495e",
    dry: "#7570b3",
    tendash: "#4d4d4d",
  };
  var MODES = ["sea", "road", "river", "rail"];
  // Permanent labels: [direction, from zoom]; other ports and hubs are named on hover.
  var PORT_LABELS = {
    "CN-TJC": ["left", 0], CNQZH: ["bottom", 0], CNSHA: ["right", 0],
    CNCKG: ["right", 6], CNBIH: ["right", 6], CNFAN: ["left", 6], CNNNG: ["right", 6],
    VNHAN: ["left", 5], LAVTE: ["left", 5], SGSIN: ["right", 4], "CN-ALA": ["top", 4], DEDUI: ["top", 4],
    "PL-MAL": ["bottom", 5], "KZ-DOS": ["bottom", 5], CNKMG: ["left", 6],
  };
  var KEY_PORTS = { "CN-TJC": 1, CNQZH: 1, CNSHA: 1, CNBIH: 1, CNFAN: 1 };

  var CM = {
    map: null,
    layers: {},
    options: {},
    lang: "en",
    pov: "china",
    strings: {},
    bridge: null,
    legend: null,
    layerControl: null,
    loadedAt: Date.now(),
    selection: {},
    choropleth: null,
    legendVisible: true,
    dataLabel: null,
    restyles: 0,
  };
  window.CM = CM;

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    el.textContent = value == null ? "" : String(value);
    return el;
  }

  function s(key, fallback) {
    var v = CM.strings[key];
    return v == null ? fallback : v;
  }

  function isInternal(props) {
    // China's view: a unit folded into another (Taiwan into China) has an internal boundary.
    return CM.pov === "china" && props.cn_parent && props.iso3 && props.cn_parent !== props.iso3;
  }

  CM.countryName = function (props) {
    var zh = CM.lang === "zh";
    if (CM.pov === "ne") return zh ? props.name_zh_ne || props.name_zh : props.name_en_ne || props.name_en;
    return zh ? props.name_zh : props.name_en;
  };

  function choroplethColor(iso3) {
    var ch = CM.choropleth;
    if (!ch || !iso3) return null;
    var v = ch.values[iso3];
    if (v == null || !ch.classes.length) return null;
    for (var i = 0; i < ch.classes.length; i++) if (v <= ch.classes[i].upper) return ch.classes[i].color;
    return ch.classes[ch.classes.length - 1].color;
  }

  // A country drawn differently in the two points of view has a feature for each (mapgen/views.py):
  // the other view's is neither drawn nor hit.
  var HIDDEN = { stroke: false, fill: false, interactive: false };

  function inView(props) {
    return !props.pov || props.pov === CM.pov;
  }

  /** Only the shown view's countries are in the layer group: the other's are neither projected, drawn
   * nor hit (a country drawn differently in the two views has a feature for each, mapgen/views.py). */
  function applyView() {
    var group = CM.layers.countries;
    if (!group || !CM.allCountries) return;
    CM.allCountries.forEach(function (layer) {
      var wanted = inView(layer.feature.properties), there = group.hasLayer(layer);
      if (wanted && !there) {
        var levels = layer._cmLevels;
        if (levels && levels[DETAIL.level]) layer.setLatLngs(levels[DETAIL.level]);
        group.addLayer(layer);
      } else if (!wanted && there) {
        group.removeLayer(layer);
      }
    });
  }

  function countryStyle(feature) {
    var p = feature.properties;
    if (!inView(p)) return HIDDEN;
    var internal = isInternal(p);
    if (CM.selection[p.iso3]) {
      return { fillColor: choroplethColor(p.iso3) || STYLE.land, fillOpacity: 1, color: "#111111", weight: 2.6,
        dashArray: null, stroke: true, fill: true, interactive: true };
    }
    return {
      fillColor: choroplethColor(p.iso3) || STYLE.land,
      fillOpacity: 1,
      color: internal ? "#a9a9a9" : STYLE.border,
      weight: internal ? 0.6 : 0.7,
      dashArray: internal ? "3 3" : null,
      stroke: true,
      fill: true,
      interactive: true,
    };
  }

  var LAYER_STYLES = {
    graticule: function () { return { color: STYLE.graticule, weight: 0.6, dashArray: "2 4", interactive: false }; },
    countries: countryStyle,
    // (lakes lie within the countries around them: a click on a lake is a click on those)
    lakes: function () { return { color: "#9cc0da", weight: 0.5, fillColor: STYLE.ocean, fillOpacity: 1, interactive: false }; },
    coastline: function () { return { color: STYLE.coast, weight: 0.8, interactive: false }; },
    // China's view: the South China Sea's ten dashes, drawn as China's maps draw the national boundary
    tendash: function () {
      return CM.pov === "china" ? { color: STYLE.tendash, weight: 2.6, opacity: 1, lineCap: "butt", interactive: false,
        stroke: true } : { stroke: false, interactive: false };
    },
    // The lanes are drawn once, as a network (mapgen/network.py); the legs on them are not painted
    // (many share a lane) but answer the pointer, and show themselves when hovered or highlighted.
    seanet: function () { return { color: STYLE.sea, weight: 1.4, opacity: 0.8, dashArray: "5 4", interactive: false }; },
    sea: function () { return { color: STYLE.sea, weight: 1.4, opacity: 0.55, dashArray: "5 4", stroke: false }; },
    river: function () { return { color: STYLE.river, weight: 3.2, opacity: 0.95 }; },
    // onward legs by truck, from a foreign port or border station into the destination country
    road: function () { return { color: STYLE.road, weight: 2.2, opacity: 0.9, dashArray: "2 4", lineCap: "round" }; },
    rail: function () { return { color: STYLE.rail, weight: 2.6, opacity: 0.95 }; },
    ports: function (feature) {
      var kind = feature.properties.kind;
      var key = KEY_PORTS[feature.properties.id];
      return { radius: key ? 5.5 : kind === "sea" ? 3 : 4.5, color: "#ffffff", weight: 1, fillOpacity: 1,
        fillColor: kind === "sea" ? STYLE.sea : kind === "river" ? STYLE.river : kind === "rail" ? STYLE.rail
          : STYLE.dry };
    },
  };

  function localName(props) {
    return CM.lang === "zh" ? props.name_zh || props.name_en : props.name_en || props.name_zh;
  }

  function fmtLength(props) {
    var km = Math.round(props.length_km || 0).toLocaleString(CM.lang === "zh" ? "zh-CN" : "en-GB");
    if (props.mode === "sea" && props.length_nm) {
      var nm = Math.round(props.length_nm).toLocaleString(CM.lang === "zh" ? "zh-CN" : "en-GB");
      return nm + " " + s("unit_nm", "nm") + " (" + km + " " + s("unit_km", "km") + ")";
    }
    return km + " " + s("unit_km", "km");
  }

  function legTooltip(props) {
    var div = text("div", "", "cm-tooltip");
    div.appendChild(text("b", localName(props)));
    div.appendChild(text("div", s("mode_" + props.mode, props.mode) + " · " + fmtLength(props)));
    return div;
  }

  function portTooltip(props) {
    var div = text("div", "", "cm-tooltip");
    div.appendChild(text("b", localName(props)));
    div.appendChild(text("div", s("kind_" + props.kind, props.kind) + (props.id && props.id.indexOf("-") < 0 ? " · " + props.id : "")));
    return div;
  }

  function bindCorridorTooltips() {
    MODES.forEach(function (mode) {
      if (!CM.layers[mode]) return;
      CM.layers[mode].eachLayer(function (layer) {
        layer.bindTooltip(function () { return legTooltip(layer.feature.properties); }, { sticky: true, opacity: 0.95 });
        layer.on("mouseover", function () {
          layer.setStyle({ weight: (layer.options.weight || 2) + 2, opacity: 1, stroke: true });
        });
        layer.on("mouseout", function () { layer.setStyle(LAYER_STYLES[mode](layer.feature)); restyleLeg(layer); });
      });
    });
    if (!CM.layers.ports) return;
    CM.layers.ports.eachLayer(function (layer) {
      var p = layer.feature.properties;
      layer.bindTooltip(function () { return portTooltip(p); }, { direction: "right", offset: [6, 0], opacity: 0.95 });
      layer.on("click", function () {  // its card (no country is selected)
        if (p.id && CM.bridge && CM.bridge.portClicked) CM.bridge.portClicked(p.id);
      });
    });
  }

  function buildPortLabels() {
    if (!CM.layers.ports) return;
    if (!CM.portLabels) CM.portLabels = L.layerGroup().addTo(CM.map);
    CM.portLabels.clearLayers();
    if (!CM.map.hasLayer(CM.layers.ports)) return;
    var zoom = CM.map.getZoom();
    CM.layers.ports.eachLayer(function (layer) {
      var p = layer.feature.properties;
      var spec = PORT_LABELS[p.id];
      if (!spec || zoom < spec[1]) return;
      var offset = { left: [-8, 0], right: [8, 0], top: [0, -8], bottom: [0, 8] }[spec[0]];
      L.tooltip({ permanent: true, direction: spec[0], offset: offset, className: "cm-port-label", interactive: false })
        .setLatLng(layer.getLatLng()).setContent(text("span", localName(p))).addTo(CM.portLabels);
    });
  }

  function restyleLeg(layer) {
    if (CM.highlightLegs && CM.highlightLegs[layer.feature.properties.id]) layer.setStyle({ opacity: 1, stroke: true });
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

  function modifierPressed(e) {
    var o = e && e.originalEvent;
    return !!(o && (o.ctrlKey || o.shiftKey || o.metaKey));
  }

  function bindCountryTooltips() {
    CM.allCountries.forEach(function (layer) {
      layer.bindTooltip(function () { return text("div", CM.countryName(layer.feature.properties), "cm-tooltip"); },
        { sticky: true, direction: "top", opacity: 0.95 });
      layer.on("mouseover", function () {
        if (!CM.selection[layer.feature.properties.iso3]) layer.setStyle({ weight: 1.6, color: "#333" });
      });
      layer.on("mouseout", function () { layer.setStyle(countryStyle(layer.feature)); });
      layer.on("click", function (e) {
        var iso3 = layer.feature.properties.iso3;
        if (iso3 && CM.bridge && CM.bridge.countryClicked) CM.bridge.countryClicked(iso3, modifierPressed(e));
      });
    });
  }

  /** A click on the map where no layer takes it (the sea): clears the selection, unless additive. */
  CM.onBackgroundClick = function (e) {
    if (!modifierPressed({ originalEvent: e }) && CM.bridge && CM.bridge.backgroundClicked) CM.bridge.backgroundClicked();
  };

  function fmt(n) {
    return Math.round(n).toLocaleString(CM.lang === "zh" ? "zh-CN" : "en-GB");
  }

  function choroplethLegend(div) {
    var ch = CM.choropleth;
    if (!ch || !ch.classes.length) return;
    div.appendChild(text("h4", ch.title || s("legend_units", "Units sold")));
    ch.classes.forEach(function (c, i) {
      var row = L.DomUtil.create("div", "cm-row", div);
      var sw = L.DomUtil.create("span", "cm-swatch", row);
      sw.style.background = c.color;
      var label = i === 0 && c.lower === c.upper ? fmt(c.upper) : fmt(i === 0 ? c.lower : c.lower + 1) + " – " + fmt(c.upper);
      row.appendChild(text("span", label));
    });
    var none = L.DomUtil.create("div", "cm-row", div);
    var sw = L.DomUtil.create("span", "cm-swatch", none);
    sw.style.background = STYLE.land;
    none.appendChild(text("span", s("legend_no_data", "No sales in the data")));
    L.DomUtil.create("div", "cm-gap", div);
  }

  function buildLegend() {
    if (CM.legend) CM.legend.remove();
    CM.legend = null;
    if (!CM.legendVisible) return;
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var div = L.DomUtil.create("div", "cm-legend");
        div.id = "cm-legend";
        choroplethLegend(div);
        div.appendChild(text("h4", s("legend_title", "Legend")));
        var rows = [
          ["cm-swatch", STYLE.land, s("legend_land", "Countries and territories")],
          ["cm-swatch", STYLE.ocean, s("legend_water", "Sea and lakes")],
          ["cm-line", null, s("legend_coast", "Coastline")],
        ];
        if (CM.pov === "china") {
          rows.push(["cm-dash", null, s("legend_internal", "Internal boundary")]);
          rows.push(["cm-line", STYLE.tendash, s("legend_tendash", "South China Sea dashed line"), 2]);
        }
        if (CM.layers.flows) rows.push(["cm-line", "#c51b7d", s("legend_flows", "Exports (width: units)"), 6]);
        if (CM.layers.dealers) {
          rows.push(["cm-dot", "#7a2a00", s("legend_dealer", "Dealer")]);
          rows.push(["cm-dot cm-dot-approx", "#ffffff", s("legend_dealer_approx", "Dealer, approximate location")]);
          rows.push(["cm-dot cm-cluster-swatch", "#fdae61", s("legend_cluster", "Group of dealers (click to zoom)")]);
        }
        if (CM.layers.rail) {
          rows.push(["cm-line", STYLE.rail, s("legend_rail", "Rail"), 3]);
          rows.push(["cm-line", STYLE.river, s("legend_river", "River (Yangtze)"), 3]);
          if (CM.layers.road) rows.push(["cm-dashline", STYLE.road, s("legend_road", "Road (onward into the country)")]);
          rows.push(["cm-dashline", STYLE.sea, s("legend_sea", "Sea lane")]);
          rows.push(["cm-dot", STYLE.dry, s("legend_ports", "Port or hub (colour: mode)")]);
        }
        rows.forEach(function (r) {
          var row = L.DomUtil.create("div", "cm-row", div);
          var sw = L.DomUtil.create("span", r[0], row);
          if (r[1] && r[0] === "cm-line") sw.style.borderTopColor = r[1];
          else if (r[1] && r[0] === "cm-dashline") sw.style.borderTopColor = r[1];
          else if (r[1]) sw.style.background = r[1];
          if (r[3]) sw.style.borderTopWidth = r[3] + "px";
          row.appendChild(text("span", r[2]));
        });
        L.DomEvent.disableClickPropagation(div);
        return div;
      },
    });
    CM.legend = new Legend().addTo(CM.map);
  }

  var NOT_LISTED = ["tendash"];  // part of China's view of the countries, not a layer of its own

  function buildLayerControl() {
    if (CM.layerControl) CM.layerControl.remove();
    var overlays = {};
    var order = ["countries", "flows", "dealers", "rail", "river", "road", "sea", "ports", "lakes", "coastline", "graticule"];
    order.forEach(function (key) {
      if (CM.layers[key]) overlays[s("layer_" + key, key)] = CM.layers[key];
    });
    Object.keys(CM.layers).forEach(function (key) {
      if (order.indexOf(key) < 0 && NOT_LISTED.indexOf(key) < 0) overlays[s("layer_" + key, key)] = CM.layers[key];
    });
    var roomy = CM.map.getSize().y >= 700 || CM.options.export;
    CM.layerControl = L.control.layers(null, overlays, { collapsed: !roomy, position: "topright" }).addTo(CM.map);
  }

  function setAttribution() {
    var a = CM.map.attributionControl;
    // bottom left, beside the scale: the sources do not push the legend (bottom right) up the map
    if (a.getPosition() !== "bottomleft") a.setPosition("bottomleft");
    a.setPrefix("Leaflet");
    if (CM._attribution) a.removeAttribution(CM._attribution);
    CM._attribution = CM.pov === "ne" ? s("attribution_ne", s("attribution", "Made with Natural Earth"))
      : s("attribution", "Made with Natural Earth");
    a.addAttribution(CM._attribution.replace(/[<>&]/g, ""));
  }

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

  // ---- levels of detail (mapgen/lod.py) -------------------------------------------------------------
  // The page starts with simplified geometry; lodN.js (next to the page) holds level N, swapped in
  // feature by feature when the zoom (times the device pixel ratio) passes CM.options.detail[N - 1].
  var LOD_LAYERS = ["countries", "lakes", "coastline", "seanet", "sea", "road", "river", "rail"];

  function lodGroup(key) { return key === "seanet" ? CM.seaNetwork : CM.layers[key]; }

  /** Every layer of a layer group with levels of detail: for the countries, those of both points of view
   * (only the shown view's are in the group, see applyView). */
  function eachLodLayer(key, fn) {
    if (key === "countries" && CM.allCountries) { CM.allCountries.forEach(fn); return; }
    var group = lodGroup(key);
    if (group) group.eachLayer(fn);
  }
  var DETAIL = { level: 0, geometry: {}, loading: {}, waiting: {} };

  function wantedLevel() {
    var limits = CM.options.detail || [];
    var zoom = CM.map.getZoom() + Math.log(window.devicePixelRatio || 1) / Math.LN2;
    for (var n = 0; n < limits.length; n++) if (zoom < limits[n] - 1e-6) return n;
    return limits.length;
  }

  function flushLevel(n) {
    var waiting = DETAIL.waiting[n] || [];
    DETAIL.waiting[n] = [];
    waiting.forEach(function (done) { done(); });
  }

  function loadLevel(n, done) {
    if (n === 0 || DETAIL.geometry[n] !== undefined) { done(); return; }
    (DETAIL.waiting[n] = DETAIL.waiting[n] || []).push(done);
    if (DETAIL.loading[n]) return;
    DETAIL.loading[n] = true;
    var script = document.createElement("script");
    script.src = "lod" + n + ".js";
    script.onerror = function () { DETAIL.geometry[n] = null; flushLevel(n); };  // keep the level shown
    document.head.appendChild(script);
  }

  /** Called by lodN.js: level n's geometries by layer, in feature order. */
  CM.addDetail = function (n, geometries) {
    DETAIL.geometry[n] = geometries;
    flushLevel(n);
  };

  function nesting(type) {
    return type === "MultiPolygon" ? 2 : type === "Polygon" || type === "MultiLineString" ? 1 : 0;
  }

  function showLevel(n) {
    var geometries = DETAIL.geometry[n];
    if (n > 0 && !geometries) return;
    LOD_LAYERS.forEach(function (key) {
      var list = geometries && geometries[key];
      eachLodLayer(key, function (layer) {
        var levels = layer._cmLevels;
        if (!levels) return;
        if (!levels[n]) {
          var g = list && list[layer._cmIndex];
          if (!g) return;
          levels[n] = L.GeoJSON.coordsToLatLngs(g.coordinates, nesting(g.type));
        }
        layer.setLatLngs(levels[n]);
      });
    });
    DETAIL.level = n;
    if (CM.onDetailChanged) CM.onDetailChanged();
  }

  function rememberLevelZero() {
    LOD_LAYERS.forEach(function (key) {
      var index = 0;
      eachLodLayer(key, function (layer) {
        layer._cmIndex = index++;
        layer._cmLevels = { 0: layer.getLatLngs() };
        layer._cmBounds = layer.getBounds();
      });
    });
  }

  /** Show the level of detail the present zoom needs (loading it first), then call done(). */
  CM.updateDetail = function (done) {
    done = done || function () {};
    var n = wantedLevel();
    if (n === DETAIL.level) { done(); return; }
    loadLevel(n, function () {
      if (wantedLevel() === n && n !== DETAIL.level) showLevel(n);
      done();
    });
  };

  CM.detailLevel = function () { return DETAIL.level; };

  // The export view sets window.CM_HOLD_DRAWING when its document is created (ui/export): its canvases
  // draw nothing while the page loads and its data arrive, and draw once when a frame is asked for.
  var canvasDraw = L.Canvas.prototype._draw;
  L.Canvas.prototype._draw = function () {
    if (window.CM_HOLD_DRAWING) { this._cmHeld = true; return; }
    this._cmHeld = false;
    canvasDraw.call(this);
  };

  /** Let held canvases draw (the whole of each), now. */
  CM.releaseDrawing = function () {
    window.CM_HOLD_DRAWING = false;
    CM.map.eachLayer(function (layer) {
      if (layer instanceof L.Canvas && layer._cmHeld) {
        layer._redrawBounds = null;
        layer._redraw();
      }
    });
  };

  // Each group of layers draws in its own pane (its own canvas), stacked in this order, so nothing
  // ever needs bringToFront across groups (each bringToFront redraws a whole canvas). Layers whose
  // order never changes share a pane (mapgen/page.py PANE_OF): graticule under countries; lakes
  // under the coastline; sea lanes under road under river under rail.
  var PANES = { countries: 402, lakes: 403, sea: 410, flows: 420, highlight: 430, routes: 435, ports: 440,
    dealers: 450 };
  var SHARED_PANES = [["graticule", "countries"], ["lakes", "coastline", "tendash"], ["seanet", "sea", "road", "river", "rail"]];

  /** A layer shown again is drawn last in its canvas: put the layers of shared panes back in order. */
  function restack() {
    SHARED_PANES.forEach(function (keys) {
      keys.forEach(function (key) {
        var group = lodGroup(key);
        if (group && CM.map.hasLayer(group)) group.bringToFront();
      });
    });
    raiseSelection();
  }

  /** The panes, made before any layer (the page's generator gives each layer its pane); and the start view. */
  CM.createPanes = function (map) {
    // An export view may give the first view before any layer is drawn (ui/export/renderer.py):
    // the layers are then projected once, at the zoom the picture needs.
    var start = window.CM_START_VIEW;
    if (start) map.setView([start[0], start[1]], start[2], { animate: false });
    Object.keys(PANES).forEach(function (name) {
      var pane = map.createPane("cm-" + name);
      pane.style.zIndex = PANES[name];
      if (name === "highlight") pane.style.pointerEvents = "none";
    });
  };
  CM.pane = function (name) { return "cm-" + name; };

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
        map.getRenderer(layers.sea.getLayers()[0] || layers.sea).options.tolerance = 3;
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
      bindCountryTooltips();
      bindCorridorTooltips();
    }
    t.tooltips = performance.now();
    var preload = window.CM_PRELOAD;  // an export view's data (ui/page_push.py preload_script)
    if (!preload) buildPortLabels();  // (else its setLanguage builds them, and the controls below)
    map.on("zoomend overlayadd overlayremove", buildPortLabels);
    rememberLevelZero();
    Object.keys(layers).forEach(function (key) { layers[key].on("add", restack); });
    map.on("zoomend", function () { CM.updateDetail(); });
    CM.updateDetail();
    L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
    if (preload) {  // made here, the page is complete when it says it is ready
      preload.forEach(function (call) { CM[call[0]].apply(CM, call[1]); });
    } else {
      buildLegend();
      buildLayerControl();
      setAttribution();
    }
    t.initEnd = performance.now();
    if (window.qt && window.qt.webChannelTransport && window.QWebChannel) {
      new QWebChannel(window.qt.webChannelTransport, function (channel) {
        CM.bridge = channel.objects.bridge;
        if (CM.bridge && CM.bridge.ready) CM.bridge.ready();
      });
    }
  };

  /** Switch the page's language; ``strings`` are the translated labels, as text. */
  CM.setLanguage = function (lang, strings) {
    CM.lang = lang === "zh" ? "zh" : "en";
    CM.strings = strings || {};
    document.documentElement.lang = CM.lang === "zh" ? "zh-CN" : "en";
    buildLegend();
    buildLayerControl();
    setAttribution();
    buildDataLabel();
    buildPortLabels();
    return CM.describe();
  };

  function buildDataLabel() {
    if (CM.dataLabelControl) CM.dataLabelControl.remove();
    CM.dataLabelControl = null;
    if (!CM.dataLabel) return;
    var Badge = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var div = text("div", CM.dataLabel, "cm-data-label");
        div.id = "cm-data-label";
        return div;
      },
    });
    CM.dataLabelControl = new Badge().addTo(CM.map);
  }

  /** Legend and layer list again (after a layer was added). */
  CM.rebuildControls = function () {
    buildLegend();
    buildLayerControl();
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
    if (CM.highlightRoutes) CM.highlightRoutes();
    CM.restyles += 1;
    return JSON.stringify({ selected: Object.keys(CM.selection).sort(), restyles: CM.restyles });
  };

  /** Frame these countries (a country spanning the antimeridian is framed at its label point). */
  CM.fitCountries = function (codes, animate) {
    var layers = countryLayers(codes, true);
    if (!layers.length) return false;
    var bounds = L.latLngBounds([]);
    layers.forEach(function (l) {
      var b = l._cmBounds || l.getBounds();  // the same whatever level of detail is shown
      if (b.getEast() - b.getWest() > 180) {
        var p = l.feature.properties;
        bounds.extend(L.latLng(p.label_lat, p.label_lon));
      } else {
        bounds.extend(b);
      }
    });
    var opts = { padding: [40, 40], maxZoom: 6, animate: !!animate, duration: 0.8 };
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
      CM.map.setView(bounds.getCenter(), 4, { animate: !!animate });
    } else if (animate) {
      CM.map.flyToBounds(bounds, opts);
    } else {
      CM.map.fitBounds(bounds, opts);
    }
    return true;
  };

  /** Recolour countries by value: ``{values: {ISO3: n}, classes: [{lower, upper, color}], title}``. */
  CM.setChoropleth = function (payload) {
    CM.choropleth = payload && payload.classes ? payload : null;
    CM.layers.countries.setStyle(countryStyle);
    raiseSelection();
    CM.restyles += 1;
    buildLegend();
    return JSON.stringify({ restyles: CM.restyles, classes: CM.choropleth ? CM.choropleth.classes.length : 0 });
  };

  CM.setLegendVisible = function (visible) {
    CM.legendVisible = !!visible;
    buildLegend();
    return CM.legendVisible;
  };

  /** A label on the map saying where the data comes from (e.g. that it is an illustrative sample). */
  CM.setDataLabel = function (label) {
    CM.dataLabel = label || null;
    buildDataLabel();
    return true;
  };

  /** The view (centre, zoom) and which layers are shown: for saved views. */
  CM.getView = function () {
    var c = CM.map.getCenter();
    var layers = {};
    Object.keys(CM.layers).forEach(function (k) { layers[k] = CM.map.hasLayer(CM.layers[k]); });
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
    buildLegend();
    setAttribution();
    return CM.describe();
  };

  /** What the page draws, as JSON: for tests and the smoke test. */
  /** Whether a layer is drawn. The sea legs count as drawn while their lanes are: an export page
   * draws only the lanes (mapgen/page.py). */
  CM.isShown = function (key) {
    if (key === "sea" && CM.seaNetwork && CM.map.hasLayer(CM.seaNetwork)) return true;
    return !!CM.layers[key] && CM.map.hasLayer(CM.layers[key]);
  };

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
    var found = null;
    CM.layers.countries.eachLayer(function (l) {
      if (!found && l.feature.properties.iso3 === iso3 && inView(l.feature.properties)) found = l;
    });
    return found ? CM.countryName(found.feature.properties) : null;
  };
})();
