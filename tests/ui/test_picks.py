"""Search, tables and map picks do what their words say, with real keyboard and mouse input.

A port (search result or click on the map) shows its card and selects no country; a dealer (search
result, table row, map dot) is picked: its country selected, the dealer highlighted and in view where it
is not in a group, its row in the Dealers panel; a search with no match says so beside the box.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.panels.dataframe_model import ROW_ID_ROLE
from tests.ui.conftest import close_window, run_js, wait_until
from tests.ui.real_spots import (
    below_or,
    find_spot,
    interior_points,
    set_view,
    set_view_near,
    settled,
    what_lies_at,
)

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _clean(window: MainWindow):
    window.activateWindow()
    window.state.show_all()
    window.state.focus_dealer(None)
    run_js(window, "CM.closePortCard(); 1")
    yield
    window.toolbar.search.clear_search()
    window.state.show_all()
    window.state.focus_dealer(None)
    run_js(window, "CM.closePortCard(); 1")


def _type_search(window: MainWindow, text: str) -> None:
    """Ctrl+F, then type ``text`` and press Enter, as a person does."""
    window.map_view.setFocus()
    real_input.key(window.map_view.focusProxy(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = window.toolbar.search
    wait_until(lambda: QApplication.focusWidget() is box, 5)
    box.selectAll()
    real_input.type_text(box, text)
    real_input.key(box, Qt.Key.Key_Return)  # Enter on the typed text (not on a completion)
    box.completer().popup().hide()


def _open_card(window: MainWindow) -> str | None:
    """The port whose card is open (None: no card)."""
    return run_js(window, "CM.openPortCard() || ''") or None


def test_a_port_result_shows_its_card_and_selects_no_country(window: MainWindow) -> None:
    _type_search(window, "Qinzhou")
    wait_until(lambda: _open_card(window) == "CNQZH", 10)
    assert window.state.selection == frozenset()
    text = run_js(window, "document.getElementById('cm-port-card').textContent")
    assert text.startswith("Qinzhou") and "钦州" in text and "From Chongqing" in text
    assert "Destinations in the data routed through it" in text and "Malaysia" in text  # sea via Qinzhou
    real_input.key(window.toolbar.search, Qt.Key.Key_Escape)  # Esc (the focus is still in the box) closes it
    wait_until(lambda: _open_card(window) is None, 10)


def test_a_click_on_a_port_shows_its_card_and_a_click_elsewhere_closes_it(window: MainWindow) -> None:
    set_view_near(window, 22.8, 108.4, 6)  # Nanning near the middle, clear of the legend
    lat, lon = run_js(
        window,
        "JSON.stringify((function () { var l = CM.layers.ports.getLayers().filter(function (l) {"
        " return l.feature.properties.id === 'CNNNG'; })[0];"
        " return [l.getLatLng().lat, l.getLatLng().lng]; })())",
    )
    itself = "function (l) { return l.feature && l.feature.properties.id === 'CNNNG'; }"
    spot = find_spot(window, [(lat, lon)], None, ignore=below_or("cm-ports", itself))
    assert spot is not None, what_lies_at(window, lat, lon)
    real_input.click(window.map_view, spot)
    wait_until(lambda: _open_card(window) == "CNNNG", 10)
    assert window.state.selection == frozenset()
    settled(window)
    elsewhere = find_spot(window, interior_points("LAO"), "LAO") or find_spot(
        window, interior_points("VNM"), "VNM"
    )
    assert elsewhere is not None
    real_input.click(window.map_view, elsewhere)  # a click elsewhere on the map
    wait_until(lambda: _open_card(window) is None, 10)


def _dealer_row(window: MainWindow, name_part: str) -> int:
    dealers = window.state.dataset.dealers
    return dealers.index[dealers["dealer"].astype(str).str.contains(name_part)][0]


def _dealer_in_view(window: MainWindow, row: int) -> dict:
    """The page's account of the picked dealer: focused index, zoom, whether its point is in view."""
    index = int(window.presenter._dealer_rows.get_loc(row))
    return run_js(
        window,
        "JSON.stringify({focused: CM.describeDealers().focused, zoom: CM.map.getZoom(),"
        f" inView: CM.map.getBounds().contains([CM.dealers.lat[{index}], CM.dealers.lon[{index}]]),"
        f" index: {index}}})",
    )


def test_a_dealer_result_picks_the_dealer_in_view_and_highlighted(window: MainWindow) -> None:
    name = "Kestrel Chiang Mai Dealer 2 (sample)"
    row = _dealer_row(window, "Kestrel Chiang Mai Dealer 2")
    _type_search(window, name)
    wait_until(lambda: window.state.focused_dealer == row, 10)
    assert window.state.selection == {"THA"}
    settled(window)
    page = wait_until(lambda: (p := _dealer_in_view(window, row))["focused"] == p["index"] and p, 10)
    assert page["zoom"] >= 9 and page["inView"]  # at a zoom where dealers are not grouped
    table = window.dealers_dock
    ids = table.sync.selected_ids()
    assert ids == [int(window.state.dataset.dealers.index.get_loc(row))]  # its row in the Dealers panel


