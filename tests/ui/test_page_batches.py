"""Python's pushes reach the page as one batch, which builds the legend and controls once (issue #24).

Each of ``setLanguage``, ``setDealers``, ``setChoropleth`` and ``setFlows`` builds the legend (placing it
anew when its size changed, 22–30 ms each at 1600×900) and the layer list again: a page's data, pushed
call by call, built them four times where the last time is the one that shows.
"""

from __future__ import annotations

import pytest
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before the QApplication exists)

from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import run_js, wait_until

pytestmark = pytest.mark.gui

# Counts the builds of the page's controls from now on (CM.internal is what the page's calls use).
COUNT_BUILDS = """
(function () {
  var I = CM.internal, counts = window.__builds = {};
  ["buildLegend", "buildLayerControl", "setAttribution", "buildPortLabels"].forEach(function (name) {
    var build = I[name];
    counts[name] = 0;
    I[name] = function () { counts[name] += 1; return build.apply(this, arguments); };
  });
  return "true";
})()
"""


def test_a_page_push_builds_the_legend_and_controls_once(window: MainWindow) -> None:
    presenter = window.presenter
    run_js(window, COUNT_BUILDS)
    pushes = presenter.pushes
    presenter.push_all()  # what a (re)loaded page gets: language, dealers, data, selection
    assert presenter.pushes == pushes + 1
    wait_until(lambda: run_js(window, "JSON.stringify(window.__builds)")["buildLegend"] > 0, 20)
    builds = run_js(window, "JSON.stringify(window.__builds)")
    assert builds == {"buildLegend": 1, "buildLayerControl": 1, "setAttribution": 1, "buildPortLabels": 1}
    legend = run_js(window, "JSON.stringify(CM.internal.describeLegend())")
    assert legend and "class" in legend["rows"], legend  # built once, with the classes of the data
