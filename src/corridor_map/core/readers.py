"""Read a user's CSV or workbook into a table of text cells, with the row numbers a spreadsheet shows.

The format comes from the content (XLSX, XLS, ODS or text), never from the extension. CSV: the encoding
is detected (:mod:`corridor_map.core.encodings`); delimiter ``,`` ``;`` or tab, found in the header.
The header is the first row with known column names (:mod:`corridor_map.core.table_finder`): title and
unit lines above it, total, breakdown and note rows, and (workbooks) hidden rows are left out and listed
in :class:`~corridor_map.core.layout.Layout`; merged cells are filled down; a table with years or
months as columns becomes one row per year or month.
Every cell stays text here (``"00123"`` stays ``"00123"``); :mod:`corridor_map.core.validate` parses it.

CSVs take the fast path: numpy finds the records and counts their cells (quotes respected), and
pyarrow parses the rows that have as many cells as the header (where pyarrow is missing, as in the
packaged app, pandas' C parser parses those records). Anything the two disagree on falls back to
Python's csv module, which is slower but exact.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from corridor_map.core import table_finder, workbook
from corridor_map.core.distinct import blank
from corridor_map.core.encodings import decode
from corridor_map.core.errors import DataFormatError
from corridor_map.core.layout import Layout, Skipped

if TYPE_CHECKING:
    from corridor_map.core.schema import TableKind

log = logging.getLogger(__name__)

ProgressCallback = Callable[[float, str], None]
"""``progress(fraction 0..1, stage text)``; it may raise to cancel (nothing is changed then)."""

LayoutChoice = Literal["auto", "long", "wide"]
DELIMITERS = (",", ";", "\t")
MAX_COLUMNS = 16_384  # Excel's limit (column XFD)
MAX_HEADER_BYTES = 1 << 20  # 16,384 headers of 64 bytes: a longer first line is not a header row
MAX_ROW_BYTES = 1 << 22  # 4 MB: far beyond any sales or dealer row; a longer line is not a table row
MAX_FAST_INVALID_ROWS = 5000  # rows of another width the fast path tolerates before it gives up


@dataclass
class RawTable:
    """A file's header and data rows as text, before validation."""

    path: Path
    format: Literal["csv", "xlsx", "xls", "ods"]
    headers: list[str]
    cells: pd.DataFrame  # columns 0..n-1 (text), one row per data row with as many cells as the header
    rows: np.ndarray  # the spreadsheet row number of each row of ``cells``
    header_row: int = 1
    bad_width: dict[int, list[str]] = field(default_factory=dict)  # row -> its cells (count != header)
    formula_without_value: list[tuple[int, int]] = field(default_factory=list)  # (row, column index)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    layout: Layout | None = None

    @property
    def data_rows(self) -> int:
        """Data rows below the header as the sheet has them (blank rows not counted; a wide table's
        row counts once, not once per year column)."""
        return len(np.unique(self.rows)) + len(self.bad_width)

    def row_cells(self, row: int) -> list[str]:
        """The cells of spreadsheet row ``row`` as read (for exporting rejected rows)."""
        if row in self.bad_width:
            return list(self.bad_width[row])
        pos = int(np.searchsorted(self.rows, row))
        if pos >= len(self.rows) or self.rows[pos] != row:
            raise KeyError(row)
        return [str(v) for v in self.cells.iloc[pos].tolist()]


def _noop(_fraction: float, _stage: str) -> None:
    return None


