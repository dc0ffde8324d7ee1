"""Regenerate the sales-office corpus in tests/data/office/, its manifest expected.json and README.md.

    /work/main/.venv/bin/python tests/data/office/make_office_files.py

Every file is written from the Python rows below (no randomness); the manifest's totals are computed
from the same rows (each row says what a person expects of it: counted, a total line, hidden, refused),
never by reading the files back. Workbooks are written with openpyxl; the files marked "libreoffice" are
written with openpyxl to a temporary folder and converted (re-saved) by LibreOffice:
``soffice --headless --convert-to xlsx|xls|ods``. Without LibreOffice those files are skipped with a
warning (their manifest entries are kept only when the file is already here from an earlier run).
Zip timestamps and document dates are fixed (LibreOffice runs with SOURCE_DATE_EPOCH) so reruns give the
same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
STAMP = datetime(2025, 1, 6, 9, 30, 0)
ZIP_STAMP = (2025, 1, 6, 9, 30, 0)
ISO_STAMP = "2025-01-06T09:30:00Z"

# -- names -------------------------------------------------------------------------------------------

ZH = {
    "THA": "泰国",
    "VNM": "越南",
    "KAZ": "哈萨克斯坦",
    "RUS": "俄罗斯",
    "MYS": "马来西亚",
    "IDN": "印度尼西亚",
    "LAO": "老挝",
    "MMR": "缅甸",
    "SGP": "新加坡",
    "BRA": "巴西",
    "MEX": "墨西哥",
    "SAU": "沙特阿拉伯",
    "ARE": "阿联酋",
    "TUR": "土耳其",
    "DEU": "德国",
    "POL": "波兰",
    "PHL": "菲律宾",
    "CHL": "智利",
    "UZB": "乌兹别克斯坦",
}
EN = {
    "THA": "Thailand",
    "VNM": "Vietnam",
    "KAZ": "Kazakhstan",
    "RUS": "Russia",
    "MYS": "Malaysia",
    "IDN": "Indonesia",
    "LAO": "Laos",
    "MMR": "Myanmar",
    "SGP": "Singapore",
    "BRA": "Brazil",
    "MEX": "Mexico",
    "SAU": "Saudi Arabia",
    "ARE": "United Arab Emirates",
    "TUR": "Türkiye",
    "DEU": "Germany",
    "POL": "Poland",
    "PHL": "Philippines",
    "CHL": "Chile",
    "PER": "Peru",
    "COL": "Colombia",
    "ECU": "Ecuador",
    "HUN": "Hungary",
    "CZE": "Czechia",
    "SVK": "Slovakia",
    "ESP": "Spain",
    "ITA": "Italy",
    "FRA": "France",
    "AUT": "Austria",
    "BEL": "Belgium",
    "CHE": "Switzerland",
    "CIV": "Côte d'Ivoire",
    "BLR": "Belarus",
    "KGZ": "Kyrgyzstan",
    "UZB": "Uzbekistan",
    "JPN": "Japan",
    "EGY": "Egypt",
    "IRQ": "Iraq",
    "JOR": "Jordan",
    "QAT": "Qatar",
    "KWT": "Kuwait",
    "OMN": "Oman",
}
# The World Bank's spellings (World Development Indicators exports).
WB = {
    "HKG": "Hong Kong SAR, China",
    "YEM": "Yemen, Rep.",
    "VEN": "Venezuela, RB",
    "EGY": "Egypt, Arab Rep.",
    "IRN": "Iran, Islamic Rep.",
    "KOR": "Korea, Rep.",
    "LAO": "Lao PDR",
    "COD": "Congo, Dem. Rep.",
    "GMB": "Gambia, The",
    "RUS": "Russian Federation",
    "TUR": "Turkiye",
    "VNM": "Viet Nam",
    "KGZ": "Kyrgyz Republic",
    "SVK": "Slovak Republic",
    "SYR": "Syrian Arab Republic",
}

# -- rows and what a person expects of them -----------------------------------------------------------

DATA, HEADER, TITLE, BLANK, TOTAL, HIDDEN, REFUSED, NOTE = (
    "data",
    "header",
    "title",
    "blank",
    "total",
    "hidden",
    "refused",
    "note",
)


@dataclass
class Row:
    """One sheet row or CSV line, and what a person expects of it."""

    cells: list[Any]
    role: str = DATA
    iso3: str | None = None
    units: int = 0
    nev: int | None = None
    period: str | None = None  # YYYY-MM of a month file's row
    spread: dict[str, int] | None = None  # wide tables: units per year or per month column
    extra: dict[str, int] = field(default_factory=dict)  # other summed columns (批发量, 金额) for totals
    field_name: str = ""
    why: str = ""

    def total_units(self) -> int:
        return sum(self.spread.values()) if self.spread else self.units


def data(
    cells: list[Any],
    iso3: str,
    units: int = 0,
    *,
    nev: int | None = None,
    period: str | None = None,
    spread: dict[str, int] | None = None,
    extra: dict[str, int] | None = None,
) -> Row:
    return Row(list(cells), DATA, iso3, units, nev, period, spread, extra or {})


def header(*cells: Any) -> Row:
    return Row(list(cells), HEADER)


def title(*cells: Any) -> Row:
    return Row(list(cells), TITLE)


def blank(width: int = 0) -> Row:
    return Row([""] * width, BLANK)


def total(*cells: Any) -> Row:
    return Row(list(cells), TOTAL)


def hidden(cells: list[Any], iso3: str | None = None, units: int = 0) -> Row:
    """A row hidden in Excel (voided or filtered out): not counted."""
    return Row(list(cells), HIDDEN, iso3, units)


def refused(cells: list[Any], field_name: str, why: str) -> Row:
    return Row(list(cells), REFUSED, field_name=field_name, why=why)


@dataclass(frozen=True)
class Fmt:
    """A workbook cell with a number format."""

    value: Any
    number_format: str


@dataclass(frozen=True)
class Sub:
    """A (sub)total cell: the sum of the counted rows above it, or a SUBTOTAL formula in LibreOffice files."""

    attr: str = "units"
    grand: bool = False


GRAND = Sub(grand=True)


@dataclass
class Sheet:
    name: str
    rows: list[Row] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)
    widths: tuple[float, ...] = ()
    autofilter: bool = False
    filter_column: tuple[int, tuple[str, ...]] | None = None  # 0-based column, values shown

    def add(self, row: Row) -> int:
        """Append ``row``; its 1-based sheet row number."""
        self.rows.append(row)
        return len(self.rows)

    def merge_down(self, col: str, first: int, last: int) -> None:
        if last > first:
            self.merges.append(f"{col}{first}:{col}{last}")


@dataclass
class Spec:
    """One file of the corpus."""

    file: str
    kind: str  # sales | dealers
    problem: str
    made_by: str  # openpyxl | libreoffice | text
    what: str
    sheets: list[Sheet] = field(default_factory=list)
    lines: list[Row] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str = ","
    quote_all: bool = False
    newline: str = "\r\n"
    months: bool = False
    nev: bool = False
    refuse_file: bool = False
    utf8_lines: int = 0  # mixed-encoding file: this many lines in UTF-8, the rest in GB18030
    wrong_dimension: bool = False

    @property
    def data_sheet(self) -> Sheet | None:
        for sheet in self.sheets:
            if any(r.role == HEADER for r in sheet.rows):
                return sheet
        return None

    @property
    def table(self) -> list[Row]:
        sheet = self.data_sheet
        return sheet.rows if sheet else self.lines


class Q:
    """Fixed, irregular-looking quantities (a deterministic sequence, not random)."""

    def __init__(self, seed: int) -> None:
        self.i = seed * 37

    def __call__(self, scale: int = 2000, low: int = 12) -> int:
        self.i += 1
        return low + (self.i * 7_919 + 3_571) % scale


def resolve(rows: list[Row], formulas: bool) -> list[list[Any]]:
    """The cells of ``rows`` with each :class:`Sub` replaced by its sum (or SUBTOTAL formula)."""
    header_at = next((i for i, r in enumerate(rows) if r.role == HEADER), 0)
    out: list[list[Any]] = []
    for i, row in enumerate(rows):
        cells: list[Any] = []
        for c, value in enumerate(row.cells):
            if isinstance(value, Sub):
                start = header_at + 1
                if not value.grand:
                    for j in range(i - 1, header_at, -1):
                        if rows[j].role == TOTAL:
                            start = j + 1
                            break
                if formulas:
                    col = get_column_letter(c + 1)
                    cells.append(f"=SUBTOTAL(109,{col}{start + 1}:{col}{i})")
                else:
                    cells.append(sum(_attr(r, value.attr) for r in rows[start:i] if r.role == DATA))
            else:
                cells.append(value)
        out.append(cells)
    return out


def _attr(row: Row, name: str) -> int:
    if name == "units":
        return row.units
    if name == "nev":
        return row.nev or 0
    return row.extra[name]


# -- the files ----------------------------------------------------------------------------------------


def title_rows_files() -> list[Spec]:
    q = Q(1)
    s = Sheet("2024年", widths=(14, 12, 8, 10, 10))
    s.add(title("2024年海外销量汇总"))
    s.merges.append("A1:E1")
    s.add(title("单位：辆", None, None, None, "制表：海外营销部"))
    s.add(blank())
    s.add(header("国家", "品牌", "年份", "动力类型", "销量"))
    plan = [
        ("THA", "长安", "燃油"),
        ("THA", "深蓝", "新能源"),
        ("VNM", "长安", "燃油"),
        ("VNM", "深蓝", "新能源"),
        ("MYS", "深蓝", "新能源"),
        ("MYS", "阿维塔", "新能源"),
        ("IDN", "长安", "燃油"),
        ("PHL", "长安", "燃油"),
        ("KAZ", "长安", "燃油"),
        ("RUS", "长安", "燃油"),
        ("RUS", "长安凯程", "燃油"),
        ("SAU", "长安", "燃油"),
        ("ARE", "阿维塔", "新能源"),
    ]
    for iso, brand, pt in plan:
        u = q(3000)
        s.add(data([ZH[iso], brand, 2024, pt, u], iso, u))
    zh = Spec(
        "sales_title_rows_zh.xlsx",
        "sales",
        "title_rows",
        "openpyxl",
        "Title '2024年海外销量汇总' merged over A1:E1, a unit line '单位：辆', a blank row, header on row 4",
        sheets=[s],
    )

    s = Sheet("Q1 2024", widths=(22, 12, 12, 12, 10))
    s.add(title("Overseas sales report – Q1 2024"))
    s.merges.append("A1:E1")
    s.add(title("Source: Overseas Sales Department, Chongqing"))
    s.add(title("Units: vehicles"))
    s.add(blank())
    s.add(blank())
    s.add(header("Market", "Brand", "Month", "Powertrain", "Units"))
    plan2 = [
        ("DEU", "Deepal", "BEV"),
        ("DEU", "Avatr", "BEV"),
        ("POL", "Changan", "ICE"),
        ("TUR", "Changan", "ICE"),
        ("SAU", "Changan", "ICE"),
        ("ARE", "Deepal", "PHEV"),
        ("MEX", "Changan", "ICE"),
        ("BRA", "Deepal", "BEV"),
    ]
    for month in (1, 2, 3):
        for iso, brand, pt in plan2:
            u = q(900)
            cell = Fmt(datetime(2024, month, 1), "mmm yyyy")
            s.add(data([EN[iso], brand, cell, pt, u], iso, u, period=f"2024-{month:02d}"))
    en = Spec(
        "sales_title_rows_en_lo.xlsx",
        "sales",
        "title_rows",
        "libreoffice",
        "Three title lines (report name, source, 'Units: vehicles') and two blank rows above the header "
        "on row 6; Month as real dates shown 'Jan 2024'; re-saved by LibreOffice",
        sheets=[s],
        months=True,
    )

    s = Sheet("经销商名录", widths=(22, 12, 10, 12, 10, 10, 8, 30, 18))
    s.add(title("长安汽车海外经销商名录"))
    s.merges.append("A1:I1")
    s.add(title("更新日期：2024年6月30日"))
    s.add(blank())
    s.add(header("经销商", "国家", "品牌", "城市", "纬度", "经度", "类型", "地址", "电话"))
    dealers = [
        (
            "曼谷长安旗舰店",
            "THA",
            "长安",
            "曼谷",
            13.7563,
            100.5018,
            "4S店",
            "Rama IX Rd 88",
            "+66 2 000 0101",
        ),
        (
            "清迈深蓝体验中心",
            "THA",
            "深蓝",
            "清迈",
            18.7883,
            98.9853,
            "销售",
            "Huay Kaew Rd 21",
            "+66 53 000 102",
        ),
        (
            "河内长安汽车",
            "VNM",
            "长安",
            "河内",
            21.0278,
            105.8342,
            "4S店",
            "Pham Hung 15",
            "+84 24 0000 0103",
        ),
        (
            "胡志明市深蓝",
            "VNM",
            "深蓝",
            "胡志明市",
            10.8231,
            106.6297,
            "销售",
            "Nguyen Van Linh 9",
            "+84 28 0000 0104",
        ),
        (
            "阿拉木图长安中心",
            "KAZ",
            "长安",
            "阿拉木图",
            43.2220,
            76.8512,
            "4S店",
            "Al-Farabi Ave 77",
            "+7 727 000 0105",
        ),
        (
            "阿斯塔纳长安售后",
            "KAZ",
            "长安",
            "阿斯塔纳",
            51.1605,
            71.4704,
            "售后",
            "Kabanbay Batyr 5",
            "+7 7172 00 0106",
        ),
        (
            "莫斯科长安",
            "RUS",
            "长安",
            "莫斯科",
            55.7558,
            37.6173,
            "4S店",
            "Leningradsky pr. 39",
            "+7 495 000 0107",
        ),
        ("喀山长安", "RUS", "长安", "喀山", 55.7963, 49.1088, "销售", "Pobedy pr. 100", "+7 843 000 0108"),
        (
            "吉隆坡深蓝",
            "MYS",
            "深蓝",
            "吉隆坡",
            3.1390,
            101.6869,
            "4S店",
            "Jalan Ampang 50",
            "+60 3 0000 0109",
        ),
        (
            "雅加达长安",
            "IDN",
            "长安",
            "雅加达",
            -6.2088,
            106.8456,
            "销售",
            "Jl. Sudirman 12",
            "+62 21 0000 0110",
        ),
        (
            "万象长安凯程",
            "LAO",
            "长安凯程",
            "万象",
            17.9757,
            102.6331,
            "4S店",
            "Kaysone Rd 3",
            "+856 21 000 111",
        ),
        ("仰光长安凯程", "MMR", "长安凯程", "仰光", 16.8409, 96.1735, "售后", "Pyay Rd 45", "+95 1 000 0112"),
        (
            "新加坡阿维塔",
            "SGP",
            "阿维塔",
            "新加坡",
            1.3521,
            103.8198,
            "销售",
            "Leng Kee Rd 30",
            "+65 6000 0113",
        ),
        ("马尼拉长安", "PHL", "长安", "马尼拉", 14.5995, 120.9842, "4S店", "EDSA 1200", "+63 2 0000 0114"),
        (
            "利雅得长安",
            "SAU",
            "长安",
            "利雅得",
            24.7136,
            46.6753,
            "4S店",
            "King Fahd Rd 7",
            "+966 11 000 0115",
        ),
        ("迪拜长安", "ARE", "长安", "迪拜", 25.2048, 55.2708, "销售", "Sheikh Zayed Rd 2", "+971 4 000 0116"),
    ]
    for i, d in enumerate(dealers):
        name, iso, brand, city, lat, lon, kind, addr, phone = d
        s.add(data([name, ZH[iso], brand, city, lat, lon, kind, addr, phone], iso))
        if i == 11:
            s.add(
                refused(
                    ["待定网点（筹建中）", "其他", "长安", None, None, None, "销售", None, None],
                    "country",
                    "country '其他' (other) is not a country",
                )
            )
    dz = Spec(
        "dealers_title_rows_zh.xlsx",
        "dealers",
        "title_rows",
        "openpyxl",
        "Dealer directory: title '长安汽车海外经销商名录' merged over A1:I1, '更新日期' line, blank row, "
        "header on "
        "row 4; one planned outlet with country '其他'",
        sheets=[s],
    )

    lines = [
        title("2024年上半年海外销量明细", "", "", "", ""),
        title("单位：辆", "", "", "", ""),
        blank(5),
        header("国家", "品牌", "期间", "销量", "金额"),
    ]
    plan3 = [("THA", "长安"), ("VNM", "深蓝"), ("KAZ", "长安"), ("RUS", "长安凯程"), ("MYS", "阿维塔")]
    for month in (1, 3, 5):
        for iso, brand in plan3:
            u = q(700)
            lines.append(
                data([ZH[iso], brand, f"2024-{month:02d}", u, u * 98_000], iso, u, period=f"2024-{month:02d}")
            )
    csv_zh = Spec(
        "sales_title_rows_zh.csv",
        "sales",
        "title_rows",
        "text",
        "CSV (UTF-8 with BOM) whose first lines are a title and '单位：辆' padded with commas, then a "
        "line of "
        "commas, header on line 4",
        lines=lines,
        encoding="utf-8-sig",
        months=True,
    )
    return [zh, en, dz, csv_zh]


def subtotals_files() -> list[Spec]:
    q = Q(2)
    s = Sheet("2024", widths=(16, 12, 8, 10, 14))
    s.add(header("国家", "品牌", "年份", "销量", "金额"))
    blocks: list[tuple[str, list[str], list[Any]]] = [
        ("THA", ["长安", "深蓝", "阿维塔"], ["泰国", "小计", None, Sub(), Sub("value")]),
        ("VNM", ["长安", "深蓝"], ["越南 合计", None, None, Sub(), Sub("value")]),
        ("RUS", ["长安", "长安凯程", "东风小康"], ["俄罗斯", "小计", 2024, Sub(), Sub("value")]),
        ("KAZ", ["长安", "鑫源"], ["哈萨克斯坦 汇总", None, None, Sub(), Sub("value")]),
        ("MEX", ["长安", "深蓝"], ["小计", None, None, Sub(), Sub("value")]),
    ]
    for iso, brands, sub in blocks:
        for brand in brands:
            u = q(2500, 50)
            v = u * 86_000
            s.add(data([ZH[iso], brand, 2024, u, v], iso, u, extra={"value": v}))
        s.add(total(*sub))
    s.add(total("总计", None, None, GRAND, Sub("value", grand=True)))
    zh = Spec(
        "sales_subtotals_zh.xlsx",
        "sales",
        "subtotals",
        "openpyxl",
        "Country blocks each closed by a subtotal line ('泰国 | 小计', '越南 合计', '哈萨克斯坦 汇总', "
        "'小计' "
        "alone) and a '总计' line at the bottom",
        sheets=[s],
    )

    s = Sheet("Sales by market", widths=(18, 16, 8, 10))
    s.add(header("Country", "Make", "Year", "Quantity"))
    blocks2: list[tuple[str, list[str], list[Any]]] = [
        ("MEX", ["Changan", "Deepal", "Changan Kaicene"], ["Mexico", "Subtotal", None, Sub()]),
        ("BRA", ["Changan", "Deepal"], ["Brazil", "Subtotal", None, Sub()]),
        ("CHL", ["Changan", "Changan Kaicene"], ["Chile Total", None, None, Sub()]),
        ("SAU", ["Changan", "Avatr"], ["Saudi Arabia", "Sum", None, Sub()]),
        ("ARE", ["Avatr", "Deepal"], ["Total", None, None, Sub()]),
    ]
    for iso, brands, sub in blocks2:
        for brand in brands:
            u = q(1800, 30)
            s.add(data([EN[iso], brand, 2024, u], iso, u))
        s.add(total(*sub))
    s.add(total("Grand total", None, None, GRAND))
    en = Spec(
        "sales_subtotals_en_lo.xlsx",
        "sales",
        "subtotals",
        "libreoffice",
        "Per-country 'Subtotal' / 'Sum' in the Make column, 'Chile Total' and 'Total' in Country, 'Grand "
        "total' "
        "last; the total lines are SUBTOTAL formulas LibreOffice computed and cached",
        sheets=[s],
    )

    lines = [header("Country", "Brand", "Year", "Units")]
    for iso, brands in (
        ("BRA", ["Changan", "Deepal"]),
        ("COL", ["Changan", "DFSK"]),
        ("PER", ["Changan", "Changan Kaicene", "DFSK"]),
        ("ECU", ["Changan"]),
    ):
        for brand in brands:
            u = q(1500, 20)
            lines.append(data([EN[iso], brand, 2024, u], iso, u))
        lines.append(total(f"{EN[iso]} Total", "", "", Sub()))
    lines.append(total("Grand Total", "", "", GRAND))
    csv_en = Spec(
        "sales_subtotals_en.csv",
        "sales",
        "subtotals",
        "text",
        "Pivot-table export to CSV: '<Country> Total' after each country, 'Grand Total' last",
        lines=lines,
        encoding="utf-8",
    )
    return [zh, en, csv_en]


def merged_files() -> list[Spec]:
    q = Q(3)
    s = Sheet("出口明细", widths=(14, 12, 10, 8, 10))
    s.add(header("国家", "品牌", "动力类型", "年份", "销量"))
    blocks: list[tuple[str, list[tuple[str, str]]]] = [
        ("THA", [("长安", "燃油"), ("长安", "新能源"), ("深蓝", "新能源"), ("阿维塔", "新能源")]),
        ("VNM", [("长安", "燃油"), ("深蓝", "新能源"), ("东风小康", "燃油")]),
        ("MYS", [("深蓝", "新能源"), ("阿维塔", "新能源")]),
        ("IDN", [("长安", "燃油")]),
        ("KAZ", [("长安", "燃油"), ("长安", "新能源"), ("鑫源", "燃油")]),
        ("RUS", [("长安", "燃油"), ("长安", "新能源"), ("长安凯程", "燃油"), ("东风小康", "燃油")]),
        ("UZB", [("长安", "燃油"), ("庆铃", "燃油")]),
    ]
    first_data = len(s.rows) + 1
    for iso, items in blocks:
        start = len(s.rows) + 1
        prev_brand, brand_start = None, start
        for brand, pt in items:
            u = q(2600, 40)
            r = s.add(data([ZH[iso], brand, pt, 2024, u], iso, u))
            if brand != prev_brand:
                s.merge_down("B", brand_start, r - 1)
                prev_brand, brand_start = brand, r
        end = len(s.rows)
        s.merge_down("B", brand_start, end)
        s.merge_down("A", start, end)
    s.merge_down("D", first_data, len(s.rows))
    zh = Spec(
        "sales_merged_country_zh.xlsx",
        "sales",
        "merged",
        "openpyxl",
        "国家 merged down over each country's rows, 品牌 merged over its 燃油/新能源 pair, 年份 2024 merged "
        "down the whole table",
        sheets=[s],
    )

    s = Sheet("Europe 2024", widths=(14, 12, 12, 8, 10, 28))
    s.add(header("Market", "Brand", "Powertrain", "Year", "Units", "Comment"))
    blocks2: list[tuple[str, list[tuple[str, str, str]]]] = [
        ("DEU", [("Deepal", "BEV", ""), ("Avatr", "BEV", ""), ("Deepal", "EREV", "void – duplicate entry")]),
        ("POL", [("Changan", "ICE", "cancelled order"), ("Changan", "PHEV", ""), ("Deepal", "BEV", "")]),
        ("HUN", [("Changan", "ICE", ""), ("Deepal", "BEV", "")]),
        ("TUR", [("Changan", "ICE", ""), ("Changan", "PHEV", ""), ("Deepal", "BEV", "")]),
        ("CZE", [("Changan", "ICE", "")]),
    ]
    for iso, items in blocks2:
        start = len(s.rows) + 1
        for brand, pt, comment in items:
            u = q(1200, 20)
            cells = [EN[iso], brand, pt, 2024, u, comment or None]
            s.add(hidden(cells, iso, u) if comment else data(cells, iso, u))
        s.merge_down("A", start, len(s.rows))
    en = Spec(
        "sales_merged_hidden_lo.xlsx",
        "sales",
        "merged",
        "libreoffice",
        "Market merged down over each country's rows; two voided rows hidden, one of them the first row of "
        "Poland's merged range (the merged value still counts for Poland's visible rows); re-saved by "
        "LibreOffice",
        sheets=[s],
    )
    return [zh, en]


def hidden_files() -> list[Spec]:
    q = Q(4)
    s = Sheet("明细", widths=(14, 12, 10, 10, 20))
    s.add(header("国家", "品牌", "期间", "销量", "备注"))
    plan = [
        ("THA", "长安", 1, ""),
        ("THA", "深蓝", 1, ""),
        ("VNM", "长安", 1, "作废"),
        ("VNM", "长安", 1, "补录"),
        ("LAO", "长安凯程", 1, ""),
        ("MMR", "长安凯程", 1, ""),
        ("THA", "长安", 2, ""),
        ("THA", "深蓝", 2, "作废（重复）"),
        ("VNM", "深蓝", 2, ""),
        ("LAO", "长安凯程", 2, ""),
        ("MMR", "长安", 2, ""),
        ("THA", "长安", 3, ""),
        ("THA", "阿维塔", 3, ""),
        ("VNM", "长安", 3, ""),
        ("LAO", "长安", 3, "作废：客户退订"),
        ("MMR", "长安凯程", 3, ""),
        ("SGP", "阿维塔", 3, ""),
    ]
    for iso, brand, month, note in plan:
        u = q(800, 10)
        cells = [ZH[iso], brand, f"2024-{month:02d}", u, note or None]
        if note.startswith("作废"):
            s.add(hidden(cells, iso, u))
        else:
            s.add(data(cells, iso, u, period=f"2024-{month:02d}"))
    zh = Spec(
        "sales_hidden_voided_zh.xlsx",
        "sales",
        "hidden",
        "openpyxl",
        "Monthly lines with three voided rows (备注 '作废…') hidden in Excel; 备注 '补录' rows stay visible",
        sheets=[s],
        months=True,
    )

    s = Sheet("Shipments", widths=(20, 12, 8, 10, 12), autofilter=True, filter_column=(4, ("Shipped",)))
    s.add(header("Country", "Brand", "Year", "Units", "Status"))
    plan2 = [
        ("SAU", "Changan", "Shipped"),
        ("SAU", "Avatr", "Cancelled"),
        ("ARE", "Deepal", "Shipped"),
        ("ARE", "Avatr", "Shipped"),
        ("EGY", "Changan", "On hold"),
        ("EGY", "Changan", "Shipped"),
        ("IRQ", "Changan", "Shipped"),
        ("JOR", "Deepal", "Shipped"),
        ("QAT", "Avatr", "Cancelled"),
        ("QAT", "Changan", "Shipped"),
        ("KWT", "Changan", "Shipped"),
        ("KWT", "Deepal", "On hold"),
        ("SAU", "Deepal", "Shipped"),
        ("ARE", "Changan", "Shipped"),
    ]
    for iso, brand, status in plan2:
        u = q(1500, 20)
        cells = [EN[iso], brand, 2024, u, status]
        s.add(data(cells, iso, u) if status == "Shipped" else hidden(cells, iso, u))
    en = Spec(
        "sales_autofilter_en.xlsx",
        "sales",
        "hidden",
        "openpyxl",
        "AutoFilter on Status showing only 'Shipped': the 'Cancelled' and 'On hold' rows are hidden by "
        "the filter",
        sheets=[s],
    )
    return [zh, en]


NOTES_ZH = [
    "填表说明",
    "1. 本表统计2024年各国出口销量，单位：辆。",
    "2. 数据来源：海外营销部月报，统计口径为出口报关数。",
    "3. 如有疑问请联系海外营销部数据组。",
]


def sheet_files() -> list[Spec]:
    q = Q(5)
    notes = Sheet("说明", widths=(60,))
    for line in NOTES_ZH:
        notes.add(Row([line], NOTE))
    s = Sheet("销量明细", widths=(14, 12, 8, 10, 14))
    s.add(header("国家/地区", "品牌", "年份", "销量", "金额（元）"))
    for iso in ("BRA", "MEX", "CHL", "SAU", "ARE", "TUR", "DEU", "POL"):
        for brand in ("长安", "深蓝"):
            u = q(1600, 15)
            s.add(data([ZH[iso], brand, 2024, u, u * 92_000], iso, u))
    zh = Spec(
        "sales_notes_first_zh.xlsx",
        "sales",
        "sheet",
        "openpyxl",
        "First sheet '说明' holds four lines of notes; the table is on the second sheet '销量明细'",
        sheets=[notes, s],
    )

    notes = Sheet("Read me", widths=(70,))
    for line in (
        "Overseas sales 2024 – data extract",
        "Prepared by the Overseas Sales Department for the regional offices.",
        "The figures are export shipments in vehicles; see the next sheet.",
        "Questions: overseas-sales@example.com",
    ):
        notes.add(Row([line], NOTE))
    s = Sheet("Data", widths=(20, 12, 8, 8, 10, 14))
    s.add(header("Country", "Make", "Year", "Fuel", "Qty", "Amount"))
    for iso in ("THA", "VNM", "MYS", "IDN", "PHL", "SGP"):
        for brand, fuel in (("Changan", "ICE"), ("Deepal", "BEV")):
            u = q(1400, 15)
            s.add(data([EN[iso], brand, 2024, fuel, u, u * 95_000], iso, u))
    en = Spec(
        "sales_notes_first_en_lo.xlsx",
        "sales",
        "sheet",
        "libreoffice",
        "A 'Read me' sheet of text first, the table on the second sheet 'Data'; re-saved by LibreOffice",
        sheets=[notes, s],
    )
    return [zh, en, *everything_files()]


def everything_files() -> list[Spec]:
    """The Chinese report with every problem at once (openpyxl, and the same re-saved by LibreOffice)."""
    notes = Sheet("说明", widths=(60,))
    for line in (
        "填表说明",
        "1. 本表统计2024年各国出口销量，单位：辆。",
        "2. 批发量为发往当地经销商的数量，仅供参考。",
        "3. 作废记录已隐藏，请勿删除。",
        "4. 新能源含纯电、插电混动及增程。",
        "联系人：海外营销部数据组",
    ):
        notes.add(Row([line], NOTE))
    s = Sheet("数据", widths=(14, 12, 8, 10, 10, 10, 24))
    s.add(title("长安汽车2024年海外市场销量统计表"))
    s.merges.append("A1:G1")
    s.add(title("制表单位：海外营销部", None, None, None, None, "制表日期：2025年1月6日"))
    s.add(title(None, None, None, None, None, None, "单位：辆"))
    s.add(header("国家", "品牌", "年份", "批发量", "销量", "新能源", "备注"))
    # (brand, wholesale, units, nev, note); a note starting 作废 is a hidden voided row
    blocks: list[tuple[str, list[tuple[str, int, int, int, str]]]] = [
        (
            "THA",
            [
                ("长安", 2350, 2210, 640, ""),
                ("深蓝", 1820, 1765, 1765, ""),
                ("阿维塔", 410, 398, 398, "作废：重复录入"),
                ("阿维塔", 415, 402, 402, ""),
            ],
        ),
        (
            "RUS",
            [("长安", 8800, 8650, 1200, ""), ("长安凯程", 1300, 1288, 0, ""), ("东风小康", 760, 744, 0, "")],
        ),
        (
            "MYS",
            [
                ("深蓝", 980, 955, 955, ""),
                ("长安", 620, 611, 120, "含试驾车20辆"),
                ("长安", 300, 300, 0, "作废"),
            ],
        ),
        ("KAZ", [("长安", 3100, 3020, 310, ""), ("鑫源", 450, 446, 0, "")]),
        ("VNM", [("长安", 1500, 1466, 280, "")]),
    ]
    for iso, items in blocks:
        start = len(s.rows) + 1
        for brand, wholesale, units, nev, note in items:
            cells = [ZH[iso], brand, 2024, wholesale, units, nev, note or None]
            if note.startswith("作废"):
                s.add(hidden(cells, iso, units))
            else:
                s.add(data(cells, iso, units, nev=nev, extra={"wholesale": wholesale}))
        s.add(total(ZH[iso], "小计", None, Sub("wholesale"), Sub(), Sub("nev"), None))
        s.merge_down("A", start, len(s.rows))
    s.add(total("合计", None, None, Sub("wholesale", True), GRAND, Sub("nev", True), None))
    what = (
        "Notes sheet '说明' first; sheet '数据': merged title, '制表…' line, '单位：辆' in G3, header on "
        "row 4, "
        "国家 merged over each block, '小计' per country, '合计' last, two hidden voided rows, 批发量 "
        "and 备注 "
        "to ignore, 新能源 NEV split"
    )
    return [
        Spec("sales_everything_zh.xlsx", "sales", "sheet", "openpyxl", what, sheets=[notes, s], nev=True),
        Spec(
            "sales_everything_zh_lo.xlsx",
            "sales",
            "sheet",
            "libreoffice",
            what + "; re-saved by LibreOffice, totals as cached SUBTOTAL formulas",
            sheets=[notes, s],
            nev=True,
        ),
    ]


def _serial(year: int, month: int, day: int = 1) -> int:
    return (datetime(year, month, day) - datetime(1899, 12, 30)).days


def months_files() -> list[Spec]:
    q = Q(6)
    specs: list[Spec] = []

    s = Sheet("月度", widths=(14, 12, 14, 10))
    s.add(header("国家", "品牌", "月份", "销量"))
    cells_by_period: list[tuple[str, str, Any, str]] = [
        ("THA", "长安", Fmt(datetime(2024, 1, 1), "yyyy-mm"), "2024-01"),
        ("VNM", "深蓝", Fmt(datetime(2024, 1, 31), "yyyy/m/d"), "2024-01"),
        ("MYS", "长安", Fmt(datetime(2024, 2, 1), 'yyyy"年"m"月"'), "2024-02"),
        ("IDN", "长安", Fmt(datetime(2024, 2, 29), "mmm-yy"), "2024-02"),
        ("IDN", "阿维塔", _serial(2024, 3), "2024-03"),
        ("THA", "深蓝", _serial(2024, 4), "2024-04"),
        ("PHL", "长安", "Mar-24", "2024-03"),
        ("SGP", "阿维塔", "2024-03", "2024-03"),
        ("LAO", "长安凯程", "2024/3/1", "2024-03"),
        ("MMR", "长安凯程", "2024年3月", "2024-03"),
        ("THA", "长安", "Apr-24", "2024-04"),
        ("VNM", "长安", "2024-04", "2024-04"),
        ("MYS", "深蓝", "2024/4/1", "2024-04"),
        ("IDN", "长安", "2024年4月", "2024-04"),
        ("PHL", "长安", Fmt(datetime(2024, 5, 1), "yyyy-mm"), "2024-05"),
        ("SGP", "深蓝", _serial(2024, 5), "2024-05"),
        ("LAO", "长安", "May-24", "2024-05"),
        ("MMR", "长安凯程", "2024年5月", "2024-05"),
    ]
    for iso, brand, cell, period in cells_by_period:
        u = q(600, 10)
        s.add(data([ZH[iso], brand, cell, u], iso, u, period=period))
    specs.append(
        Spec(
            "sales_months_mixed_zh.xlsx",
            "sales",
            "months",
            "openpyxl",
            "月份 column mixing real date cells (yyyy-mm, yyyy/m/d, yyyy年m月, mmm-yy), Excel serial numbers "
            "(45352 = 2024-03-01) and text 'Mar-24', '2024-03', '2024/3/1', '2024年3月'",
            sheets=[s],
            months=True,
        )
    )

    s = Sheet("分月", widths=(14, 12, 8, 8, 10, 10))
    s.add(header("国家", "品牌", "年份", "月份", "销量", "动力类型"))
    for year, month in ((2023, 11), (2023, 12), (2024, 1), (2024, 2), (2024, 3)):
        for iso, brand, pt in (("KAZ", "长安", "燃油"), ("RUS", "长安", "燃油"), ("UZB", "深蓝", "新能源")):
            u = q(1500, 30)
            s.add(data([ZH[iso], brand, year, f"{month}月", u, pt], iso, u, period=f"{year}-{month:02d}"))
    specs.append(
        Spec(
            "sales_months_year_and_month_lo.xlsx",
            "sales",
            "months",
            "libreoffice",
            "年份 (2023, 2024) beside 月份 written '11月', '12月', '1月'…; re-saved by LibreOffice",
            sheets=[s],
            months=True,
        )
    )

    lines = [header("Country", "Brand", "Month", "Units")]
    us_dates = [
        ("MEX", "Changan", "1/3/2024"),
        ("MEX", "Deepal", "1/15/2024"),
        ("BRA", "Changan", "1/8/2024"),
        ("CHL", "Changan", "2/6/2024"),
        ("PER", "Changan", "2/12/2024"),
        ("COL", "DFSK", "2/1/2024"),
        ("MEX", "Changan", "3/4/2024"),
        ("BRA", "Deepal", "3/11/2024"),
        ("CHL", "Changan Kaicene", "3/28/2024"),
        ("PER", "Deepal", "4/2/2024"),
        ("COL", "Changan", "4/10/2024"),
        ("ECU", "Changan", "4/5/2024"),
        ("MEX", "Avatr", "5/7/2024"),
        ("BRA", "Changan", "5/9/2024"),
    ]
    for iso, brand, text in us_dates:
        m, _d, y = (int(p) for p in text.split("/"))
        u = q(900, 10)
        lines.append(data([EN[iso], brand, text, u], iso, u, period=f"{y}-{m:02d}"))
    specs.append(
        Spec(
            "sales_months_us.csv",
            "sales",
            "months",
            "text",
            "US month-first dates in Month ('1/3/2024' = 3 January); '1/15/2024' and '3/28/2024' prove "
            "month-first",
            lines=lines,
            encoding="utf-8",
            months=True,
        )
    )

    lines = [header("Country", "Brand", "Month", "Units")]
    eu_dates = [
        ("DEU", "Deepal", "15/01/2024"),
        ("DEU", "Avatr", "01/02/2024"),
        ("POL", "Changan", "03/04/2024"),
        ("HUN", "Changan", "28/03/2024"),
        ("ESP", "Deepal", "12/05/2024"),
        ("ITA", "Deepal", "02/01/2024"),
        ("POL", "Deepal", "05/02/2024"),
        ("DEU", "Deepal", "07/03/2024"),
        ("HUN", "Deepal", "10/04/2024"),
        ("ESP", "Changan", "09/05/2024"),
        ("ITA", "Avatr", "01/06/2024"),
        ("CZE", "Changan", "30/06/2024"),
    ]
    for iso, brand, text in eu_dates:
        _d, m, y = (int(p) for p in text.split("/"))
        u = q(400, 5)
        lines.append(data([EN[iso], brand, text, u], iso, u, period=f"{y}-{m:02d}"))
    specs.append(
        Spec(
            "sales_months_dayfirst.csv",
            "sales",
            "months",
            "text",
            "European CSV (semicolons) with day-first dates in Month ('01/02/2024' = 1 February); "
            "'15/01/2024', "
            "'28/03/2024' and '30/06/2024' prove day-first",
            lines=lines,
            encoding="utf-8",
            delimiter=";",
            months=True,
        )
    )

    lines = [header("Country", "Brand", "Month", "Units")]
    for iso, brand, text in (
        ("SAU", "Changan", "3/4/2024"),
        ("ARE", "Deepal", "5/6/2024"),
        ("SAU", "Avatr", "2024-02"),
        ("QAT", "Changan", "1/2/2024"),
        ("KWT", "Changan", "7/8/2024"),
        ("ARE", "Changan", "2024-02"),
        ("OMN", "Changan", "10/11/2024"),
        ("SAU", "Deepal", "4/3/2024"),
    ):
        u = q(500, 10)
        if "/" in text:
            lines.append(
                refused(
                    [EN[iso], brand, text, u],
                    "period",
                    f"'{text}' could be day/month or month/day and nothing in the file decides which",
                )
            )
        else:
            lines.append(data([EN[iso], brand, text, u], iso, u, period=text))
    specs.append(
        Spec(
            "sales_months_undecidable.csv",
            "sales",
            "months",
            "text",
            "Month holds only d/m/y-or-m/d/y dates whose both parts are ≤ 12 ('3/4/2024', '5/6/2024'…): "
            "those "
            "rows refused; two rows written '2024-02' are fine",
            lines=lines,
            encoding="utf-8",
            months=True,
        )
    )

    s = Sheet("年月", widths=(14, 12, 10, 10))
    s.add(header("国家", "品牌", "年月", "销量"))
    for month in (1, 2, 5, 9, 10, 11, 12):
        for iso, brand in (("THA", "长安"), ("VNM", "深蓝")):
            u = q(700, 20)
            cell = Fmt(round(2024 + month / 100, 2), "0.00")
            s.add(data([ZH[iso], brand, cell, u], iso, u, period=f"2024-{month:02d}"))
    specs.append(
        Spec(
            "sales_yearmonth_format.xlsx",
            "sales",
            "months",
            "openpyxl",
            "年月 as numbers with format '0.00': 2024.1 shows '2024.10' (October), 2024.01 shows '2024.01'",
            sheets=[s],
            months=True,
        )
    )

    s = Sheet("年月", widths=(14, 12, 10, 10))
    s.add(header("国家", "品牌", "年月", "销量"))
    for value, iso, brand in (
        (2024.2, "MYS", "深蓝"),
        (2024.1, "MYS", "长安"),
        (2024.3, "IDN", "长安"),
        (2024.1, "IDN", "深蓝"),
        (2024.4, "MYS", "深蓝"),
        (2024.6, "IDN", "长安"),
        (2024.3, "MYS", "长安"),
        (2024.2, "IDN", "深蓝"),
    ):
        u = q(600, 20)
        cells = [ZH[iso], brand, value, u]
        if value == 2024.1:
            s.add(refused(cells, "period", "2024.1 in General format could be January or October"))
        else:
            month = round((value - 2024) * 10)
            s.add(data(cells, iso, u, period=f"2024-{month:02d}"))
    specs.append(
        Spec(
            "sales_yearmonth_general.xlsx",
            "sales",
            "months",
            "openpyxl",
            "年月 as General numbers 2024.2, 2024.3, 2024.1…: every 2024.1 is refused (January or October?)",
            sheets=[s],
            months=True,
        )
    )

    s = Sheet("年月", widths=(14, 12, 10, 10))
    s.add(header("国家", "品牌", "年月", "销量"))
    for value, iso, brand in (
        (2024.01, "PHL", "长安"),
        (2024.05, "PHL", "长安"),
        (2024.08, "SGP", "阿维塔"),
        (2024.1, "PHL", "长安"),
        (2024.1, "SGP", "阿维塔"),
        (2024.12, "PHL", "深蓝"),
        (2024.05, "SGP", "深蓝"),
    ):
        u = q(400, 10)
        month = round((value - 2024) * 100)
        month = 10 if value == 2024.1 else month
        s.add(data([ZH[iso], brand, value, u], iso, u, period=f"2024-{month:02d}"))
    specs.append(
        Spec(
            "sales_yearmonth_general_twodigit_lo.xlsx",
            "sales",
            "months",
            "libreoffice",
            "年月 as General numbers with two-digit months (2024.01, 2024.05, 2024.08) so 2024.1 can only be "
            "October; re-saved by LibreOffice",
            sheets=[s],
            months=True,
        )
    )
    return specs


# -- encodings -----------------------------------------------------------------------------------------


def encoding_files() -> list[Spec]:
    q = Q(7)
    specs: list[Spec] = []

    lines = [header("国家/地区", "品牌", "年份", "动力类型", "销量", "金额")]
    plan = [
        ("THA", "长安", "燃油"),
        ("THA", "深蓝", "新能源"),
        ("VNM", "长安", "燃油"),
        ("VNM", "东风小康", "燃油"),
        ("LAO", "长安凯程", "燃油"),
        ("MMR", "长安凯程", "燃油"),
        ("MYS", "深蓝", "BEV"),
        ("MYS", "阿维塔", "BEV"),
        ("IDN", "长安", "ICE"),
        ("IDN", "深蓝", "PHEV"),
        ("SGP", "阿维塔", "NEV"),
        ("PHL", "长安", "燃油"),
        ("KAZ", "长安", "燃油"),
        ("KAZ", "鑫源", "燃油"),
        ("RUS", "长安", "燃油"),
        ("RUS", "赛力斯", "新能源"),
        ("UZB", "长安", "燃油"),
        ("SAU", "长安", "燃油"),
        ("ARE", "阿维塔", "新能源"),
        ("TUR", "长安", "燃油"),
    ]
    for iso, brand, pt in plan:
        u = q(2400, 20)
        lines.append(data([ZH[iso], brand, 2024, pt, u, u * 88_000], iso, u))
    specs.append(
        Spec(
            "sales_gb18030_zh.csv",
            "sales",
            "encoding",
            "text",
            "Chinese Excel 'CSV (逗号分隔)' saved in GB18030 (no BOM), Chinese headers and names, 20 rows",
            lines=lines,
            encoding="gb18030",
        )
    )

    lines = [header("Dealer", "Country", "Brand", "City", "Latitude", "Longitude", "Type", "Phone")]
    big5 = [
        ("長安汽車吉隆坡旗艦店", "MYS", "長安", "Kuala Lumpur", 3.1390, 101.6869, "both"),
        ("深藍汽車檳城展廳", "MYS", "深藍", "Penang", 5.4141, 100.3288, "sales"),
        ("長安汽車新山服務中心", "MYS", "長安", "Johor Bahru", 1.4927, 103.7414, "service"),
        ("阿維塔新加坡體驗中心", "SGP", "阿維塔", "Singapore", 1.3521, 103.8198, "sales"),
        ("深藍汽車新加坡", "SGP", "深藍", "Singapore", 1.3000, 103.8000, "both"),
        ("長安汽車曼谷總店", "THA", "長安", "Bangkok", 13.7563, 100.5018, "both"),
        ("深藍汽車清邁展廳", "THA", "深藍", "Chiang Mai", 18.7883, 98.9853, "sales"),
        ("長安凱程雅加達服務站", "IDN", "長安凱程", "Jakarta", -6.2088, 106.8456, "service"),
        ("長安汽車泗水", "IDN", "長安", "Surabaya", -7.2575, 112.7521, "both"),
        ("長安汽車馬尼拉", "PHL", "長安", "Manila", 14.5995, 120.9842, "both"),
        ("深藍汽車宿霧", "PHL", "深藍", "Cebu", 10.3157, 123.8854, "sales"),
        ("長安汽車胡志明市", "VNM", "長安", "Ho Chi Minh City", 10.8231, 106.6297, "both"),
    ]
    for i, (name, iso, brand, city, lat, lon, kind) in enumerate(big5):
        lines.append(data([name, EN[iso], brand, city, lat, lon, kind, f"+00 {1000 + i * 37}"], iso))
    specs.append(
        Spec(
            "dealers_big5_en.csv",
            "dealers",
            "encoding",
            "text",
            "Dealer list saved in Big5: English headers and country names, Traditional Chinese dealer "
            "and brand "
            "names (長安, 深藍, 阿維塔)",
            lines=lines,
            encoding="big5",
        )
    )

    lines = [header("Dealer", "Country", "Brand", "City", "Type", "Address", "Phone")]
    cp1252 = [
        ("Autohaus Müller GmbH", "DEU", "Deepal", "München", "sales", "Leopoldstraße 12", "+49 89 0000 1201"),
        (
            "Autohaus Schäfer & Söhne",
            "DEU",
            "Avatr",
            "Düsseldorf",
            "both",
            "Königsallee 5",
            "+49 211 0000 1202",
        ),
        ("Autozentrum Köln-Süd", "DEU", "Deepal", "Köln", "service", "Bonner Straße 88", "+49 221 0000 1203"),
        (
            "Crème Automobiles",
            "FRA",
            "Deepal",
            "Lyon",
            "sales",
            "12 rue de la République",
            "+33 4 00 00 12 04",
        ),
        (
            "Garage Lefèvre SARL",
            "FRA",
            "Changan",
            "Orléans",
            "service",
            "3 place du Martroi",
            "+33 2 00 00 12 05",
        ),
        (
            "Côté Sud Automobiles",
            "FRA",
            "Avatr",
            "Besançon",
            "both",
            "8 avenue Fontaine-Argent",
            "+33 3 00 00 1206",
        ),
        ("Özkan Otomotiv", "TUR", "Changan", "Istanbul", "both", "Büyükdere Cad. 101", "+90 212 000 1207"),
        ("Çelik Oto Servis", "TUR", "Changan", "Ankara", "service", "Konya Yolu 9", "+90 312 000 1208"),
        (
            "Güven Motorlu Araçlar",
            "TUR",
            "Deepal",
            "Izmir",
            "sales",
            "Atatürk Caddesi 20",
            "+90 232 000 1209",
        ),
        (
            "Abidjan Motors SA",
            "CIV",
            "Changan",
            "Abidjan",
            "both",
            "Boulevard Valéry Giscard",
            "+225 27 00 00 1210",
        ),
        (
            "Société Ivoirienne d'Automobiles",
            "CIV",
            "Changan",
            "Yamoussoukro",
            "sales",
            "Rue du Lac",
            "+225 1211",
        ),
        (
            "Autohaus Kärntner Straße",
            "AUT",
            "Deepal",
            "Graz",
            "sales",
            "Kärntner Straße 40",
            "+43 316 000 1212",
        ),
        ("Garage Dupré & Fils", "BEL", "Deepal", "Liège", "both", "Quai de Rome 4", "+32 4 000 12 13"),
        ("Zürcher Auto AG", "CHE", "Avatr", "Zürich", "sales", "Badenerstrasse 500", "+41 44 000 12 14"),
    ]
    for name, iso, brand, city, kind, addr, phone in cp1252:
        lines.append(data([name, EN[iso], brand, city, kind, addr, phone], iso))
    specs.append(
        Spec(
            "dealers_cp1252_eu.csv",
            "dealers",
            "encoding",
            "text",
            "Western-European Excel CSV (semicolons, Windows-1252): 'Autohaus Müller GmbH', 'Crème "
            "Automobiles', "
            "countries 'Türkiye' and 'Côte d'Ivoire'",
            lines=lines,
            encoding="cp1252",
            delimiter=";",
        )
    )

    lines = [header("Dealer", "Country", "Brand", "City", "Type", "Address", "Phone")]
    cp1250 = [
        (
            "Auto Łódź Sp. z o.o.",
            "POL",
            "Changan",
            "Łódź",
            "sales",
            "ul. Piotrkowska 100",
            "+48 42 000 13 01",
        ),
        ("Motor-Kraków", "POL", "Deepal", "Kraków", "both", "ul. Zakopiańska 62", "+48 12 000 13 02"),
        (
            "Gdańsk Auto Centrum",
            "POL",
            "Changan",
            "Gdańsk",
            "both",
            "al. Grunwaldzka 411",
            "+48 58 000 13 03",
        ),
        (
            "Wrocławskie Centrum Motoryzacji",
            "POL",
            "Deepal",
            "Wrocław",
            "sales",
            "ul. Legnicka 55",
            "+48 71 0001304",
        ),
        ("Poznań Motors", "POL", "Changan", "Poznań", "service", "ul. Głogowska 234", "+48 61 000 13 05"),
        ("Śląskie Auto", "POL", "Changan", "Katowice", "both", "ul. Chorzowska 150", "+48 32 000 13 06"),
        (
            "Białystok Car Serwis",
            "POL",
            "Changan",
            "Białystok",
            "service",
            "ul. Żółtkowa 7",
            "+48 85 000 13 07",
        ),
        ("Auto Plzeň s.r.o.", "CZE", "Changan", "Plzeň", "sales", "Částkova 12", "+420 377 000 308"),
        ("Brněnské Motory", "CZE", "Deepal", "Brno", "both", "Vídeňská 99", "+420 543 000 309"),
        ("Autocentrum Žilina", "SVK", "Changan", "Žilina", "sales", "Košická 3", "+421 41 000 1310"),
        ("Győr Autóház Kft.", "HUN", "Changan", "Győr", "both", "Fehérvári út 12", "+36 96 000 311"),
        ("Székesfehérvár Autó", "HUN", "Deepal", "Székesfehérvár", "sales", "Budai út 5", "+36 22 000 312"),
        ("Rzeszów Auto Serwis", "POL", "Changan", "Rzeszów", "service", "al. Rejtana 10", "+48 17 000 13 13"),
        (
            "Częstochowa Motors",
            "POL",
            "Deepal",
            "Częstochowa",
            "sales",
            "al. Wolności 44",
            "+48 34 000 13 14",
        ),
    ]
    for name, iso, brand, city, kind, addr, phone in cp1250:
        lines.append(data([name, EN[iso], brand, city, kind, addr, phone], iso))
    specs.append(
        Spec(
            "dealers_cp1250_pl.csv",
            "dealers",
            "encoding",
            "text",
            "Central-European Excel CSV (semicolons, Windows-1250): Polish, Czech, Slovak and Hungarian "
            "dealers "
            "('Auto Łódź Sp. z o.o.', 'Győr Autóház Kft.')",
            lines=lines,
            encoding="cp1250",
            delimiter=";",
        )
    )

    lines = [header("Dealer", "Country", "Brand", "City", "Type", "Phone")]
    cp1251 = [
        ("Автоцентр Север", "RUS", "Changan", "Москва", "both"),
        ("Мотор-Сити", "RUS", "Changan", "Санкт-Петербург", "sales"),
        ("Волга-Авто", "RUS", "Changan", "Казань", "both"),
        ("Урал Моторс", "RUS", "Deepal", "Екатеринбург", "sales"),
        ("Сибирь Авто", "RUS", "Changan", "Новосибирск", "service"),
        ("Юг-Авто", "RUS", "Changan", "Краснодар", "both"),
        ("Дальний Восток Моторс", "RUS", "Changan", "Владивосток", "both"),
        ("Автоцентр на Неве", "RUS", "Avatr", "Санкт-Петербург", "sales"),
        ("Астана Авто Плюс", "KAZ", "Changan", "Астана", "both"),
        ("Алматы Моторс", "KAZ", "Changan", "Алматы", "sales"),
        ("Караганда Авто", "KAZ", "Changan", "Караганда", "service"),
        ("Минск Авто", "BLR", "Changan", "Минск", "both"),
        ("Бишкек Авто", "KGZ", "Changan", "Бишкек", "sales"),
        ("Ташкент Моторс", "UZB", "Changan", "Ташкент", "both"),
        ("Самарканд Авто", "UZB", "Changan", "Самарканд", "service"),
    ]
    for i, (name, iso, brand, city, kind) in enumerate(cp1251):
        lines.append(data([name, EN[iso], brand, city, kind, f"+7 000 000 {1400 + i}"], iso))
    specs.append(
        Spec(
            "dealers_cp1251_ru.csv",
            "dealers",
            "encoding",
            "text",
            "Russian Excel CSV (semicolons, Windows-1251): English headers and country names, dealer "
            "names and "
            "cities in Cyrillic",
            lines=lines,
            encoding="cp1251",
            delimiter=";",
        )
    )

    lines = [header("Dealer", "Country", "Brand", "City", "Latitude", "Longitude", "Type", "Phone")]
    sjis = [
        ("東京モーターズ株式会社", "Deepal", "東京", 35.6762, 139.6503, "sales"),
        ("大阪オート販売株式会社", "Changan", "大阪", 34.6937, 135.5023, "both"),
        ("名古屋カーセンター", "Avatr", "名古屋", 35.1815, 136.9066, "sales"),
        ("横浜自動車サービス", "Changan", "横浜", 35.4437, 139.6380, "service"),
        ("札幌モータース", "Deepal", "札幌", 43.0618, 141.3545, "both"),
        ("福岡オートプラザ", "Changan", "福岡", 33.5904, 130.4017, "sales"),
        ("神戸カーズ株式会社", "Deepal", "神戸", 34.6901, 135.1955, "both"),
        ("京都自動車販売", "Avatr", "京都", 35.0116, 135.7681, "sales"),
        ("仙台モーター商会", "Changan", "仙台", 38.2682, 140.8694, "service"),
        ("広島オートセンター", "Deepal", "広島", 34.3853, 132.4553, "both"),
        ("那覇カーサービス", "Changan", "那覇", 26.2124, 127.6809, "service"),
    ]
    for i, (name, brand, city, lat, lon, kind) in enumerate(sjis):
        lines.append(data([name, "Japan", brand, city, lat, lon, kind, f"03-0000-{1500 + i}"], "JPN"))
    specs.append(
        Spec(
            "dealers_shift_jis_jp.csv",
            "dealers",
            "encoding",
            "text",
            "Japanese Excel CSV in Shift-JIS: English headers, country 'Japan', dealer names and cities "
            "in Japanese",
            lines=lines,
            encoding="shift_jis",
        )
    )

    lines = [header("国家", "品牌", "期间", "销量", "金额")]
    for month in (1, 2, 3, 4):
        for iso, brand in (
            ("BRA", "长安"),
            ("MEX", "长安"),
            ("CHL", "深蓝"),
            ("SAU", "长安"),
            ("TUR", "深蓝"),
        ):
            u = q(1100, 20)
            lines.append(
                data([ZH[iso], brand, f"2024-{month:02d}", u, u * 90_500], iso, u, period=f"2024-{month:02d}")
            )
    specs.append(
        Spec(
            "sales_utf16_unicode_text.csv",
            "sales",
            "encoding",
            "text",
            "Excel 'Unicode text' export: UTF-16 LE with BOM, tab separated, Chinese headers, 期间 "
            "'2024-01'…",
            lines=lines,
            encoding="utf-16",
            delimiter="\t",
            months=True,
        )
    )

    lines = [header("经销商", "国家", "品牌", "城市", "纬度", "经度", "类型", "地址", "电话")]
    utf8 = [
        ("圣保罗长安汽车", "BRA", "长安", "圣保罗", -23.5505, -46.6333, "4S店", "Av. Paulista 1000"),
        ("里约热内卢深蓝", "BRA", "深蓝", "里约热内卢", -22.9068, -43.1729, "销售", "Av. Brasil 500"),
        ("墨西哥城长安", "MEX", "长安", "墨西哥城", 19.4326, -99.1332, "4S店", "Av. Insurgentes Sur 800"),
        ("蒙特雷长安售后", "MEX", "长安", "蒙特雷", 25.6866, -100.3161, "售后", "Av. Constitución 2"),
        ("瓜达拉哈拉长安", "MEX", "长安", "瓜达拉哈拉", 20.6597, -103.3496, "销售", "Av. Vallarta 3000"),
        ("伊斯坦布尔长安", "TUR", "长安", "伊斯坦布尔", 41.0082, 28.9784, "4S店", "Büyükdere Cd. 120"),
        ("安卡拉深蓝", "TUR", "深蓝", "安卡拉", 39.9334, 32.8597, "销售", "Konya Yolu 40"),
        ("吉达长安", "SAU", "长安", "吉达", 21.4858, 39.1925, "4S店", "Madinah Rd 15"),
        ("达曼长安", "SAU", "长安", "达曼", 26.4207, 50.0888, "售后", "King Saud St 3"),
        ("阿布扎比阿维塔", "ARE", "阿维塔", "阿布扎比", 24.4539, 54.3773, "销售", "Airport Rd 11"),
        ("沙迦长安", "ARE", "长安", "沙迦", 25.3463, 55.4209, "4S店", "Industrial Area 4"),
        ("柏林深蓝", "DEU", "深蓝", "柏林", 52.5200, 13.4050, "销售", "Kurfürstendamm 20"),
        ("慕尼黑阿维塔", "DEU", "阿维塔", "慕尼黑", 48.1351, 11.5820, "销售", "Leopoldstraße 90"),
        ("华沙长安", "POL", "长安", "华沙", 52.2297, 21.0122, "4S店", "al. Jerozolimskie 200"),
        ("河内东风小康", "VNM", "东风小康", "河内", 21.0278, 105.8342, "4S店", "Giai Phong 300"),
        ("岘港长安", "VNM", "长安", "岘港", 16.0544, 108.2022, "售后", "Nguyen Van Linh 50"),
        ("宿务长安", "PHL", "长安", "宿务", 10.3157, 123.8854, "销售", "Osmeña Blvd 7"),
        ("泗水长安", "IDN", "长安", "泗水", -7.2575, 112.7521, "4S店", "Jl. Ahmad Yani 88"),
        ("槟城深蓝", "MYS", "深蓝", "槟城", 5.4141, 100.3288, "销售", "Jalan Sultan Azlan Shah 1"),
        ("普吉长安", "THA", "长安", "普吉", 7.8804, 98.3923, "售后", "Chalermprakiat Rd 9"),
    ]
    for i, (name, iso, brand, city, lat, lon, kind, addr) in enumerate(utf8):
        lines.append(data([name, ZH[iso], brand, city, lat, lon, kind, addr, f"+00 {1600 + i}"], iso))
    specs.append(
        Spec(
            "dealers_utf8_bom_zh.csv",
            "dealers",
            "encoding",
            "text",
            "Excel 'CSV UTF-8' (with BOM) dealer list: Chinese headers and names, 类型 4S店/销售/售后, "
            "20 dealers",
            lines=lines,
            encoding="utf-8-sig",
        )
    )

    lines = [header("国家", "品牌", "年份", "销量")]
    for iso, brand in (
        ("THA", "阿维塔"),
        ("VNM", "长安"),
        ("KAZ", "长安"),
        ("MYS", "阿维塔"),
        ("RUS", "长安"),
        ("LAO", "长安凯程"),
        ("MMR", "长安凯程"),
        ("IDN", "深蓝"),
        ("PHL", "长安"),
        ("SGP", "阿维塔"),
        ("SAU", "长安"),
        ("ARE", "深蓝"),
    ):
        u = q(900, 20)
        lines.append(data([ZH[iso], brand, 2024, u], iso, u))
    specs.append(
        Spec(
            "sales_mixed_utf8_gb18030.csv",
            "sales",
            "encoding",
            "text",
            "Two exports pasted into one file: the header and lines 2-7 in UTF-8, lines 8-13 in GB18030; "
            "no single "
            "encoding reads it, so the whole file is refused",
            lines=lines,
            encoding=None,
            refuse_file=True,
            utf8_lines=7,
        )
    )
    return specs


def wide_files() -> list[Spec]:
    q = Q(8)
    specs: list[Spec] = []

    s = Sheet("历年", widths=(14, 12, 10, 10, 10, 10))
    years = (2021, 2022, 2023, 2024)
    s.add(header("国家", "品牌", *years))
    for i, (iso, brand) in enumerate(
        (
            ("RUS", "长安"),
            ("RUS", "长安凯程"),
            ("KAZ", "长安"),
            ("UZB", "长安"),
            ("THA", "深蓝"),
            ("VNM", "长安"),
            ("MYS", "深蓝"),
            ("SAU", "长安"),
            ("ARE", "阿维塔"),
            ("MEX", "长安"),
            ("BRA", "深蓝"),
        )
    ):
        values: list[int | None] = [q(6000, 100) for _ in years]
        if brand in ("深蓝", "阿维塔"):  # launched abroad in 2023: no figure before
            values[0] = values[1] = None
        if i == 3:
            values[0] = None
        spread = {str(y): v for y, v in zip(years, values, strict=True) if v}
        s.add(data([ZH[iso], brand, *values], iso, spread=spread))
    specs.append(
        Spec(
            "sales_years_as_columns_zh.xlsx",
            "sales",
            "wide",
            "openpyxl",
            "Years as columns: 国家, 品牌, 2021, 2022, 2023, 2024 (numeric header cells); empty cells "
            "where a "
            "brand had no sales yet",
            sheets=[s],
        )
    )

    wb_years = (2019, 2020, 2021, 2022, 2023)
    lines = [header("Country", "Country Code", "Brand", *(f"{y} [YR{y}]" for y in wb_years))]
    for iso, brand, gaps in (
        ("RUS", "Changan", ()),
        ("VNM", "Changan", ()),
        ("LAO", "Changan Kaicene", (2019,)),
        ("KOR", "Changan", (2019, 2020)),
        ("EGY", "Changan", ()),
        ("IRN", "Changan", (2021, 2022, 2023)),
        ("KGZ", "Changan", (2019,)),
        ("TUR", "Changan", ()),
        ("HKG", "Deepal", (2019, 2020, 2021, 2022)),
        ("SVK", "Changan", (2019, 2020)),
        ("YEM", "Changan", (2020, 2021)),
        ("VEN", "Changan", (2019,)),
    ):
        cells: list[Any] = [WB[iso], iso, brand]
        spread: dict[str, int] = {}
        for y in wb_years:
            if y in gaps:
                cells.append(".." if y != 2021 else "")
            else:
                v = q(3000, 10)
                cells.append(v)
                spread[str(y)] = v
        lines.append(data(cells, iso, spread=spread))
    specs.append(
        Spec(
            "sales_worldbank_wide.csv",
            "sales",
            "wide",
            "text",
            "World-Bank-style export (UTF-8 with BOM, every field quoted): Country, Country Code, Brand, "
            "'2019 [YR2019]'…'2023 [YR2023]'; '..' or empty = no data; World Bank country spellings",
            lines=lines,
            encoding="utf-8-sig",
            quote_all=True,
        )
    )

    months = [f"2024-{m:02d}" for m in range(1, 7)]
    s = Sheet("2024上半年", widths=(14, 12, 9, 9, 9, 9, 9, 9))
    s.add(header("国家", "品牌", *months))
    for iso, brand in (
        ("THA", "长安"),
        ("THA", "深蓝"),
        ("VNM", "长安"),
        ("LAO", "长安凯程"),
        ("MMR", "长安凯程"),
        ("KAZ", "长安"),
        ("RUS", "长安"),
        ("SAU", "长安"),
    ):
        values2: list[Any] = [q(500, 5) for _ in months]
        if brand == "长安凯程":
            values2[0] = None
        spread = {p: v for p, v in zip(months, values2, strict=True) if v}
        s.add(data([ZH[iso], brand, *values2], iso, spread=spread))
    specs.append(
        Spec(
            "sales_months_as_columns_lo.xlsx",
            "sales",
            "wide",
            "libreoffice",
            "Months as columns: 国家, 品牌, then text headers 2024-01…2024-06; re-saved by LibreOffice",
            sheets=[s],
            months=True,
        )
    )

    s = Sheet("Monthly 2024", widths=(20, 12, *([8] * 12)))
    s.add(header("Country", "Brand", *(Fmt(datetime(2024, m, 1), "mmm-yy") for m in range(1, 13))))
    for iso, brand in (
        ("MEX", "Changan"),
        ("MEX", "Deepal"),
        ("BRA", "Deepal"),
        ("CHL", "Changan"),
        ("PER", "Changan"),
        ("COL", "DFSK"),
        ("SAU", "Changan"),
        ("ARE", "Avatr"),
    ):
        values3: list[Any] = [q(300, 0) for _ in range(12)]
        spread = {f"2024-{m + 1:02d}": v for m, v in enumerate(values3) if v}
        cells3 = [v if v else None for v in values3]
        s.add(data([EN[iso], brand, *cells3], iso, spread=spread))
    specs.append(
        Spec(
            "sales_months_as_columns_dates.xlsx",
            "sales",
            "wide",
            "openpyxl",
            "Months as columns whose header cells are real dates shown 'Jan-24'…'Dec-24' (Excel turned "
            "the typed "
            "months into dates)",
            sheets=[s],
            months=True,
        )
    )
    return specs


def numbers_files() -> list[Spec]:
    s = Sheet("销量", widths=(14, 12, 8, 12, 12))
    s.add(header("国家", "品牌", "年份", "销量", "金额"))
    rows: list[tuple[str, str, Any, Any, int]] = [
        ("RUS", "长安", "12.3万", "45.6亿", 123_000),
        ("KAZ", "长安", "2.5万", "9.1亿", 25_000),
        ("VNM", "深蓝", "１２３４", "1.2亿", 1234),
        ("MYS", "深蓝", "1,234辆", 118_000_000, 1234),
        ("IDN", "长安", "56台", 4_900_000, 56),
        ("LAO", "长安凯程", "—", None, 0),
        ("LAO", "长安", 320, 27_000_000, 320),
        ("MMR", "长安凯程", "-", None, 0),
        ("MMR", "长安", 150, 12_500_000, 150),
        ("PHL", "长安", 345, "待定", 345),
        ("ARE", "阿维塔", 880, 230_000_000, 880),
        ("THA", "长安", "８８００", "7.9亿", 8800),
        ("SAU", "长安", "3,456辆", "2.9亿", 3456),
    ]
    for iso, brand, units_cell, value, units in rows:
        s.add(data([ZH[iso], brand, 2024, units_cell, value], iso, units))
        if iso == "IDN":
            s.add(
                refused(
                    ["N/A", "长安", 2024, 100, 8_600_000], "country", "'N/A' means no country, not Namibia"
                )
            )
        if iso == "MMR" and units:
            s.add(
                refused(["其他", "鑫源", 2024, 50, 3_000_000], "country", "'其他' (other) is not a country")
            )
    s.add(refused(["-", "长安", 2024, 30, None], "country", "'-' is not a country"))
    zh = Spec(
        "sales_numbers_zh.xlsx",
        "sales",
        "numbers",
        "openpyxl",
        "销量 as text '12.3万', full-width '１２３４', '1,234辆', '56台', '—' and '-' (= 0); 金额 "
        "'45.6亿', '1.2亿' "
        "and one '待定' (dropped with a warning, units still count); countries 'N/A', '其他', '-' refused",
        sheets=[s],
    )

    lines = [header("Country", "Brand", "Year", "Units", "Value")]
    rows2: list[tuple[str, str, str, str, int]] = [
        ("SAU", "Changan", "1,234", "98760000", 1234),
        ("ARE", "Avatr", "78 units", "21450000", 78),
        ("MEX", "Changan", "-", "", 0),
        ("MEX", "Deepal", "640", "51200000", 640),
        ("CHL", "Changan", "—", "", 0),
        ("CHL", "Changan Kaicene", "210", "16800000", 210),
        ("BRA", "Deepal", "12,345", "TBD", 12345),
        ("PER", "Changan", "1,050 units", "84000000", 1050),
        ("COL", "Changan", "56", "4480000", 56),
        ("ECU", "DFSK", "3,210", "192600000", 3210),
    ]
    for iso, brand, units_text, value, units in rows2:
        lines.append(data([EN[iso], brand, "2024", units_text, value], iso, units))
        if iso == "MEX" and units:
            lines.append(refused(["n/a", "Changan", "2024", "40", ""], "country", "'n/a' means no country"))
        if iso == "BRA":
            lines.append(
                refused(["Other", "Changan", "2024", "25", ""], "country", "'Other' is not a country")
            )
    lines.append(refused(["N/A", "DFSK", "2024", "12", ""], "country", "'N/A' means no country, not Namibia"))
    en = Spec(
        "sales_numbers_en.csv",
        "sales",
        "numbers",
        "text",
        "Units as '1,234', '78 units', '1,050 units', '-' and '—' (= 0); Value 'TBD' dropped with a warning; "
        "countries 'n/a', 'Other', 'N/A' refused",
        lines=lines,
        encoding="utf-8",
    )
    return [zh, en]


def spelling_files() -> list[Spec]:
    q = Q(10)
    s = Sheet("Sales", widths=(24, 12, 8, 10))
    s.add(header("Country", "Brand", "Year", "Units"))
    for iso, name in WB.items():
        u = q(700, 5)
        s.add(data([name, "Changan", 2024, u], iso, u))
        if iso in ("RUS", "VNM", "TUR", "LAO"):
            u = q(700, 5)
            s.add(data([name, "Deepal", 2024, u], iso, u))
    wbx = Spec(
        "sales_worldbank_names.xlsx",
        "sales",
        "spelling",
        "openpyxl",
        "Country written as the World Bank does: 'Hong Kong SAR, China', 'Yemen, Rep.', 'Gambia, The', "
        "'Korea, Rep.', 'Lao PDR', 'Turkiye', 'Viet Nam'… (all 15)",
        sheets=[s],
    )

    lines = [header("国家", "品牌", "年份", "销量")]
    spellings = [
        (iso, written)
        for iso in ZH
        if iso not in ("CHL", "UZB")
        for written in (
            ZH[iso],
            iso,
            {"TUR": "Türkiye", "VNM": "Viet Nam", "RUS": "Russian Federation"}.get(iso),
        )
        if written
    ]
    for iso, written in spellings:
        u = q(500, 5)
        lines.append(data([written, "长安", 2024, u], iso, u))
    csvs = Spec(
        "sales_country_spellings.csv",
        "sales",
        "spelling",
        "text",
        "The same countries written three ways in one 国家 column: Chinese name (泰国), ISO3 code (THA), and "
        "'Türkiye' / 'Viet Nam' / 'Russian Federation'",
        lines=lines,
        encoding="utf-8",
    )
    return [wbx, csvs]


def dimension_files() -> list[Spec]:
    q = Q(11)
    s = Sheet("Export", widths=(20, 12, 8, 12, 10, 14))
    s.add(header("Country", "Brand", "Year", "Powertrain", "Units", "Value (CNY)"))
    for iso in ("THA", "VNM", "MYS", "IDN", "PHL", "SAU", "ARE", "MEX", "BRA", "TUR"):
        for brand, pt in (("Changan", "ICE"), ("Deepal", "BEV")):
            u = q(2000, 10)
            s.add(data([EN[iso], brand, 2024, pt, u, u * 91_000], iso, u))
    sales = Spec(
        "sales_wrong_dimension.xlsx",
        "sales",
        "dimension",
        "openpyxl",
        'ERP export whose sheet says <dimension ref="A1"/> although the table spans A1:F21',
        sheets=[s],
        wrong_dimension=True,
    )

    s = Sheet("Dealers", widths=(20, 12, 10, 12, 10, 10, 8, 18, 28))
    s.add(header("经销商", "国家", "品牌", "城市", "纬度", "经度", "类型", "电话", "网站"))
    for i, (name, iso, brand, city, lat, lon, kind) in enumerate(
        (
            ("曼谷长安中心", "THA", "长安", "曼谷", 13.7563, 100.5018, "4S店"),
            ("罗勇长安", "THA", "长安", "罗勇", 12.6814, 101.2816, "售后"),
            ("河内深蓝", "VNM", "深蓝", "河内", 21.0278, 105.8342, "销售"),
            ("吉隆坡阿维塔", "MYS", "阿维塔", "吉隆坡", 3.1390, 101.6869, "销售"),
            ("万隆长安", "IDN", "长安", "万隆", -6.9175, 107.6191, "4S店"),
            ("达沃长安", "PHL", "长安", "达沃", 7.1907, 125.4553, "售后"),
            ("阿拉木图长安", "KAZ", "长安", "阿拉木图", 43.2220, 76.8512, "4S店"),
            ("塔什干长安", "UZB", "长安", "塔什干", 41.2995, 69.2401, "4S店"),
            ("圣彼得堡长安", "RUS", "长安", "圣彼得堡", 59.9311, 30.3609, "销售"),
            ("新西伯利亚长安", "RUS", "长安", "新西伯利亚", 55.0084, 82.9357, "售后"),
            ("迪拜深蓝", "ARE", "深蓝", "迪拜", 25.2048, 55.2708, "销售"),
            ("圣地亚哥长安", "CHL", "长安", "圣地亚哥", -33.4489, -70.6693, "4S店"),
        )
    ):
        cells = [
            name,
            ZH[iso],
            brand,
            city,
            lat,
            lon,
            kind,
            f"+00 {1700 + i}",
            f"https://dealer{i + 1}.example.com",
        ]
        s.add(data(cells, iso))
    dealers = Spec(
        "dealers_wrong_dimension.xlsx",
        "dealers",
        "dimension",
        "openpyxl",
        'Dealer export whose sheet says <dimension ref="A1"/> although the table spans A1:I13',
        sheets=[s],
        wrong_dimension=True,
    )
    return [sales, dealers]


def legacy_files() -> list[Spec]:
    q = Q(12)
    s = Sheet("销量", widths=(14, 12, 8, 10, 10, 14))
    s.add(header("国家", "品牌", "年份", "动力类型", "销量", "金额"))
    for iso, brand, pt in (
        ("THA", "长安", "燃油"),
        ("THA", "深蓝", "新能源"),
        ("VNM", "长安", "燃油"),
        ("KAZ", "长安", "燃油"),
        ("RUS", "长安", "燃油"),
        ("RUS", "长安凯程", "燃油"),
        ("MYS", "深蓝", "新能源"),
        ("IDN", "长安", "燃油"),
        ("SAU", "长安", "燃油"),
        ("ARE", "阿维塔", "新能源"),
        ("MEX", "长安", "燃油"),
        ("BRA", "深蓝", "新能源"),
        ("TUR", "长安", "燃油"),
        ("DEU", "深蓝", "新能源"),
        ("POL", "长安", "燃油"),
    ):
        u = q(2200, 15)
        s.add(data([ZH[iso], brand, 2024, pt, u, u * 89_000], iso, u))
    xls = Spec(
        "sales_plain.xls",
        "sales",
        "xls",
        "libreoffice",
        "Excel 97-2003 workbook (BIFF8) of a plain sales table with Chinese headers; made by LibreOffice",
        sheets=[s],
    )

    s = Sheet("Dealers", widths=(26, 14, 10, 14, 10, 10, 8, 26, 16, 28))
    s.add(
        header(
            "Dealer name",
            "Country",
            "Brand",
            "City",
            "Latitude",
            "Longitude",
            "Type",
            "Address",
            "Phone",
            "Website",
        )
    )
    for i, (name, iso, brand, city, lat, lon, kind) in enumerate(
        (
            ("Changan Bangkok Rama IX", "THA", "Changan", "Bangkok", 13.7563, 100.5018, "both"),
            ("Deepal Chiang Mai", "THA", "Deepal", "Chiang Mai", 18.7883, 98.9853, "sales"),
            ("Changan Hanoi Service", "VNM", "Changan", "Hanoi", 21.0278, 105.8342, "service"),
            ("Avatr Kuala Lumpur", "MYS", "Avatr", "Kuala Lumpur", 3.1390, 101.6869, "sales"),
            ("Changan Jakarta Selatan", "IDN", "Changan", "Jakarta", -6.2088, 106.8456, "both"),
            ("Changan Manila Bay", "PHL", "Changan", "Manila", 14.5995, 120.9842, "both"),
            ("Deepal Riyadh", "SAU", "Deepal", "Riyadh", 24.7136, 46.6753, "sales"),
            ("Changan Jeddah", "SAU", "Changan", "Jeddah", 21.4858, 39.1925, "both"),
            ("Avatr Dubai Mall", "ARE", "Avatr", "Dubai", 25.2048, 55.2708, "sales"),
            ("Changan Mexico Polanco", "MEX", "Changan", "Mexico City", 19.4326, -99.1332, "both"),
            ("Deepal Sao Paulo", "BRA", "Deepal", "São Paulo", -23.5505, -46.6333, "sales"),
            ("Changan Almaty", "KAZ", "Changan", "Almaty", 43.2220, 76.8512, "both"),
        )
    ):
        cells = [
            name,
            EN[iso],
            brand,
            city,
            lat,
            lon,
            kind,
            f"Main Road {10 + i}",
            f"+00 {1800 + i}",
            f"https://www.example.com/dealers/{i + 1}",
        ]
        s.add(data(cells, iso))
    dxls = Spec(
        "dealers_plain.xls",
        "dealers",
        "xls",
        "libreoffice",
        "Excel 97-2003 workbook (BIFF8) of a dealer list with English headers and coordinates; made by "
        "LibreOffice",
        sheets=[s],
    )

    s = Sheet("Sales", widths=(20, 12, 8, 10))
    s.add(header("Country", "Brand", "Year", "Units"))
    for iso in ("DEU", "POL", "HUN", "CZE", "ESP", "ITA", "TUR", "SAU", "ARE", "CHL"):
        for brand in ("Changan", "Deepal"):
            u = q(1300, 15)
            s.add(data([EN[iso], brand, 2024, u], iso, u))
    ods = Spec(
        "sales_plain.ods",
        "sales",
        "xls",
        "libreoffice",
        "OpenDocument spreadsheet (.ods) of a plain English sales table; made by LibreOffice",
        sheets=[s],
    )
    return [xls, dxls, ods]


def nev_files() -> list[Spec]:
    q = Q(13)
    s = Sheet("2024", widths=(14, 12, 8, 10, 10))
    s.add(header("国家", "品牌", "年份", "销量", "新能源"))
    for iso, brand, share in (
        ("THA", "长安", 30),
        ("THA", "深蓝", 100),
        ("VNM", "长安", 10),
        ("MYS", "深蓝", 100),
        ("MYS", "阿维塔", 100),
        ("IDN", "长安", 0),
        ("KAZ", "长安", 5),
        ("RUS", "长安", 12),
        ("RUS", "长安凯程", 0),
        ("SAU", "长安", 8),
        ("ARE", "阿维塔", 100),
        ("MEX", "长安", 20),
    ):
        u = q(3000, 100)
        nev = u * share // 100
        s.add(data([ZH[iso], brand, 2024, u, nev], iso, u, nev=nev))
    zh = Spec(
        "sales_nev_split_zh.xlsx",
        "sales",
        "nev",
        "openpyxl",
        "销量 (total) with a 新能源 column beside it and no 动力类型: each row splits into NEV and ICE",
        sheets=[s],
        nev=True,
    )

    lines = [header("Country", "Brand", "Year", "Units", "NEV units")]
    for iso, brand, share in (
        ("DEU", "Deepal", 100),
        ("DEU", "Avatr", 100),
        ("POL", "Changan", 15),
        ("HUN", "Changan", 20),
        ("TUR", "Changan", 25),
        ("ESP", "Deepal", 100),
        ("ITA", "Deepal", 100),
        ("CZE", "Changan", 0),
    ):
        u = q(900, 20)
        nev = u * share // 100
        lines.append(data([EN[iso], brand, 2024, u, nev], iso, u, nev=nev))
        if iso == "HUN":
            lines.append(
                refused(
                    [EN["HUN"], "Deepal", 2024, 120, 210],
                    "nev_units",
                    "NEV units (210) exceed the total units (120)",
                )
            )
    en = Spec(
        "sales_nev_units_en.csv",
        "sales",
        "nev",
        "text",
        "Units (total) and 'NEV units' columns; one Hungary row has NEV units 210 > Units 120 and is refused",
        lines=lines,
        encoding="utf-8",
        nev=True,
    )

    s = Sheet("出口", widths=(14, 12, 8, 10, 10))
    s.add(header("市场", "厂商", "年度", "出口量", "BEV+PHEV"))
    for iso, brand, share in (
        ("BRA", "深蓝", 100),
        ("BRA", "长安", 10),
        ("MEX", "长安", 15),
        ("CHL", "长安", 5),
        ("SAU", "长安", 0),
        ("ARE", "深蓝", 100),
        ("TUR", "长安", 30),
        ("PHL", "长安", 0),
        ("SGP", "阿维塔", 100),
    ):
        u = q(1600, 30)
        nev = u * share // 100
        s.add(data([ZH[iso], brand, 2024, u, nev], iso, u, nev=nev))
    lo = Spec(
        "sales_nev_bev_phev_lo.xlsx",
        "sales",
        "nev",
        "libreoffice",
        "Headers 市场, 厂商, 年度, 出口量 and 'BEV+PHEV' (the NEV share of 出口量); re-saved by LibreOffice",
        sheets=[s],
        nev=True,
    )
    return [zh, en, lo]


def ignored_files() -> list[Spec]:
    q = Q(14)
    s = Sheet("2024", widths=(14, 12, 8, 10, 10, 24))
    s.add(header("国家", "品牌", "年份", "批发量", "销量", "备注"))
    notes = ["", "含展车3辆", "", "经销商库存偏高", "", "", "含试驾车", "", "", "新开网点", "", ""]
    for i, (iso, brand) in enumerate(
        (
            ("THA", "长安"),
            ("THA", "深蓝"),
            ("VNM", "长安"),
            ("MYS", "深蓝"),
            ("IDN", "长安"),
            ("PHL", "长安"),
            ("KAZ", "长安"),
            ("RUS", "长安"),
            ("RUS", "东风小康"),
            ("SAU", "长安"),
            ("ARE", "阿维塔"),
            ("MEX", "长安"),
        )
    ):
        u = q(2000, 30)
        wholesale = u + q(300, 0)
        s.add(data([ZH[iso], brand, 2024, wholesale, u, notes[i] or None], iso, u))
    zh = Spec(
        "sales_ignored_columns_zh.xlsx",
        "sales",
        "ignored",
        "openpyxl",
        "批发量 (wholesale, larger) left of 销量 and a 备注 column: units come from 销量 only",
        sheets=[s],
    )

    lines = [header("Country", "Brand", "Year", "Wholesale", "Units", "Remarks")]
    remarks = ["", "incl. 12 demo cars", "", "", "dealer stock high", "", "", "new dealer opened", "", ""]
    for i, (iso, brand) in enumerate(
        (
            ("DEU", "Deepal"),
            ("DEU", "Avatr"),
            ("POL", "Changan"),
            ("HUN", "Changan"),
            ("ESP", "Deepal"),
            ("ITA", "Deepal"),
            ("CZE", "Changan"),
            ("SVK", "Changan"),
            ("AUT", "Deepal"),
            ("BEL", "Deepal"),
        )
    ):
        u = q(800, 10)
        wholesale = u + q(150, 0)
        lines.append(data([EN[iso], brand, 2024, wholesale, u, remarks[i]], iso, u))
    en = Spec(
        "sales_ignored_columns_en.csv",
        "sales",
        "ignored",
        "text",
        "Wholesale (larger) left of Units and a Remarks column: units come from Units only",
        lines=lines,
        encoding="utf-8",
    )
    return [zh, en]


def all_specs() -> list[Spec]:
    return [
        *title_rows_files(),
        *subtotals_files(),
        *merged_files(),
        *hidden_files(),
        *sheet_files(),
        *months_files(),
        *encoding_files(),
        *wide_files(),
        *numbers_files(),
        *spelling_files(),
        *dimension_files(),
        *legacy_files(),
        *nev_files(),
        *ignored_files(),
    ]


# -- writing -------------------------------------------------------------------------------------------


def write_workbook(spec: Spec, path: Path, formulas: bool) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for sheet in spec.sheets:
        ws = wb.create_sheet(sheet.name)
        values = resolve(sheet.rows, formulas)
        for r, (row, cells) in enumerate(zip(sheet.rows, values, strict=True), start=1):
            for c, value in enumerate(cells, start=1):
                if value is None or value == "":
                    continue
                cell = ws.cell(r, c)
                if isinstance(value, Fmt):
                    cell.value = value.value
                    cell.number_format = value.number_format
                else:
                    cell.value = value
                if row.role in (HEADER, TOTAL):
                    cell.font = bold
                if row.role == TITLE and r == 1:
                    cell.font = Font(bold=True, size=14)
                    cell.alignment = Alignment(horizontal="center")
            if row.role == HIDDEN:
                ws.row_dimensions[r].hidden = True
        for ref in sheet.merges:
            ws.merge_cells(ref)
            ws[ref.split(":")[0]].alignment = Alignment(vertical="center")
        for i, width in enumerate(sheet.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        if sheet.autofilter:
            ws.auto_filter.ref = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
            if sheet.filter_column:
                col, shown = sheet.filter_column
                ws.auto_filter.add_filter_column(col, list(shown))
    wb.properties.creator = "海外营销部"
    wb.properties.lastModifiedBy = "海外营销部"
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    wb.save(path)


def text_lines(spec: Spec) -> list[str]:
    buf = io.StringIO()
    writer = csv.writer(
        buf,
        delimiter=spec.delimiter,
        lineterminator="\n",
        quoting=csv.QUOTE_ALL if spec.quote_all else csv.QUOTE_MINIMAL,
    )
    for cells in resolve(spec.lines, formulas=False):
        writer.writerow(["" if v is None else v for v in cells])
    return buf.getvalue().split("\n")[:-1]


def write_text(spec: Spec, path: Path) -> None:
    lines = [line + spec.newline for line in text_lines(spec)]
    if spec.utf8_lines:
        head = "".join(lines[: spec.utf8_lines]).encode("utf-8")
        tail = "".join(lines[spec.utf8_lines :]).encode("gb18030")
        path.write_bytes(head + tail)
        return
    text = "".join(lines)
    if spec.encoding == "utf-16":
        path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    else:
        path.write_bytes(text.encode(spec.encoding or "utf-8"))


_DATE = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?")


def normalise_zip(path: Path, wrong_dimension: bool = False) -> None:
    """Fixed entry timestamps and document dates (same bytes on every run); optionally a wrong <dimension>."""
    with zipfile.ZipFile(path) as zin:
        items = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w") as zout:
        for info, payload in items:
            body = payload
            if info.filename in ("docProps/core.xml", "meta.xml"):
                body = _DATE.sub(ISO_STAMP.encode(), body)
            if wrong_dimension and info.filename == "xl/worksheets/sheet1.xml":
                body, n = re.subn(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', body)
                if n != 1:
                    raise RuntimeError(f"{path.name}: no <dimension> to rewrite")
            new = zipfile.ZipInfo(info.filename, date_time=ZIP_STAMP)
            new.compress_type = info.compress_type
            new.external_attr = 0o644 << 16
            new.create_system = 3
            zout.writestr(new, body)


LO_FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97", "ods": "ods:calc8"}


def find_soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    default = Path("/usr/bin/soffice")
    return str(default) if default.exists() else None


def convert_with_libreoffice(soffice: str, sources: dict[str, list[Path]], outdir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="lo-profile-", dir="/tmp") as profile:
        # LibreOffice stamps documents (the .xls summary too) with this time instead of now
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(STAMP.replace(tzinfo=UTC).timestamp()))}
        for fmt, files in sources.items():
            for src in files:  # one at a time: a failure names its file
                target = outdir / f"{src.stem}.{fmt}"
                target.unlink(missing_ok=True)
                cmd = [
                    soffice,
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    LO_FILTERS[fmt],
                    "--outdir",
                    str(outdir),
                    str(src),
                ]
                subprocess.run(cmd, check=True, capture_output=True, timeout=300, env=env)
                if not target.exists():
                    raise RuntimeError(f"LibreOffice did not write {target.name}")
                if fmt in ("xlsx", "ods"):
                    normalise_zip(target)
                print(f"  libreoffice  {target.name}")


# -- the manifest -------------------------------------------------------------------------------------


def manifest_entry(spec: Spec) -> dict[str, Any]:
    rows = spec.table
    header_row = next(i for i, r in enumerate(rows, start=1) if r.role == HEADER)
    if any(r.role not in (TITLE, BLANK) for r in rows[: header_row - 1]):
        raise ValueError(f"{spec.file}: only title and blank rows may stand above the header")
    counted = [] if spec.refuse_file else [r for r in rows if r.role == DATA]
    by_iso: dict[str, int] = defaultdict(int)
    for r in counted:
        assert r.iso3
        by_iso[r.iso3] += r.total_units() if spec.kind == "sales" else 1
    by_period: dict[str, int] | None = None
    if spec.months:
        by_period = defaultdict(int)
        for r in counted:
            for period, units in (r.spread or {str(r.period): r.units}).items():
                by_period[period] += units
        if any(not re.fullmatch(r"\d{4}-\d{2}", p) for p in by_period):
            raise ValueError(f"{spec.file}: a counted row without a YYYY-MM period")
    powertrain: dict[str, int] | None = None
    if spec.nev:
        nev = sum(r.nev or 0 for r in counted)
        powertrain = {"NEV": nev, "ICE": sum(r.units for r in counted) - nev}
    sheet = spec.data_sheet
    return {
        "file": spec.file,
        "kind": spec.kind,
        "problem": spec.problem,
        "made_by": spec.made_by,
        "what": spec.what,
        "sheet": sheet.name if sheet else None,
        "header_row": header_row,
        "units_by_iso3": dict(sorted(by_iso.items())) if spec.kind == "sales" else None,
        "dealers_by_iso3": dict(sorted(by_iso.items())) if spec.kind == "dealers" else None,
        "units_by_period": dict(sorted(by_period.items())) if by_period is not None else None,
        "units_by_powertrain": powertrain,
        "refused_rows": [
            {"row": i, "field": r.field_name, "why": r.why}
            for i, r in enumerate(rows, start=1)
            if r.role == REFUSED
        ],
        "skipped_rows": {
            "total": [i for i, r in enumerate(rows, start=1) if r.role == TOTAL],
            "hidden": [i for i, r in enumerate(rows, start=1) if r.role == HIDDEN],
            "title": [i for i, r in enumerate(rows, start=1) if r.role == TITLE],
        },
        "refuse_file": spec.refuse_file,
        "encoding": spec.encoding if spec.made_by == "text" else None,
    }


def readme(entries: Iterable[dict[str, Any]]) -> str:
    out = [
        "# Sales-office files",
        "",
        "Realistic spreadsheets and CSV files as sales offices send them, each with one main problem for the "
        "readers (title rows, subtotal lines, merged cells, hidden rows, a notes sheet first, month formats, "
        "encodings, wide tables, numbers written as text, World Bank spellings, a wrong `<dimension>`, "
        "legacy formats, an NEV column, columns to ignore). `expected.json` says, per file, what a person "
        "expects the app to read: the header row, units (or dealers) per ISO3 country, per month and per "
        "powertrain where they apply, the rows refused with a reason, and the title, total and hidden rows "
        "skipped. Row numbers are the rows Excel shows (CSV: line numbers).",
        "",
        "| File | Problem | Made by | What it contains | Expected |",
        "|---|---|---|---|---|",
    ]
    for e in entries:
        if e["refuse_file"]:
            expected = "file refused"
        elif e["kind"] == "sales":
            expected = f"{sum(e['units_by_iso3'].values()):,} units"
        else:
            expected = f"{sum(e['dealers_by_iso3'].values())} dealers"
        if e["refused_rows"]:
            expected += f", {len(e['refused_rows'])} refused"
        what = e["what"].replace("|", "\\|")
        out.append(f"| `{e['file']}` | {e['problem']} | {e['made_by']} | {what} | {expected} |")
    out += [
        "",
        "## Regenerating",
        "",
        "Run `.venv/bin/python tests/data/office/make_office_files.py` from the repository root. It writes "
        "every file, `expected.json` and this README from the rows defined in the script (the expected "
        "totals "
        "come from those rows, never from reading the files back). Workbooks are written with openpyxl; the "
        "files made by LibreOffice are written with openpyxl to a temporary folder and converted with "
        "`soffice --headless --convert-to xlsx|xls|ods` using a throw-away profile "
        "(`-env:UserInstallation=file:///tmp/lo-profile-…`). Without LibreOffice those files are skipped "
        "with "
        "a warning. Zip timestamps and document dates are fixed (LibreOffice runs with `SOURCE_DATE_EPOCH`), "
        "so a rerun gives the same bytes.",
        "",
    ]
    return "\n".join(out)


def main() -> None:
    specs = all_specs()
    names = [s.file for s in specs]
    if len(set(names)) != len(names):
        raise ValueError("duplicate file names")
    soffice = find_soffice()
    pending: dict[str, list[Path]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="office-src-") as tmp:
        for spec in specs:
            out = HERE / spec.file
            if spec.made_by == "text":
                write_text(spec, out)
                print(f"  text         {spec.file}")
            elif spec.made_by == "openpyxl":
                write_workbook(spec, out, formulas=False)
                normalise_zip(out, wrong_dimension=spec.wrong_dimension)
                print(f"  openpyxl     {spec.file}")
            else:
                # one folder per file: sales_plain.xls and sales_plain.ods share a stem
                src = Path(tmp) / spec.file.replace(".", "_") / f"{Path(spec.file).stem}.xlsx"
                src.parent.mkdir()
                write_workbook(spec, src, formulas=True)
                normalise_zip(src)  # openpyxl stamps "modified" with now; LibreOffice would carry it over
                pending[Path(spec.file).suffix.lstrip(".")].append(src)
        if soffice:
            convert_with_libreoffice(soffice, pending, HERE)
        else:
            skipped = ", ".join(s.file for s in specs if s.made_by == "libreoffice")
            print(f"WARNING: LibreOffice (soffice) not found; not made: {skipped}")
    entries = [manifest_entry(s) for s in specs if (HERE / s.file).exists()]
    (HERE / "expected.json").write_text(
        json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (HERE / "README.md").write_text(readme(entries), encoding="utf-8")
    print(f"{len(entries)} files described in expected.json")


if __name__ == "__main__":
    main()
