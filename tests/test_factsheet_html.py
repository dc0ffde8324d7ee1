"""The fact sheet's HTML: every figure, brand and dealer of the sheet, escaped, in en, zh and both."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import replace
from html.parser import HTMLParser

import pandas as pd
import pytest

from corridor_map.core.corridor import load_corridor
from corridor_map.core.dataset import Dataset, load_sample
from corridor_map.core.factsheet import FactSheet, build_fact_sheet
from corridor_map.mapgen.assets import FACTSHEET_STYLE, PAGE_JS_DIR, page_assets
from corridor_map.mapgen.factsheet_html import DEFAULT_STRINGS, SECTIONS, fmt_int, fmt_share, sheet_html
from corridor_map.mapgen.options import PageOptions
from corridor_map.ui.factsheet_strings import fact_sheet_strings

ALL = frozenset(SECTIONS)
DATE = {"en": "3 December 2026", "zh": "2026年12月3日"}
LANGS = ("en", "zh", "both")


@functools.cache
def sample() -> Dataset:
    return load_sample()


@functools.cache
def sheet(iso3: str) -> FactSheet:
    return build_fact_sheet(sample(), iso3, corridor=load_corridor())


def render(s: FactSheet, lang: str = "en", sections: frozenset[str] = ALL) -> str:
    return sheet_html(s, fact_sheet_strings(), lang, sections, DATE, "Map: Natural Earth")  # type: ignore[arg-type]


class _Tags(HTMLParser):
    """Tags opened and closed, and the rows of each table by its class."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.rows: dict[str, int] = {}
        self.table: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "line", "rect", "stop"):
            return
        self.stack.append(tag)
        if tag == "table":
            self.table.append(dict(attrs).get("class") or "")
        if tag == "tr" and self.table:
            self.rows[self.table[-1]] = self.rows.get(self.table[-1], 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "line", "rect", "stop"):
            return
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
        if tag == "table":
            self.table.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Tags:
    tags = _Tags()
    tags.feed(page)
    tags.close()
    assert not tags.stack  # well formed
    return tags


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("iso3", ["THA", "DEU", "KAZ"])
def test_the_sheet_shows_every_figure_brand_and_dealer(iso3: str, lang: str) -> None:
    s = sheet(iso3)
    page = render(s, lang)
    tags = parse(page)
    text = " ".join(tags.text)
    assert page.startswith('<div class="cm-fs')
    assert s.name_en in text and s.name_zh in text and s.iso3 in text
    assert fmt_int(s.units_total) in text and fmt_share(s.nev_share) in text
    for year, units, _ in s.years:
        assert re.search(rf">{year}</text>", page) and f">{fmt_int(units)}</text>" in page
    assert tags.rows["cm-fs-table cm-fs-brand-table"] == len(s.brands) + 2  # head and total
    for brand, units, nev in s.brands:
        assert re.search(
            rf"<td>{re.escape(html.escape(brand))}</td><td class=\"cm-fs-num\">{fmt_int(units)}</td>"
            rf"<td class=\"cm-fs-num\">{fmt_int(nev)}</td>",
            page,
        )
    assert tags.rows["cm-fs-table cm-fs-dealer-table"] == len(s.dealers) + 1
    for name, city, _, brand in s.dealers:
        assert f"<tr><td>{html.escape(name)}</td><td>{html.escape(city)}</td>" in page and brand in text
    assert tags.rows["cm-fs-table cm-fs-route-table"] == len(s.routes) + 1
    default = s.routes[0]
    assert f"{default.days:.1f}" in text and fmt_int(round(default.distance_km)) in text
    for figure in s.figures:
        assert (figure.text_zh if lang == "zh" else figure.text_en) in text
    labels = {"en": [s.label_en], "zh": [s.label_zh], "both": [s.label_en, s.label_zh]}[lang]
    for label in labels:
        assert '<div class="cm-fs-provenance cm-fs-sample">' in page and label in text
    assert page.count('id="cm-fs-map-slot"') == 1
    assert DATE["zh" if lang == "zh" else "en"] in text
    assert "<svg" in page


