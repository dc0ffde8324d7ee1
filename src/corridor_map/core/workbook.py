"""Spreadsheet workbooks (XLSX, XLS, ODS) as grids of cell values, with what Excel shows besides values.

Values come from python-calamine (Rust: fast, and it ignores a wrong ``<dimension>``, which ERP exports
often write). What calamine does not give is read from the XLSX's own XML with regular expressions over
the bytes, never a DOM: rows hidden by the user or by an AutoFilter (``<row … hidden="1">``), formulas
saved without a value, and, for the few cells that need it, the number format (``0.00`` shows the number
2024.1 as ``2024.10``). XLS and ODS give values and (XLS) merged ranges only; the report says so.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from xml.etree import ElementTree

from corridor_map.core.errors import DataFormatError

log = logging.getLogger(__name__)

WorkbookFormat = Literal["xlsx", "xls", "ods"]
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Excel's built-in number formats with decimals (ECMA-376 §18.8.30); the rest show none or are dates.
BUILTIN_FORMATS = {2: "0.00", 4: "#,##0.00", 7: "$#,##0.00", 8: "$#,##0.00", 10: "0.00%", 11: "0.00E+00",
                   39: "#,##0.00", 40: "#,##0.00", 43: "#,##0.00", 44: "#,##0.00"}  # fmt: skip

_ROW_TAG = re.compile(rb"<row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_HIDDEN_ROW_TAG = re.compile(rb'<row\b([^>]*\bhidden="(?:1|true)"[^>]*)>')
_FORMULA_NO_VALUE = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)
_CELL_STYLE = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3}\d+)"[^>]*?\bs="(\d+)"')


@dataclass
class Grid:
    """One sheet's cells from A1: ``rows[i][j]`` is row ``i + 1``, column ``j + 1`` as the sheet shows."""

    path: Path
    format: WorkbookFormat
    sheet: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based, inclusive
    hidden_rows: frozenset[int] = frozenset()
    formula_without_value: list[tuple[int, int]] = field(default_factory=list)  # (row, column), 1-based
    hidden_known: bool = True  # False for XLS/ODS: hidden rows cannot be told there
    _xml: bytes | None = None
    _styles: bytes | None = None

    def decimals(self, cells: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
        """How many decimals the number format of each (row, column) shows (XLSX; others: none)."""
        if self._xml is None or not cells:
            return {}
        wanted = {f"{column_letters(c)}{r}".encode(): (r, c) for r, c in cells}
        styles = {wanted[m.group(1)]: int(m.group(2)) for m in _CELL_STYLE.finditer(self._xml)
                  if m.group(1) in wanted}  # fmt: skip
        formats = _cell_formats(self._styles)
        return {cell: format_decimals(formats.get(style, "")) for cell, style in styles.items()}


def column_letters(column: int) -> str:
    """``1`` → ``A``, ``27`` → ``AA``."""
    out = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


def column_number(letters: str) -> int:
    """``A`` → 1, ``AA`` → 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def format_decimals(code: str) -> int:
    """Decimals a number format code shows in its first section (``0.00`` → 2, ``General`` → -1)."""
    if not code or code.casefold() == "general":
        return -1
    first = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code.split(";", maxsplit=1)[0])
    if "." not in first:
        return 0
    return len(re.match(r"[0#?]*", first.split(".", 1)[1]).group(0))  # type: ignore[union-attr]


def _cell_formats(styles: bytes | None) -> dict[int, str]:
    """Cell style index → number format code, from ``xl/styles.xml``."""
    if not styles:
        return {}
    try:
        root = ElementTree.fromstring(styles)
    except ElementTree.ParseError:
        return {}
    custom = {int(n.get("numFmtId", "0")): n.get("formatCode", "") for n in root.iter(f"{NS_MAIN}numFmt")}
    xfs = root.find(f"{NS_MAIN}cellXfs")
    out: dict[int, str] = {}
    for i, xf in enumerate(xfs if xfs is not None else []):
        fid = int(xf.get("numFmtId", "0"))
        out[i] = custom.get(fid, BUILTIN_FORMATS.get(fid, "General" if fid == 0 else ""))
    return out


def workbook_format(data: bytes) -> WorkbookFormat | None:
    """``xlsx``, ``xls`` or ``ods`` by content (None when ``data`` is not a workbook)."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return None
    if b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]:
        return "ods"
    return "xlsx"


