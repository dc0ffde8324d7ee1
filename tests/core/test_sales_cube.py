"""The panels' sales cube: a filter narrows the dataset's cube (no pandas), with the same figures as
grouping the filtered rows afresh, and as pandas' own groupby of the filtered sales."""

from __future__ import annotations

import math

import numpy as np
import pytest

from corridor_map.core.aggregate import NO_FILTERS, Filters, filter_dealers, filter_sales
from corridor_map.core.dataset import load_sample
from corridor_map.core.page_payload import units_per_country
from corridor_map.ui.panels.sales_cube import SalesCube, cube_for

FILTERS = [
    NO_FILTERS,
    Filters(years=(2022, 2022)),
    Filters(years=(2019, 2021)),
    Filters.of(brands=["Kestrel Sample EV"]),
    Filters.of(powertrains=["NEV"]),
    Filters.of(powertrains=[""]),
    Filters.of(regions=["Europe"]),
    Filters.of(continents=["Asia"], brands=["Orion Demo Motors", "Meridian Demo Cars"], years=(2021, 2023)),
    Filters.of(countries=["THA", "VNM", "KAZ"], powertrains=["ICE"]),
    Filters(years=(1990, 1991)),  # no sales at all
]


@pytest.fixture(scope="module")
def sample():
    return load_sample()


@pytest.mark.parametrize("filters", FILTERS, ids=[f"filters{k}" for k in range(len(FILTERS))])
def test_a_narrowed_cube_is_the_cube_of_the_filtered_rows(sample, filters):
    fresh, narrowed = SalesCube(sample, filters), SalesCube(sample).narrowed(filters)
    for name in ("iso3", "brand", "powertrain", "year", "units"):
        assert np.array_equal(getattr(fresh, name), getattr(narrowed, name)), name
    for name, values in fresh.dealers.items():
        assert np.array_equal(values, narrowed.dealers[name]), name
    assert fresh.years == narrowed.years
    assert fresh.summary().equals(narrowed.summary())
    codes = frozenset(sorted(set(fresh.iso3.tolist()))[:4]) or frozenset({"THA"})
    assert repr(fresh.detail(codes)) == repr(narrowed.detail(codes))


@pytest.mark.parametrize("filters", FILTERS, ids=[f"filters{k}" for k in range(len(FILTERS))])
def test_its_totals_are_pandas_totals_of_the_filtered_rows(sample, filters):
    cube = cube_for(sample, filters)
    sales = filter_sales(sample.sales, filters)
    summary = cube.summary().set_index("iso3")
    expected = sales.groupby("iso3", observed=True)["units"].sum()
    expected = expected[expected > 0] if len(expected) else expected
    for code, units in expected.items():
        assert summary.at[str(code), "units"] == units
    assert int(summary["units"].sum()) == int(sales["units"].sum())
    assert int(summary["dealers"].sum()) == len(filter_dealers(sample.dealers, filters))
    if len(sales):
        code = str(sales["iso3"].iloc[0])
        detail = cube.detail(frozenset({code}))
        rows = sales[sales["iso3"] == code]
        assert detail.units == int(rows["units"].sum())
        nev = int(rows.loc[rows["powertrain"] == "NEV", "units"].sum())
        ice = int(rows.loc[rows["powertrain"] == "ICE", "units"].sum())
        assert (
            detail.nev_share == pytest.approx(nev / (nev + ice))
            if nev + ice
            else math.isnan(detail.nev_share)
        )


def test_cubes_are_shared_until_the_dataset_or_filters_change(sample):
    one = Filters(years=(2022, 2022))
    assert cube_for(sample, one) is cube_for(sample, Filters(years=(2022, 2022)))
    assert cube_for(sample, one) is not cube_for(sample, Filters(years=(2023, 2023)))
    other = load_sample()
    assert cube_for(other, one) is not cube_for(sample, one)


@pytest.mark.parametrize("filters", FILTERS, ids=[f"filters{k}" for k in range(len(FILTERS))])
def test_the_map_s_units_per_country_from_the_cube_are_the_pandas_sums(sample, filters):
    """The window colours the map from the panels' cube; exports sum the rows with pandas: the same
    countries, units and order (most first, then by code)."""
    from_cube = cube_for(sample, filters).units_per_country()
    assert list(from_cube.items()) == list(units_per_country(sample, filters).items())
    assert sum(from_cube.values()) == int(filter_sales(sample.sales, filters)["units"].sum())
