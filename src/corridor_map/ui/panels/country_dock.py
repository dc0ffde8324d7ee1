"""The country panel: the selected country's figures (or the sum of several), its route and sources."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from corridor_map.core.corridor import Corridor
from corridor_map.core.countries import display_name
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.bar_chart import BarChart
from corridor_map.ui.panels.dataframe_model import format_int, format_percent
from corridor_map.ui.panels.plain import plain_label
from corridor_map.ui.panels.published_figures import applicable_figures, bundled_figures
from corridor_map.ui.panels.routes import default_route
from corridor_map.ui.panels.sales_cube import CountryDetail, cube_for
from corridor_map.ui.panels.table_dock import subscribe

MAX_DEALERS_LISTED = 25
MAX_ROUTES_LISTED = 5


class CountryDock(QDockWidget):
    """Follows the selection, the filters and the dataset; writes nothing back."""

    factSheetRequested = Signal()  # "Fact sheet…": the window opens the fact sheet dialog

    def __init__(
        self,
        state: AppState,
        languages: LanguageManager,
        parent: QWidget | None = None,
        *,
        corridor: Corridor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CountryDock")
        self.state = state
        self.languages = languages
        self.corridor = corridor  # None: "No route data available."
        self.detail = CountryDetail(())
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.title = plain_label(body)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.sample_note = plain_label(body)
        self.sample_note.setStyleSheet("color: #a6611a; font-style: italic;")
        self.hint = plain_label(body)
        self.factsheet_button = QPushButton(body)
        self.factsheet_button.setObjectName("factSheetButton")
        self.factsheet_button.clicked.connect(self.factSheetRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.factsheet_button)
        buttons.addStretch(1)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.sample_note)
        layout.addWidget(self.hint)
        self.content = QWidget(body)
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.units_value, self.nev_value, self.dealers_value = (plain_label(self.content) for _ in range(3))
        self.form_labels = [QLabel(self.content) for _ in range(3)]
        for label, value in zip(
            self.form_labels, (self.units_value, self.nev_value, self.dealers_value), strict=True
        ):
            self.form.addRow(label, value)
        inner.addLayout(self.form)
        self.headings: dict[str, QLabel] = {}
        self.countries_text = self._section(inner, "countries", plain_label(self.content))
        self.chart = self._section(inner, "years", BarChart(self.content))
        self.brand_table = self._section(inner, "brands", QTableWidget(0, 3, self.content))
        self.brand_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.brand_table.verticalHeader().setVisible(False)
        self.brand_table.horizontalHeader().setStretchLastSection(True)
        self.dealers_text = self._section(inner, "dealers", plain_label(self.content))
        self.route_text = self._section(inner, "route", plain_label(self.content))
        self.sources_text = self._section(inner, "sources", plain_label(self.content))
        layout.addWidget(self.content)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)
        subscribe(self, state.selection_changed, lambda _: self.refresh())
        subscribe(self, state.filters_changed, lambda _: self.refresh())
        subscribe(self, state.dataset_changed, lambda _: self.refresh())
        languages.languageChanged.connect(self.retranslate)
        self.retranslate()

    def _section(self, layout: QVBoxLayout, key: str, widget: Any) -> Any:
        heading = QLabel(self.content)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        self.headings[key] = heading
        layout.addWidget(heading)
        layout.addWidget(widget)
        return widget

    @property
    def lang(self) -> str:
        return self.languages.language

    # ---- language -----------------------------------------------------------------------------
    def retranslate(self, *_: Any) -> None:
        self.setWindowTitle(self.tr("Country"))
        self.factsheet_button.setText(self.tr("Fact sheet…"))
        self.factsheet_button.setToolTip(
            self.tr("An A4 handout (PDF) for this country, or for every country with sales")
        )
        self.hint.setText(self.tr("Select a country on the map, in a table or with the search box."))
        for label, text in zip(
            self.form_labels, (self.tr("Units"), self.tr("NEV share"), self.tr("Dealers")), strict=True
        ):
            label.setText(text)
        titles = {
            "countries": self.tr("Countries"),
            "years": self.tr("Units by year"),
            "brands": self.tr("Units by brand"),
            "dealers": self.tr("Dealers"),
            "route": self.tr("Route from Chongqing"),
            "sources": self.tr("Published figures (real, with sources)"),
        }
        for key, text in titles.items():
            self.headings[key].setText(text)
        self.brand_table.setHorizontalHeaderLabels([self.tr("Brand"), self.tr("Units"), self.tr("NEV share")])
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- content ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the current selection under the current filters."""
        data = self.state.dataset
        self.detail = detail = cube_for(data, self.state.filters).detail(self.state.selection)
        self.sample_note.setText(data.label(self.lang) if data.is_sample else "")
        self.sample_note.setVisible(data.is_sample)
        empty = not detail.codes
        self.hint.setVisible(empty)
        self.content.setVisible(not empty)
        if empty:
            self.title.setText(self.tr("No country selected"))
            return
        names = [display_name(code, self.lang) for code in detail.codes]
        several = len(names) > 1
        self.title.setText(self.tr("{count} countries").format(count=len(names)) if several else names[0])
        self.units_value.setText(format_int(detail.units))
        self.nev_value.setText(format_percent(detail.nev_share))
        self.dealers_value.setText(format_int(detail.dealers))
        self.headings["countries"].setVisible(several)
        self.countries_text.setVisible(several)
        line = self.tr("{name} ({code}): {units} units, {dealers} dealers")
        self.countries_text.setText(
            "\n".join(
                line.format(name=name, code=code, units=format_int(units), dealers=dealers)
                for name, (code, units, dealers) in zip(names, detail.per_country, strict=True)
            )
        )
        self.chart.set_bars([(str(year), units) for year, units in detail.by_year])
        self._fill_brands(detail)
        self.dealers_text.setText(self._dealers_text(detail))
        self.route_text.setText(self._route_text(detail))
        self.sources_text.setText(self._sources_text(detail))

    def _fill_brands(self, detail: CountryDetail) -> None:
        table = self.brand_table
        table.setRowCount(len(detail.by_brand))
        for row, (brand, units, share) in enumerate(detail.by_brand):
            for column, text in enumerate((brand, format_int(units), format_percent(share))):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.setFixedHeight(
            table.horizontalHeader().height()
            + sum(table.rowHeight(r) for r in range(table.rowCount()))
            + 2 * table.frameWidth()
        )

    def _dealers_text(self, detail: CountryDetail) -> str:
        if not detail.dealer_rows:
            return self.tr("No dealers in the data.")
        notes = {"city": f" ({self.tr('city position')})", "country": f" ({self.tr('approximate position')})"}
        lines = [
            f"{dealer} — {city or code}" + notes.get(position, "")
            for dealer, code, city, position in detail.dealer_rows[:MAX_DEALERS_LISTED]
        ]
        more = len(detail.dealer_rows) - MAX_DEALERS_LISTED
        if more > 0:
            lines.append(self.tr("… and {n} more (see the Dealers table)").format(n=more))
        return "\n".join(lines)

    def _route_text(self, detail: CountryDetail) -> str:
        if self.corridor is None:
            return self.tr("No route data available.")
        modes = {
            "rail": self.tr("rail"),
            "river": self.tr("river"),
            "sea": self.tr("sea"),
            "road": self.tr("road"),
        }
        blocks = []
        for code in detail.codes[:MAX_ROUTES_LISTED]:
            route = default_route(self.corridor, code)
            head = f"{display_name(code, self.lang)}: " if len(detail.codes) > 1 else ""
            if route is None:
                blocks.append(head + self.tr("no route known"))
                continue
            total = self.tr("{km} km in total").format(km=format_int(round(route.total_km)))
            leg_line = self.tr("{mode}: {name} ({km} km)")
            legs = [
                "  "
                + leg_line.format(
                    mode=modes.get(leg.mode, leg.mode),
                    name=leg.name(self.lang),
                    km=format_int(round(leg.length_km)),
                )
                for leg in route.legs
            ]
            blocks.append("\n".join([head + total, *legs]))
        if len(detail.codes) > MAX_ROUTES_LISTED:
            blocks.append(self.tr("(routes of the first {n} countries)").format(n=MAX_ROUTES_LISTED))
        return "\n".join(blocks)

    def _sources_text(self, detail: CountryDetail) -> str:
        lines = []
        for figure in applicable_figures(bundled_figures(), detail.brands):
            lines.append(
                f"• {figure.text(self.lang)}\n  "
                + self.tr("Source: {source}; published in: {publication}").format(
                    source=figure.source(self.lang), publication=figure.published_in(self.lang)
                )
            )
        return "\n".join(lines)
