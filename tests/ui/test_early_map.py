"""The GUI's start loads the map's page while it imports the data modules and builds the window
(``ui.early_map``): the page waits for the window, is framed at the size shown, and answers a real click."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from corridor_map.core.dataset import load_sample
from corridor_map.core.saved_views import ViewStore
from corridor_map.mapgen import startup_cache
from corridor_map.mapgen.cache import build_page
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.sources import load_page_layers, page_sources
from corridor_map.mapgen.startup_cache import read_startup, startup_key, write_startup
from corridor_map.paths import user_cache_dir
from corridor_map.ui import early_map, real_input
from corridor_map.ui.composition import build_app
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.page_push import page_calls, startup_json
from corridor_map.ui.settings import Settings
from corridor_map.ui.web import MapView
from corridor_map.view_state import ViewState
from tests.ui.conftest import close_window, run_js, wait_until
from tests.ui.real_spots import country_spot, frame

pytestmark = pytest.mark.gui

FIRED: list[bool] = []  # (the probe module of the event-breaks test reads it while it is imported)


def window_page_built(language: str = "en") -> PageOptions:
    """The page a start with the current settings asks for, built (as an earlier run leaves it)."""
    settings = Settings()
    options = ViewState(settings.point_of_view, language, settings.world).page_options()
    build_page(load_page_layers, page_sources(), options, user_cache_dir())
    return options


def fresh_settings(map_size: tuple[int, int] | None) -> None:
    """A first run's settings, with the map's size an earlier window left (or none)."""
    Settings().qsettings.clear()
    ViewStore().path.unlink(missing_ok=True)
    if map_size is not None:
        Settings().map_size = map_size


def map_size(window: object) -> tuple[int, int]:
    size = run_js(window, "JSON.stringify(CM.map.getSize())")  # type: ignore[arg-type]
    return size["x"], size["y"]


@pytest.mark.parametrize("ready_before_start", [True, False], ids=["page-first", "window-first"])
def test_the_page_loads_before_the_window_is_shown_and_is_framed_at_the_size_shown(
    qapp: QApplication, ready_before_start: bool
) -> None:
    options = window_page_built()
    fresh_settings(map_size=(700, 500))  # not the size the window will show it at
    window = build_app(language="en", dataset=load_sample(), early_map=True).window
    view = window.map_view
    try:
        assert view.early_options == options  # the page was asked for before the window existed
        announced: list[bool] = []
        view.pageReady.connect(lambda: announced.append(True))
        if ready_before_start:
            wait_until(lambda: view.ready_held, 60)
            held: list[bool] = []
            QTimer.singleShot(300, lambda: held.append(True))
            wait_until(lambda: held)
            assert not announced and not view.ready  # held back: nobody listened yet
        window.resize(1200, 800)
        window.show()
        window.start_map()
        wait_until(lambda: view.ready, 60)
        assert announced == [True]
        assert view.load_count == 1  # the window loaded no other page
        assert view.parent() is window and not view.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        assert (view.width(), view.height()) != (700, 500)
        assert map_size(window) == (view.width(), view.height())
        # the data reached the page, and a person's click on a country selects it
        frame(window, "KAZ")
        real_input.click(view, country_spot(window, "KAZ"))
        wait_until(lambda: window.state.selection == {"KAZ"}, 10)
        wait_until(lambda: window.country_dock.title.text() == "Kazakhstan", 10)
        assert window.country_dock.units_value.text() not in ("", "0")
    finally:
        close_window(window)


DATA_LABEL_JS = "document.getElementById('cm-data-label').textContent"
FILLS_JS = "JSON.stringify(['THA', 'RUS', 'KAZ'].map(CM.fillOf))"


def started_window() -> MainWindow:
    """A start as ``run_gui`` makes it (the map's page asked for before the window), shown, its map
    started, and its page ready."""
    window = build_app(language="en", dataset=load_sample(), early_map=True).window
    window.resize(1200, 800)
    window.show()
    window.start_map()
    wait_until(lambda: window.map_view.ready, 60)
    return window


def test_a_start_keeps_its_calls_and_the_next_start_s_page_makes_them_as_it_loads(
    qapp: QApplication,
) -> None:
    options = window_page_built()
    fresh_settings(map_size=(900, 600))
    shutil.rmtree(user_cache_dir() / startup_cache.FOLDER, ignore_errors=True)
    key = startup_key(options, "sample")

    window = started_window()  # no calls kept yet: the presenter pushes everything, as before
    try:
        assert window.presenter.pushes == 1
        kept = read_startup(user_cache_dir(), key)
        assert kept and json.loads(kept)[0][0] == "setLanguage"
        label = window.state.dataset.label("en")
        assert run_js(window, DATA_LABEL_JS) == label
        fills = run_js(window, FILLS_JS)
        # what a start does not push is not kept: a page loaded again with a selection
        window.state.select({"THA"})
        window.presenter.push_all()
        assert read_startup(user_cache_dir(), key) == kept
        window.state.clear_selection()
    finally:
        close_window(window)

    fresh_settings(map_size=(900, 600))
    window = build_app(language="en", dataset=load_sample(), early_map=True).window
    view = window.map_view
    try:
        wait_until(lambda: view.ready_held, 60)
        # before the window is shown or has its data, the page has the data the last start pushed
        assert run_js_in(view, DATA_LABEL_JS) == label
        assert json.loads(str(run_js_in(view, FILLS_JS))) == fills
        window.resize(1200, 800)
        window.show()
        window.start_map()
        wait_until(lambda: view.ready, 60)
        assert window.presenter.pushes == 0  # the page had the state's very calls: nothing pushed
        assert run_js(window, FILLS_JS) == fills
        frame(window, "KAZ")
        real_input.click(view, country_spot(window, "KAZ"))
        wait_until(lambda: window.country_dock.title.text() == "Kazakhstan", 10)
        assert window.country_dock.units_value.text() not in ("", "0")
    finally:
        close_window(window)


def test_kept_calls_that_are_not_the_state_s_are_replaced_by_the_state_s(qapp: QApplication) -> None:
    """The kept calls are a guess, checked once the data is read: other calls (e.g. another dataset
    under the same name) are pushed over, and the map shows the state's data."""
    options = window_page_built()
    fresh_settings(map_size=(900, 600))
    payload = sample_payload()
    class_colours = {c["color"] for c in payload["data"]["choropleth"]["classes"]}
    calls = json.loads(startup_json(page_calls(payload, "en", [])))
    for call in calls:
        if call[0] == "setDataLabel":
            call[1] = ["Someone else's figures"]
        if call[0] == "setChoropleth":
            call[1][0]["values"] = {"THA": 1}
    write_startup(user_cache_dir(), startup_key(options, "sample"), json.dumps(calls, ensure_ascii=False))

    window = build_app(language="en", dataset=load_sample(), early_map=True).window
    view = window.map_view
    try:
        wait_until(lambda: view.ready_held, 60)
        # the guess, made while the page loaded: another label, and no figure for Russia
        assert run_js_in(view, DATA_LABEL_JS) == "Someone else's figures"
        assert run_js_in(view, "CM.fillOf('RUS')") not in class_colours
        window.resize(1200, 800)
        window.show()
        window.start_map()
        wait_until(lambda: view.ready, 60)
        assert window.presenter.pushes == 1
        assert run_js(window, DATA_LABEL_JS) == window.state.dataset.label("en")
        assert run_js(window, "CM.fillOf('RUS')") in class_colours  # (the sample's Russia has sales)
        # and the state's calls are kept for the next start
        assert json.loads(read_startup(user_cache_dir(), startup_key(options, "sample"))) != calls
    finally:
        close_window(window)


def sample_payload() -> dict[str, Any]:
    from corridor_map.core.corridor import load_corridor
    from corridor_map.core.flows import default_routes
    from corridor_map.core.page_payload import page_payload
    from corridor_map.state import NO_FILTERS

    return page_payload(load_sample(), NO_FILTERS, default_routes(load_corridor()))


def test_the_early_view_has_the_size_the_map_had_and_holds_its_ready_back(qapp: QApplication) -> None:
    options = window_page_built()
    view = early_map.start_map_early([], options, (700, 500))
    assert view is not None
    try:
        assert (view.width(), view.height()) == (700, 500)
        home = view.map_page.home
        assert home is not None and home.isLocalFile() and home.fileName() == "index.html"
        announced: list[bool] = []
        view.pageReady.connect(lambda: announced.append(True))
        wait_until(lambda: view.ready_held, 60)
        assert not announced
        # shown, but not on screen: the page is laid out and drawn at the map's size before the window
        # is there (a hidden view's page would have no size, and nothing drawn, until the window shows it)
        assert view.isVisible() and view.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        assert run_js_in(view, "JSON.stringify(CM.map.getSize())") == '{"x":700,"y":500}'
        sized = "JSON.stringify([].map.call(document.querySelectorAll('canvas'), c => c.width > 0))"
        canvases = json.loads(str(run_js_in(view, sized)))
        assert canvases and all(canvases)  # (the panes' canvases have their size: drawn)
    finally:
        gone: list[bool] = []
        view.destroyed.connect(lambda: gone.append(True))
        view.deleteLater()
        wait_until(lambda: gone, 30)


def run_js_in(view: MapView, code: str) -> object:
    box: list[object] = []
    view.run_js(code, box.append)
    wait_until(lambda: box, 20)
    return box[0]


def test_no_page_built_yet_leaves_the_window_to_build_it(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(early_map, "user_cache_dir", lambda: tmp_path)
    assert early_map.start_map_early([], PageOptions()) is None


def test_while_the_start_imports_modules_the_gui_thread_takes_its_events(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cm_probe_module.py").write_text(
        "import tests.ui.test_early_map as t\nSEEN = list(t.FIRED)\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    FIRED.clear()
    QTimer.singleShot(0, lambda: FIRED.append(True))
    finders = list(sys.meta_path)
    with early_map.event_breaks(every=0.0):
        import cm_probe_module  # type: ignore[import-not-found]
    assert cm_probe_module.SEEN == [True]  # the timer fired before the module's code ran
    assert sys.meta_path == finders
    sys.modules.pop("cm_probe_module", None)


def test_settings_keep_the_map_size_and_refuse_what_is_not_one(qapp: QApplication) -> None:
    settings = Settings()
    settings.map_size = (1033, 617)
    assert Settings().map_size == (1033, 617)
    for bad in ("", "0x600", "800", "axb", "-3x4"):
        settings.qsettings.setValue("window/map_size", bad)
        assert settings.map_size is None, bad


def test_the_gui_start_asks_for_the_page_before_it_imports_pandas(qapp: QApplication) -> None:
    """A fresh process as a person starts it (``corridor-map --smoke-test``): when the page is asked
    for, pandas is not imported yet; the smoke test's real click still selects Kazakhstan."""
    window_page_built(Settings().language)
    probe = textwrap.dedent(
        """
        import json, sys
        from corridor_map.ui import web
        load_page = web.MapView.load_page
        def recording(self, *args, **kwargs):
            print("LOAD " + json.dumps(sorted(m for m in ("pandas", "numpy", "corridor_map.ui.main_window")
                                              if m in sys.modules)), flush=True)
            return load_page(self, *args, **kwargs)
        web.MapView.load_page = recording
        from corridor_map.cli import main
        sys.exit(main(["--smoke-test"]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=180,
        env=dict(os.environ),
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loads = [json.loads(line[5:]) for line in result.stdout.splitlines() if line.startswith("LOAD ")]
    assert loads and loads[0] == [], result.stdout
    assert "a real click selected KAZ" in result.stdout
