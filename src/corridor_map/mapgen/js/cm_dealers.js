/* Dealer points at scale: sent once as packed arrays, clustered in the page with supercluster,
 * re-clustered per zoom, pan and filter. Never one JS statement per marker. */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;
  var D = {
    lon: null, lat: null, brand: null, country: null, approx: null, names: null,
    count: 0, index: null, shown: 0, layer: null, allowedBrands: null, allowedCountries: null,
    lastCluster: 0, clusterMs: 0, indexMs: 0,
  };
  CM.dealers = D;

  function decode(b64, Type) {
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Type(bytes.buffer);
  }

  function visible(i) {
    return (!D.allowedBrands || D.allowedBrands[D.brand[i]]) && (!D.allowedCountries || D.allowedCountries[D.country[i]]);
  }

  function buildIndex() {
    var t0 = performance.now();
    var points = [];
    for (var i = 0; i < D.count; i++) {
      if (visible(i)) points.push({ geometry: { coordinates: [D.lon[i], D.lat[i]] }, i: i });
    }
    D.shown = points.length;
    D.index = new Supercluster({ radius: 60, minZoom: 2, maxZoom: 8, minPoints: 3 }).load(points);
    D.indexMs = performance.now() - t0;
  }

  function clusterIcon(count) {
    var size = count < 10 ? 26 : count < 100 ? 32 : count < 1000 ? 38 : 46;
    var div = document.createElement("div");
    div.className = "cm-cluster";
    div.style.width = div.style.height = size + "px";
    div.style.lineHeight = size + "px";
    div.textContent = count >= 1000 ? Math.round(count / 1000) + "k" : String(count);
    return L.divIcon({ html: div, className: "", iconSize: [size, size] });
  }

  // D.approx: 0 at its coordinates, 1 at its country's centre (approximate: hollow, dashed), 2 at its city
  function dealerStyle(i) {
    var approx = D.approx[i] === 1;
    return { radius: 5, weight: approx ? 1.5 : 1, color: approx ? "#7a2a00" : "#ffffff",
      dashArray: approx ? "2 2" : null, fillColor: approx ? "#ffffff" : "#7a2a00", fillOpacity: 1 };
  }

  // Up to this many clusters and points in view, each is a Leaflet object (tooltips, DOM clusters);
  // beyond it, all are painted on one canvas and clicks are matched to the nearest item.
  var MAX_OBJECTS = 1500;

  var Dots = L.Layer.extend({
    onAdd: function (map) {
      this.map = map;
      this.canvas = L.DomUtil.create("canvas", "cm-dots");
      map.getPane(CM.pane("dealers")).appendChild(this.canvas);
      this.hits = [];
    },
    onRemove: function () { L.DomUtil.remove(this.canvas); this.hits = []; },
    paint: function (items) {
      var map = this.map, size = map.getSize(), ratio = window.devicePixelRatio || 1, c = this.canvas;
      c.width = size.x * ratio; c.height = size.y * ratio;
      c.style.width = size.x + "px"; c.style.height = size.y + "px";
      L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
      var g = c.getContext("2d");
      g.scale(ratio, ratio);
      g.font = "bold 11px sans-serif"; g.textAlign = "center"; g.textBaseline = "middle";
      var hits = [];
      items.forEach(function (item) {
        var co = item.geometry.coordinates, pt = map.latLngToContainerPoint([co[1], I.frameLng(co[0])]);
        if (item.properties && item.properties.cluster) {
          var n = item.properties.point_count, r = n < 10 ? 13 : n < 100 ? 16 : n < 1000 ? 19 : 23;
          g.beginPath(); g.arc(pt.x, pt.y, r, 0, 2 * Math.PI);
          g.fillStyle = "rgba(253,174,97,0.9)"; g.fill(); g.lineWidth = 2; g.strokeStyle = "#b35806"; g.stroke();
          g.fillStyle = "#3a1f00"; g.fillText(n >= 1000 ? Math.round(n / 1000) + "k" : String(n), pt.x, pt.y);
          hits.push([pt.x, pt.y, r, item.properties.cluster_id, null, co]);
        } else {
          var approx = D.approx[item.i] === 1;
          g.beginPath(); g.arc(pt.x, pt.y, 4, 0, 2 * Math.PI);
          g.fillStyle = approx ? "#ffffff" : "#7a2a00"; g.fill();
          g.lineWidth = 1; g.strokeStyle = approx ? "#7a2a00" : "#ffffff"; g.stroke();
          hits.push([pt.x, pt.y, 6, null, item.i, co]);
        }
      });
      this.hits = hits;
    },
    hit: function (point) {
      var best = null, bestD = Infinity;
      this.hits.forEach(function (h) {
        var d = Math.hypot(h[0] - point.x, h[1] - point.y);
        if (d <= h[2] && d < bestD) { best = h; bestD = d; }
      });
      return best;
    },
  });

  // The painted dots answer the pointer through the page's router (cm_pointer.js), above the layers
  // beneath them: a click on a dot or a group is theirs, a click beside them reaches the countries.
  var dotsSource = {
    zIndex: function () {
      return D.dots && CM.map.hasLayer(D.dots) ? parseInt(CM.map.getPane(CM.pane("dealers")).style.zIndex, 10) + 0.5
        : -Infinity;
    },
    hit: function (point, type) {
      if (type !== "click" && type !== "mousemove") return null;
      return D.dots.hit(CM.map.layerPointToContainerPoint(point));
    },
    fire: function (e, type, h) {
      if (type !== "click") return;
      if (h[3] !== null) CM.zoomToCluster(h[3], [h[5][1], I.frameLng(h[5][0])]);
      else if (CM.bridge && CM.bridge.dealerClicked) CM.bridge.dealerClicked(h[4], !!(e.ctrlKey || e.shiftKey || e.metaKey));
    },
    out: function () {},
  };

  function draw() {
    if (!D.layer) return;
    D.layer.clearLayers();
    if (!D.index || !CM.map.hasLayer(D.layer)) return;
    var t0 = performance.now();
    var b = CM.map.getBounds();
    var zoom = Math.round(CM.map.getZoom());
    // (in the China-centred world the box goes beyond 180°: supercluster folds and splits it itself)
    var framed = CM.options && CM.options.edge != null;
    var items = D.index.getClusters([framed ? b.getWest() : Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()),
      framed ? b.getEast() : Math.min(180, b.getEast()), Math.min(85, b.getNorth())], zoom);
    // (a page for PDF draws every item as an object: a painted canvas would print as a bitmap)
    D.painted = items.length > MAX_OBJECTS && !(CM.options && CM.options.vector);
    if (D.painted) {
      D.dots = D.dots || new Dots();
      D.layer.addLayer(D.dots);
      D.dots.paint(items);
      D.lastCluster = items.length;
      D.clusterMs = performance.now() - t0;
      return;
    }
    items.forEach(function (item) {
      var c = [I.frameLng(item.geometry.coordinates[0]), item.geometry.coordinates[1]];
      if (item.properties && item.properties.cluster) {
        var m = L.marker([c[1], c[0]], { icon: clusterIcon(item.properties.point_count), keyboard: false });
        m.clusterId = item.properties.cluster_id;
        m.on("click", function () { CM.zoomToCluster(m.clusterId, [c[1], c[0]]); });
        D.layer.addLayer(m);
      } else {
        var i = item.i;
        var style = dealerStyle(i);
        style.pane = CM.pane("dealers");
        var p = L.circleMarker([c[1], c[0]], style);
        p.dealerIndex = i;
        if (D.names) p.bindTooltip(function () {
          var div = document.createElement("div");
          div.className = "cm-tooltip";
          var where = D.approx[i] === 1 ? " (" + (CM.strings.approx || "approximate location") + ")"
            : D.approx[i] === 2 ? " (" + (CM.strings.city_position || "city position") + ")" : "";
          div.textContent = D.names[i] + where;
          return div;
        }, { direction: "top", offset: [0, -4] });
        p.on("click", function (e) {
          if (CM.bridge && CM.bridge.dealerClicked) CM.bridge.dealerClicked(i, !!(e.originalEvent && (e.originalEvent.ctrlKey || e.originalEvent.shiftKey)));
        });
        D.layer.addLayer(p);
      }
    });
    D.lastCluster = items.length;
    D.clusterMs = performance.now() - t0;
  }

  // Points are grouped up to the index's maxZoom (8): from 9 every dealer is a dot of its own.
  var UNGROUPED_ZOOM = 9;

  /** Highlight dealer ``index`` (its position in the dealers sent) and bring it into view at a zoom where
   * it is not in a group, flying when ``animate``; -1 forgets the highlight. */
  CM.focusDealer = function (index, animate) {
    if (D.focus) CM.map.removeLayer(D.focus);
    D.focus = null;
    D.focused = index >= 0 && index < D.count ? index : -1;
    if (D.focused < 0) return -1;
    var at = L.latLng(D.lat[index], I.frameLng(D.lon[index]));
    D.focus = L.circleMarker(at, { pane: CM.pane("highlight"), radius: 11, color: "#ffd400", weight: 4,
      fill: false, interactive: false, className: "cm-focus-ring" }).addTo(CM.map);
    var zoom = Math.max(CM.map.getZoom(), UNGROUPED_ZOOM);
    if (animate) CM.map.flyTo(at, zoom, { duration: 0.8 });
    else CM.map.setView(at, zoom, { animate: false });
    return index;
  };

  /** Zoom in to where a cluster breaks apart. */
  CM.zoomToCluster = function (clusterId, latlng) {
    var zoom = Math.min(D.index.getClusterExpansionZoom(clusterId), CM.map.getMaxZoom());
    CM.map.setView(latlng, zoom, { animate: !CM.options.export });
    return zoom;
  };

  /** Dealers as packed little-endian arrays (base64): lon/lat Float32, brand/country Uint16, approx Uint8. */
  CM.setDealers = function (payload) {
    var t0 = performance.now();
    if (D.focus) CM.map.removeLayer(D.focus);  // a new dataset: no dealer of the old one stays picked
    D.focus = null;
    D.focused = -1;
    D.count = payload.count;
    D.lon = decode(payload.lon, Float32Array);
    D.lat = decode(payload.lat, Float32Array);
    D.brand = decode(payload.brand, Uint16Array);
    D.country = decode(payload.country, Uint16Array);
    D.approx = decode(payload.approx, Uint8Array);
    D.names = payload.names || null;
    D.filterKey = null;
    D.allowedBrands = D.allowedCountries = null;
    D.brandNames = payload.brands || [];
    D.countryCodes = payload.countries || [];
    if (!D.layer) {
      D.layer = L.layerGroup().addTo(CM.map);
      CM.layers.dealers = D.layer;
      CM.map.on("moveend zoomend resize", draw);
      CM.pointer.addSource(dotsSource);
      CM.map.on("overlayadd", function (e) { if (e.layer === D.layer) draw(); });
      CM.rebuildControls();
    }
    buildIndex();
    draw();
    return JSON.stringify({ count: D.count, shown: D.shown, ms: performance.now() - t0, indexMs: D.indexMs });
  };

  /** Show only these brands and countries (null = all); re-clusters without resending the points. */
  CM.filterDealers = function (brands, countries) {
    function mask(list, names) {
      if (!list) return null;
      var wanted = {}; list.forEach(function (x) { wanted[x] = true; });
      var m = {}; names.forEach(function (n, k) { if (wanted[n]) m[k] = true; });
      return m;
    }
    var key = JSON.stringify([brands, countries]);
    if (key === D.filterKey) return JSON.stringify({ shown: D.shown, ms: 0, unchanged: true });
    D.filterKey = key;
    var t0 = performance.now();
    D.allowedBrands = mask(brands, D.brandNames || []);
    D.allowedCountries = mask(countries, D.countryCodes || []);
    if (D.count) { buildIndex(); draw(); }
    return JSON.stringify({ shown: D.shown, ms: performance.now() - t0 });
  };

  CM.describeDealers = function () {
    return { total: D.count, shown: D.shown, items: D.lastCluster, painted: !!D.painted, indexMs: D.indexMs,
      clusterMs: D.clusterMs, focused: D.focused == null ? -1 : D.focused };
  };
})();
