"""The panels on real sample data: state ↔ table sync without echo, search, filters, plain text, export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from corridor_map.core.aggregate import NO_FILTERS, Filters, units_by
from corridor_map.core.corridor import load_corridor
from corridor_map.core.dataset import Dataset, load_sample
from corridor_map.core.errors import DataFormatError
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.bar_chart import BAR_COLOUR
from corridor_map.ui.panels.country_dock import CountryDock
from corridor_map.ui.panels.dataframe_model import KEY_ROLE
from corridor_map.ui.panels.dealers_dock import DealersDock
from corridor_map.ui.panels.glance_dock import GlanceDock
from corridor_map.ui.panels.published_figures import load_published_figures
from corridor_map.ui.panels.ranking_dock import RankingDock
from corridor_map.ui.panels.routes import default_route
from corridor_map.ui.panels.search_index import SearchIndex, load_ports
from corridor_map.ui.panels.table_dock import MAX_COLUMN_WIDTH
from corridor_map.ui.panels.toolbar import PanelsToolBar

XSS = "<img src=x onerror=alert(1)>"
SAMPLE = load_sample()
CORRIDOR = load_corridor()


class Panels:
    """Every panel on one state, shown (offscreen), with a counter of the state's selection events."""

    def __init__(self, qtbot: QtBot, dataset: Dataset = SAMPLE) -> None:
        self.state = AppState(dataset)
        app = QApplication.instance()
        assert app is not None
        self.languages = LanguageManager(app)
        self.ranking = RankingDock(self.state, self.languages)
        self.dealers = DealersDock(self.state, self.languages)
        self.country = CountryDock(self.state, self.languages, corridor=CORRIDOR)
        self.glance = GlanceDock(self.state, self.languages)
        self.toolbar = PanelsToolBar(self.state, self.languages)
        self.changes: list[frozenset[str]] = []
        self.state.selection_changed.connect(self.changes.append)
        self.widgets = [self.ranking, self.dealers, self.country, self.glance, self.toolbar]
        for widget in self.widgets:
            qtbot.addWidget(widget)
            widget.resize(900, 600)
            widget.show()
            qtbot.waitExposed(widget)


@pytest.fixture
def panels(qtbot: QtBot) -> Iterator[Panels]:
    yield Panels(qtbot)


def rows_of(view: QTableView, code: str) -> list[int]:
    model = view.model()
    return [r for r in range(model.rowCount()) if model.index(r, 0).data(KEY_ROLE) == code]


def codes_shown(view: QTableView) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data(KEY_ROLE) for r in range(model.rowCount())]


def click_row(qtbot: QtBot, view: QTableView, row: int, ctrl: bool = False) -> None:
    index = view.model().index(row, 1)
    view.scrollTo(index)
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center())


def cell(view: QTableView, row: int, column: int) -> str:
    return str(view.model().index(row, column).data())


def test_a_state_selection_reaches_every_dock(panels: Panels) -> None:
    panels.state.select({"THA"})
    assert panels.ranking.sync.selected_codes() == {"THA"}
    dealer_rows = panels.dealers.proxy.rowCount()
    assert dealer_rows == int((SAMPLE.dealers["iso3"] == "THA").sum()) > 0
    assert len(panels.dealers.sync.selected_rows()) == dealer_rows
    assert panels.country.title.text() == "Thailand"
    thailand = units_by(SAMPLE.sales, ("iso3",), Filters.of(countries=["THA"]))["units"].iloc[0]
    assert panels.country.units_value.text() == f"{thailand:,}"
    first_year = units_by(SAMPLE.sales, ("year",), Filters.of(countries=["THA"], years=(2021, 2021)))
    assert panels.country.detail.by_year[0] == (2021, int(first_year["units"].iloc[0]))

    panels.state.select({"THA", "VNM"})
    assert panels.ranking.sync.selected_codes() == {"THA", "VNM"}
    assert set(codes_shown(panels.dealers.view)) == {"THA", "VNM"}
    assert panels.country.title.text() == "2 countries"
    both = units_by(SAMPLE.sales, ("iso3",), Filters.of(countries=["THA", "VNM"]))["units"].sum()
    assert panels.country.units_value.text() == f"{both:,}"
    assert "Vietnam (VNM)" in panels.country.countries_text.text()
    assert panels.changes == [{"THA"}, {"THA", "VNM"}]  # the docks wrote nothing back