@pytest.mark.parametrize("lang", LANGS)
def test_headings_are_in_the_sheets_languages(lang: str) -> None:
    strings = {"en": dict(DEFAULT_STRINGS), "zh": {k: f"ZH[{v}]" for k, v in DEFAULT_STRINGS.items()}}
    page = sheet_html(sheet("THA"), strings, lang, ALL, DATE, "")  # type: ignore[arg-type]
    has_en, has_zh = ">Units by brand<" in page, ">ZH[Units by brand]<" in page
    assert (has_en, has_zh) == {"en": (True, False), "zh": (False, True), "both": (True, True)}[lang]
    # the zh parts are marked so the style never makes them bold
    assert ('class="cm-fs-zh" lang="zh">ZH[Units by brand]' in page) == has_zh


def test_the_factsheet_strings_have_every_key_in_both_languages() -> None:
    strings = fact_sheet_strings()
    assert set(strings["en"]) == set(strings["zh"]) == set(DEFAULT_STRINGS)
    assert strings["en"] == DEFAULT_STRINGS


@pytest.mark.parametrize("lang", LANGS)
def test_a_country_without_sales_says_so_and_draws_no_chart(lang: str) -> None:
    data = sample()
    tiny = replace(data, sales=data.sales[data.sales["iso3"].astype("str") != "KAZ"])
    s = build_fact_sheet(tiny, "KAZ")
    assert not s.has_sales and s.dealers
    page = render(s, lang)
    text = " ".join(parse(page).text)
    strings = fact_sheet_strings()
    for key in ("en", "zh") if lang == "both" else (lang,):
        message = strings[key]["no_sales"].format(country=s.name_zh if key == "zh" else s.name_en)
        assert text.count(message) == 2  # by year and by brand
    assert "<svg" not in page and "cm-fs-brand-table" not in page
    assert "cm-fs-dealer-table" in page


def test_sections_left_out_are_absent() -> None:
    s = sheet("DEU")
    marks = {
        "map": 'id="cm-fs-map-slot"',
        "years": "<svg",
        "brands": "cm-fs-brand-table",
        "dealers": "cm-fs-dealer-table",
        "routes": "cm-fs-route-table",
        "figures": "cm-fs-figures",
    }
    for left_out in SECTIONS:
        page = render(s, "both", ALL - {left_out})
        parse(page)
        for section, mark in marks.items():
            assert (mark in page) == (section != left_out), (left_out, section)
    bare = render(s, "en", frozenset())
    assert not any(mark in bare for mark in marks.values()) and s.name_en in bare
    with pytest.raises(ValueError):
        render(s, "en", frozenset({"chart"}))


def test_everything_from_the_data_is_escaped_and_5000_dealers_are_all_rows() -> None:
    data = sample()
    one = data.dealers[data.dealers["iso3"].astype("str") == "THA"].iloc[[0]]
    many = pd.concat([one] * 5000, ignore_index=True)
    many["dealer"] = ["<script>alert(1)</script>"] + [f"Dealer {i:04d} & Sons" for i in range(1, 5000)]
    many["city"] = ['"><img src=x>'] * 5000
    s = build_fact_sheet(replace(data, dealers=many), "THA")
    for lang in LANGS:
        page = render(s, lang)
        tags = parse(page)
        assert "<script" not in page and "<img" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<script>alert(1)</script>" in tags.text  # shown as text
        assert tags.rows["cm-fs-table cm-fs-dealer-table"] == 5001
        assert page.count("&amp; Sons</td>") == 4999


def test_export_pages_link_the_factsheet_style() -> None:
    from corridor_map.mapgen.page import render_html

    assert (PAGE_JS_DIR / FACTSHEET_STYLE).is_file()
    assert FACTSHEET_STYLE in [a.target for a in page_assets()]
    assert FACTSHEET_STYLE not in render_html([], PageOptions(), [])
    assert f'href="assets/{FACTSHEET_STYLE}"' in render_html([], PageOptions(export=True), [])
    style = (PAGE_JS_DIR / FACTSHEET_STYLE).read_text(encoding="utf-8")
    assert "box-shadow: none" in style and "font-synthesis: none" in style
    assert re.search(r"\.cm-fs-zh[^{]*\{ font-weight: normal", style)
