"""Dealers at scale and export flows on the real page (issue 7): filters, clusters, highlighted legs."""

from __future__ import annotations

import pytest

from corridor_map.core.aggregate import NO_FILTERS
from corridor_map.core.corridor import load_corridor
from corridor_map.ui import real_input
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import dealer_group_spots, set_view

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _reset(window: MainWindow):
    window.state.show_all()
    yield
    window.state.show_all()


def _dealers(window: MainWindow) -> dict:
    return run_js(window, "CM.describe()")["dealers"]


def test_every_placed_dealer_reaches_the_page(window: MainWindow) -> None:
    dealers = window.state.dataset.dealers
    page = wait_until(lambda: (d := _dealers(window)) and d["total"] and d)
    assert page["total"] == int(dealers[["lat", "lon"]].notna().all(axis=1).sum())
    assert page["shown"] == page["total"]


def test_a_brand_filter_changes_the_dealer_count_and_the_choropleth(window: MainWindow) -> None:
    dealers = window.state.dataset.dealers
    sales = window.state.dataset.sales
    brand = str(dealers["brand"].astype(str).value_counts().index[-1])  # the brand with fewest dealers
    before = run_js(window, "CM.describe()")
    window.state.update_filters(brands=frozenset({brand}))
    expected = int((dealers["brand"].astype(str) == brand).sum())
    assert wait_until(lambda: _dealers(window)["shown"] == expected)
    countries = sales.loc[(sales["brand"].astype(str) == brand) & (sales["units"] > 0), "iso3"].nunique()
    after = wait_until(
        lambda: (p := run_js(window, "CM.describe()"))["choropleth"]["countries"] == countries and p
    )
    assert after["choropleth"]["countries"] < before["choropleth"]["countries"]
    window.state.set_filters(NO_FILTERS)
    assert wait_until(lambda: _dealers(window)["shown"] == before["dealers"]["shown"])


def test_clicking_a_cluster_zooms_in(window: MainWindow) -> None:
    set_view(window, 20.0, 100.0, 3)
    groups = wait_until(lambda: dealer_group_spots(window))
    real_input.click(window.map_view, groups[0])
    assert wait_until(lambda: run_js(window, "CM.map.getZoom()") > 3)


def test_the_selected_countrys_route_legs_are_highlighted(window: MainWindow) -> None:
    route = load_corridor().destinations["THA"].default_route
    window.state.select({"THA"})
    flows = wait_until(lambda: (f := run_js(window, "CM.describe()")["flows"])["highlighted"] and f)
    assert flows["highlighted"] == sorted(route)
    window.state.select({"THA", "DEU"})
    both = set(route) | set(load_corridor().destinations["DEU"].default_route)
    assert wait_until(lambda: run_js(window, "CM.describe()")["flows"]["highlighted"] == sorted(both))


def test_flows_follow_the_filters(window: MainWindow) -> None:
    total = wait_until(lambda: run_js(window, "CM.describe()")["flows"]["legs"])
    sales = window.state.dataset.sales
    country = str(sales.groupby("iso3", observed=True)["units"].sum().idxmax())
    window.state.update_filters(countries=frozenset({country}))
    route = load_corridor().destinations[country].default_route
    assert wait_until(lambda: run_js(window, "CM.describe()")["flows"]["legs"] == len(route))
    assert len(route) < total


def test_the_play_button_steps_the_page_through_the_years_and_stops(window: MainWindow) -> None:
    sales = window.state.dataset.sales
    years = list(range(int(sales["year"].min()), int(sales["year"].max()) + 1))
    seen: list[str] = []
    window.presenter.choroplethApplied.connect(lambda payload: seen.append(payload["title"]))
    finished: list[bool] = []
    dock = window.filters_dock
    dock.playbackFinished.connect(lambda: finished.append(True))
    loads = window.map_view.load_count
    dock.step_ms = 60
    dock.play()
    wait_until(lambda: finished, 30)
    assert not dock.is_playing
    fixed = f"(classes fixed over {years[0]}–{years[-1]})"
    assert [title for title in seen if title.endswith(fixed)] == [f"Units sold, {y} {fixed}" for y in years]
    page = wait_until(
        lambda: (
            (p := run_js(window, "CM.describe()"))["choropleth"]["title"] == "Units sold (all years)" and p
        )
    )
    assert window.state.filters == NO_FILTERS  # at the end, the years there were before Play
    assert window.map_view.load_count == loads  # restyled, never reloaded
    assert page["restyles"] > 0