def test_ranking_rows_select_once_per_click_and_ctrl_adds(panels: Panels, qtbot: QtBot) -> None:
    view = panels.ranking.view
    first, second = cell(view, 0, 2), cell(view, 3, 2)
    click_row(qtbot, view, 0)
    assert panels.changes == [{first}]
    click_row(qtbot, view, 3, ctrl=True)
    assert panels.changes == [{first}, {first, second}]
    click_row(qtbot, view, 0, ctrl=True)  # Ctrl-click again: removes it
    assert panels.changes == [{first}, {first, second}, {second}]
    assert panels.country.title.text() == cell(view, 3, 1)
    assert panels.ranking.sync.selected_codes() == {second}


def test_dealer_rows_select_their_countries_once(panels: Panels, qtbot: QtBot) -> None:
    view = panels.dealers.view
    code = view.model().index(0, 0).data(KEY_ROLE)
    click_row(qtbot, view, 0)
    assert panels.changes == [{code}]
    assert set(rows_of(view, code)) == set(range(view.model().rowCount()))  # only that country's dealers now
    assert panels.dealers.sync.selected_rows() == [0]  # and still the dealer that was clicked
    assert panels.ranking.sync.selected_codes() == {code}

    panels.dealers.only_selected.setChecked(False)  # every dealer, to pick a second country with Ctrl
    other_row = next(r for r, shown in enumerate(codes_shown(view)) if shown != code)
    other = view.model().index(other_row, 0).data(KEY_ROLE)
    click_row(qtbot, view, other_row, ctrl=True)
    assert panels.changes == [{code}, {code, other}]
    assert panels.ranking.sync.selected_codes() == {code, other}


def test_ctrl_selection_made_elsewhere_selects_rows_of_both(panels: Panels) -> None:
    panels.dealers.only_selected.setChecked(False)
    panels.state.select({"THA", "SAU"})
    shown = {panels.dealers.proxy.index(r, 0).data(KEY_ROLE) for r in panels.dealers.sync.selected_rows()}
    assert shown == {"THA", "SAU"}
    assert len(panels.dealers.sync.selected_rows()) == int(SAMPLE.dealers["iso3"].isin(["THA", "SAU"]).sum())
    assert panels.ranking.sync.selected_codes() == {"THA", "SAU"}
    assert len(panels.changes) == 1


def test_views_never_echo_a_partial_selection_back(panels: Panels) -> None:
    """Antarctica has no sales or dealers: the tables show only Thailand, the state keeps both."""
    panels.state.select({"THA", "ATA"})
    assert panels.ranking.sync.selected_codes() == {"THA"}
    panels.ranking.filter_edit.setText("Vietnam")  # hides the selected row
    panels.dealers.filter_edit.setText("no such dealer")
    assert panels.ranking.proxy.rowCount() == 1
    panels.state.update_filters(years=(2022, 2023))  # tables reload
    assert panels.state.selection == {"THA", "ATA"}
    assert panels.changes == [{"THA", "ATA"}]
    assert panels.country.title.text() == "2 countries"


@pytest.mark.parametrize("typed", ["泰国", "Thailand", "tha"])
def test_search_selects_thailand(panels: Panels, qtbot: QtBot, typed: str) -> None:
    box = panels.toolbar.search
    flights: list[list[str]] = []
    box.flyRequested.connect(flights.append)
    box.setFocus()
    if typed.isascii():
        qtbot.keyClicks(box, typed)
    else:  # Chinese arrives from an input method as a committed string
        commit = QInputMethodEvent()
        commit.setCommitString(typed)
        QApplication.sendEvent(box, commit)
    assert box.text() == typed
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert panels.state.selection == {"THA"}
    assert flights == [["THA"]]
    assert panels.changes == [{"THA"}]


