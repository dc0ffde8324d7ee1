"""Export a table as shown (its rows in view order, its columns and headers) to CSV or XLSX.

CSV cells go through :func:`corridor_map.core.export_rows.safe_csv_bytes`, so a spreadsheet never runs
a cell starting with ``=``, ``+``, ``-`` or ``@``; XLSX cells holding text are written as text, never as
formulas. When ``note`` is given (the illustrative-sample label) every row carries it in a last column.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel

from corridor_map.core.export_rows import safe_csv_bytes
from corridor_map.core.store import atomic_write_bytes
from corridor_map.ui.panels.dataframe_model import DataFrameModel

log = logging.getLogger(__name__)

NOTE_HEADER = "note"


def table_rows(proxy: QSortFilterProxyModel, model: DataFrameModel) -> list[list[Any]]:
    """The rows the view shows, in its order, as export values."""
    rows = []
    for row in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(row, 0)).row()
        rows.append([model.export_value(source, c) for c in range(model.columnCount())])
    return rows


def write_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]], note: str = "") -> None:
    """Write ``rows`` under ``header`` to ``path``: XLSX when it ends in ``.xlsx``, else CSV."""
    header = list(header)
    body = [list(r) for r in rows]
    if note:
        header.append(NOTE_HEADER)
        body = [[*r, note] for r in body]
    if path.suffix.lower() == ".xlsx":
        atomic_write_bytes(path, xlsx_bytes(header, body))
    else:
        atomic_write_bytes(path, safe_csv_bytes(header, body))
    log.info("exported %d rows to %s", len(body), path)


def xlsx_bytes(header: Sequence[Any], rows: Sequence[Sequence[Any]]) -> bytes:
    """A one-sheet workbook; text cells are typed as text so ``=…`` is never a formula."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for r, values in enumerate([header, *rows], start=1):
        for c, value in enumerate(values, start=1):
            if isinstance(value, str):
                cell = sheet.cell(row=r, column=c, value=ILLEGAL_CHARACTERS_RE.sub("", value))
                cell.data_type = "s"
            else:
                sheet.cell(row=r, column=c, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
