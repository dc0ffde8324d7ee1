/* Corridor Map page: the controls and labels (layer list, attribution, data label, port labels) and what the layers show and do under the pointer (tooltips, clicks to the bridge). */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;
  var LAYER_STYLES = I.LAYER_STYLES, text = I.text, s = I.s;

  var MODES = ["sea", "road", "river", "rail"];
  // Permanent labels, most important first: [port id, preferred side, from zoom, short name below zoom
  // FULL_NAMES_ZOOM ({en, zh}) or none]. Other ports and hubs are named on hover. A label that would
  // overlap an earlier one, a control (the legend) or the map's edge tries the other sides, else is left out.
  var PORT_LABELS = [
    ["CN-TJC", "left", 0, { en: "Chongqing", zh: "重庆" }], ["CNQZH", "bottom", 0], ["CNSHA", "right", 0],
    ["SGSIN", "right", 0], ["CNCKG", "right", 6], ["CNNNG", "right", 6], ["CNBIH", "right", 6], ["CNFAN", "left", 6],
    ["VNHAN", "left", 5], ["LAVTE", "left", 5], ["CN-ALA", "top", 4], ["DEDUI", "top", 4], ["PL-MAL", "bottom", 5],
    ["KZ-DOS", "bottom", 5], ["CNKMG", "left", 6],
  ];
  var FULL_NAMES_ZOOM = 6;
  var SIDES = ["right", "left", "top", "bottom"];
  var OFFSETS = { left: [-3, 0], right: [3, 0], top: [0, -3], bottom: [0, 3] };  // (Leaflet adds 6 px)
  var LABEL_GAP = 2;  // px kept between a label and anything else
  // px: a label lies this close to its port's dot or closer (its side's offset, Leaflet's 6 px, the gap), so
  // a port further outside the map cannot have a label wholly inside it and is not tried
  var LABEL_REACH = 3 + 6 + LABEL_GAP + 1;

  function modifierPressed(e) {
    var o = e && e.originalEvent;
    return !!(o && (o.ctrlKey || o.shiftKey || o.metaKey));
  }

  function restyleLeg(layer) {
    if (CM.highlightLegs && CM.highlightLegs[layer.feature.properties.id]) layer.setStyle({ opacity: 1, stroke: true });
  }

  function bindCorridorTooltips() {
    MODES.forEach(function (mode) {
      if (!CM.layers[mode]) return;
      CM.layers[mode].eachLayer(function (layer) {
        layer.bindTooltip(function () { return I.legTooltip(layer.feature.properties); }, { sticky: true, opacity: 0.95 });
        layer.on("mouseover", function () {
          layer.setStyle({ weight: (layer.options.weight || 2) + 2, opacity: 1, stroke: true });
        });
        layer.on("mouseout", function () { layer.setStyle(LAYER_STYLES[mode](layer.feature)); restyleLeg(layer); });
      });
    });
    if (!CM.layers.ports) return;
    CM.layers.ports.eachLayer(function (layer) {
      var p = layer.feature.properties;
      layer.bindTooltip(function () { return I.portTooltip(p); }, { direction: "right", offset: [6, 0], opacity: 0.95 });
      layer.on("click", function () {  // its card (no country is selected)
        if (p.id && CM.bridge && CM.bridge.portClicked) CM.bridge.portClicked(p.id);
      });
    });
  }

  function bindCountryTooltips() {
    CM.allCountries.forEach(function (layer) {
      layer.bindTooltip(function () { return text("div", CM.countryName(layer.feature.properties), "cm-tooltip"); },
        { sticky: true, direction: "top", opacity: 0.95 });
      layer.on("mouseover", function () {
        if (!CM.selection[layer.feature.properties.iso3]) layer.setStyle({ weight: 1.6, color: "#333" });
      });
      layer.on("mouseout", function () { layer.setStyle(I.countryStyle(layer.feature)); });
      layer.on("click", function (e) {
        var iso3 = layer.feature.properties.iso3;
        if (iso3 && CM.bridge && CM.bridge.countryClicked) CM.bridge.countryClicked(iso3, modifierPressed(e));
      });
    });
  }

  function visible(el) {
    return !!el && el.getClientRects().length > 0 && window.getComputedStyle(el).visibility !== "hidden";
  }

  /** Client rectangles (L.Bounds, page pixels) of the map's controls and what floats over the map. */
  function controlRects() {
    var els = CM.map.getContainer().querySelectorAll(".leaflet-control, .cm-year-badge");
    return Array.prototype.filter.call(els, visible).map(function (el) { return clientBounds(el, 0); });
  }

  function clientBounds(el, grow) {
    var r = el.getBoundingClientRect();
    return L.bounds([r.left - grow, r.top - grow], [r.right + grow, r.bottom + grow]);
  }

  function overlapsAny(b, others) {
    for (var i = 0; i < others.length; i++) if (b.overlaps(others[i])) return true;
    return false;
  }

  function labelText(p, spec, zoom) {
    var short = spec[3];
    if (short && zoom < FULL_NAMES_ZOOM) return CM.lang === "zh" ? short.zh : short.en;
    return I.localName(p);
  }

  var shownLabels = {};  // port id → its label on the map now (kept while it still fits: no flicker)

  function dropLabel(label) {
    var el = label.getElement();
    CM.portLabels.removeLayer(label);
    if (el) L.DomUtil.remove(el);  // at once, not faded out: it is no longer there to collide with
  }

  function makeLabel(layer, side, name) {
    var label = L.tooltip({ permanent: true, direction: side, offset: OFFSETS[side], className: "cm-port-label",
      interactive: false }).setLatLng(layer.getLatLng()).setContent(text("span", name));
    label.portId = layer.feature.properties.id;
    label.labelText = name;
    return label.addTo(CM.portLabels);
  }

  /** The permanent port labels, placed in priority order where they collide with nothing. */
  function buildPortLabels() {
    if (!CM.layers.ports) return;
    if (!CM.portLabels) {
      CM.portLabels = L.layerGroup().addTo(CM.map);
      watchControls();
    }
    var kept = {};
    if (CM.map.hasLayer(CM.layers.ports)) kept = placeLabels();
    Object.keys(shownLabels).forEach(function (id) {
      if (kept[id] !== shownLabels[id] && CM.portLabels.hasLayer(shownLabels[id])) dropLabel(shownLabels[id]);
    });
    shownLabels = kept;
  }

  function placeLabels() {
    var zoom = CM.map.getZoom(), byId = {}, points = {}, kept = {}, size = CM.map.getSize();
    CM.layers.ports.eachLayer(function (layer) { byId[layer.feature.properties.id] = layer; });
    var specs = PORT_LABELS.filter(function (spec) {
      if (!byId[spec[0]] || zoom < spec[2]) return false;
      var c = points[spec[0]] = CM.map.latLngToContainerPoint(byId[spec[0]].getLatLng());
      // (each try costs the page a layout)
      return c.x >= -LABEL_REACH && c.y >= -LABEL_REACH && c.x <= size.x + LABEL_REACH && c.y <= size.y + LABEL_REACH;
    });
    var box = CM.map.getContainer().getBoundingClientRect();
    var inside = L.bounds([box.left, box.top], [box.right, box.bottom]);
    var taken = controlRects();
    placedAmong = boxesKey(taken);
    // the labelled hubs' own dots are not covered by another hub's label
    var dots = specs.map(function (spec) {
      var c = points[spec[0]];
      return L.bounds([box.left + c.x - 6, box.top + c.y - 6], [box.left + c.x + 6, box.top + c.y + 6]);
    });
    // groups of dealers are avoided where a side is free of them, else covered (the hubs come first); not
    // in an export, whose picture must not depend on when the groups were last regrouped
    var groups = CM.options.export ? [] : Array.prototype.filter.call(
      CM.map.getContainer().querySelectorAll(".cm-cluster"), visible).map(function (el) { return clientBounds(el, 0); });
    specs.forEach(function (spec, k) {
      var id = spec[0], layer = byId[id], old = shownLabels[id], name = labelText(layer.feature.properties, spec, zoom);
      var blockers = taken.concat(dots.filter(function (d, j) { return j !== k; }));
      var sides = [spec[1]].concat(SIDES.filter(function (side) { return side !== spec[1]; }));
      [blockers.concat(groups), blockers].some(function (avoid) {
        for (var i = 0; i < sides.length; i++) {
          var same = old && old.options.direction === sides[i] && old.labelText === name && CM.portLabels.hasLayer(old);
          var label = same ? old : makeLabel(layer, sides[i], name);
          var b = clientBounds(label.getElement(), LABEL_GAP);
          if (inside.contains(b) && !overlapsAny(b, avoid)) {
            taken.push(b);
            kept[id] = label;
            return true;
          }
          if (!same) dropLabel(label);
        }
        return false;
      });
    });
    return kept;
  }

  var relabel = null;
  var placedAmong = null;  // the controls' boxes the labels were last placed among (boxesKey)

  function boxesKey(boxes) {
    return boxes.map(function (b) { return [b.min.x, b.min.y, b.max.x, b.max.y].map(Math.round).join(","); }).join(";");
  }

  /** The labels are placed again when a control changes (the legend opened, closed or rebuilt), and when
   * the map's element changes size (at once: an export's frame is grabbed with the labels of its size). */
  function watchControls() {
    if (window.ResizeObserver) new window.ResizeObserver(function () { buildPortLabels(); }).observe(CM.map.getContainer());
    var corner = CM.map.getContainer().querySelector(".leaflet-control-container");
    if (!corner || !window.MutationObserver) return;
    new window.MutationObserver(function (records) {
      var moved = records.some(function (r) {
        var el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        return !(el && el.closest(".leaflet-control-scale, .leaflet-control-attribution"));
      });
      if (!moved || relabel !== null) return;
      relabel = window.requestAnimationFrame(function () {
        relabel = null;
        // (a control whose text changed in the same box, as the legend's route row on a selection: the
        // labels stay where they are)
        if (boxesKey(controlRects()) !== placedAmong) buildPortLabels();
      });
    }).observe(corner, { childList: true, subtree: true, attributes: true, attributeFilter: ["class", "style"] });
  }

  /** The rectangle of the element this selector finds in map container pixels (L.Bounds), or null when
   * it is not shown on the map. */
  function boundsOf(selector) {
    var el = CM.map.getContainer().querySelector(selector);
    if (!visible(el)) return null;
    var r = el.getBoundingClientRect(), box = CM.map.getContainer().getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return null;
    return L.bounds([r.left - box.left, r.top - box.top], [r.right - box.left, r.bottom - box.top]);
  }

  function legendBounds() { return boundsOf("#cm-legend"); }

  /** How Leaflet's fitBounds frames ``bounds`` with these paddings (L.Point): {zoom, center}. */
  function framing(bounds, topLeft, bottomRight) {
    var map = CM.map;
    var zoom = Math.min(map.getBoundsZoom(bounds, false, topLeft.add(bottomRight)), 6);
    var sw = map.project(bounds.getSouthWest(), zoom), ne = map.project(bounds.getNorthEast(), zoom);
    var centre = sw.add(ne).divideBy(2).add(bottomRight.subtract(topLeft).divideBy(2));
    return { zoom: zoom, center: map.unproject(centre, zoom) };
  }

  /** Where ``bounds`` falls in the map container (L.Bounds) when the map shows ``frame``. */
  function placed(frame, bounds) {
    var map = CM.map, half = map.getSize().divideBy(2), c = map.project(frame.center, frame.zoom);
    return L.bounds(map.project(bounds.getSouthWest(), frame.zoom).subtract(c).add(half),
      map.project(bounds.getNorthEast(), frame.zoom).subtract(c).add(half));
  }

  var FRAME_PADDING = 16;  // px around a framed box
  var LEAST_FRAME_ZOOM = 1;  // a box is never framed further out

  /** The view at ``zoom`` that puts ``bounds``' north-west corner at container point ``corner``. */
  function framedAt(bounds, zoom, corner) {
    var map = CM.map, nw = map.project(bounds.getNorthWest(), zoom);
    return { zoom: zoom, center: map.unproject(nw.add(map.getSize().divideBy(2)).subtract(corner), zoom) };
  }

  /** The ways ``bounds`` can sit in the map at ``zoom`` (with FRAME_PADDING): centred, then pushed away
   * from the legend along, across, and both. */
  function placements(bounds, zoom, legend, pad) {
    var map = CM.map, size = map.getSize();
    var span = map.project(bounds.getSouthEast(), zoom).subtract(map.project(bounds.getNorthWest(), zoom));
    var mid = legend.getCenter(), centred = size.subtract(span).divideBy(2);
    var x = mid.x > size.x / 2 ? pad : size.x - pad - span.x, y = mid.y > size.y / 2 ? pad : size.y - pad - span.y;
    return [centred, L.point(centred.x, y), L.point(x, centred.y), L.point(x, y)].map(function (corner) {
      return framedAt(bounds, zoom, corner);
    });
  }

  /** The view ({zoom, center}) that shows all of ``bounds`` with ``keepClear`` (L.LatLngBounds or null)
   * not under the legend, the data label or the sources line: the largest zoom at which some placement
   * of ``bounds`` (centred, or pushed away from the legend) leaves ``keepClear`` uncovered; Leaflet's own
   * framing without a legend.
   * ``padding``: px kept free around ``bounds`` (FRAME_PADDING when not given); ``zoomOut``: how many
   * zoom levels out of Leaflet's framing it may go (down to LEAST_FRAME_ZOOM when not given), Leaflet's
   * framing if no clear view is found within them. */
  function frameClearOfLegend(bounds, keepClear, padding, zoomOut) {
    var map = CM.map, least = map.options.minZoom;
    map.options.minZoom = Math.min(least == null ? 0 : least, LEAST_FRAME_ZOOM);  // (measured, then put back)
    try {
      var px = padding == null ? FRAME_PADDING : padding;
      var pad = L.point(px, px), plain = framing(bounds, pad, pad);
      var legend = legendBounds();
      if (!legend || !keepClear) return plain;
      // the data label (top left) and the sources line (bottom left) are kept off it as well: they are
      // opaque, and in a small map each is a corner's worth
      var others = [boundsOf("#cm-data-label"), boundsOf(".leaflet-control-attribution")].filter(Boolean);
      var step = map.options.zoomSnap || 0.25;
      var floor = zoomOut == null ? LEAST_FRAME_ZOOM : Math.max(LEAST_FRAME_ZOOM, plain.zoom - zoomOut);
      for (var zoom = plain.zoom; zoom >= floor - 1e-9; zoom -= step) {
        var clear = placements(bounds, zoom, legend, px).filter(function (frame) {
          var box = placed(frame, keepClear);
          return !box.overlaps(legend) && !others.some(function (b) { return box.overlaps(b); });
        });
        if (clear.length) return clear[0];
      }
      return plain;
    } finally {
      map.options.minZoom = least;
    }
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
    // Folded to its button in the window whatever its size (it opens under the pointer): a rebuild
    // (language, new layer) must not leave it open over the map. An export page hides its controls.
    CM.layerControl = L.control.layers(null, overlays, { collapsed: !CM.options.export, position: "topright" })
      .addTo(CM.map);
  }

  var attribution = null;  // the text now added to the map's attribution control

  function setAttribution() {
    var a = CM.map.attributionControl;
    // bottom left, beside the scale: the sources do not push the legend (bottom right) up the map
    if (a.getPosition() !== "bottomleft") a.setPosition("bottomleft");
    a.setPrefix("Leaflet");
    if (attribution) a.removeAttribution(attribution);
    attribution = (CM.pov === "ne" ? s("attribution_ne", s("attribution", "Made with Natural Earth"))
      : s("attribution", "Made with Natural Earth")).replace(/[<>&]/g, "");
    a.addAttribution(attribution);
  }

  var DataLabel = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function () {
      var div = text("div", CM.dataLabel, "cm-data-label");
      div.id = "cm-data-label";
      return div;
    },
  });

  /** The label saying whose data the map shows, at the top of its corner under the zoom buttons. It is
   * kept (its text changed) when the data changes: added again, it would go below a legend standing in
   * that corner, down into the middle of a small map. */
  function buildDataLabel() {
    var control = CM.dataLabelControl;
    if (!CM.dataLabel) {
      if (control) control.remove();
      CM.dataLabelControl = null;
    } else if (control && control.getContainer().parentNode) {
      if (control.getContainer().textContent === CM.dataLabel) return;
      control.getContainer().textContent = CM.dataLabel;
    } else {
      control = CM.dataLabelControl = new DataLabel().addTo(CM.map);
      var div = control.getContainer(), legend = document.getElementById("cm-legend");
      if (legend && legend.parentNode === div.parentNode) div.parentNode.insertBefore(div, legend);
    }
    if (I.placeLegend) I.placeLegend();  // (what each corner leaves free changed)
  }

  L.extend(I, {
    bindCorridorTooltips: bindCorridorTooltips,
    bindCountryTooltips: bindCountryTooltips,
    modifierPressed: modifierPressed,
    buildPortLabels: buildPortLabels,
    frameClearOfLegend: frameClearOfLegend,
    buildLayerControl: buildLayerControl,
    setAttribution: setAttribution,
    buildDataLabel: buildDataLabel,
  });
})();
