"""Hide the stray dock tab bars that Qt 6.12 leaves over the docks.

When a window has two tabbed dock groups, ``QMainWindow`` keeps an orphan copy of the second group's first
tab bar (and ``restoreState`` can add more): it is never laid out again and stays visible over the docks
(over the Filters panel's year slider). A tab bar that the layout uses sits beside its docks, never over a
visible one, and the layout shows it again whenever it places it; so the bars lying over a dock are hidden
after every relayout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar


def stray_tab_bars(window: QMainWindow) -> list[QTabBar]:
    """The window's dock tab bars that lie over a dock on screen."""
    docks = [
        d.geometry()
        for d in window.findChildren(QDockWidget)
        if d.isVisible() and not d.isFloating() and d.geometry().intersects(window.rect())
    ]
    return [
        bar
        for bar in window.findChildren(QTabBar)
        if bar.parentWidget() is window
        and bar.isVisible()
        and any(dock.intersects(bar.geometry()) for dock in docks)
    ]


class StrayTabBarSweeper(QObject):
    """Watches ``window``'s layout and hides the stray tab bars once each relayout is done."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.sweep)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.ChildAdded)
        if watched is self.window and event.type() in kinds:
            self._timer.start()
        return False

    def sweep(self) -> None:
        for bar in stray_tab_bars(self.window):
            bar.hide()
