"""Aggregations the map, tables and charts show: pure functions over the accepted sales and dealers frames.

Sales frames have the columns of :data:`corridor_map.core.validate.SALES_COLUMNS` (``iso3``, ``brand``,
``year``, ``month``, ``powertrain`` — ``NEV``, ``ICE`` or ``""`` when not given —, ``units``, …); dealers
frames those of :data:`~corridor_map.core.validate.DEALER_COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from corridor_map.core.countries import CountryIndex, default_index


@dataclass(frozen=True)
class Filters:
    """What to count; ``None`` (or an empty set) means no restriction on that dimension."""

    brands: frozenset[str] | None = None
    years: tuple[int, int] | None = None  # inclusive
    powertrains: frozenset[str] | None = None  # "NEV", "ICE", "" (not given)
    countries: frozenset[str] | None = None  # ISO3
    continents: frozenset[str] | None = None  # Natural Earth continents ("Asia", "Africa", …)
    regions: frozenset[str] | None = None  # UN regions or sub-regions ("Western Asia", "Europe", …)
    # Not what to count but how to colour it: during time playback the choropleth's classes are fixed
    # over these years (every frame's values, see :func:`frame_units`); None: classes of the values shown.
    classes_over: tuple[int, int] | None = None  # inclusive
    cumulative_classes: bool = False  # the frames are (first, y) sums, not single years

    @staticmethod
    def of(
        *,
        brands: Iterable[str] | None = None,
        years: tuple[int, int] | None = None,
        powertrains: Iterable[str] | None = None,
        countries: Iterable[str] | None = None,
        continents: Iterable[str] | None = None,
        regions: Iterable[str] | None = None,
    ) -> Filters:
        """Build from any iterables (a GUI's checked items)."""

        def fs(items: Iterable[str] | None) -> frozenset[str] | None:
            return frozenset(items) if items is not None else None

        return Filters(fs(brands), years, fs(powertrains), fs(countries), fs(continents), fs(regions))


NO_FILTERS = Filters()


def allowed_countries(filters: Filters, countries: CountryIndex | None = None) -> frozenset[str] | None:
    """ISO3 codes the country, continent and region filters leave, or None when they leave all."""
    allowed: frozenset[str] | None = frozenset(filters.countries) if filters.countries else None
    if filters.continents or filters.regions:
        index = countries or default_index()
        area = index.members(
            continents=filters.continents or (),
            regions=filters.regions or (),
            subregions=filters.regions or (),
        )
        allowed = area if allowed is None else allowed & area
    return allowed


def _isin(values: pd.Series, allowed: Iterable[str]) -> np.ndarray:
    return values.isin(list(allowed)).to_numpy(dtype=bool)


def filter_sales(
    sales: pd.DataFrame, filters: Filters = NO_FILTERS, countries: CountryIndex | None = None
) -> pd.DataFrame:
    """The sales rows the filters keep."""
    mask = np.ones(len(sales), dtype=bool)
    if filters.brands:
        mask &= _isin(sales["brand"], filters.brands)
    if filters.years:
        lo, hi = filters.years
        year = sales["year"].to_numpy()
        mask &= (year >= lo) & (year <= hi)
    if filters.powertrains:
        mask &= _isin(sales["powertrain"], filters.powertrains)
    allowed = allowed_countries(filters, countries)
    if allowed is not None:
        mask &= _isin(sales["iso3"], allowed)
    return sales if mask.all() else sales.loc[mask]


def filter_dealers(
    dealers: pd.DataFrame, filters: Filters = NO_FILTERS, countries: CountryIndex | None = None
) -> pd.DataFrame:
    """The dealer rows the brand, country and region filters keep (years and powertrain do not apply)."""
    mask = np.ones(len(dealers), dtype=bool)
    if filters.brands:
        mask &= _isin(dealers["brand"], filters.brands)
    allowed = allowed_countries(filters, countries)
    if allowed is not None:
        mask &= _isin(dealers["iso3"], allowed)
    return dealers if mask.all() else dealers.loc[mask]


def units_by(
    sales: pd.DataFrame,
    by: Sequence[str] = ("iso3",),
    filters: Filters = NO_FILTERS,
    countries: CountryIndex | None = None,
) -> pd.DataFrame:
    """Units summed by any of ``iso3``, ``brand``, ``year``, ``month``, ``powertrain``; largest first.

    Returns a frame with the ``by`` columns and ``units``; groups with no rows are left out.
    """
    rows = filter_sales(sales, filters, countries)
    keys = list(by)
    if not keys:
        return pd.DataFrame({"units": [int(rows["units"].sum())]})
    out = rows.groupby(keys, observed=True, sort=True)["units"].sum().reset_index()
    for key in keys:
        if isinstance(out[key].dtype, pd.CategoricalDtype):
            out[key] = out[key].astype("str")
    return out.sort_values(
        ["units", *keys], ascending=[False] + [True] * len(keys), kind="stable", ignore_index=True
    )


def nev_share(
    sales: pd.DataFrame,
    by: Sequence[str] = ("iso3",),
    filters: Filters = NO_FILTERS,
    countries: CountryIndex | None = None,
) -> pd.DataFrame:
    """NEV, ICE and unspecified units by ``by``, and ``nev_share`` = NEV / (NEV + ICE).

    Rows without a powertrain count in ``units`` but not in the share (NaN when nothing is known).
    """
    keys = [k for k in by if k != "powertrain"]
    table = units_by(sales, [*keys, "powertrain"], filters, countries)
    wide = (
        table.pivot_table(
            index=keys or None, columns="powertrain", values="units", aggfunc="sum", fill_value=0
        )
        if len(table)
        else pd.DataFrame()
    )
    out = pd.DataFrame(index=wide.index if len(wide) else pd.Index([], name=keys[0] if keys else None))
    for name, label in (("nev_units", "NEV"), ("ice_units", "ICE"), ("unspecified_units", "")):
        out[name] = wide[label].astype(np.int64) if label in wide.columns else np.int64(0)
    out["units"] = out["nev_units"] + out["ice_units"] + out["unspecified_units"]
    known = (out["nev_units"] + out["ice_units"]).astype("float64")
    out["nev_share"] = (out["nev_units"] / known.where(known > 0)).astype("float64")
    out = out.reset_index() if keys else out.reset_index(drop=True)
    return out.sort_values("units", ascending=False, kind="stable", ignore_index=True)


def dealers_per_country(
    dealers: pd.DataFrame, filters: Filters = NO_FILTERS, countries: CountryIndex | None = None
) -> pd.Series:
    """Number of dealer rows per ISO3 (index), largest first."""
    rows = filter_dealers(dealers, filters, countries)
    counts = rows.groupby("iso3", observed=True)["dealer"].size()
    counts.index = counts.index.astype("str")
    return counts.astype(np.int64).sort_values(ascending=False, kind="stable").rename("dealers")


def country_summary(
    sales: pd.DataFrame,
    dealers: pd.DataFrame,
    filters: Filters = NO_FILTERS,
    countries: CountryIndex | None = None,
) -> pd.DataFrame:
    """One row per country with sales or dealers: ``units``, ``nev_units``, ``nev_share``, ``dealers``.

    Indexed by ISO3, sorted by units then dealers, both descending.
    """
    share = nev_share(sales, ("iso3",), filters, countries).set_index("iso3")
    dealer_counts = dealers_per_country(dealers, filters, countries)
    out = share[["units", "nev_units", "ice_units", "nev_share"]].join(dealer_counts, how="outer")
    for col in ("units", "nev_units", "ice_units", "dealers"):
        out[col] = out[col].fillna(0).astype(np.int64)
    out.index.name = "iso3"
    return out.sort_values(["units", "dealers"], ascending=False, kind="stable")


def totals(
    sales: pd.DataFrame,
    dealers: pd.DataFrame,
    filters: Filters = NO_FILTERS,
    countries: CountryIndex | None = None,
) -> dict[str, float | int]:
    """Headline numbers: units, NEV units, NEV share, dealers, countries reached."""
    s = filter_sales(sales, filters, countries)
    d = filter_dealers(dealers, filters, countries)
    pt = s["powertrain"].astype("str").to_numpy()
    units = s["units"].to_numpy()
    nev = int(units[pt == "NEV"].sum())
    ice = int(units[pt == "ICE"].sum())
    reached = set(s.loc[s["units"] > 0, "iso3"].astype("str")) | set(d["iso3"].astype("str"))
    return {
        "units": int(units.sum()),
        "nev_units": nev,
        "nev_share": nev / (nev + ice) if nev + ice else float("nan"),
        "dealers": len(d),
        "countries": len(reached),
    }


def frame_units(sales: pd.DataFrame, filters: Filters, countries: CountryIndex | None = None) -> np.ndarray:
    """Every positive per-country value of the frames a playback over ``filters.classes_over`` shows.

    Single years: each country-year's units in the range; cumulative: each country's running total at
    each year of the range (from the range's first year). The other filters apply; the years filter
    does not (the range is the frames'). Empty without ``classes_over``.
    """
    if filters.classes_over is None:
        return np.zeros(0, dtype=np.int64)
    over = replace(filters, years=filters.classes_over, classes_over=None, cumulative_classes=False)
    table = units_by(sales, ("iso3", "year"), over, countries)
    if table.empty:
        return np.zeros(0, dtype=np.int64)
    wide = table.pivot_table(index="iso3", columns="year", values="units", aggfunc="sum", fill_value=0)
    first, last = filters.classes_over
    wide = wide.reindex(columns=range(first, last + 1), fill_value=0)
    if filters.cumulative_classes:
        wide = wide.cumsum(axis=1)
    values = wide.to_numpy(dtype=np.int64).ravel()
    return values[values > 0]


def year_range(sales: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last year in the sales, or None when there are none."""
    if sales.empty:
        return None
    years = sales["year"].to_numpy()
    return int(years.min()), int(years.max())


def brands(sales: pd.DataFrame, dealers: pd.DataFrame) -> list[str]:
    """Every brand in sales or dealers, sorted."""
    return sorted(set(sales["brand"].astype("str")) | set(dealers["brand"].astype("str")))
