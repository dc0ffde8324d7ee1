"""Dealers in the China-centred world (PageOptions(world="pacific")): the Americas' dealers are drawn east
of the Pacific, every one of them (supercluster answers in ±180; the page asks beyond 180° and draws
its answers in the frame, cm_dealers.js)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from corridor_map.core.dealer_points import pack_dealers
from corridor_map.core.longitudes import FULL, PACIFIC_EDGE, to_frame
from corridor_map.mapgen.cache import build_page
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.sources import load_page_layers, page_sources
from corridor_map.ui.web import shared_tripwire
from tests.ui.conftest import wait_until

# (lat, lon, how many) around São Paulo, Mexico City, Anchorage and Chongqing
PLACES = {
    "BRA": (-23.5, -46.6, 40),
    "MEX": (19.4, -99.1, 30),
    "USA": (61.2, -149.9, 20),
    "CHN": (29.6, 106.5, 25),
}


def dealers() -> pd.DataFrame:
    rng = np.random.default_rng(22)
    rows = [
        {"dealer": f"{iso3} {n}", "brand": "Changan", "iso3": iso3, "lat": lat + rng.uniform(-2, 2),
         "lon": lon + rng.uniform(-2, 2), "position": "exact"}
        for iso3, (lat, lon, count) in PLACES.items()
        for n in range(count)
    ]  # fmt: skip
    return pd.DataFrame(rows)


def js(view: QWebEngineView, code: str) -> Any:
    box: list[Any] = []
    view.page().runJavaScript(code, 0, box.append)
    wait_until(lambda: box, 20)
    return json.loads(box[0]) if isinstance(box[0], str) else box[0]


@pytest.fixture(scope="module")
def pacific_view(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[QWebEngineView]:
    cache = Path(tmp_path_factory.mktemp("pacific-page"))
    page = build_page(load_page_layers, page_sources(), PageOptions(world="pacific"), cache)
    shared_tripwire([cache])  # the process's offline guard (set up by earlier windows) lets this folder in
    view = QWebEngineView()
    view.resize(1200, 800)
    view.show()
    view.load(QUrl.fromLocalFile(str(page)))
    wait_until(lambda: js(view, "!!(window.CM && CM.timing && CM.timing.started)"), 90)
    js(view, f"CM.setDealers({json.dumps(pack_dealers(dealers()))}); 1")
    yield view
    view.close()
    view.deleteLater()


DRAWN = """
(function () {
  var D = CM.dealers, out = [];
  D.layer.eachLayer(function (l) {
    var n = l.clusterId != null ? D.index.getLeaves(l.clusterId, Infinity).length : 1;
    out.push([l.getLatLng().lat, l.getLatLng().lng, n]);
  });
  return JSON.stringify({painted: !!D.painted, items: out});
})()
"""


def drawn_at(view: QWebEngineView, lat: float, lon: float, zoom: float) -> list[list[float]]:
    js(view, f"CM.map.setView([{lat}, {lon}], {zoom}, {{animate: false}}); 1")
    found = js(view, DRAWN)
    assert not found["painted"]
    return list(found["items"])


def bbox(view: QWebEngineView) -> tuple[float, float, float, float]:
    """The map's view as (south, west, north, east)."""
    b = js(view, "JSON.stringify(CM.map.getBounds().toBBoxString().split(',').map(Number))")
    return b[1], b[0], b[3], b[2]


def test_the_americas_dealers_are_all_drawn_east_of_the_pacific(pacific_view: QWebEngineView) -> None:
    items = drawn_at(pacific_view, 25.0, 275.0, 3.25)  # the Americas, all beyond 180° E
    south, west, north, east = bbox(pacific_view)
    assert west > 180
    data = dealers()
    lon = data["lon"].map(to_frame)
    in_view = int(((data["lat"] > south) & (data["lat"] < north) & (lon > west) & (lon < east)).sum())
    assert in_view > 60  # most of the Americas' dealers
    assert sum(n for _, _, n in items) == in_view  # the count in view is the count in the data
    assert all(190 < lng < 335 for _, lng, _ in items)


def test_the_whole_world_s_dealers_are_drawn_in_the_frame(pacific_view: QWebEngineView) -> None:
    items = drawn_at(pacific_view, 10.0, 155.0, 2)
    assert sum(n for _, _, n in items) == len(dealers())
    assert all(PACIFIC_EDGE <= lng < PACIFIC_EDGE + FULL for _, lng, _ in items)
    brazil = [lng for lat, lng, _ in items if lat < -10]
    assert brazil and all(abs(lng - (360 - 46.6)) < 5 for lng in brazil)


def test_a_dealer_is_focused_where_it_is_drawn(pacific_view: QWebEngineView) -> None:
    index = 0  # a dealer near São Paulo
    js(pacific_view, f"CM.focusDealer({index}, false); 1")
    center = js(pacific_view, "JSON.stringify([CM.map.getCenter().lat, CM.map.getCenter().lng])")
    assert abs(center[1] - (360 + dealers()["lon"][index])) < 0.01


COUNTED = """
(function () {
  var D = CM.dealers, n = 0, size = CM.map.getSize();
  function add(x, y, cluster) {
    if (x < 0 || y < 0 || x > size.x || y > size.y) return;
    n += cluster != null ? D.index.getLeaves(cluster, Infinity).length : 1;
  }
  if (D.painted) {  // canvas dots
    D.dots.hits.forEach(function (h) { add(h[0], h[1], h[3]); });
  } else {  // markers
    D.layer.eachLayer(function (l) {
      if (!l.getLatLng) return;
      var p = CM.map.latLngToContainerPoint(l.getLatLng());
      add(p.x, p.y, l.clusterId);
    });
  }
  return JSON.stringify({count: n, painted: !!D.painted});
})()
"""


def test_a_hundred_thousand_dealers_in_the_americas_are_all_drawn(pacific_view: QWebEngineView) -> None:
    """The 100,000-dealer layer: at a view of the Americas beyond 180° E, the dealers drawn (groups
    counted by their members) are the data's dealers in that view; at the whole world, all of them."""
    rng = np.random.default_rng(100_000)
    n = 100_000
    data = pd.DataFrame(
        {
            "dealer": [f"D{i}" for i in range(n)],
            "brand": "Changan",
            "iso3": "XXX",
            "lat": rng.uniform(-55.0, 70.0, n),
            "lon": rng.uniform(-180.0, 180.0, n),
            "position": "exact",
        }
    )
    js(pacific_view, f"CM.setDealers({json.dumps(pack_dealers(data))}); 1")
    try:
        js(pacific_view, "CM.map.setView([15.0, 280.0], 3.5, {animate: false}); 1")
        drawn = js(pacific_view, COUNTED)
        south, west, north, east = bbox(pacific_view)
        assert west > 180  # the whole view lies beyond 180° E: the Americas of the China-centred world
        lon = data["lon"].map(to_frame)
        in_view = int(((data["lat"] > south) & (data["lat"] < north) & (lon > west) & (lon < east)).sum())
        assert in_view > 10_000
        # groups are drawn at their members' centre: a group by the map's edge may have a few members
        # just outside it, or lie outside with a few inside (0.35 % here); none is lost beyond 180°
        assert abs(drawn["count"] - in_view) <= 0.01 * in_view, (drawn, in_view)
        js(pacific_view, "CM.map.fitBounds([[-60, -25], [75, 335]], {animate: false}); 1")
        assert js(pacific_view, COUNTED)["count"] == n  # the whole world: every dealer, exactly
    finally:
        js(pacific_view, f"CM.setDealers({json.dumps(pack_dealers(dealers()))}); 1")
