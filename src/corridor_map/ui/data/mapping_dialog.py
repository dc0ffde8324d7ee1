"""The table step: how the file was read (sheet, header row, layout, encoding, a preview) and which
column is which. Shown when the headers do not fit, or when the reader did more than read a plain
table (title rows, merged cells, hidden rows, a wide table …), so the user sees it and can correct it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from corridor_map.core.readers import RawTable
from corridor_map.core.schema import SCHEMAS, HeaderMatch, TableKind
from corridor_map.ui.data.dialogs import fill
from corridor_map.ui.data.table_box import TableBox


class ColumnMappingDialog(QDialog):
    """One combo of the file's headers per schema field; OK once every required field has a column.

    With ``raw`` (the table as read), a :class:`TableBox` above shows where the table was found and a
    preview; its "Read again" emits ``reread(options)`` for the import flow.
    """

    reread = Signal(dict)

    def __init__(
        self,
        path: Path,
        match: HeaderMatch,
        recalled: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
        raw: RawTable | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ColumnMappingDialog")
        self.path = path
        self.kind: TableKind = match.kind
        self.headers = list(match.headers)
        self.schema = SCHEMAS[self.kind]
        self.review = match.ok  # the headers fit: the user reviews how the file was read
        self.automatic = dict.fromkeys(self.headers, "") | {
            self.headers[i]: name for name, i in match.columns.items()
        }
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table_box: TableBox | None = None
        if raw is not None:
            self.table_box = TableBox(raw, {}, self)
            self.table_box.reread.connect(self.reread)
            layout.addWidget(self.table_box, 1)
            self.resize(860, 760)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        self.field_labels: dict[str, QLabel] = {}
        for f in self.schema.fields:
            combo = QComboBox(self)
            combo.addItem("", -1)
            for i, header in enumerate(self.headers):
                combo.addItem(header or f"#{i + 1}", i)
            combo.currentIndexChanged.connect(self._update_ok)
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(label, combo)
            self.combos[f.name] = combo
            self.field_labels[f.name] = label
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b2182b;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._prefill(match, recalled)
        self.retranslate()

    def _prefill(self, match: HeaderMatch, recalled: Mapping[str, str] | None) -> None:
        """The remembered choice for these headers if any, else what matched by name."""
        chosen: dict[str, int] = {}
        if recalled:
            for header, name in recalled.items():
                if name in self.combos and header in self.headers:
                    chosen[name] = self.headers.index(header)
        else:
            chosen = {name: i for name, i in match.columns.items() if name not in match.duplicates}
        for name, index in chosen.items():
            self.set_column(name, self.headers[index])

    def set_column(self, field_name: str, header: str | None) -> None:
        """Choose ``header`` (or nothing, with None) for ``field_name``."""
        combo = self.combos[field_name]
        if header is None:
            combo.setCurrentIndex(0)
            return
        combo.setCurrentIndex(combo.findData(self.headers.index(header)))

    def chosen_columns(self) -> dict[str, int]:
        """Field name -> column index, for the fields the user gave a column."""
        picked = {name: int(c.currentData()) for name, c in self.combos.items()}
        return {name: i for name, i in picked.items() if i >= 0}

    def mapping(self) -> dict[str, str]:
        """``{header as written: field}`` for every header; ``""`` means the column is ignored."""
        by_index = {i: name for name, i in self.chosen_columns().items()}
        return {header: by_index.get(i, "") for i, header in enumerate(self.headers)}

    def problems(self) -> list[str]:
        """What still keeps OK disabled (empty when the choice is complete)."""
        chosen = self.chosen_columns()
        out = [
            fill(self.tr("Choose a column for '%1'."), name)
            for name in self.schema.required_names()
            if name not in chosen
        ]
        for group in self.schema.one_of:
            if not any(name in chosen for name in group):
                out.append(fill(self.tr("Choose a column for '%1'."), " / ".join(group)))
        columns = list(chosen.values())
        if len(columns) != len(set(columns)):
            out.append(self.tr("A column can be used for one field only."))
        return out

    def mapping_changed(self) -> bool:
        """Whether the user chose other columns than the ones matched by name."""
        return self.mapping() != self.automatic

    def _update_ok(self) -> None:
        if self.table_box is not None:
            self.table_box.set_fields({i: name for name, i in self.chosen_columns().items()})
        found = self.problems()
        self.problem.setText("\n".join(found))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not found)

    def retranslate(self) -> None:
        """Every string in the current language."""
        if self.review:
            self.setWindowTitle(self.tr("Check how the file was read"))
            intro = self.tr(
                "%1 is not a plain table. Check where the table was found and which column is which; "
                "change the sheet, header row or layout and read it again if something is wrong."
            )
        else:
            self.setWindowTitle(self.tr("Match the columns"))
            intro = self.tr("Some columns of %1 were not recognised. Choose the column of each field.")
        self.intro.setText(fill(intro, self.path.name))
        one_of = {name for group in self.schema.one_of for name in group}
        for f in self.schema.fields:
            text = f"{f.name} ({f.label_zh})"
            if f.required:
                text += " " + self.tr("(required)")
            elif f.name in one_of:
                text += " " + self.tr("(this or the other date column)")
            self.field_labels[f.name].setText(text)
            self.combos[f.name].setItemText(0, self.tr("(not in the file)"))
        self._update_ok()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
