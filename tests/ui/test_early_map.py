"""The GUI's start loads the map's page while it imports the data modules and builds the window
(``ui.early_map``): the page waits for the window, is framed at the size shown, and answers a real click."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from corridor_map.core.dataset import load_sample
from corridor_map.core.saved_views import ViewStore
from corridor_map.mapgen.cache import build_page
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.sources import load_page_layers, page_sources
from corridor_map.paths import user_cache_dir
from corridor_map.ui import early_map, real_input
from corridor_map.ui.composition import build_app
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
        # hidden, the page has no size yet: Leaflet's map is sized when the window shows it
        assert run_js_in(view, "JSON.stringify(CM.map.getSize())") == '{"x":0,"y":0}'
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
