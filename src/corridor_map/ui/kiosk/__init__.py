"""Exhibition (kiosk) mode: full screen, touch-size controls, an auto-tour of the top destinations."""

from corridor_map.ui.kiosk.controller import KioskController
from corridor_map.ui.kiosk.settings import KioskSettings

__all__ = ["KioskController", "KioskSettings", "install_kiosk"]


def install_kiosk(window: object) -> KioskController:
    """A controller for the main window, its actions added to the window's View menu."""
    from corridor_map.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    controller = KioskController(window, window.state, KioskSettings.load(window.settings.qsettings))
    window.menu_view.addSeparator()
    window.menu_view.addAction(controller.act_enter)
    window.menu_view.addAction(controller.act_settings)
    return controller
