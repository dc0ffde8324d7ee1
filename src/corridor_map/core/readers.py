"""Read a user's CSV or XLSX file into a table of text cells, with the row numbers a spreadsheet shows.

The format comes from the content (a ZIP is XLSX, text is CSV), never from the extension. CSV: UTF-8
with or without BOM, UTF-16 with BOM, or GB18030/GBK; delimiter ``,`` ``;`` or tab, found in the header.
Every cell stays text here (``"00123"`` stays ``"00123"``); :mod:`corridor_map.core.validate` parses it.

Large CSVs take the fast path: numpy finds the records and counts their cells (quotes respected), and
pyarrow parses the rows that have as many cells as the header. Anything the two disagree on falls back
to Python's csv module, which is slower but exact.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from corridor_map.core.errors import DataFormatError

log = logging.getLogger(__name__)

ProgressCallback = Callable[[float, str], None]
"""``progress(fraction 0..1, stage text)``; it may raise to cancel (nothing is changed then)."""

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UTF8_BOM = b"\xef\xbb\xbf"
DELIMITERS = (",", ";", "\t")
MAX_COLUMNS = 16_384  # Excel's limit (column XFD)
MAX_HEADER_BYTES = 1 << 20  # 16,384 headers of 64 bytes: a longer first line is not a header row
MAX_FAST_INVALID_ROWS = 5000  # rows of another width the fast path tolerates before it gives up


@dataclass
class RawTable:
    """A file's header and data rows as text, before validation."""

    path: Path
    format: Literal["csv", "xlsx"]
    headers: list[str]
    cells: pd.DataFrame  # columns 0..n-1 (text), one row per data row with as many cells as the header
    rows: np.ndarray  # the spreadsheet row number of each row of ``cells``
    header_row: int = 1
    bad_width: dict[int, list[str]] = field(default_factory=dict)  # row -> its cells (count != header)
    formula_without_value: list[tuple[int, int]] = field(default_factory=list)  # (row, column index)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None

    @property
    def data_rows(self) -> int:
        """Data rows below the header (blank rows not counted)."""
        return len(self.cells) + len(self.bad_width)

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
    path: Path | str, *, sheet: str | None = None, progress: ProgressCallback | None = None
) -> RawTable:
    """Read ``path`` (CSV or XLSX, by content); raise DataFormatError naming the file when it cannot."""
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
        raise DataFormatError(path, "the file is empty")
    if data.startswith(OLE_MAGIC):
        raise DataFormatError(path, "an old Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV")
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(path, sheet, report)
    try:
        return _read_csv(path, data, report)
    except csv.Error as exc:  # e.g. a cell longer than csv.field_size_limit() in a row the fast path left
        raise DataFormatError(path, f"not a readable CSV file ({exc})") from exc


# -- CSV ----------------------------------------------------------------------------------------------


