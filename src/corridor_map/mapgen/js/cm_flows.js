/* Export flows along the corridor: one line per leg, width by the units that travel it under the
 * current filters (sum over destinations whose default route uses the leg); direction arrows; the
 * legs of the selected countries' routes highlighted. */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;
  var F = { legs: {}, routes: {}, max: 0, layer: null, highlight: null, highlighted: [] };
  CM.flows = F;

  function latlngs(layer) {
    var ll = layer.getLatLngs();
    return ll.length && Array.isArray(ll[0]) ? ll : [ll];
  }

  function fmt(n) { return Math.round(n).toLocaleString(CM.lang === "zh" ? "zh-CN" : "en-GB"); }

  function arrowAt(line) {
    // An arrowhead at the middle of the longest part, pointing along the leg (from → to).
    var pts = line.reduce(function (a, b) { return b.length > a.length ? b : a; }, []);
    if (pts.length < 2) return null;
    var k = Math.max(1, Math.floor(pts.length / 2));
    var a = CM.map.project(pts[k - 1], 4), b = CM.map.project(pts[k], 4);
    var angle = Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
    var span = document.createElement("span");
    span.className = "cm-arrow";
    span.textContent = "\u27A4";
    span.style.transform = "rotate(" + angle.toFixed(1) + "deg)";
    if (CM.internal.worldScale()) span.style.fontSize = WORLD_ARROW_PX + "px";
    return L.marker(pts[k], { icon: L.divIcon({ html: span, className: "", iconSize: [14, 14] }), interactive: false, keyboard: false });
  }

  function flowTooltip(props, units, dests) {
    var div = document.createElement("div");
    div.className = "cm-tooltip";
    var b = document.createElement("b");
    b.textContent = CM.lang === "zh" ? props.name_zh : props.name_en;
    div.appendChild(b);
    var line = document.createElement("div");
    line.textContent = (CM.strings.flow_units || "Units via this leg") + ": " + fmt(units);
    div.appendChild(line);
    if (dests.length) {
      var d = document.createElement("div");
      d.textContent = (CM.strings.flow_to || "To") + ": " + dests.slice(0, 6).map(function (x) {
        return (CM.nameOf(x[0]) || x[0]) + " " + fmt(x[1]);
      }).join(", ") + (dests.length > 6 ? " …" : "");
      div.appendChild(d);
    }
    return div;
  }

  var MAX_ARROWS = 40;
  var FLOW_COLOR = "#c51b7d";
  // [least width, added width at the largest flow (by the square root of the units), opacity]: at world
  // scale (I.worldScale) the flows stay under the corridor's channels, closer in they carry the numbers.
  // The opacity is the flows' pane's: the lines are opaque in it, so legs sharing a lane do not add up.
  var FLOW_LOOK = { world: [1, 5, 0.3], region: [2, 12, 0.5] };
  var WORLD_ARROWS = 12, WORLD_ARROW_PX = 10;  // at world scale: arrows on the largest flows only, smaller

  function flowLook() { return FLOW_LOOK[CM.internal.worldScale() ? "world" : "region"]; }

  function destinationsOf(id) {
    var units = F.units || {};
    return Object.keys(F.routes).filter(function (c) { return units[c] && F.routes[c].indexOf(id) >= 0; })
      .map(function (c) { return [c, units[c]]; }).sort(function (a, b) { return b[1] - a[1]; });
  }

  function flowLine(id) {
    // one polyline per leg, made once and restyled afterwards
    if (F.lines[id]) return F.lines[id];
    var leg = I.legLayer(id);
    if (!leg) return null;
    var line = L.polyline(latlngs(leg), { pane: CM.pane("flows"), color: FLOW_COLOR, opacity: 1, lineCap: "butt" });
    line.legId = id;
    line.bindTooltip(function () { return flowTooltip(leg.feature.properties, F.legs[id] || 0, destinationsOf(id)); },
      { sticky: true });
    F.lines[id] = line;
    return line;
  }

  function draw() {
    if (!F.layer) {
      F.layer = L.featureGroup([]).addTo(CM.map);
      F.arrows = L.layerGroup().addTo(CM.map);
      F.lines = {};
      CM.layers.flows = F.layer;
      CM.map.on("overlayremove", function (e) { if (e.layer === F.layer) CM.map.removeLayer(F.arrows); });
      CM.map.on("overlayadd", function (e) { if (e.layer === F.layer) CM.map.addLayer(F.arrows); });
      CM.rebuildControls();
    }
    var ids = Object.keys(F.legs).filter(function (id) { return F.legs[id] > 0; });
    ids.sort(function (a, b) { return F.legs[b] - F.legs[a]; });
    var wanted = {}, look = flowLook();
    CM.map.getPane(CM.pane("flows")).style.opacity = String(look[2]);
    ids.forEach(function (id) {
      var line = flowLine(id);
      if (!line) return;
      wanted[id] = true;
      line.setStyle({ weight: look[0] + look[1] * Math.sqrt(F.legs[id] / F.max) });
      if (!F.layer.hasLayer(line)) F.layer.addLayer(line);
    });
    Object.keys(F.lines).forEach(function (id) { if (!wanted[id]) F.layer.removeLayer(F.lines[id]); });
    F.arrows.clearLayers();
    ids.slice(0, CM.internal.worldScale() ? WORLD_ARROWS : MAX_ARROWS).forEach(function (id) {
      var arrow = F.lines[id] && arrowAt(latlngs(F.lines[id]));
      if (arrow) F.arrows.addLayer(arrow);
    });
    highlight();
  }

  function highlight() {
    if (!F.highlight) F.highlight = L.layerGroup().addTo(CM.map);
    F.highlight.clearLayers();
    var wanted = {};
    Object.keys(CM.selection || {}).forEach(function (c) { (F.routes[c] || []).forEach(function (id) { wanted[id] = true; }); });
    F.highlighted = Object.keys(wanted).sort();
    F.highlighted.forEach(function (id) {
      var leg = I.legLayer(id);
      if (!leg) return;
      var pane = CM.pane("highlight");
      F.highlight.addLayer(L.polyline(latlngs(leg), { pane: pane, color: "#ffd400", weight: 9, opacity: 0.55, interactive: false }));
      F.highlight.addLayer(L.polyline(latlngs(leg), { pane: pane, color: "#111111", weight: 2.5, opacity: 0.95, interactive: false }));
    });
  }
  CM.highlightRoutes = highlight;
  CM.events.on("selectionchanged", function () { highlight(); });
  CM.events.on("scalechanged", function () { if (F.layer) draw(); });

  /** ``{legs: {legId: units}, units: {ISO3: units}, routes: {ISO3: [legId…]}}`` */
  CM.setFlows = function (payload) {
    F.legs = payload.legs || {};
    F.units = payload.units || {};
    if (payload.routes) F.routes = payload.routes;
    F.max = Math.max.apply(null, [1].concat(Object.keys(F.legs).map(function (k) { return F.legs[k]; })));
    draw();
    return JSON.stringify({ legs: Object.keys(F.legs).length, highlighted: F.highlighted });
  };

  /** Draw route alternatives side by side: ``[{id, legs: [legId…], color}]`` (empty list clears). */
  CM.showRoutes = function (routes) {
    if (!F.routesLayer) F.routesLayer = L.layerGroup().addTo(CM.map);
    F.routesLayer.clearLayers();
    F.lastRoutes = routes;
    F.shownRoutes = [];
    var bounds = L.latLngBounds([]);
    (routes || []).forEach(function (route, k) {
      (route.legs || []).forEach(function (id) {
        var leg = I.legLayer(id);
        if (!leg) return;
        var line = L.polyline(latlngs(leg), { pane: CM.pane("routes"), color: route.color || "#000", weight: 4, opacity: 0.9,
          dashArray: k % 2 ? "8 6" : null, interactive: false });
        F.routesLayer.addLayer(line);
        bounds.extend(line.getBounds());
      });
      F.shownRoutes.push(route.id || String(k));
    });
    F.bounds = bounds.isValid() ? bounds : null;
    CM.events.fire("routeschanged");  // (the legend lists them)
    return JSON.stringify({ shown: F.shownRoutes, bounds: bounds.isValid() ? [bounds.getSouth(), bounds.getWest(), bounds.getNorth(), bounds.getEast()] : null });
  };

  // The legs now have another level of detail (cm_detail.js): the lines drawn along them follow.
  CM.events.on("detailchanged", function () {
    Object.keys(F.lines || {}).forEach(function (id) {
      var leg = I.legLayer(id);
      if (leg) F.lines[id].setLatLngs(latlngs(leg));
    });
    if (F.layer) draw();
    if (F.routesLayer && F.lastRoutes) CM.showRoutes(F.lastRoutes);
  });

  /** The compared routes' bounds (null when none is drawn): a fact sheet's map frames its country with them. */
  I.routeBounds = function () { return F.bounds || null; };

  /** Where each compared route's legs lie on the map now: {routeId: {legId: [[x, y], …]}} in container
   * pixels, every vertex in view (an export reports them, so a test can look for the route's colour). */
  CM.routePoints = function () {
    var out = {};
    var size = CM.map.getSize();
    (F.lastRoutes || []).forEach(function (route, k) {
      var legs = {};
      (route.legs || []).forEach(function (id) {
        var leg = I.legLayer(id);
        if (!leg) return;
        var points = [];
        latlngs(leg).forEach(function (part) {
          part.forEach(function (ll) {
            var pt = CM.map.latLngToContainerPoint(ll);
            if (pt.x >= 0 && pt.y >= 0 && pt.x <= size.x && pt.y <= size.y) points.push([pt.x, pt.y]);
          });
        });
        legs[id] = points;
      });
      out[route.id || String(k)] = legs;
    });
    return out;
  };

  CM.describeFlows = function () {
    return { legs: F.layer ? F.layer.getLayers().length : 0,
      highlighted: F.highlighted, routes: F.shownRoutes || [] };
  };
})();
