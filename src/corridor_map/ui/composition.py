"""The composition root: the one place that builds the app from its parts.

The GUI (``ui.app``), the ``export`` command, the tests' window fixture and the benchmarks all start here:
``start_qt`` makes the Qt application (attributes QtWebEngine needs, the app's fonts, the translators);
``build_app`` adds the settings, the two states (``AppState``: what the map shows; ``ViewState``: how),
the corridor, loaded once, and the main window that receives them all.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from corridor_map.core.corridor import Corridor
    from corridor_map.core.dataset import Dataset
    from corridor_map.state import AppState
    from corridor_map.ui.i18n import LanguageManager
    from corridor_map.ui.main_window import MainWindow
    from corridor_map.ui.settings import Settings
    from corridor_map.ui.web import MapView
    from corridor_map.view_state import ViewState

log = logging.getLogger(__name__)


@dataclass
class QtStart:
    """The Qt application and its translators."""

    qapp: QApplication
    languages: LanguageManager
    created: bool  # this call made the QApplication (a command in a process of its own)


@dataclass
class App:
    """Everything ``build_app`` made, for the caller to show, test or measure."""

    qt: QtStart
    settings: Settings
    view_state: ViewState
    state: AppState
    corridor: Corridor | None
    window: MainWindow


def start_qt(language: str, *, software_rendering: bool = False, headless: bool = False) -> QtStart:
    """The QApplication with the attributes QtWebEngine needs, the app's fonts (with the CJK font) and
    the translators for ``language``. ``headless`` uses the offscreen platform unless one is chosen."""
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from corridor_map.ui.app import create_application, keep_fills_on_gui_thread, prepare_chromium_flags

    created = QApplication.instance() is None
    prepare_chromium_flags(software_rendering)
    if not headless:
        keep_fills_on_gui_thread()  # the window's panels repaint faster (the commands keep Qt's pool)
    qapp = create_application(software_rendering)
    from corridor_map.ui.fonts import apply_app_font, register_cjk_font
    from corridor_map.ui.i18n import LanguageManager

    qapp.setFont(apply_app_font(register_cjk_font()))  # type: ignore[attr-defined]
    languages = LanguageManager(qapp)  # type: ignore[arg-type]
    languages.set_language(language)
    return QtStart(qapp, languages, created)  # type: ignore[arg-type]


def load_corridor_or_none() -> Corridor | None:
    """The corridor network (ports, legs, routes); None, logged, if its files are unusable — the page
    builder then reports the file by name, and the panels say there is no route data."""
    from corridor_map.core.corridor import load_corridor
    from corridor_map.core.errors import GeoDataError

    try:
        return load_corridor()
    except GeoDataError as exc:
        log.error("corridor data unusable: %s", exc)
        return None


def build_app(
    *,
    language: str | None = None,
    dataset: Dataset | None = None,
    software_rendering: bool = False,
    first_run: bool = False,
    before_data: Callable[[], None] | None = None,
    early_map: bool = False,
) -> App:
    """The app, its window built but not shown. ``language``: the settings' when None; ``dataset``: the
    one active at the last run when None; ``first_run`` forgets the window layout and the last view an
    earlier run left (the tests' fresh start); ``before_data`` runs once Qt is up, before the data loads
    (the GUI's splash); ``early_map`` asks for the map's page before the data loads (``ui.early_map``:
    the GUI's start)."""
    from corridor_map.ui.settings import Settings

    if first_run:
        from corridor_map.core.saved_views import ViewStore

        Settings().qsettings.clear()
        ViewStore().path.unlink(missing_ok=True)
    settings = Settings()
    qt = start_qt(language or settings.language, software_rendering=software_rendering)
    if before_data is not None:
        before_data()
    from corridor_map.paths import geo_dir, resources_dir
    from corridor_map.ui.view_binding import bound_view_state

    allowed_roots = [resources_dir(), geo_dir()]
    view_state = bound_view_state(settings, qt.languages)
    map_view: MapView | None = None
    imports: AbstractContextManager[None] = nullcontext()
    if early_map:
        from corridor_map.core.active_pointer import active_dataset_id
        from corridor_map.ui.early_map import event_breaks, start_map_early

        dataset_id = dataset.id if dataset is not None else active_dataset_id()
        map_view = start_map_early(allowed_roots, view_state.page_options(), settings.map_size, dataset_id)
        if map_view is not None:  # (Chromium loads it while the data modules are imported)
            imports = event_breaks()
    with imports:  # (not around the window's construction: no event may reach a half-built window)
        from corridor_map.state import AppState
        from corridor_map.ui.main_window import MainWindow

        if dataset is None:
            from corridor_map.ui.splash import load_active_dataset

            dataset = load_active_dataset()
        corridor = load_corridor_or_none()
    state = AppState(dataset)
    window = MainWindow(
        settings, qt.languages, state, allowed_roots, corridor, view_state=view_state, map_view=map_view
    )
    return App(qt, settings, view_state, state, corridor, window)
