"""The page's JS in parts (issue #20): loaded in order as classic scripts, Leaflet's private members only in
``cm_leaflet_patches.js`` (which checks the vendored Leaflet's version), events instead of single-slot
hooks, no state passed through window globals or the title; and the bridge's page → Python checks.
No display needed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corridor_map.mapgen.assets import EXPORT_STYLE, PAGE_JS_DIR, PAGE_SCRIPTS, page_assets
from corridor_map.mapgen.options import PageOptions
from corridor_map.paths import resources_dir
from corridor_map.ui.bridge import MapBridge, parse_view

PATCHES = "cm_leaflet_patches.js"
LEAFLET_PRIVATE = re.compile(r"\._[a-zA-Z]")


def script(name: str) -> str:
    return (PAGE_JS_DIR / name).read_text(encoding="utf-8")


def page_scripts() -> list[Path]:
    return sorted(PAGE_JS_DIR.glob("*.js"))


def test_the_patches_expect_the_vendored_leaflet_version() -> None:
    leaflet = (resources_dir() / "vendor" / "leaflet" / "leaflet.js").read_text(encoding="utf-8")
    vendored = re.search(r'\bversion="([0-9.]+)"', leaflet)
    expected = re.search(r'var LEAFLET_VERSION = "([0-9.]+)"', script(PATCHES))
    assert vendored and expected
    assert expected.group(1) == vendored.group(1)
    # ... and they refuse any other: console, exception and a message on the page
    text = script(PATCHES)
    for loud in ("console.error(message)", "throw new Error(message)", "cm-unsupported"):
        assert loud in text


def test_only_the_patches_touch_leaflets_private_members() -> None:
    offenders = [
        f"{path.name}:{n}: {line.strip()}"
        for path in page_scripts()
        if path.name != PATCHES
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LEAFLET_PRIVATE.search(line)
    ]
    assert offenders == []
    assert LEAFLET_PRIVATE.search(script(PATCHES))  # the scan finds them where they are


def test_every_page_script_is_loaded_in_order_patches_first() -> None:
    on_disk = {p.name for p in page_scripts()} - {"cm_export.js"}  # (injected into the export view only)
    assert set(PAGE_SCRIPTS) == on_disk
    assert PAGE_SCRIPTS[0] == PATCHES
    scripts = [a.target for a in page_assets() if a.is_script]
    assert scripts[-len(PAGE_SCRIPTS) :] == list(PAGE_SCRIPTS)
    assert scripts.index("leaflet/leaflet.js") < scripts.index(PATCHES)


def test_the_parts_are_classic_scripts_that_share_only_cm() -> None:
    for path in page_scripts():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|export)\b", text, re.MULTILINE), path.name  # no ES modules
        assert '"use strict"' in text, path.name


def test_hooks_are_events_and_no_state_travels_through_globals_or_the_title() -> None:
    for path in page_scripts():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bCM\.on[A-Z]\w*\s*=", text), path.name  # CM.events.on(...) instead
        assert "CM_" not in text, path.name  # window.CM_HOLD_DRAWING, CM_START_VIEW, CM_PRELOAD are gone
        assert not re.search(r"document\.title\s*=", text), path.name
    # (as patterns: tests/test_user_actions_use_real_input.py scans tests for such calls written out)
    assert re.search(r'CM\.events\.fire\("detailchanged"', script("cm_detail.js"))
    assert re.search(r'CM\.events\.on\("detailchanged"', script("cm_flows.js"))
    assert re.search(r"CM\.bridge\.exportReady\(", script("cm_export.js"))
    assert re.search(r"CM\.bridge\.viewChanged\(", script("cm_api.js"))


def test_the_page_links_the_parts_in_order_and_stays_byte_stable() -> None:
    from corridor_map.mapgen.page import render_html

    html = render_html([], PageOptions(), [])
    assert html == render_html([], PageOptions(), [])
    found = re.findall(r'<script src="assets/(cm_[a-z_]+\.js)"', html)
    assert found == list(PAGE_SCRIPTS)
    assert EXPORT_STYLE not in html  # the export page's style is the export page's only
    export = render_html([], PageOptions(export=True), [])
    assert f'href="assets/{EXPORT_STYLE}"' in export


GOOD_VIEW = {"center": [30.5, 75.25], "zoom": 3.5, "layers": {"countries": True, "rail": False}}


def test_a_view_from_the_page_is_parsed() -> None:
    assert parse_view(json.dumps(GOOD_VIEW)) == GOOD_VIEW
    assert parse_view('{"center": [0, 190], "zoom": 2, "layers": {}}') == {
        "center": [0.0, 190.0],
        "zoom": 2.0,
        "layers": {},
    }


@pytest.mark.parametrize(
    "bad",
    [
        None,
        42,
        "",
        "not json",
        "[1, 2]",
        json.dumps({**GOOD_VIEW, "extra": 1}),
        json.dumps({"center": [30, 75], "zoom": 3}),
        json.dumps({**GOOD_VIEW, "center": [91, 0]}),
        json.dumps({**GOOD_VIEW, "center": [30]}),
        json.dumps({**GOOD_VIEW, "center": ["30", 75]}),
        json.dumps({**GOOD_VIEW, "center": [True, 75]}),
        '{"center": [NaN, 0], "zoom": 3, "layers": {}}',
        json.dumps({**GOOD_VIEW, "zoom": 31}),
        json.dumps({**GOOD_VIEW, "zoom": -1}),
        json.dumps({**GOOD_VIEW, "zoom": None}),
        json.dumps({**GOOD_VIEW, "layers": []}),
        json.dumps({**GOOD_VIEW, "layers": {"rail": 1}}),
        json.dumps({**GOOD_VIEW, "layers": {"<img src=x>": True}}),
        json.dumps({**GOOD_VIEW, "layers": {f"l{i}": True for i in range(65)}}),
        json.dumps({**GOOD_VIEW, "pad": "x" * 5000}),
    ],
)
def test_a_bad_view_from_the_page_is_refused(bad: object) -> None:
    assert parse_view(bad) is None


def test_the_bridge_checks_what_the_page_reports(caplog: pytest.LogCaptureFixture) -> None:
    bridge = MapBridge(startup='[["setSelection", [["THA"]]]]')
    views: list[dict[str, object]] = []
    tokens: list[str] = []
    bridge.viewReported.connect(views.append)
    bridge.exportDrawn.connect(tokens.append)
    bridge.viewChanged(json.dumps(GOOD_VIEW))
    bridge.viewChanged("{broken")
    bridge.exportReady("12")
    for bad in ("", "12a", "-1", "1" * 13, "cmx-ready:12"):
        bridge.exportReady(bad)
    assert views == [GOOD_VIEW]
    assert tokens == ["12"]
    assert sum("ignored" in r.getMessage() for r in caplog.records) == 6
    assert bridge.property("startup") == '[["setSelection", [["THA"]]]]'
    bridge.set_startup("")
    assert bridge.property("startup") == ""
