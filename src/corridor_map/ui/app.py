"""Starting the GUI: environment before Qt, the application, fonts, language, the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

from corridor_map import APP_NAME, ORG_NAME, __version__

log = logging.getLogger(__name__)


def prepare_chromium_flags(software_rendering: bool) -> None:
    """Chromium flags must be set before QtWebEngine starts.

    As root Chromium cannot sandbox its renderer and refuses to start, so the sandbox is off only
    then (CI, containers); software rendering is for machines with broken GPU drivers.
    """
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in flags:
        flags.append("--no-sandbox")
    if software_rendering and "--disable-gpu" not in flags:
        flags += ["--disable-gpu", "--disable-gpu-compositing"]
    if flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)


def create_application(software_rendering: bool) -> object:
    """The QApplication, created with the attributes QtWebEngine needs."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (import before the app exists)
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    if software_rendering:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_UseSoftwareOpenGL)
    from PySide6.QtGui import QGuiApplication, QIcon

    from corridor_map.paths import resources_dir

    QGuiApplication.setDesktopFileName("corridor-map")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("corridor-map-*.png")):
        icon.addFile(str(png))
    QGuiApplication.setWindowIcon(icon)
    return app


def run_gui(args: argparse.Namespace) -> int:
    """Start the window (or the smoke test) and run the event loop; the exit code."""
    started = time.perf_counter()
    from corridor_map.logging_setup import setup_logging

    setup_logging()
    # pandas and the data modules before PySide6: PySide6's import hook inspects the source of every
    # module imported after it (pandas alone takes about 0.4 s longer then).
    import corridor_map.core.aggregate
    import corridor_map.core.store  # noqa: F401

    # isort: split
    from PySide6.QtCore import QSettings

    software = bool(args.software_rendering) or str(
        QSettings(ORG_NAME, APP_NAME).value("graphics/software_rendering", "false")
    ).lower() in ("true", "1")
    prepare_chromium_flags(software)
    app = create_application(software)

    from corridor_map.paths import geo_dir, resources_dir
    from corridor_map.state import AppState
    from corridor_map.ui.fonts import apply_app_font, register_cjk_font
    from corridor_map.ui.i18n import LanguageManager
    from corridor_map.ui.main_window import MainWindow
    from corridor_map.ui.settings import Settings
    from corridor_map.ui.splash import load_active_dataset, load_corridor_or_none, show_splash

    family = register_cjk_font()
    app.setFont(apply_app_font(family))  # type: ignore[attr-defined]
    splash = show_splash()
    settings = Settings()
    languages = LanguageManager(app)  # type: ignore[arg-type]
    languages.set_language(args.lang or settings.language)
    state = AppState(load_active_dataset())
    window = MainWindow(settings, languages, state, [resources_dir(), geo_dir()], load_corridor_or_none())
    smoke = None
    if args.smoke_test:
        from corridor_map.ui.smoke import SmokeTest

        smoke = SmokeTest(window, started)
    else:
        window.mapFailed.connect(window.show_error)
    window.show()
    if getattr(args, "kiosk", False) and smoke is None:
        window.kiosk.enter()  # the tour starts when the map is ready
    if splash is not None:
        splash.finish(window)
    window.start_map()
    log.info("%s %s started (software rendering: %s)", APP_NAME, __version__, software)
    code = app.exec()  # type: ignore[attr-defined]
    window.close()
    del window
    return smoke.exit_code if smoke is not None and smoke.exit_code is not None else int(code)
