"""Aggregations compared with numbers worked out by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from corridor_map.core import aggregate as ag
from corridor_map.core.dataset import load_sample
from corridor_map.core.importing import load_table
from corridor_map.core.validate import dealers_dtypes, sales_dtypes

DATA = Path(__file__).resolve().parent.parent / "data"


def sales_frame(rows: list[tuple[str, str, int, str, int]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["iso3", "brand", "year", "powertrain", "units"])
    frame["month"] = 0
    frame["value_cny"] = float("nan")
    frame["source_row"] = range(2, len(rows) + 2)
    return sales_dtypes(frame)


def dealers_frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["dealer", "iso3", "brand"])
    for col in ("city", "address", "phone", "website"):
        frame[col] = ""
    frame["lat"] = frame["lon"] = float("nan")
    frame["approximate"] = True
    frame["kind"] = "both"
    frame["source_row"] = range(2, len(rows) + 2)
    return dealers_dtypes(frame)


SALES = sales_frame(
    [
        ("THA", "A", 2023, "NEV", 10),
        ("THA", "A", 2024, "ICE", 30),
        ("THA", "B", 2024, "NEV", 60),
        ("RUS", "A", 2024, "ICE", 100),
        ("RUS", "B", 2025, "", 5),
        ("DEU", "B", 2025, "NEV", 7),
    ]
)
DEALERS = dealers_frame([("d1", "THA", "A"), ("d2", "THA", "B"), ("d3", "KAZ", "A"), ("d4", "DEU", "B")])


def test_units_by_country_and_brand() -> None:
    by_country = ag.units_by(SALES)
    assert by_country.to_dict("records") == [
        {"iso3": "RUS", "units": 105},
        {"iso3": "THA", "units": 100},
        {"iso3": "DEU", "units": 7},
    ]
    by_brand_year = ag.units_by(SALES, ("brand", "year"))
    assert set(map(tuple, by_brand_year.to_numpy().tolist())) == {
        ("A", 2023, 10),
        ("A", 2024, 130),
        ("B", 2024, 60),
        ("B", 2025, 12),
    }


def test_nev_share_ignores_unspecified_powertrain() -> None:
    share = ag.nev_share(SALES).set_index("iso3")
    assert share.loc["THA", "nev_units"] == 70 and share.loc["THA", "ice_units"] == 30
    assert share.loc["THA", "nev_share"] == pytest.approx(0.7)
    assert share.loc["RUS", "unspecified_units"] == 5 and share.loc["RUS", "units"] == 105
    assert share.loc["RUS", "nev_share"] == 0.0
    assert share.loc["DEU", "nev_share"] == 1.0
    only_unknown = ag.nev_share(SALES, ("iso3",), ag.Filters.of(powertrains=[""]))
    assert math.isnan(only_unknown["nev_share"].item())


def test_filters_combine() -> None:
    f = ag.Filters.of(brands=["B"], years=(2024, 2025))
    assert ag.units_by(SALES, (), f)["units"].item() == 72
    asia = ag.Filters.of(continents=["Asia"])
    assert set(ag.units_by(SALES, ("iso3",), asia)["iso3"]) == {"THA"}
    europe_nev = ag.Filters.of(regions=["Europe"], powertrains=["NEV"])
    assert ag.units_by(SALES, (), europe_nev)["units"].item() == 7  # RUS (Europe) has no NEV rows
    sea = ag.Filters.of(regions=["South-Eastern Asia"], brands=["A"])
    assert ag.units_by(SALES, (), sea)["units"].item() == 40
    assert ag.units_by(SALES, (), ag.Filters.of(countries=["RUS"], years=(2025, 2025)))["units"].item() == 5


def test_dealers_per_country_and_summary() -> None:
    assert ag.dealers_per_country(DEALERS).to_dict() == {"THA": 2, "KAZ": 1, "DEU": 1}
    assert ag.dealers_per_country(DEALERS, ag.Filters.of(brands=["A"])).to_dict() == {"THA": 1, "KAZ": 1}
    summary = ag.country_summary(SALES, DEALERS)
    assert list(summary.index) == ["RUS", "THA", "DEU", "KAZ"]
    assert summary.loc["KAZ", ["units", "dealers"]].tolist() == [0, 1]
    assert summary.loc["THA", ["units", "nev_units", "dealers"]].tolist() == [100, 70, 2]
    totals = ag.totals(SALES, DEALERS)
    assert totals["units"] == 212 and totals["nev_units"] == 77 and totals["dealers"] == 4
    assert totals["countries"] == 4
    assert totals["nev_share"] == pytest.approx(77 / 207)


def test_aggregates_of_an_imported_file_match_the_file() -> None:
    sales = load_table(DATA / "sales_utf8.csv", "sales").accepted
    assert ag.units_by(sales, ()).loc[0, "units"] == 12400 + 300 + 150 + 200 + 1234567
    assert ag.year_range(sales) == (2023, 2025)
    assert ag.brands(sales, DEALERS) == ["A", "Alpha", "B", "Beta", "Delta"]


def test_sample_spans_the_promised_years_countries_and_powertrains() -> None:
    sample = load_sample()
    assert ag.year_range(sample.sales) == (2021, 2025)
    assert sample.sales["iso3"].nunique() >= 40
    assert set(sample.sales["powertrain"].astype(str)) == {"NEV", "ICE"}
    assert sample.dealers["approximate"].any() and (~sample.dealers["approximate"]).any()
    assert all("Demo" in b or "Sample" in b for b in ag.brands(sample.sales, sample.dealers))
    regions = {ag.default_index().region(c) for c in sample.sales["iso3"].astype(str)}
    assert {"Asia", "Europe", "Africa", "Americas"} <= regions
