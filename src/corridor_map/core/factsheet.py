"""What a country's fact sheet says (Qt-free): sales by year and brand, dealers, routes, published figures.

:func:`build_fact_sheet` gathers everything one A4 handout shows about one country into a frozen
:class:`FactSheet`; ``mapgen.factsheet_html`` writes it as HTML and ``ui.export.factsheets`` prints it.
The sales and dealer filters apply except the country, continent and region ones (the sheet is *about*
the country asked for).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from corridor_map.core.aggregate import NO_FILTERS, Filters, filter_dealers, filter_sales
from corridor_map.core.assumptions import ASSUMPTIONS, NOT_COUNTED
from corridor_map.core.countries import default_index, normalise_country
from corridor_map.core.published import PublishedFigure, applicable_figures, bundled_figures
from corridor_map.core.transit import (
    DEFAULT_PARAMS,
    Alternative,
    TransitParams,
    colour_for,
    country_alternatives,
    draw_payload,
    preferred,
)

if TYPE_CHECKING:
    from corridor_map.core.corridor import Corridor
    from corridor_map.core.dataset import Dataset


@dataclass(frozen=True)
class RouteRow:
    """One route alternative from Chongqing as the sheet lists it."""

    label_en: str
    label_zh: str
    distance_km: float
    days: float
    is_default: bool  # the default (fastest arriving) route: the one drawn on the sheet's map
    colour: str
    route_id: str = ""
    leg_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class FactSheet:
    """Everything one country's sheet shows, in both languages."""

    iso3: str
    name_en: str
    name_zh: str
    is_sample: bool
    label_en: str  # the dataset's provenance
    label_zh: str
    years: tuple[tuple[int, int, int], ...]  # (year, units, NEV units), by year
    units_total: int
    nev_units: int
    nev_share: float | None  # NEV / (NEV + ICE); None when no powertrain is known
    brands: tuple[tuple[str, int, int], ...]  # (brand, units, NEV units), most units first
    dealers: tuple[tuple[str, str, str, str], ...]  # (name, city, kind, brand), by city then name
    routes: tuple[RouteRow, ...]  # the default first
    assumptions_en: str
    assumptions_zh: str
    figures: tuple[PublishedFigure, ...]  # the country's own, the context (Chongqing, China), the brands'
    has_sales: bool

    def name(self, lang: str = "en") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en

    @property
    def default_route(self) -> RouteRow | None:
        return next((r for r in self.routes if r.is_default), None)


def _country_filters(filters: Filters) -> Filters:
    """The filters without the country, continent and region restrictions (and no playback classes)."""
    return replace(filters, countries=None, continents=None, regions=None, classes_over=None)


def _triples(rows: Any, key: str) -> list[tuple[Any, int, int]]:
    """(key, units, NEV units) per value of ``key`` in the sales ``rows``."""
    if rows.empty:
        return []
    frame = rows.assign(nev=rows["units"].where(rows["powertrain"].astype("str") == "NEV", 0))
    grouped = frame.groupby(key, observed=True, sort=True)[["units", "nev"]].sum()
    columns = (grouped.index, grouped["units"], grouped["nev"])
    return [(k, int(u), int(n)) for k, u, n in zip(*columns, strict=True)]


def _route_rows(
    corridor: Corridor | None, iso3: str, params: TransitParams
) -> tuple[tuple[RouteRow, ...], list[Alternative]]:
    """The route rows (the preferred alternative first, in colour 0) and the alternatives in that order."""
    if corridor is None:
        return (), []
    try:
        alternatives = country_alternatives(corridor, iso3, params)
    except KeyError:
        return (), []
    best = preferred(corridor, iso3, alternatives)
    ordered = [best, *(a for a in alternatives if a is not best)]
    rows = tuple(
        RouteRow(
            a.label("en"),
            a.label("zh"),
            a.total_km,
            a.total_days,
            a is best,
            colour_for(i),
            a.route_id,
            tuple(a.leg_ids),
        )
        for i, a in enumerate(ordered)
    )
    return rows, ordered


