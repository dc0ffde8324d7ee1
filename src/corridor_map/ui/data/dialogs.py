"""The small standard dialogs of the data menu, as functions (tests replace them with monkeypatch).

Each returns what the user chose (or None / False when they cancelled). User text (paths, file and
sheet names) is shown as plain text, never as rich text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from corridor_map.core.schema import TableKind

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """Put ``values`` into a translated ``template``'s ``%1``, ``%2``… in one pass (a file name that
    contains ``%2`` stays as it is)."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values) else m.group(0),
        template,
    )


def ask_open_path(parent: QWidget | None, kind: TableKind, start_dir: str = "") -> Path | None:
    """The sales or dealers file to import (any extension: the content decides the format)."""
    title = (
        QCoreApplication.translate("DataDialogs", "Import sales")
        if kind == "sales"
        else QCoreApplication.translate("DataDialogs", "Import dealers")
    )
    filters = ";;".join(
        (
            QCoreApplication.translate("DataDialogs", "Spreadsheets (*.csv *.xlsx *.xls *.ods *.tsv *.txt)"),
            QCoreApplication.translate("DataDialogs", "All files (*)"),
        )
    )
    path, _ = QFileDialog.getOpenFileName(parent, title, start_dir, filters)
    return Path(path) if path else None


def ask_save_path(
    parent: QWidget | None, title: str, suggested: Path, filters: Sequence[str]
) -> tuple[Path, str] | None:
    """Where to save, and which of ``filters`` the user picked; None when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), ";;".join(filters))
    return (Path(path), chosen) if path else None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; True for yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A window-modal message shown without blocking (``open()``); deleted when closed."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
