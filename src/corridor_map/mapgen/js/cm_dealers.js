/* Dealer points at scale: sent once as packed arrays, clustered in the page with supercluster,
 * re-clustered per zoom, pan and filter. Never one JS statement per marker. */
(function () {
  "use strict";
  var CM = window.CM;
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
    D.index = new Supercluster({ radius: 48, maxZoom: CM.map.getMaxZoom() - 1, minPoints: 3 }).load(points);
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

  function dealerStyle(i) {
    var approx = D.approx[i] === 1;
    return { radius: 5, weight: approx ? 1.5 : 1, color: approx ? "#7a2a00" : "#ffffff",
      dashArray: approx ? "2 2" : null, fillColor: approx ? "#ffffff" : "#7a2a00", fillOpacity: 1 };
  }

  function draw() {
    if (!D.layer) return;
    D.layer.clearLayers();
    if (!D.index || !CM.map.hasLayer(D.layer)) return;
    var t0 = performance.now();
    var b = CM.map.getBounds();
    var zoom = Math.round(CM.map.getZoom());
    var items = D.index.getClusters([Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()),
      Math.min(180, b.getEast()), Math.min(85, b.getNorth())], zoom);
    items.forEach(function (item) {
      var c = item.geometry.coordinates;
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
          div.textContent = D.names[i] + (D.approx[i] === 1 ? " (" + (CM.strings.approx || "approximate location") + ")" : "");
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

  /** Zoom in to where a cluster breaks apart. */
  CM.zoomToCluster = function (clusterId, latlng) {
    var zoom = Math.min(D.index.getClusterExpansionZoom(clusterId), CM.map.getMaxZoom());
    CM.map.setView(latlng, zoom, { animate: !CM.options.export });
    return zoom;
  };

  /** Dealers as packed little-endian arrays (base64): lon/lat Float32, brand/country Uint16, approx Uint8. */
  CM.setDealers = function (payload) {
    var t0 = performance.now();
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
      CM.map.on("moveend zoomend", draw);
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
    return { total: D.count, shown: D.shown, items: D.lastCluster, indexMs: D.indexMs, clusterMs: D.clusterMs };
  };
})();
