"""Write rejected rows back out as CSV, safe to open in a spreadsheet.

A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is prefixed with ``'`` so
that Excel, LibreOffice or WPS show it as text instead of running it as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from corridor_map.core.store import atomic_write_bytes
from corridor_map.core.validate import ValidationResult

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as text that a spreadsheet will not evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_csv_bytes(header: Sequence[object], rows: Iterable[Sequence[object]]) -> bytes:
    """CSV (UTF-8 with BOM, so Excel reads Chinese correctly) with every cell made safe."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def rejected_rows_table(result: ValidationResult) -> tuple[list[str], list[list[str]]]:
    """Header and rows: ``row``, ``problems`` (all reasons joined), then the row's cells as read."""
    reasons: dict[int, list[str]] = {}
    for r in result.rejections:
        reasons.setdefault(r.row, []).append(f"{r.field}: {r.reason}")
    header = ["row", "problems", *result.raw.headers]
    rows = [
        [str(row), "; ".join(found), *result.raw.row_cells(row)] for row, found in sorted(reasons.items())
    ]
    return header, rows


def write_rejected_csv(path: Path | str, result: ValidationResult) -> int:
    """Write the rejected rows of ``result`` to ``path`` (atomically); return how many rows were written."""
    header, rows = rejected_rows_table(result)
    atomic_write_bytes(Path(path), safe_csv_bytes(header, rows))
    return len(rows)
