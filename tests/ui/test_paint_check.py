"""The smoke test's paint check (``ui.paint_check``) on the real window: a painted map at a first run's
framing of the whole world in a narrow map, and not the same page with its map's canvases undrawn."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from corridor_map.core.dataset import load_sample
from corridor_map.ui.composition import build_app
from corridor_map.ui.paint_check import LAND_COLOURS, OCEAN, colour_shares, map_is_painted
from tests.ui.conftest import close_window, run_js, wait_until
from tests.ui.real_spots import settled

pytestmark = pytest.mark.gui


def pause(ms: int) -> None:
    done: list[bool] = []
    QTimer.singleShot(ms, lambda: done.append(True))
    wait_until(lambda: done)


def test_a_world_view_in_a_narrow_map_is_painted_and_undrawn_canvases_are_not(qapp: QApplication) -> None:
    window = build_app(language="en", dataset=load_sample(), first_run=True).window
    try:
        window.resize(860, 700)  # the map ~300 px wide beside the panels, the legend over a third of it
        window.show()
        window.start_map()
        wait_until(lambda: window.map_view.ready, 90)
        settled(window)
        assert window.map_view.width() < 400
        assert run_js(window, "CM.map.getZoom()") < 1  # the first run frames the whole world
        image = window.map_view.grab().toImage()
        sea, *land = colour_shares(image, [OCEAN, *LAND_COLOURS])
        assert sum(land) < 0.08  # (so little land that the no-data fill alone was under 5 %)
        assert map_is_painted(image), (sea, land)
        # the same page with the map's canvases hidden: the legend and the controls are no map
        run_js(window, "document.querySelectorAll('.leaflet-pane canvas')"
                       ".forEach(function (c) { c.style.visibility = 'hidden'; }); 1")  # fmt: skip
        pause(300)
        undrawn = window.map_view.grab().toImage()
        assert not map_is_painted(undrawn), colour_shares(undrawn, [OCEAN, *LAND_COLOURS])
    finally:
        close_window(window)