def read_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    kind: TableKind | None = None,
    header_row: int | None = None,
    encoding: str | None = None,
    layout: LayoutChoice = "auto",
    progress: ProgressCallback | None = None,
) -> RawTable:
    """Read ``path`` (CSV or workbook, by content); raise DataFormatError naming the file when it cannot.

    ``sheet``, ``header_row`` (1-based), ``encoding`` and ``layout`` override what is found; ``kind``
    helps find the sheet and the header of a sales or dealers table.
    """
    path = Path(path)
    report = progress or _noop
    report(0.0, "reading")
    if not path.exists():
        raise DataFormatError(path, "no such file")
    if path.is_dir():
        raise DataFormatError(path, "is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataFormatError(path, f"cannot be read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise DataFormatError(path, "the file is empty", reason_zh="文件是空的")
    fmt = workbook.workbook_format(data)
    if fmt is not None:
        raw = _read_workbook(path, data, sheet, kind, header_row, report)
    else:
        try:
            raw = _read_csv(path, data, report, kind=kind, header_row=header_row, encoding=encoding)
        except csv.Error as exc:  # e.g. a cell longer than csv.field_size_limit() in a row the fast path left
            raise DataFormatError(path, f"not a readable CSV file ({exc})") from exc
    return _tidy(raw, kind or "sales", layout)


def _tidy(raw: RawTable, kind: TableKind, layout: LayoutChoice) -> RawTable:
    """Leave out total, breakdown and note rows; make a wide table long."""
    assert raw.layout is not None
    flags = table_finder.flag_rows(raw.cells, kind)
    if len(flags.positions):
        raw.layout.skipped += [
            Skipped(int(raw.rows[p]), reason, text)
            for p, reason, text in zip(flags.positions, flags.reasons, flags.texts, strict=True)
        ]
        keep = np.ones(len(raw.cells), dtype=bool)
        keep[flags.positions] = False
        raw.cells = raw.cells.loc[keep].reset_index(drop=True)
        raw.rows = raw.rows[keep]
    raw.layout.skipped.sort(key=lambda s: s.row)
    columns = table_finder.date_columns(raw.headers) if kind == "sales" and layout != "long" else {}
    wide = len(columns) >= 2 and (layout == "wide" or not _has_units(raw.headers))
    if wide:
        headers, cells, rows, empty, into = table_finder.unpivot(raw.headers, raw.cells, raw.rows, columns)
        raw.layout.unpivoted = [raw.headers[i] for i in columns]
        raw.layout.unpivoted_into = into
        raw.layout.empty_wide_cells = empty
        raw.headers, raw.cells, raw.rows = headers, cells, rows
        raw.formula_without_value = []
    return raw


def _has_units(headers: list[str]) -> bool:
    from corridor_map.core.schema import match_headers

    return "units" in match_headers(headers, "sales").columns


# -- CSV ----------------------------------------------------------------------------------------------


def _binary_check(path: Path, utf8: bytes) -> None:
    head = np.frombuffer(utf8[: 1 << 20], dtype=np.uint8)  # binary files show it in the first MB
    control = int(np.count_nonzero((head < 32) & (head != 9) & (head != 10) & (head != 13)))
    if control > max(2, len(head) // 1000):
        raise DataFormatError(path, "not a CSV or XLSX file (binary content)")


def _split_cells(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _pick_delimiter(header_line: str) -> str:
    counts = {d: len(_split_cells(header_line, d)) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: counts[d])  # ties keep the order above: comma first


@dataclass
class _Records:
    starts: np.ndarray
    ends: np.ndarray  # exclusive, without the newline (may include a trailing \r)
    quoted_newlines: bool


def _outside_quotes(quotes: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Which of ``positions`` (sorted byte offsets) lie outside double quotes (an even count before)."""
    if not len(quotes):
        return positions
    return positions[(np.searchsorted(quotes, positions) & 1) == 0]


def _records(buf: np.ndarray) -> tuple[_Records, np.ndarray]:
    """Record boundaries (newlines outside quotes) and the byte offsets of the quotes."""
    quotes = np.flatnonzero(buf == 34)
    newline = 10 if (buf == 10).any() or not (buf == 13).any() else 13  # 13: classic Mac line ends
    all_nl = np.flatnonzero(buf == newline)
    ends_nl = _outside_quotes(quotes, all_nl)
    quoted_newlines = len(ends_nl) != len(all_nl)
    starts = np.concatenate(([0], ends_nl + 1))
    ends = np.concatenate((ends_nl, [len(buf)]))
    if starts[-1] >= len(buf):  # the file ends with a newline
        starts, ends = starts[:-1], ends[:-1]
    return _Records(starts, ends, quoted_newlines), quotes


def _lone_cr_to_lf(utf8: bytes) -> bytes:
    """Mixed line ends: a CR not followed by LF (outside quotes) ends a record too, as it does for
    spreadsheets and Python's csv module; without this the fast path and the exact one disagree."""
    buf = np.frombuffer(utf8, dtype=np.uint8)
    cr = np.flatnonzero(buf == 13)
    if not len(cr) or not (buf == 10).any():  # no CR, or a classic Mac file (``_records`` splits on CR)
        return utf8
    following = np.append(buf, np.uint8(0))[cr + 1]
    lone = _outside_quotes(np.flatnonzero(buf == 34), cr[following != 10])
    if not len(lone):
        return utf8
    fixed = buf.copy()
    fixed[lone] = 10
    return fixed.tobytes()


def _read_csv(
    path: Path,
    data: bytes,
    report: ProgressCallback,
    *,
    kind: TableKind | None = None,
    header_row: int | None = None,
    encoding: str | None = None,
) -> RawTable:
    decoded = decode(path, data, encoding)
    utf8 = _lone_cr_to_lf(decoded.utf8)
    _binary_check(path, utf8)
    encoding = decoded.encoding
    layout = Layout(
        "csv",
        encoding=decoded.label,
        encoding_code=decoded.encoding,
        encoding_guessed=decoded.guessed,
        encoding_doubt=(decoded.doubt(), decoded.doubt_zh()),
    )
    report(0.3, "finding rows")
    buf = np.frombuffer(utf8, dtype=np.uint8)
    recs, quotes = _records(buf)

    def text(i: int) -> str:
        return utf8[recs.starts[i] : recs.ends[i]].decode("utf-8").rstrip("\r")

    header_idx, delimiter, found = _csv_header(path, recs, text, kind, header_row)
    layout.header_row, layout.header_found = header_idx + 1, found
    for i in range(header_idx):
        line = text(i)
        if line.strip() and len(line) <= MAX_HEADER_BYTES:
            above = _split_cells(line, delimiter)
            if any(c.strip() for c in above):
                layout.skipped.append(
                    Skipped(i + 1, table_finder.above_reason(above), table_finder.row_text(above))
                )
    headers = [h.strip() for h in _split_cells(text(header_idx), delimiter)]
    n = len(headers)
    if n > MAX_COLUMNS:
        raise DataFormatError(path, f"the header has {n:,} columns; a worksheet has at most {MAX_COLUMNS:,}")
    if n < 2:
        raise DataFormatError(
            path,
            "only one column found; expected a table with columns separated by commas, semicolons or tabs",
            reason_zh="只找到一列；应为以逗号、分号或制表符分隔各列的表格",
        )
    below = slice(header_idx + 1, None)
    starts, ends = recs.starts[below], recs.ends[below]
    row_numbers = np.arange(header_idx + 2, header_idx + 2 + len(starts))
    report(0.6, "parsing")
    if not len(starts):
        empty_cells = pd.DataFrame({i: pd.Series([], dtype="str") for i in range(n)})
        return RawTable(
            path,
            "csv",
            headers,
            empty_cells,
            np.zeros(0, dtype=np.int64),
            header_idx + 1,
            encoding=encoding,
            delimiter=delimiter,
            layout=layout,
        )
    longest = int(np.argmax(ends - starts))
    if int(ends[longest] - starts[longest]) > MAX_ROW_BYTES:  # garbage, or a file without line ends
        size = int(ends[longest] - starts[longest])
        raise DataFormatError(
            path,
            f"line {int(row_numbers[longest])} is {size:,} bytes long: not a table row (no line ends?)",
            reason_zh=f"第 {int(row_numbers[longest])} 行长达 {size:,} 字节：不是表格的一行（缺少换行？）",
        )
    counts: np.ndarray | None = None  # each record's cells (counted once, when needed)
    if _has_pyarrow():
        parsed = _parse_with_pyarrow(utf8[int(starts[0]) :], n, delimiter, recs.quoted_newlines)
    elif _quotes_around_cells(buf, quotes, ord(delimiter)):  # (the packaged app)
        counts = _cell_counts(buf, quotes, starts, ends, delimiter)
        parsed = _parse_with_pandas(utf8, starts, ends, counts == n, n, delimiter)
    else:  # records and cells were counted from quotes that may not be what they seem
        parsed = None
    if parsed is None:
        return _read_csv_exact(path, utf8.decode("utf-8"), encoding, delimiter, report, header_idx, layout)
    cells, invalid = parsed
    lengths = ends - starts
    if invalid == 0:
        # Every non-empty record parsed with the header's width: rows are those records, in order.
        last = buf[np.maximum(ends - 1, 0)]
        empty = (lengths == 0) | ((lengths == 1) & (last == 13))
        if len(cells) == int(np.count_nonzero(~empty)):
            cells, rows = _drop_blank(cells, row_numbers[~empty])
            report(1.0, "read")
            return RawTable(
                path,
                "csv",
                headers,
                cells,
                rows.astype(np.int64),
                header_idx + 1,
                encoding=encoding,
                delimiter=delimiter,
                layout=layout,
            )
    # Some records have another width: count every record's cells to know which rows the parser kept.
    if counts is None:
        counts = _cell_counts(buf, quotes, starts, ends, delimiter)
    good = counts == n
    bad_idx = np.flatnonzero(~good)
    if len(cells) != int(good.sum()):
        log.info("%s: fast CSV parser disagrees on the row count; using the exact parser", path)
        return _read_csv_exact(path, utf8.decode("utf-8"), encoding, delimiter, report, header_idx, layout)

    bad_width: dict[int, list[str]] = {}
    extra_rows: list[tuple[int, list[str]]] = []
    for i in bad_idx.tolist():
        if lengths[i] <= 2 and not utf8[starts[i] : ends[i]].strip():
            continue  # a blank line
        line = utf8[starts[i] : ends[i]].decode("utf-8").rstrip("\r")
        if not line.strip():
            continue
        row_cells = _split_cells(line, delimiter) if "\n" not in line else _exact_row(line, delimiter)
        if not any(c.strip() for c in row_cells):
            continue  # only empty cells, e.g. ""
        if len(row_cells) > n and not any(c.strip() for c in row_cells[n:]):
            extra_rows.append((int(row_numbers[i]), row_cells[:n]))  # trailing empty cells only
        else:
            bad_width[int(row_numbers[i])] = row_cells
    rows = row_numbers[good]
    if extra_rows:
        extra = pd.DataFrame([c for _, c in extra_rows], columns=range(n), dtype="str")
        cells = pd.concat([cells, extra], ignore_index=True)
        rows = np.concatenate((rows, [r for r, _ in extra_rows]))
        order = np.argsort(rows, kind="stable")
        cells, rows = cells.iloc[order].reset_index(drop=True), rows[order]
    cells, rows = _drop_blank(cells, rows)
    report(1.0, "read")
    return RawTable(
        path,
        "csv",
        headers,
        cells,
        rows.astype(np.int64),
        header_idx + 1,
        bad_width,
        encoding=encoding,
        delimiter=delimiter,
        layout=layout,
    )


def _csv_header(
    path: Path,
    recs: _Records,
    text: Callable[[int], str],
    kind: TableKind | None,
    header_row: int | None,
) -> tuple[int, str, bool]:
    """The header's record index, the delimiter, and whether the header was found by its names."""
    count = len(recs.starts)
    if header_row is not None:
        if not 1 <= header_row <= count:
            raise DataFormatError(
                path,
                f"there is no row {header_row} (the file has {count} rows)",
                reason_zh=f"没有第 {header_row} 行（文件共 {count} 行）",
            )
        return header_row - 1, _pick_delimiter(text(header_row - 1)), True
    candidates: list[int] = []
    for i in range(count):
        if recs.ends[i] - recs.starts[i] > MAX_HEADER_BYTES:
            if not candidates:
                raise DataFormatError(
                    path,
                    f"the first line is {int(recs.ends[i] - recs.starts[i]):,} bytes long: not a table's "
                    f"header row",
                )
            break
        if text(i).strip():
            candidates.append(i)
            if len(candidates) >= table_finder.HEADER_SEARCH_ROWS:
                break
    if not candidates:
        raise DataFormatError(path, "the file is empty")
    for i in candidates:
        line = text(i)
        scores = {d: table_finder.header_score(_split_cells(line, d), kind) for d in DELIMITERS if d in line}
        if scores and max(scores.values()) >= table_finder.MIN_FIELDS:
            return i, max(scores, key=lambda d: scores[d]), True
    return candidates[0], _pick_delimiter(text(candidates[0])), False


def _exact_row(line: str, delimiter: str) -> list[str]:
    return next(csv.reader(io.StringIO(line), delimiter=delimiter), [])


def _parse_with_pyarrow(
    body: bytes, n: int, delimiter: str, quoted_newlines: bool
) -> tuple[pd.DataFrame, int] | None:
    """Rows with exactly ``n`` cells as text columns 0..n-1 and how many rows had another width.

    None when pyarrow is not available or cannot parse the text.
    """
    try:
        import pyarrow as pa  # optional fast path
        import pyarrow.csv as pacsv
    except ImportError:
        return None
    names = [str(i) for i in range(n)]
    invalid: list[int] = []

    def skip(_row: object) -> str:
        # A Python call per row: past a few thousand odd rows the exact parser is faster (garbage files).
        invalid.append(1)
        return "skip" if len(invalid) <= MAX_FAST_INVALID_ROWS else "error"

    try:
        table = pacsv.read_csv(
            io.BytesIO(body),
            read_options=pacsv.ReadOptions(column_names=names, encoding="utf8"),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=quoted_newlines, invalid_row_handler=skip
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException) as exc:
        log.info("fast CSV parser failed (%s); using the exact parser", exc)
        return None
    frame = table.to_pandas()
    frame.columns = range(n)
    return frame, len(invalid)


@functools.cache
def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401  (optional fast path)
    except ImportError:
        return False
    return True


def _cell_counts(
    buf: np.ndarray, quotes: np.ndarray, starts: np.ndarray, ends: np.ndarray, delimiter: str
) -> np.ndarray:
    """How many cells each record has (delimiters outside quotes, plus one)."""
    dpos = _outside_quotes(quotes, np.flatnonzero(buf == ord(delimiter)))
    return np.searchsorted(dpos, ends) - np.searchsorted(dpos, starts) + 1


def _parse_with_pandas(  # noqa: PLR0917
    utf8: bytes, starts: np.ndarray, ends: np.ndarray, good: np.ndarray, n: int, delimiter: str
) -> tuple[pd.DataFrame, int] | None:
    """Where pyarrow is missing: the ``good`` records (those with the header's number of cells), parsed by
    pandas' C parser, as text columns 0..n-1, and how many records had another width (blank ones too).

    Only those records are handed over, as pandas' parser would fill a short row up with empty cells.
    None if the parser reads another number of rows: the exact parser then.
    """
    wanted = int(good.sum())
    if not wanted:
        return None
    pieces, start = [], int(starts[0])
    for i in np.flatnonzero(~good).tolist():  # the text between the other records (few, as a rule)
        pieces.append(utf8[start : int(starts[i])])
        start = int(ends[i]) + 1  # (past its line end)
    pieces.append(utf8[start:])
    body = b"".join(pieces)
    try:
        frame = pd.read_csv(
            io.BytesIO(body),
            sep=delimiter,
            header=None,
            names=range(n),
            dtype="str",
            na_filter=False,
            skip_blank_lines=False,
            quotechar='"',
            doublequote=True,
            encoding="utf-8",
            engine="c",
            low_memory=False,
        )
    except (ValueError, pd.errors.ParserError) as exc:
        log.info("C CSV parser failed (%s); using the exact parser", exc)
        return None
    if len(frame) != wanted:
        return None
    return frame, len(starts) - wanted


def _quotes_around_cells(buf: np.ndarray, quotes: np.ndarray, delimiter: int) -> bool:
    """Whether every double quote opens a cell (after a delimiter or a line end), closes one (before
    either) or is doubled inside one: then counting quotes tells the records and cells apart exactly.
    A stray quote (``5" Motors``) is text to a CSV parser, but would turn the rest of the file into one
    quoted cell for the count."""
    if len(quotes) % 2:
        return False
    if not len(quotes):
        return True
    last = len(buf) - 1  # (as if a line end came before the first byte and after the last)
    before = np.where(quotes > 0, buf[np.maximum(quotes - 1, 0)], 10)
    after = np.where(quotes < last, buf[np.minimum(quotes + 1, last)], 10)
    at_edge = np.isin(before, (delimiter, 10, 13)), np.isin(after, (delimiter, 10, 13))
    following = np.append(quotes[1:], -1) == quotes + 1  # the next quote right after this one
    preceding = np.insert(quotes[:-1], 0, -2) == quotes - 1
    opening, closing = np.arange(len(quotes)) % 2 == 0, np.arange(len(quotes)) % 2 == 1
    return bool(
        np.all(at_edge[0][opening] | preceding[opening]) and np.all(at_edge[1][closing] | following[closing])
    )


def _drop_blank(cells: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """Drop rows whose every cell is empty or whitespace (spreadsheets export them as ``,,,``)."""
    if cells.empty:
        return cells, rows
    candidates = np.flatnonzero(blank(cells[cells.columns[0]]))
    for col in cells.columns[1:]:
        if not len(candidates):
            return cells, rows
        sub = cells[col].iloc[candidates]
        candidates = candidates[blank(sub)]
    if not len(candidates):
        return cells, rows
    keep = np.ones(len(cells), dtype=bool)
    keep[candidates] = False
    return cells.loc[keep].reset_index(drop=True), rows[keep]


def _read_csv_exact(  # noqa: PLR0917
    path: Path,
    text: str,
    encoding: str,
    delimiter: str,
    report: ProgressCallback,
    header_idx: int,
    layout: Layout,
) -> RawTable:
    """Python's csv module: exact record numbering, for files the fast path cannot take."""
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    except csv.Error as exc:
        raise DataFormatError(path, f"not a readable CSV file ({exc})") from exc
    if header_idx >= len(records):
        raise DataFormatError(path, "the file is empty")
    headers = [h.strip() for h in records[header_idx]]
    n = len(headers)
    good_rows: list[list[str]] = []
    numbers: list[int] = []
    bad_width: dict[int, list[str]] = {}
    for i in range(header_idx + 1, len(records)):
        rec = records[i]
        if not any(c.strip() for c in rec):
            continue
        if len(rec) > n and not any(c.strip() for c in rec[n:]):
            rec = rec[:n]
        if len(rec) == n:
            good_rows.append(rec)
            numbers.append(i + 1)
        else:
            bad_width[i + 1] = rec
    cells = (
        pd.DataFrame(good_rows, columns=range(n), dtype="str")
        if good_rows
        else pd.DataFrame({i: pd.Series([], dtype="str") for i in range(n)})
    )
    report(1.0, "read")
    return RawTable(
        path,
        "csv",
        headers,
        cells,
        np.asarray(numbers, dtype=np.int64),
        header_idx + 1,
        bad_width,
        encoding=encoding,
        delimiter=delimiter,
        layout=layout,
    )


# -- XLSX ---------------------------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """How a spreadsheet cell's value is kept as text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def list_sheets(path: Path | str) -> list[str]:
    """The visible worksheets of a workbook (for a sheet picker)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataFormatError(path, f"cannot be read: {exc.strerror or exc}") from exc
    return workbook.sheet_names(path, data)


_TYPE_OF = np.frompyfunc(type, 1, 1)


def _str_and_float(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which cells are text and which are floats (pandas' C type inference for a column of one type)."""
    kind = pd.api.types.infer_dtype(values, skipna=False)
    if kind == "string":
        return np.ones(len(values), dtype=bool), np.zeros(len(values), dtype=bool)
    if kind == "floating" and all(type(v) is float for v in values[:1]):
        return np.zeros(len(values), dtype=bool), np.ones(len(values), dtype=bool)
    types = _TYPE_OF(values)
    return np.asarray(types == str, dtype=bool), np.asarray(types == float, dtype=bool)  # noqa: E721 - elementwise


def _texts(column: pd.Series) -> pd.Series:
    """A column of cell values as text, vectorised for the common types (text, whole numbers)."""
    values = column.to_numpy(dtype=object)
    kinds, floats = _str_and_float(values)
    if kinds.all():
        return pd.Series(values, dtype="str")
    out = values.copy()
    if floats.any():
        nums = values[floats].astype(float)
        whole = np.isfinite(nums) & (np.floor(nums) == nums) & (np.abs(nums) < 1e15)
        idx = np.flatnonzero(floats)
        out[idx[whole]] = nums[whole].astype(np.int64).astype(str)
        out[idx[~whole]] = [repr(float(v)) for v in nums[~whole]]
    rest = ~kinds & ~floats
    if rest.any():
        out[rest] = [cell_text(v) for v in values[rest]]
    return pd.Series(out, dtype="str")


def _choose_sheet(
    path: Path, data: bytes, sheets: list[str], kind: TableKind | None, grids: dict[str, workbook.Grid]
) -> str:
    """The first sheet whose top rows hold a ``kind`` table's header (any table's when ``kind`` is None
    or none fits; when no sheet has a known header, the one with the most filled cells: a table, not
    a notes sheet). The sheets read are left in ``grids``, so the chosen one is not parsed twice."""
    from corridor_map.core.schema import match_headers

    fallback = None
    filled: dict[str, int] = {}
    for name in sheets:
        grid = workbook.read_grid(path, data, name)  # whole: calamine parses the whole sheet anyway
        grids[name] = grid
        rows = [[cell_text(v) for v in r] for r in grid.rows[: table_finder.HEADER_SEARCH_ROWS + 20]]
        rows = [r for r in rows if any(c.strip() for c in r)]
        filled[name] = sum(1 for r in rows for c in r if c.strip())
        pos, found = table_finder.find_header(list(enumerate(rows)), kind)
        if not found:
            continue
        if kind is None or match_headers(rows[pos], kind).ok:
            return name
        fallback = fallback or name
    return fallback or max(sheets, key=lambda s: filled[s])


def _fill_merged(grid: workbook.Grid, header_row: int, layout: Layout) -> None:
    """Give every cell of a merged range below the header the range's value (Excel keeps it only in the
    top-left cell)."""
    for r0, c0, r1, c1 in grid.merged:
        if r0 <= header_row or (r0 == r1 and c0 == c1) or r0 > len(grid.rows):
            continue
        value = grid.rows[r0 - 1][c0 - 1] if c0 - 1 < len(grid.rows[r0 - 1]) else ""
        if value in ("", None):
            continue
        for r in range(r0, min(r1, len(grid.rows)) + 1):
            row = grid.rows[r - 1]
            if len(row) < c1:
                row.extend([""] * (c1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c - 1] = value
        layout.merged.append(f"{workbook.column_letters(c0)}{r0}:{workbook.column_letters(c1)}{r1}")


def _year_month_numbers(
    grid: workbook.Grid, cells: pd.DataFrame, rows: np.ndarray, raw_frame: pd.DataFrame
) -> None:
    """Numbers like 2024.1 whose cell shows two decimals become the text shown (``2024.10``)."""
    wanted: list[tuple[int, int, int, int]] = []  # (row, column, position, column index)
    for j in range(cells.shape[1]):
        # the text of a number 1900-2099 with decimals (2024.1): only these cells are looked at
        maybe = table_finder.matches(cells.iloc[:, j], r"^(?:19|20)\d\d\.\d+$")
        for p in np.flatnonzero(maybe).tolist():
            if type(raw_frame.iat[p, j]) is float:
                wanted.append((int(rows[p]), j + 1, p, j))
    if not wanted:
        return
    decimals = grid.decimals([(r, c) for r, c, _, _ in wanted])
    for r, c, p, j in wanted:
        places = decimals.get((r, c), -1)
        if places > 0:
            value: Any = raw_frame.iat[p, j]
            cells.iat[p, j] = f"{float(value):.{places}f}"


def _read_workbook(  # noqa: PLR0917
    path: Path,
    data: bytes,
    sheet: str | None,
    kind: TableKind | None,
    header_row: int | None,
    report: ProgressCallback,
) -> RawTable:
    fmt = workbook.workbook_format(data)
    assert fmt is not None
    sheets = workbook.sheet_names(path, data)
    if not sheets:
        raise DataFormatError(path, "the workbook has no worksheets", reason_zh="工作簿中没有工作表")
    found_sheet = sheet is None and len(sheets) > 1
    grids: dict[str, workbook.Grid] = {}
    if sheet is None:
        sheet = _choose_sheet(path, data, sheets, kind, grids) if len(sheets) > 1 else sheets[0]
    elif sheet not in sheets:
        raise DataFormatError(
            path,
            f"no sheet named '{sheet}' (sheets: {', '.join(sheets)})",
            reason_zh=f"没有名为“{sheet}”的工作表（工作表：{'、'.join(sheets)}）",
        )
    report(0.05, "reading workbook")
    grid = grids.get(sheet) or workbook.read_grid(path, data, sheet)
    report(0.6, "finding the table")
    layout = Layout(fmt, sheet=sheet, sheets=sheets, sheet_found=found_sheet, hidden_known=grid.hidden_known)
    top: list[tuple[int, list[str]]] = []
    for i, values in enumerate(grid.rows, start=1):
        line = [cell_text(v) for v in values]
        if any(t.strip() for t in line) and i not in grid.hidden_rows:
            top.append((i, line))
            if len(top) >= table_finder.HEADER_SEARCH_ROWS:
                break
    if not top:
        raise DataFormatError(path, f"the sheet '{sheet}' is empty", reason_zh=f"工作表“{sheet}”是空的")
    if header_row is not None:
        if not 1 <= header_row <= len(grid.rows):
            raise DataFormatError(
                path,
                f"there is no row {header_row} in sheet '{sheet}'",
                reason_zh=f"工作表“{sheet}”中没有第 {header_row} 行",
            )
        header_no, found = header_row, True
    else:
        pos, found = table_finder.find_header(top, kind)
        header_no = top[pos][0]
    layout.header_row, layout.header_found = header_no, found
    for row_no, line in top:
        if row_no >= header_no:
            break
        layout.skipped.append(Skipped(row_no, table_finder.above_reason(line), table_finder.row_text(line)))
    headers = [cell_text(v).strip() for v in grid.rows[header_no - 1]]
    while headers and not headers[-1]:
        headers.pop()
    n = len(headers)
    if n < 2:
        raise DataFormatError(
            path, f"only one column found in sheet '{sheet}'", reason_zh=f"工作表“{sheet}”中只找到一列"
        )
    _fill_merged(grid, header_no, layout)
    body = grid.rows[header_no:]
    numbers = np.arange(header_no + 1, header_no + 1 + len(body), dtype=np.int64)
    if grid.hidden_rows:
        hidden = np.isin(numbers, list(grid.hidden_rows))
        for p in np.flatnonzero(hidden):
            if any(cell_text(v).strip() for v in body[p]):
                layout.skipped.append(Skipped(int(numbers[p]), "hidden", table_finder.row_text(
                    [cell_text(v) for v in body[p]])))  # fmt: skip
        body = [r for r, h in zip(body, hidden, strict=True) if not h]
        numbers = numbers[~hidden]
    width = max((len(r) for r in body), default=n)
    frame = pd.DataFrame(body, columns=range(width)) if body else pd.DataFrame(columns=range(n))
    if frame.shape[1] < n:
        for c in range(frame.shape[1], n):
            frame[c] = ""
    frame = frame.fillna("")
    texts = pd.DataFrame({c: _texts(frame[c]) for c in frame.columns})
    nonblank = np.zeros(len(texts), dtype=bool)
    for name in texts.columns:
        nonblank |= ~blank(texts[name])
    no_value = [(r, c - 1) for r, c in grid.formula_without_value if r > header_no and c - 1 < n]
    formula_rows = {r for r, _ in no_value}
    keep = nonblank | np.isin(numbers, list(formula_rows))
    texts, frame, numbers = (
        texts.loc[keep].reset_index(drop=True),
        frame.loc[keep].reset_index(drop=True),
        numbers[keep],
    )
    bad_width: dict[int, list[str]] = {}
    if texts.shape[1] > n:
        beyond = np.zeros(len(texts), dtype=bool)
        for c in range(n, texts.shape[1]):
            beyond |= ~blank(texts[c])
        for p in np.flatnonzero(beyond):
            cells = list(texts.iloc[p])
            while cells and not cells[-1].strip():
                cells.pop()
            bad_width[int(numbers[p])] = cells
        texts, frame, numbers = texts.loc[~beyond, range(n)], frame.loc[~beyond, range(n)], numbers[~beyond]
        texts, frame = texts.reset_index(drop=True), frame.reset_index(drop=True)
    _year_month_numbers(grid, texts, numbers, frame)
    report(1.0, "read")
    return RawTable(
        path,
        fmt,
        headers,
        texts,
        numbers,
        header_no,
        bad_width,
        no_value,
        sheet=sheet,
        layout=layout,
    )


def sniff_format(path: Path | str) -> Literal["csv", "xlsx", "xls", "ods"]:
    """What the content says the file is (the extension is ignored)."""
    with Path(path).open("rb") as fh:
        head = fh.read(256)
    return workbook.workbook_format(head) or "csv"
