"""Offline proof: a whole use of the app requests nothing outside its own files; export with no network.

The window's request interceptor (``RequestTripwire``) sees every request of its pages and of the
export view; the page's own performance entries list every resource it fetched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.hardening.guards import REPORT_JS, assert_page_clean, install_page_tripwire, page_report
from tests.ui.conftest import close_export_session, run_js, wait_until
from tests.ui.real_spots import click_country

pytestmark = pytest.mark.gui

SRC = Path(__file__).resolve().parents[2] / "src"
HAS_UNSHARE = shutil.which("unshare") is not None and (
    subprocess.run(["unshare", "-n", "true"], check=False, capture_output=True).returncode == 0
)


class _View:
    def __init__(self, view: Any) -> None:
        self.map_view = view


def test_a_whole_session_requests_nothing_outside_the_app(hwindow: Any) -> None:
    win = hwindow
    install_page_tripwire(win)
    allowed_before = win.tripwire.allowed
    blocked_before = len(win.tripwire.blocked)  # the tripwire is per process: count from here
    assert allowed_before > 0  # the interceptor is in place and saw the page load

    # select: on the map (a real click) and from the panels
    click_country(win, "KAZ")  # a real click
    wait_until(lambda: win.state.selection == {"KAZ"})
    win.state.select({"THA", "VNM"})
    win.toolbar.search.search("泰国")

    # filter: brands, powertrain, region, years
    dock = win.filters_dock
    first = next(iter(dock.brand_checks.boxes.values()))
    first.click()
    dock.powertrain_group.button(1).click()
    win.state.update_filters(powertrains=None)

    # play a few years
    dock.step_ms = 60
    dock.play()
    wait_until(lambda: not dock.is_playing, 30)
    dock.stop()

    # switch language both ways, point of view, zoom about
    win.set_language("zh")
    win.set_language("en")
    win.set_point_of_view("ne")
    win.set_point_of_view("china")
    run_js(win, "CM.map.setZoom(6, {animate: false}); CM.map.setZoom(3, {animate: false}); 1")

    # export (the hidden export view shares the window's tripwire)
    from corridor_map.paths import user_cache_dir
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession, export_blocking
    from corridor_map.ui.export.spec import ExportSpec

    session = ExportSession(win.tripwire)
    session.load(export_page(user_cache_dir()))
    session.attach(win.state, "en")
    try:
        wait_until(lambda: session.is_ready, 120)
        composition = export_blocking(session, ExportSpec(width=600, height=400, date="x"), timeout_s=120)
        assert not composition.image.isNull()
        export_report = run_js(_View(session.renderer.view), REPORT_JS)
        assert export_report["remote"] == [], export_report["remote"]
    finally:
        close_export_session(session)

    win.state.show_all()
    QApplication.processEvents()
    assert win.tripwire.blocked[blocked_before:] == []
    assert win.tripwire.allowed > allowed_before  # the export page's files went through it too
    assert_page_clean(page_report(win))
    assert run_js(win, "navigator.onLine") in (True, False)  # the page is alive after all that


@pytest.mark.skipif(not HAS_UNSHARE, reason="unshare -n is not available here")
def test_export_in_a_process_with_no_network_at_all(tmp_path: Path) -> None:
    out = tmp_path / "offline.png"
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "QT_QPA_PLATFORM": "offscreen",
        "CORRIDOR_MAP_CACHE_DIR": str(tmp_path / "cache"),  # a cold cache: the page is built here too
    }
    command = [
        "unshare", "-n", sys.executable, "-m", "corridor_map",
        "export", str(out), "--width", "500", "--height", "350", "--sample",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.stat().st_size > 10_000
    assert "Traceback" not in result.stderr
    assert "blocked a request" not in result.stderr
