"""Start-up feedback: a splash while the data loads (the window follows within a second)."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen, QWidget

from corridor_map.paths import resources_dir

if TYPE_CHECKING:  # (pandas comes with the data, after the map's page is asked for: ui.early_map)
    from corridor_map.core.dataset import Dataset

log = logging.getLogger(__name__)

SPLASH_BACKGROUND = "#0b5c8e"  # the icon's own dark blue
SPLASH_TEXT = "#ffffff"  # 7.2:1 on it (WCAG asks 4.5:1)
SPLASH_SIZE = (320, 300)  # the 256 px icon and a band of about 36 px below it for the status line


def contrast_ratio(one: QColor, two: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21; 4.5 is the minimum for body text)."""

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def splash_pixmap() -> QPixmap:
    """The app icon on the splash's dark blue, with a band below it for the status line."""
    icon = resources_dir() / "icons" / "corridor-map-256.png"
    canvas = QPixmap(SPLASH_SIZE[0], SPLASH_SIZE[1])
    canvas.fill(QColor(SPLASH_BACKGROUND))
    if icon.is_file():
        painter = QPainter(canvas)
        painter.drawPixmap((SPLASH_SIZE[0] - 256) // 2, 8, QPixmap(str(icon)))
        painter.end()
    return canvas


EXPOSE_WAIT_S = 0.25  # at most, for the splash to be on screen before the start goes on


class Splash(QSplashScreen):
    """``QSplashScreen`` without its wait at show: Qt waits there for the window to be exposed, but on
    X11 and Wayland the exposure is only delivered after ``show()`` returns, so every start waited for
    the wait's whole timeout, 1 s (measured under Xvfb, with and without a window manager; FreeCAD met
    the same: FreeCAD/FreeCAD#29917). ``show_splash`` waits for the exposure itself, after ``show()``."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            return QWidget.event(self, event)  # (not QSplashScreen's: its wait)
        return super().event(event)


def show_splash() -> QSplashScreen | None:
    """The app icon and a line of light text on dark blue, shown at once (not on the offscreen platform):
    on screen and painted when this returns, or after ``EXPOSE_WAIT_S`` at most."""
    if QApplication.platformName() == "offscreen":
        return None
    splash = Splash(splash_pixmap())
    splash.showMessage(
        QCoreApplication.translate("Splash", "Corridor Map — loading data…"),
        Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
        QColor(SPLASH_TEXT),
    )
    splash.show()
    deadline = time.perf_counter() + EXPOSE_WAIT_S
    window = splash.windowHandle()
    while window is not None and not window.isExposed() and time.perf_counter() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
    QApplication.processEvents()  # (painted)
    return splash


def load_active_dataset() -> Dataset:
    """The dataset that was active at the last run (the bundled sample on a fresh install)."""
    from corridor_map.core.store import DatasetStore

    dataset = DatasetStore().load_active()
    log.info(
        "active dataset: %s (%d sales rows, %d dealers)",
        dataset.label("en"),
        len(dataset.sales),
        len(dataset.dealers),
    )
    return dataset
