"""A thin read-only QAbstractTableModel over rows given as a list per field (or a pandas DataFrame), for
use behind :class:`SourceSortedProxy`. A click that changes a table's rows builds lists, not a DataFrame;
the model sorts its own rows by keys made once per column (a QSortFilterProxyModel would compare rows
through ``data()``, a Python call each time: ~3.4 million calls and ~10 s for 100,000 dealers).

Display text is plain text (item views never interpret it as HTML); numbers are right-aligned and sort
by value through :data:`SORT_ROLE`; :data:`KEY_ROLE` gives the row's country (ISO3), :data:`ROW_ID_ROLE`
a stable row id, so views can sync their selection with the app's state by business keys.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from corridor_map.ui.plain_text import plain_tooltip

KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the row's ISO3 code
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the raw value, for sorting
ROW_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # a row id that survives re-sorting and reloads

Index = QModelIndex | QPersistentModelIndex
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
ALIGN_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_int(value: Any) -> str:
    """``12345`` → ``12,345``; missing → ``–``."""
    return "–" if _missing(value) else f"{int(value):,}"


def format_percent(value: Any) -> str:
    """A share 0…1 as ``41.2 %``; missing → ``–``."""
    return "–" if _missing(value) else f"{float(value) * 100:.1f} %"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@dataclass(frozen=True)
class Column:
    """One shown column: the frame's ``field``, whether it is a number, and how to show a value."""

    field: str
    numeric: bool = False
    display: Callable[[Any], str] | None = None
    export: Callable[[Any], Any] | None = None  # the value written to CSV/XLSX (default: the raw value)


