"""What the page tells Python on its own goes through the bridge (no title, no polling), its scripts talk
through ``CM.events``, and a page under an unknown Leaflet refuses to start where anyone sees it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.web import MapView
from tests.ui.conftest import run_js, wait_until


def test_a_settled_view_reaches_python_through_the_bridge(window: MainWindow) -> None:
    views: list[dict[str, Any]] = []
    window.map_view.viewChanged.connect(views.append)
    try:
        run_js(window, "CM.map.setView([12.5, 101.5], 5, {animate: false}); 1")
        view = wait_until(lambda: views and views[-1]["zoom"] == 5 and views[-1], 10)
        assert abs(view["center"][0] - 12.5) < 0.01 and abs(view["center"][1] - 101.5) < 0.01
        assert view["layers"]["countries"] is True
        # a layer unticked is a change of the view too, reported once the map settled
        count = len(views)
        run_js(window, "CM.map.removeLayer(CM.layers.rail); 1")
        wait_until(lambda: len(views) > count and views[-1]["layers"]["rail"] is False, 10)
        run_js(window, "CM.map.addLayer(CM.layers.rail); 1")
        wait_until(lambda: views[-1]["layers"]["rail"] is True, 10)
    finally:
        window.map_view.viewChanged.disconnect(views.append)
        run_js(window, "CM.map.setView([30, 75], 3, {animate: false}); 1")


def test_the_page_scripts_hear_of_a_new_level_of_detail_as_an_event(window: MainWindow) -> None:
    run_js(window, "window.cmHeard = []; CM.events.on('detailchanged', (e) => cmHeard.push(e.level)); 1")
    try:
        run_js(window, "CM.map.setView([13.7, 100.5], 7, {animate: false}); 1")
        wait_until(lambda: run_js(window, "CM.detailLevel()") == 2, 30)
        assert run_js(window, "JSON.stringify(cmHeard)")[-1] == 2
    finally:
        run_js(window, "CM.map.setView([30, 75], 3, {animate: false}); 1")
        wait_until(lambda: run_js(window, "CM.detailLevel()") == 0, 30)


# Before leaflet.js runs: whatever it makes window.L, its version reads 1.0.0.
FAKE_LEAFLET_VERSION = """
Object.defineProperty(window, "L", { configurable: true,
  get: function () { return window.__fakeL; },
  set: function (value) { if (value) value.version = "1.0.0"; window.__fakeL = value; } });
"""


def test_an_unknown_leaflet_version_stops_the_page_loudly(window: MainWindow) -> None:
    page = window.map_view._page_path
    assert page is not None
    view = MapView(window.map_view.tripwire)
    try:
        view.set_creation_script("fake-leaflet-version", FAKE_LEAFLET_VERSION)
        view.resize(800, 500)
        view.show()
        view.load_page(page)
        shown: list[Any] = []

        def message() -> Any:
            view.run_js("(document.getElementById('cm-unsupported') || {}).textContent || ''", shown.append)
            return shown and shown[-1]

        text = wait_until(message, 30)
        assert "Leaflet 1.9.4" in text and "Leaflet 1.0.0" in text
        assert any("needs Leaflet 1.9.4" in m for _level, m in view.map_page.console)
        assert not view.ready  # it never says it is ready
    finally:
        view.close()
        view.deleteLater()
        QApplication.processEvents()
