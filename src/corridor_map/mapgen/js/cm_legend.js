/* Corridor Map page: the legend (choropleth classes and the layers' symbols), in the window and in exports. */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;
  var STYLE = I.STYLE, text = I.text, s = I.s;

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

  L.extend(I, {
    buildLegend: buildLegend,
  });
})();