def _to_utf8(path: Path, data: bytes) -> tuple[bytes, str]:
    """The file's text as UTF-8 bytes and the encoding it was in."""
    if data.startswith(UTF8_BOM):
        data, encoding = data[len(UTF8_BOM) :], "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").encode("utf-8"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DataFormatError(path, "not a text file (broken UTF-16)") from exc
    elif b"\x00" in data[:65536]:
        raise DataFormatError(path, "not a CSV or XLSX file (binary content)")
    else:
        encoding = "utf-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if encoding == "utf-8-sig":
            raise DataFormatError(path, "not valid UTF-8 although it starts with a UTF-8 mark") from None
        try:
            data = data.decode("gb18030").encode("utf-8")
            encoding = "gb18030"
        except UnicodeDecodeError:
            raise DataFormatError(path, "not a CSV or XLSX file (text neither UTF-8 nor GB18030)") from None
    head = np.frombuffer(data[: 1 << 20], dtype=np.uint8)  # binary files show it in the first MB
    control = int(np.count_nonzero((head < 32) & (head != 9) & (head != 10) & (head != 13)))
    if control > max(2, len(head) // 1000):
        raise DataFormatError(path, "not a CSV or XLSX file (binary content)")
    return data, encoding


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


def _read_csv(path: Path, data: bytes, report: ProgressCallback) -> RawTable:
    utf8, encoding = _to_utf8(path, data)
    utf8 = _lone_cr_to_lf(utf8)
    report(0.3, "finding rows")
    buf = np.frombuffer(utf8, dtype=np.uint8)
    recs, quotes = _records(buf)

    def text(i: int) -> str:
        return utf8[recs.starts[i] : recs.ends[i]].decode("utf-8").rstrip("\r")

    header_idx = next((i for i in range(len(recs.starts)) if text(i).strip()), None)
    if header_idx is None:
        raise DataFormatError(path, "the file is empty")
    header_bytes = int(recs.ends[header_idx] - recs.starts[header_idx])
    if header_bytes > MAX_HEADER_BYTES:
        raise DataFormatError(
            path, f"the first line is {header_bytes:,} bytes long: not a table's header row"
        )
    delimiter = _pick_delimiter(text(header_idx))
    headers = [h.strip() for h in _split_cells(text(header_idx), delimiter)]
    n = len(headers)
    if n > MAX_COLUMNS:
        raise DataFormatError(path, f"the header has {n:,} columns; a worksheet has at most {MAX_COLUMNS:,}")
    if n < 2:
        raise DataFormatError(
            path,
            "only one column found; expected a table with columns separated by commas, semicolons or tabs",
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
        )
    parsed = _parse_with_pyarrow(utf8[int(starts[0]) :], n, delimiter, recs.quoted_newlines)
    if parsed is None:
        return _read_csv_exact(path, utf8.decode("utf-8"), encoding, delimiter, report)
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
            )
    # Some records have another width: count every record's cells to know which rows pyarrow kept.
    dpos = _outside_quotes(quotes, np.flatnonzero(buf == ord(delimiter)))
    counts = np.searchsorted(dpos, ends) - np.searchsorted(dpos, starts) + 1
    good = counts == n
    bad_idx = np.flatnonzero(~good)
    if len(cells) != int(good.sum()):
        log.info("%s: fast CSV parser disagrees on the row count; using the exact parser", path)
        return _read_csv_exact(path, utf8.decode("utf-8"), encoding, delimiter, report)

    bad_width: dict[int, list[str]] = {}
    extra_rows: list[tuple[int, list[str]]] = []
    for i in bad_idx:
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
    )


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


def _drop_blank(cells: pd.DataFrame, rows: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """Drop rows whose every cell is empty or whitespace (spreadsheets export them as ``,,,``)."""
    if cells.empty:
        return cells, rows
    candidates = np.flatnonzero((cells[cells.columns[0]].str.strip() == "").to_numpy())
    for col in cells.columns[1:]:
        if not len(candidates):
            return cells, rows
        sub = cells[col].iloc[candidates]
        candidates = candidates[(sub.str.strip() == "").to_numpy()]
    if not len(candidates):
        return cells, rows
    keep = np.ones(len(cells), dtype=bool)
    keep[candidates] = False
    return cells.loc[keep].reset_index(drop=True), rows[keep]


def _read_csv_exact(
    path: Path, text: str, encoding: str, delimiter: str, report: ProgressCallback
) -> RawTable:
    """Python's csv module: exact record numbering, for files the fast path cannot take."""
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    except csv.Error as exc:
        raise DataFormatError(path, f"not a readable CSV file ({exc})") from exc
    header_idx = next((i for i, r in enumerate(records) if any(c.strip() for c in r)), None)
    if header_idx is None:
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


def _open_workbook(path: Path, data_only: bool) -> Any:
    import openpyxl

    try:
        # a file object, not the path: openpyxl refuses names that do not end in .xlsx, and the
        # format is decided by the content
        return openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=data_only)
    except zipfile.BadZipFile as exc:
        raise DataFormatError(path, "a damaged XLSX workbook (incomplete ZIP archive)") from exc
    except Exception as exc:  # openpyxl raises many types (KeyError, XML errors) for broken files
        log.info("openpyxl failed on %s: %r", path, exc)
        raise DataFormatError(path, f"not a readable XLSX workbook ({type(exc).__name__})") from exc


