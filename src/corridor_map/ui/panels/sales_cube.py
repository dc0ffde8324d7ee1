"""Sales and dealers under one set of filters, pre-grouped so a selection is summed in microseconds.

pandas needs tens of milliseconds per groupby on small frames; a click must update every panel within a
frame. So once per dataset the sales are grouped by country, year, brand and powertrain, and the rows
of each country indexed; a filter then only masks those groups (every filter is on one of these keys:
no pandas, well under a millisecond), and a selection only sums a few numpy slices. Qt-free.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from corridor_map.core.aggregate import (
    NO_FILTERS,
    Filters,
    allowed_countries,
    filter_dealers,
    filter_sales,
    year_range,
)
from corridor_map.core.dataset import Dataset

DEALER_FIELDS = ("dealer", "iso3", "city", "brand", "kind", "phone", "website")
_EMPTY = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class CountryDetail:
    """Sums over the selected countries under the filters."""

    codes: tuple[str, ...]  # the selection, most units first
    units: int = 0
    nev_share: float = math.nan
    dealers: int = 0
    by_year: list[tuple[int, int]] = field(default_factory=list)  # every year of the data, zeros included
    by_brand: list[tuple[str, int, float]] = field(default_factory=list)  # brand, units, NEV share
    per_country: list[tuple[str, int, int]] = field(default_factory=list)  # iso3, units, dealers
    dealer_rows: list[tuple[str, str, str, str]] = field(default_factory=list)  # dealer, iso3, city, position

    @property
    def brands(self) -> list[str]:
        """Brands with sales or dealers in the selection."""
        return sorted({b for b, _, _ in self.by_brand})


def _share(nev: int, ice: int) -> float:
    return nev / (nev + ice) if nev + ice else math.nan


def _rows_by(codes: np.ndarray) -> dict[str, np.ndarray]:
    order = np.argsort(codes, kind="stable")
    keys, starts = np.unique(codes[order], return_index=True)
    return (
        {str(k): rows for k, rows in zip(keys, np.split(order, starts[1:]), strict=True)}
        if len(codes)
        else {}
    )


def _narrow_years(span: tuple[int, int] | None, filters: Filters) -> tuple[int, int] | None:
    """The data's years ``span`` within the year filter."""
    if span and filters.years:
        return (max(span[0], filters.years[0]), min(span[1], filters.years[1]))
    return span


