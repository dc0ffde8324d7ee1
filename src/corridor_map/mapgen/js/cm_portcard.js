/* A port's card: what a search result or a click on a port shows (Python sends the texts as data,
 * ui/port_card.py). Anchored at the port, it flies there; Esc (from Python) or a click elsewhere closes it.
 * Every text is set with textContent. */
(function () {
  "use strict";
  var CM = window.CM;
  var I = CM.internal;
  var card = null;

  function el(tag, cls, value) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (value != null) node.textContent = String(value);
    return node;
  }

  function list(parent, rows, empty) {
    if (!rows.length) { parent.appendChild(el("div", "cm-card-empty", empty)); return; }
    var ul = el("ul", "cm-card-list");
    rows.forEach(function (r) {
      var li = el("li");
      li.appendChild(el("span", "cm-card-item", r.text));
      li.appendChild(el("span", "cm-card-detail", r.detail));
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }

  function content(c) {
    var div = el("div", "cm-card");
    div.id = "cm-port-card";
    div.setAttribute("data-port", c.id);
    div.appendChild(el("h3", null, c.title));
    div.appendChild(el("div", "cm-card-sub", c.subtitle));
    div.appendChild(el("div", "cm-card-facts", c.facts));
    div.appendChild(el("h4", null, c.routes_heading));
    list(div, c.routes || [], c.no_routes);
    div.appendChild(el("h4", null, c.served_heading));
    list(div, c.served || [], c.no_served);
    if (c.more) div.appendChild(el("div", "cm-card-more", c.more));
    return div;
  }

  /** Show ``c`` (ui/port_card.py card_payload) at its port, flying there when ``animate``. */
  CM.showPortCard = function (c, animate) {
    CM.closePortCard();
    var at = L.latLng(c.lat, I.frameLng(c.lon));
    var popup = card = L.popup({ maxWidth: 340, minWidth: 220, autoPan: true, closeButton: true,
      className: "cm-port-popup", autoPanPaddingTopLeft: [20, 80], autoPanPaddingBottomRight: [20, 20] })
      .setLatLng(at).setContent(content(c));
    function open() {  // after the flight: the card then pans the map to fit (a pan during a flight is lost)
      if (card !== popup) return;  // closed or replaced meanwhile
      popup.openOn(CM.map);
      var close = popup.getElement() && popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) close.title = c.close;
    }
    var zoom = Math.max(CM.map.getZoom(), 5);
    if (animate) {
      CM.map.once("moveend", open);
      CM.map.flyTo(at, zoom, { duration: 0.8 });
    } else {
      CM.map.setView(at, zoom, { animate: false });
      open();
    }
    return c.id;
  };

  CM.closePortCard = function () {
    if (card) CM.map.closePopup(card);
    card = null;
    return true;
  };

  /** The port whose card is open, or null. */
  CM.openPortCard = function () {
    return card && CM.map.hasLayer(card) ? card.getContent().getAttribute("data-port") : null;
  };
})();