def completions_shown(box: QLineEdit) -> list[str]:
    completer = box.completer()
    model = completer.completionModel()
    return [str(model.index(row, 0).data()) for row in range(completer.completionCount())]


def test_the_completer_offers_entries_from_the_first_keystroke_and_for_a_new_dataset(qtbot: QtBot) -> None:
    """The entries are made when the box is first used (not while the window is built): the first
    letters typed already complete, and a new dataset's dealers are offered once it is active."""
    panels = Panels(qtbot)
    box = panels.toolbar.search
    box.setFocus()
    qtbot.keyClicks(box, "Thai")
    assert "Thailand (THA)" in completions_shown(box)
    panels.state.set_dataset(with_dealer_name("Zyxwv Unique Motors"))
    box.clear()
    qtbot.keyClicks(box, "Zyxwv")
    assert any(entry.startswith("Zyxwv Unique Motors") for entry in completions_shown(box))


def test_search_index_knows_ports_dealers_and_aliases() -> None:
    index = SearchIndex(SAMPLE.dealers, load_ports())
    dealer = str(SAMPLE.dealers["dealer"].iloc[0])
    assert index.resolve(dealer) == [str(SAMPLE.dealers["iso3"].iloc[0])]
    assert index.resolve("Laem Chabang") == ["THA"]
    assert index.resolve("UAE") == ["ARE"]
    assert index.resolve("越南") == ["VNM"]
    assert index.resolve("no such place") == []
    assert any(entry.startswith("泰国") for entry in index.entries())


def test_show_all_clears_selection_and_filters(panels: Panels) -> None:
    panels.state.select({"THA"})
    panels.state.update_filters(years=(2024, 2024))
    panels.toolbar.act_show_all.trigger()
    assert panels.state.selection == frozenset()
    assert panels.state.filters == NO_FILTERS
    assert panels.ranking.sync.selected_codes() == frozenset()
    assert panels.country.title.text() == "No country selected"


def test_filters_change_the_ranking_numbers(panels: Panels) -> None:
    view = panels.ranking.view

    def thailand_units() -> str:
        return cell(view, rows_of(view, "THA")[0], 3)

    before = thailand_units()
    panels.state.update_filters(years=(2024, 2024))
    expected = units_by(SAMPLE.sales, ("iso3",), Filters.of(countries=["THA"], years=(2024, 2024)))
    assert thailand_units() == f"{int(expected['units'].iloc[0]):,}" != before
    brand = str(SAMPLE.sales["brand"].iloc[0])
    panels.state.update_filters(brands=frozenset({brand}), years=None)
    expected = units_by(SAMPLE.sales, ("iso3",), Filters.of(countries=["THA"], brands=[brand]))
    assert thailand_units() == f"{int(expected['units'].iloc[0]):,}"
    assert cell(view, 0, 0) == "1"
    assert panels.glance.filters_note.isVisible()


def dealer_names_shown(view: QTableView) -> list[str]:
    return sorted(cell(view, row, 0) for row in range(view.model().rowCount()))


