/* Corridor Map export hook: injected into the hidden export view only (runJavaScript, after CM.init;
 * cm_export.css is already in: the export page links it in its head, so the first layout is final).
 * It hides the interactive controls, adds a one-pixel "frame marker" strip under the map, and frames
 * a view: the geometry that zoom needs is swapped in, the canvases (held since loading) draw, fonts
 * load, and the marker takes the colour of the request's token in the same task as the drawing; the
 * page then says so through the bridge (exportReady(token)). Python grabs until the marker shows that
 * colour and two grabs in a row are identical: the image is the final frame, never a stale one. */
(function () {
  "use strict";
  if (window.CMX) return;
  var CMX = { token: 0, last: null };
  var I = CM.internal;
  window.CMX = CMX;

  var marker = document.createElement("div");
  marker.id = "cmx-marker";
  document.body.appendChild(marker);

  // The export sizes the map itself (CMX.frame calls invalidateSize). Leaflet's own window-resize
  // handler would redraw once more ~200 ms later (a debounced moveend), after the grab: turn it off.
  function stopResizeTracking() {
    CM.internal.leaflet.stopResizeTracking(CM.map);
  }
  stopResizeTracking();

  // Canvas renderers draw 10 % beyond each edge by default, for panning; nothing pans here.
  // (SVG renderers too: their drawing is clipped to the map's bounds plus this padding.)
  CM.map.eachLayer(function (layer) {
    if ((L.Canvas && layer instanceof L.Canvas) || (L.SVG && layer instanceof L.SVG)) layer.options.padding = 0;
  });

  // ---- a printed sheet (PDF): title and subtitle above the map, source line and date under it -----
  // The whole page is the sheet (its size in CSS pixels, 96 to the inch); Python prints it with
  // QtWebEngine's printToPdf at the same size in millimetres, so the print layout is the screen layout.
  var A3_WIDTH = 1587;  // CSS pixels of an A3 landscape sheet: the texts' design size
  var sheetStyle = null;

  function element(id, parent, tag) {
    var el = document.getElementById(id);
    if (!el) {
      el = document.createElement(tag || "div");
      el.id = id;
      parent.appendChild(el);
    }
    return el;
  }

  function place(el, left, top, width, height) {
    // (important: the map's own style sizes it with !important, cm_export.css)
    el.style.setProperty("left", left + "px", "important");
    el.style.setProperty("top", top + "px", "important");
    el.style.setProperty("width", width + "px", "important");
    if (height != null) el.style.setProperty("height", height + "px", "important");
  }

  /** Lay the page out as a fact sheet: sheet = {factsheet: true, html, marginMm}: the sheet's HTML in the page's
   * flow (A4 portrait pages of that margin; as many as it takes), the map placed over its map slot
   * (#cm-fs-map-slot), or hidden when it has none. Returns the map's rectangle, or null. */
  function layoutFactSheet(sheet) {
    var body = document.body;
    body.classList.add("cmx-factsheet");
    document.documentElement.classList.add("cmx-factsheet-root");
    if (!sheetStyle) sheetStyle = element("cmx-page-size", document.head, "style");
    sheetStyle.textContent = "@page { size: 210mm 297mm; margin: " + sheet.marginMm + "mm; }";
    var box = element("cmx-fs", body);
    box.innerHTML = sheet.html;
    var container = CM.map.getContainer();
    var slot = document.getElementById("cm-fs-map-slot");
    if (!slot) {
      container.style.setProperty("visibility", "hidden", "important");
      place(container, 0, 0, 100, 100);
      return null;
    }
    container.style.removeProperty("visibility");
    var r = slot.getBoundingClientRect();
    var rect = [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height];
    place(container, rect[0], rect[1], rect[2], rect[3]);
    return rect;
  }

  /** Lay the page out as a sheet: sheet = {width, height, margin, bleed (CSS px), title, subtitle,
   * source, date, lang}. The texts grow with the sheet (A3 is the design size, never smaller than 0.8×),
   * the legend and the map's own labels with them. Returns the map's rectangle [left, top, w, h]. */
  function layoutSheet(sheet) {
    var body = document.body;
    body.classList.add("cmx-sheet");
    var k = Math.max(0.8, Math.sqrt(Math.max(sheet.width, sheet.height) / A3_WIDTH));
    document.documentElement.style.setProperty("--cmx-k", String(k));
    if (!sheetStyle) sheetStyle = element("cmx-page-size", document.head, "style");
    var mm = 25.4 / 96;
    sheetStyle.textContent = "@page { size: " + (sheet.width * mm).toFixed(3) + "mm " + (sheet.height * mm).toFixed(3) +
      "mm; margin: 0; }";
    var edge = sheet.bleed + sheet.margin;
    var inner = sheet.width - 2 * edge;
    var head = element("cmx-head", body);
    head.innerHTML = "";
    [["cmx-title", sheet.title], ["cmx-subtitle", sheet.subtitle]].forEach(function (part) {
      if (!part[1]) return;
      var line = document.createElement("div");
      line.className = part[0];
      line.textContent = part[1];
      head.appendChild(line);
    });
    place(head, edge, edge, inner);
    var foot = element("cmx-foot", body);
    foot.innerHTML = "";
    var source = document.createElement("div");
    source.className = "cmx-source";
    source.textContent = sheet.source;
    var date = document.createElement("div");
    date.className = "cmx-date";
    date.textContent = sheet.date;
    foot.appendChild(source);
    foot.appendChild(date);
    place(foot, edge, 0, inner);
    var footH = foot.offsetHeight;
    foot.style.setProperty("top", (sheet.height - edge - footH) + "px", "important");
    var headH = head.childNodes.length ? head.offsetHeight : 0;
    var top = headH ? edge + headH : edge;
    // with a bleed the map runs over the trim to the sheet's left and right edges
    var left = sheet.bleed > 0 ? 0 : edge;
    var width = sheet.bleed > 0 ? sheet.width : inner;
    var height = sheet.height - edge - footH - top;
    place(CM.map.getContainer(), left, top, width, height);
    return [left, top, width, height];
  }

  function whenSized(width, height, done, tries) {
    // The view's resize reaches the page asynchronously: wait until the viewport has the new size.
    var ok = Math.abs(window.innerWidth - width) <= 1 && Math.abs(window.innerHeight - height) <= 1;
    if (ok || tries > 600) { done(ok); return; }
    requestAnimationFrame(function () { whenSized(width, height, done, tries + 1); });
  }

  function fontsLoaded(lang, done) {
    if (!document.fonts) { done(); return; }
    var cjk = "12px 'Corridor Map CJK'";
    // Laid out now, the page knows which fonts it uses: when all are in, the marker goes into the same
    // frame as the canvases just drawn. (A later frame hands every canvas to the compositor once more:
    // 7 × ~35 ms at 3840×2160, docs/benchmarks.md.)
    void document.body.offsetWidth;
    if (document.fonts.status === "loaded" && (lang !== "zh" || !document.fonts.check || document.fonts.check(cjk, "图例"))) {
      done();
      return;
    }
    var loads = [];
    if (lang === "zh" && document.fonts.load) {
      loads.push(document.fonts.load(cjk, "图例").catch(function () { return null; }));
    }
    Promise.all(loads).then(function () { return document.fonts.ready; }).then(done, done);
  }

  function rect(el) {
    if (!el || el.offsetParent === null) return null;
    var r = el.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height];
  }

  function selectedPoints() {
    // Each selected country's label point on screen, and the fill it is drawn with (for tests).
    var out = {};
    if (!CM.layers.countries || !CM.selection) return out;
    CM.layers.countries.eachLayer(function (l) {
      var p = l.feature.properties;
      if (!CM.selection[p.iso3] || out[p.iso3] || p.label_lat == null) return;
      var pt = CM.map.latLngToContainerPoint([p.label_lat, p.label_lon]);
      out[p.iso3] = { point: [pt.x, pt.y], fill: l.options.fillColor };
    });
    return out;
  }

  function isCurrentView(view) {
    // True when a reset to this view would give exactly the map's present state (same zoom, map pane
    // at 0,0, same pixel origin), as right after loading: then a reset would only project and draw
    // every layer once more, for the same pixels.
    var map = CM.map;
    if (map.getZoom() !== view[2]) return false;
    var pane = L.DomUtil.getPosition(map.getPane("mapPane"));
    if (pane.x !== 0 || pane.y !== 0) return false;
    var origin = map.project(L.latLng(view[0], view[1]), view[2]).subtract(map.getSize().divideBy(2)).round();
    return origin.equals(map.getPixelOrigin());
  }

  function withReset(fn) {
    // Every view change inside fn resets the map's pixel origin (Leaflet's setView {reset: true}),
    // so the same view at the same size gives the same pixels, whatever the map showed before.
    var map = CM.map;
    var original = map.setView;
    map.setView = function (center, zoom, options) {
      return original.call(map, center, zoom, L.extend({}, options || {}, { reset: true, animate: false }));
    };
    try {
      return fn();
    } finally {
      map.setView = original;
    }
  }

  function tokenColour(token) {
    // Consecutive tokens differ by 73/151 in red/green: a stale marker never passes for a new one.
    return "rgb(" + ((token * 73) % 256) + ", " + ((token * 151) % 256) + ", 77)";
  }

  function report(token, sized, timing) {
    var visible = Object.keys(CM.layers).filter(CM.isShown);
    var box = CM.map.getContainer().getBoundingClientRect();
    CMX.last = {
      map: [box.left, box.top, box.width, box.height],
      token: token,
      sized: sized,
      viewport: [window.innerWidth, window.innerHeight],
      legend: rect(document.getElementById("cm-legend")),
      dataLabel: rect(document.getElementById("cm-data-label")),
      visible: visible,
      zoom: CM.map.getZoom(),
      detail: CM.detailLevel(),
      center: [CM.map.getCenter().lat, CM.map.getCenter().lng],
      selected: selectedPoints(),
      routes: CM.routePoints ? CM.routePoints() : {},
      timing: timing,
    };
    if (CM.bridge && CM.bridge.exportReady) CM.bridge.exportReady(String(token));
  }

  /** Frame a view and report when it is drawn: opts = {token, width, height, fit, view, lang}; width and
   * height are the page's (the map and the marker strip), and with opts.sheet (layoutSheet) the sheet's. */
  CMX.frame = function (opts) {
    var token = opts.token;
    var t0 = performance.now();
    var timing = {};
    var sized = false;
    CMX.token = token;
    if (opts.sheet) timing.mapRect = opts.sheet.factsheet ? layoutFactSheet(opts.sheet) : layoutSheet(opts.sheet);

    function current() { return CMX.token === token; }

    function frameView() {
      timing.sized = performance.now() - t0;
      stopResizeTracking();
      CM.map.invalidateSize({ animate: false, pan: false });
      timing.resized = performance.now() - t0;
      withReset(function () {
        var framed = false;
        var extra = opts.fitRoutes && I.routeBounds ? I.routeBounds() : null;
        if (opts.fit && opts.fit.length) framed = CM.fitCountries(opts.fit, false, extra);
        timing.kept = !framed && !!opts.view && isCurrentView(opts.view);
        if (!framed && opts.view && !timing.kept) CM.map.setView([opts.view[0], opts.view[1]], opts.view[2]);
      });
      I.placeLegendAfresh();
      timing.framed = performance.now() - t0;
      CM.updateDetail(function () { if (current()) draw(); });  // the geometry this zoom needs (mapgen/lod.py)
    }

    function draw() {
      CM.releaseDrawing();  // everything held since loading is drawn once, now
      timing.detail = performance.now() - t0;
      fontsLoaded(opts.lang, function () {
        if (!current()) return;
        timing.fonts = performance.now() - t0;
        // The canvases were drawn synchronously: the frame that commits the marker colour commits
        // them too, and Python grabs until the marker shows and two grabs in a row are identical.
        timing.drawn = performance.now() - t0;
        marker.style.background = tokenColour(token);
        report(token, sized, timing);
      });
    }

    whenSized(opts.width, opts.height, function (ok) {
      sized = ok;
      if (current()) frameView();
    }, 0);
    return token;
  };

  CMX.info = function () { return JSON.stringify(CMX.last); };
})();
