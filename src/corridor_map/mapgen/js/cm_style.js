/* Corridor Map page: the CM object, its events, and how each layer is drawn.
 *
 * The page's JS comes in classic scripts, loaded in this order (mapgen/assets.py): cm_leaflet_patches.js,
 * cm_style.js, cm_controls.js, cm_legend.js, cm_detail.js, cm_api.js, then cm_pointer.js, cm_dealers.js, cm_flows.js
 * and cm_portcard.js. Python calls the public CM.* functions (docs/bridge.md, "Page API"); helpers the
 * scripts share live on CM.internal, which is no API. User text is only ever set with textContent. */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;

  L.extend(CM, {
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
    // The page's own events (CM.events.on(name, fn)): "detailchanged" (another level of detail is
    // shown, cm_detail.js), "selectionchanged" (CM.setSelection), "routeschanged" (CM.showRoutes),
    // "backgroundclick" (a click no layer took, cm_pointer.js; data: {originalEvent}), "viewchanged" (the view or the layers shown changed,
    // after the map settled; data: {view}), "scalechanged" (the zoom crossed from world scale to a
    // closer one or back, cm_api.js; data: {world}).
    events: new L.Evented(),
  });

  var STYLE = {
    land: "#f3efe4",
    border: "#8d8d8d",
    ocean: "#cfe3f0",
    coast: "#6f8fa8",
    graticule: "#b5cde0",
    rail: "#d95f02",
    river: "#1b9e77",
    road: "#8c510a",
    sea: "#34495e",
    dry: "#7570b3",
    tendash: "#4d4d4d",
  };
  var KEY_PORTS = { "CN-TJC": 1, CNQZH: 1, CNSHA: 1, CNBIH: 1, CNFAN: 1 };
  // The corridor's spine: a rail or river leg between two of these is a channel from Chongqing to the
  // Beibu Gulf ports (through Nanning) or the Yangtze to Shanghai, drawn strongest.
  var CHANNEL_HUBS = { "CN-TJC": 1, CNCKG: 1, CNNNG: 1, CNQZH: 1, CNBIH: 1, CNFAN: 1, CNSHA: 1 };
  var WORLD_ZOOM = 3;  // at this zoom and below the map shows the world: the corridor leads, the rest recedes

  /** Whether the map shows the world (zoom <= WORLD_ZOOM), where the corridor's hierarchy is strongest. */
  function worldScale() {
    return !!CM.map && CM.map.getZoom() <= WORLD_ZOOM;
  }

  function isChannel(feature) {
    var p = feature && feature.properties;
    return !!p && !!CHANNEL_HUBS[p.from] && !!CHANNEL_HUBS[p.to];
  }

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

  function fmt(n) {
    return Math.round(n).toLocaleString(CM.lang === "zh" ? "zh-CN" : "en-GB");
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

  // A country drawn differently in the two points of view has a feature for each (mapgen/views.py):
  // the other view's is neither drawn nor hit.
  var HIDDEN = { stroke: false, fill: false, interactive: false };

  function inView(props) {
    return !props.pov || props.pov === CM.pov;
  }

  function countryStyle(feature) {
    var p = feature.properties;
    if (!inView(p)) return HIDDEN;
    var internal = isInternal(p);
    if (CM.selection[p.iso3]) {
      return { fillColor: choroplethColor(p.iso3) || STYLE.land, fillOpacity: 1, color: "#111111", weight: 2.6,
        dashArray: null, stroke: true, fill: true, interactive: true };
    }
    return {
      fillColor: choroplethColor(p.iso3) || STYLE.land,
      fillOpacity: 1,
      color: internal ? "#a9a9a9" : STYLE.border,
      weight: internal ? 0.6 : 0.7,
      dashArray: internal ? "3 3" : null,
      stroke: true,
      fill: true,
      interactive: true,
    };
  }

  var LAYER_STYLES = {
    graticule: function () { return { color: STYLE.graticule, weight: 0.6, dashArray: "2 4", interactive: false }; },
    countries: countryStyle,
    // (lakes lie within the countries around them: a click on a lake is a click on those)
    lakes: function () { return { color: "#9cc0da", weight: 0.5, fillColor: STYLE.ocean, fillOpacity: 1, interactive: false }; },
    coastline: function () { return { color: STYLE.coast, weight: 0.8, interactive: false }; },
    // China's view: the South China Sea's ten dashes, drawn as China's maps draw the national boundary
    tendash: function () {
      return CM.pov === "china" ? { color: STYLE.tendash, weight: 2.6, opacity: 1, lineCap: "butt", interactive: false,
        stroke: true } : { stroke: false, interactive: false };
    },
    // The lanes are drawn once, as a network (mapgen/network.py); the legs on them are not painted
    // (many share a lane) but answer the pointer, and show themselves when hovered or highlighted.
    // (light: the lanes are the background of the channels, above all at world scale)
    seanet: function () {
      return worldScale() ? { color: STYLE.sea, weight: 1, opacity: 0.5, dashArray: "4 4", interactive: false }
        : { color: STYLE.sea, weight: 1.3, opacity: 0.7, dashArray: "5 4", interactive: false };
    },
    sea: function () { return { color: STYLE.sea, weight: 1.4, opacity: 0.55, dashArray: "5 4", stroke: false }; },
    // the Yangtze and the rail channels to the Beibu Gulf lead; other rail is plainer
    river: function () { return { color: STYLE.river, weight: worldScale() ? 4.5 : 4, opacity: 1, lineCap: "round" }; },
    // onward legs by truck, from a foreign port or border station into the destination country
    road: function () {
      return { color: STYLE.road, weight: worldScale() ? 1.6 : 2.2, opacity: worldScale() ? 0.7 : 0.9, dashArray: "2 4",
        lineCap: "round" };
    },
    rail: function (feature) {
      if (isChannel(feature)) return { color: STYLE.rail, weight: worldScale() ? 5 : 4.5, opacity: 1, lineCap: "round" };
      return { color: STYLE.rail, weight: worldScale() ? 2 : 2.6, opacity: worldScale() ? 0.85 : 0.95 };
    },
    ports: function (feature) {
      var kind = feature.properties.kind;
      var key = KEY_PORTS[feature.properties.id];
      return { radius: key ? 5.5 : kind === "sea" ? 3 : 4.5, color: "#ffffff", weight: 1, fillOpacity: 1,
        fillColor: kind === "sea" ? STYLE.sea : kind === "river" ? STYLE.river : kind === "rail" ? STYLE.rail
          : STYLE.dry };
    },
  };

  function localName(props) {
    return CM.lang === "zh" ? props.name_zh || props.name_en : props.name_en || props.name_zh;
  }

  function fmtLength(props) {
    var km = fmt(props.length_km || 0);
    if (props.mode === "sea" && props.length_nm) {
      return fmt(props.length_nm) + " " + s("unit_nm", "nm") + " (" + km + " " + s("unit_km", "km") + ")";
    }
    return km + " " + s("unit_km", "km");
  }

  function legTooltip(props) {
    var div = text("div", "", "cm-tooltip");
    div.appendChild(text("b", localName(props)));
    div.appendChild(text("div", s("mode_" + props.mode, props.mode) + " · " + fmtLength(props)));
    return div;
  }

  function portTooltip(props) {
    var div = text("div", "", "cm-tooltip");
    div.appendChild(text("b", localName(props)));
    div.appendChild(text("div", s("kind_" + props.kind, props.kind) + (props.id && props.id.indexOf("-") < 0 ? " · " + props.id : "")));
    return div;
  }

  /** The corridor leg (a layer of the rail, river, road or sea group) with this id, or null. */
  function legLayer(id) {
    var found = null;
    ["rail", "river", "road", "sea"].forEach(function (mode) {
      if (found || !CM.layers[mode]) return;
      CM.layers[mode].eachLayer(function (l) { if (!found && l.feature.properties.id === id) found = l; });
    });
    return found;
  }

  /** Where the page draws a ±180 longitude (the data's, supercluster's, a port card's): in the
   * China-centred world (CM.options.edge, mapgen/world.py) within its frame [edge, edge + 360); else as
   * it is. */
  function frameLng(lng) {
    var edge = CM.options && CM.options.edge;
    return edge == null ? lng : edge + (((lng - edge) % 360) + 360) % 360;
  }

  L.extend(I, {
    frameLng: frameLng,
    legLayer: legLayer,
    STYLE: STYLE,
    LAYER_STYLES: LAYER_STYLES,
    text: text,
    s: s,
    fmt: fmt,
    inView: inView,
    countryStyle: countryStyle,
    worldScale: worldScale,
    isChannel: isChannel,
    localName: localName,
    legTooltip: legTooltip,
    portTooltip: portTooltip,
  });
})();
