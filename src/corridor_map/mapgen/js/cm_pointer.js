/* Pointer routing: one place where the map's pointer events find the layer they are meant for.
 *
 * Leaflet draws each pane's vector layers on a canvas of its own that covers the whole map, and a
 * browser gives an event only to the topmost element under the pointer: the dealers' canvas (the
 * top pane) would take every click, and the countries' canvas underneath would never see one. So no
 * canvas takes pointer events here (they are `pointer-events: none`); the map container takes them,
 * and this router asks the hit sources, from the top pane down, which of their layers lies under the
 * pointer, and hands the event to that one through Leaflet's own machinery.
 *
 * A source is every Leaflet canvas renderer (registered when it makes its canvas), or any object
 * given to CM.pointer.addSource with {zIndex(), hit(point, type, tipClicks), fire(e, type, hit), out(e)}.
 * Hover (mousemove) goes to the topmost interactive layer; a click (or any other button event) goes
 * to the topmost layer that listens to it, so a click on a rail line over China selects China (a
 * line's tooltip, which Leaflet opens on a click for touch screens, has a click only where nothing
 * under the line takes it: over the sea).
 * A click that no source takes is a click on the background: "backgroundclick" on CM.events.
 */
(function () {
  "use strict";

  var ROUTED = "click dblclick mousedown mouseup contextmenu";
  var sources = [];

  var LP = window.CM.internal.leaflet;  // Leaflet's insides (cm_leaflet_patches.js)

  // Every canvas renderer is a hit source (its canvas takes no pointer events itself).
  LP.onCanvasRenderer(function (renderer) { sources.push(LP.canvasSource(renderer)); });

  function ordered() {
    return sources.slice().sort(function (a, b) { return b.zIndex() - a.zIndex(); });
  }

  /** The topmost source with a layer under ``point`` for an event of ``type``: [source, layer]. A click
   * goes to a line only for its tooltip when no layer under it takes the click itself (a country). */
  function find(point, type) {
    return findAmong(point, type, false) || (type === "click" ? findAmong(point, type, true) : null);
  }

  function findAmong(point, type, tipClicks) {
    var list = ordered();
    for (var i = 0; i < list.length; i++) {
      if (list[i].zIndex() === -Infinity) continue;
      var layer = list[i].hit(point, type, tipClicks);
      if (layer) return [list[i], layer];
    }
    return null;
  }

  function outAll(e, except) {
    sources.forEach(function (s) { if (s !== except) s.out(e); });
  }

  function attach(map) {
    var container = map.getContainer();

    function setCursor(on) {
      if (on) L.DomUtil.addClass(container, "cm-pointer");
      else L.DomUtil.removeClass(container, "cm-pointer");
    }

    function onMove(e) {
      if (e.target !== container) {  // over a control, a marker or a tooltip: no layer is hovered
        outAll(e, null);
        setCursor(false);
        return;
      }
      if (map.dragging && map.dragging.moving() || LP.animatingZoom(map)) return;
      var found = find(map.mouseEventToLayerPoint(e), "mousemove");
      var source = found && found[0];
      outAll(e, source);
      setCursor(!!found);
      if (found) {
        LP.markRouted(e);
        source.fire(e, "mousemove", found[1]);
      }
    }

    function onButton(e) {
      if (e.target !== container || !LP.loaded(map)) return;
      // While the map moves (a fly to a selection, a pan, a zoom) the canvases hit-test the layers where
      // they were before the move: a press ends the move where it is, so that the click finds the
      // country the person sees under the pointer.
      if (e.type === "mousedown" && LP.moving(map) && !(map.dragging && map.dragging.moving())) {
        LP.stopMoving(map);
      }
      var found = find(map.mouseEventToLayerPoint(e), e.type);
      if (found) {
        LP.markRouted(e);
        found[0].fire(e, e.type, found[1]);
      } else if (e.type === "click" && !LP.draggableMoved(map, map)) {
        window.CM.events.fire("backgroundclick", { originalEvent: e });
      }
    }

    function onLeave(e) {
      if (e.relatedTarget && container.contains(e.relatedTarget)) return;
      outAll(e, null);
      setCursor(false);
    }

    // Capture: the router decides before the map's own listeners on the container run.
    container.addEventListener("mousemove", onMove, true);
    ROUTED.split(" ").forEach(function (type) { container.addEventListener(type, onButton, true); });
    container.addEventListener("mouseout", onLeave, true);
  }

  L.Map.addInitHook(function () { attach(this); });

  window.CM.pointer = {
    /** Register a hit source that is not a Leaflet canvas renderer (e.g. painted dealer dots). */
    addSource: function (source) { sources.push(source); },
  };
})();
