"""Months and amounts as sales offices write them, parsed once per distinct text.

Months: ``2024-03``, ``2024/3/1``, ``2024年3月``, ``202403``, ``Mar-24``, ``March 2024``, ``2024-Mar``,
Excel date serials (``45352``), ``3月`` or ``Mar`` beside a year column, and ``3/1/2024`` or ``1/3/2024``:
day-first or month-first is decided per file from the data and refused when the data cannot tell.
``2024.1`` is refused unless the file shows how it writes months (``2024.05`` → ``2024.1`` is October;
``2024.10`` → ``2024.1`` is January): Excel shows the number 2024.10 as 2024.1, so it is never silently
January.

Amounts: ``12.3万``, ``1.2亿``, full-width digits, ``1,234辆``, ``56台``, ``78 units``, ``¥18.6亿``, and a
dash (``—``, ``-``) for zero.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for name in names
}
_MON = "(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIALS = (20000, 80000)  # 1954-10-03 … 2119-01-10: a five-digit number in a month column is a date

_YMD = re.compile(
    r"(?P<y>\d{4})\s*(?P<sep>[-/年])\s*(?P<m>\d{1,2})\s*(?:月份?|月)?(?:\s*[-/]\s*\d{1,2}\s*日?)?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_Y_DOT_M = re.compile(r"(?P<y>\d{4})\.(?P<m>\d{1,2})(?:\.\d{1,2})?")
_YYYYMM = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})")
_BARE = re.compile(r"(?P<m>\d{1,2})\s*(?:月份?)?")
_MON_Y = re.compile(_MON + r"[a-z]*[\s\-/'’.,]*(?P<y>\d{4}|\d{2})")
_Y_MON = re.compile(r"(?P<y>\d{4})[\s\-/.]*" + _MON + r"[a-z]*")
_D_MON_Y = re.compile(r"\d{1,2}[\s\-/.]*" + _MON + r"[a-z]*[\s\-/.']*(?P<y>\d{4}|\d{2})")
_BARE_MON = re.compile(_MON + r"[a-z]*")
_NUMERIC_DATE = re.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_QUARTER = re.compile(r"(?:\d{4}\s*)?(?:q[1-4]|[1-4]\s*q|第?[一二三四1-4]\s*季度?)(?:\s*\d{4})?")
_RANGE = re.compile(r"\d{4}\s*年?\s*\d{1,2}\s*[-~～至到]\s*\d{1,2}\s*月")


@dataclass(frozen=True)
class MonthReading:
    """One distinct month text read: (year, month) or why not; ``year`` 0 when only the month is given."""

    year: int = 0
    month: int = 0
    problem: str = ""
    problem_zh: str = ""
    numeric: tuple[int, int, int] | None = None  # (a, b, year) of a/b/yyyy, decided per file
    dotted: tuple[int, str] | None = None  # (year, month digits) of yyyy.m, decided per file


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _year(text: str) -> int:
    y = int(text)
    return 2000 + y if y < 100 else y


def read_month(text: str) -> MonthReading:
    """Read one month text on its own (the file-wide decisions come after, in :func:`parse_months`)."""
    t = _norm(text)
    if not t:
        return MonthReading()
    if m := _YMD.fullmatch(t):
        return MonthReading(int(m["y"]), int(m["m"]))
    if m := _Y_DOT_M.fullmatch(t):
        if t.count(".") == 2:
            return MonthReading(int(m["y"]), int(m["m"]))
        return MonthReading(dotted=(int(m["y"]), m["m"]))
    if m := _YYYYMM.fullmatch(t):
        return MonthReading(int(m["y"]), int(m["m"]))
    if m := _SERIAL.fullmatch(t):
        n = float(t)
        if SERIALS[0] <= n < SERIALS[1]:
            d = EXCEL_EPOCH + dt.timedelta(days=int(n))
            return MonthReading(d.year, d.month)
    if m := _MON_Y.fullmatch(t):
        return MonthReading(_year(m["y"]), MONTHS[m["mon"]])
    if m := _Y_MON.fullmatch(t):
        return MonthReading(int(m["y"]), MONTHS[m["mon"]])
    if m := _D_MON_Y.fullmatch(t):
        return MonthReading(_year(m["y"]), MONTHS[m["mon"]])
    if m := _NUMERIC_DATE.fullmatch(t):
        return MonthReading(numeric=(int(m["a"]), int(m["b"]), _year(m["y"])))
    if m := _BARE.fullmatch(t):
        return MonthReading(0, int(m["m"]))
    if m := _BARE_MON.fullmatch(t):
        return MonthReading(0, MONTHS[m["mon"]])
    if _QUARTER.fullmatch(t):
        return MonthReading(problem="a quarter, not a month: give one row per month",
                            problem_zh="这是季度，不是月份：请每月一行")  # fmt: skip
    if _RANGE.fullmatch(t):
        return MonthReading(problem="a range of months: give one row per month",
                            problem_zh="这是多个月的区间：请每月一行")  # fmt: skip
    return MonthReading(problem="not a month (write it as 2024-03)", problem_zh="不是月份（请写成 2024-03）")


@dataclass(frozen=True)
class FileMonthRules:
    """How this file writes the ambiguous forms, decided from all of its month texts."""

    day_first: bool | None  # a/b/yyyy: True day-first, False month-first, None undecidable
    numeric_conflict: bool  # the file has a/b dates that are day-first and others month-first
    dot_one: int | None  # the month that yyyy.1 means (10 or 1), None undecidable


def file_rules(readings: list[MonthReading]) -> FileMonthRules:
    """Decide day-first vs month-first and what ``yyyy.1`` means, from every reading of the file."""
    pairs = [r.numeric for r in readings if r.numeric]
    first_big = any(a > 12 for a, _, _ in pairs)
    second_big = any(b > 12 for _, b, _ in pairs)
    day_first: bool | None
    if first_big and not second_big:
        day_first = True
    elif second_big and not first_big:
        day_first = False
    elif pairs and all(a == 1 for a, _, _ in pairs):
        day_first = True  # 1/3/2024, 1/4/2024: the first of each month, day first
    elif pairs and all(b == 1 for _, b, _ in pairs):
        day_first = False  # 3/1/2024, 4/1/2024: the first of each month, month first
    elif pairs and all(a == b for a, b, _ in pairs):
        day_first = True  # 1/1, 2/2: either way the same month
    else:
        day_first = None
    dots = [m for r in readings if r.dotted for m in [r.dotted[1]]]
    dot_one: int | None = None
    if any(len(m) == 2 and m.startswith("0") for m in dots):
        dot_one = 10  # months written 2024.05: 2024.1 is 2024.10 as Excel shows a number
    elif "10" in dots:
        dot_one = 1  # October written 2024.10: 2024.1 is January
    return FileMonthRules(day_first, first_big and second_big, dot_one)


def resolve(reading: MonthReading, rules: FileMonthRules) -> MonthReading:
    """A reading with the file's decisions applied: (year, month) or a problem."""
    if reading.numeric:
        a, b, y = reading.numeric
        if rules.numeric_conflict:
            return MonthReading(problem="the file mixes day-first and month-first dates (write 2024-03)",
                                problem_zh="文件中日/月顺序不一致（请写成 2024-03）")  # fmt: skip
        if rules.day_first is None:
            return MonthReading(
                problem=f"could be {b}/{y} (day first) or {a}/{y} (month first): write it as {y}-{b:02d} "
                f"or {y}-{a:02d}",
                problem_zh=f"可能是 {y} 年 {b} 月（日在前）或 {y} 年 {a} 月（月在前）：请写成 {y}-{b:02d} 或 "
                f"{y}-{a:02d}",
            )
        return MonthReading(y, b if rules.day_first else a)
    if reading.dotted:
        y, digits = reading.dotted
        if digits == "1":
            if rules.dot_one is None:
                return MonthReading(
                    problem=f"{y}.1 could be January or October (Excel shows the number {y}.10 as {y}.1): "
                    f"write {y}-01 or {y}-10, or give the column the number format 0.00",
                    problem_zh=f"{y}.1 可能是 1 月也可能是 10 月（Excel 把数字 {y}.10 显示为 {y}.1）：请写成 "
                    f"{y}-01 或 {y}-10，或把该列的数字格式设为 0.00",
                )
            return MonthReading(y, rules.dot_one)
        return MonthReading(y, int(digits))
    return reading


