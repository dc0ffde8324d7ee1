"""Exhibition mode on the real window and page, with timings shortened to milliseconds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QToolBar

from corridor_map.core.aggregate import NO_FILTERS, Filters
from corridor_map.core.countries import display_name
from corridor_map.paths import resources_dir
from corridor_map.ui.kiosk import KioskController, KioskSettings, install_kiosk
from corridor_map.ui.kiosk.overlay import TOUCH_PX
from corridor_map.ui.kiosk.settings_dialog import KioskSettingsDialog
from corridor_map.ui.kiosk.tour import tour_countries
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import run_js, wait_until

# The sample's destinations by name, as ISO codes written out here: the tour is checked against the
# sample file itself, not against the app's own country lookup or ranking.
ISO3 = {"Russia": "RUS", "Thailand": "THA", "Saudi Arabia": "SAU", "Indonesia": "IDN",
        "United Arab Emirates": "ARE"}  # fmt: skip


def top_destinations_in_the_sample(n: int, brand: str | None = None) -> list[str]:
    """The ``n`` destinations with the most units in the bundled sample's sales file (read with pandas),
    largest first; of one brand if given."""
    sales = pd.read_csv(resources_dir() / "sample" / "sales.csv")
    if brand is not None:
        sales = sales[sales["brand"] == brand]
    totals = sales.groupby("country")["units"].sum().sort_values(ascending=False)
    assert totals.iloc[n - 1] > totals.iloc[n], "a tie for the last place: the order is not defined"
    return [ISO3[name] for name in totals.index[:n]]


FAST = KioskSettings(top_n=3, dwell_ms=150, idle_ms=60_000, cursor_ms=150, confirm_ms=400, dialog_ms=200)


@pytest.fixture(scope="module")
def controller(window: MainWindow) -> KioskController:
    """The controller as the window gets it (its actions in the View menu)."""
    kiosk = install_kiosk(window)
    assert {kiosk.act_enter, kiosk.act_settings} <= set(window.menu_view.actions())
    assert kiosk.act_enter.text() == "Exhibition mode"
    return kiosk


@pytest.fixture
def kiosk(controller: KioskController, window: MainWindow) -> Iterator[KioskController]:
    """The controller with the fast settings, left and reset after each test."""
    controller.settings = FAST
    yield controller
    controller.leave()
    window.state.show_all()
    if window.languages.language != "en":
        window.set_language("en")
    QApplication.processEvents()


def selections(window: MainWindow) -> list[tuple[frozenset[str], str]]:
    """Each selection change, with the country panel's title right after it."""
    seen: list[tuple[frozenset[str], str]] = []
    window.state.selection_changed.connect(
        lambda codes: seen.append((codes, window.country_dock.title.text()))
    )
    return seen


def test_tour_selects_the_top_destinations_in_turn_then_the_overview(
    kiosk: KioskController, window: MainWindow
):
    assert window.state.dataset.is_sample and window.state.filters == NO_FILTERS
    expected = top_destinations_in_the_sample(3)
    assert expected == ["RUS", "THA", "SAU"]  # what the sample is known to hold (a guard on the helper)
    seen = selections(window)
    kiosk.enter()
    wait_until(lambda: len(seen) >= 5, 30)
    codes = [s for s, _ in seen[:5]]
    assert codes == [
        frozenset({expected[0]}),
        frozenset({expected[1]}),
        frozenset({expected[2]}),
        frozenset(),
        frozenset({expected[0]}),
    ]
    for code, title in seen[:3]:
        assert display_name(next(iter(code)), "en") in title  # the panel shows the toured country
    kiosk._on_activity()  # hold still to ask the page
    wait_until(lambda: window.state.selection, 10)
    shown = run_js(window, "JSON.stringify(Object.keys(CM.selection))")
    assert shown == sorted(window.state.selection)


def test_tour_follows_the_filters_and_a_chosen_list(window: MainWindow):
    state = window.state
    brand = "Orion Demo Motors"
    state.set_filters(Filters.of(brands=[brand]))
    try:
        assert tour_countries(state, 4) == top_destinations_in_the_sample(4, brand)
    finally:
        state.show_all()
    assert tour_countries(state, 4, ("VNM", "THA")) == ["VNM", "THA"]


