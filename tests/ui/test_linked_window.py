"""Linked exploration on the real window: page clicks reach the panels, panel rows reach the page."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from corridor_map.core.aggregate import Filters, units_by
from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.panels.dataframe_model import KEY_ROLE
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import click_country
from tests.ui.test_panels import cell, click_row

pytestmark = pytest.mark.gui

HOSTILE = "<img src=x onerror=window.__pwned=1>${window.__pwned=2}"


@pytest.fixture(autouse=True)
def _reset(window: MainWindow):
    window.state.show_all()
    yield
    window.state.show_all()


@pytest.fixture
def changes(window: MainWindow):
    seen: list[frozenset[str]] = []
    window.state.selection_changed.connect(seen.append)
    yield seen
    window.state.selection_changed.disconnect(seen.append)


def _page_selected(window: MainWindow) -> list[str]:
    return run_js(window, "CM.describe()")["selected"]


def _click_country(window: MainWindow, iso3: str, ctrl: bool = False) -> None:
    """A real click on the country (with Ctrl to add or remove it)."""
    click_country(window, iso3, Qt.KeyboardModifier.ControlModifier if ctrl else real_input.NO_MODIFIER)


def test_a_click_on_the_map_fills_the_country_panel(window: MainWindow, changes: list) -> None:
    _click_country(window, "THA")
    wait_until(lambda: window.state.selection == {"THA"})
    units = units_by(window.state.dataset.sales, ("iso3",), Filters.of(countries=["THA"]))["units"].sum()
    wait_until(lambda: window.country_dock.units_value.text() == f"{units:,}")
    assert window.country_dock.title.text() == "Thailand"
    assert changes == [frozenset({"THA"})]  # one state change for one click: no echo from the docks


def test_a_dealer_row_makes_the_page_highlight_its_country(
    window: MainWindow, qtbot: QtBot, changes: list
) -> None:
    view = window.dealers_dock.view
    window.dealers_dock.only_selected.setChecked(False)
    code = view.model().index(0, 0).data(KEY_ROLE)
    click_row(qtbot, view, 0)
    assert changes == [frozenset({code})]
    assert wait_until(lambda: _page_selected(window) == [code])


def test_two_countries_with_ctrl_both_ways(window: MainWindow, qtbot: QtBot, changes: list) -> None:
    view = window.ranking_dock.view
    first, second = cell(view, 0, 2), cell(view, 2, 2)
    click_row(qtbot, view, 0)
    click_row(qtbot, view, 2, ctrl=True)
    assert wait_until(lambda: _page_selected(window) == sorted({first, second}))
    _click_country(window, "KAZ" if "KAZ" not in (first, second) else "UZB", ctrl=True)
    third = "KAZ" if "KAZ" not in (first, second) else "UZB"
    wait_until(lambda: window.state.selection == {first, second, third})
    assert window.ranking_dock.sync.selected_codes() == {first, second, third}
    assert len(changes) == 3


def test_search_thai_in_chinese_selects_and_flies(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    box = window.toolbar.search
    box.clear()
    box.setFocus()
    commit = QInputMethodEvent()
    commit.setCommitString("泰国")
    QApplication.sendEvent(box, commit)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.state.selection == {"THA"}
    assert wait_until(lambda: _page_selected(window) == ["THA"])


def test_hostile_dealer_names_stay_text_everywhere_and_never_run(window: MainWindow) -> None:
    dealers = window.state.dataset.dealers.copy()
    row = dealers.index[0]
    dealers.loc[row, "dealer"] = HOSTILE
    dealers.loc[row, "city"] = "<script>window.__pwned=3</script>"
    code = str(dealers.loc[row, "iso3"])
    original = window.state.dataset
    window.state.set_dataset(replace(original, dealers=dealers))
    try:
        window.state.select({code})
        # the page: zoom onto the dealer so it is drawn as a point, open its tooltip
        lat, lon = float(dealers.loc[row, "lat"]), float(dealers.loc[row, "lon"])
        # (set once no zoom animation runs, and checked to hold: the selection flies to the country)
        goto = (
            "(function () { var m = CM.map; if (m._animatingZoom) return false;"
            " if (m.getZoom() !== m.getMaxZoom())"
            f" m.setView([{lat}, {lon}], m.getMaxZoom(), {{animate: false}});"
            " return m.getZoom() === m.getMaxZoom(); })()"
        )
        wait_until(lambda: run_js(window, goto) is True)
        text = wait_until(
            lambda: run_js(
                window,
                "(function () { var hit = null; CM.dealers.layer.eachLayer(function (l) {"
                " var i = l.dealerIndex; if (i !== undefined && CM.dealers.names[i].indexOf('onerror') >= 0)"
                " hit = l; }); if (!hit) return ''; hit.openTooltip();"
                " return hit.getTooltip().getElement().textContent; })()",
            )
        )
        assert HOSTILE in text
        assert run_js(window, "typeof window.__pwned") == "undefined"
        assert run_js(window, "document.querySelectorAll('img[src=x]').length") == 0
        view = window.dealers_dock.view
        names = [cell(view, r, 0) for r in range(view.model().rowCount())]
        assert HOSTILE in names
        assert HOSTILE in window.country_dock.dealers_text.text()
        assert window.country_dock.dealers_text.textFormat() == Qt.TextFormat.PlainText
    finally:
        window.state.set_dataset(original)
