"""The one object the page can reach over QWebChannel: a few typed, validated slots.

Page → Python (documented in docs/bridge.md):
- ``ready()``: the page built its map and connected the channel.
- ``countryClicked(iso3: str, additive: bool)``: a click on a country (additive with Ctrl/Shift).
- ``dealerClicked(index: int, additive: bool)``: a click on a dealer point.
- ``backgroundClicked()``: a plain click where no layer takes it (the sea): clears the selection.
- ``portClicked(id: str)``: a click on a port or hub: its card (no country is selected).

Python → page goes through the page's ``CM.*`` API as data (see ``PagePresenter``), not through here.
QWebChannel also publishes QObject's inherited members (``deleteLater``, ``destroyed``,
``objectNameChanged``); the view notices a destroyed bridge and rebuilds the page with a new one.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)
ISO3 = re.compile(r"[A-Z]{3}")
PORT_ID = re.compile(r"[A-Z]{2}(?:[A-Z0-9]{3}|-[A-Z]{3})")  # UN/LOCODE (CNQZH) or ours (CN-TJC)


class MapBridge(QObject):
    """Slots the page calls; every argument is validated; nothing here touches files or runs code."""

    readyReceived = Signal()
    countrySelected = Signal(str, bool)
    dealerSelected = Signal(int, bool)
    backgroundSelected = Signal()
    portSelected = Signal(str)

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
