"""Two-way sync between a table's row selection and ``AppState.selection``, guarded against echo.

Rows → state: the countries of the selected rows become the selection (one ``state.select`` per user
action). State → rows: when the state's countries differ from the rows' countries, the rows of those
countries are selected; while doing so (or while the table reloads) the guard ignores the view's own
``selectionChanged`` (STYLE practice 3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, QSortFilterProxyModel
from PySide6.QtWidgets import QAbstractItemView, QTableView

from corridor_map.state import AppState
from corridor_map.ui.panels.dataframe_model import KEY_ROLE, ROW_ID_ROLE, DataFrameModel

Flag = QItemSelectionModel.SelectionFlag


class SelectionSync(QObject):
    """Keeps ``view``'s selected rows and ``state.selection`` in step."""

    def __init__(self, view: QTableView, proxy: QSortFilterProxyModel, state: AppState) -> None:
        super().__init__(view)
        self._view = view
        self._proxy = proxy
        model = proxy.sourceModel()
        if not isinstance(model, DataFrameModel):
            raise TypeError("SelectionSync follows a proxy over a DataFrameModel")
        self._model = model
        self._state = state
        self._quiet = 0
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.selectionModel().selectionChanged.connect(self._on_rows_changed)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Changes to the view's selection inside this block are not user actions."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    # ---- rows -> state ------------------------------------------------------------------------
    def _on_rows_changed(self, *_: Any) -> None:
        if self._quiet:
            return
        self._state.select(self.selected_codes())

    def selected_rows(self) -> list[int]:
        """Selected proxy rows, top to bottom."""
        return sorted(i.row() for i in self._view.selectionModel().selectedRows())

    def selected_codes(self) -> frozenset[str]:
        return frozenset(str(self._proxy.index(r, 0).data(KEY_ROLE)) for r in self.selected_rows())

    def selected_ids(self) -> list[Any]:
        return [self._proxy.index(r, 0).data(ROW_ID_ROLE) for r in self.selected_rows()]

    # ---- state -> rows ------------------------------------------------------------------------
    def show_state(self, codes: frozenset[str]) -> None:
        """Select the rows of ``codes`` unless the selected rows already stand for exactly those."""
        if self.selected_codes() == codes:
            return
        self._select_rows(self.shown_rows(self._model.rows_of(codes)))

    def reload(self, load: Callable[[], None]) -> None:
        """Run ``load`` (a model reset) quietly, then restore the user's rows or show the state."""
        ids = set(self.selected_ids())
        with self.quiet():
            load()
        codes = self._state.selection
        if ids:
            rows = self.shown_rows(self._model.rows_with_ids(ids))
            if rows and {self._proxy.index(r, 0).data(KEY_ROLE) for r in rows} == codes:
                self._select_rows(rows)
                return
        self._select_rows(self.shown_rows(self._model.rows_of(codes)))

    def shown_rows(self, source_rows: Iterable[int]) -> set[int]:
        """The view's rows of the model's ``source_rows`` (found in the model's own lists, not one cell at
        a time through the proxy: 100,000 dealers took 0.6 s that way); rows the filter line hides are out."""
        shown = (self._proxy.mapFromSource(self._model.index(row, 0)).row() for row in source_rows)
        return {row for row in shown if row >= 0}

    def _select_rows(self, rows: set[int]) -> None:
        """Select the view's ``rows`` (a range per run of consecutive rows), the first current and in view."""
        model = self._view.selectionModel()
        runs: list[list[int]] = []
        for row in sorted(rows):
            if runs and row == runs[-1][1] + 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        selection = QItemSelection()
        last = self._proxy.columnCount() - 1
        for start, end in runs:
            selection.select(self._proxy.index(start, 0), self._proxy.index(end, last))
        first = self._proxy.index(runs[0][0], 0) if runs else None
        with self.quiet():
            model.select(selection, Flag.ClearAndSelect | Flag.Rows)
            if first is not None:
                model.setCurrentIndex(first, Flag.NoUpdate)
                self._view.scrollTo(first)
