"""The main window: the map in the centre, dock areas for panels, menus, status bar."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QProgressBar, QWidget

from corridor_map import APP_NAME
from corridor_map.core.corridor import Corridor
from corridor_map.core.store import DatasetStore
from corridor_map.mapgen.startup_cache import startup_key, write_startup
from corridor_map.paths import user_cache_dir, user_log_dir
from corridor_map.state import NO_FILTERS, AppState
from corridor_map.ui.about import AboutDialog
from corridor_map.ui.data.actions import DataActions
from corridor_map.ui.dock_tabs import StrayTabBarSweeper
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.kiosk import install_kiosk
from corridor_map.ui.memory_care import MemoryCare
from corridor_map.ui.page_builder import PageBuilder
from corridor_map.ui.panels.country_dock import CountryDock
from corridor_map.ui.panels.dealers_dock import DealersDock
from corridor_map.ui.panels.filters_dock import FiltersDock
from corridor_map.ui.panels.glance_dock import GlanceDock
from corridor_map.ui.panels.ranking_dock import RankingDock
from corridor_map.ui.panels.route_compare import TransitParamsModel
from corridor_map.ui.panels.route_dock import RouteDock
from corridor_map.ui.panels.toolbar import PanelsToolBar
from corridor_map.ui.panels.views_dock import ViewsDock
from corridor_map.ui.presenter import PagePresenter
from corridor_map.ui.settings import Settings
from corridor_map.ui.shortcut_keeper import ShortcutKeeper
from corridor_map.ui.status_message import TranslatedStatus
from corridor_map.ui.view_binding import bound_view_state
from corridor_map.ui.view_presenter import ViewPresenter
from corridor_map.ui.web import MapView, shared_tripwire
from corridor_map.ui.window_size import first_window_size
from corridor_map.view_state import WORLD_NAMES, ViewState

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Corridor Map's window. Panels dock around the map; the layout is remembered."""

    mapReady = Signal()
    mapFailed = Signal(str)
    closed = Signal()  # the window was closed (Ctrl+Q, the close button): the app ends

    def __init__(
        self,
        settings: Settings,
        languages: LanguageManager,
        state: AppState,
        allowed_roots: list[Path],
        corridor: Corridor | None = None,
        *,
        view_state: ViewState | None = None,
        map_view: MapView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.languages = languages
        self.state = state
        # how the map is shown (build_app makes it and ties it to the settings and the translators)
        self.view_state = view_state or bound_view_state(settings, languages)
        self.setObjectName("MainWindow")
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tripwire = shared_tripwire(allowed_roots)
        # (a view made before the window is already loading the page: ui.early_map)
        self.map_view = map_view if map_view is not None else MapView(self.tripwire, self)
        self.map_view.setObjectName("MapView")
        self.setCentralWidget(self.map_view)
        if map_view is not None:  # (it loaded shown off screen: now on screen, with the window)
            map_view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
            map_view.show()  # (a widget given another parent is hidden until shown again)
        self.presenter = PagePresenter(self.map_view, state, self.view_state.language, corridor)
        self.presenter.pagePushed.connect(self._remember_start_calls)
        self.view_presenter = ViewPresenter(self.map_view, self.view_state, self.presenter)
        self.memory_care = MemoryCare(self.map_view.api, self)
        self.corridor = corridor
        self._export_dialog: Any = None  # File → Export PNG or PDF…, created on first use
        self._factsheet_dialog: Any = None  # File → Fact sheets… and the Country panel's button
        self._restart_reason = ""
        self.builder = PageBuilder(self)
        self.builder.finished.connect(self._on_page_built)
        self.builder.failed.connect(self._on_page_failed)
        self.map_view.pageReady.connect(self._on_page_ready)
        self.map_view.renderProcessRestarted.connect(self._on_render_restarted)
        self.map_view.renderProcessFailed.connect(self._on_page_failed)
        self.data_actions = DataActions(self, state, DatasetStore())
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._build_panels(state, languages)
        self.tab_sweeper = StrayTabBarSweeper(self)  # (a Qt 6.12 bug leaves tab bars over the docks)
        ShortcutKeeper(self, self.act_export_png.shortcuts()).watch(self)  # (Ctrl+E in the search box)
        self.kiosk = install_kiosk(self)  # View → Exhibition mode / Exhibition settings…
        size, maximize = first_window_size(self.screen())
        self.resize(size)
        self._default_layout = self.saveState()
        geometry, layout = settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        elif maximize:  # a small screen: all of it (and its size, where nothing maximizes windows)
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        if layout is not None:
            self.restoreState(layout)
        self.view_state.point_of_view_changed.connect(self._show_point_of_view)
        self.view_state.world_changed.connect(self._rebuild_for_world)
        self.retranslate()

    # ---- construction -------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.act_export_png = QAction(self)
        self.act_export_png.setShortcut(QKeySequence("Ctrl+E"))
        self.act_export_png.triggered.connect(self.show_export_dialog)
        self.act_factsheets = QAction(self)
        self.act_factsheets.triggered.connect(self.show_factsheet_dialog)
        self.act_quit = QAction(self)
        # the platform's Quit key, and Ctrl+Q always (some platforms define no Quit key at all)
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        ctrl_q = QKeySequence("Ctrl+Q")
        self.act_quit.setShortcuts([*quit_keys, ctrl_q] if ctrl_q not in quit_keys else quit_keys)
        self.act_quit.triggered.connect(self.close)
        self.lang_group = QActionGroup(self)
        self.act_lang: dict[str, QAction] = {}
        for code, label in (("en", "English"), ("zh", "中文")):
            action = QAction(label, self, checkable=True)  # language names are shown in their own script
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.lang_group.addAction(action)
            self.act_lang[code] = action
        self.pov_group = QActionGroup(self)
        self.act_pov: dict[str, QAction] = {}
        for code in ("china", "ne"):
            action = QAction(self, checkable=True)
            action.triggered.connect(lambda _=False, c=code: self.set_point_of_view(c))
            self.pov_group.addAction(action)
            self.act_pov[code] = action
        self.act_pov[self.view_state.point_of_view].setChecked(True)
        self.world_group = QActionGroup(self)
        self.act_world: dict[str, QAction] = {}
        for code in WORLD_NAMES:
            action = QAction(self, checkable=True)
            action.triggered.connect(lambda _=False, c=code: self.view_state.set_world(c))
            self.world_group.addAction(action)
            self.act_world[code] = action
        self.act_world[self.view_state.world].setChecked(True)
        self.act_software = QAction(self, checkable=True)
        self.act_software.setChecked(self.settings.software_rendering)
        self.act_software.toggled.connect(self._on_software_toggled)
        self.act_reset_layout = QAction(self)
        self.act_reset_layout.triggered.connect(self._reset_layout)
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.act_assumptions = QAction(self)
        self.act_assumptions.triggered.connect(self.show_assumptions)
        self.act_logs = QAction(self)
        self.act_logs.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(user_log_dir())))
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.data_actions.add_to(self.menu_file)
        self.menu_file.addAction(self.act_export_png)
        self.menu_file.addAction(self.act_factsheets)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_view = bar.addMenu("")
        self.menu_lang = self.menu_view.addMenu("")
        self.menu_lang.addActions(list(self.act_lang.values()))
        self.menu_pov = self.menu_view.addMenu("")
        self.menu_pov.addActions(list(self.act_pov.values()))
        self.menu_world = self.menu_view.addMenu("")
        self.menu_world.addActions(list(self.act_world.values()))
        self.menu_panels = self.menu_view.addMenu("")
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_software)
        self.menu_view.addAction(self.act_reset_layout)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_assumptions)
        self.menu_help.addAction(self.act_logs)
        self.menu_help.addAction(self.act_about)

    def _build_panels(self, state: AppState, languages: LanguageManager) -> None:
        """The docks and the search toolbar; they follow the shared state, never each other."""
        self.toolbar = PanelsToolBar(state, languages, self)
        self.addToolBar(self.toolbar)
        self.country_dock = CountryDock(state, languages, self, corridor=self.corridor)
        self.country_dock.factSheetRequested.connect(self.show_factsheet_dialog)
        self.glance_dock = GlanceDock(state, languages, self)
        self.ranking_dock = RankingDock(state, languages, self)
        self.dealers_dock = DealersDock(state, languages, self)
        self.filters_dock = FiltersDock(state, languages, self)
        self.transit_params = TransitParamsModel(self)
        self.route_dock = RouteDock(
            state, languages, self, params=self.transit_params, corridor=self.corridor
        )
        self.views_dock = ViewsDock(state, languages, self, view_state=self.view_state)
        self.route_dock.editor.sources_button.clicked.connect(self.show_assumptions)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.country_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glance_dock)
        self.tabifyDockWidget(self.country_dock, self.glance_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.route_dock)
        self.tabifyDockWidget(self.country_dock, self.route_dock)
        self.country_dock.raise_()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.ranking_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.filters_dock)
        self.tabifyDockWidget(self.ranking_dock, self.filters_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.views_dock)
        self.tabifyDockWidget(self.ranking_dock, self.views_dock)
        self.filters_dock.raise_()
        self.route_dock.routesChanged.connect(self.view_state.set_routes)
        self.filters_dock.playback.positionChanged.connect(self.view_state.set_playback_year)
        self._view_restored = False
        self.map_view.pageReady.connect(self._restore_last_view)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dealers_dock)
        self.resizeDocks([self.ranking_dock, self.country_dock], [300, 340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.dealers_dock], [190], Qt.Orientation.Vertical)
        self.toolbar.search.flyRequested.connect(self.view_state.request_fit)
        self.toolbar.search.portRequested.connect(self.presenter.show_port)
        self.toolbar.cleared.connect(self.presenter.close_port_card)
        self.menu_panels.addActions([d.toggleViewAction() for d in self.docks()])  # every dock, one list
        self.menu_view.addAction(self.toolbar.act_show_all)
        self.menu_view.addAction(self.toolbar.act_clear)
        self.menu_view.addAction(self.toolbar.act_find)

    def host_window(self) -> QMainWindow:
        """This window (as exhibition mode's ``KioskHost``)."""
        return self

    def docks(self) -> tuple[QDockWidget, ...]:
        """Every side panel."""
        return (
            self.country_dock,
            self.glance_dock,
            self.route_dock,
            self.filters_dock,
            self.ranking_dock,
            self.views_dock,
            self.dealers_dock,
        )

    def _restore_last_view(self) -> None:
        """The view the user left at the last run (once per start, after the page first loads)."""
        if not self._view_restored:
            self._view_restored = True
            if not self.views_dock.restore_last():
                self._frame_first_view()

    def _frame_first_view(self) -> None:
        """A first run: the corridor's hubs and the destinations holding most units (core.first_view)."""
        from corridor_map.core.basemap import load_country_table
        from corridor_map.core.corridor import load_ports
        from corridor_map.core.first_view import first_view

        ports = self.corridor.ports if self.corridor is not None else load_ports()
        view = first_view(self.state.dataset.sales, ports, load_country_table(), edge=self.view_state.edge)
        self.view_state.request_bounds(view.bounds, view.core)

    def _build_status_bar(self) -> None:
        self.status_progress = QProgressBar(self)
        self.status_progress.setRange(0, 0)
        self.status_progress.setMaximumWidth(160)
        self.status_map = QLabel(self)
        self.status_message = TranslatedStatus(self.statusBar())  # follows a language switch
        self.statusBar().addPermanentWidget(self.data_actions.status)
        self.statusBar().addPermanentWidget(self.status_map)
        self.statusBar().addPermanentWidget(self.status_progress)

    # ---- language ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every visible string in the current language (called on LanguageChange)."""
        self.setWindowTitle(self.tr("Corridor Map — Chongqing vehicle exports"))
        self.menu_file.setTitle(self.tr("&File"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_export_png.setText(self.tr("&Export PNG or PDF…"))
        self.act_factsheets.setText(self.tr("&Fact sheets…"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_pov.setTitle(self.tr("&Point of view"))
        self.menu_panels.setTitle(self.tr("P&anels"))
        self.act_pov["china"].setText(self.tr("China's point of view (default)"))
        self.act_pov["ne"].setText(self.tr("Natural Earth default view"))
        self.menu_world.setTitle(self.tr("&World map"))
        self.act_world["pacific"].setText(self.tr("Centred on the Pacific, as maps made in China (default)"))
        self.act_world["greenwich"].setText(self.tr("Centred on Greenwich (0°)"))
        self.act_software.setText(self.tr("Software rendering (applies at next start)"))
        self.act_reset_layout.setText(self.tr("Reset window layout"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_logs.setText(self.tr("Open log folder"))
        self.act_about.setText(self.tr("&About Corridor Map"))
        self.act_assumptions.setText(self.tr("&Transit assumptions"))
        self.act_lang[self.languages.language].setChecked(True)
        self._update_status_map()
        self.status_message.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """Switch the UI and the page to ``en`` or ``zh`` without restarting (the view state's
        followers: the translators, the settings, the page)."""
        self.view_state.set_language(language)

    def set_point_of_view(self, pov: str) -> None:
        """China's point of view or Natural Earth's default view; the page restyles in place."""
        self.view_state.set_point_of_view(pov)

    def _show_point_of_view(self, pov: str) -> None:
        self.act_pov[pov].setChecked(True)
        self._update_status_map()

    def _update_status_map(self) -> None:
        pov = (
            self.tr("China's point of view")
            if self.view_state.point_of_view == "china"
            else self.tr("Natural Earth default view")
        )
        self.status_map.setText(self.tr("Map: Natural Earth 1:50m · %1").replace("%1", pov))

    # ---- the map page -------------------------------------------------------------------------
    def start_map(self) -> None:
        """Build (or reuse) the page in the background; the window is already on screen."""
        self.status_progress.show()
        options = self.view_state.page_options()
        early, self.map_view.early_options = self.map_view.early_options, None
        if early == options:  # that page is loading already
            self.status_message.show(lambda: self.tr("Loading the map…"))
            self.map_view.release_ready()
            return
        self.map_view.release_ready(announce=False)  # (a page for other options: this one replaces it)
        self.status_message.show(lambda: self.tr("Preparing the map…"))
        self.builder.start(options)

    def _rebuild_for_world(self, world: str) -> None:
        """The other world needs another page (its geometry is placed when the page is built): build or
        reuse it, and once it is ready go back to where the map was (the view state keeps ±180)."""
        self.act_world[world].setChecked(True)
        extent = self.view_state.extent

        def back_to_where_it_was() -> None:
            self.map_view.pageReady.disconnect(back_to_where_it_was)
            if extent.center is not None:
                self.view_state.request_view(extent)

        self.map_view.pageReady.connect(back_to_where_it_was)
        self.start_map()

    def _remember_start_calls(self, startup: str) -> None:
        """Keep what a start pushes to the page (the dataset, the default filters, no selection): the
        next start's early page makes these calls itself as it loads (``mapgen.startup_cache``). A page
        that started with them pushes nothing: they are kept already."""
        if self.state.selection or self.state.filters != NO_FILTERS:
            return
        key = startup_key(self.view_state.page_options(), self.state.dataset.id)
        if write_startup(user_cache_dir(), key, startup):
            log.debug("the start calls for this page and dataset kept: %s", key)

    def _on_page_built(self, page: Path, seconds: float) -> None:
        log.info("page ready in %.2f s: %s", seconds, page)
        self.status_message.show(lambda: self.tr("Loading the map…"))
        self.map_view.load_page(page)

    def _on_page_ready(self) -> None:
        self.status_progress.hide()
        if self._restart_reason:
            self.statusBar().showMessage(
                self.tr("The map's display process stopped (%1); it has been reloaded.").replace(
                    "%1", self._restart_reason
                ),
                10000,
            )
            self._restart_reason = ""
        else:
            self.status_message.show(lambda: self.tr("Map ready"), 5000)
        self.mapReady.emit()

    def _on_page_failed(self, message: str) -> None:
        self.status_progress.hide()
        self.status_message.show(lambda: self.tr("The map could not be shown"))
        self.mapFailed.emit(message)

    def _on_render_restarted(self, reason: str) -> None:
        self._restart_reason = reason
        self.status_progress.show()
        self.status_message.show(lambda: self.tr("Loading the map…"))

    # ---- misc ---------------------------------------------------------------------------------
    def _on_software_toggled(self, checked: bool) -> None:
        self.settings.software_rendering = checked
        self.status_message.show(lambda: self.tr("Software rendering takes effect at the next start."), 8000)

    def _reset_layout(self) -> None:
        """Panels back where they were on a first start."""
        self.restoreState(self._default_layout)
        for dock in self.docks():
            dock.show()

    def show_export_dialog(self) -> None:
        """File → Export PNG or PDF…: one dialog per window, so its hidden export view loads only once."""
        from corridor_map.ui.export.dialog import ExportDialog  # late: only when used

        if self._export_dialog is None:
            self._export_dialog = ExportDialog(
                self.state,
                self.tripwire,
                language=self.view_state.language,
                view_state=self.view_state,
                parent=self,
                corridor=self.corridor,
            )
        self._export_dialog.set_language(self.view_state.language)
        self._export_dialog.set_point_of_view(self.view_state.point_of_view)
        self._export_dialog.show()
        self._export_dialog.raise_()
        self._export_dialog.activateWindow()

    def show_factsheet_dialog(self) -> None:
        """Country panel → Fact sheet… or File → Fact sheets…: one dialog per window (its job keeps the
        hidden export view), starting from the selected country."""
        from corridor_map.ui.factsheet_dialog import FactSheetDialog  # late: only when used

        if self._factsheet_dialog is None:
            self._factsheet_dialog = FactSheetDialog(
                self.state,
                self.tripwire,
                language=self.view_state.language,
                corridor=self.corridor,
                parent=self,
            )
        dialog = self._factsheet_dialog
        dialog.set_language(self.view_state.language)
        if not dialog.running:
            dialog.choose_selection()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def show_about(self) -> None:
        AboutDialog(self).exec()

    def show_assumptions(self) -> None:
        """Help → Transit assumptions: the values in use, the defaults, their basis and sources."""
        from corridor_map.ui.assumptions_dialog import AssumptionsDialog

        dialog = AssumptionsDialog(self.transit_params.params, self.languages.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_error(self, message: str) -> None:
        QMessageBox.critical(self, APP_NAME, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.settings.map_size = (self.map_view.width(), self.map_view.height())
        self.views_dock.remember_last()
        self.data_actions.shutdown()
        self.settings.qsettings.sync()  # on disk now: the process may end without destructors
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
