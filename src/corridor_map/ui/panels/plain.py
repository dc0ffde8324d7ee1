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


def plain_label(parent: QWidget | None = None, text: str = "", *, wrap: bool = True) -> QLabel:
    """A QLabel that never interprets its text as rich text; its text can be selected with the mouse."""
    label = QLabel(parent)
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
