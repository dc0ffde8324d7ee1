"""The one object the page can reach over QWebChannel: a few typed, validated slots.

Page → Python: ``ready()`` (the page's API is live). More slots come with linked selection.
QWebChannel also publishes inherited members of QObject (``deleteLater``, ``destroyed``,
``objectNameChanged``); the view watches ``destroyed`` and the bridge is re-created with the page.
See docs/bridge.md for the documented surface.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot


class MapBridge(QObject):
    """Slots the page calls; nothing here touches files or runs code."""

    readyReceived = Signal()

    @Slot()
    def ready(self) -> None:
        """The page built its map and connected the channel."""
        self.readyReceived.emit()
