"""The dealers dock: the dealers of the selected countries (all when none is selected) under the filters.

Selecting rows (Ctrl/Shift for several) selects their countries; clicking one row (or Enter on it) picks
that dealer: the map shows it highlighted and in view. A selection made elsewhere selects the rows of
those countries; a dealer picked elsewhere (map, search) is the row selected here. "Only the selected
countries" can be unticked to list every dealer and pick dealers of several countries with Ctrl.
Positions placed at a city or the country's centre (no coordinates in the data) are marked approximate.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget

from corridor_map.core.countries import display_name
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.dataframe_model import Column
from corridor_map.ui.panels.sales_cube import cube_for
from corridor_map.ui.panels.table_dock import TableDock, subscribe

COLUMNS = (
    Column("dealer"),
    Column("country"),
    Column("city"),
    Column("brand"),
    Column("kind_text"),
    Column("position"),
    Column("phone"),
    Column("website"),
)


class DealersDock(TableDock):
    """Sortable, filterable dealers table linked to the shared selection."""

    def __init__(self, state: AppState, languages: LanguageManager, parent: QWidget | None = None) -> None:
        super().__init__(state, languages, COLUMNS, "DealersDock", id_field="row_id", parent=parent)
        self.only_selected = QCheckBox(self)
        self.only_selected.setChecked(True)
        self.only_selected.toggled.connect(lambda _: self.refresh())
        self.top_row.insertWidget(1, self.only_selected)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by country
        self.view.clicked.connect(self._on_row_picked)
        self.view.activated.connect(self._on_row_picked)
        subscribe(self, state.dealer_focused, self._show_focused)
        self.retranslate()

    def retranslate_texts(self) -> None:
        self.setWindowTitle(self.tr("Dealers"))
        self.only_selected.setText(self.tr("Only the selected countries"))
        self.only_selected.setToolTip(
            self.tr("Untick to list every dealer and pick several countries with Ctrl")
        )

    def column_titles(self) -> list[str]:
        return [
            self.tr("Dealer"),
            self.tr("Country"),
            self.tr("City"),
            self.tr("Brand"),
            self.tr("Type"),
            self.tr("Position"),
            self.tr("Phone"),
            self.tr("Website"),
        ]

    def _kind_texts(self) -> dict[str, str]:
        return {
            "sales": self.tr("sales"),
            "service": self.tr("service"),
            "both": self.tr("sales and service"),
        }

    def _showing_selection_only(self) -> bool:
        return self.only_selected.isChecked() and bool(self.state.selection)

    def build_fields(self) -> dict[str, list[Any]]:
        cube = cube_for(self.state.dataset, self.state.filters)
        rows = cube.dealer_rows(self.state.selection if self._showing_selection_only() else None)
        dealers = {name: values[rows] for name, values in cube.dealers.items()}
        names = {code: display_name(code, self.lang) for code in set(dealers["iso3"].tolist())}
        kinds = self._kind_texts()
        where = {
            "exact": self.tr("exact"),
            "city": self.tr("city position"),
            "country": "≈ " + self.tr("approximate"),
        }
        shown = ("row_id", "iso3", "dealer", "city", "brand", "phone", "website")
        fields = {name: dealers[name].tolist() for name in shown}
        fields["country"] = [names[code] for code in fields["iso3"]]
        fields["kind_text"] = [kinds.get(kind, kind) for kind in dealers["kind"].tolist()]
        fields["position"] = [where.get(p, where["country"]) for p in dealers["position"].tolist()]
        return fields  # (lists, no DataFrame made on a click)

    def _on_selection(self, codes: frozenset[str]) -> None:
        if self.only_selected.isChecked():
            self.refresh_when_shown()  # the rows themselves depend on the selection
        else:
            self.sync.show_state(codes)

    def selected_dealers(self) -> list[dict[str, Any]]:
        """The selected rows as shown (for the lead's map: fly to dealers, etc.)."""
        frame = self.model.frame()
        ids = set(self.sync.selected_ids())
        rows = frame.loc[frame["row_id"].isin(list(ids))].to_dict("records") if ids else []
        return [{str(k): v for k, v in row.items()} for row in rows]

    def _on_row_picked(self, _index: QModelIndex) -> None:
        """One row clicked (no Ctrl/Shift): that dealer is picked, for the map and the other panels."""
        modifiers = QApplication.keyboardModifiers()
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return
        ids = self.sync.selected_ids()
        if len(ids) == 1:
            self.state.focus_dealer(self.state.dataset.dealers.index[int(ids[0])])

    def _show_focused(self, row: object) -> None:
        """The picked dealer's row selected and in view (picked on the map or by search)."""
        if row is None:
            return
        position = cast(int, self.state.dataset.dealers.index.get_loc(row))  # (unique labels)
        rows = self.sync.shown_rows(self.model.rows_with_ids({position}))  # (none: hidden by the filter line)
        if rows:
            with self.sync.quiet():
                self.view.selectRow(min(rows))
            self.view.scrollTo(self.proxy.index(min(rows), 0))
