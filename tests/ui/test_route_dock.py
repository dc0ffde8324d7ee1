"""The Routes panel on the real corridor: alternatives, check boxes → map payload, assumptions, languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from corridor_map.core.corridor import load_corridor
from corridor_map.core.dataset import load_sample
from corridor_map.core.transit import DEFAULT_PARAMS, ROUTE_COLOURS, country_alternatives
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.route_compare import RouteComparison, TransitParamsModel
from corridor_map.ui.panels.route_dock import RouteDock

CORRIDOR = load_corridor()


class Panel:
    def __init__(self, qtbot: QtBot) -> None:
        app = QApplication.instance()
        assert app is not None
        self.languages = LanguageManager(app)
        self.languages.set_language("en")
        self.state = AppState(load_sample())
        self.params = TransitParamsModel()
        self.params.reset()
        self.dock = RouteDock(self.state, self.languages, params=self.params, corridor=load_corridor())
        self.sent: list[list[dict[str, Any]]] = []
        self.dock.routesChanged.connect(self.sent.append)
        qtbot.addWidget(self.dock)
        self.dock.resize(700, 700)
        self.dock.show()
        qtbot.waitExposed(self.dock)

    @property
    def tree(self) -> Any:
        return self.dock.comparison.tree

    def rows(self) -> list[list[str]]:
        """Each alternative's texts, its route name on one line."""
        return [
            [self.tree.topLevelItem(i).text(c).replace("\n", " ") for c in range(3)]
            for i in range(self.tree.topLevelItemCount())
        ]

    def check(self, row: int, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.tree.topLevelItem(row).setCheckState(0, state)


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[Panel]:
    p = Panel(qtbot)
    yield p
    p.params.reset()
    p.languages.set_language("en")


def test_germany_rail_and_sea_side_by_side(panel: Panel) -> None:
    panel.state.select({"DEU"})
    expected = country_alternatives(CORRIDOR, "DEU")
    rows = panel.rows()
    assert len(rows) == 5
    assert rows[0][0] == "China–Europe Railway Express (via Alashankou) → Duisburg (default)"
    assert rows[4][0] == "China–Europe Railway Express (via Manzhouli) → Duisburg"
    assert rows[0][1] == "10,432 km"
    assert rows[1][1] == "19,673 km"
    assert panel.tree.topLevelItem(1).toolTip(1) == "19,673 km (9,978 nm at sea)"
    assert [float(r[2]) for r in rows] == [round(a.total_days, 1) for a in expected]
    # the default and the next alternative are drawn, each in its own colour-blind-safe colour
    assert panel.sent[-1] == [
        {"id": "DEU-china_europe_rail", "legs": expected[0].leg_ids, "color": ROUTE_COLOURS[0]},
        {"id": "DEU-rail_sea-gy", "legs": expected[1].leg_ids, "color": ROUTE_COLOURS[1]},
    ]
    # per-leg rows and stops under each alternative
    first = panel.tree.topLevelItem(0)
    texts = [first.child(k).text(0) for k in range(first.childCount())]
    assert texts[0] == "Rail: Chongqing – Xi'an – Lanzhou – Urumqi – Alashankou"
    assert "Stop: Alashankou–Dostyk: customs and gauge change (1,435 → 1,520 mm)" in texts
    sea_leg = panel.tree.topLevelItem(1).child(3)
    assert sea_leg.text(0) == "Sea: Qinzhou – Hamburg (9,978 nm)" and sea_leg.text(1) == "18,479 km"
    assert (
        "Fastest with these assumptions: China–Europe Railway Express" in panel.dock.comparison.summary.text()
    )


def test_check_boxes_choose_what_is_drawn_and_are_kept_for_the_next_country(panel: Panel) -> None:
    panel.state.select({"DEU"})
    panel.check(0, False)
    panel.check(3, True)
    assert [r["id"] for r in panel.sent[-1]] == ["DEU-rail_sea-gy", "DEU-river_sea"]
    assert [r["color"] for r in panel.sent[-1]] == [ROUTE_COLOURS[1], ROUTE_COLOURS[3]]
    panel.state.select({"SGP"})  # same kinds of route chosen: rail+sea (central) and Yangtze+sea
    assert [r["id"] for r in panel.sent[-1]] == ["SGP-rail_sea-gy", "SGP-river_sea"]
    panel.state.clear_selection()
    assert panel.sent[-1] == []
    assert panel.dock.comparison.tree.isHidden()


def test_editing_an_assumption_recomputes_days_and_is_remembered(panel: Panel) -> None:
    panel.state.select({"DEU"})
    before = [float(r[2]) for r in panel.rows()]
    panel.dock.editor.spins["sea_knots"].setValue(28.0)
    after = [float(r[2]) for r in panel.rows()]
    expected = country_alternatives(CORRIDOR, "DEU", DEFAULT_PARAMS.with_changes(sea_knots=28.0))
    assert after == [round(a.total_days, 1) for a in expected]
    assert after[0] == before[0]  # the all-rail route does not change
    assert after[1] < before[1]
    assert TransitParamsModel().params.sea_knots == 28.0  # QSettings: a new model (next start) reads it
    panel.dock.editor.reset_button.click()
    assert panel.dock.editor.spins["sea_knots"].value() == DEFAULT_PARAMS.sea_knots
    assert [float(r[2]) for r in panel.rows()] == before
    assert TransitParamsModel().params == DEFAULT_PARAMS


def test_several_countries_selected_shows_a_chooser(panel: Panel) -> None:
    panel.state.select({"VNM", "LAO"})
    assert panel.dock.chooser.isVisible()
    assert panel.dock.comparison.iso3 == "LAO"
    panel.dock.chooser.setCurrentIndex(1)
    assert panel.dock.comparison.iso3 == "VNM"
    assert any(r[0].startswith("Cross-border rail") and "→ Hanoi" in r[0] for r in panel.rows())
    panel.state.select({"VNM"})
    assert not panel.dock.chooser.isVisible()


def test_a_hidden_panel_draws_nothing(panel: Panel) -> None:
    panel.state.select({"DEU"})
    assert panel.sent[-1]
    panel.dock.hide()
    assert panel.sent[-1] == []
    assert panel.dock.shown_routes() == []
    panel.dock.show()
    assert len(panel.sent[-1]) == 2


def test_chinese(panel: Panel) -> None:
    panel.state.select({"DEU"})
    panel.languages.set_language("zh")
    assert panel.rows()[0][0].startswith("中欧班列 （经阿拉山口） → 杜伊斯堡")
    panel.languages.set_language("en")
    assert panel.rows()[0][0].startswith("China–Europe Railway Express")


def test_read_only_comparison_for_the_country_panel(panel: Panel, qtbot: QtBot) -> None:
    compact = RouteComparison(panel.languages, panel.params, checkable=False, corridor=load_corridor())
    qtbot.addWidget(compact)
    sent: list[Any] = []
    compact.routesChanged.connect(sent.append)
    compact.set_country("SGP")
    assert compact.tree.topLevelItemCount() == 3
    assert compact.tree.topLevelItem(0).childCount() == 0
    assert compact.tree.topLevelItem(0).data(0, Qt.ItemDataRole.CheckStateRole) is None
    assert compact.payload() == [] and all(s == [] for s in sent)
    panel.dock.editor.spins["dwell_days"].setValue(3.0)  # one shared set of assumptions
    expected = country_alternatives(CORRIDOR, "SGP", DEFAULT_PARAMS.with_changes(dwell_days=3.0))
    assert compact.tree.topLevelItem(0).text(2) == f"{expected[0].total_days:.1f}"


@pytest.mark.gui
def test_checked_routes_reach_the_real_page(window: Any) -> None:
    from tests.ui.conftest import run_js

    dock = RouteDock(window.state, window.languages, corridor=window.corridor)
    dock.routesChanged.connect(lambda routes: window.map_view.call("showRoutes", routes))
    dock.show()
    window.state.select({"DEU"})
    flows = run_js(window, "JSON.stringify(CM.describeFlows())")
    assert flows["routes"] == ["DEU-china_europe_rail", "DEU-rail_sea-gy"]
    drawn = run_js(window, "CM.flows.routesLayer.getLayers().length")
    assert drawn == 6 + 3  # one line per leg of each drawn alternative
    dock.close()
    assert run_js(window, "JSON.stringify(CM.describeFlows())")["routes"] == []
    dock.deleteLater()
    window.state.clear_selection()


def _click_tab(window: Any, title: str) -> None:
    """Click the dock tab titled ``title`` with the mouse (the window's own tab bars)."""
    from PySide6.QtWidgets import QTabBar

    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            if bar.tabText(index) == title:
                QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                return
    raise AssertionError(f"no visible tab {title!r}")


@pytest.mark.gui
def test_behind_another_tab_it_draws_nothing_and_catches_up_when_its_tab_is_clicked(window: Any) -> None:
    """Qt keeps a dock behind another's tab visible (off screen): the Routes panel there neither
    draws its routes nor recomputes at each click; its tab clicked, it shows the selected country's."""
    from tests.ui.conftest import run_js, wait_until

    dock = window.route_dock
    _click_tab(window, window.country_dock.windowTitle())
    wait_until(lambda: dock.visibleRegion().isEmpty(), 10)
    window.state.select({"DEU"})
    try:
        wait_until(lambda: "DEU" in run_js(window, "CM.describe()")["selected"], 10)
        assert run_js(window, "JSON.stringify(CM.describeFlows())")["routes"] == []
        assert dock.follow_when_shown.stale and dock.comparison.iso3 != "DEU"
        _click_tab(window, dock.windowTitle())
        wait_until(lambda: dock.comparison.iso3 == "DEU", 10)
        routes = wait_until(lambda: run_js(window, "JSON.stringify(CM.describeFlows())")["routes"], 10)
        assert routes == ["DEU-china_europe_rail", "DEU-rail_sea-gy"]
        _click_tab(window, window.country_dock.windowTitle())
        wait_until(lambda: run_js(window, "JSON.stringify(CM.describeFlows())")["routes"] == [], 10)
    finally:
        window.state.clear_selection()