def test_dealer_rows_follow_selection_and_brand_but_not_years(panels: Panels, qtbot: QtBot) -> None:
    """The dealers table's rows are the dataset's dealers of the selection under the brand filter; a years
    filter (dealers have none) leaves the rows as they are, without a reset of the table."""
    view, dealers = panels.dealers.view, SAMPLE.dealers
    panels.state.select({"THA"})
    thai = dealers[dealers["iso3"] == "THA"]
    assert dealer_names_shown(view) == sorted(thai["dealer"].astype(str))
    resets: list[bool] = []
    panels.dealers.model.modelReset.connect(lambda: resets.append(True))
    panels.state.update_filters(years=(2024, 2024))
    assert resets == [] and dealer_names_shown(view) == sorted(thai["dealer"].astype(str))
    brand = str(thai["brand"].iloc[0])
    panels.state.update_filters(brands=frozenset({brand}))
    of_brand = thai.loc[thai["brand"] == brand, "dealer"].astype(str)
    assert resets and dealer_names_shown(view) == sorted(of_brand)
    assert len(of_brand) < len(thai)
    panels.state.select({"THA", "VNM"})
    both = dealers[dealers["iso3"].isin(["THA", "VNM"]) & (dealers["brand"] == brand)]
    assert dealer_names_shown(view) == sorted(both["dealer"].astype(str))
    assert set(codes_shown(view)) == set(both["iso3"])
    assert panels.dealers.model.frame()["iso3"].tolist().count("VNM") == (both["iso3"] == "VNM").sum()