def _open(path: Path, data: bytes) -> Any:
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as exc:
        raise DataFormatError(
            path,
            "the workbook is protected by a password; save a copy without one",
            reason_zh="工作簿有密码保护；请另存一份不带密码的副本",
        ) from exc
    except Exception as exc:  # calamine raises several types for broken archives and XML
        raise _damaged(path, workbook_format(data) or "", exc) from exc


def _damaged(path: Path, fmt: str, exc: Exception) -> DataFormatError:
    """The error for a workbook calamine cannot read (logged with calamine's own words)."""
    log.info("calamine failed on %s: %r", path, exc)
    kind = fmt.upper()
    return DataFormatError(
        path, f"a damaged {kind} workbook ({type(exc).__name__})", reason_zh=f"{kind} 工作簿已损坏"
    )


def sheet_names(path: Path, data: bytes) -> list[str]:
    """The worksheets of a workbook, in order (chart sheets and hidden sheets left out)."""
    book = _open(path, data)
    try:
        names = [
            m.name
            for m in book.sheets_metadata
            if str(m.typ).endswith("WorkSheet") and str(m.visible).endswith(".Visible")
        ]
        return names or list(book.sheet_names)
    finally:
        book.close()


def read_grid(path: Path, data: bytes, sheet: str) -> Grid:
    """The cells of ``sheet``, with its merged ranges, hidden rows and formulas without a value."""
    import python_calamine

    fmt = workbook_format(data)
    if fmt is None:
        raise DataFormatError(path, "not a workbook")
    book = _open(path, data)
    try:
        try:
            ws = book.get_sheet_by_name(sheet)
        except python_calamine.WorksheetNotFound:
            raise DataFormatError(
                path,
                f"no sheet named '{sheet}' (sheets: {', '.join(book.sheet_names)})",
                reason_zh=f"没有名为“{sheet}”的工作表（工作表：{'、'.join(book.sheet_names)}）",
            ) from None
        except Exception as exc:  # the sheet's XML is parsed here: a damaged sheet
            raise _damaged(path, fmt, exc) from exc
        try:
            rows = ws.to_python(skip_empty_area=False)
            merged = [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in ws.merged_cell_ranges or []]
        except Exception as exc:  # broken sheet XML inside a valid archive
            raise _damaged(path, fmt, exc) from exc
    finally:
        book.close()
    grid = Grid(path, fmt, sheet, rows, merged, hidden_known=fmt == "xlsx")
    if fmt == "xlsx":
        _read_xlsx_xml(grid, data)
    return grid


def _hidden_rows(xml: bytes) -> set[int]:
    """Numbers of the rows ``<row hidden="1">`` marks (hidden by hand or by a filter)."""
    found = [_ROW_NUMBER.search(m.group(1)) for m in _HIDDEN_ROW_TAG.finditer(xml)]
    if all(found):  # every hidden row says its number (Excel and LibreOffice always write r=)
        return {int(m.group(1)) for m in found if m}
    hidden: set[int] = set()  # rows without r= count on from the row before
    row_no = 0
    for m in _ROW_TAG.finditer(xml):
        attrs = m.group(1)
        number = _ROW_NUMBER.search(attrs)
        row_no = int(number.group(1)) if number else row_no + 1
        if _HIDDEN.search(attrs):
            hidden.add(row_no)
    return hidden


def _sheet_xml_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the part holding its XML (``xl/worksheets/sheet1.xml``)."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{NS_PKG_REL}Relationship")}
    out: dict[str, str] = {}
    for s in book.iter(f"{NS_MAIN}sheet"):
        target = targets.get(s.get(f"{NS_REL}id"), "")
        if target:
            out[s.get("name", "")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return out


def _read_xlsx_xml(grid: Grid, data: bytes) -> None:
    """Hidden rows, formulas without a saved value, and (kept for :meth:`Grid.decimals`) the XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_xml_paths(archive).get(grid.sheet)
            if part is None:
                grid.hidden_known = False
                return
            xml = archive.read(part)
            styles = archive.read("xl/styles.xml") if "xl/styles.xml" in archive.namelist() else None
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
        log.info("%s: the sheet XML could not be read for hidden rows: %r", grid.path, exc)
        grid.hidden_known = False
        return
    grid._xml, grid._styles = xml, styles
    if b"hidden=" in xml:
        grid.hidden_rows = frozenset(_hidden_rows(xml))
    if b"<f" in xml:
        grid.formula_without_value = [
            (int(m.group(2)), column_number(m.group(1).decode())) for m in _FORMULA_NO_VALUE.finditer(xml)
        ]
