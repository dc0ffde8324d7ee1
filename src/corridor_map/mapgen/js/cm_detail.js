/* Corridor Map page: levels of detail (mapgen/lod.py).
 * The page starts with simplified geometry; lodN.js (next to the page) holds level N, swapped in
 * feature by feature when the zoom (times the device pixel ratio) passes CM.options.detail[N - 1].
 * Each change fires "detailchanged" on CM.events. */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;

  var LOD_LAYERS = ["countries", "lakes", "coastline", "seanet", "sea", "road", "river", "rail"];
  var DETAIL = { level: 0, geometry: {}, loading: {}, waiting: {} };
  // Per feature layer: its geometry at each level loaded so far ({n: latlngs}), its index in its
  // layer's features, and its bounds at level 0 (the same whatever level of detail is shown).
  var levelsOf = new WeakMap(), indexIn = new WeakMap(), boundsOf = new WeakMap();

  function lodGroup(key) { return key === "seanet" ? CM.seaNetwork : CM.layers[key]; }

  /** Every layer of a layer group with levels of detail: for the countries, those of both points of view
   * (only the shown view's are in the group, see applyView in cm_api.js). */
  function eachLodLayer(key, fn) {
    if (key === "countries" && CM.allCountries) { CM.allCountries.forEach(fn); return; }
    var group = lodGroup(key);
    if (group) group.eachLayer(fn);
  }

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
        var levels = levelsOf.get(layer);
        if (!levels) return;
        if (!levels[n]) {
          var g = list && list[indexIn.get(layer)];
          if (!g) return;
          levels[n] = L.GeoJSON.coordsToLatLngs(g.coordinates, nesting(g.type));
        }
        layer.setLatLngs(levels[n]);
      });
    });
    // every layer now holds level n as latlngs: the level's source arrays are not needed again (a
    // third of the page's live heap once level 2 was shown: bench/soak.py, docs/benchmarks.md)
    if (n > 0) DETAIL.geometry[n] = {};
    DETAIL.level = n;
    CM.events.fire("detailchanged", { level: n });
  }

  /** Remember each layer's start geometry as level 0 (CM.init, before any other level is shown). */
  function rememberLevelZero() {
    LOD_LAYERS.forEach(function (key) {
      var index = 0;
      eachLodLayer(key, function (layer) {
        indexIn.set(layer, index++);
        levelsOf.set(layer, { 0: layer.getLatLngs() });
        boundsOf.set(layer, layer.getBounds());
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

  I.detail = {
    lodGroup: lodGroup,
    rememberLevelZero: rememberLevelZero,
    /** The geometry ``layer`` should show at the present level, if it has been loaded. */
    currentLatLngs: function (layer) {
      var levels = levelsOf.get(layer);
      return levels && levels[DETAIL.level];
    },
    /** ``layer``'s bounds, the same whatever level of detail is shown. */
    bounds: function (layer) { return boundsOf.get(layer) || layer.getBounds(); },
  };
})();
