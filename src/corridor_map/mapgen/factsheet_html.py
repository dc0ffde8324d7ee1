"""A country's fact sheet as HTML (Qt-free): the export page puts it around the map and prints it A4.

:func:`sheet_html` writes a :class:`~corridor_map.core.factsheet.FactSheet` with the translated texts
``strings[lang][key]`` (``ui.factsheet_strings``) in English, Chinese or both; ``cm_factsheet.css`` styles
it. Everything from the data is escaped; meaning never rests on colour alone (the chart's NEV part is
hatched, the default route is written out).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Literal

from corridor_map.core.factsheet import FactSheet
from corridor_map.core.published import PublishedFigure

SECTIONS = ("map", "years", "brands", "dealers", "routes", "figures")
Lang = Literal["en", "zh", "both"]
Strings = Mapping[str, Mapping[str, str]]

# The texts the sheet needs (ui.factsheet_strings translates them; English here when a key is missing).
DEFAULT_STRINGS: dict[str, str] = {
    "title": "Country fact sheet",
    "key_units": "Units sold",
    "key_nev": "NEV share",
    "key_dealers": "Dealers",
    "key_days": "Days from Chongqing",
    "key_days_note": "default route, estimated",
    "years_title": "Units by year",
    "legend_nev": "NEV",
    "legend_other": "Other powertrains",
    "nev_share_line": "NEV share over all years: {share}",
    "brands_title": "Units by brand",
    "brand": "Brand",
    "units": "Units",
    "nev_units": "NEV",
    "share": "Share",
    "total": "Total",
    "dealers_title": "Dealers",
    "dealer": "Dealer",
    "city": "City",
    "type": "Type",
    "kind_sales": "Sales",
    "kind_service": "Service",
    "kind_both": "Sales and service",
    "kind_other": "Other",
    "routes_title": "Routes from Chongqing",
    "route": "Route",
    "distance": "Distance (km)",
    "days": "Days",
    "default_route": "Default",
    "figures_title": "Published figures",
    "source": "Source: {source}",
    "published_in": "Published in: {publication}",
    "no_sales": "No sales in the data for {country}",
    "no_dealers": "No dealers in the data for {country}",
    "no_routes": "No route from Chongqing to {country} in the corridor data",
    "no_figures": "No published figures apply",
    "data": "Data: {label}",
    "made_on": "Made on {date}",
    "not_available": "n/a",
}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def fmt_int(value: int) -> str:
    """12,345 (both languages)."""
    return f"{int(value):,}"


def fmt_share(share: float | None, na: str = "–") -> str:
    """45.7 % (or ``na``)."""
    return na if share is None else f"{share * 100:.1f} %"


def fmt_days(days: float) -> str:
    return f"{days:.1f}"


def _cls(lang: str) -> str:
    return "cm-fs-zh" if lang == "zh" else "cm-fs-en"


class _Writer:
    """Texts in one language or both (``both``: English then Chinese, stacked)."""

    def __init__(self, strings: Strings, lang: Lang) -> None:
        self.strings = strings
        self.langs: tuple[str, ...] = ("en", "zh") if lang == "both" else (lang,)

    def text(self, key: str, lang: str, **values: str) -> str:
        template = self.strings.get(lang, {}).get(key) or DEFAULT_STRINGS[key]
        return template.format(**values) if values else template

    def label(self, key: str, inline: bool = False, **per_lang: Mapping[str, str]) -> str:
        """The escaped text of ``key`` in each language, each in its own ``lang`` span."""
        parts = []
        for lang in self.langs:
            values = {name: v[lang] for name, v in per_lang.items()}
            parts.append(
                f'<span class="{_cls(lang)}" lang="{lang}">{_e(self.text(key, lang, **values))}</span>'
            )
        joiner = " / " if inline and len(parts) > 1 else ""
        return joiner.join(parts) if inline else "".join(parts)

    def pair(self, en: str, zh: str) -> str:
        """A data text given in both languages (a route's label), written in the sheet's language(s)."""
        texts = {"en": en, "zh": zh}
        return "".join(
            f'<span class="{_cls(lang)}" lang="{lang}">{_e(texts[lang])}</span>' for lang in self.langs
        )


def _header(sheet: FactSheet, w: _Writer) -> str:
    label = ""
    if sheet.is_sample or sheet.label_en:
        cls = "cm-fs-provenance cm-fs-sample" if sheet.is_sample else "cm-fs-provenance"
        label = f'<div class="{cls}">{w.pair(sheet.label_en, sheet.label_zh)}</div>'
    return (
        '<header class="cm-fs-header">'
        f'<div class="cm-fs-kicker">{w.label("title", inline=True)}</div>'
        '<h1 class="cm-fs-name">'
        f'<span class="cm-fs-name-en" lang="en">{_e(sheet.name_en)}</span>'
        f'<span class="cm-fs-name-zh" lang="zh">{_e(sheet.name_zh)}</span>'
        f'<span class="cm-fs-iso3">{_e(sheet.iso3)}</span></h1>'
        f"{label}</header>"
    )


def _key_figures(sheet: FactSheet, w: _Writer, sections: frozenset[str]) -> str:
    na = w.text("not_available", w.langs[0])
    boxes: list[tuple[str, str, str]] = []
    if sections & {"years", "brands"}:
        boxes.append(("units", fmt_int(sheet.units_total), w.label("key_units")))
        boxes.append(("nev", fmt_share(sheet.nev_share, na), w.label("key_nev")))
    if "dealers" in sections:
        boxes.append(("dealers", fmt_int(len(sheet.dealers)), w.label("key_dealers")))
    if "routes" in sections:
        route = sheet.default_route
        days = fmt_days(route.days) if route else na
        note = f'<div class="cm-fs-key-note">{w.label("key_days_note")}</div>'
        boxes.append(("days", days, w.label("key_days") + note))
    if not boxes:
        return ""
    cells = "".join(
        f'<div class="cm-fs-key cm-fs-key-{k}"><div class="cm-fs-key-value">{_e(v)}</div>'
        f'<div class="cm-fs-key-label">{label}</div></div>'
        for k, v, label in boxes
    )
    return f'<section class="cm-fs-keys">{cells}</section>'


def _heading(w: _Writer, key: str, level: int = 2) -> str:
    return f'<h{level} class="cm-fs-h">{w.label(key)}</h{level}>'


def _no_sales(sheet: FactSheet, w: _Writer) -> str:
    names = {"en": sheet.name_en, "zh": sheet.name_zh}
    return f'<p class="cm-fs-empty">{w.label("no_sales", country=names)}</p>'


def year_chart(sheet: FactSheet, w: _Writer) -> str:
    """Units per year as SVG bars, the NEV part hatched, each bar's total written above it."""
    years = sheet.years
    width, height, top, bottom, left = 330.0, 190.0, 20.0, 22.0, 6.0
    plot = height - top - bottom
    peak = max((u for _, u, _ in years), default=0) or 1
    slot = (width - 2 * left) / max(len(years), 1)
    bar = min(slot * 0.62, 46.0)
    pattern = f"cm-fs-hatch-{_e(sheet.iso3)}"
    parts = [
        f'<svg class="cm-fs-chart" viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}" '
        f'role="img" aria-label="{_e(w.text("years_title", w.langs[0]))}">',
        f'<defs><pattern id="{pattern}" patternUnits="userSpaceOnUse" width="5" height="5" '
        'patternTransform="rotate(45)"><rect width="5" height="5" fill="#ffffff"/>'
        '<line x1="0" y1="0" x2="0" y2="5" stroke="#1a1a1a" stroke-width="2.2"/></pattern></defs>',
        f'<line x1="0" y1="{height - bottom:g}" x2="{width:g}" y2="{height - bottom:g}" '
        'stroke="#1a1a1a" stroke-width="0.8"/>',
    ]
    for i, (year, units, nev) in enumerate(years):
        x = left + i * slot + (slot - bar) / 2
        h_all = plot * units / peak
        h_nev = plot * min(nev, units) / peak
        y_all = height - bottom - h_all
        cx = x + bar / 2
        parts.append(
            f'<rect class="cm-fs-bar-other" x="{x:.1f}" y="{y_all:.1f}" width="{bar:.1f}" '
            f'height="{h_all - h_nev:.1f}" fill="#b8b8b8" stroke="#1a1a1a" stroke-width="0.6"/>'
        )
        if h_nev > 0:
            parts.append(
                f'<rect class="cm-fs-bar-nev" x="{x:.1f}" y="{height - bottom - h_nev:.1f}" '
                f'width="{bar:.1f}" height="{h_nev:.1f}" fill="url(#{pattern})" stroke="#1a1a1a" '
                'stroke-width="0.6"/>'
            )
        parts.append(
            f'<text class="cm-fs-bar-value" x="{cx:.1f}" y="{y_all - 4:.1f}" '
            f'text-anchor="middle">{_e(fmt_int(units))}</text>'
            f'<text class="cm-fs-bar-year" x="{cx:.1f}" y="{height - bottom + 14:.1f}" '
            f'text-anchor="middle">{_e(year)}</text>'
        )
    parts.append("</svg>")
    legend = (
        '<div class="cm-fs-legend">'
        f'<span class="cm-fs-swatch cm-fs-swatch-nev"></span>{w.label("legend_nev", inline=True)}'
        f'<span class="cm-fs-swatch cm-fs-swatch-other"></span>{w.label("legend_other", inline=True)}'
        "</div>"
    )
    return "".join(parts) + legend


def _years(sheet: FactSheet, w: _Writer) -> str:
    body = _no_sales(sheet, w) if not sheet.has_sales else year_chart(sheet, w)
    if sheet.has_sales:
        na = w.text("not_available", w.langs[0])
        share = {lang: fmt_share(sheet.nev_share, na) for lang in ("en", "zh")}
        body += f'<p class="cm-fs-note">{w.label("nev_share_line", inline=True, share=share)}</p>'
    return f'<section class="cm-fs-years">{_heading(w, "years_title")}{body}</section>'


def _th(w: _Writer, key: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<th{attr}>{w.label(key)}</th>"


def _brands(sheet: FactSheet, w: _Writer) -> str:
    if not sheet.has_sales:
        return f'<section class="cm-fs-brands">{_heading(w, "brands_title")}{_no_sales(sheet, w)}</section>'
    total = sheet.units_total or 1
    rows = "".join(
        f'<tr><td>{_e(brand)}</td><td class="cm-fs-num">{_e(fmt_int(units))}</td>'
        f'<td class="cm-fs-num">{_e(fmt_int(nev))}</td>'
        f'<td class="cm-fs-num">{_e(fmt_share(units / total))}</td></tr>'
        for brand, units, nev in sheet.brands
    )
    foot = (
        f'<tfoot><tr><td>{w.label("total")}</td><td class="cm-fs-num">{_e(fmt_int(sheet.units_total))}</td>'
        f'<td class="cm-fs-num">{_e(fmt_int(sheet.nev_units))}</td>'
        '<td class="cm-fs-num">100.0 %</td></tr></tfoot>'
    )
    head = (
        f"<thead><tr>{_th(w, 'brand')}{_th(w, 'units', 'cm-fs-num')}{_th(w, 'nev_units', 'cm-fs-num')}"
        f"{_th(w, 'share', 'cm-fs-num')}</tr></thead>"
    )
    table = f'<table class="cm-fs-table cm-fs-brand-table">{head}<tbody>{rows}</tbody>{foot}</table>'
    return f'<section class="cm-fs-brands">{_heading(w, "brands_title")}{table}</section>'


def _kind(w: _Writer, kind: str) -> str:
    key = f"kind_{kind}"
    return w.label(key, inline=True) if key in DEFAULT_STRINGS else _e(kind)


def _dealers(sheet: FactSheet, w: _Writer) -> str:
    if not sheet.dealers:
        names = {"en": sheet.name_en, "zh": sheet.name_zh}
        body = f'<p class="cm-fs-empty">{w.label("no_dealers", country=names)}</p>'
    else:
        kinds = {k: _kind(w, k) for k in {d[2] for d in sheet.dealers}}
        rows = "".join(
            f"<tr><td>{_e(name)}</td><td>{_e(city)}</td><td>{kinds[kind]}</td><td>{_e(brand)}</td></tr>"
            for name, city, kind, brand in sheet.dealers
        )
        head = f"<thead><tr>{_th(w, 'dealer')}{_th(w, 'city')}{_th(w, 'type')}{_th(w, 'brand')}</tr></thead>"
        body = f'<table class="cm-fs-table cm-fs-dealer-table">{head}<tbody>{rows}</tbody></table>'
    return f'<section class="cm-fs-dealers">{_heading(w, "dealers_title")}{body}</section>'


def _routes(sheet: FactSheet, w: _Writer) -> str:
    if not sheet.routes:
        names = {"en": sheet.name_en, "zh": sheet.name_zh}
        body = f'<p class="cm-fs-empty">{w.label("no_routes", country=names)}</p>'
    else:
        default = w.label("default_route")
        rows = "".join(
            f'<tr class="{"cm-fs-default" if r.is_default else ""}">'
            f'<td><span class="cm-fs-route-key" style="border-color: {_e(r.colour)}"></span>'
            f"{w.pair(r.label_en, r.label_zh)}</td>"
            f'<td class="cm-fs-num">{_e(fmt_int(round(r.distance_km)))}</td>'
            f'<td class="cm-fs-num">{_e(fmt_days(r.days))}</td>'
            f'<td class="cm-fs-mark">{default if r.is_default else ""}</td></tr>'
            for r in sheet.routes
        )
        head = (
            f"<thead><tr>{_th(w, 'route')}{_th(w, 'distance', 'cm-fs-num')}{_th(w, 'days', 'cm-fs-num')}"
            f"{_th(w, 'default_route', 'cm-fs-mark')}</tr></thead>"
        )
        table = f'<table class="cm-fs-table cm-fs-route-table">{head}<tbody>{rows}</tbody></table>'
        assumptions = w.pair(sheet.assumptions_en, sheet.assumptions_zh)
        note = f'<p class="cm-fs-note cm-fs-assumptions">{assumptions}</p>'
        body = table + note
    return f'<section class="cm-fs-routes">{_heading(w, "routes_title")}{body}</section>'


def _figure(figure: PublishedFigure, w: _Writer) -> str:
    parts = []
    for lang in w.langs:
        cls = _cls(lang)
        source = _e(w.text("source", lang, source=figure.source(lang)))
        where = _e(w.text("published_in", lang, publication=figure.published_in(lang)))
        parts.append(
            f'<div class="{cls}" lang="{lang}"><div class="cm-fs-figure-text">{_e(figure.text(lang))}</div>'
            f'<div class="cm-fs-figure-source">{source} · {where}</div></div>'
        )
    return f'<li class="cm-fs-figure">{"".join(parts)}</li>'


def _figures(sheet: FactSheet, w: _Writer) -> str:
    if not sheet.figures:
        body = f'<p class="cm-fs-empty">{w.label("no_figures")}</p>'
    else:
        body = '<ul class="cm-fs-figures">' + "".join(_figure(f, w) for f in sheet.figures) + "</ul>"
    return f'<section class="cm-fs-published">{_heading(w, "figures_title")}{body}</section>'


def _footer(sheet: FactSheet, w: _Writer, date: Mapping[str, str], credits: str) -> str:
    labels = {"en": sheet.label_en, "zh": sheet.label_zh}
    dates = {lang: date.get(lang, date.get("en", "")) for lang in ("en", "zh")}
    credit = f'<div class="cm-fs-credits">{_e(credits)}</div>' if credits else ""
    return (
        '<footer class="cm-fs-footer">'
        f'<div class="cm-fs-foot-data">{w.label("data", inline=True, label=labels)}</div>'
        f'<div class="cm-fs-foot-date">{w.label("made_on", inline=True, date=dates)}</div>'
        f"{credit}</footer>"
    )


def sheet_html(  # noqa: PLR0917 (the design's positional order)
    sheet: FactSheet,
    strings: Strings,
    lang: Lang,
    sections: frozenset[str] | Sequence[str] = frozenset(SECTIONS),
    date: Mapping[str, str] | None = None,
    credits: str = "",
) -> str:
    """The sheet as one ``<div class="cm-fs">`` (styled by ``cm_factsheet.css``).

    ``sections`` ⊆ :data:`SECTIONS`; ``date`` per language (``{"en": "3 December 2026", "zh": …}``).
    The long dealer table comes last before the footer, so the rest stays on the first page.
    """
    if lang not in ("en", "zh", "both"):
        raise ValueError(f"unknown language {lang!r} (en, zh or both)")
    chosen = frozenset(sections)
    unknown = chosen - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown sections {sorted(unknown)} (of {', '.join(SECTIONS)})")
    w = _Writer(strings, lang)
    parts = [_header(sheet, w), _key_figures(sheet, w, chosen)]
    if "map" in chosen:
        parts.append('<div id="cm-fs-map-slot" class="cm-fs-map-slot"></div>')
    pair = [_years(sheet, w) if "years" in chosen else "", _brands(sheet, w) if "brands" in chosen else ""]
    if any(pair):
        both = " cm-fs-two" if all(pair) else ""
        parts.append(f'<div class="cm-fs-row{both}">{"".join(pair)}</div>')
    if "routes" in chosen:
        parts.append(_routes(sheet, w))
    if "figures" in chosen:
        parts.append(_figures(sheet, w))
    if "dealers" in chosen:
        parts.append(_dealers(sheet, w))
    parts.append(_footer(sheet, w, date or {}, credits))
    page_lang = "zh-CN" if lang == "zh" else "en"
    return f'<div class="cm-fs cm-fs-{lang}" lang="{page_lang}">{"".join(parts)}</div>'