class DataFrameModel(QAbstractTableModel):
    """Rows of a frame, shown through ``columns``; headers are set (and retranslated) by the owner."""

    def __init__(
        self,
        columns: Sequence[Column],
        key_field: str = "iso3",
        id_field: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.key_field = key_field
        self.id_field = id_field
        self._headers = [c.field for c in self.columns]
        self._frame: pd.DataFrame | None = pd.DataFrame()  # made from ``_fields`` when first asked for
        self._fields: dict[str, list[Any]] = {}
        self._values: list[list[Any]] = [[] for _ in self.columns]
        self._shown: list[list[str] | None] = [None for _ in self.columns]  # display texts, made on demand
        self._sort: list[list[Any] | None] = [None for _ in self.columns]  # sort keys, made on demand
        self._keys: list[str] = []
        self._ids: list[Any] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # the column and order the rows are in
        self._row_texts: list[str] | None = None  # each row's shown texts, folded, for the filter line
        self.version = 0  # changes whenever the rows or their order do

    # ---- content ------------------------------------------------------------------------------
    def set_fields(self, fields: Mapping[str, list[Any]]) -> None:
        """Show the rows ``fields`` gives, a list per field of equal lengths (every column's field, the key
        field and the id field)."""
        self.beginResetModel()
        self._fields = dict(fields)
        self._frame = None
        rows = len(fields[self.key_field])
        self._values = [[_plain(v) for v in fields[c.field]] for c in self.columns]
        self._shown = [None for _ in self.columns]
        self._sort = [None for _ in self.columns]
        self._keys = [str(k) for k in fields[self.key_field]]
        self._ids = list(fields[self.id_field]) if self.id_field and rows else list(range(rows))
        self._row_texts = None
        self.version += 1
        if self._sorted_by is not None and rows:
            self._reorder(self._order(*self._sorted_by))
        self.endResetModel()

    # ---- sorting ------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows by ``column``'s sort keys (stable, as the proxy would), the selection kept; the rows given
        later come in this order too. A column out of range (Qt's -1: no sort) changes nothing."""
        if not 0 <= column < len(self.columns):
            return
        self._sorted_by = (column, order)
        if not self._keys:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        new_to_old = self._order(column, order)
        self._reorder(new_to_old)
        old_to_new = [0] * len(new_to_old)
        for new, old in enumerate(new_to_old):
            old_to_new[old] = new
        moved = [self.index(old_to_new[i.row()], i.column()) for i in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> list[int]:
        """The rows (as now) in the order of ``column``'s keys: the new row's old row, for each."""
        keys = self._sort_keys(column)
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)

    def _reorder(self, new_to_old: list[int]) -> None:
        def moved(values: list[Any]) -> list[Any]:
            return [values[old] for old in new_to_old]

        self._values = [moved(v) for v in self._values]
        self._shown = [None if t is None else moved(t) for t in self._shown]
        self._sort = [None if k is None else moved(k) for k in self._sort]
        self._keys, self._ids = moved(self._keys), moved(self._ids)
        self._row_texts = None if self._row_texts is None else moved(self._row_texts)
        self.version += 1

    def rows_containing(self, text: str) -> set[int]:
        """The rows with ``text`` in one of their cells as shown, ignoring case."""
        if self._row_texts is None:
            cells = [self._display_texts(column) for column in range(len(self.columns))]
            self._row_texts = ["\n".join(row).casefold() for row in zip(*cells, strict=True)]
        needle = text.casefold()
        return {row for row, texts in enumerate(self._row_texts) if needle in texts}

    def set_frame(self, frame: pd.DataFrame) -> None:
        """Show ``frame`` (must have every column's field, the key field and the id field)."""
        self.set_fields({str(name): frame[name].tolist() for name in frame.columns})
        self._frame = frame

    def shows(self, fields: Mapping[str, list[Any]]) -> bool:
        """Whether ``fields`` are the rows shown now (missing values equal to missing values)."""
        return fields.keys() == self._fields.keys() and all(
            _same_values(values, self._fields[name]) for name, values in fields.items()
        )

    def frame(self) -> pd.DataFrame:
        """The rows as given (not in the order shown), as a DataFrame, made when first asked for."""
        if self._frame is None:
            self._frame = pd.DataFrame(self._fields)
        return self._frame

    def set_headers(self, headers: Sequence[str]) -> None:
        """Column titles in the UI language."""
        self._headers = list(headers)
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def headers(self) -> list[str]:
        return list(self._headers)

    def key(self, row: int) -> str:
        """The ISO3 code of source row ``row``."""
        return self._keys[row]

    def row_id(self, row: int) -> Any:
        return self._ids[row]

    def rows_of(self, codes: Collection[str]) -> list[int]:
        """The rows of the countries ``codes``."""
        return [row for row, key in enumerate(self._keys) if key in codes] if codes else []

    def rows_with_ids(self, ids: Collection[Any]) -> list[int]:
        """The rows whose id is one of ``ids``."""
        return [row for row, row_id in enumerate(self._ids) if row_id in ids] if ids else []

    def export_value(self, row: int, column: int) -> Any:
        """What an export writes for this cell: numbers stay numbers, text stays text."""
        col = self.columns[column]
        value = self._values[column][row]
        if col.export is not None:
            return col.export(value)
        return "" if _missing(value) else value

    # ---- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == DISPLAY_ROLE:
            return self._display_texts(column)[row]
        if role == TOOLTIP_ROLE and not self.columns[column].numeric:  # a long name elided in its column
            text = self._display_texts(column)[row]
            return plain_tooltip(text) if text else None  # (user text: never rendered as rich text)
        if role == SORT_ROLE:
            return self._sort_keys(column)[row]
        if role == KEY_ROLE:
            return self._keys[row]
        if role == ROW_ID_ROLE:
            return self._ids[row]
        if role == ALIGN_ROLE and self.columns[column].numeric:
            return RIGHT
        return None

    def display_texts(self, column: int, limit: int) -> list[str]:
        """The display texts of ``column``'s first ``limit`` rows (source order)."""
        texts = self._shown[column]
        return texts[:limit] if texts is not None else self._format(column, self._values[column][:limit])

    def _display_texts(self, column: int) -> list[str]:
        shown = self._shown[column]
        if shown is None:
            shown = self._shown[column] = self._format(column, self._values[column])
        return shown

    def _format(self, column: int, values: list[Any]) -> list[str]:
        show = self.columns[column].display
        return [show(v) for v in values] if show else ["" if _missing(v) else str(v) for v in values]

    def _sort_keys(self, column: int) -> list[Any]:
        keys = self._sort[column]
        if keys is None:
            values = self._values[column]
            if self.columns[column].numeric:
                keys = [-1.0 if _missing(v) else float(v) for v in values]
            else:
                keys = ["" if _missing(v) else str(v).casefold() for v in values]
            self._sort[column] = keys
        return keys

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)


class SourceSortedProxy(QSortFilterProxyModel):
    """Shows the rows of a :class:`DataFrameModel` with the filter line's text in a cell (found in the
    model's own lists: Qt's text filter asks ``data()`` for every cell, ~4 s a keystroke for 100,000
    dealers); a sort the view asks for (a header clicked, ``sortByColumn``) is the model's own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._rows: set[int] = set()
        self._rows_of = -1  # the model version ``_rows`` were found in

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, DataFrameModel):
            model.sort(column, order)

    def filter_text(self, text: str) -> None:
        """Only the rows with ``text`` in one of their cells, ignoring case ("": every row)."""
        self.beginFilterChange()
        self._text, self._rows_of = text, -1
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text:
            return True
        model = self.sourceModel()
        if not isinstance(model, DataFrameModel):
            return True
        if self._rows_of != model.version:
            self._rows, self._rows_of = model.rows_containing(self._text), model.version
        return source_row in self._rows


def _same_values(a: list[Any], b: list[Any]) -> bool:
    if a == b:
        return True
    pairs = zip(a, b, strict=True) if len(a) == len(b) else None
    return pairs is not None and all(x == y or (_missing(x) and _missing(y)) for x, y in pairs)


def _plain(value: Any) -> Any:
    """numpy scalars as Python values (Qt's variants know only Python types)."""
    return value.item() if hasattr(value, "item") and not isinstance(value, str) else value