def test_a_click_on_a_dealer_row_brings_the_dealer_into_view(window: MainWindow) -> None:
    window.state.select({"VNM"})
    table = window.dealers_dock
    wait_until(lambda: table.view.model().rowCount() > 0, 10)
    view = table.view
    rect = view.visualRect(view.model().index(0, 0))
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    position = view.model().index(0, 0).data(ROW_ID_ROLE)
    row = window.state.dataset.dealers.index[position]
    wait_until(lambda: window.state.focused_dealer == row, 10)
    settled(window)
    page = wait_until(lambda: (p := _dealer_in_view(window, row))["focused"] == p["index"] and p, 10)
    assert page["zoom"] >= 9 and page["inView"]


def test_no_match_says_so_beside_the_box_with_the_closest_entries(window: MainWindow) -> None:
    box = window.toolbar.search
    _type_search(window, "Rotterdm")
    wait_until(box.feedback.isVisible, 5)
    assert "No match for “Rotterdm”" in box.feedback.text() and "Rotterdam" in box.feedback.text()
    menu = box.suggestions_menu
    assert [a.text() for a in menu.actions()][:1] == ["Rotterdam — port (NLD)"]
    menu.hide()
    assert window.state.selection == frozenset()
    window.toolbar.act_show_all.trigger()  # Show all clears the box and the message
    assert box.text() == "" and not box.feedback.isVisible()


def test_an_accent_is_not_needed(window: MainWindow) -> None:
    _type_search(window, "Gdansk")
    wait_until(lambda: _open_card(window) == "PLGDN", 10)


def test_every_dock_is_in_view_panels(window: MainWindow) -> None:
    listed = {a.text().replace("&", "") for a in window.menu_panels.actions()}
    assert listed == {d.windowTitle() for d in window.docks()}
    for dock in window.docks():
        dock.close()
        assert not dock.isVisible()
        dock.toggleViewAction().trigger()  # View → Panels → the dock
        wait_until(dock.isVisible, 5)


def test_a_closed_dock_comes_back_from_the_menu_after_a_restart(qapp, window: MainWindow) -> None:
    from corridor_map.core.corridor import load_corridor
    from corridor_map.paths import geo_dir, resources_dir
    from corridor_map.state import AppState
    from corridor_map.ui.i18n import LanguageManager
    from corridor_map.ui.settings import Settings

    window.filters_dock.close()
    window.close()  # saves the layout: Filters closed
    again = MainWindow(
        Settings(),
        LanguageManager(qapp),  # a restart's own
        AppState(window.state.dataset),
        [resources_dir(), geo_dir()],
        load_corridor(),
    )
    try:
        again.show()
        QApplication.processEvents()
        assert not again.filters_dock.isVisible()
        assert again.filters_dock.toggleViewAction() in again.menu_panels.actions()
        again.filters_dock.toggleViewAction().trigger()
        wait_until(again.filters_dock.isVisible, 5)
    finally:
        close_window(again)
        window.show()
        window.filters_dock.show()
        QApplication.processEvents()


def test_card_payload_is_in_chinese_too(window: MainWindow) -> None:
    from corridor_map.core.page_payload import units_per_country
    from corridor_map.core.port_facts import port_facts
    from corridor_map.ui.port_card import card_payload

    window.set_language("zh")
    try:
        units = units_per_country(window.state.dataset, window.state.filters)
        facts = port_facts(window.corridor, "CNQZH", units, window.presenter.routes)
        card = card_payload(facts, "zh")
        assert card["title"] == "钦州港" or card["title"].startswith("钦州")
        assert card["routes_heading"] == "自重庆出发（估计）"
        assert json.dumps(card, ensure_ascii=False).count("Thailand") == 0
    finally:
        window.set_language("en")


def test_a_dealer_placed_at_its_city_answers_a_real_click(window: MainWindow) -> None:
    dealers = window.state.dataset.dealers
    at_city = dealers[(dealers["city"] == "Bangkok") & (dealers["position"].astype(str) == "city")]
    assert len(at_city) >= 1
    lat, lon = at_city[["lat", "lon"]].to_numpy()[0]
    set_view(window, lat - 0.1, lon + 0.2, 9)  # Bangkok up and left of the middle, every dealer a dot
    rows = set(at_city.index)
    index = int(window.presenter._dealer_rows.get_loc(at_city.index[0]))
    itself = "function (l) { return l.dealerIndex != null; }"
    spot = find_spot(window, [(lat, lon)], None, ignore=below_or("cm-dealers", itself))
    assert spot is not None, index
    real_input.click(window.map_view, spot)
    wait_until(lambda: window.state.focused_dealer in rows, 10)
    assert window.state.selection == {"THA"}