def test_kiosk_chrome_full_screen_one_panel_touch_targets(kiosk: KioskController, window: MainWindow):
    size_before = window.country_dock.title.font().pointSizeF()
    kiosk.act_enter.trigger()
    QApplication.processEvents()
    assert kiosk.active and window.isFullScreen()
    assert window.menuBar().isHidden() and window.statusBar().isHidden()
    assert all(bar.isHidden() for bar in window.findChildren(QToolBar))
    visible = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert visible == [window.country_dock]
    assert window.country_dock.features() == QDockWidget.DockWidgetFeature.NoDockWidgetFeatures
    assert window.country_dock.title.font().pointSizeF() > size_before
    assert window.country_dock.dealers_text.isHidden()  # so that the route shows without scrolling
    assert kiosk.bar.isVisible() and kiosk.bar.btn_language.text() == "English / 中文"
    for button in (
        kiosk.bar.btn_language,
        kiosk.bar.btn_overview,
        kiosk.confirm.btn_leave,
        kiosk.confirm.btn_stay,
    ):
        assert button.minimumHeight() >= TOUCH_PX >= 44 and button.sizeHint().height() >= 44
    assert not window.act_quit.isEnabled()  # Ctrl+Q cannot end the show
    kiosk.leave()
    QApplication.processEvents()
    assert not window.isFullScreen() and not window.menuBar().isHidden()
    assert window.ranking_dock.isVisible() and window.dealers_dock.isVisible() and window.toolbar.isVisible()
    assert window.country_dock.title.font().pointSizeF() == pytest.approx(size_before)
    assert not window.country_dock.dealers_text.isHidden()
    assert window.act_quit.isEnabled() and not kiosk.bar.isVisible()


def test_input_pauses_the_tour(kiosk: KioskController, window: MainWindow):
    seen = selections(window)
    kiosk.enter()
    wait_until(lambda: seen, 30)
    QTest.mouseClick(window.country_dock.widget(), Qt.MouseButton.LeftButton)
    assert kiosk.paused and not kiosk.tour.running
    count = len(seen)
    QApplication.processEvents()  # anything already queued is delivered; the tour's timer is stopped
    assert not kiosk.tour.running and len(seen) == count
    QTest.keyClick(window.country_dock.widget(), Qt.Key.Key_Space)  # a key keeps it paused
    assert kiosk.paused


def test_idle_timeout_returns_to_the_overview_and_resumes(kiosk: KioskController, window: MainWindow):
    kiosk.settings = replace(FAST, idle_ms=600)
    first = top_destinations_in_the_sample(1)[0]
    kiosk.enter()
    wait_until(lambda: window.state.selection == {first}, 30)
    QTest.mouseClick(window.country_dock.widget(), Qt.MouseButton.LeftButton)
    window.state.select(["BRA"])  # the visitor explores, and unticks a layer
    wait_until(lambda: kiosk.layers.get("countries"), 10)
    assert (
        run_js(window, "CM.map.removeLayer(CM.layers.countries); CM.map.hasLayer(CM.layers.countries)")
        is False
    )
    assert kiosk.paused
    wait_until(lambda: not kiosk.paused, 10)
    assert window.state.selection == frozenset()  # the overview first, with every layer back
    wait_until(lambda: run_js(window, "CM.map.hasLayer(CM.layers.countries)") is True, 10)
    wait_until(lambda: window.state.selection == {first}, 10)  # then the tour from its start


def test_escape_alone_never_leaves(kiosk: KioskController, window: MainWindow):
    kiosk.enter()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert kiosk.active and kiosk.confirm.isVisible()
    wait_until(lambda: not kiosk.confirm.isVisible(), 10)  # the question goes away by itself
    for _ in range(3):
        QTest.keyClick(window, Qt.Key.Key_Escape)
        QTest.keyClick(window, Qt.Key.Key_Return)
    assert kiosk.active and window.isFullScreen()
    QTest.mouseClick(kiosk.confirm.btn_stay, Qt.MouseButton.LeftButton)
    assert kiosk.active and not kiosk.confirm.isVisible()


def test_escape_then_confirm_leaves(kiosk: KioskController, window: MainWindow):
    kiosk.enter()
    wait_until(lambda: QGuiApplication.overrideCursor() is not None, 10)  # idle cursor hidden
    QTest.keyClick(window, Qt.Key.Key_Escape)
    QTest.mouseClick(kiosk.confirm.btn_leave, Qt.MouseButton.LeftButton)
    assert not kiosk.active and not window.isFullScreen()
    assert QGuiApplication.overrideCursor() is None
    QTest.keyClick(window, Qt.Key.Key_Escape)  # outside exhibition mode Esc asks nothing
    assert not kiosk.confirm.isVisible()


