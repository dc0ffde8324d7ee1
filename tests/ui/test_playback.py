"""Time playback on the real window and page (issue 21): Play runs through the chosen years and puts
them back, the page's classes stay the same for every frame (breaks computed here with pandas over the
frames), the legend says so, and the year is shown large on the map, in the window and in exports."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from corridor_map.core.aggregate import Filters
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.page_push import choropleth_title
from tests.ui.conftest import close_export_session, run_js, wait_until

with warnings.catch_warnings():  # "Numba not installed": irrelevant for a reference
    warnings.simplefilter("ignore")
    import mapclassify

pytestmark = pytest.mark.gui

CHOSEN = (2023, 2025)
FAST_MS = 30

FRAME_JS = """JSON.stringify((function () {
  var ch = CM.choropleth, b = document.getElementById("cm-year-badge");
  var badge = null;
  if (b) {
    var r = b.getBoundingClientRect(), cs = getComputedStyle(b);
    var map = CM.map.getContainer().getBoundingClientRect();
    var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    badge = { text: b.textContent, pointerEvents: cs.pointerEvents, fontSize: parseFloat(cs.fontSize),
      centre: (r.left + r.width / 2 - map.left) / map.width, top: r.top - map.top, hitItself: hit === b,
      background: cs.backgroundColor };
  }
  return { title: ch && ch.title, classes: ch && ch.classes, values: ch && ch.values, badge: badge };
})())"""


@pytest.fixture(autouse=True)
def _reset(window: MainWindow) -> Iterator[None]:
    window.filters_dock.years_box.cumulative_check.setChecked(False)
    window.state.show_all()
    yield
    window.filters_dock.stop()  # no timer left running
    window.filters_dock.years_box.cumulative_check.setChecked(False)
    window.state.show_all()


def pandas_frames(sales: pd.DataFrame, over: tuple[int, int], cumulative: bool) -> dict[int, dict[str, int]]:
    """Units per country of each frame of a playback over ``over``, from a pandas groupby done here."""
    rows = sales[(sales["year"] >= over[0]) & (sales["year"] <= over[1])]
    table = (
        rows.assign(iso3=rows["iso3"].astype(str))
        .groupby(["iso3", "year"])["units"]
        .sum()
        .unstack(fill_value=0)
        .reindex(columns=range(over[0], over[1] + 1), fill_value=0)
    )
    if cumulative:
        table = table.cumsum(axis=1)
    return {int(y): {iso: int(v) for iso, v in table[y].items() if v > 0} for y in table.columns}


def expected_breaks(frames: dict[int, dict[str, int]]) -> tuple[float, list[float]]:
    """The lowest value and the natural breaks (mapclassify's FisherJenks) over every frame's values."""
    pool = np.array([v for frame in frames.values() for v in frame.values()], dtype=float)
    return float(pool.min()), [float(b) for b in mapclassify.FisherJenks(pool, k=5).bins]


def frame(window: MainWindow) -> dict[str, Any]:
    return run_js(window, FRAME_JS)


def play_frame_by_frame(qtbot: QtBot, window: MainWindow, expected_titles: dict[int, str]) -> list[dict]:
    """Press Play, pause at each year, read what the page shows, resume; returns each frame as the page
    had it (its badge, title and classes), in order."""
    dock = window.filters_dock
    playback = dock.playback
    shown: list[int] = []

    def pause_on_each_year(year: int) -> None:
        shown.append(year)
        playback.pause()

    playback.yearShown.connect(pause_on_each_year)
    seen = []
    try:
        dock.step_ms = FAST_MS
        qtbot.mouseClick(dock.years_box.play_button, Qt.MouseButton.LeftButton)
        for year, title in expected_titles.items():
            wait_until(lambda y=year: shown and shown[-1] == y and playback.is_paused, 20)
            page = wait_until(
                lambda y=year, t=title: (
                    (f := frame(window))["title"] == t and f["badge"] and f["badge"]["text"] == str(y) and f
                ),
                20,
            )
            assert window.view_state.playback_year == year
            seen.append(page)
            if year != list(expected_titles)[-1]:
                playback.play()  # resume: the next year comes after one step
    finally:
        playback.yearShown.disconnect(pause_on_each_year)
    assert shown == list(expected_titles)
    return seen


@pytest.mark.parametrize("cumulative", [False, True])
def test_play_over_a_chosen_range_fixes_the_classes_and_puts_the_range_back(
    qtbot: QtBot, window: MainWindow, cumulative: bool
) -> None:
    state, dock = window.state, window.filters_dock
    dock.years_box.cumulative_check.setChecked(cumulative)
    state.update_filters(years=CHOSEN)
    wait_until(lambda: frame(window)["title"] == "Units sold, 2023–2025")
    years = range(CHOSEN[0], CHOSEN[1] + 1)
    spans = {y: (CHOSEN[0] if cumulative else y, y) for y in years}
    titles = {y: choropleth_title(spans[y], CHOSEN) for y in years}
    assert titles[2024] == ("Units sold, 2023–2024" if cumulative else "Units sold, 2024") + (
        " (classes fixed over 2023–2025)"
    )
    changes: list[Filters] = []
    state.filters_changed.connect(changes.append)
    try:
        frames = play_frame_by_frame(qtbot, window, titles)
        expected = pandas_frames(state.dataset.sales, CHOSEN, cumulative)
        lowest, uppers = expected_breaks(expected)
        for year, page in zip(years, frames, strict=True):
            assert page["values"] == expected[year]  # the frame's own units
            assert page["classes"] == frames[0]["classes"]  # the same classes in every frame
            assert [c["upper"] for c in page["classes"]] == pytest.approx(uppers)
            assert page["classes"][0]["lower"] == lowest
            badge = page["badge"]
            assert badge["fontSize"] >= 40 and badge["pointerEvents"] == "none" and not badge["hitItself"]
            assert abs(badge["centre"] - 0.5) < 0.02 and 0 <= badge["top"] < 40  # top centre of the map
        top = uppers[-2]  # growth shows: more countries in the top class at the end than at the start
        assert sum(v > top for v in frames[0]["values"].values()) < sum(
            v > top for v in frames[-1]["values"].values()
        )
        with qtbot.waitSignal(dock.playbackFinished, timeout=10_000):
            dock.playback.play()  # the last year stays one more step, then the range comes back
        assert [f.years for f in changes] == [spans[y] for y in years] + [CHOSEN]  # one change each
        assert state.filters == Filters(years=CHOSEN)
        assert dock.years_box.slider.values() == CHOSEN
        after = wait_until(lambda: (f := frame(window))["title"] == "Units sold, 2023–2025" and f)
        assert after["badge"] is None
        assert window.view_state.playback_year is None
    finally:
        state.filters_changed.disconnect(changes.append)


def test_stop_while_paused_puts_the_range_back_and_removes_the_year(qtbot: QtBot, window: MainWindow) -> None:
    state, dock = window.state, window.filters_dock
    state.update_filters(years=CHOSEN)
    titles = {y: choropleth_title((y, y), CHOSEN) for y in (2023, 2024)}
    play_frame_by_frame(qtbot, window, titles)  # paused on 2024
    assert dock.playback.is_paused and state.filters.years == (2024, 2024)
    changes: list[Filters] = []
    state.filters_changed.connect(changes.append)
    try:
        qtbot.mouseClick(dock.years_box.stop_button, Qt.MouseButton.LeftButton)
    finally:
        state.filters_changed.disconnect(changes.append)
    assert changes == [Filters(years=CHOSEN)]  # one change: the range, the classes no longer fixed
    assert not dock.playback.is_paused and window.view_state.playback_year is None
    after = wait_until(lambda: (f := frame(window))["title"] == "Units sold, 2023–2025" and f)
    assert after["badge"] is None


def test_an_export_made_while_paused_shows_the_year_and_the_fixed_classes(
    qtbot: QtBot, window: MainWindow
) -> None:
    from corridor_map.paths import user_cache_dir
    from corridor_map.ui.export.dialog import ExportDialog
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession, export_blocking

    window.state.update_filters(years=CHOSEN)
    play_frame_by_frame(qtbot, window, {2023: choropleth_title((2023, 2023), CHOSEN)})
    dialog = ExportDialog(window.state, window.tripwire, view_state=window.view_state, parent=window)
    spec = dialog.spec()
    dialog.deleteLater()
    assert spec.playback_year == 2023
    session = ExportSession(window.tripwire)
    try:
        session.load(export_page(user_cache_dir()))
        session.attach(window.state, "en")
        wait_until(lambda: session.is_ready, 120)
        small = replace(spec, width=900, height=560, scale=1.0, dpi=None, date="x")
        with_year = export_blocking(session, small, timeout_s=120)
        box: list[Any] = []
        session.renderer.view.run_js(FRAME_JS, box.append)
        wait_until(lambda: box)
        page = json.loads(box[0])
        assert page["badge"]["text"] == "2023"
        assert page["title"] == choropleth_title((2023, 2023), CHOSEN)
        assert page["classes"] == frame(window)["classes"]  # the window's fixed classes
        without = export_blocking(session, replace(small, playback_year=None), timeout_s=120)
        map_box = with_year.regions["map"]
        top = QRect(map_box.x() + map_box.width() // 2 - 60, map_box.y() + 8, 120, 50)
        assert with_year.image.copy(top) != without.image.copy(top)  # the year is in the picture
        assert with_year.image.copy(top.translated(0, 200)) == without.image.copy(top.translated(0, 200))
    finally:
        close_export_session(session)
