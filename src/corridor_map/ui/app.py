"""Starting the GUI: environment before Qt, the application, fonts, language, the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from corridor_map import APP_NAME, ORG_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplashScreen, QWidget

    from corridor_map.ui.main_window import MainWindow

log = logging.getLogger(__name__)


GPU_DEVICES = ("dri/renderD*", "nvidia[0-9]*")  # under /dev: what a Linux GPU driver shows programs
SOFTWARE_COMPOSITING = ("--disable-gpu", "--disable-gpu-compositing")  # Chromium's own, no OpenGL
# V8 for the app's pages: ``gc`` for ui/memory_care.py. (--optimize-for-size was measured and left out:
# the renderer ~100 MB smaller after a visitor's clicks, but the latency's p95 up to twice as long in 3 of
# 5 runs, and 1,000,000 dealers shown in 2.2 s, not 1.6 s: docs/benchmarks.md.)
JS_FLAGS = "--js-flags=--expose-gc"


def gpu_device_present(dev: Path = Path("/dev")) -> bool:
    """Whether programs can reach a GPU: on Linux a DRI render node or an NVIDIA device; elsewhere assumed.

    Without one (a virtual machine, a remote desktop, CI) OpenGL is Mesa's llvmpipe, a GPU emulated on
    the CPU: Chromium's GPU thread then loads LLVM and keeps its textures in the app's memory (~60 MB
    more at start, measured), for no speed gained over its own software compositor."""
    if not sys.platform.startswith("linux"):
        return True
    return any(any(dev.glob(pattern)) for pattern in GPU_DEVICES)


def prepare_chromium_flags(software_rendering: bool, dev: Path = Path("/dev")) -> None:
    """Chromium flags must be set before QtWebEngine starts.

    As root Chromium cannot sandbox its renderer and refuses to start, so the sandbox is off only
    then (CI, containers); the pages get ``JS_FLAGS`` (V8's ``gc``: they are the app's own files,
    nothing else is ever loaded) unless the flags set V8's already; software rendering is for machines
    with broken GPU drivers, and is chosen by itself on a machine with no GPU device
    (``gpu_device_present``) unless the flags already say something about the GPU. Qt Quick's scene
    graph follows Chromium's choice (``choose_scene_graph``).
    """
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in flags:
        flags.append("--no-sandbox")
    if not any(flag.startswith("--js-flags") for flag in flags):
        flags.append(JS_FLAGS)
    no_gpu = not software_rendering and not any("gpu" in f for f in flags) and not gpu_device_present(dev)
    if no_gpu:
        log.info("no GPU device under %s: Chromium composites in software", dev)
    if no_gpu or (software_rendering and SOFTWARE_COMPOSITING[0] not in flags):
        flags += SOFTWARE_COMPOSITING
    if flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    choose_scene_graph()


def composites_in_software() -> bool:
    """Whether Chromium composites the pages in software (chosen, or no GPU device): its flags say so."""
    return SOFTWARE_COMPOSITING[1] in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()


def choose_scene_graph() -> None:
    """Qt Quick draws in software too when Chromium composites in software, unless the environment
    chooses (``QT_QUICK_BACKEND``, ``QSG_RHI_BACKEND``).

    QtWebEngine shows Chromium's frames in the window through Qt Quick (the view's delegate is a
    ``QQuickWidget``), which tries OpenGL first: without a GPU device that is Mesa's llvmpipe, a GPU
    emulated on the CPU that every frame goes through once more. Measured under Xvfb, alternated: the
    map painted after 2.23 s instead of 2.44 s (four runs each), the app's process 25-40 MB smaller
    (PSS 12 s after start, three runs each). Set as Qt's environment variable, read when Qt Quick first
    draws, because the packaged app leaves out PySide6's QtQuick module (packaging/pyinstaller); like
    Chromium's flags, programs the app opens inherit it (a Qt Quick program among them draws in
    software: it works)."""
    if (
        os.environ.get("QT_QUICK_BACKEND")
        or os.environ.get("QSG_RHI_BACKEND")
        or not composites_in_software()
    ):
        return
    os.environ["QT_QUICK_BACKEND"] = "software"


def keep_fills_on_gui_thread() -> None:
    """Qt's raster engine paints the window's large fills on the GUI thread itself, unless the
    environment already says (``QT_NO_GUI_THREADPOOL``, Qt's own switch, read when Qt first paints).

    Otherwise every fill of 96 lines or more (a panel's scroll bar, a table's background, the map's
    frame blitted into the window) is cut into parts for a thread pool while the GUI thread waits for
    them; with Chromium's renderer busy on the other core of a small machine the hand-off costs more
    than the fill. Measured (``bench/profile_paths.py 100``, alternated, two runs each): the panels'
    layout and paint after a map click p95 18.2/14.0 -> 12.4/10.4 ms, after a row click 14.3/13.3 ->
    10.1/7.6 ms. Only for the window: the headless commands keep the pool, which converts a 3840x2160
    export's images ~0.1 s faster. Programs the app opens inherit the variable (they paint as well)."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


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
    from corridor_map.ui.gui_thread_gc import collect_on_gui_thread

    collect_on_gui_thread(app)  # a Qt object freed by a worker thread's collection crashes Chromium
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
    # (pandas and the data modules come later, while Chromium loads the map's page: ui.early_map)
    from PySide6.QtCore import QSettings

    software = bool(args.software_rendering) or str(
        QSettings(ORG_NAME, APP_NAME).value("graphics/software_rendering", "false")
    ).lower() in ("true", "1")
    prepare_chromium_flags(software)
    from corridor_map.ui.platform_check import uses_xcb, webengine_problem, xcb_problem

    problem = xcb_problem() if uses_xcb() else None
    if problem is None:
        try:
            create_application(software)
        except ImportError as error:
            problem = webengine_problem(error)
    if problem is not None:  # plainly to the terminal, and to the log file
        print(problem, file=sys.stderr)
        log.info("%s", problem)
        return 3

    from corridor_map.ui.composition import build_app
    from corridor_map.ui.splash import show_splash

    splash_box: list[QSplashScreen | None] = []
    built = build_app(
        language=args.lang or None,
        software_rendering=software,
        before_data=lambda: splash_box.append(show_splash()),
        early_map=True,
    )
    app, window = built.qt.qapp, built.window
    splash = splash_box[0] if splash_box else None
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
    freeze_after_first_paint(window)
    window.closed.connect(lambda: app.exit(0))  # (whatever else is open)
    if smoke is None:
        open_command_line_files(window, args)
    quit_on_signals(window)
    log.info("%s %s started (software rendering: %s)", APP_NAME, __version__, software)
    code = app.exec()
    if smoke is not None and smoke.exit_code is not None:
        code = smoke.exit_code
    end_process(window, int(code))
    return int(code)  # (not reached)


def open_command_line_files(window: MainWindow, args: argparse.Namespace) -> None:
    """``corridor-map FILE ...`` (a desktop's "Open with Corridor Map"): import the files through the
    window's own import flow, which reports each file or its error and keeps the data on a failure."""
    files = [Path(f).absolute() for f in getattr(args, "files", None) or []]
    if files:
        window.data_actions.open_files(files)


def freeze_after_first_paint(window: MainWindow) -> None:
    """Once the map first shows, what start-up made is frozen out of the garbage collector's full
    collections (``ui.gui_thread_gc.freeze_what_lives``): a second later, not in the first frame."""
    from PySide6.QtCore import QTimer

    from corridor_map.ui.gui_thread_gc import freeze_what_lives

    def ready() -> None:
        window.map_view.pageReady.disconnect(ready)
        QTimer.singleShot(1000, lambda: freeze_what_lives("after the first paint"))

    window.map_view.pageReady.connect(ready)


def quit_on_signals(window: QWidget) -> None:
    """SIGTERM (a shutdown, a kill) and SIGINT (Ctrl+C in the terminal) close the window as Ctrl+Q does.

    Python runs a signal handler only when it gets control: a light timer gives it that while Qt's
    event loop runs.
    """
    import signal

    from PySide6.QtCore import QTimer
    from shiboken6 import isValid

    def close(signum: int, _frame: object) -> None:
        log.info("signal %d: closing the window", signum)
        if isValid(window):  # (gone already when the display went first: the session ended)
            QTimer.singleShot(0, window, window.close)  # (not called if the window goes meanwhile)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, close)
    tick = QTimer(window)
    tick.timeout.connect(lambda: None)
    tick.start(200)


def end_process(window: QWidget, code: int) -> None:
    """End the process now that the window is closed and its state saved, whatever else still runs.

    Dialogs still open, the hidden export view, worker threads and QtWebEngine's teardown at Python's
    exit could keep the process alive or crash it after the user quit; so the window and its pages are
    deleted (QtWebEngine closes its render processes), logs are flushed, and the process exits.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    if window.isVisible():  # (the smoke test ends with the window open)
        window.close()  # (saves its state)
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    log.info("%s ended (exit code %d)", APP_NAME, code)
    from corridor_map.chromium_log import flush as forward_chromium_log

    forward_chromium_log()  # (Chromium's last lines, to the log file)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
