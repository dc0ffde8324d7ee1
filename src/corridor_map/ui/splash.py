"""Start-up feedback: a splash while the data loads (the window follows within a second)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen

from corridor_map.core.corridor import Corridor, load_corridor
from corridor_map.core.dataset import Dataset
from corridor_map.core.errors import GeoDataError
from corridor_map.paths import resources_dir

log = logging.getLogger(__name__)


def show_splash() -> QSplashScreen | None:
    """The app icon and a line of text, shown at once (skipped on the offscreen platform)."""
    if QApplication.platformName() == "offscreen":
        return None
    icon = resources_dir() / "icons" / "corridor-map-256.png"
    pixmap = QPixmap(str(icon)) if icon.is_file() else QPixmap(256, 256)
    splash = QSplashScreen(pixmap)
    splash.showMessage(
        QCoreApplication.translate("Splash", "Corridor Map — loading data…"),
        Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
        QColor("#222222"),
    )
    splash.show()
    QApplication.processEvents()
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


def load_corridor_or_none() -> Corridor | None:
    """The corridor network (ports, legs, routes); None, logged, if its files are unusable —
    the page builder then reports the file by name."""
    try:
        return load_corridor()
    except GeoDataError as exc:
        log.error("corridor data unusable: %s", exc)
        return None
