/* Corridor Map page: the controls and labels (legend, layer list, attribution, data label, port
 * labels) and what the layers show and do under the pointer (tooltips, clicks to the bridge). */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;
  var STYLE = I.STYLE, LAYER_STYLES = I.LAYER_STYLES, text = I.text, s = I.s;

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

  function choroplethLegend(div) {
    var ch = CM.choropleth;
    if (!ch || !ch.classes.length) return;
    div.appendChild(text("h4", ch.title || s("legend_units", "Units sold")));
    ch.classes.forEach(function (c, i) {
      var row = L.DomUtil.create("div", "cm-row", div);
      var sw = L.DomUtil.create("span", "cm-swatch", row);
      sw.style.background = c.color;
      var label = i === 0 && c.lower === c.upper ? I.fmt(c.upper)
        : I.fmt(i === 0 ? c.lower : c.lower + 1) + " – " + I.fmt(c.upper);
      row.appendChild(text("span", label));
    });
    var none = L.DomUtil.create("div", "cm-row", div);
    var sw = L.DomUtil.create("span", "cm-swatch", none);
    sw.style.background = STYLE.land;
    none.appendChild(text("span", s("legend_no_data", "No sales in the data")));
    L.DomUtil.create("div", "cm-gap", div);
  }

  function legendRows() {
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
    return rows;
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
        legendRows().forEach(function (r) {
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
    buildLegend: buildLegend,
    buildLayerControl: buildLayerControl,
    setAttribution: setAttribution,
    buildDataLabel: buildDataLabel,
  });
})();
