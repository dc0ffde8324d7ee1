"""The Filters dock on the real sample data: each control sets the right Filters, once per action;
time playback steps through every year and stops; the dock follows the state without echo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

import corridor_map.ui  # noqa: F401  (before any Qt object: the PySide6 None-leak workaround)
from corridor_map.core.aggregate import NO_FILTERS, Filters, filter_dealers, filter_sales, year_range
from corridor_map.core.countries import default_index
from corridor_map.core.dataset import Dataset, load_sample
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.brand_checks import NO_BRAND
from corridor_map.ui.panels.filters_dock import FiltersDock
from corridor_map.ui.panels.region_choices import RegionChoice, region_choices
from corridor_map.ui.panels.year_controls import SPEEDS
from corridor_map.ui.panels.year_range_slider import HIGH, LOW

SAMPLE = load_sample()
FIRST, LAST = year_range(SAMPLE.sales) or (0, 0)
BRANDS = sorted(set(SAMPLE.sales["brand"].astype(str)) | set(SAMPLE.dealers["brand"].astype(str)))
FAST_MS = 15


@dataclass
class Ctx:
    dock: FiltersDock
    state: AppState
    events: list[Filters] = field(default_factory=list)
    shown: list[int] = field(default_factory=list)
    finished: list[bool] = field(default_factory=list)

    def years(self) -> list[tuple[int, int] | None]:
        return [f.years for f in self.events]


@pytest.fixture
def ctx(qtbot: QtBot) -> Iterator[Ctx]:
    app = QApplication.instance()
    assert app is not None
    state = AppState(SAMPLE)
    dock = FiltersDock(state, LanguageManager(app))
    qtbot.addWidget(dock)
    dock.resize(360, 760)
    dock.show()
    qtbot.waitExposed(dock)
    c = Ctx(dock, state)
    state.filters_changed.connect(c.events.append)
    dock.playback.yearShown.connect(c.shown.append)
    dock.playbackFinished.connect(lambda: c.finished.append(True))
    yield c
    dock.pause()


def click(qtbot: QtBot, widget: QWidget) -> None:
    """A left click; on a check or radio box, on its indicator (Qt ignores clicks right of the text)."""
    pos = QPoint(8, widget.height() // 2) if isinstance(widget, QAbstractButton) else widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an item the way a keyboard user does: open the list, move to the row, press Enter.

    (A mouse click right after the list opens is ignored by Qt as the opening click's release.)
    """
    index = next(i for i in range(combo.count()) if combo.itemText(i).strip() == text)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(view.model().index(index, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())


# ---- each control sets the right Filters, one change per action ------------------------------------
def test_brand_checkbox_click_is_one_change_and_filters_the_data(qtbot: QtBot, ctx: Ctx) -> None:
    click(qtbot, ctx.dock.brand_checks.boxes[BRANDS[0]])
    assert len(ctx.events) == 1
    assert ctx.state.filters.brands == frozenset(BRANDS[1:])
    kept = filter_sales(SAMPLE.sales, ctx.state.filters)
    assert 0 < len(kept) < len(SAMPLE.sales)
    assert BRANDS[0] not in set(kept["brand"].astype(str))
    click(qtbot, ctx.dock.brand_checks.boxes[BRANDS[0]])
    assert len(ctx.events) == 2
    assert ctx.state.filters == NO_FILTERS  # every brand ticked is no brand filter


def test_brand_none_and_all_buttons(qtbot: QtBot, ctx: Ctx) -> None:
    click(qtbot, ctx.dock.brand_checks.none_button)
    assert len(ctx.events) == 1
    assert ctx.state.filters.brands == NO_BRAND
    assert not any(box.isChecked() for box in ctx.dock.brand_checks.boxes.values())
    assert filter_sales(SAMPLE.sales, ctx.state.filters).empty  # nothing ticked shows nothing
    assert filter_dealers(SAMPLE.dealers, ctx.state.filters).empty
    click(qtbot, ctx.dock.brand_checks.boxes[BRANDS[2]])
    assert ctx.state.filters.brands == frozenset({BRANDS[2]})
    assert set(filter_sales(SAMPLE.sales, ctx.state.filters)["brand"].astype(str)) == {BRANDS[2]}
    click(qtbot, ctx.dock.brand_checks.all_button)
    assert ctx.state.filters.brands is None
    assert len(ctx.events) == 3


def test_powertrain_buttons(qtbot: QtBot, ctx: Ctx) -> None:
    nev, ice, every = (ctx.dock.powertrain_group.button(i) for i in (1, 2, 0))
    click(qtbot, nev)
    assert ctx.state.filters.powertrains == frozenset({"NEV"})
    assert set(filter_sales(SAMPLE.sales, ctx.state.filters)["powertrain"].astype(str)) == {"NEV"}
    click(qtbot, ice)
    assert ctx.state.filters.powertrains == frozenset({"ICE"})
    click(qtbot, ice)  # the same choice again: no change, no event
    click(qtbot, every)
    assert ctx.state.filters.powertrains is None
    assert len(ctx.events) == 3


def test_region_choices_set_continents_or_subregions(qtbot: QtBot, ctx: Ctx) -> None:
    combo = ctx.dock.region_combo
    choose(qtbot, combo, "South-Eastern Asia")
    assert ctx.state.filters.regions == frozenset({"South-Eastern Asia"})
    assert ctx.state.filters.continents is None
    index = default_index()
    kept = set(filter_sales(SAMPLE.sales, ctx.state.filters)["iso3"].astype(str))
    assert kept
    assert {index.subregion(c) for c in kept} == {"South-Eastern Asia"}
    choose(qtbot, combo, "Africa")
    assert ctx.state.filters.continents == frozenset({"Africa"})
    assert ctx.state.filters.regions is None
    kept = set(filter_sales(SAMPLE.sales, ctx.state.filters)["iso3"].astype(str))
    assert {index.continent(c) for c in kept} == {"Africa"}
    choose(qtbot, combo, "All regions")
    assert ctx.state.filters == NO_FILTERS
    assert len(ctx.events) == 3


def test_region_list_groups_subregions_under_continents() -> None:
    choices = region_choices({"THA", "VNM", "DEU", "BRA"})
    assert choices == [
        RegionChoice("continent", "Asia"),
        RegionChoice("subregion", "South-Eastern Asia"),
        RegionChoice("continent", "Europe"),
        RegionChoice("subregion", "Western Europe"),
        RegionChoice("continent", "South America"),  # its sub-region of the same name is not repeated
    ]


def test_region_set_elsewhere_shows_as_other(qtbot: QtBot, ctx: Ctx) -> None:
    combo = ctx.dock.region_combo
    ctx.state.update_filters(regions=frozenset({"Americas", "Europe"}))
    assert combo.currentText() == "Other (set elsewhere)"
    ctx.state.update_filters(regions=frozenset({"Western Asia"}))
    assert combo.currentText().strip() == "Western Asia"
    assert combo.findText("Other (set elsewhere)") < 0
    assert len(ctx.events) == 2  # the dock wrote nothing back


def test_year_spin_boxes(qtbot: QtBot, ctx: Ctx) -> None:
    years = ctx.dock.years_box
    years.from_spin.setFocus()
    years.from_spin.selectAll()
    qtbot.keyClicks(years.from_spin, str(FIRST + 2))
    assert ctx.events == []  # no change while typing
    qtbot.keyClick(years.from_spin, Qt.Key.Key_Return)
    assert ctx.years() == [(FIRST + 2, LAST)]
    years.to_spin.setFocus()
    years.to_spin.selectAll()
    qtbot.keyClicks(years.to_spin, str(FIRST + 1))
    qtbot.keyClick(years.to_spin, Qt.Key.Key_Return)
    assert ctx.state.filters.years == (FIRST + 1, FIRST + 1)  # "to" before "from" pulls "from" back
    assert (years.from_spin.value(), years.to_spin.value()) == (FIRST + 1, FIRST + 1)
    assert years.year_label.text() == str(FIRST + 1)
    assert len(ctx.events) == 2


def _mouse(widget: QWidget, kind: QEvent.Type, x: float, buttons: Qt.MouseButton) -> None:
    pos = QPointF(x, 10)
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, pos, pos, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_year_slider_drag_and_keys(qtbot: QtBot, ctx: Ctx) -> None:
    slider = ctx.dock.years_box.slider
    left = Qt.MouseButton.LeftButton
    _mouse(slider, QEvent.Type.MouseButtonPress, slider.x_of(FIRST), left)
    assert ctx.events == []  # pressing a handle where it is changes nothing
    for year in (FIRST + 1, FIRST + 1, FIRST + 2):  # two moves within one year: one change
        _mouse(slider, QEvent.Type.MouseMove, slider.x_of(year) + 1, left)
    _mouse(slider, QEvent.Type.MouseButtonRelease, slider.x_of(FIRST + 2), Qt.MouseButton.NoButton)
    assert ctx.years() == [(FIRST + 1, LAST), (FIRST + 2, LAST)]
    assert slider.active == LOW
    between = slider.x_of(LAST - 1) + 0.3 * (slider.x_of(LAST) - slider.x_of(LAST - 1))
    qtbot.mouseClick(slider, left, pos=QPoint(round(between), 10))
    assert ctx.state.filters.years == (FIRST + 2, LAST - 1)  # the nearer handle (to) moved
    assert slider.active == HIGH
    qtbot.keyClick(slider, Qt.Key.Key_End)
    qtbot.keyClick(slider, Qt.Key.Key_Space)  # switch to the "from" handle
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert ctx.state.filters.years is None  # the data's whole span is no year filter
    assert ctx.dock.years_box.year_label.text() == f"{FIRST}–{LAST}"
    assert len(ctx.events) == 5


# ---- playback ------------------------------------------------------------------------------------
def test_play_steps_through_every_year_and_stops(qtbot: QtBot, ctx: Ctx) -> None:
    ctx.dock.step_ms = FAST_MS
    assert ctx.dock.years_box.play_button.text() == "Play"
    with qtbot.waitSignal(ctx.dock.playbackFinished, timeout=10_000):
        click(qtbot, ctx.dock.years_box.play_button)
        assert ctx.dock.is_playing
        assert ctx.dock.years_box.play_button.text() == "Pause"
    every_year = list(range(FIRST, LAST + 1))
    # exactly one change per step, in order, then one putting back the years there were (all of them)
    assert ctx.years() == [*((y, y) for y in every_year), None]
    assert {f.classes_over for f in ctx.events[:-1]} == {(FIRST, LAST)}  # classes fixed over every year
    assert ctx.events[-1] == NO_FILTERS
    assert ctx.shown == every_year
    assert not ctx.dock.is_playing
    assert ctx.dock.years_box.play_button.text() == "Play"
    assert ctx.dock.years_box.year_label.text() == f"{FIRST}–{LAST}"
    QApplication.processEvents()  # anything already queued is delivered; the step timer is stopped
    assert not ctx.dock.is_playing
    assert len(ctx.events) == len(every_year) + 1  # nothing after the end


def test_pause_and_resume(qtbot: QtBot, ctx: Ctx) -> None:
    ctx.dock.step_ms = FAST_MS

    def pause_at_third_year(year: int) -> None:
        if year == FIRST + 2:
            ctx.dock.pause()

    ctx.dock.playback.yearShown.connect(pause_at_third_year)
    ctx.dock.play()
    qtbot.waitUntil(lambda: not ctx.dock.is_playing, timeout=10_000)
    assert ctx.shown == [FIRST, FIRST + 1, FIRST + 2]
    assert ctx.dock.years_box.play_button.text() == "Play"
    QApplication.processEvents()
    assert not ctx.dock.is_playing  # paused: the step timer is stopped, no more steps
    assert len(ctx.events) == 3
    with qtbot.waitSignal(ctx.dock.playbackFinished, timeout=10_000):
        ctx.dock.play()  # resumes with the next year, not from the start
    assert ctx.years() == [*((y, y) for y in range(FIRST, LAST + 1)), None]
    assert ctx.finished == [True]


def test_speed_choices_and_change_while_playing(qtbot: QtBot, ctx: Ctx) -> None:
    combo = ctx.dock.years_box.speed_combo
    assert ctx.dock.step_ms == 1000
    choose(qtbot, combo, "2×")
    assert ctx.dock.step_ms == 500
    choose(qtbot, combo, "0.5×")
    assert ctx.dock.step_ms == 2000
    assert combo.count() == len(SPEEDS)
    ctx.dock.play()  # the first year at once; the next would come after 2 s
    assert ctx.shown == [FIRST]
    with qtbot.waitSignal(ctx.dock.playbackFinished, timeout=10_000):
        ctx.dock.step_ms = FAST_MS  # faster while playing
        assert ctx.dock.playback.is_playing
    assert ctx.shown == list(range(FIRST, LAST + 1))


def test_cumulative_mode(qtbot: QtBot, ctx: Ctx) -> None:
    ctx.dock.step_ms = FAST_MS
    click(qtbot, ctx.dock.years_box.cumulative_check)
    assert ctx.events == []  # a playback option, not a filter
    with qtbot.waitSignal(ctx.dock.playbackFinished, timeout=10_000):
        ctx.dock.play()
    assert ctx.years() == [*((FIRST, y) for y in range(FIRST, LAST + 1)), None]
    assert {(f.classes_over, f.cumulative_classes) for f in ctx.events[:-1]} == {((FIRST, LAST), True)}
    assert ctx.state.filters == NO_FILTERS


def test_cumulative_play_over_a_chosen_range_starts_at_its_first_year(qtbot: QtBot, ctx: Ctx) -> None:
    ctx.state.update_filters(years=(FIRST + 1, LAST - 1))
    ctx.dock.years_box.cumulative_check.setChecked(True)
    ctx.dock.step_ms = FAST_MS
    with qtbot.waitSignal(ctx.dock.playbackFinished, timeout=10_000):
        ctx.dock.play()
    frames = [(FIRST + 1, y) for y in range(FIRST + 1, LAST)]
    assert ctx.years()[1:] == [*frames, (FIRST + 1, LAST - 1)]
    assert ctx.state.filters.classes_over is None


def test_play_runs_through_the_chosen_range_and_puts_it_back(qtbot: QtBot, ctx: Ctx) -> None:
    chosen = (LAST - 2, LAST)
    ctx.state.update_filters(years=chosen)
    ctx.dock.step_ms = FAST_MS
    with qtbot.waitSignal(ctx.dock.playbackFinished, timeout=10_000):
        click(qtbot, ctx.dock.years_box.play_button)
    assert ctx.shown == list(range(chosen[0], chosen[1] + 1))  # never a year outside the range
    assert ctx.years() == [chosen, *((y, y) for y in range(chosen[0], chosen[1] + 1)), chosen]
    assert ctx.state.filters == Filters(years=chosen)  # the range back, the classes no longer fixed
    assert ctx.dock.years_box.slider.values() == chosen


def test_stop_restores_the_years_before_play(qtbot: QtBot, ctx: Ctx) -> None:
    ctx.state.update_filters(years=(FIRST + 1, LAST - 1))
    ctx.dock.step_ms = 60_000
    ctx.dock.play()
    assert ctx.state.filters.years == (FIRST + 1, FIRST + 1)  # the chosen range's first year
    assert ctx.state.filters.classes_over == (FIRST + 1, LAST - 1)
    click(qtbot, ctx.dock.years_box.stop_button)
    assert not ctx.dock.is_playing
    assert ctx.state.filters == Filters(years=(FIRST + 1, LAST - 1))
    assert len(ctx.events) == 3
    assert ctx.finished == []


def test_a_change_of_years_elsewhere_halts_playback(qtbot: QtBot, ctx: Ctx) -> None:
    ctx.dock.step_ms = 60_000
    ctx.dock.play()
    ctx.state.update_filters(powertrains=frozenset({"NEV"}))  # other filters: playback goes on
    assert ctx.dock.is_playing
    ctx.state.show_all()
    assert not ctx.dock.is_playing
    assert ctx.dock.years_box.play_button.text() == "Play"
    assert ctx.state.filters == NO_FILTERS
    assert len(ctx.events) == 3


def test_the_slider_moved_during_playback_halts_it_and_ends_the_fixed_classes(qtbot: QtBot, ctx: Ctx) -> None:
    ctx.dock.step_ms = 60_000
    ctx.dock.play()
    assert ctx.state.filters.classes_over == (FIRST, LAST)
    qtbot.keyClick(ctx.dock.years_box.slider, Qt.Key.Key_Right)  # (at the first year: right is a move)
    assert not ctx.dock.is_playing
    assert len(ctx.events) == 2  # the slider's one change
    assert ctx.state.filters.classes_over is None
    assert ctx.state.filters.years is not None


# ---- the dock follows the state ------------------------------------------------------------------
def test_show_all_resets_every_control(qtbot: QtBot, ctx: Ctx) -> None:
    dock = ctx.dock
    click(qtbot, dock.brand_checks.boxes[BRANDS[1]])
    click(qtbot, dock.powertrain_group.button(2))
    choose(qtbot, dock.region_combo, "Europe")
    qtbot.keyClick(dock.years_box.slider, Qt.Key.Key_Left)
    assert len(ctx.events) == 4
    ctx.state.show_all()
    assert len(ctx.events) == 5  # show_all's own change, nothing echoed back
    assert all(box.isChecked() for box in dock.brand_checks.boxes.values())
    assert dock.powertrain_group.checkedId() == 0
    assert dock.region_combo.currentIndex() == 0
    assert dock.years_box.slider.values() == (FIRST, LAST)
    assert (dock.years_box.from_spin.value(), dock.years_box.to_spin.value()) == (FIRST, LAST)


def test_state_set_elsewhere_is_shown_without_echo(qtbot: QtBot, ctx: Ctx) -> None:
    wanted = Filters.of(
        brands=[BRANDS[0], BRANDS[3]],
        powertrains=["NEV"],
        continents=["Asia"],
        years=(FIRST + 1, FIRST + 3),
    )
    ctx.state.set_filters(wanted)
    dock = ctx.dock
    assert dock.brand_checks.ticked() == [BRANDS[0], BRANDS[3]]
    assert dock.powertrain_group.checkedId() == 1
    assert dock.region_combo.currentText() == "Asia"
    assert dock.years_box.slider.values() == (FIRST + 1, FIRST + 3)
    ctx.state.update_filters(powertrains=frozenset({"NEV", ""}))  # no button says this
    assert dock.powertrain_group.checkedButton() is None
    dock.retranslate()  # a language change rebuilds texts and writes nothing
    assert ctx.events == [wanted, replace(wanted, powertrains=frozenset({"NEV", ""}))]


def test_new_dataset_rebuilds_brands_years_and_regions(qtbot: QtBot, ctx: Ctx) -> None:
    odd = "A&B <b>Motors</b>"
    keep = BRANDS[2:4]  # sold in all three countries below
    sales = SAMPLE.sales[SAMPLE.sales["brand"].isin(keep) & (SAMPLE.sales["year"] >= FIRST + 2)].copy()
    dealers = SAMPLE.dealers[SAMPLE.dealers["brand"].isin(keep)].copy()
    for frame in (sales, dealers):
        frame["brand"] = frame["brand"].astype(str).replace({keep[0]: odd})
    sales = sales[sales["iso3"].astype(str).isin(["THA", "VNM", "DEU"])]
    dealers = dealers[dealers["iso3"].astype(str).isin(["THA", "VNM", "DEU"])]
    dataset: Dataset = replace(SAMPLE, sales=sales, dealers=dealers, kind="user", id="")
    ctx.dock.step_ms = 60_000
    ctx.dock.play()
    ctx.state.set_dataset(dataset)
    dock = ctx.dock
    assert not dock.is_playing  # new data, new years: playback ends
    assert sorted(dock.brand_checks.boxes) == sorted([odd, keep[1]])
    assert dock.brand_checks.boxes[odd].text() == "A&&B <b>Motors</b>"  # shown as typed, no shortcut
    assert (dock.years_box.from_spin.minimum(), dock.years_box.to_spin.maximum()) == (FIRST + 2, LAST)
    regions = [dock.region_combo.itemText(i).strip() for i in range(dock.region_combo.count())]
    assert regions == ["All regions", "Asia", "South-Eastern Asia", "Europe", "Western Europe"]
    click(qtbot, dock.brand_checks.boxes[keep[1]])
    assert ctx.state.filters.brands == frozenset({odd})
