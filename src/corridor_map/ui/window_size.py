"""The size of a first window (no layout saved yet): the default where the screen has room for it, else
as much as the screen's free area holds, maximized (a 1366×768 laptop or a 1280×720 projector at a fair
would otherwise show the window's right and bottom panels off the screen)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QScreen

DEFAULT_SIZE = QSize(1400, 860)
FRAME = QSize(16, 40)  # a window manager's borders and title bar, about
NO_SCREEN_PLATFORMS = frozenset({"offscreen", "minimal"})  # a virtual screen (800×600): nothing to fit


def fitted_size(available: QSize | None) -> tuple[QSize, bool]:
    """The first window's size for a screen whose free area (without panels and task bars) is
    ``available``, and whether to maximize it; the default for no screen."""
    if available is None or available.isEmpty():
        return QSize(DEFAULT_SIZE), False
    room = available - FRAME
    if DEFAULT_SIZE.width() <= room.width() and DEFAULT_SIZE.height() <= room.height():
        return QSize(DEFAULT_SIZE), False
    return DEFAULT_SIZE.boundedTo(room), True


def first_window_size(screen: QScreen | None) -> tuple[QSize, bool]:
    """``fitted_size`` for the screen a window opens on (the primary one when not known)."""
    if QGuiApplication.platformName() in NO_SCREEN_PLATFORMS:
        return fitted_size(None)
    screen = screen or QGuiApplication.primaryScreen()
    return fitted_size(screen.availableGeometry().size() if screen is not None else None)
