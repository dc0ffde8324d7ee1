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
  };

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

  function countryStyle(feature) {
    var p = feature.properties;
    var internal = isInternal(p);
    if (CM.selection[p.iso3]) {
      return { fillColor: choroplethColor(p.iso3) || STYLE.land, fillOpacity: 1, color: "#111111", weight: 2.6,
        dashArray: null };
    }
    return {
      fillColor: choroplethColor(p.iso3) || STYLE.land,
      fillOpacity: 1,
      color: internal ? "#a9a9a9" : STYLE.border,
      weight: internal ? 0.6 : 0.7,
      dashArray: internal ? "3 3" : null,
    };
  }

  var LAYER_STYLES = {
    graticule: function () { return { color: STYLE.graticule, weight: 0.6, dashArray: "2 4", interactive: false }; },
    countries: countryStyle,
    lakes: function () { return { color: "#9cc0da", weight: 0.5, fillColor: STYLE.ocean, fillOpacity: 1 }; },
    coastline: function () { return { color: STYLE.coast, weight: 0.8, interactive: false }; },
  };

  function restyle() {
    Object.keys(CM.layers).forEach(function (key) {
      var style = LAYER_STYLES[key];
      if (style) CM.layers[key].setStyle(style);
    });
    raiseSelection();
    CM.restyles += 1;
  }

  function countryLayers(codes) {
    var wanted = {};
    (codes || []).forEach(function (c) { wanted[c] = true; });
    return CM.layers.countries.getLayers().filter(function (l) { return wanted[l.feature.properties.iso3]; });
  }

  function raiseSelection() {
    if (!CM.layers.countries) return;
    countryLayers(Object.keys(CM.selection)).forEach(function (l) { l.bringToFront(); });
  }

  function modifierPressed(e) {
    var o = e && e.originalEvent;
    return !!(o && (o.ctrlKey || o.shiftKey || o.metaKey));
  }

  function bindCountryTooltips() {
    CM.layers.countries.eachLayer(function (layer) {
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
        if (CM.pov === "china") rows.push(["cm-dash", null, s("legend_internal", "Internal boundary")]);
        rows.forEach(function (r) {
          var row = L.DomUtil.create("div", "cm-row", div);
          var sw = L.DomUtil.create("span", r[0], row);
          if (r[1]) sw.style.background = r[1];
          row.appendChild(text("span", r[2]));
        });
        L.DomEvent.disableClickPropagation(div);
        return div;
      },
    });
    CM.legend = new Legend().addTo(CM.map);
  }

  function buildLayerControl() {
    if (CM.layerControl) CM.layerControl.remove();
    var overlays = {};
    ["countries", "lakes", "coastline", "graticule"].forEach(function (key) {
      if (CM.layers[key]) overlays[s("layer_" + key, key)] = CM.layers[key];
    });
    Object.keys(CM.layers).forEach(function (key) {
      if (!LAYER_STYLES[key]) overlays[s("layer_" + key, key)] = CM.layers[key];
    });
    CM.layerControl = L.control.layers(null, overlays, { collapsed: false, position: "topright" }).addTo(CM.map);
  }

  function setAttribution() {
    var a = CM.map.attributionControl;
    a.setPrefix("Leaflet");
    if (CM._attribution) a.removeAttribution(CM._attribution);
    CM._attribution = s("attribution", "Made with Natural Earth");
    a.addAttribution(CM._attribution.replace(/[<>&]/g, ""));
  }

  CM.init = function (map, layers, options) {
    CM.map = map;
    CM.layers = layers;
    CM.options = options || {};
    CM.lang = CM.options.lang || "en";
    CM.pov = CM.options.pov || "china";
    restyle();
    bindCountryTooltips();
    L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
    buildLegend();
    buildLayerControl();
    setAttribution();
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

  /** Highlight exactly these countries (ISO3 codes), drawn on top of the others. */
  CM.setSelection = function (codes) {
    CM.selection = {};
    (codes || []).forEach(function (c) { if (/^[A-Z]{3}$/.test(c)) CM.selection[c] = true; });
    CM.layers.countries.setStyle(countryStyle);
    raiseSelection();
    CM.restyles += 1;
    return JSON.stringify({ selected: Object.keys(CM.selection).sort(), restyles: CM.restyles });
  };

  /** Frame these countries (a country spanning the antimeridian is framed at its label point). */
  CM.fitCountries = function (codes, animate) {
    var layers = countryLayers(codes);
    if (!layers.length) return false;
    var bounds = L.latLngBounds([]);
    layers.forEach(function (l) {
      var b = l.getBounds();
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

  /** The fill colour a country is drawn with now (for tests and exports). */
  CM.fillOf = function (iso3) {
    var l = countryLayers([iso3])[0];
    return l ? l.options.fillColor : null;
  };

  /** "china" (China's point of view, the default) or "ne" (Natural Earth's default view). */
  CM.setPointOfView = function (pov) {
    CM.pov = pov === "ne" ? "ne" : "china";
    restyle();
    buildLegend();
    return CM.describe();
  };

  /** What the page draws, as JSON: for tests and the smoke test. */
  CM.describe = function () {
    var visible = Object.keys(CM.layers).filter(function (k) { return CM.map.hasLayer(CM.layers[k]); });
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
    });
  };

  /** The name shown for a country feature (``iso3``) in the current language and view. */
  CM.nameOf = function (iso3) {
    var found = null;
    CM.layers.countries.eachLayer(function (l) { if (!found && l.feature.properties.iso3 === iso3) found = l; });
    return found ? CM.countryName(found.feature.properties) : null;
  };
})();
