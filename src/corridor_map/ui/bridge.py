"""The one object the page can reach over QWebChannel: a few typed, validated slots.

Page → Python (documented in docs/bridge.md):
- ``ready()``: the page built its map and connected the channel.
- ``countryClicked(iso3: str, additive: bool)``: a click on a country (additive with Ctrl/Shift).
- ``dealerClicked(index: int, additive: bool)``: a click on a dealer point.
- ``backgroundClicked()``: a plain click where no layer takes it (the sea): clears the selection.
- ``portClicked(id: str)``: a click on a port or hub: its card (no country is selected).
- ``viewChanged(view_json: str)``: the map settled after a move, a zoom or a layer shown or hidden;
  ``CM.getView()``'s JSON (centre, zoom, layers shown).
- ``exportReady(token: str)``: the export page drew the frame ``token`` asked for (``cm_export.js``).

Python → page: ``startup`` (a constant property, JSON text) lists the ``CM.*`` calls a page makes
itself once the channel is connected, before it calls ``ready()`` (an export's data); everything else
goes through the page's ``CM.*`` API as data (``ui.page_api``), not through here.
QWebChannel also publishes QObject's inherited members (``deleteLater``, ``destroyed``,
``objectNameChanged``); the view notices a destroyed bridge and rebuilds the page with a new one.
"""

from __future__ import annotations

import json
import logging
import math
import re
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

log = logging.getLogger(__name__)
ISO3 = re.compile(r"[A-Z]{3}")
PORT_ID = re.compile(r"[A-Z]{2}(?:[A-Z0-9]{3}|-[A-Z]{3})")  # UN/LOCODE (CNQZH) or ours (CN-TJC)
LAYER_KEY = re.compile(r"[a-z][a-z0-9_]{0,31}")  # a layer of the page (countries, rail, seanet, ...)
TOKEN = re.compile(r"[0-9]{1,12}")  # an export frame's token
MAX_VIEW_JSON = 4096  # CM.getView() of a page with every layer is about 200 bytes
MAX_LAYERS = 64
MAX_ZOOM = 30.0


def parse_view(view_json: object) -> dict[str, Any] | None:
    """``CM.getView()``'s JSON as ``{"center": [lat, lon], "zoom": z, "layers": {key: shown}}``, or None
    for anything else (not text, too long, not JSON, a value out of range or of the wrong type)."""
    if not isinstance(view_json, str) or len(view_json) > MAX_VIEW_JSON:
        return None
    try:
        view = json.loads(view_json)
    except ValueError:
        return None
    if not isinstance(view, dict) or set(view) != {"center", "zoom", "layers"}:
        return None
    center, zoom, layers = view["center"], view["zoom"], view["layers"]
    if not isinstance(center, list) or len(center) != 2 or not all(_finite(x) for x in center):
        return None
    lat, lon = float(center[0]), float(center[1])
    # (Leaflet's centre may lie beyond ±180° of longitude after panning across the antimeridian)
    if abs(lat) > 90 or abs(lon) > 3600 or not _finite(zoom) or not 0 <= zoom <= MAX_ZOOM:
        return None
    if not isinstance(layers, dict) or len(layers) > MAX_LAYERS:
        return None
    if not all(_layer(k, v) for k, v in layers.items()):
        return None
    return {"center": [lat, lon], "zoom": float(zoom), "layers": dict(layers)}


def _layer(key: object, shown: object) -> bool:
    return isinstance(key, str) and LAYER_KEY.fullmatch(key) is not None and isinstance(shown, bool)


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class MapBridge(QObject):
    """Slots the page calls; every argument is validated; nothing here touches files or runs code."""

    readyReceived = Signal()
    countrySelected = Signal(str, bool)
    dealerSelected = Signal(int, bool)
    backgroundSelected = Signal()
    portSelected = Signal(str)
    viewReported = Signal(dict)
    exportDrawn = Signal(str)

    def __init__(self, parent: QObject | None = None, startup: str = "") -> None:
        super().__init__(parent)
        self._startup = startup

    def _get_startup(self) -> str:
        return self._startup

    # The page reads it once, from the channel's first message (property values come with it: no round
    # trip); ``MapView.set_startup`` sets it before a load. It has a notify signal, not ``constant``:
    # qwebchannel.js would publish a property without one as a member called "undefined".
    startupChanged = Signal()
    startup = Property(str, _get_startup, notify=startupChanged, doc="CM.* calls the page makes first (JSON)")

    def set_startup(self, startup: str) -> None:
        """``[[function, [args…]], …]`` as JSON text ("" for none): what the next page that connects makes."""
        if startup != self._startup:
            self._startup = startup
            self.startupChanged.emit()

    @Slot()
    def ready(self) -> None:
        """The page built its map and connected the channel."""
        self.readyReceived.emit()

    @Slot(str, bool)
    def countryClicked(self, iso3: str, additive: bool) -> None:
        """A country was clicked on the map."""
        if not isinstance(iso3, str) or not ISO3.fullmatch(iso3):
            log.warning("bridge: ignored countryClicked(%r)", iso3)
            return
        self.countrySelected.emit(iso3, bool(additive))

    @Slot(int, bool)
    def dealerClicked(self, index: int, additive: bool) -> None:
        """A dealer point was clicked (its position in the dealers sent to the page)."""
        if not isinstance(index, int) or index < 0:
            log.warning("bridge: ignored dealerClicked(%r)", index)
            return
        self.dealerSelected.emit(index, bool(additive))

    @Slot()
    def backgroundClicked(self) -> None:
        """A plain click on the map where no layer answered (the sea, outside every country)."""
        self.backgroundSelected.emit()

    @Slot(str)
    def portClicked(self, port_id: str) -> None:
        """A port or hub was clicked on the map (its id: a UN/LOCODE or an id of ours)."""
        if not isinstance(port_id, str) or not PORT_ID.fullmatch(port_id):
            log.warning("bridge: ignored portClicked(%r)", port_id)
            return
        self.portSelected.emit(port_id)

    @Slot(str)
    def viewChanged(self, view_json: str) -> None:
        """The map settled after a move, a zoom or a layer shown or hidden (``CM.getView()``'s JSON)."""
        view = parse_view(view_json)
        if view is None:
            log.warning("bridge: ignored viewChanged(%.200r)", view_json)
            return
        self.viewReported.emit(view)

    @Slot(str)
    def exportReady(self, token: str) -> None:
        """The export page drew the frame ``token`` asked for (``CMX.frame``)."""
        if not isinstance(token, str) or not TOKEN.fullmatch(token):
            log.warning("bridge: ignored exportReady(%.200r)", token)
            return
        self.exportDrawn.emit(token)