def click_header(qtbot: QtBot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_a_header_click_sorts_the_rows_and_keeps_the_selection(panels: Panels, qtbot: QtBot) -> None:
    """Numbers by value, text by its folded form, each way; the selected rows stay selected."""
    view = panels.ranking.view
    panels.state.select({"THA"})
    summary = units_by(SAMPLE.sales, ("iso3",))
    units = {str(c): int(u) for c, u in zip(summary["iso3"], summary["units"], strict=True)}

    def column(c: int) -> list[str]:
        return [cell(view, r, c) for r in range(view.model().rowCount())]

    def shown_units() -> list[int]:
        return [units.get(code, 0) for code in codes_shown(view)]

    click_header(qtbot, view, 3)  # units
    first = shown_units()
    assert first in (sorted(first), sorted(first, reverse=True))
    click_header(qtbot, view, 3)
    assert shown_units() == sorted(first, reverse=first == sorted(first)) != first  # the other way
    click_header(qtbot, view, 1)  # country names
    names = column(1)
    assert names in (sorted(names, key=str.casefold), sorted(names, key=str.casefold, reverse=True))
    click_header(qtbot, view, 1)
    assert column(1) == names[::-1]
    assert panels.ranking.sync.selected_codes() == {"THA"}
    assert [codes_shown(view)[r] for r in panels.ranking.sync.selected_rows()] == ["THA"]
    assert panels.changes == [{"THA"}]  # sorting selected nothing anew


def test_a_dealer_list_of_100000_is_shown_sorted_by_country(qtbot: QtBot) -> None:
    """A large dealer list: every dealer in the table, in the country column's order (the table sorts
    its own rows: the proxy's comparisons through Python took ~10 s at this size)."""
    big = pd.concat([SAMPLE.dealers] * (100_000 // len(SAMPLE.dealers) + 1), ignore_index=True)
    big = big.iloc[:100_000].copy()
    big["dealer"] = [f"Dealer {i}" for i in range(len(big))]
    panels = Panels(qtbot, replace(SAMPLE, dealers=big))
    view = panels.dealers.view
    assert view.model().rowCount() == 100_000
    countries = [cell(view, r, 1) for r in range(0, 100_000, 997)]
    assert countries == sorted(countries, key=str.casefold)
    click_header(qtbot, view, 0)
    first = [cell(view, r, 0) for r in range(3)]
    assert first == sorted(first, key=str.casefold) and first[0] == "Dealer 0"
    panels.dealers.only_selected.setChecked(False)  # every dealer listed, Thailand's rows selected
    panels.state.select({"THA"})
    selected = panels.dealers.sync.selected_rows()
    assert len(selected) == int((big["iso3"] == "THA").sum()) > 0
    codes = codes_shown(view)
    assert {codes[r] for r in selected} == {"THA"}
    panels.dealers.filter_edit.setText("dEALER 12")  # the filter line: any cell, any case
    wanted = sorted(name for name in big["dealer"] if "dealer 12" in name.casefold())
    assert sorted(cell(view, r, 0) for r in range(view.model().rowCount())) == wanted
    panels.dealers.filter_edit.setText("")
    assert view.model().rowCount() == 100_000


def with_dealer_name(name: str) -> Dataset:
    dealers = SAMPLE.dealers.copy()
    dealers.loc[0, "dealer"] = name
    return replace(SAMPLE, dealers=dealers)


def test_markup_in_a_dealer_name_stays_text(qtbot: QtBot) -> None:
    panels = Panels(qtbot, with_dealer_name(XSS))
    code = str(SAMPLE.dealers["iso3"].iloc[0])
    panels.state.select({code})
    view = panels.dealers.view
    names = [cell(view, r, 0) for r in range(view.model().rowCount())]
    assert XSS in names
    label = panels.country.dealers_text
    assert XSS in label.text()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert any(XSS in entry for entry in panels.toolbar.search.completions())


def test_export_csv_and_xlsx_round_trip(panels: Panels, tmp_path: Path) -> None:
    dock = panels.ranking
    shown = [[cell(dock.view, r, c) for c in range(6)] for r in range(dock.view.model().rowCount())]
    assert dock.export_to(tmp_path / "ranking.csv") == len(shown)
    with (tmp_path / "ranking.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [*dock.model.headers(), "note"]
    assert [r[:3] for r in rows[1:]] == [s[:3] for s in shown]
    assert [f"{int(r[3]):,}" for r in rows[1:]] == [s[3] for s in shown]
    assert {r[-1] for r in rows[1:]} == {SAMPLE.label("en")}  # the sample says it is illustrative

    dock.export_to(tmp_path / "ranking.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "ranking.xlsx").active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == rows[0]
    assert [v[3] for v in values[1:]] == [int(r[3]) for r in rows[1:]]  # numbers stay numbers
    assert [v[2] for v in values[1:]] == [r[2] for r in rows[1:]]


def test_export_never_writes_a_formula(qtbot: QtBot, tmp_path: Path) -> None:
    evil = '=HYPERLINK("http://x","y")'
    panels = Panels(qtbot, with_dealer_name(evil))
    panels.dealers.filter_edit.setText("HYPERLINK")
    assert panels.dealers.proxy.rowCount() == 1
    panels.dealers.export_to(tmp_path / "d.csv")
    text = (tmp_path / "d.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text
    panels.dealers.export_to(tmp_path / "d.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "d.xlsx").active
    assert sheet is not None
    assert sheet["A2"].value == evil and sheet["A2"].data_type == "s"
    assert panels.changes == []  # filtering the rows selected nothing


def test_panels_follow_the_language(panels: Panels) -> None:
    panels.state.select({"THA"})
    try:
        panels.languages.set_language("zh")
        assert panels.country.title.text() == "泰国"
        assert cell(panels.ranking.view, rows_of(panels.ranking.view, "THA")[0], 1) == "泰国"
        assert panels.country.sample_note.text() == SAMPLE.label("zh")
    finally:
        panels.languages.set_language("en")
    assert panels.country.title.text() == "Thailand"


def test_glance_and_country_show_published_figures_with_sources(panels: Panels) -> None:
    figures = load_published_figures()
    assert panels.glance.figures_model.rowCount() == len(figures) >= 10
    sources = {panels.glance.figures_model.index(r, 3).data() for r in range(len(figures))}
    assert "Chongqing Customs" in sources
    assert panels.glance.total_values[3].text() == str(SAMPLE.sales["iso3"].nunique())
    panels.state.select({"THA"})
    text = panels.country.sources_text.text()
    assert "477,000" in text and "Source: Chongqing Customs; published in: Global Times, October 2025" in text
    assert "Seres" not in text  # no Seres brand in the sample


def test_country_panel_shows_the_route_from_chongqing(panels: Panels) -> None:
    route = default_route(CORRIDOR, "THA")
    assert route is not None
    panels.state.select({"THA"})
    text = panels.country.route_text.text()
    assert all(leg.name("en") in text for leg in route.legs)
    assert "rail: " in text and f"{round(route.total_km):,} km in total" in text
    assert "Bangkok" in text  # the China–Laos Railway to Vientiane, then on into Thailand
    panels.state.select({"THA", "VNM"})
    assert "Vietnam: " in panels.country.route_text.text()
    panels.state.select({"ATA", "THA"})  # selection order: most units first
    assert panels.country.route_text.text().startswith("Thailand: ")


def test_published_figures_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "figures.csv"
    bad.write_text("id,value\nx,1\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=r"figures\.csv"):
        load_published_figures(bad)


def test_year_chart_paints_its_bars(panels: Panels) -> None:
    panels.state.select({"THA"})
    chart = panels.country.chart
    assert [b[0] for b in chart.bars()] == ["2021", "2022", "2023", "2024", "2025"]
    image = chart.grab().toImage()
    tallest = max(range(5), key=lambda i: chart.bars()[i][1])
    x = int(chart.width() * (tallest + 0.5) / 5)
    y = chart.height() - 30
    assert QColor(image.pixel(QPoint(x, y) * image.devicePixelRatio())) == BAR_COLOUR


def test_dealer_columns_fit_every_country_s_rows_as_the_selection_moves(qtbot: QtBot) -> None:
    """Columns are measured only where a text might not fit (ui/panels/table_dock.py): a city name that
    fits its column as text but not with the cell's padding, arriving with new data in one country,
    still widens the column when that country is selected."""
    panels = Panels(qtbot)
    view, model = panels.dealers.view, panels.dealers.model
    first = str(SAMPLE.dealers["iso3"].iloc[0])
    codes = [c for c in SAMPLE.dealers["iso3"].astype(str).unique() if c != first]
    for code in codes[:3]:
        panels.state.select({code})
    column = [c.field for c in model.columns].index("city")
    width, advance = view.columnWidth(column), view.fontMetrics().horizontalAdvance
    padding = view.sizeHintForIndex(view.model().index(0, column)).width() - advance(cell(view, 0, column))
    city = "W"
    while advance(city + "i") <= width:
        city += "i"
    assert width - padding < advance(city) <= width < MAX_COLUMN_WIDTH and padding > 0
    dealers = SAMPLE.dealers.copy()
    dealers.loc[0, "city"] = city
    panels.state.set_dataset(replace(SAMPLE, dealers=dealers))
    for code in [*codes, first]:
        panels.state.select({code})
        rows = range(view.model().rowCount())
        for col, spec in enumerate(model.columns):
            needed = max(view.sizeHintForIndex(view.model().index(r, col)).width() for r in rows)
            if not spec.numeric:
                needed = min(needed, MAX_COLUMN_WIDTH)
            assert view.columnWidth(col) >= needed, (code, spec.field, view.columnWidth(col), needed)


def test_the_first_sizing_fits_each_column_to_its_widest_cell_and_title(panels: Panels) -> None:
    """At start each column is as wide as its widest cell or its title (Qt's own measure through the
    delegate), text columns at most ``MAX_COLUMN_WIDTH``: narrower than Qt's default too."""
    for dock in (panels.dealers, panels.ranking):
        view, model = dock.view, dock.model
        header = view.horizontalHeader()
        assert model.rowCount() > 0
        for col, spec in enumerate(model.columns):
            if header.isSectionHidden(col) or (
                header.stretchLastSection() and col == model.columnCount() - 1
            ):
                continue  # (a stretched last column fills the table's width)
            rows = range(view.model().rowCount())
            cells = max(view.sizeHintForIndex(view.model().index(r, col)).width() for r in rows)
            wanted = max(cells + (1 if view.showGrid() else 0), header.sectionSizeHint(col))
            if not spec.numeric:
                wanted = min(wanted, MAX_COLUMN_WIDTH)
            assert abs(view.columnWidth(col) - wanted) <= 1, (
                dock.objectName(),
                spec.field,
                view.columnWidth(col),
                wanted,
            )
