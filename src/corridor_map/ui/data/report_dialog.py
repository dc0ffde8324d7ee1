"""The import report: accepted and rejected counts, every rejection, and Replace / Append / Cancel."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from corridor_map.core.export_rows import write_rejected_csv
from corridor_map.core.validate import Rejection, ValidationResult
from corridor_map.ui.data import dialogs
from corridor_map.ui.plain_text import plain_tooltip

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


class RejectionsModel(QAbstractTableModel):
    """Rejections as a table (row, field, reason); virtual, so a million rows cost nothing to show."""

    def __init__(self, rejections: list[Rejection], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rejections = rejections
        self.lang = "en"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rejections)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rejections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.row, r.field, r.text(self.lang))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return plain_tooltip(r.text(self.lang))  # long reasons are elided in the cell; cells as text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Row"), self.tr("Field"), self.tr("Reason"))[section]


class ImportReportDialog(QDialog):
    """Shown after a file was read and checked; emits ``chosen("replace"|"append")`` or is rejected."""

    chosen = Signal(str)

    def __init__(self, result: ValidationResult, can_append: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportReportDialog")
        self.validation = result
        self.can_append = can_append
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        self.summary = self._plain_label()
        self.explain = self._plain_label()
        layout.addWidget(self.summary)
        self.layout_text = self._plain_label()  # how the file was read: header row, rows left out, …
        self.layout_text.setObjectName("layoutText")
        layout.addWidget(self.layout_text)
        self.model = RejectionsModel(result.rejections, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 70)
        self.table.setVisible(bool(result.rejections))
        layout.addWidget(self.table, 1)
        # notes on accepted rows: a dealer placed at its city, coordinates outside the country, …
        self.notes_heading = self._plain_label()
        self.notes_list = QListWidget(self)
        self.btn_take_swaps = QPushButton(self)
        self.btn_take_swaps.clicked.connect(self.take_swaps)
        layout.addWidget(self.notes_heading)
        layout.addWidget(self.notes_list, 1)
        layout.addWidget(self.btn_take_swaps, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.explain)
        if not result.rejections and not result.notes:
            layout.addStretch(1)  # the texts at the top, the buttons at the bottom
        buttons = QHBoxLayout()
        self.btn_save_rejected = QPushButton(self)
        self.btn_save_rejected.setEnabled(bool(result.rejections))
        self.btn_save_rejected.clicked.connect(self.save_rejected)
        self.btn_replace = QPushButton(self)
        self.btn_append = QPushButton(self)
        self.btn_cancel = QPushButton(self)
        self.btn_replace.setEnabled(result.accepted_count > 0)
        self.btn_append.setEnabled(result.accepted_count > 0 and can_append)
        self.btn_replace.clicked.connect(lambda: self.choose("replace"))
        self.btn_append.clicked.connect(lambda: self.choose("append"))
        self.btn_cancel.clicked.connect(self.reject)
        buttons.addWidget(self.btn_save_rejected)
        buttons.addStretch(1)
        for button in (self.btn_replace, self.btn_append, self.btn_cancel):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        (self.btn_replace if result.accepted_count else self.btn_cancel).setDefault(True)
        self.saved_rejected: Path | None = None
        self.retranslate()

    def _plain_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    @staticmethod
    def _lang() -> str:
        return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"

    def _show_notes(self) -> None:
        notes = self.validation.notes
        lang = self._lang()
        self.notes_list.clear()
        for note in notes:
            self.notes_list.addItem(
                dialogs.fill(self.tr("Row %1, %2: %3"), note.row, note.field, note.text(lang))
            )
        for widget in (self.notes_heading, self.notes_list):
            widget.setVisible(bool(notes))
        swaps = len(self.validation.swaps)
        self.btn_take_swaps.setVisible(bool(swaps))
        self.btn_take_swaps.setText(
            dialogs.fill(self.tr("Use the swapped coordinates for %1 dealers"), swaps) if swaps else ""
        )
        self.notes_heading.setText(dialogs.fill(self.tr("Notes on accepted rows (%1):"), len(notes)))

    def take_swaps(self) -> int:
        """Take the swapped latitude/longitude the notes offer (those dealers then count as exact)."""
        taken = self.validation.take_swaps()
        log.info("took the swapped coordinates of %d dealers", taken)
        self._show_notes()
        return taken

    def choose(self, mode: str) -> None:
        """Confirm the import with ``replace`` or ``append``."""
        button = self.btn_replace if mode == "replace" else self.btn_append
        if not button.isEnabled():
            return
        self.chosen.emit(mode)
        self.accept()

    def save_rejected(self) -> Path | None:
        """Ask where, then write the rejected rows as a spreadsheet-safe CSV; the path written, or None."""
        suggested = self.validation.path.with_name(f"{self.validation.path.stem}_rejected.csv")
        answer = dialogs.ask_save_path(
            self, self.tr("Save rejected rows"), suggested, [self.tr("CSV files (*.csv)")]
        )
        if answer is None:
            return None
        path = answer[0] if answer[0].suffix.lower() == ".csv" else answer[0].with_suffix(".csv")
        if path.resolve() == self.validation.path.resolve():
            dialogs.message_box(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Save rejected rows"),
                self.tr("Choose another file: the imported file itself is never overwritten."),
            )
            return None
        try:
            count = write_rejected_csv(path, self.validation)
        except OSError as exc:
            log.warning("cannot write %s: %s", path, exc)
            dialogs.message_box(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Save rejected rows"),
                dialogs.fill(self.tr("%1 could not be written: %2"), path, exc),
            )
            return None
        log.info("wrote %d rejected rows to %s", count, path)
        self.saved_rejected = path
        return path

    def retranslate(self) -> None:
        """Every string in the current language."""
        r = self.validation
        self.setWindowTitle(dialogs.fill(self.tr("Import report — %1"), r.path.name))
        what = self.tr("sales rows") if r.kind == "sales" else self.tr("dealer rows")
        self.summary.setText(
            dialogs.fill(
                self.tr("%1: %2 data rows, %3 accepted, %4 rejected (%5 problems)."),
                r.path.name,
                f"{r.rows:,}",
                f"{r.accepted_count:,}",
                f"{len(r.rejected_rows):,}",
                f"{len(r.rejections):,}",
            )
        )
        if r.kind == "sales" and r.accepted_count:
            accepted = r.accepted
            self.summary.setText(
                self.summary.text()
                + "\n"
                + dialogs.fill(
                    self.tr("Accepted: %1 units in %2 countries (compare with the file's own total)."),
                    f"{int(accepted['units'].sum()):,}",
                    accepted["iso3"].nunique(),
                )
            )
        if not r.accepted_count:
            text = self.tr("No row can be imported. Fix the file and import it again.")
        elif self.can_append:
            text = dialogs.fill(
                self.tr("Replace: the accepted %1 replace yours. Append: they are added."), what
            )
        else:
            text = dialogs.fill(
                self.tr("The accepted %1 start a dataset of your own (no sample rows)."), what
            )
        self.explain.setText(text)
        lang = self._lang()
        lines = r.raw.layout.lines() if r.raw.layout else []
        shown = ["• " + (zh if lang == "zh" else en) for en, zh in lines]
        if r.match is not None and r.match.unused:
            names = ", ".join(f"'{c}'" for c in r.match.unused)
            shown.append("• " + dialogs.fill(self.tr("columns ignored: %1"), names))
        self.layout_text.setText("\n".join(shown))
        self.layout_text.setVisible(bool(shown))
        self.model.lang = lang
        self.model.dataChanged.emit(self.model.index(0, 2), self.model.index(self.model.rowCount() - 1, 2))
        self.btn_save_rejected.setText(self.tr("Save rejected rows as CSV…"))
        self.btn_replace.setText(self.tr("Replace"))
        self.btn_append.setText(self.tr("Append"))
        self.btn_cancel.setText(self.tr("Cancel"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self._show_notes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
