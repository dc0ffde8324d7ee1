"""Where the table is in a file, as the reader found it, with the user's overrides and a preview.

Part of the import's table step (:class:`~corridor_map.ui.data.mapping_dialog.ColumnMappingDialog`):
the sheet, the header row, the layout (long, or years/months as columns) and a CSV file's encoding,
preselected with what the reader found; "Read again" reads the file with the user's choice. Below,
what the reader did (title rows skipped, merged cells filled, hidden rows left out …) and the first
rows of the table as read, with their spreadsheet row numbers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from corridor_map.core.encodings import NAMES
from corridor_map.core.readers import RawTable

PREVIEW_ROWS = 8
ENCODINGS = ("utf-8", "gb18030", "big5", "cp1252", "cp1250", "cp1251", "shift_jis", "utf-16")
LAYOUTS = ("auto", "long", "wide")


def review_needed(raw: RawTable) -> bool:
    """Whether the reader did more than read a plain table: the user should see how the file was read."""
    layout = raw.layout
    if layout is None:
        return False
    return bool(
        layout.header_row != 1
        or layout.skipped
        or layout.merged
        or layout.unpivoted
        or layout.encoding_doubt[0]
        or (layout.sheet_found and len(layout.sheets) > 1)
        or not layout.header_found
    )


class TableBox(QGroupBox):
    """Sheet, header row, layout and encoding, the findings, and a preview; emits ``reread(options)``."""

    reread = Signal(dict)

    def __init__(self, raw: RawTable, fields: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TableBox")
        self.raw = raw
        self.fields = fields  # column index -> field name chosen (for the preview's headers)
        layout = raw.layout
        box = QVBoxLayout(self)
        form = QFormLayout()
        self.sheet = QComboBox(self)
        for name in layout.sheets if layout else []:
            self.sheet.addItem(name, name)
        if layout and layout.sheet:
            self.sheet.setCurrentIndex(max(0, self.sheet.findData(layout.sheet)))
        self.header_row = QSpinBox(self)
        self.header_row.setRange(1, 1_048_576)
        self.header_row.setValue(raw.header_row)
        self.layout_choice = QComboBox(self)
        for key in LAYOUTS:
            self.layout_choice.addItem("", key)
        self.encoding = QComboBox(self)
        self.encoding.addItem("", "")
        for code in ENCODINGS:
            self.encoding.addItem(NAMES.get(code, code), code)
        if layout and layout.encoding_code:
            found = self.encoding.findData(_family(layout.encoding_code))
            self.encoding.setCurrentIndex(max(0, found))
        self.sheet_label, self.header_label = QLabel(self), QLabel(self)
        self.layout_label, self.encoding_label = QLabel(self), QLabel(self)
        form.addRow(self.sheet_label, self.sheet)
        form.addRow(self.header_label, self.header_row)
        form.addRow(self.layout_label, self.layout_choice)
        form.addRow(self.encoding_label, self.encoding)
        is_csv = raw.format == "csv"
        for label, widget, shown in (
            (self.sheet_label, self.sheet, not is_csv and self.sheet.count() > 1),
            (self.encoding_label, self.encoding, is_csv),
        ):
            label.setVisible(shown)
            widget.setVisible(shown)
        box.addLayout(form)
        row = QHBoxLayout()
        self.btn_reread = QPushButton(self)
        self.btn_reread.clicked.connect(lambda: self.reread.emit(self.options()))
        row.addWidget(self.btn_reread)
        row.addStretch(1)
        box.addLayout(row)
        self.findings = QLabel(self)
        self.findings.setTextFormat(Qt.TextFormat.PlainText)
        self.findings.setWordWrap(True)
        box.addWidget(self.findings)
        self.preview = QTableWidget(self)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setMinimumHeight(150)
        box.addWidget(self.preview, 1)
        for widget in (self.sheet, self.layout_choice, self.encoding):
            widget.currentIndexChanged.connect(self._update_reread)
        self.header_row.valueChanged.connect(self._update_reread)
        self._fill_preview()
        self.retranslate()

    def options(self) -> dict[str, Any]:
        """The user's choice, as :func:`~corridor_map.core.importing.load_table` takes it."""
        return {
            "sheet": self.sheet.currentData() if self.sheet.count() else None,
            "header_row": self.header_row.value(),
            "encoding": (self.encoding.currentData() or None) if self.raw.format == "csv" else None,
            "layout": self.layout_choice.currentData(),
        }

    def changed(self) -> bool:
        """Whether the choice differs from how the file was read."""
        layout = self.raw.layout
        chosen = self.options()
        return (
            chosen["layout"] != "auto"
            or chosen["header_row"] != self.raw.header_row
            or (self.sheet.count() > 0 and layout is not None and chosen["sheet"] != layout.sheet)
            or (
                self.raw.format == "csv"
                and layout is not None
                and (chosen["encoding"] or "") != _family(layout.encoding_code or "")
            )
        )

    def set_fields(self, fields: dict[int, str]) -> None:
        """Show which field each column feeds in the preview's headers."""
        self.fields = fields
        self._label_columns()

    def _fill_preview(self) -> None:
        raw = self.raw
        cells = raw.cells.head(PREVIEW_ROWS)
        self.preview.setColumnCount(len(raw.headers))
        self.preview.setRowCount(len(cells))
        for r, values in enumerate(cells.itertuples(index=False)):
            for c, value in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem(str(value)))
        self.preview.setVerticalHeaderLabels([str(int(n)) for n in raw.rows[: len(cells)]])
        self._label_columns()

    def _label_columns(self) -> None:
        labels = []
        for i, header in enumerate(self.raw.headers):
            name = self.fields.get(i)
            labels.append(f"{header}\n→ {name}" if name else f"{header}\n—")
        self.preview.setHorizontalHeaderLabels(labels)
        self.preview.resizeColumnsToContents()

    def _update_reread(self) -> None:
        self.btn_reread.setEnabled(self.changed())

    @staticmethod
    def _lang() -> str:
        return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"

    def retranslate(self) -> None:
        """Every string in the current language."""
        self.setTitle(self.tr("Where the table is"))
        self.sheet_label.setText(self.tr("Sheet"))
        self.header_label.setText(self.tr("Header row"))
        self.layout_label.setText(self.tr("Layout"))
        self.encoding_label.setText(self.tr("Text encoding"))
        texts = {
            "auto": self.tr("As found"),
            "long": self.tr("One row per record (columns as they are)"),
            "wide": self.tr("Years or months as columns (one row per year or month)"),
        }
        for i, key in enumerate(LAYOUTS):
            self.layout_choice.setItemText(i, texts[key])
        self.encoding.setItemText(0, self.tr("Detect"))
        self.btn_reread.setText(self.tr("Read again with this choice"))
        layout = self.raw.layout
        lines = layout.lines() if layout else []
        lang = self._lang()
        self.findings.setText("\n".join("• " + (zh if lang == "zh" else en) for en, zh in lines))
        self._update_reread()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _family(code: str) -> str:
    """The encoding choice a codec belongs to (``utf-8-sig`` → ``utf-8``, ``utf-16-le`` → ``utf-16``)."""
    code = code.lower()
    if code.startswith("utf-8"):
        return "utf-8"
    if code.startswith("utf-16"):
        return "utf-16"
    return code
