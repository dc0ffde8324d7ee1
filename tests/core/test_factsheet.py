"""The fact sheet's content against groupbys done here on the sample's CSV files (not core.aggregate)."""

from __future__ import annotations

import functools
from dataclasses import replace

import pandas as pd
import pytest

from corridor_map.core.aggregate import NO_FILTERS, Filters
from corridor_map.core.corridor import load_corridor
from corridor_map.core.countries import resolve_country
from corridor_map.core.dataset import Dataset, load_sample, sample_dir
from corridor_map.core.factsheet import (
    FactSheet,
    build_fact_sheet,
    closest_countries,
    route_payload,
    sales_countries,
)
from corridor_map.core.transit import colour_for, country_alternatives, preferred

COUNTRIES = ("THA", "DEU", "KAZ")


@functools.cache
def sample() -> Dataset:
    return load_sample()


@functools.cache
def corridor():  # type: ignore[no-untyped-def]
    return load_corridor()


@functools.cache
def csv_sales() -> pd.DataFrame:
    """sales.csv as written, with the countries' names mapped to ISO3 the way the app resolves them."""
    frame = pd.read_csv(sample_dir() / "sales.csv")
    frame["iso3"] = [resolve_country(c).iso3 for c in frame["country"]]
    return frame


@functools.cache
def csv_dealers() -> pd.DataFrame:
    frame = pd.read_csv(sample_dir() / "dealers.csv", keep_default_na=False)
    frame["iso3"] = [resolve_country(c).iso3 for c in frame["country"]]
    return frame


def expected(iso3: str, years: tuple[int, int] | None = None, brands: set[str] | None = None) -> dict:
    rows = csv_sales()
    rows = rows[rows["iso3"] == iso3]
    if years:
        rows = rows[(rows["year"] >= years[0]) & (rows["year"] <= years[1])]
    if brands:
        rows = rows[rows["brand"].isin(brands)]
    nev = rows[rows["powertrain"] == "NEV"]
    by_year = rows.groupby("year")["units"].sum()
    nev_year = nev.groupby("year")["units"].sum()
    by_brand = rows.groupby("brand")["units"].sum()
    nev_brand = nev.groupby("brand")["units"].sum()
    known = rows[rows["powertrain"].isin(["NEV", "ICE"])]["units"].sum()
    return {
        "years": [(int(y), int(u), int(nev_year.get(y, 0))) for y, u in by_year.items()],
        "brands": {b: (int(u), int(nev_brand.get(b, 0))) for b, u in by_brand.items()},
        "units": int(rows["units"].sum()),
        "nev_share": nev["units"].sum() / known if known else None,
    }


def dealers_of(iso3: str, brands: set[str] | None = None) -> set[tuple[str, str, str, str]]:
    rows = csv_dealers()
    rows = rows[rows["iso3"] == iso3]
    if brands:
        rows = rows[rows["brand"].isin(brands)]
    return {(r.dealer, r.city, r.kind, r.brand) for r in rows.itertuples()}


@pytest.mark.parametrize("iso3", COUNTRIES)
def test_the_numbers_are_those_of_a_groupby_on_the_csv(iso3: str) -> None:
    sheet = build_fact_sheet(sample(), iso3, corridor=corridor())
    want = expected(iso3)
    assert want["units"] > 0
    assert list(sheet.years) == want["years"]
    assert sheet.units_total == want["units"]
    assert sheet.nev_share == pytest.approx(want["nev_share"])
    assert {b: (u, n) for b, u, n in sheet.brands} == want["brands"]
    units = [u for _, u, _ in sheet.brands]
    assert units == sorted(units, reverse=True)
    assert set(sheet.dealers) == dealers_of(iso3)
    assert len(sheet.dealers) == len(dealers_of(iso3))
    assert list(sheet.dealers) == sorted(sheet.dealers, key=lambda d: (d[1].casefold(), d[0].casefold()))
    assert sheet.has_sales and sheet.is_sample
    assert sheet.label_en == sample().label_en and "not real sales figures" in sheet.label_en
    assert sheet.name_en and sheet.name_zh and sheet.name_en != sheet.name_zh


