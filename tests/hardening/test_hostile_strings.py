"""Hostile names on the real window: shown as text in the page, the docks and the export; never run.

A dataset whose dealer, city and brand names are XSS payloads and Unicode tricks is set on the live
window. The page's tooltips, the tables, the country panel, the Filters dock and a PNG export must
show the characters; the page tripwire must record no execution, no injected element and no request.
Also: the bridge surface the page can reach equals the one documented in docs/bridge.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from PySide6.QtCore import QMetaMethod, Qt
from PySide6.QtWidgets import QApplication

from corridor_map.core.dataset import Dataset
from corridor_map.core.validate import dealers_dtypes, sales_dtypes
from corridor_map.ui import real_input
from tests.hardening.guards import (
    PAYLOADS,
    REPORT_JS,
    TRIPWIRE_JS,
    assert_page_clean,
    install_page_tripwire,
    page_report,
    rich_text_leaks,
)
from tests.ui.conftest import close_export_session, run_js, wait_until
from tests.ui.real_spots import dealer_dots, set_view_near

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
COUNTRY = "THA"
LAT, LON = 13.75, 100.5


def hostile_dataset(base: Dataset) -> Dataset:
    """One dealer per payload (name, city and brand = the payload), close together in Thailand, and
    sales rows of Thailand re-branded with the payloads."""
    template = base.dealers[base.dealers["iso3"] == COUNTRY].iloc[0]
    rows = []
    for i, payload in enumerate(PAYLOADS):
        row = template.to_dict()
        row.update(
            dealer=payload, city=payload, brand=payload, lat=LAT + i * 0.0004, lon=LON, approximate=False
        )
        rows.append(row)
    dealers = pd.concat(
        [base.dealers.astype({"iso3": "str", "brand": "str", "kind": "str"}), pd.DataFrame(rows)],
        ignore_index=True,
    )
    sales = base.sales.astype({"iso3": "str", "brand": "str", "powertrain": "str"}).copy()
    thai = sales.index[sales["iso3"] == COUNTRY][: len(PAYLOADS)]
    assert len(thai) == len(PAYLOADS), "the sample needs enough Thai sales rows"
    sales.loc[thai, "brand"] = list(PAYLOADS)
    return replace(base, dealers=dealers_dtypes(dealers), sales=sales_dtypes(sales))


@pytest.fixture(scope="module")
def hostile(hwindow: Any) -> Iterator[Any]:
    """The window showing the hostile dataset, with Thailand selected and the page tripwire armed."""
    original = hwindow.state.dataset
    install_page_tripwire(hwindow)
    hwindow.state.set_dataset(hostile_dataset(original))
    hwindow.state.select({COUNTRY})
    wait_until(lambda: run_js(hwindow, "CM.dealers.count") == len(hwindow.state.dataset.dealers))
    yield hwindow
    hwindow.state.set_dataset(original)
    hwindow.state.show_all()


TOOLTIPS_JS = """
(function () {
  CM.map.setView([%f, %f], CM.map.getMaxZoom(), {animate: false});
  var texts = [];
  CM.dealers.layer.eachLayer(function (l) {
    if (l.dealerIndex === undefined) return;
    l.openTooltip();
    var el = l.getTooltip() && l.getTooltip().getElement();
    if (el) texts.push(el.textContent);
    l.closeTooltip();
  });
  return JSON.stringify(texts);
})()
"""


def test_dealer_tooltips_at_max_zoom_show_each_payload_as_text(hostile: Any) -> None:
    texts = wait_until(lambda: run_js(hostile, TOOLTIPS_JS % (LAT + 0.004, LON)) or None)
    shown = "\n".join(texts)
    missing = [p for p in PAYLOADS if p not in shown]
    assert missing == [], missing
    assert_page_clean(page_report(hostile))


def test_the_page_hover_and_click_on_hostile_dealers_run_nothing(hostile: Any) -> None:
    # the dots where a person sees them: clear of the legend and the controls (a small map's corners
    # reach its middle)
    set_view_near(hostile, LAT + 0.0018, LON, run_js(hostile, "CM.map.getMaxZoom()"), margin=12)
    dots = wait_until(lambda: dealer_dots(hostile))
    for lat, lon, _index in dots:  # a real hover and a real click on each dealer
        point = real_input.parse_point(run_js(hostile, real_input.page_point_js(lat, lon)))
        real_input.hover(hostile.map_view, point)
        real_input.click(hostile.map_view, point)
    wait_until(lambda: hostile.state.focused_dealer is not None)  # the clicks reached the app
    QApplication.processEvents()
    report = page_report(hostile)
    assert_page_clean(report)
    assert run_js(hostile, "document.querySelectorAll('img[src=x]').length") == 0
    assert run_js(hostile, "Array.from(document.scripts).filter(s => /pwn/.test(s.text)).length") == 0


def test_tables_and_country_panel_show_the_characters(hostile: Any) -> None:
    hostile.dealers_dock.only_selected.setChecked(False)
    view = hostile.dealers_dock.view
    model = view.model()
    cells = {
        str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())
    }
    assert [p for p in PAYLOADS if p not in cells] == []  # dealer, city and brand columns
    dock = hostile.country_dock
    assert dock.dealers_text.textFormat() == Qt.TextFormat.PlainText
    assert sum(p in dock.dealers_text.text() for p in PAYLOADS) >= 1
    brands_shown = {dock.brand_table.item(r, 0).text() for r in range(dock.brand_table.rowCount())}
    assert set(PAYLOADS) <= brands_shown


def test_the_filters_dock_lists_hostile_brands_as_typed(hostile: Any) -> None:
    checks = hostile.filters_dock.brand_checks
    assert set(PAYLOADS) <= set(checks.boxes)
    for payload in PAYLOADS:
        box = checks.boxes[payload]
        assert box.text().replace("&&", "&") == payload  # '&' doubled so it is not a shortcut marker
    checks.boxes[PAYLOADS[1]].click()  # un-tick one hostile brand: a normal filter change
    wait_until(lambda: hostile.state.filters.brands is not None)
    assert PAYLOADS[1] not in hostile.state.filters.brands
    hostile.state.show_all()
    hostile.state.select({COUNTRY})
    assert_page_clean(page_report(hostile))


def test_no_user_text_is_rendered_as_rich_text_anywhere(hostile: Any) -> None:
    leaks = rich_text_leaks(hostile, PAYLOADS)
    assert leaks == [], "\n".join(leaks)


def test_the_search_box_takes_hostile_text(hostile: Any) -> None:
    box = hostile.toolbar.search
    for text in (*PAYLOADS, "\ud800", "a\udfffb", "\x00", "%s%n%x", "\u0000\u202e"):
        box.search(text)
        QApplication.processEvents()
    assert_page_clean(page_report(hostile))


def test_a_png_export_of_the_hostile_dataset(hostile: Any) -> None:
    """The export view gets the same names as data; the title is a payload; nothing runs there."""
    from corridor_map.paths import user_cache_dir
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession, export_blocking
    from corridor_map.ui.export.spec import ExportSpec

    blocked_before = len(hostile.tripwire.blocked)  # one tripwire per process: count from here
    session = ExportSession(hostile.tripwire)
    session.load(export_page(user_cache_dir()))
    session.attach(hostile.state, "en")
    try:
        wait_until(lambda: session.is_ready, 120)
        view = session.renderer.view
        assert run_js(_ViewProxy(view), TRIPWIRE_JS) == 1
        composition = export_blocking(
            session,
            ExportSpec(width=700, height=450, title=PAYLOADS[1], subtitle=PAYLOADS[5], selection=(COUNTRY,)),
            timeout_s=120,
        )
        assert composition.image.width() == 700 and not composition.image.isNull()
        assert "title" in composition.regions
        assert run_js(_ViewProxy(view), "CM.dealers.names.length") == len(hostile.state.dataset.dealers)
        assert_page_clean(run_js(_ViewProxy(view), REPORT_JS))
        assert hostile.tripwire.blocked[blocked_before:] == []
    finally:
        close_export_session(session)


class _ViewProxy:
    """Lets ``run_js`` (which expects a window) run code in another MapView."""

    def __init__(self, view: Any) -> None:
        self.map_view = view


# ---- the bridge surface -------------------------------------------------------------------------------
QWEBCHANNEL_HELPERS = {"unwrapQObject", "unwrapProperties", "propertyUpdate", "signalEmitted"}


def documented_bridge_members() -> set[str]:
    """Member names in the first column of every table in docs/bridge.md, except the page API's (the
    page's own functions, ``CM.name``, which Python calls: not members of the bridge)."""
    names: set[str] = set()
    in_page_api = False
    for line in (ROOT / "docs" / "bridge.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_page_api = line.startswith("## Page API")
        match = re.match(r"\|\s*`([A-Za-z_]\w*)", line)
        if match and not in_page_api:
            names.add(match.group(1))
    return names


def python_bridge_members(bridge: Any) -> set[str]:
    """Public signals, slots and properties of the bridge's QMetaObject (QObject's included)."""
    meta = bridge.metaObject()
    names = set()
    for i in range(meta.methodCount()):
        method = meta.method(i)
        if method.access() == QMetaMethod.Access.Public and method.methodType() in (
            QMetaMethod.MethodType.Signal,
            QMetaMethod.MethodType.Slot,
        ):
            names.add(bytes(method.methodSignature().data()).decode().split("(")[0])
    for i in range(meta.propertyCount()):
        names.add(meta.property(i).name())
    return names


def page_bridge_members(window: Any) -> set[str]:
    """Every name a page script finds on ``CM.bridge`` (qwebchannel.js also adds each method under its
    full signature, ``name(args)``: folded into the name)."""
    keys = set(run_js(window, "JSON.stringify(Object.getOwnPropertyNames(CM.bridge))"))
    return {k.split("(")[0] for k in keys if not k.startswith("__") and k not in QWEBCHANNEL_HELPERS}


def test_the_page_sees_exactly_what_the_bridge_publishes(hwindow: Any) -> None:
    page = page_bridge_members(hwindow)
    python = python_bridge_members(hwindow.map_view.bridge)
    assert page == python, (page - python, python - page)


def test_the_bridge_surface_is_the_documented_one(hwindow: Any) -> None:
    page = page_bridge_members(hwindow)
    documented = documented_bridge_members()
    assert page == documented, {"undocumented": sorted(page - documented), "gone": sorted(documented - page)}


def test_the_import_report_shows_hostile_cells_as_text(hwindow: Any, tmp_path: Path) -> None:
    import csv

    path = tmp_path / "hostile_sales.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["country", "brand", "year", "units"])
        for payload in PAYLOADS:
            writer.writerow([payload, payload, "2024", payload])
    flow = hwindow.data_actions.flow
    before = hwindow.state.dataset
    flow.import_file(path, "sales")
    try:
        wait_until(lambda: flow.report_dialog is not None or not flow.busy, 60)
        dialog = flow.report_dialog
        assert dialog is not None, flow.last_error
        leaks = rich_text_leaks(dialog, PAYLOADS)
    finally:
        if flow.report_dialog is not None:
            flow.report_dialog.btn_cancel.click()
        wait_until(lambda: not flow.busy, 60)
    assert hwindow.state.dataset is before
    assert leaks == [], "\n".join(leaks)
