"""Exhibition (kiosk) mode: full screen, touch-size controls, an auto-tour of the top destinations."""

from corridor_map.ui.kiosk.controller import KioskController
from corridor_map.ui.kiosk.host import KioskHost
from corridor_map.ui.kiosk.settings import KioskSettings

__all__ = ["KioskController", "KioskHost", "KioskSettings", "install_kiosk"]


def install_kiosk(host: KioskHost) -> KioskController:
    """A controller for the main window, its actions added to the window's View menu."""
    controller = KioskController(host, host.state, KioskSettings.load(host.settings.qsettings))
    host.menu_view.addSeparator()
    host.menu_view.addAction(controller.act_enter)
    host.menu_view.addAction(controller.act_settings)
    return controller
