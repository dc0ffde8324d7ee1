"""Widgets that show text as text: user strings (dealer, city, brand names, paths) never become HTML."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard


class SelectableOnHover(QObject):
    """Makes a label's text selectable while the pointer is over it (or text in it is selected).

    A selectable QLabel lays its text out as a QTextDocument at every relayout: the country panel's
    labels took two thirds of a click's time to lay out and paint that way (bench/profile_paths.py).
    A plain label measures its text with the font; the document is made only when someone may select.
    """

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Enter:
            self.label.setTextInteractionFlags(SELECTABLE)
        elif kind in (QEvent.Type.Leave, QEvent.Type.FocusOut) and not self._in_use():
            self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return False

    def _in_use(self) -> bool:
        """Text selected (to copy with the keyboard), or the pointer still over the label."""
        return self.label.hasSelectedText() or self.label.underMouse()


class PlainLabel(QLabel):
    """A QLabel that remembers its height for a width until its text, font, style or flags change.

    A layout pass asks a word-wrapped label for its height several times (minimum, hint, the box's own
    height for the width), and QLabel shapes its whole text for each answer: the country panel's labels
    were a fifth of a click's time in the panels (bench/profile_paths.py, py-spy --native)."""

    MAX_WIDTHS = 32  # widths remembered (a dock dragged wider asks for many)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= self.MAX_WIDTHS:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)

    def setTextInteractionFlags(self, flags: Qt.TextInteractionFlag) -> None:
        self._heights.clear()  # (selectable text is laid out as a document: it may differ by a pixel)
        super().setTextInteractionFlags(flags)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


def plain_label(parent: QWidget | None = None, text: str = "", *, wrap: bool = True) -> QLabel:
    """A QLabel that never interprets its text as rich text; its text can be selected with the mouse."""
    label = PlainLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    SelectableOnHover(label)
    label.setText(text)
    return label


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box whose text is plain (a path or name containing ``<`` stays as typed)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()
