"""The first view of a first run, on the real page: what it frames, its labels and the legend's place.

Each window is fresh (no saved view), sized before its page loads, at 1366×768 and 1920×1080, in
English and Chinese. What should be framed is worked out here with pandas from the sample's CSV and
the geodata tables, not with ``core.first_view``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from PySide6.QtWidgets import QApplication

from corridor_map.core.countries import resolve_country
from corridor_map.core.dataset import load_sample, sample_dir
from corridor_map.core.longitudes import PACIFIC_EDGE, to_frame
from corridor_map.paths import geo_dir
from corridor_map.ui.composition import build_app
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import close_window, run_js, wait_until
from tests.ui.real_spots import settled

pytestmark = pytest.mark.gui

HUBS = {"CN-TJC": "Chongqing", "CNQZH": "Qinzhou", "CNSHA": "Shanghai", "SGSIN": "Singapore"}
HUB_LABELS = {
    "en": ("Chongqing", "Qinzhou", "Shanghai", "Singapore"),
    "zh": ("重庆", "钦州港", "上海港", "新加坡"),
}
# The corridor's spine: Chongqing to the Beibu Gulf ports by rail (through Nanning), the Yangtze to Shanghai
SPINE = {"CN-TJC", "CNCKG", "CNNNG", "CNQZH", "CNBIH", "CNFAN", "CNSHA"}
CASES = [(1366, 768, "en"), (1366, 768, "zh"), (1920, 1080, "en"), (1920, 1080, "zh")]


def leading_label_points(share: float = 0.8) -> dict[str, tuple[float, float]]:
    """(lat, lon) label points of the fewest destinations holding ``share`` of the sample's units."""
    sales = pd.read_csv(sample_dir() / "sales.csv")
    sales["iso3"] = sales["country"].map(lambda name: resolve_country(name).iso3)
    units = sales.groupby("iso3")["units"].sum().sort_values(ascending=False, kind="stable")
    count = int((units.cumsum() / units.sum() < share).sum()) + 1
    table = pd.read_csv(geo_dir() / "countries.csv", keep_default_na=False).set_index("iso3")
    return {
        c: (float(table.at[c, "label_lat"]), float(table.at[c, "label_lon"])) for c in units.index[:count]
    }


def hub_points() -> dict[str, tuple[float, float]]:
    ports = pd.read_csv(geo_dir() / "ports.csv", keep_default_na=False).set_index("id")
    return {h: (float(ports.at[h, "lat"]), float(ports.at[h, "lon"])) for h in HUBS}


def spine_leg_ids() -> list[str]:
    legs = json.loads((geo_dir() / "legs.geojson").read_text(encoding="utf-8"))["features"]
    return sorted(
        f["properties"]["id"]
        for f in legs
        if f["properties"]["mode"] in ("rail", "river")
        and {f["properties"]["from"], f["properties"]["to"]} <= SPINE
    )