@pytest.mark.parametrize("iso3", COUNTRIES)
def test_routes_are_the_corridors_alternatives_with_the_preferred_one_first(iso3: str) -> None:
    sheet = build_fact_sheet(sample(), iso3, corridor=corridor())
    alternatives = country_alternatives(corridor(), iso3)
    best = preferred(corridor(), iso3, alternatives)
    assert len(sheet.routes) == len(alternatives)
    assert [r.is_default for r in sheet.routes] == [True] + [False] * (len(alternatives) - 1)
    first = sheet.routes[0]
    assert (first.route_id, first.days, first.distance_km) == (best.route_id, best.total_days, best.total_km)
    assert first.colour == colour_for(0)
    payload = route_payload(sheet, iso3)
    assert payload == [{"id": best.route_id, "legs": best.leg_ids, "color": colour_for(0)}]
    assert route_payload(corridor(), iso3) == payload
    assert "800" in sheet.assumptions_en and "800" in sheet.assumptions_zh  # the rail speed the days rest on
    ids = [f.id for f in sheet.figures]
    assert ids and len(ids) == len(set(ids))
    assert all(f.is_context for f in sheet.figures)  # the sample's brands have no published figures


def test_filters_change_the_numbers_as_a_groupby_says() -> None:
    years, brands = (2023, 2024), {"Orion Demo Motors", "Kestrel Sample EV"}
    for iso3 in COUNTRIES:
        filters = Filters.of(years=years, brands=brands, countries=["FRA"])  # (the country filter is ignored)
        sheet = build_fact_sheet(sample(), iso3, filters)
        want = expected(iso3, years, brands)
        assert sheet.units_total == want["units"] < expected(iso3)["units"]
        assert list(sheet.years) == want["years"]
        assert {y for y, _, _ in sheet.years} <= {2023, 2024}
        assert {b: (u, n) for b, u, n in sheet.brands} == want["brands"]
        assert set(sheet.dealers) == dealers_of(iso3, brands)


def test_a_country_with_dealers_but_no_sales_says_so() -> None:
    data = sample()
    tha = data.dealers[data.dealers["iso3"].astype("str") == "THA"]
    no_tha_sales = data.sales[data.sales["iso3"].astype("str") != "THA"]
    tiny = replace(data, sales=no_tha_sales, dealers=tha)
    sheet = build_fact_sheet(tiny, "THA")
    assert not sheet.has_sales
    assert sheet.units_total == 0 and sheet.years == () and sheet.brands == () and sheet.nev_share is None
    assert len(sheet.dealers) == len(tha) > 0
    assert "THA" not in sales_countries(tiny)
    # and a filter that leaves no sales (a year without any) is the same case
    assert not build_fact_sheet(data, "THA", Filters.of(years=(1990, 1991))).has_sales


def test_sales_countries_are_those_with_units() -> None:
    sums = csv_sales().groupby("iso3")["units"].sum()
    assert set(sales_countries(sample())) == {c for c, u in sums.items() if u > 0}
    only = Filters.of(brands=["Silkline Sample Trucks"])
    rows = csv_sales()[csv_sales()["brand"] == "Silkline Sample Trucks"]
    by = rows.groupby("iso3")["units"].sum()
    assert set(sales_countries(sample(), only)) == {c for c, u in by.items() if u > 0}
    assert sales_countries(sample(), NO_FILTERS) == sorted(sales_countries(sample(), NO_FILTERS))


def test_closest_countries() -> None:
    assert closest_countries("Thailnd")[0] == "THA"
    assert closest_countries("tha")[0] == "THA"
    assert closest_countries("Germny")[0] == "DEU"
    assert closest_countries("哈萨克斯坦")[0] == "KAZ"
    assert closest_countries("Thailnd", names=["DEU", "THA"]) == ["THA"]
    assert closest_countries("zzzzqqq") == []


def test_5000_dealers_are_all_in_the_sheet() -> None:
    data = sample()
    one = data.dealers[data.dealers["iso3"].astype("str") == "KAZ"].iloc[[0]]
    many = pd.concat([one] * 5000, ignore_index=True)
    many["dealer"] = [f"Dealer {i:04d}" for i in range(5000)]
    sheet = build_fact_sheet(replace(data, dealers=many), "KAZ")
    assert len(sheet.dealers) == 5000
    assert {d[0] for d in sheet.dealers} == set(many["dealer"])


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(KeyError):
        build_fact_sheet(sample(), "XXQ")
    assert isinstance(build_fact_sheet(sample(), "tha"), FactSheet)  # case and spaces forgiven
