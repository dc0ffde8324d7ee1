"""Time checking a 200,000-row sales-office workbook (goal: at most 5 s, everything included).

    .venv/bin/python bench/bench_office_xlsx.py [--rows 200000] [--repeat 3]

The workbook is a Chinese sales report as offices make it, at scale: a notes sheet first; on the data
sheet a merged title, a unit line and a blank row above the header, 国家 merged down over each country's
block, a 小计 row after each block and 合计 at the bottom, every 97th row hidden (voided), an ignored
批发量 column and a 新能源 column that splits rows into NEV and ICE. It is written once, as the XML
Excel writes (not timed), with the expected total computed from the rows written. Then, per repeat,
``load_table`` (what File → Import and ``check-data`` run: sheet and header found, merged cells filled,
hidden and total rows left out, values checked) is timed, and once ``corridor-map check-data`` as a
whole process. The accepted total must equal the expected one.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

GOAL_S = 5.0
SEED = 18
COUNTRIES = [
    "泰国",
    "俄罗斯",
    "哈萨克斯坦",
    "越南",
    "沙特阿拉伯",
    "阿联酋",
    "巴西",
    "墨西哥",
    "智利",
    "马来西亚",
]
BRANDS = ["长安", "深蓝", "阿维塔", "长安凯程", "赛力斯", "问界"]
HEADER = ["国家", "品牌", "年份", "月份", "批发量", "销量", "新能源", "备注"]


_NS = "http://schemas.openxmlformats.org"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_RELS = f"{_NS}/package/2006/relationships"
_REL = f"{_NS}/officeDocument/2006/relationships"
PARTS = {  # the parts of a workbook besides its sheets
    "[Content_Types].xml": (
        f'{_XML}<Types xmlns="{_NS}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_BOOK_TYPE}"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEET_TYPE}"/>'
        f'<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{_SHEET_TYPE}"/></Types>'
    ),
    "_rels/.rels": (
        f'{_XML}<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'{_XML}<workbook xmlns="{_NS}/spreadsheetml/2006/main" xmlns:r="{_REL}"><sheets>'
        '<sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="数据" sheetId="2" r:id="rId2"/>'
        "</sheets></workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        f'{_XML}<Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/worksheet" Target="worksheets/sheet2.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    ),
}


def _col(i: int) -> str:
    return "ABCDEFGH"[i]


def _cell(ref: str, value: object, strings: dict[str, int]) -> str:
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    index = strings.setdefault(str(value), len(strings))  # shared strings, as Excel writes text
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def _row(number: int, values: list[object], strings: dict[str, int], hidden: bool = False) -> str:
    cells = "".join(_cell(f"{_col(i)}{number}", v, strings) for i, v in enumerate(values) if v != "")
    flag = ' hidden="1"' if hidden else ""
    return f'<row r="{number}"{flag}>{cells}</row>'


def write_workbook(path: Path, rows: int) -> tuple[int, int]:
    """Write the report; return (data rows written visible, expected total units)."""
    rng = random.Random(SEED)
    strings: dict[str, int] = {}
    lines = [
        _row(1, ["2024年海外销量汇总"], strings),
        _row(2, ["单位：辆"], strings),
        _row(4, list(HEADER), strings),
    ]
    merges = ["A1:H1"]
    n, total, visible, written = 5, 0, 0, 0
    per_country = -(-rows // len(COUNTRIES))
    for country in COUNTRIES:
        start = n
        block = 0
        for _ in range(min(per_country, rows - written)):
            units = rng.randint(0, 5000)
            nev = rng.randint(0, units)
            hidden = n % 97 == 0
            first = n == start
            values: list[object] = [
                country if first else "",
                rng.choice(BRANDS),
                2024,
                rng.randint(1, 12),
                units + rng.randint(0, 300),
                units,
                nev,
                "作废" if hidden else "",
            ]
            lines.append(_row(n, values, strings, hidden))
            if not hidden:
                total += units
                block += units
                visible += 1
            n += 1
            written += 1
        if n - 1 > start:
            merges.append(f"A{start}:A{n - 1}")
        lines.append(_row(n, ["", "小计", "", "", "", block, "", ""], strings))
        n += 1
    lines.append(_row(n, ["合计", "", "", "", "", total, "", ""], strings))
    merged = "".join(f'<mergeCell ref="{m}"/>' for m in merges)
    sheet = (
        f'{_XML}<worksheet xmlns="{_NS}/spreadsheetml/2006/main">'
        f'<dimension ref="A1:H{n}"/><sheetData>{"".join(lines)}</sheetData>'
        f'<mergeCells count="{len(merges)}">{merged}</mergeCells></worksheet>'
    )
    notes = (
        f'{_XML}<worksheet xmlns="{_NS}/spreadsheetml/2006/main"><sheetData>'
        + _row(1, ["说明：本表为海外销量明细，数据见“数据”工作表。"], strings)
        + "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        z.writestr(
            "xl/sharedStrings.xml",
            f'{_XML}<sst xmlns="{_NS}/spreadsheetml/2006/main" count="{len(strings)}" '
            f'uniqueCount="{len(strings)}">{items}</sst>',
        )
        z.writestr("xl/worksheets/sheet1.xml", notes)
        z.writestr("xl/worksheets/sheet2.xml", sheet)
    return visible, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    from corridor_map.core.importing import load_table

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "office_report.xlsx"
        visible, total = write_workbook(path, args.rows)
        print(f"workbook: {args.rows:,} data rows ({visible:,} visible), {path.stat().st_size / 1e6:.1f} MB")
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = load_table(path, "sales", progress=lambda _f, _s: None)
            times.append(time.perf_counter() - started)
            got = int(result.accepted["units"].sum())
            if got != total or result.accepted_count != visible or result.rejections:
                rows = result.accepted_count
                print(f"WRONG: {got:,} units / {rows:,} rows, expected {total:,} / {visible:,}")
                return 1
        layout = result.raw.layout
        assert layout is not None
        print(f"read as: {layout.lines()[0][0]}; skipped {len(layout.skipped):,} rows")
        print(f"load_table (find, fill, leave out, check): median {statistics.median(times):.2f} s, "
              f"min {min(times):.2f} s over {args.repeat}; total {total:,} units as expected")  # fmt: skip
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "corridor_map", "check-data", "--sales", str(path), "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
        whole = time.perf_counter() - started
        print(f"corridor-map check-data, whole process: {whole:.2f} s (exit {proc.returncode})")
        worst = max(statistics.median(times), whole)
        print(f"goal ≤ {GOAL_S:.0f} s: {'met' if worst <= GOAL_S else 'NOT met'} ({worst:.2f} s)")
        if args.json:
            figures = {"rows": args.rows, "load_table_s": statistics.median(times), "check_data_s": whole}
            args.json.write_text(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