@pytest.fixture(scope="module", params=CASES, ids=[f"{w}x{h}-{lang}" for w, h, lang in CASES])
def first(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[tuple[MainWindow, str]]:
    """A first run's window at the case's size and language, its page loaded and its view settled."""
    width, height, lang = request.param
    win = build_app(language=lang, dataset=load_sample(), first_run=True).window
    win.resize(width, height)
    win.show()
    win.start_map()
    wait_until(lambda: win.map_view.ready, 90)
    wait_until(lambda: run_js(win, "CM.describe()")["choropleth"])
    settled(win)
    # (the labels are placed again after any control changed: wait until two readings agree)
    wait_until(lambda: _labels(win) == _labels(win) and _labels(win))
    yield win, lang
    close_window(win)


_BOXES = """JSON.stringify(Array.prototype.filter.call(document.querySelectorAll(SELECTOR), function (el) {
    return el.getClientRects().length > 0; }).map(function (el) {
    var r = el.getBoundingClientRect(); return [el.textContent, r.left, r.top, r.right, r.bottom]; }))"""


def _boxes(win: MainWindow, selector: str) -> list[list[Any]]:
    """``[text, left, top, right, bottom]`` of the page's shown elements that match ``selector``."""
    return run_js(win, _BOXES.replace("SELECTOR", json.dumps(selector)))


def _labels(win: MainWindow) -> list[list[Any]]:
    return _boxes(win, ".leaflet-tooltip.cm-port-label")


def _rect(win: MainWindow, element_id: str) -> list[float] | None:
    found = _boxes(win, f"#{element_id}")
    return found[0][1:] if found else None


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_the_first_frame_holds_the_hubs_and_the_destinations_with_most_units(
    first: tuple[MainWindow, str],
) -> None:
    win, _lang = first
    south, west, north, east = run_js(
        win, "(function () { var b = CM.map.getBounds(); return JSON.stringify([b.getSouth(), b.getWest(), "
        "b.getNorth(), b.getEast()]); })()"
    )  # fmt: skip
    edge = run_js(win, "CM.options.edge == null ? null : CM.options.edge")
    assert edge == PACIFIC_EDGE  # the China-centred world, the app's default
    wanted = {
        k: (lat, to_frame(lon, edge)) for k, (lat, lon) in {**hub_points(), **leading_label_points()}.items()
    }
    assert len(wanted) == 4 + 26
    outside = {k: p for k, p in wanted.items() if not (south <= p[0] <= north and west <= p[1] <= east)}
    assert not outside, f"not in the first frame {south, west, north, east}: {outside}"


def test_the_hubs_are_labelled_and_no_two_labels_overlap(first: tuple[MainWindow, str]) -> None:
    win, lang = first
    labels = _labels(win)
    texts = [label[0] for label in labels]
    for name in HUB_LABELS[lang]:
        assert name in texts, f"{name} is not labelled: {texts}"
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not _overlap(a[1:], b[1:]), f"labels {a[0]} and {b[0]} overlap: {a}, {b}"
    legend = _rect(win, "cm-legend")
    if legend is not None:
        covered = [label[0] for label in labels if _overlap(label[1:], legend)]
        assert not covered, f"labels under the legend: {covered}"


def test_the_legend_covers_no_channel_and_little_of_the_map(first: tuple[MainWindow, str]) -> None:
    win, _lang = first
    legend = _rect(win, "cm-legend")
    if legend is None:
        pytest.skip("no legend on the map (docked beside it)")
    ids = spine_leg_ids()
    assert len(ids) >= 6  # two channels to Nanning, three branches to the gulf ports, the Yangtze
    points = run_js(
        win,
        """(function (ids) {
      var map = CM.map, size = map.getSize(), box = map.getContainer().getBoundingClientRect(), out = [];
      ["rail", "river"].forEach(function (mode) {
        CM.layers[mode].eachLayer(function (layer) {
          if (ids.indexOf(layer.feature.properties.id) < 0) return;
          var lines = layer.getLatLngs();
          if (!Array.isArray(lines[0])) lines = [lines];
          lines.forEach(function (line) {
            for (var i = 0; i < line.length; i++) {
              var a = map.latLngToContainerPoint(line[i]);
              var b = map.latLngToContainerPoint(line[Math.min(i + 1, line.length - 1)]);
              for (var t = 0; t < 1; t += 0.25) {
                var x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
                if (x >= 0 && y >= 0 && x <= size.x && y <= size.y) {
                  out.push([layer.feature.properties.id, x + box.left, y + box.top]);
                }
              }
            }
          });
        });
      });
      return JSON.stringify(out);
    })(IDS)""".replace("IDS", json.dumps(ids)),
    )
    assert {p[0] for p in points} == set(ids), "every channel leg is in view"
    under = sorted(
        {p[0] for p in points if legend[0] <= p[1] <= legend[2] and legend[1] <= p[2] <= legend[3]}
    )
    assert not under, f"the legend {legend} covers {under}"
    size = run_js(win, "JSON.stringify([CM.map.getSize().x, CM.map.getSize().y])")
    share = (legend[2] - legend[0]) * (legend[3] - legend[1]) / (size[0] * size[1])
    assert share <= 0.15, f"the legend covers {share:.0%} of the map"


def test_closer_in_the_labels_still_collide_with_nothing(first: tuple[MainWindow, str]) -> None:
    """At zoom 6 over the Beibu Gulf, where up to seven hubs are labelled within a few hundred pixels."""
    win, _lang = first
    run_js(win, "CM.map.setView([24.5, 107.5], 6, {animate: false}); 1")
    settled(win)
    labels = wait_until(lambda: (a := _labels(win)) == _labels(win) and len(a) >= 3 and a)
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not _overlap(a[1:], b[1:]), f"labels {a[0]} and {b[0]} overlap: {a}, {b}"
    controls = _boxes(win, ".leaflet-control")
    covered = [label[0] for label in labels for c in controls if _overlap(label[1:], c[1:])]
    assert not covered, f"labels under a control: {covered}"
