"""The window's own shortcuts reach it from its line edits too.

A line edit gives some keys a meaning of its own before the window's shortcuts see them: with the
X11 key bindings (the Linux desktop) Ctrl+E moves the cursor to the end of the line, so File → Export
(Ctrl+E) did nothing while the search box or a table's filter had the focus. The line edits of a window
get this filter: for the keys given, the window's action wins (End still moves to the end).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget


class ShortcutKeeper(QObject):
    """Lets ``keys`` through a line edit's own key bindings to the window's shortcuts."""

    def __init__(self, parent: QObject, keys: Iterable[QKeySequence]) -> None:
        super().__init__(parent)
        self.keys = {QKeySequence(key).toString() for key in keys}

    def watch(self, root: QWidget) -> None:
        """Filter every line edit below ``root`` (those made later are not watched)."""
        for edit in root.findChildren(QLineEdit):
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()).toString() in self.keys
        ):
            event.ignore()  # (not taken by the line edit: the shortcut map goes on to the action)
            return True
        return False