def parse_months(texts: pd.Series) -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    """Year (0 when only a month is given) and month (0 where unreadable) per text, and per text the
    problem in English and Chinese ("" where read). Each distinct text is read once."""
    codes, uniques = pd.factorize(texts)
    readings = [read_month(str(u)) for u in uniques]
    rules = file_rules(readings)
    final = [resolve(r, rules) for r in readings] + [MonthReading()]
    year = np.array([r.year for r in final], dtype=np.int64)[codes]
    month = np.array([r.month for r in final], dtype=np.int64)[codes]
    problems = np.array([r.problem for r in final], dtype=object)[codes]
    problems_zh = np.array([r.problem_zh for r in final], dtype=object)[codes]
    return year, month, list(problems), list(problems_zh)


# -- amounts -------------------------------------------------------------------------------------------

MULTIPLIERS = {"": 1.0, "千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8}
_DASHES = re.compile(r"[-‐‑‒–—―－~]+")
_AMOUNT = re.compile(
    r"(?:[¥￥$]|rmb|cny)?\s*(?P<num>[+-]?(?:\d{1,3}(?:[,\u00a0\u202f' ]\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)\s*"
    r"(?P<mult>千万|百万|千|万|亿)?\s*"
    r"(?P<unit>辆|台|部|units?|pcs|vehicles?|veh|cars?|元|人民币|yuan|cny|rmb)?\.?"
)


def read_amount(text: str) -> float:
    """One amount as a person writes it; NaN when it is not one."""
    t = _norm(text)
    if not t:
        return np.nan
    if _DASHES.fullmatch(t):
        return 0.0
    m = _AMOUNT.fullmatch(t)
    if not m:
        return np.nan
    digits = re.sub(r"[,\u00a0\u202f' ]", "", m["num"])
    return float(digits) * MULTIPLIERS[m["mult"] or ""]


def parse_amounts(texts: pd.Series, plain: pd.Series) -> pd.Series:
    """``plain`` (numbers read by the fast path, NaN where not plain) completed with :func:`read_amount`
    for the non-empty texts it could not read."""
    retry = plain.isna().to_numpy() & (texts != "").to_numpy()
    if not retry.any():
        return plain
    sub = texts[retry]
    codes, uniques = pd.factorize(sub)
    values = np.array([read_amount(str(u)) for u in uniques] + [np.nan])[codes]
    out = plain.copy()
    out[retry] = values
    return out
