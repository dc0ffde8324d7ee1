/* Corridor Map page: the controls and labels (layer list, attribution, data label, port labels) and what the layers show and do under the pointer (tooltips, clicks to the bridge). */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;
  var LAYER_STYLES = I.LAYER_STYLES, text = I.text, s = I.s;

  var MODES = ["sea", "road", "river", "rail"];
  // Permanent labels: [direction, from zoom]; other ports and hubs are named on hover.
  var PORT_LABELS = {
    "CN-TJC": ["left", 0], CNQZH: ["bottom", 0], CNSHA: ["right", 0],
    CNCKG: ["right", 6], CNBIH: ["right", 6], CNFAN: ["left", 6], CNNNG: ["right", 6],
    VNHAN: ["left", 5], LAVTE: ["left", 5], SGSIN: ["right", 4], "CN-ALA": ["top", 4], DEDUI: ["top", 4],
    "PL-MAL": ["bottom", 5], "KZ-DOS": ["bottom", 5], CNKMG: ["left", 6],
  };

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
        .setLatLng(layer.getLatLng()).setContent(text("span", I.localName(p))).addTo(CM.portLabels);
    });
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

  L.extend(I, {
    bindCorridorTooltips: bindCorridorTooltips,
    bindCountryTooltips: bindCountryTooltips,
    modifierPressed: modifierPressed,
    buildPortLabels: buildPortLabels,
    buildLayerControl: buildLayerControl,
    setAttribution: setAttribution,
    buildDataLabel: buildDataLabel,
  });
})();