def _pick_sheet(path: Path, workbook: Any, sheet: str | None) -> Any:
    if not workbook.worksheets:
        raise DataFormatError(path, "the workbook has no worksheets")
    if sheet is None:
        return workbook.worksheets[0]
    if sheet not in workbook.sheetnames:
        raise DataFormatError(path, f"no sheet named '{sheet}' (sheets: {', '.join(workbook.sheetnames)})")
    return workbook[sheet]


def list_sheets(path: Path | str) -> list[str]:
    """The worksheet names of an XLSX file (for a sheet picker)."""
    path = Path(path)
    wb = _open_workbook(path, data_only=True)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _read_xlsx(path: Path, sheet: str | None, report: ProgressCallback) -> RawTable:
    wb_values = _open_workbook(path, data_only=True)
    wb_formulas = _open_workbook(path, data_only=False)
    try:
        ws_v = _pick_sheet(path, wb_values, sheet)
        ws_f = _pick_sheet(path, wb_formulas, sheet)
        total = ws_v.max_row or 0
        headers: list[str] | None = None
        header_row = 0
        n = 0
        good: list[list[str]] = []
        numbers: list[int] = []
        bad_width: dict[int, list[str]] = {}
        no_value: list[tuple[int, int]] = []
        try:
            for row_no, (values, fcells) in enumerate(
                zip(ws_v.iter_rows(values_only=True), ws_f.iter_rows(), strict=False), start=1
            ):
                texts = [cell_text(v) for v in values]
                if headers is None:
                    if any(t.strip() for t in texts):
                        while texts and not texts[-1].strip():
                            texts.pop()
                        headers, header_row, n = [t.strip() for t in texts], row_no, len(texts)
                    continue
                missing = [
                    i
                    for i, c in enumerate(fcells)
                    if getattr(c, "data_type", None) == "f" and i < len(values) and values[i] is None
                ]
                if not any(t.strip() for t in texts) and not missing:
                    continue
                no_value.extend((row_no, i) for i in missing)
                if len(texts) > n and any(t.strip() for t in texts[n:]):
                    bad_width[row_no] = list(texts)
                    continue
                texts = (texts + [""] * n)[:n]
                good.append(texts)
                numbers.append(row_no)
                if total and row_no % 5000 == 0:
                    report(0.1 + 0.9 * row_no / total, "reading workbook")
        except DataFormatError:
            raise
        except Exception as exc:  # broken sheet XML inside a valid ZIP
            log.info("openpyxl failed reading %s: %r", path, exc)
            raise DataFormatError(path, f"a damaged XLSX workbook ({type(exc).__name__})") from exc
        if headers is None:
            raise DataFormatError(path, f"the sheet '{ws_v.title}' is empty")
        if n < 2:
            raise DataFormatError(path, f"only one column found in sheet '{ws_v.title}'")
        cells = (
            pd.DataFrame(good, columns=range(n), dtype="str")
            if good
            else pd.DataFrame({i: pd.Series([], dtype="str") for i in range(n)})
        )
        report(1.0, "read")
        return RawTable(
            path,
            "xlsx",
            headers,
            cells,
            np.asarray(numbers, dtype=np.int64),
            header_row,
            bad_width,
            no_value,
            sheet=ws_v.title,
        )
    finally:
        wb_values.close()
        wb_formulas.close()


def sniff_format(path: Path | str) -> Literal["csv", "xlsx", "xls"]:
    """What the content says the file is (the extension is ignored)."""
    with Path(path).open("rb") as fh:
        head = fh.read(8)
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head.startswith(OLE_MAGIC):
        return "xls"
    return "csv"
