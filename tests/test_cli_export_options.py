"""``export``'s format, paper, filter and route options (issue 23): parsing without Qt, then real commands.

The filters are checked where they matter, in the PNG: a framed country's fill is the colour of its class
under the filters, computed here by a groupby of our own over the sample's sales.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from corridor_map.commands.common import CommandError
from corridor_map.commands.export_options import (
    check_filter_args,
    data_filters,
    filter_key,
    output_format,
    parse_years,
    route_payload,
)
from corridor_map.core.choropleth import classify
from corridor_map.core.dataset import load_sample
from corridor_map.core.transit import ROUTE_COLOURS


def options(**given: Any) -> argparse.Namespace:
    defaults = {"years": None, "brands": None, "powertrain": None, "format": None}
    defaults |= {"paper": None, "portrait": None, "margin": None, "bleed": None}
    return argparse.Namespace(**{**defaults, **given})


# ---- parsing (no Qt, no page) -----------------------------------------------------------------------
def test_years_are_one_year_or_a_range() -> None:
    assert parse_years("2024") == (2024, 2024)
    assert parse_years("2023-2025") == (2023, 2025)
    assert parse_years(" 2023–2025 ") == (2023, 2025)
    for bad in ("20x4", "2025-2023", "2023-", "23-25"):
        with pytest.raises(CommandError):
            parse_years(bad)


def test_format_comes_from_the_suffix_and_a_mismatch_is_an_error() -> None:
    assert output_format(options(), Path("a.png")) == "png"
    assert output_format(options(), Path("a.PDF")) == "pdf"
    assert output_format(options(format="pdf"), Path("a.map")) == "pdf"
    assert output_format(options(format="pdf", paper="A1", portrait=True), Path("a.pdf")) == "pdf"
    with pytest.raises(CommandError, match=r"name the file a\.pdf"):
        output_format(options(format="pdf"), Path("a.png"))
    with pytest.raises(CommandError, match="--paper, --bleed: for PDF only"):
        output_format(options(paper="A4", bleed=3.0), Path("a.png"))


def test_filters_are_checked_against_the_data() -> None:
    sample = load_sample()
    args = options(years="2023-2024", brands="orion demo motors", powertrain="nev")
    filters = data_filters(args, sample.sales, sample.dealers)
    assert filters.years == (2023, 2024)
    assert filters.brands == frozenset({"Orion Demo Motors"})  # the data's spelling
    assert filters.powertrains == frozenset({"NEV"})
    with pytest.raises(CommandError, match=r"unknown brand 'Nope' \(the data has: Kestrel Sample EV, "):
        data_filters(options(brands="Orion Demo Motors,Nope"), sample.sales, sample.dealers)
    with pytest.raises(CommandError, match="--years 2019: outside the data, which has 2021–2025"):
        data_filters(options(years="2019"), sample.sales, sample.dealers)
    with pytest.raises(CommandError, match=r"unknown powertrain 'EV' \(NEV or ICE\)"):
        check_filter_args(options(powertrain="EV"))


def test_the_cache_key_text_differs_with_the_filters_only() -> None:
    assert filter_key(options()) == ""
    assert filter_key(options(brands="A,b")) == filter_key(options(brands="B, a"))
    keys = {filter_key(options(years=y)) for y in ("2023", "2024", "2023-2024")}
    assert len(keys) == 3


def test_routes_are_the_route_command_s_alternatives_in_the_panel_s_colours() -> None:
    every = route_payload("THA")
    assert len(every) >= 3 and all(r["id"].startswith("THA-") for r in every)
    assert [r["color"] for r in every] == list(ROUTE_COLOURS[: len(every)])
    picked = route_payload("tha:1,3")
    assert [r["id"] for r in picked] == [every[0]["id"], every[2]["id"]]
    assert [r["color"] for r in picked] == [every[0]["color"], every[2]["color"]]
    with pytest.raises(CommandError, match=f"THA has {len(every)} routes"):
        route_payload("THA:9")
    with pytest.raises(CommandError, match="--routes XXX"):
        route_payload("XXX")


# ---- the real command ------------------------------------------------------------------------------
def fill_of(iso3: str, sales: Any) -> str:
    """``iso3``'s choropleth colour for these sales rows (our own groupby, the app's classes)."""
    units = sales.groupby("iso3")["units"].sum()
    colour = classify({k: int(v) for k, v in units.items() if v > 0}).color_of(iso3)
    assert colour is not None
    return colour


def export_json(result: Any) -> dict[str, Any]:
    assert result.returncode == 0, result.stderr[-2000:]
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.mark.gui
@pytest.mark.slow
def test_filters_change_the_map_as_the_data_says(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from tests.ui.test_export import cli, fill_share_around

    sales = load_sample().sales
    cases = {  # options → the rows they keep
        "all": ((), sales),
        "2023": (("--years", "2023"), sales[sales["year"] == 2023]),
        "orion-nev-2024": (
            ("--years", "2024", "--brands", "orion demo motors", "--powertrain", "NEV"),
            sales[
                (sales["year"] == 2024)
                & (sales["brand"] == "Orion Demo Motors")
                & (sales["powertrain"] == "NEV")
            ],
        ),
    }
    env = {"CORRIDOR_MAP_CACHE_DIR": str(tmp_path / "cache")}
    fills: dict[str, QColor] = {}
    for name, (args, rows) in cases.items():
        iso3 = "BRA" if name != "orion-nev-2024" else "SAU"
        out = tmp_path / f"{name}.png"
        info = export_json(cli("export", str(out), "--sample", "--select", iso3, "--width", "900",
                               "--height", "600", "--json", *args, env=env))  # fmt: skip
        want = QColor(fill_of(iso3, rows))
        image = QImage(str(out))
        assert fill_share_around(image, info["selected"][iso3]["point"], want) > 0.5, (name, want.name())
        fills[name + iso3] = want
        if name == "orion-nev-2024":
            assert info["filters"] == {"years": [2024, 2024], "brands": ["Orion Demo Motors"],
                                       "powertrains": ["NEV"]}  # fmt: skip
            assert QColor(fill_of(iso3, sales)) != want  # (the filters made a difference here)
    assert fills["allBRA"] != fills["2023BRA"]
    assert len(list((tmp_path / "cache" / "payloads").glob("*.json"))) == 3  # one payload per filter


@pytest.mark.gui
@pytest.mark.slow
def test_bad_filter_values_exit_2_naming_the_value_and_the_valid_ones(tmp_path: Path) -> None:
    from tests.ui.test_export import cli

    out = tmp_path / "x.png"
    result = cli("export", str(out), "--sample", "--brands", "Orion Demo Motors,Zephyr", timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "corridor-map export: error: unknown brand 'Zephyr' (the data has: Kestrel Sample EV, "
        "Lanterna Demo Auto, Meridian Demo Cars, Orion Demo Motors, Silkline Sample Trucks)"
    )
    result = cli("export", str(out), "--sample", "--years", "2020-2023", timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("--years 2020-2023: outside the data, which has 2021–2025")
    assert not out.exists()


@pytest.mark.gui
@pytest.mark.slow
def test_routes_are_drawn_in_their_colours(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from tests.ui.test_export import cli, close, pixels

    counts: dict[str, list[int]] = {}
    for name, extra in (("plain", ()), ("routes", ("--routes", "THA"))):
        out = tmp_path / f"{name}.png"
        info = export_json(cli("export", str(out), "--sample", "--select", "THA", "--width", "1000",
                               "--height", "700", "--json", *extra))  # fmt: skip
        image = QImage(str(out))
        in_map = pixels(image, info["regions"]["map"], step=1)  # (the lines are thin: every pixel)
        colours = [QColor(c) for c in ROUTE_COLOURS[:4]]
        counts[name] = [sum(1 for p in in_map if close(p, c, 8)) for c in colours]
        if name == "routes":
            assert [r["id"] for r in info["routes"]] == [r["id"] for r in route_payload("THA")]
    more = [r - p for r, p in zip(counts["routes"], counts["plain"], strict=True)]
    assert all(m > 25 for m in more), counts  # each alternative's colour, along its path


@pytest.mark.gui
@pytest.mark.slow
def test_format_pdf_writes_a_pdf(tmp_path: Path) -> None:
    from corridor_map.ui.export.controller import ExportController
    from tests.ui.test_export import cli

    if not hasattr(ExportController, "write"):
        pytest.skip("PDF core pending")
    out = tmp_path / "map.pdf"
    info = export_json(cli("export", str(out), "--sample", "--paper", "A4", "--portrait", "--years", "2024",
                           "--json"))  # fmt: skip
    assert out.read_bytes().startswith(b"%PDF-")
    assert info["format"] == "pdf" and info["pages"] == 1
    assert (round(info["width_mm"]), round(info["height_mm"])) == (210, 297)


@pytest.mark.gui
@pytest.mark.slow
def test_export_batch_takes_the_filters_and_writes_pdfs(tmp_path: Path) -> None:
    from corridor_map.ui.export.controller import ExportController
    from tests.ui.test_export import cli

    if not hasattr(ExportController, "write"):
        pytest.skip("PDF core pending")
    refused = cli("export-batch", str(tmp_path / "png"), "--countries", "THA", "--sample", "--paper", "A4",
                  timeout=120)  # fmt: skip
    assert refused.returncode == 2
    assert refused.stderr.strip().endswith("--paper: for PDF only (--format pdf)")
    result = cli("export-batch", str(tmp_path / "out"), "--countries", "THA,VNM", "--sample",
                 "--format", "pdf", "--paper", "a4", "--years", "2023-2024", "--powertrain", "ICE",
                 "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [Path(item["out"]).name for item in lines] == ["THA.pdf", "VNM.pdf"]
    for item in lines:
        assert Path(item["out"]).read_bytes().startswith(b"%PDF-")
        assert (round(item["width_mm"]), round(item["height_mm"])) == (297, 210)  # A4 landscape