class SalesCube:
    """The filtered sales grouped by (iso3, year, brand, powertrain) and the filtered dealers, by country."""

    def __init__(self, dataset: Dataset, filters: Filters = NO_FILTERS) -> None:
        sales = filter_sales(dataset.sales, filters)
        keys = ["iso3", "year", "brand", "powertrain"]
        if len(sales):
            grouped = sales.groupby(keys, observed=True)["units"].sum().reset_index()
        else:
            grouped = pd.DataFrame({k: pd.Series([], dtype="int64") for k in [*keys, "units"]})
        self.iso3, self.brand, self.powertrain = (
            grouped[k].astype("str").to_numpy(dtype=object) for k in ("iso3", "brand", "powertrain")
        )
        self.year = grouped["year"].to_numpy(dtype=np.int64)
        self.units = grouped["units"].to_numpy(dtype=np.int64)
        self._all_years = year_range(dataset.sales)
        self.years = _narrow_years(self._all_years, filters)
        all_dealers = dataset.dealers
        dealers = filter_dealers(all_dealers.assign(row_id=np.arange(len(all_dealers))), filters)
        self.dealers: dict[str, np.ndarray] = {
            f: dealers[f].astype("str").to_numpy(dtype=object) for f in DEALER_FIELDS
        }
        self.dealers["row_id"] = dealers["row_id"].to_numpy(dtype=np.int64)
        self.dealers["approximate"] = dealers["approximate"].to_numpy(dtype=bool)
        self.dealers["position"] = dealers["position"].astype(object).fillna("country").to_numpy()
        self._sales_rows = _rows_by(self.iso3)
        self._dealer_rows = _rows_by(self.dealers["iso3"])
        self._summary: pd.DataFrame | None = None

    def narrowed(self, filters: Filters) -> SalesCube:
        """This cube (built without filters) under ``filters``, as ``SalesCube(dataset, filters)`` would
        be: its groups and dealers masked, no pandas."""
        keep = np.ones(len(self.units), dtype=bool)
        if filters.brands:
            keep &= np.isin(self.brand, sorted(filters.brands))
        if filters.years:
            keep &= (self.year >= filters.years[0]) & (self.year <= filters.years[1])
        if filters.powertrains:
            keep &= np.isin(self.powertrain, sorted(filters.powertrains))
        allowed = allowed_countries(filters)
        if allowed is not None:
            keep &= np.isin(self.iso3, sorted(allowed))
        dealers = np.ones(len(self.dealers["row_id"]), dtype=bool)
        if filters.brands:
            dealers &= np.isin(self.dealers["brand"], sorted(filters.brands))
        if allowed is not None:
            dealers &= np.isin(self.dealers["iso3"], sorted(allowed))
        cube = object.__new__(SalesCube)
        cube.iso3, cube.brand, cube.powertrain = self.iso3[keep], self.brand[keep], self.powertrain[keep]
        cube.year, cube.units = self.year[keep], self.units[keep]
        cube._all_years = self._all_years
        cube.years = _narrow_years(self._all_years, filters)
        cube.dealers = {name: values[dealers] for name, values in self.dealers.items()}
        cube._sales_rows = _rows_by(cube.iso3)
        cube._dealer_rows = _rows_by(cube.dealers["iso3"])
        cube._summary = None
        return cube

    # ---- rows of a selection ------------------------------------------------------------------
    def sales_rows(self, codes: Iterable[str]) -> np.ndarray:
        parts = [self._sales_rows[c] for c in sorted(codes) if c in self._sales_rows]
        return np.sort(np.concatenate(parts)) if parts else _EMPTY

    def dealer_rows(self, codes: Iterable[str] | None = None) -> np.ndarray:
        """Dealer positions (into :attr:`dealers`) of ``codes``, in data order; all when ``codes`` is None."""
        if codes is None:
            return np.arange(len(self.dealers["row_id"]))
        parts = [self._dealer_rows[c] for c in codes if c in self._dealer_rows]
        return np.sort(np.concatenate(parts)) if parts else _EMPTY

    def _units(self, rows: np.ndarray, powertrain: str | None = None) -> int:
        if powertrain is None:
            return int(self.units[rows].sum())
        return int(self.units[rows][self.powertrain[rows] == powertrain].sum())

    # ---- what the panels show -----------------------------------------------------------------
    def detail(self, codes: frozenset[str]) -> CountryDetail:
        """Units, NEV share, dealers, by year, by brand, per country for the selection."""
        if not codes:
            return CountryDetail(())
        rows = self.sales_rows(codes)
        dealer_rows = self.dealer_rows(codes)
        per_country = sorted(
            (
                (c, self._units(self._sales_rows.get(c, _EMPTY)), len(self._dealer_rows.get(c, _EMPTY)))
                for c in codes
            ),
            key=lambda t: (-t[1], -t[2], t[0]),
        )
        by_year: list[tuple[int, int]] = []
        if self.years and self.years[0] <= self.years[1]:  # (a year filter outside the data: none)
            lo, hi = self.years
            sums = np.bincount(self.year[rows] - lo, weights=self.units[rows], minlength=hi - lo + 1)
            by_year = [(lo + i, int(v)) for i, v in enumerate(sums[: hi - lo + 1])]
        brands: dict[str, list[int]] = {}
        for brand, pt, units in zip(
            self.brand[rows].tolist(), self.powertrain[rows].tolist(), self.units[rows].tolist(), strict=True
        ):
            total = brands.setdefault(brand, [0, 0, 0])
            total[0] += units
            total[1] += units if pt == "NEV" else 0
            total[2] += units if pt == "ICE" else 0
        by_brand = [
            (b, t[0], _share(t[1], t[2])) for b, t in sorted(brands.items(), key=lambda i: (-i[1][0], i[0]))
        ]
        unsold = sorted(set(self.dealers["brand"][dealer_rows].tolist()) - set(brands))
        d = self.dealers
        return CountryDetail(
            codes=tuple(c for c, _, _ in per_country),
            units=self._units(rows),
            nev_share=_share(self._units(rows, "NEV"), self._units(rows, "ICE")),
            dealers=len(dealer_rows),
            by_year=by_year,
            by_brand=by_brand + [(b, 0, math.nan) for b in unsold],
            per_country=per_country,
            dealer_rows=list(
                zip(
                    d["dealer"][dealer_rows].tolist(),
                    d["iso3"][dealer_rows].tolist(),
                    d["city"][dealer_rows].tolist(),
                    d["position"][dealer_rows].tolist(),
                    strict=True,
                )
            ),
        )

    def units_per_country(self) -> dict[str, int]:
        """Units by ISO3 of the countries with sales under the filters, most first (then by code): what
        ``core.page_payload.units_per_country`` sums with pandas, from this cube's groups."""
        pairs = sorted(((c, self._units(rows)) for c, rows in self._sales_rows.items()), key=_most_first)
        return dict(pairs)

    def summary(self) -> pd.DataFrame:
        """One row per country with sales or dealers: iso3, units, nev_share, dealers; most units first."""
        if self._summary is None:
            self._summary = self._make_summary()
        return self._summary.copy()

    def _make_summary(self) -> pd.DataFrame:
        codes = sorted(set(self._sales_rows) | set(self._dealer_rows))
        rows = []
        for code in codes:
            sold = self._sales_rows.get(code, _EMPTY)
            share = _share(self._units(sold, "NEV"), self._units(sold, "ICE"))
            rows.append((code, self._units(sold), share, len(self._dealer_rows.get(code, _EMPTY))))
        rows.sort(key=lambda r: (-r[1], -r[3], r[0]))
        return pd.DataFrame(rows, columns=["iso3", "units", "nev_share", "dealers"]).astype(
            {"units": np.int64, "nev_share": np.float64, "dealers": np.int64}
        )


def _most_first(pair: tuple[str, int]) -> tuple[int, str]:
    return -pair[1], pair[0]


_bases: list[tuple[Dataset, SalesCube]] = []
_cache: list[tuple[Dataset, Filters, SalesCube]] = []


def cube_for(dataset: Dataset, filters: Filters) -> SalesCube:
    """The cube of ``dataset`` under ``filters``: the dataset's own cube (grouped once) narrowed to the
    filters, shared until either changes."""
    for cached_dataset, cached_filters, cube in _cache:
        if cached_dataset is dataset and cached_filters == filters:
            return cube
    base = next((cube for d, cube in _bases if d is dataset), None)
    if base is None:
        base = SalesCube(dataset)
        _bases[:] = [(dataset, base), *_bases[:1]]  # the active dataset and the one before (a revert)
    cube = base if filters == NO_FILTERS else base.narrowed(filters)
    _cache[:] = [(dataset, filters, cube), *_cache[:7]]  # the last few: panels may ask in any order
    return cube
