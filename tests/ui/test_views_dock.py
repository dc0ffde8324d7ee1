"""Saved views on the real window and page: a view restores extent, layers, selection and filters, also
after a restart (a new store and panel on the same folder), and the last view comes back at the next start.
The map's part comes from the ``ViewState``, which the page keeps current on its own (no polling)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corridor_map.core.aggregate import NO_FILTERS, Filters
from corridor_map.core.saved_views import ViewStore
from corridor_map.ui.panels.views_dock import ViewsDock
from tests.ui.conftest import run_js, wait_until
from tests.ui.real_spots import settled

pytestmark = pytest.mark.gui

FILTERS = Filters.of(brands=["Changan"], years=(2023, 2024))


def make_dock(window: Any, folder: Path) -> ViewsDock:
    return ViewsDock(window.state, window.languages, store=ViewStore(folder), view_state=window.view_state)


def page_view(window: Any) -> dict[str, Any]:
    return run_js(window, "CM.getView()")


def at(window: Any, lat: float, lng: float, zoom: int) -> bool:
    view = page_view(window)
    return (
        view["zoom"] == zoom and abs(view["center"][0] - lat) < 0.01 and abs(view["center"][1] - lng) < 0.01
    )


def reported(window: Any, lat: float, lng: float, zoom: int) -> bool:
    """The page told the view state where it is now (the bridge's viewChanged)."""
    extent = window.view_state.extent
    return (
        extent.zoom == zoom
        and extent.center is not None
        and abs(extent.center[0] - lat) < 0.01
        and abs(extent.center[1] - lng) < 0.01
    )


def save(dock: ViewsDock, name: str) -> None:
    saved: list[Any] = []
    dock.capture(name, saved.append)
    assert saved  # at once: the view state already knows where the map is


def scramble(window: Any) -> None:
    """Somewhere else, with another selection, no filters and the dealers layer back on."""
    window.state.select({"BRA"})
    window.state.set_filters(NO_FILTERS)
    run_js(window, "CM.map.setView([-15, -50], 3, {animate: false}); CM.map.addLayer(CM.layers.dealers); 1")


def test_a_saved_view_comes_back_also_after_a_restart(window: Any, tmp_path: Path) -> None:
    window.state.select({"THA", "VNM"})
    window.state.set_filters(FILTERS)
    run_js(
        window,
        "CM.map.setView([14.5, 104.25], 6, {animate: false}); CM.map.removeLayer(CM.layers.dealers); 1",
    )
    wait_until(lambda: reported(window, 14.5, 104.25, 6) and not window.view_state.extent.layers["dealers"])
    dock = make_dock(window, tmp_path)
    save(dock, "Mekong")
    saved = dock.store.get("Mekong")
    assert saved is not None
    assert saved.center is not None and abs(saved.center[0] - 14.5) < 0.01 and saved.zoom == 6
    assert saved.layers["dealers"] is False and saved.layers["countries"] is True
    assert [dock.list.item(i).text() for i in range(dock.list.count())] == ["Mekong"]

    scramble(window)
    assert dock.go_to("Mekong")
    wait_until(lambda: at(window, 14.5, 104.25, 6))
    assert window.state.selection == {"THA", "VNM"}
    assert window.state.filters == FILTERS
    assert page_view(window)["layers"]["dealers"] is False
    # the flight to the selection that select() starts must not move the map afterwards
    settled(window)  # no animation under way, the same view twice 150 ms apart
    assert at(window, 14.5, 104.25, 6)
    dock.deleteLater()

    # restart: a new store and panel reading the same folder
    scramble(window)
    again = make_dock(window, tmp_path)
    assert again.list.count() == 1
    again.list.setCurrentRow(0)
    again.go_button.click()
    wait_until(lambda: at(window, 14.5, 104.25, 6))
    assert window.state.selection == {"THA", "VNM"}
    assert window.state.filters == FILTERS
    again.deleteLater()
    window.state.show_all()


def test_the_last_view_is_restored_at_the_next_start(window: Any, tmp_path: Path) -> None:
    window.state.select({"DEU"})
    window.state.set_filters(Filters.of(powertrains=["NEV"]))
    run_js(window, "CM.map.setView([51, 10], 5, {animate: false}); 1")
    dock = make_dock(window, tmp_path)
    wait_until(lambda: reported(window, 51, 10, 5))  # the page said so itself
    dock.remember_last()  # the window closes
    dock.deleteLater()

    scramble(window)
    next_start = make_dock(window, tmp_path)
    assert next_start.restore_last()
    wait_until(lambda: at(window, 51, 10, 5))
    assert window.state.selection == {"DEU"}
    assert window.state.filters == Filters.of(powertrains=["NEV"])
    next_start.deleteLater()
    window.state.show_all()


def test_save_delete_and_buttons(window: Any, tmp_path: Path) -> None:
    dock = make_dock(window, tmp_path)
    assert not dock.save_button.isEnabled() and not dock.go_button.isEnabled()
    dock.name_edit.setText("  Europe  ")
    assert dock.save_button.isEnabled()
    dock.save_button.click()
    wait_until(lambda: dock.list.count() == 1)
    assert dock.list.item(0).text() == "Europe"
    assert dock.name_edit.text() == ""
    dock.list.setCurrentRow(0)
    assert dock.delete_button.isEnabled()
    dock.delete_button.click()
    assert dock.list.count() == 0
    assert ViewStore(tmp_path).views() == []
    dock.deleteLater()


def test_without_a_page_the_view_keeps_selection_and_filters(window: Any, tmp_path: Path) -> None:
    window.state.select({"KAZ"})
    dock = ViewsDock(window.state, window.languages, store=ViewStore(tmp_path))  # no view state
    save(dock, "No page")
    view = ViewStore(tmp_path).get("No page")
    assert view is not None and view.selection == {"KAZ"} and view.center is None
    dock.deleteLater()
    window.state.show_all()
