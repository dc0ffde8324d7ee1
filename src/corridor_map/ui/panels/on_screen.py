"""Panels behind another tab are brought up to date when they come to the front, not at every change.

A click or a filter change updated every panel, the ones behind another dock's tab too (QMainWindow keeps
those visible but off screen): a third of a click's time went to panels nobody could see
(bench/profile_paths.py). A dock wraps its refresh in ``WhenOnScreen``: run at once while the dock is on
screen, otherwise remembered and run when the dock is shown (its tab chosen, or the dock opened).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget


def on_screen(dock: QDockWidget) -> bool:
    """Whether any of ``dock`` can be seen: shown, and not behind another dock's tab (off screen then)."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


class WhenOnScreen(QObject):
    """``refresh`` run now while ``dock`` is on screen, or once it comes on screen; call it for a change."""

    def __init__(self, dock: QDockWidget, refresh: Callable[[], Any]) -> None:
        super().__init__(dock)
        self.dock = dock
        self._refresh = refresh
        self.stale = False
        dock.visibilityChanged.connect(self._on_visibility)

    def __call__(self, *_: Any) -> None:
        if on_screen(self.dock) or not self.dock.window().isVisible():
            self.stale = False
            self._refresh()  # (a window not shown yet, or a dock on its own: as before, at once)
        else:
            self.stale = True

    def _on_visibility(self, visible: bool) -> None:
        if visible and self.stale:
            self.stale = False
            self._refresh()

    def flush(self) -> None:
        """Run a remembered refresh now (before reading what the panel shows)."""
        if self.stale:
            self.stale = False
            self._refresh()