def test_cursor_hides_when_idle_and_shows_on_movement(kiosk: KioskController, window: MainWindow):
    kiosk.enter()
    wait_until(lambda: QGuiApplication.overrideCursor() is not None, 10)
    assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(50, 50),
        QPointF(50, 50),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.map_view, move)
    assert QGuiApplication.overrideCursor() is None
    assert not kiosk.paused  # a passing hand on the mouse does not stop the tour


def test_language_button_switches_the_language(kiosk: KioskController, window: MainWindow):
    kiosk.enter()
    wait_until(lambda: window.map_view.ready, 30)
    QTest.mouseClick(kiosk.bar.btn_language, Qt.MouseButton.LeftButton)
    assert window.languages.language == "zh" and window.settings.language == "zh"
    wait_until(lambda: run_js(window, "CM.lang") == "zh", 10)
    assert kiosk.bar.isVisible()
    QTest.mouseClick(kiosk.bar.btn_language, Qt.MouseButton.LeftButton)
    assert window.languages.language == "en"
    wait_until(lambda: run_js(window, "CM.lang") == "en", 10)


def test_a_dialog_opened_in_kiosk_mode_closes_itself(kiosk: KioskController, window: MainWindow):
    kiosk.enter()
    box = QMessageBox(QMessageBox.Icon.Critical, "Corridor Map", "The map could not be shown", parent=window)
    box.open()
    assert box.isVisible()
    wait_until(lambda: not box.isVisible(), 10)


def test_settings_saved_and_edited_in_the_dialog(window: MainWindow, tmp_path: Path):
    qs = QSettings(str(tmp_path / "kiosk.ini"), QSettings.Format.IniFormat)
    assert KioskSettings.load(qs) == KioskSettings()
    dialog = KioskSettingsDialog(window.state, KioskSettings(), "zh", window)
    dialog.radio_list.setChecked(True)
    for row in (2, 0):
        dialog.countries.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.dwell.setValue(5)
    dialog.idle.setValue(90)
    chosen = dialog.checked_countries()
    assert len(chosen) == 2
    edited = dialog.result_settings()
    assert (
        edited.use_list and edited.chosen == chosen and edited.dwell_ms == 5000 and edited.idle_ms == 90_000
    )
    edited.save(qs)
    assert KioskSettings.load(QSettings(str(tmp_path / "kiosk.ini"), QSettings.Format.IniFormat)) == edited
    qs.setValue("kiosk/dwell_ms", "soon")
    qs.setValue("kiosk/countries", "tha, XX, vnm,THA")
    loaded = KioskSettings.load(qs)
    assert loaded.dwell_ms == KioskSettings().dwell_ms and loaded.countries == ("THA", "VNM")
    dialog.deleteLater()


def _legend_and_bar_overlap(
    kiosk: KioskController, window: MainWindow
) -> tuple[list[float], list[int], float]:
    """The legend's rectangle and the bar's (both in the map's pixels), and how much they overlap."""
    legend = run_js(window, "CM.describe()")["legendBox"]["rect"]
    top_left = kiosk.bar.mapTo(window.map_view, kiosk.bar.rect().topLeft())
    bar = [top_left.x(), top_left.y(), kiosk.bar.width(), kiosk.bar.height()]
    w = min(legend[0] + legend[2], bar[0] + bar[2]) - max(legend[0], bar[0])
    h = min(legend[1] + legend[3], bar[1] + bar[3]) - max(legend[1], bar[1])
    return legend, bar, max(w, 0) * max(h, 0)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_legend_keeps_out_from_under_the_kiosk_bar(kiosk: KioskController, window: MainWindow, lang: str):
    """The bar lies over the top of the map (a Qt widget the page cannot see): the page is told where
    (ViewState.covered → CM.setCovered) and the legend takes a corner clear of it, through the tour."""
    run_js(window, "CM.setLegendVisible(true); 1")
    window.resize(1366, 768)
    kiosk.enter()
    if lang == "zh":
        window.set_language("zh")
    wait_until(lambda: window.view_state.covered, 10)
    assert window.view_state.covered[0][2] == kiosk.bar.width()
    for _ in range(3):  # three stops of the tour
        shown = window.state.selection
        wait_until(lambda shown=shown: window.state.selection != shown, 20)
        wait_until(lambda: _legend_and_bar_overlap(kiosk, window)[2] == 0, 10)
    kiosk.leave()
    wait_until(lambda: window.view_state.covered == (), 10)
