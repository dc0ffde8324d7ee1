/* Corridor Map page: the legend, in the window and in exports (the same code; an export page,
 * CM.options.export, gets no header button and no interaction hints).
 *
 * Compact: the choropleth's classes, then a symbol for each layer shown now (CM.isShown) and for the
 * routes drawn (the selected countries' routes, CM.showRoutes's compared routes), in two columns.
 * Collapsible by its header button (the state lives as long as the page). Placed in the map corner
 * where it covers least of what matters (the corridor's legs, the countries with data, port labels),
 * chosen again after each move, zoom or resize, and only left for a clearly better corner. */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;
  var STYLE = I.STYLE, text = I.text, s = I.s;

  var CORNERS = ["bottomright", "bottomleft", "topright", "topleft"];
  var MARGIN = 10;  // Leaflet's control margin
  // What covering a leg costs, per pixel of its length (one pixel of a country with data costs 1): the
  // Chongqing–Beibu Gulf channels and the Yangtze so much that ten pixels of them outweigh a legend's
  // whole area over countries with data; other rail lines less, sea lanes and roads least.
  var CORE_PLACES = { "CN-TJC": 1, CNCKG: 1, CNNNG: 1, CNQZH: 1, CNBIH: 1, CNFAN: 1, CNSHA: 1 };
  var LEG_WEIGHT = { core: 8000, rail: 100, river: 8000, road: 8, sea: 8 };
  var FLOW_WEIGHT = 20, ROUTE_WEIGHT = 200, LABEL_WEIGHT = 3, OVERFLOW_WEIGHT = 20;
  var SELECTED_WEIGHT = 1000;  // per pixel of a selected or framed country's box (framed clear of the legend)
  var COVERED_WEIGHT = 1000;  // per pixel under the app's own widgets (CM.setCovered): dearer than any channel
  var CONTROL_WEIGHT = 100000;  // per pixel over the data label or a button: dearer than anything on the map
  var HYSTERESIS = 0.75, HYSTERESIS_PX = 1500;  // a new corner must cost < 75 % of the current one, less 1500
  var GRID = 8;  // the countries test samples GRID x GRID points of a rectangle

  var state = { corner: "bottomright", placed: false, collapsed: false, size: null, costs: null };
  var control = null;

  function row(parent, symbol, color, label, wide) {
    var r = L.DomUtil.create("div", "cm-row" + (wide ? " cm-wide" : ""), parent);
    var sw = L.DomUtil.create("span", "cm-sym " + symbol, r);
    if (color && /line\b/.test(symbol)) sw.style.borderTopColor = color;
    else if (color) sw.style.background = color;
    r.appendChild(text("span", label));
    return r;
  }

  function classLabel(c, i) {
    return i === 0 && c.lower === c.upper ? I.fmt(c.upper)
      : I.fmt(i === 0 ? c.lower : c.lower + 1) + "–" + I.fmt(c.upper);
  }

  function choroplethBlock(body) {
    var ch = CM.choropleth;
    if (!ch || !ch.classes.length || !CM.isShown("countries")) return;
    var grid = L.DomUtil.create("div", "cm-grid cm-classes", body);
    grid.style.gridTemplateRows = "repeat(" + Math.ceil((ch.classes.length + 1) / 2) + ", auto)";
    ch.classes.forEach(function (c, i) { row(grid, "cm-swatch", c.color, classLabel(c, i)).dataset.key = "class"; });
    row(grid, "cm-swatch", STYLE.land, s("legend_no_data", "No sales in the data")).dataset.key = "nodata";
  }

  /** The place a route ends at, for its legend row: the one selected country, or the last leg's end. */
  function routePlace(legIds) {
    var selected = Object.keys(CM.selection || {});
    if (selected.length === 1) return CM.nameOf(selected[0]);
    var last = legIds && legIds.length && I.legLayer(legIds[legIds.length - 1]);
    var end = last && last.feature.properties.to, found = null;
    if (end && CM.layers.ports) {
      CM.layers.ports.eachLayer(function (l) { if (!found && l.feature.properties.id === end) found = l; });
    }
    return found ? I.localName(found.feature.properties) : null;
  }

  function shownRoutes() {
    var f = CM.flows;
    return f && f.lastRoutes && f.shownRoutes && f.shownRoutes.length ? f.lastRoutes : [];
  }

  function selectedRoutes() {
    var routes = (CM.flows && CM.flows.routes) || {};
    return Object.keys(CM.selection || {}).filter(function (c) { return routes[c] && routes[c].length; });
  }

  function routeRows(grid) {
    var selected = selectedRoutes();
    if (selected.length) {
      var place = selected.length === 1 ? CM.nameOf(selected[0]) : null;
      var label = place ? s("legend_route_to", "Route to {place}").replace("{place}", place)
        : s("legend_routes_selected", "Routes to the selected countries");
      row(grid, "cm-highlight-line", null, label, true).dataset.key = "highlight";
    }
    var compared = shownRoutes();
    if (!compared.length) return;
    var to = routePlace(compared[0].legs);
    var text2 = to ? s("legend_compared_to", "Compared routes to {place}").replace("{place}", to)
      : s("legend_compared", "Highlighted routes");
    var r = row(grid, "cm-routes-sym", null, text2, true);
    r.dataset.key = "routes";
    var sym = r.firstChild;
    compared.slice(0, 4).forEach(function (route) {
      var bar = L.DomUtil.create("span", "cm-route-bar", sym);
      bar.style.borderTopColor = route.color || "#000";
    });
  }

  function layerBlock(body) {
    var grid = L.DomUtil.create("div", "cm-grid cm-symbols", body);
    function add(key, symbol, color, label, wide) {
      if (CM.isShown(key)) row(grid, symbol, color, label, wide).dataset.key = key;
    }
    // (in reading order, two to a line: the short labels on the left, the long ones on the right)
    add("rail", "cm-line", STYLE.rail, s("legend_rail", "Rail"));
    add("river", "cm-line", STYLE.river, s("legend_river", "River (Yangtze)"));
    add("sea", "cm-dashline", STYLE.sea, s("legend_sea", "Sea lane"));
    add("road", "cm-dotline", STYLE.road, s("legend_road_short", "Road (onward)"));
    add("ports", "cm-dot", STYLE.dry, s("legend_port", "Port or hub"));
    add("flows", "cm-flowline", "#c51b7d", s("legend_flows", "Exports (width: units)"));
    if (CM.isShown("dealers")) {
      // a dealer: a dot, dashed where only its city is known; a group: an orange disc with a count
      var dealer = row(grid, "cm-dealer-pair", null, s("legend_dealer", "Dealer"));
      dealer.dataset.key = "dealers";
      L.DomUtil.create("span", "cm-dot cm-dealer", dealer.firstChild);
      L.DomUtil.create("span", "cm-dot cm-dot-approx", dealer.firstChild);
      var group = row(grid, "cm-dot cm-cluster-swatch", null, s("legend_cluster_short", "Group of dealers"));
      group.dataset.key = "dealers";
      if (!CM.options.export) {  // (tooltips: a picture has none)
        dealer.title = s("legend_dealer_approx_hint", "Dashed: approximate location (its city)");
        group.title = s("legend_cluster_hint", "Click a group to zoom in");
      }
    }
    if (CM.pov === "china" && CM.isShown("countries")) {
      row(grid, "cm-dash", null, s("legend_internal", "Internal boundary")).dataset.key = "internal";
      if (CM.isShown("tendash")) {
        row(grid, "cm-line cm-tendash", STYLE.tendash, s("legend_tendash", "South China Sea dashed line"))
          .dataset.key = "tendash";
      }
    }
    routeRows(grid);
    if (!grid.children.length) body.removeChild(grid);
  }

  function applyCollapsed(div) {
    var head = div.querySelector(".cm-legend-head");
    L.DomUtil[state.collapsed ? "addClass" : "removeClass"](div, "cm-collapsed");
    if (!head) return;
    head.setAttribute("aria-expanded", state.collapsed ? "false" : "true");
    head.title = state.collapsed ? s("legend_show", "Show the legend") : s("legend_hide", "Hide the legend");
    head.firstChild.textContent = state.collapsed ? "\u25B8" : "\u25BE";
  }

  /** The header line: the fold button ("▾ Legend", window only) and the choropleth's title. */
  function header(div) {
    var line = L.DomUtil.create("div", "cm-legend-line", div);
    if (!CM.options.export) {
      var head = L.DomUtil.create("button", "cm-legend-head", line);
      head.type = "button";
      head.setAttribute("aria-controls", "cm-legend-body");
      head.appendChild(text("span", "\u25BE", "cm-legend-arrow"));
      head.appendChild(text("span", s("legend_title", "Legend")));
      L.DomEvent.on(head, "click", function (e) {
        L.DomEvent.stop(e);
        toggle();
      });
    }
    var ch = CM.choropleth;
    if (ch && ch.classes.length && CM.isShown("countries")) {
      line.appendChild(text("span", ch.title || s("legend_units", "Units sold"), "cm-legend-title"));
    }
    if (!line.children.length) div.removeChild(line);
  }

  /** Fill the legend's element; left as it is when the new content is the same (a selection that
   * changes no row): a change to the controls has the port labels placed again (cm_controls.js). */
  function fill(div) {
    var fresh = L.DomUtil.create("div");
    header(fresh);
    var body = L.DomUtil.create("div", "cm-legend-body", fresh);
    body.id = "cm-legend-body";
    choroplethBlock(body);
    layerBlock(body);
    if (CM.options.export) state.collapsed = false;  // a picture shows its legend whole
    applyCollapsed(fresh);
    if (fresh.innerHTML !== div.innerHTML) {
      div.textContent = "";
      while (fresh.firstChild) div.appendChild(fresh.firstChild);
    }
    if (L.DomUtil.hasClass(div, "cm-collapsed") !== state.collapsed) applyCollapsed(div);
  }

  var Legend = L.Control.extend({
    options: { position: "bottomright" },
    onAdd: function () {
      var div = L.DomUtil.create("div", "cm-legend");
      div.id = "cm-legend";
      fill(div);
      L.DomEvent.disableClickPropagation(div);
      // (the wheel over it zooms the map: it may have moved under the pointer after the last notch)
      return div;
    },
  });

  function toggle() {
    state.collapsed = !state.collapsed;
    if (control) applyCollapsed(control.getContainer());
    return state.collapsed;
  }

  // ---- where it goes ---------------------------------------------------------------------------

  function legWeight(mode, props) {
    if (mode === "rail" && CORE_PLACES[props.from] && CORE_PLACES[props.to]) return LEG_WEIGHT.core;
    return LEG_WEIGHT[mode] || 0;
  }

  // A leg's lines projected at a zoom (Leaflet's pixel space), kept per lines array and zoom: after a
  // pan, the container pixels are the same points shifted (see offset()).
  var projected = typeof WeakMap === "function" ? new WeakMap() : null;

  function projectPart(part, zoom) {
    var known = projected && projected.get(part);
    if (known && known.zoom === zoom) return known;
    // (simplified to a pixel: what the legend would hide is the same, and a world view's sea lanes
    // have thousands of points where a few hundred pixels show them)
    var points = L.LineUtil.simplify(part.map(function (ll) { return CM.map.project(ll, zoom); }), 1);
    var xs = new Float64Array(points.length), ys = new Float64Array(points.length);
    for (var i = 0; i < points.length; i++) { xs[i] = points[i].x; ys[i] = points[i].y; }
    var chunks = chunked(xs, ys), all = chunks.reduce(function (a, b) {
      return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
    }, [Infinity, Infinity, -Infinity, -Infinity]);
    var out = { zoom: zoom, xs: xs, ys: ys, minx: all[0], miny: all[1], maxx: all[2], maxy: all[3], chunks: chunks };
    if (projected) projected.set(part, out);
    return out;
  }

  var CHUNK = 16;  // segments in a chunk of a line: a corner's rectangle meets few of a long line's chunks

  /** The box of each CHUNK segments of a line ([minx, miny, maxx, maxy] for points k·CHUNK … (k+1)·CHUNK). */
  function chunked(xs, ys) {
    var boxes = [];
    for (var start = 0; start < xs.length - 1; start += CHUNK) {
      var end = Math.min(start + CHUNK, xs.length - 1), b = [Infinity, Infinity, -Infinity, -Infinity];
      for (var i = start; i <= end; i++) {
        if (xs[i] < b[0]) b[0] = xs[i];
        if (ys[i] < b[1]) b[1] = ys[i];
        if (xs[i] > b[2]) b[2] = xs[i];
        if (ys[i] > b[3]) b[3] = ys[i];
      }
      boxes.push(b);
    }
    return boxes;
  }

  /** Container pixel = projected pixel + offset(), at the map's zoom. */
  function offset() {
    var ref = L.latLng(0, 0);
    return CM.map.latLngToContainerPoint(ref).subtract(CM.map.project(ref, CM.map.getZoom()));
  }

  /** Each leg that matters, as its weight and its lines projected at the map's zoom. */
  function projectedLegs() {
    var out = [], zoom = CM.map.getZoom();
    var flows = CM.isShown("flows") && CM.flows ? CM.flows.legs || {} : {};
    var routed = {};
    shownRoutes().forEach(function (r) { (r.legs || []).forEach(function (id) { routed[id] = true; }); });
    selectedRoutes().forEach(function (c) { CM.flows.routes[c].forEach(function (id) { routed[id] = true; }); });
    ["rail", "river", "road", "sea"].forEach(function (mode) {
      if (!CM.layers[mode]) return;
      var shown = CM.isShown(mode);
      CM.layers[mode].eachLayer(function (l) {
        var p = l.feature.properties;
        var w = (shown ? legWeight(mode, p) : 0) + (flows[p.id] > 0 ? FLOW_WEIGHT : 0) + (routed[p.id] ? ROUTE_WEIGHT : 0);
        if (!w) return;
        var ll = l.getLatLngs(), parts = ll.length && Array.isArray(ll[0]) ? ll : [ll];
        out.push({ w: w, parts: parts.map(function (part) { return projectPart(part, zoom); }) });
      });
    });
    return out;
  }

  /** The length of the segment (ax, ay)–(bx, by) inside the rectangle (Liang–Barsky). */
  function clippedLength(ax, ay, bx, by, r) {
    var dx = bx - ax, dy = by - ay, range = RANGE;
    range[0] = 0; range[1] = 1;
    if (!clip(-dx, ax - r.x, range) || !clip(dx, r.x + r.w - ax, range) || !clip(-dy, ay - r.y, range) ||
        !clip(dy, r.y + r.h - ay, range)) return 0;
    return (range[1] - range[0]) * Math.sqrt(dx * dx + dy * dy);
  }

  var RANGE = [0, 1];  // (one array for every segment: a corner's weighing clips thousands)

  /** One edge of Liang–Barsky: narrows ``range`` ([t0, t1]); false when the segment lies outside. */
  function clip(p, q, range) {
    if (p === 0) return q >= 0;
    var t = q / p;
    if (p < 0) { if (t > range[1]) return false; if (t > range[0]) range[0] = t; } else { if (t < range[0]) return false; if (t < range[1]) range[1] = t; }
    return true;
  }

  /** ``r`` in container pixels; ``off`` from offset(). */
  function legsCost(legs, r, off) {
    var cost = 0, pr = { x: r.x - off.x, y: r.y - off.y, w: r.w, h: r.h };
    legs.forEach(function (leg) {
      leg.parts.forEach(function (part) {
        if (part.maxx < pr.x || part.minx > pr.x + pr.w || part.maxy < pr.y || part.miny > pr.y + pr.h) return;
        var xs = part.xs, ys = part.ys;
        part.chunks.forEach(function (b, k) {
          if (b[2] < pr.x || b[0] > pr.x + pr.w || b[3] < pr.y || b[1] > pr.y + pr.h) return;
          var end = Math.min((k + 1) * CHUNK, xs.length - 1);
          for (var i = k * CHUNK + 1; i <= end; i++) cost += leg.w * clippedLength(xs[i - 1], ys[i - 1], xs[i], ys[i], pr);
        });
      });
    });
    return cost;
  }

  function dataCountries() {
    var ch = CM.choropleth;
    if (!ch || !CM.isShown("countries")) return [];
    var map = CM.map;
    return CM.layers.countries.getLayers().filter(function (l) {
      var p = l.feature.properties;
      return I.inView(p) && ch.values[p.iso3] > 0;
    }).map(function (l) {
      var b = l.getBounds();
      return { layer: l, nw: map.latLngToContainerPoint(b.getNorthWest()), se: map.latLngToContainerPoint(b.getSouthEast()) };
    });
  }

  /** The boxes (container px) of the selected countries and of those framed last (CM.fitCountries frames
   * them clear of the legend, which is not then to move onto them). */
  function keptBoxes() {
    var codes = L.extend({}, I.framed, CM.selection), map = CM.map, out = [];
    if (!CM.layers.countries || !Object.keys(codes).length) return out;
    CM.layers.countries.eachLayer(function (l) {
      if (!codes[l.feature.properties.iso3] || !I.inView(l.feature.properties)) return;
      var b = I.mainBounds(l);
      var nw = map.latLngToContainerPoint(b.getNorthWest()), se = map.latLngToContainerPoint(b.getSouthEast());
      out.push({ x: nw.x, y: nw.y, w: se.x - nw.x, h: se.y - nw.y });
    });
    return out;
  }

  /** The area of the rectangle over countries with data, from a grid of GRID x GRID points. */
  function countriesCost(countries, r) {
    var map = CM.map, cost = 0, sx = r.w / GRID, sy = r.h / GRID, cell = sx * sy;
    var near = countries.filter(function (c) {
      return c.se.x >= r.x && c.nw.x <= r.x + r.w && c.se.y >= r.y && c.nw.y <= r.y + r.h;
    });
    if (!near.length) return 0;
    for (var y = r.y + sy / 2; y < r.y + r.h; y += sy) {
      for (var x = r.x + sx / 2; x < r.x + r.w; x += sx) {
        var pt = map.containerPointToLayerPoint([x, y]);
        for (var k = 0; k < near.length; k++) {
          if (I.leaflet.containsPoint(near[k].layer, pt)) { cost += cell; break; }
        }
      }
    }
    return cost;
  }

  function overlap(a, b) {
    var w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x), h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
  }

  /** The boxes of the elements in the map that ``selector`` finds, in container pixels. */
  function boxesOf(selector, box) {
    return Array.prototype.map.call(CM.map.getContainer().querySelectorAll(selector), function (el) {
      var r = el.getBoundingClientRect();
      return { x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height };
    });
  }

  // Port labels and the year badge: the legend should not hide them either.
  var LABELS = ".cm-port-label, .cm-year-badge";
  // The controls in other corners that must stay readable and reachable (the zoom buttons, the data
  // label, the layer list's button): in a small map a legend in one corner reaches across to another's.
  var CONTROLS = ".leaflet-control-zoom, .leaflet-control-layers, #cm-data-label";

  /** Where the legend would stand in each corner: below (top corners) or above (bottom corners)
   * the other controls there. */
  function candidates(size, box) {
    var out = {};
    CORNERS.forEach(function (pos) {
      var top = pos.indexOf("top") === 0, left = /left$/.test(pos);
      var corner = CM.map.getContainer().querySelector(".leaflet-control-container .leaflet-" + (top ? "top" : "bottom") +
        ".leaflet-" + (left ? "left" : "right"));
      var edge = top ? 0 : box.height;
      Array.prototype.forEach.call(corner ? corner.children : [], function (el) {
        if (el.id === "cm-legend") return;
        var r = el.getBoundingClientRect();
        if (!r.width || !r.height) return;
        edge = top ? Math.max(edge, r.bottom - box.top) : Math.min(edge, r.top - box.top);
      });
      out[pos] = { x: left ? MARGIN : box.width - MARGIN - size.w, y: top ? edge + MARGIN : edge - MARGIN - size.h,
        w: size.w, h: size.h };
    });
    return out;
  }

  /** What covering each corner's rectangle would hide: {corner: cost}. */
  function cornerCosts(size) {
    var box = CM.map.getContainer().getBoundingClientRect();
    var rects = candidates(size, box);
    var legs = projectedLegs(), off = offset(), countries = dataCountries(), labels = boxesOf(LABELS, box);
    var controls = boxesOf(CONTROLS, box), kept = keptBoxes();
    var costs = {};
    CORNERS.forEach(function (pos) {
      var r = rects[pos];
      var inside = overlap(r, { x: 0, y: 0, w: box.width, h: box.height });
      var cost = legsCost(legs, r, off) + countriesCost(countries, r) + OVERFLOW_WEIGHT * (r.w * r.h - inside);
      labels.forEach(function (b) { cost += LABEL_WEIGHT * overlap(r, b); });
      covered.forEach(function (b) { cost += COVERED_WEIGHT * overlap(r, b); });  // (never worth it)
      controls.forEach(function (b) { cost += CONTROL_WEIGHT * overlap(r, b); });
      kept.forEach(function (b) { cost += SELECTED_WEIGHT * overlap(r, b); });
      costs[pos] = Math.round(cost);
    });
    return { costs: costs, rects: rects };
  }

  var placeRequest = 0;  // the latest placement asked for after a frame (placeSoon); a placement now voids it

  /** Place the legend once the next frame is drawn and the page has nothing else to do: a selection or
   * the routes shown change what the corners hide, but weighing the corners (a few ms) must delay
   * neither the frame that shows the change nor the page's answer to the window's next call. */
  function placeSoon() {
    var request = ++placeRequest;
    requestAnimationFrame(function () {
      window.requestIdleCallback(function () { if (request === placeRequest) place(); }, { timeout: IDLE_WAIT_MS });
    });
  }

  var IDLE_WAIT_MS = 250;  // the longest a placement waits for the page to be idle

  /** Move the legend to the corner where it hides least (kept where it is unless clearly better); not
   * while the map moves (a flight's views last a moment: the legend moving then would jump under a
   * pointer about to press, or onto the country being flown to), but at the move's end. */
  function place() {
    placeRequest += 1;
    if (!control || !CM.map || I.leaflet.moving(CM.map)) return;
    var div = control.getContainer();
    if (!state.collapsed) state.size = { w: div.offsetWidth, h: div.offsetHeight };
    var size = state.size || { w: div.offsetWidth, h: div.offsetHeight };
    if (!size.w || !size.h) return;
    var found = cornerCosts(size), costs = found.costs;
    var best = CORNERS.reduce(function (a, b) { return costs[b] < costs[a] ? b : a; });
    var current = state.corner;
    if (!state.placed || costs[best] < costs[current] * HYSTERESIS - HYSTERESIS_PX) state.corner = best;
    state.placed = true;
    state.costs = costs;
    if (control.getPosition() !== state.corner) control.setPosition(state.corner);  // (re-adds: onAdd fills it)
  }

  var watching = false;
  var covered = [];  // the app's widgets over the map (CM.setCovered): {x, y, w, h} in container pixels

  /** The parts of the map the app's own widgets lie over ([[x, y, w, h], …], e.g. exhibition mode's
   * bar): the legend takes the corner that covers least of the map *and* stays out of them. */
  CM.setCovered = function (rects) {
    covered = (Array.isArray(rects) ? rects : []).filter(function (r) {
      return Array.isArray(r) && r.length === 4 && r.every(isFinite);
    }).map(function (r) { return { x: +r[0], y: +r[1], w: +r[2], h: +r[3] }; });
    state.placed = false;  // (placed again at once, without the usual reluctance to move)
    place();
    return true;
  };

  /** Build (or fill again) the legend and place it; ``force``: place it even at the same size; ``later``:
   * after the next frame (placeSoon). */
  function buildLegend(force, later) {
    if (!watching && CM.map) {
      watching = true;
      // placed at a move's end, not on its way (see place())
      CM.map.on("moveend resize", place);
      // the countries framed last matter until the user moves the map (the selection's stay)
      L.DomEvent.on(CM.map.getContainer(), "wheel mousedown touchstart", function () { I.framed = null; });
      CM.map.on("overlayadd overlayremove", function () { buildLegend(true); });
      CM.events.on("selectionchanged routeschanged", function () { buildLegend(true, true); });
    }
    if (!CM.legendVisible) {
      if (control) control.remove();
      control = CM.legend = null;
      return;
    }
    if (!control) {
      control = CM.legend = new Legend({ position: state.corner });
      control.addTo(CM.map);
    } else {
      if (!control.getContainer().parentNode) control.addTo(CM.map);
      fill(control.getContainer());
    }
    // placed again if its size changed (not for each year of a playback: the same size, ~50 ms saved)
    var div = control.getContainer(), was = state.size;
    if (force === true || !state.placed || state.collapsed || !was || Math.abs(div.offsetWidth - was.w) > 4 ||
        Math.abs(div.offsetHeight - was.h) > 4) {
      if (later === true && state.placed) placeSoon(); else place();
    }
  }

  function describeLegend() {
    var div = control && control.getContainer();
    if (!div || !div.parentNode) return null;
    var box = CM.map.getContainer().getBoundingClientRect(), r = div.getBoundingClientRect();
    return {
      corner: control.getPosition(),
      collapsed: state.collapsed,
      rect: [r.left - box.left, r.top - box.top, r.width, r.height],
      map: [box.width, box.height],
      rows: Array.prototype.map.call(div.querySelectorAll(".cm-row"), function (el) { return el.dataset.key || ""; }),
      costs: state.costs,
    };
  }

  /** Place the legend where it hides least now, wherever it stood before (an export: a picture of its
   * own, the same whatever the exports before it showed). */
  function placeAfresh() {
    state.placed = false;
    place();
  }

  L.extend(I, {
    buildLegend: buildLegend,
    placeLegend: place,
    placeLegendAfresh: placeAfresh,
    toggleLegend: toggle,
    describeLegend: describeLegend,
  });
})();
