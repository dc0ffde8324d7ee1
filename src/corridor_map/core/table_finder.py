"""Find the table in a report-style sheet: the header row by its content, and the rows that are not data.

Chinese sales reports put a title, a blank row and a unit line ("单位：辆") above the header, subtotal
(小计) and total (合计) rows between and below the data, and "其中" breakdown rows that repeat part of
the row above; statistics sites put the years in the header ("2021, 2022, 2023"). This module finds the
header as the first row with known column names, tells title, unit and note lines, total and breakdown
rows by their words, and turns a wide table (years or months as columns) into one row per year or month.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from corridor_map.core.distinct import Distinct, is_blank, per_distinct, stripped
from corridor_map.core.layout import SkipReason
from corridor_map.core.schema import TABLE_KINDS, TableKind, match_headers
from corridor_map.core.values import read_month

HEADER_SEARCH_ROWS = 40  # a header further down than this is not looked for
MIN_FIELDS = 2  # known column names a row needs to be taken as the header

_TOTAL_WORDS = r"(?:合\s*计|小\s*计|总\s*计|总\s*合\s*计|汇\s*总|共\s*计|总\s*和|累\s*计)"
# Sales tables: a cell that starts or ends with a total word, or is "Total …"/"… total" in English.
SALES_TOTAL = (
    r"(?i)^\s*(?:" + _TOTAL_WORDS + r"|(?:grand\s*|sub\s*-?\s*)?totals?(?:[^a-z]|$)|sum(?:[^a-z]|$)|"
    r"gesamt|summe|итого|всего)|(?:" + _TOTAL_WORDS + r"|\b(?:sub\s*-?\s*)?total)\s*[:：]?\s*$"
)
# Dealer lists hold names ("Total Motors"): only a cell that is just a total word (and a count).
DEALERS_TOTAL = (
    r"(?i)^\s*(?:"
    + _TOTAL_WORDS
    + r"|(?:grand\s*|sub\s*-?\s*)?total|sum)\s*[:：]?\s*[\d,]*\s*(?:家|个|dealers?)?\s*$"
)
BREAKDOWN = r"^\s*(?:其\s*中|of\s+which)"
_UNIT_LINE = re.compile(r"(?i)^\s*(?:单位|計量單位|计量单位|單位|unit|units|in units|currency)\s*[:：(（]")
_NOTE_LINE = re.compile(
    r"(?i)^\s*(?:注|备注|說明|说明|数据来源|资料来源|来源|note|notes|source|sources|\*)\s*[:：.*\d]"
)
_YEAR_HEADER = re.compile(r"(?i)(?:fy\s*)?(?P<y>19[89]\d|20\d\d)\s*(?:年|年度|\[yr\d{4}\]|yr)?")


def header_score(cells: Sequence[str], kind: TableKind | None = None) -> int:
    """How many fields a row's cells name (the best table kind when ``kind`` is None); a row with two
    or more year or month columns counts them as the date and units fields of a wide table."""
    kinds = (kind,) if kind else TABLE_KINDS
    best = max(len(match_headers(list(cells), k).columns) for k in kinds)
    if kind in (None, "sales") and len(date_columns(cells)) >= 2:
        best = max(best, len(match_headers(list(cells), "sales").columns) + 2)
    return best


def find_header(rows: Sequence[tuple[int, Sequence[str]]], kind: TableKind | None = None) -> tuple[int, bool]:
    """The position in ``rows`` (non-blank rows from the top, as (row number, cells)) of the header:
    the first with :data:`MIN_FIELDS` known names, else the first row (and False)."""
    for i, (_row, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if header_score(cells, kind) >= MIN_FIELDS:
            return i, True
    return 0, False


def above_reason(cells: Sequence[str]) -> SkipReason:
    """What a non-blank row above the header is: a unit line or a title."""
    text = " ".join(c for c in cells if c.strip())
    return "unit" if _UNIT_LINE.match(text) or "单位：" in text or "单位:" in text else "title"


def row_text(cells: Sequence[str]) -> str:
    """The non-empty cells of a row, joined (what the report quotes)."""
    return " ".join(c.strip() for c in cells if c.strip())


@dataclass
class RowFlags:
    """Rows of a table that are not data: a reason and the cell that told, per row position."""

    positions: np.ndarray  # positions in the table's rows
    reasons: list[SkipReason]
    texts: list[str]


def matches(column: pd.Series, pattern: str) -> np.ndarray:
    """Which cells of a text column match ``pattern`` (RE2 through Arrow; re where Arrow is missing),
    each distinct text tried once."""
    return per_distinct(column, lambda texts: _matches(texts, pattern)).to_numpy(dtype=bool)


def _matches(column: pd.Series, pattern: str) -> pd.Series:
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # the packaged app has no pyarrow
        return column.str.contains(pattern, regex=True).fillna(False).astype(bool)
    arr = pa.array(column.array, type=pa.string())
    found = pc.match_substring_regex(arr, pattern.replace("(?i)", ""), ignore_case="(?i)" in pattern)
    return pd.Series(np.asarray(pc.fill_null(found, False).to_numpy(zero_copy_only=False), dtype=bool))


def flag_rows(cells: pd.DataFrame, kind: TableKind, skip_columns: Sequence[int] = ()) -> RowFlags:
    """Total, subtotal, breakdown and note rows of a text table (columns 0..n-1)."""
    n = len(cells)
    reason = np.full(n, "", dtype=object)
    text = np.full(n, "", dtype=object)
    total_pattern = SALES_TOTAL if kind == "sales" else DEALERS_TOTAL
    either = f"(?:{BREAKDOWN})|(?:{total_pattern.removeprefix('(?i)')})"  # one pass; then which one
    filled = np.zeros(n, dtype=np.int64)
    first_col = np.full(n, -1, dtype=np.int64)  # the first non-blank column of each row
    for j, col in enumerate(cells.columns):
        column = cells[col].astype("str")
        distinct = Distinct(column)  # (one set of codes for both questions)
        nonblank = ~distinct.apply(is_blank).to_numpy(dtype=bool)
        first_col[(first_col < 0) & nonblank] = j
        filled += nonblank
        if col in skip_columns or not nonblank.any():
            continue
        either_hit = distinct.apply(lambda texts: _matches(texts, "(?i)" + either)).to_numpy(dtype=bool)
        candidates = either_hit & (reason == "")
        if not candidates.any():
            continue
        hits = np.flatnonzero(candidates)
        found = column.iloc[hits]
        for label, pattern in (("breakdown", BREAKDOWN), ("total", total_pattern)):
            hit = matches(found, pattern) & (reason[hits] == "")
            reason[hits[hit]] = label
            text[hits[hit]] = found.to_numpy(dtype=object)[hit]
    single = (filled == 1) & (reason == "")
    for j, col in enumerate(cells.columns):
        rows = np.flatnonzero(single & (first_col == j))
        if not len(rows):
            continue
        texts = cells[col].iloc[rows].astype("str").to_numpy(dtype=object)
        notes = np.array([bool(_NOTE_LINE.match(str(t))) for t in texts], dtype=bool)
        reason[rows[notes]] = "note"
        text[rows[notes]] = texts[notes]
    positions = np.flatnonzero(reason != "")
    return RowFlags(positions, [reason[p] for p in positions], [str(text[p]).strip() for p in positions])


# -- wide tables -----------------------------------------------------------------------------------------


def _header_norm(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip()


def date_columns(headers: Sequence[str]) -> dict[int, tuple[str, str]]:
    """Columns whose header is a year or a month: index → ("year", "2023") or ("period", "2024-03")
    or ("period", "3") for a month without its year."""
    out: dict[int, tuple[str, str]] = {}
    for i, h in enumerate(headers):
        t = _header_norm(h)
        if not t:
            continue
        if m := _YEAR_HEADER.fullmatch(t):
            out[i] = ("year", m["y"])
            continue
        if not re.search(r"\d|[a-z]", t, re.IGNORECASE) or len(t) > 20:
            continue
        reading = read_month(t)
        if reading.month and 1 <= reading.month <= 12 and not reading.problem:
            out[i] = ("period", f"{reading.year}-{reading.month:02d}" if reading.year else str(reading.month))
    kinds = {k for k, _ in out.values()}
    if len(kinds) > 1:  # "2023" next to "2024-01": keep the kind most columns have
        keep = max(kinds, key=lambda k: sum(v[0] == k for v in out.values()))
        out = {i: v for i, v in out.items() if v[0] == keep}
    return out


EMPTY_WIDE = {"", "..", "...", "-", "--", "—", "–", "n/a", "na", "#n/a", "x"}


def unpivot(
    headers: list[str], cells: pd.DataFrame, rows: np.ndarray, columns: dict[int, tuple[str, str]]
) -> tuple[list[str], pd.DataFrame, np.ndarray, int, str]:
    """One row per (row, date column) with a value: the other columns, then the date and the units.

    Returns headers, cells, row numbers, how many empty date cells were left out, and "year"/"period".
    """
    into = next(iter(columns.values()))[0]
    keep = [i for i in range(len(headers)) if i not in columns]
    out_headers = [headers[i] for i in keep] + [into, "units"]
    parts: list[pd.DataFrame] = []
    row_parts: list[np.ndarray] = []
    empty = 0
    for col, (_kind, label) in columns.items():
        values = stripped(cells[col])
        blank = values.str.casefold().isin(EMPTY_WIDE).to_numpy()
        empty += int(blank.sum())
        part = cells.loc[~blank, keep].copy()
        part.columns = pd.RangeIndex(len(keep))
        part[len(keep)] = label
        part[len(keep) + 1] = values[~blank]
        parts.append(part)
        row_parts.append(rows[~blank])
    if not parts:
        return out_headers, pd.DataFrame(columns=range(len(out_headers)), dtype="str"), rows[:0], empty, into
    frame = pd.concat(parts, ignore_index=True)
    numbers = np.concatenate(row_parts)
    order = np.argsort(numbers, kind="stable")
    return out_headers, frame.iloc[order].reset_index(drop=True).astype("str"), numbers[order], empty, into