def _number(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")


def assumptions_text(params: TransitParams, lang: str) -> str:
    """One line: the values the days rest on and what they leave out."""
    zh = lang.startswith("zh")
    parts = [f"{a.label(lang)} {_number(float(getattr(params, a.key)))} {a.unit(lang)}" for a in ASSUMPTIONS]
    if zh:
        return "天数按以下假设估算：" + "；".join(parts) + "。" + NOT_COUNTED["zh"]
    return "Days estimated with: " + "; ".join(parts) + ". " + NOT_COUNTED["en"]


def _figures(
    figures: Iterable[PublishedFigure], iso3: str, brands: Iterable[str]
) -> tuple[PublishedFigure, ...]:
    """The country's own figures, then the context ones, then those of the country's brands."""
    index = default_index()
    figures = list(figures)
    own = [f for f in figures if not f.is_context and index.resolve(f.subject_en, suggest=False).iso3 == iso3]
    rest = [f for f in applicable_figures(figures, brands) if f not in own]
    return (*own, *(f for f in rest if f.is_context), *(f for f in rest if not f.is_context))


def build_fact_sheet(  # noqa: PLR0917 (the design's positional order)
    dataset: Dataset,
    iso3: str,
    filters: Filters = NO_FILTERS,
    corridor: Corridor | None = None,
    figures: Iterable[PublishedFigure] | None = None,
    params: TransitParams = DEFAULT_PARAMS,
) -> FactSheet:
    """The sheet of ``iso3`` (KeyError for a code no one knows); ``corridor`` None: no routes.

    ``figures`` None: the bundled published figures.
    """
    index = default_index()
    iso3 = iso3.strip().upper()
    if index.info(iso3) is None:
        raise KeyError(f"unknown country {iso3}")
    wanted = _country_filters(filters)
    sales = filter_sales(dataset.sales, wanted)
    sales = sales.loc[sales["iso3"].astype("str") == iso3]
    dealers = filter_dealers(dataset.dealers, wanted)
    dealers = dealers.loc[dealers["iso3"].astype("str") == iso3]

    years = tuple((int(y), u, n) for y, u, n in _triples(sales, "year"))
    brands = sorted(_triples(sales, "brand"), key=lambda t: (-t[1], str(t[0])))
    total = int(sales["units"].sum())
    pt = sales["powertrain"].astype("str")
    nev = int(sales.loc[pt == "NEV", "units"].sum())
    known = int(sales.loc[pt.isin(["NEV", "ICE"]), "units"].sum())
    dealer_rows = sorted(
        (str(d), str(c), str(k), str(b))
        for d, c, k, b in zip(*(dealers[c] for c in ("dealer", "city", "kind", "brand")), strict=True)
    )
    dealer_rows.sort(key=lambda r: (r[1].casefold(), r[0].casefold()))
    routes, _ = _route_rows(corridor, iso3, params)
    brand_names = {str(b) for b, _, _ in brands} | {r[3] for r in dealer_rows}
    return FactSheet(
        iso3=iso3,
        name_en=index.display_name(iso3, "en"),
        name_zh=index.display_name(iso3, "zh"),
        is_sample=dataset.kind == "sample",
        label_en=dataset.label_en,
        label_zh=dataset.label_zh,
        years=years,
        units_total=total,
        nev_units=nev,
        nev_share=nev / known if known else None,
        brands=tuple((str(b), u, n) for b, u, n in brands),
        dealers=tuple(dealer_rows),
        routes=routes,
        assumptions_en=assumptions_text(params, "en"),
        assumptions_zh=assumptions_text(params, "zh"),
        figures=_figures(bundled_figures() if figures is None else figures, iso3, sorted(brand_names)),
        has_sales=total > 0,
    )


def sales_countries(dataset: Dataset, filters: Filters = NO_FILTERS) -> list[str]:
    """ISO3 of every country with units > 0 under ``filters`` (sorted; what ``--all`` makes sheets for)."""
    rows = filter_sales(dataset.sales, filters)
    units = rows.groupby(rows["iso3"].astype("str"))["units"].sum()
    return sorted(str(c) for c, u in units.items() if u > 0)


def route_payload(sheet_or_corridor: FactSheet | Corridor, iso3: str) -> list[dict[str, Any]]:
    """``CM.showRoutes``' argument for the default route only, in colour 0 ([] without a route).

    From a sheet (its default row) or a corridor (the preferred alternative at the default params).
    """
    if isinstance(sheet_or_corridor, FactSheet):
        row = sheet_or_corridor.default_route
        if row is None:
            return []
        return [{"id": row.route_id, "legs": list(row.leg_ids), "color": colour_for(0)}]
    _, ordered = _route_rows(sheet_or_corridor, iso3.strip().upper(), DEFAULT_PARAMS)
    return draw_payload(ordered[:1])


def closest_countries(text: str, names: Iterable[str] | None = None, n: int = 3) -> list[str]:
    """ISO3 codes of the countries closest to ``text`` (an ISO3 code, English or Chinese name), best first.

    ``names``: the ISO3 codes to choose from (every country known by default). For an error such as
    "unknown country 'Thailnd' (did you mean Thailand, THA?)".
    """
    index = default_index()
    codes = sorted(index.known_iso3() if names is None else {c.upper() for c in names})
    key = normalise_country(text)
    out: list[str] = []
    match = index.resolve(text)
    for code in (match.iso3, match.suggestion, *match.candidates):
        if code and code in codes and code not in out:
            out.append(code)
    if not key:
        return out[:n]
    forms: dict[str, str] = {}
    for code in codes:
        info = index.info(code)
        written = [code] if info is None else [code, info.iso2, info.name_en, info.name_zh]
        for form in written:
            folded = normalise_country(form) if form else ""
            if folded and folded not in forms:
                forms[folded] = code
    cutoff = 0.5 if any(ord(ch) > 0x2E80 for ch in key) else 0.6  # two-character Chinese names
    for close in difflib.get_close_matches(key, list(forms), n=n * 4, cutoff=cutoff):
        if forms[close] not in out:
            out.append(forms[close])
    return out[:n]
