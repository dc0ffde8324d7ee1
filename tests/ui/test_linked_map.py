"""The map and the shared state, linked both ways on the real page (no reloads for state changes)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from corridor_map.core.aggregate import NO_FILTERS
from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import click_country

pytestmark = pytest.mark.gui


def _click(window: MainWindow, iso3: str, ctrl: bool = False) -> None:
    """A real click on the country (with Ctrl to add or remove it)."""
    click_country(window, iso3, Qt.KeyboardModifier.ControlModifier if ctrl else real_input.NO_MODIFIER)


def _choropleth_ready(window: MainWindow) -> dict:
    return wait_until(lambda: (p := run_js(window, "CM.describe()"))["choropleth"] and p)


@pytest.fixture(autouse=True)
def _reset(window: MainWindow):
    window.state.show_all()
    yield
    window.state.show_all()


def test_a_click_on_a_country_selects_it_and_the_page_highlights_it(window: MainWindow) -> None:
    changes: list[frozenset[str]] = []
    window.state.selection_changed.connect(changes.append)
    try:
        _click(window, "THA")
        wait_until(lambda: window.state.selection == {"THA"})
        page = wait_until(lambda: (p := run_js(window, "CM.describe()"))["selected"] == ["THA"] and p)
        assert page["selected"] == ["THA"]
        assert changes == [frozenset({"THA"})]  # one state change for one click
    finally:
        window.state.selection_changed.disconnect(changes.append)


def test_ctrl_click_adds_and_removes_countries(window: MainWindow) -> None:
    _click(window, "THA")
    wait_until(lambda: window.state.selection == {"THA"})
    _click(window, "VNM", ctrl=True)
    wait_until(lambda: window.state.selection == {"THA", "VNM"})
    assert wait_until(lambda: run_js(window, "CM.describe()")["selected"] == ["THA", "VNM"])
    _click(window, "THA", ctrl=True)
    wait_until(lambda: window.state.selection == {"VNM"})
    _click(window, "MYS")
    wait_until(lambda: window.state.selection == {"MYS"})


def test_state_selection_reaches_the_page(window: MainWindow) -> None:
    window.state.select(["KAZ", "UZB"])
    page = wait_until(lambda: (p := run_js(window, "CM.describe()"))["selected"] == ["KAZ", "UZB"] and p)
    assert page["selected"] == ["KAZ", "UZB"]
    weight = (
        "CM.layers.countries.getLayers().filter(l => l.feature.properties.iso3 === 'KAZ')[0].options.weight"
    )
    assert run_js(window, weight) > 2


def test_choropleth_colours_countries_with_sales_and_recolours_on_filters_without_reload(
    window: MainWindow,
) -> None:
    page = _choropleth_ready(window)
    loads = window.map_view.load_count
    sales = window.state.dataset.sales
    top = sales.groupby("iso3", observed=True)["units"].sum().idxmax()
    assert run_js(window, f"CM.fillOf('{top}')") == "#253494"  # the darkest class
    assert page["choropleth"]["countries"] == sales.loc[sales["units"] > 0, "iso3"].nunique()
    brand = sorted(sales["brand"].astype(str).unique())[0]
    only = set(sales.loc[sales["brand"].astype(str) == brand, "iso3"].astype(str))
    restyles = page["restyles"]
    window.state.update_filters(brands=frozenset({brand}))
    page = wait_until(lambda: (p := run_js(window, "CM.describe()"))["restyles"] > restyles and p)
    wait_until(lambda: run_js(window, "CM.describe()")["choropleth"]["countries"] == len(only))
    assert window.map_view.load_count == loads == 1  # restyled in place, never reloaded
    window.state.set_filters(NO_FILTERS)


def test_the_sample_is_labelled_on_the_map(window: MainWindow) -> None:
    page = wait_until(lambda: (p := run_js(window, "CM.describe()"))["dataLabel"] and p)
    assert "sample" in page["dataLabel"].lower()
    assert "sample" in run_js(window, "document.getElementById('cm-data-label').textContent").lower()


def test_a_destroyed_bridge_is_noticed_and_the_page_rebuilt(window: MainWindow) -> None:
    rebuilds = window.map_view.bridge_rebuilds
    loads = window.map_view.load_count
    run_js(window, "CM.bridge.deleteLater(); 1")
    wait_until(lambda: window.map_view.bridge_rebuilds == rebuilds + 1, 30)
    wait_until(lambda: window.map_view.ready and window.map_view.load_count == loads + 1, 60)
    _click(window, "LAO")
    wait_until(lambda: window.state.selection == {"LAO"})
