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

  function countryStyle(feature) {
    var internal = isInternal(feature.properties);
    return {
      fillColor: STYLE.land,
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
  }

  function bindCountryTooltips() {
    CM.layers.countries.eachLayer(function (layer) {
      layer.bindTooltip(function () { return text("div", CM.countryName(layer.feature.properties), "cm-tooltip"); },
        { sticky: true, direction: "top", opacity: 0.95 });
      layer.on("mouseover", function () { layer.setStyle({ weight: 1.6, color: "#333" }); });
      layer.on("mouseout", function () { CM.layers.countries.resetStyle(layer); });
    });
  }

  function buildLegend() {
    if (CM.legend) CM.legend.remove();
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var div = L.DomUtil.create("div", "cm-legend");
        div.id = "cm-legend";
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
    return CM.describe();
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
      fonts: document.fonts ? document.fonts.status : "n/a",
    });
  };

  /** The name shown for a country feature (``iso3``) in the current language and view. */
  CM.nameOf = function (iso3) {
    var found = null;
    CM.layers.countries.eachLayer(function (l) { if (!found && l.feature.properties.iso3 === iso3) found = l; });
    return found ? CM.countryName(found.feature.properties) : null;
  };
})();
