"""What exhibition mode needs from the window it runs in (the main window provides it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QMainWindow, QMenu

    from corridor_map.state import AppState
    from corridor_map.ui.i18n import LanguageManager
    from corridor_map.ui.panels.country_dock import CountryDock
    from corridor_map.ui.settings import Settings
    from corridor_map.ui.web import MapView
    from corridor_map.view_state import ViewState


class KioskHost(Protocol):
    """A main window with a map, a country panel and a View menu, following two states.

    The kiosk reads and writes the states (selection, language, where the map is) and changes only the
    window's look (``host_window()``: full screen, which docks show); it never calls the page.
    """

    state: AppState
    view_state: ViewState
    settings: Settings
    languages: LanguageManager
    country_dock: CountryDock
    map_view: MapView
    menu_view: QMenu

    @property
    def mapReady(self) -> SignalInstance: ...

    def host_window(self) -> QMainWindow:
        """The window itself, for its look (full screen, docks, overlays)."""
        ...
