"""What the dealers and ranking docks share: a filter line, a sortable table synced with the state, export."""

from __future__ import annotations

import heapq
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from corridor_map.state import AppState, Event
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.dataframe_model import Column, DataFrameModel, SourceSortedProxy
from corridor_map.ui.panels.on_screen import WhenOnScreen
from corridor_map.ui.panels.plain import warn
from corridor_map.ui.panels.selection_sync import SelectionSync
from corridor_map.ui.panels.table_export import table_rows, write_table

log = logging.getLogger(__name__)

MAX_COLUMN_WIDTH = 260
WIDEST_CELLS = 3  # texts measured through the delegate for a column's width (the widest by the font)
WIDEST_LIMIT = 20_000  # rows whose texts are measured


def subscribe(owner: QObject, event: Event[Any], callback: Callable[[Any], Any]) -> None:
    """``event.connect(callback)`` for as long as ``owner`` lives (AppState outlives the widgets)."""
    event.connect(callback)
    owner.destroyed.connect(lambda *_: event.disconnect(callback))


class TableDock(QDockWidget):
    """A dock with a filter line, a sortable multi-select table of countries' rows, and an export button."""

    def __init__(
        self,
        state: AppState,
        languages: LanguageManager,
        columns: Sequence[Column],
        object_name: str,
        *,
        id_field: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)  # saveState/restoreState key
        self.state = state
        self.languages = languages
        self.model = DataFrameModel(columns, id_field=id_field, parent=self)
        self.proxy = SourceSortedProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)
        self.sync = SelectionSync(self.view, self.proxy, state)
        self._sized = False
        self._measured_with: tuple[str, str] = ("", "")  # the fonts of the widths below
        self._advances: dict[str, int] = {}
        self._paddings: dict[int, int] = {}  # per column
        self._header_hints: dict[int, tuple[tuple[str, int, Qt.SortOrder], int]] = {}
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.export_button = QToolButton(self)
        self.export_button.clicked.connect(self.export_dialog)
        self.top_row = QHBoxLayout()
        self.top_row.setContentsMargins(0, 0, 0, 0)
        self.top_row.addWidget(self.filter_edit, 1)
        self.top_row.addWidget(self.export_button)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.top_row)
        layout.addWidget(self.view, 1)
        self.setWidget(body)
        self.refresh_when_shown = WhenOnScreen(self, self.refresh)
        subscribe(self, state.selection_changed, self._on_selection)
        subscribe(self, state.filters_changed, self.refresh_when_shown)
        subscribe(self, state.dataset_changed, self.refresh_when_shown)
        languages.languageChanged.connect(self.retranslate)

    # ---- for subclasses -----------------------------------------------------------------------
    def build_fields(self) -> dict[str, list[Any]]:
        """The rows to show now as a list per field (every column's field, ``iso3`` and the id field)."""
        raise NotImplementedError

    def column_titles(self) -> list[str]:
        """Column headers in the UI language."""
        raise NotImplementedError

    def retranslate_texts(self) -> None:
        """Set the dock's own texts (title, placeholders) in the UI language."""
        raise NotImplementedError

    # ---- behaviour ----------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.languages.language

    def refresh(self) -> None:
        """Rebuild the rows from the state (dataset, filters, language), keeping the selection in step."""
        fields = self.build_fields()
        if self.model.shows(fields):
            return  # (a filter this table does not depend on: the same rows, nothing to redo)
        self.sync.reload(lambda: self.model.set_fields(fields))
        self.widen_columns()

    def widen_columns(self, fit: bool = False) -> None:
        """Widen the columns whose title or values no longer fit (new numbers, another language); never
        narrower, so the user's widths stay; text columns up to ``MAX_COLUMN_WIDTH`` (they elide, with the
        full text in the cell's tooltip), numbers always in full. ``fit``: every column as wide as it
        needs, narrower too (the first sizing, as ``resizeColumnsToContents`` would, without asking the
        delegate for each of the first 1,000 rows: a third of the window's building at start).

        A click changes the rows, and most often every text still fits: a column is measured through the
        delegate only when its widest text by the font, plus the cell's padding measured before, might
        not fit (the measuring was half of the dealers table's time on a click)."""
        if not self._sized:
            return
        header = self.view.horizontalHeader()
        fonts = self.view.font().key(), header.font().key()
        if fonts != self._measured_with:
            self._measured_with, self._advances, self._paddings, self._header_hints = fonts, {}, {}, {}
        for column, spec in enumerate(self.model.columns):
            if header.isSectionHidden(column):
                continue
            texts = self.model.display_texts(column, WIDEST_LIMIT)
            widths = {text: self._advance(text) for text in set(texts)}
            header_hint = self._header_hint(column)
            padding = self._paddings.get(column)
            if padding is not None and not fit:
                bound = max(max(widths.values(), default=0) + padding, header_hint)
                if (bound if spec.numeric else min(bound, MAX_COLUMN_WIDTH)) <= self.view.columnWidth(column):
                    continue  # everything fits already
            wanted = max(self._content_width(column, texts, widths), header_hint)
            if not spec.numeric:
                wanted = min(wanted, MAX_COLUMN_WIDTH)
            if fit or self.view.columnWidth(column) < wanted:
                self.view.setColumnWidth(column, wanted)

    def _advance(self, text: str) -> int:
        """The width of ``text`` in the view's font (remembered: the same names come back)."""
        width = self._advances.get(text)
        if width is None:
            if len(self._advances) >= WIDEST_LIMIT:
                self._advances.clear()
            width = self._advances[text] = self.view.fontMetrics().horizontalAdvance(text)
        return width

    def _header_hint(self, column: int) -> int:
        """The header section's size hint (its title, the sort arrow), remembered per title and sort."""
        header = self.view.horizontalHeader()
        key = self.model.headers()[column], header.sortIndicatorSection(), header.sortIndicatorOrder()
        known = self._header_hints.get(column)
        if known is None or known[0] != key:
            known = self._header_hints[column] = key, header.sectionSizeHint(column)
        return known[1]

    def _content_width(self, column: int, texts: list[str], widths: dict[str, int]) -> int:
        """The width the widest cells of ``column`` need, as ``sizeHintForColumn`` measures it, which asks
        the delegate for each of the first 1,000 rows (60 % of a filter change's time): here the texts
        are measured with the font (``widths``), and only the widest few cells through the delegate; the
        padding found (the delegate's width less the text's, plus a pixel of rounding) is kept for the
        next time."""
        widest = set(heapq.nlargest(WIDEST_CELLS, widths, key=widths.__getitem__))
        rows = [row for row, text in enumerate(texts) if text in widest][: 4 * WIDEST_CELLS]
        hints = [
            self.view.sizeHintForIndex(self.proxy.mapFromSource(self.model.index(row, column))).width()
            for row in rows
        ]
        if not hints or max(hints) < 0:  # (those rows are hidden by the filter line: Qt's way then)
            return self.view.sizeHintForColumn(column)
        grid = 1 if self.view.showGrid() else 0
        padding = max(hint - widths[texts[row]] for row, hint in zip(rows, hints, strict=True) if hint >= 0)
        self._paddings[column] = max(self._paddings.get(column, 0), padding + grid + 1)
        return max(hints) + grid

    def _on_selection(self, codes: frozenset[str]) -> None:
        self.sync.show_state(codes)

    def _on_filter_text(self, text: str) -> None:
        with self.sync.quiet():  # hiding rows is not a selection by the user
            self.proxy.filter_text(text)

    def retranslate(self, *_: Any) -> None:
        """Every visible string (and the country names in the rows) in the current language."""
        self.retranslate_texts()
        self.filter_edit.setPlaceholderText(self.tr("Filter rows…"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save this table as CSV or Excel"))
        self.model.set_headers(self.column_titles())
        self.refresh()
        fit = not self._sized and self.model.rowCount() > 0
        self._sized = self._sized or fit  # sized to fit once: later the user's column widths are kept
        self.widen_columns(fit)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- export -------------------------------------------------------------------------------
    def export_note(self) -> str:
        """The illustrative-sample label every export of sample data carries ("" for the user's data)."""
        return self.state.dataset.label(self.lang) if self.state.dataset.is_sample else ""

    def export_to(self, path: Path) -> int:
        """Write the shown rows (view order) to ``path`` (CSV or XLSX by suffix); return the row count."""
        rows = table_rows(self.proxy, self.model)
        write_table(path, self.model.headers(), rows, self.export_note())
        return len(rows)

    def export_dialog(self) -> None:
        csv_filter = self.tr("CSV (*.csv)")
        xlsx_filter = self.tr("Excel workbook (*.xlsx)")
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export table"), self.objectName() + ".csv", f"{csv_filter};;{xlsx_filter}"
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx" if chosen == xlsx_filter else ".csv")
        try:
            self.export_to(path)
        except OSError as exc:
            log.warning("export to %s failed: %s", path, exc)
            warn(
                self,
                self.tr("Export table"),
                self.tr("The table could not be saved:") + f"\n{path}\n{exc.strerror or exc}",
            )
