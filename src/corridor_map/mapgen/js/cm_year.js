/* Corridor Map page: the year time playback is at, shown large at the top centre of the map, in the
 * window and in exports. It takes no pointer events: the map under it stays clickable. */
(function () {
  "use strict";
  var CM = window.CM;
  var badge = null;

  /** Shows `text` (the year) large on the map; null or "" removes it. Returns what is shown (or null). */
  CM.setYearBadge = function (text) {
    var value = text == null ? "" : String(text);
    if (!value) {
      if (badge && badge.parentNode) badge.parentNode.removeChild(badge);
      badge = null;
      return null;
    }
    if (!badge) {
      badge = document.createElement("div");
      badge.id = "cm-year-badge";
      badge.className = "cm-year-badge";
      badge.setAttribute("aria-live", "polite");
      CM.map.getContainer().appendChild(badge);
    }
    badge.textContent = value;
    return value;
  };
})();
