"""Input watching for exhibition mode: activity, Esc, cursor hiding, stray dialogs.

Installed only while exhibition mode is on, so it costs nothing otherwise.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

T = QEvent.Type
ACTIVITY = frozenset(
    {
        T.MouseButtonPress,
        T.MouseButtonDblClick,
        T.TouchBegin,
        T.TouchUpdate,
        T.TabletPress,
        T.KeyPress,
        T.Wheel,
        T.NativeGesture,
    }
)
MOVES = frozenset({T.MouseMove, T.HoverMove, T.TabletMove})


class InputWatcher(QObject):
    """Reports input in ``window`` and blocks what must not reach it in exhibition mode.

    * ``activity``: a press, touch, key or wheel anywhere (the tour pauses);
    * ``moved``: the mouse moved (the cursor shows again; keeps a visitor's exploration alive);
    * ``escape``: Esc was pressed (consumed: Esc alone never leaves exhibition mode);
    * ``closeRequested``: the window manager asked to close ``window`` (Alt+F4; consumed);
    * context menus are consumed (they would let a visitor reopen panels or toolbars);
    * ``dialogShown``: a dialog is open (the controller closes it after a while).

    The filter sits on the window and each widget in it, not on the application: with PySide6 6.12
    an application-wide Python event filter crashes (a wrapper created for an unwrapped internal
    object sets a property, whose event re-enters the filter: segfault in ``__dynamic_cast``). Widgets
    created later, and dialogs, are found by a scan every ``SCAN_MS``.
    """

    activity = Signal()
    moved = Signal()
    escape = Signal()
    closeRequested = Signal()
    dialogShown = Signal(QDialog)

    SCAN_MS = 400

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.installed = False
        self._watched: list[QWidget] = []
        self._dialogs: list[QDialog] = []
        self._scan = QTimer(self)
        self._scan.setInterval(self.SCAN_MS)
        self._scan.timeout.connect(self.scan)

    def install(self) -> None:
        if not self.installed:
            self.installed = True
            self.scan()
            self._scan.start()

    def uninstall(self) -> None:
        if self.installed:
            self.installed = False
            self._scan.stop()
            for widget in self._watched:
                if shiboken6.isValid(widget):
                    widget.removeEventFilter(self)
            self._watched = []
            self._dialogs = []

    def scan(self) -> None:
        """Filter every widget of the window (again: Qt keeps one entry per filter), report dialogs."""
        self._watched = [self.window, *self.window.findChildren(QWidget)]
        for widget in self._watched:
            widget.installEventFilter(self)
        self._dialogs = [d for d in self._dialogs if shiboken6.isValid(d) and d.isVisible()]
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible() and top not in self._dialogs:
                self._dialogs.append(top)
                self.dialogShown.emit(top)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in MOVES:
            self.moved.emit()
            return False
        if kind in ACTIVITY:
            if kind == T.KeyPress and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
                if not event.isAutoRepeat():
                    self.activity.emit()
                    self.escape.emit()
                return True
            self.activity.emit()
            return False
        if kind == T.ContextMenu:
            return True
        if kind == T.Close and watched is self.window and event.spontaneous():
            event.ignore()
            self.closeRequested.emit()
            return True
        return False


class CursorHider(QObject):
    """Hides the mouse cursor after ``delay_ms`` without movement; any movement shows it again."""

    POLL_MS = 250  # also polls the position: some widgets do not receive move events

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hidden = False
        self._last = QPoint()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._hide)
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._check_position)

    def start(self, delay_ms: int) -> None:
        self._idle.setInterval(delay_ms)
        self._last = QCursor.pos()
        self._idle.start()
        self._poll.start()

    def stop(self) -> None:
        self._idle.stop()
        self._poll.stop()
        self._show()

    def moved(self) -> None:
        self._show()
        if self._poll.isActive():
            self._idle.start()

    def _check_position(self) -> None:
        pos = QCursor.pos()
        if pos != self._last:
            self._last = pos
            self.moved()

    def _hide(self) -> None:
        if not self.hidden:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self.hidden = True

    def _show(self) -> None:
        if self.hidden:
            QGuiApplication.restoreOverrideCursor()
            self.hidden = False
