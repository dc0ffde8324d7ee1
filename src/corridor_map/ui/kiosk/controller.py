"""Exhibition mode: the stand's screen runs itself all day (issue 9).

``KioskController(host, state, settings)`` switches the main window (a ``KioskHost``) into a
full-screen, touch-friendly mode with an auto-tour of the top destinations. Any press, touch, key or
wheel pauses the tour; after ``idle_ms`` without input the map returns to the overview and the tour
resumes. Esc (or the window manager's close) only asks, in the window, whether to leave; the question
goes away by itself.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from corridor_map.core.countries import display_name
from corridor_map.mapgen.options import PageOptions
from corridor_map.state import AppState
from corridor_map.ui.kiosk.chrome import KioskChrome
from corridor_map.ui.kiosk.host import KioskHost
from corridor_map.ui.kiosk.input_watch import CursorHider, InputWatcher
from corridor_map.ui.kiosk.overlay import ExitConfirm, KioskBar
from corridor_map.ui.kiosk.settings import KioskSettings
from corridor_map.ui.kiosk.tour import TourPlayer
from corridor_map.view_state import MapExtent

log = logging.getLogger(__name__)


class KioskController(QObject):
    """Enters and leaves exhibition mode on ``host`` and runs the tour; ``act_enter`` and
    ``act_settings`` are for the window's View menu."""

    activeChanged = Signal(bool)

    def __init__(self, host: KioskHost, state: AppState, settings: KioskSettings | None = None) -> None:
        window = host.host_window()
        super().__init__(window)
        self.host = host
        self.state = state
        self.settings = settings if settings is not None else KioskSettings.load(host.settings.qsettings)
        self.active = False
        self.paused = False
        self.layers: dict[str, bool] = {}  # the map's layers as they were: restored with the overview
        dock = host.country_dock  # its dealer list would push the route out of sight on the stand
        self.chrome = KioskChrome(window, dock, (dock.headings["dealers"], dock.dealers_text))
        self.tour = TourPlayer(state, self)
        self.tour.overviewRequested.connect(self.show_overview)
        self.tour.stepped.connect(lambda *_: self._refresh_status())
        self.watcher = InputWatcher(window, self)
        self.watcher.activity.connect(self._on_activity)
        self.watcher.moved.connect(self._on_moved)
        self.watcher.escape.connect(self.ask_leave)
        self.watcher.closeRequested.connect(self.ask_leave)
        self.watcher.dialogShown.connect(self._on_dialog)
        self.cursor = CursorHider(self)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.resume)
        self.bar = KioskBar(window, host.map_view)
        self.bar.overviewClicked.connect(self.show_overview)
        self.bar.languageClicked.connect(self.toggle_language)
        self.bar.coveredChanged.connect(host.view_state.set_covered)  # the legend keeps out from under it
        self.confirm = ExitConfirm(window)
        self.confirm.confirmed.connect(self.leave)
        self.act_enter = QAction(window)
        self.act_enter.setObjectName("ExhibitionMode")
        self.act_enter.triggered.connect(self.enter)
        self.act_settings = QAction(window)
        self.act_settings.setObjectName("ExhibitionSettings")
        self.act_settings.triggered.connect(self.edit_settings)
        host.languages.languageChanged.connect(self._retranslate)
        host.mapReady.connect(self._on_map_ready)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.leave)  # never save the exhibition layout as the user's
        self._retranslate()

    # ---- entering and leaving ---------------------------------------------------------------
    def enter(self) -> None:
        """Full screen, only the country panel, the bar over the map; the tour starts (when the map is)."""
        if self.active:
            return
        log.info("entering exhibition mode")
        self.active = True
        self.paused = False
        self.chrome.apply()
        self.watcher.install()
        self.cursor.start(self.settings.cursor_ms)
        self.bar.show()
        self.bar.place()
        self.tour.configure(self.settings.dwell_ms, self.settings.top_n, self.settings.chosen)
        if self.host.map_view.ready:
            self._remember_layers()
            self.tour.start()
        self._refresh_status()
        self.activeChanged.emit(True)

    def leave(self) -> None:
        """Back to the normal window, as it was before (the selection stays)."""
        if not self.active:
            return
        log.info("leaving exhibition mode")
        self.active = False
        self.layers = {}
        self.tour.stop()
        self.idle.stop()
        self.watcher.uninstall()
        self.cursor.stop()
        self.confirm.hide()
        self.bar.hide()
        self.chrome.restore()
        self.activeChanged.emit(False)

    def ask_leave(self) -> None:
        """Esc: the question in the window; only its button leaves, and it goes away by itself."""
        if self.active:
            self.confirm.ask(self.settings.confirm_ms)

    # ---- the tour -----------------------------------------------------------------------------
    def _on_map_ready(self) -> None:
        if self.active and not self.layers:
            self._remember_layers()
        if self.active and not self.paused and not self.tour.running:
            self.tour.start()

    def _remember_layers(self) -> None:
        """Which layers are shown, so that the overview undoes a visitor's unticking."""
        self.layers = dict(self.host.view_state.extent.layers)

    def _on_activity(self) -> None:
        """A visitor touched something: the tour waits while they explore."""
        if not self.active:
            return
        if not self.layers:  # (the page may have reported its layers only after the tour started)
            self._remember_layers()
        if not self.paused:
            self.paused = True
            self.tour.stop()
            self._refresh_status()
        self.idle.start(self.settings.idle_ms)

    def _on_moved(self) -> None:
        self.cursor.moved()
        if self.active and self.paused:
            self.idle.start(self.settings.idle_ms)  # someone is still exploring

    def resume(self) -> None:
        """Nobody touched the screen for a while: the overview, then the tour from its start."""
        if not self.active:
            return
        self.paused = False
        self.confirm.hide()
        if self.host.map_view.ready:
            self.tour.start()
        self._refresh_status()

    def show_overview(self) -> None:
        """No selection and the map's initial view."""
        self.state.clear_selection()
        start = PageOptions()
        self.host.view_state.request_view(MapExtent(start.center, start.zoom, dict(self.layers)), fly=True)

    # ---- language, status, settings, stray dialogs ------------------------------------------------
    def toggle_language(self) -> None:
        view_state = self.host.view_state
        view_state.set_language("zh" if view_state.language == "en" else "en")

    def _retranslate(self, *_: object) -> None:
        self.act_enter.setText(self.tr("Exhibition mode"))
        self.act_enter.setToolTip(self.tr("Full screen with an automatic tour; Esc, then confirm, to leave"))
        self.act_settings.setText(self.tr("Exhibition settings…"))
        self._refresh_status()

    def _refresh_status(self) -> None:
        if not self.active:
            return
        if self.paused:
            seconds = str(max(1, round(self.settings.idle_ms / 1000)))
            text = self.tr("Explore the map: the tour resumes after %1 s without a touch").replace(
                "%1", seconds
            )
        elif self.tour.position == 0 or not self.tour.round:
            text = self.tr("Top destinations of vehicles from Chongqing — touch the map to explore")
        else:
            code = self.tour.round[self.tour.position - 1]
            name = display_name(code, self.host.view_state.language)
            text = f"{self.tour.position} / {len(self.tour.round)}   {name}"
        self.bar.set_status(text)

    def edit_settings(self) -> None:
        """The settings dialog (outside exhibition mode only: a dialog could strand the stand's screen)."""
        if self.active:
            return
        from corridor_map.ui.kiosk.settings_dialog import KioskSettingsDialog

        dialog = KioskSettingsDialog(
            self.state, self.settings, self.host.view_state.language, self.host.host_window()
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings = dialog.result_settings()
            self.settings.save(self.host.settings.qsettings)

    def _on_dialog(self, dialog: QDialog) -> None:
        """A dialog opened in exhibition mode (an error, a page alert): it closes itself after a while."""
        log.warning("a dialog opened in exhibition mode: %s; it will be closed", dialog.windowTitle())

        def close() -> None:
            if shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.reject()

        QTimer.singleShot(self.settings.dialog_ms, close)
