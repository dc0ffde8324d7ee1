"""Rejected rows written back as CSV that a spreadsheet cannot execute."""

from __future__ import annotations

import csv
from pathlib import Path

from corridor_map.core.export_rows import safe_cell, write_rejected_csv
from corridor_map.core.importing import load_table

DATA = Path(__file__).resolve().parent.parent / "data"


def test_safe_cell_prefixes_formula_starts() -> None:
    assert [safe_cell(v) for v in ["=1+1", "+86", "-3", "@SUM(A1)", "\tx", "plain", "", None, 5]] == [
        "'=1+1",
        "'+86",
        "'-3",
        "'@SUM(A1)",
        "'\tx",
        "plain",
        "",
        "",
        "5",
    ]


def test_rejected_dealer_rows_are_written_with_reasons_and_without_live_formulas(tmp_path: Path) -> None:
    result = load_table(DATA / "dealers.csv", "dealers")
    out = tmp_path / "rejected.csv"
    assert write_rejected_csv(out, result) == 6
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["row", "problems", "dealer"]
    assert [r[0] for r in rows[1:]] == ["4", "5", "6", "7", "8", "11"]
    last = rows[-1]
    assert last[2] == "'=cmd|' /C calc'!A0"
    assert last[-2:] == ["'-1+1", "'@SUM(A1)"]
    assert "unknown country 'Atlantis'" in last[1]
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@"))


def test_rejected_ragged_rows_keep_their_cells(tmp_path: Path) -> None:
    result = load_table(DATA / "sales_ragged.csv", "sales")
    out = tmp_path / "rejected.csv"
    write_rejected_csv(out, result)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1] == ["3", "row: row has 5 cells, the header has 4", "Thailand", "A", "2024", "5", "extra"]
