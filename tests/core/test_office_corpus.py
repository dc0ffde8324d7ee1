"""Every sales-office file of tests/data/office reads as a person expects (expected.json).

The files are made the way offices make them (openpyxl and LibreOffice workbooks, Excel CSV in the
code pages of Chinese, European, Russian and Japanese Excel); the expected figures come from the rows
the generator wrote, never from reading the files back. Totals per country, month and powertrain,
the refused rows with their field, and the skipped title, total and hidden rows are all compared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corridor_map.core.errors import DataFormatError
from corridor_map.core.importing import load_table
from corridor_map.core.validate import ValidationResult

OFFICE = Path(__file__).resolve().parents[1] / "data" / "office"
EXPECTED: list[dict[str, Any]] = json.loads((OFFICE / "expected.json").read_text("utf-8"))


def _sums(result: ValidationResult, by: str, column: str = "units") -> dict[str, int]:
    frame = result.accepted
    if by == "period":
        keys = frame["year"].astype(int).astype(str) + "-" + frame["month"].astype(int).map("{:02d}".format)
    else:
        keys = frame[by].astype(str)
    return {k: int(v) for k, v in frame.groupby(keys)[column].sum().items() if v or by != "period"}


@pytest.mark.parametrize("case", EXPECTED, ids=[c["file"] for c in EXPECTED])
def test_office_file_reads_as_a_person_expects(case: dict[str, Any]) -> None:
    path = OFFICE / case["file"]
    if case["refuse_file"]:
        with pytest.raises(DataFormatError) as refused:
            load_table(path, case["kind"])
        assert path.name in str(refused.value)
        return
    result = load_table(path, case["kind"])
    layout = result.raw.layout
    assert layout.header_row == case["header_row"], layout.lines()
    if case["sheet"]:
        assert layout.sheet == case["sheet"]
    if case["kind"] == "sales":
        assert _sums(result, "iso3") == case["units_by_iso3"], case["what"]
        if case["units_by_period"]:
            got = {k: v for k, v in _sums(result, "period").items() if v}
            want = {k: v for k, v in case["units_by_period"].items() if v}
            assert got == want
        if case["units_by_powertrain"]:
            assert _sums(result, "powertrain") == case["units_by_powertrain"]
    else:
        counts = result.accepted.groupby(result.accepted["iso3"].astype(str)).size()
        assert {k: int(v) for k, v in counts.items()} == case["dealers_by_iso3"]
    refused = sorted({(r.row, r.field) for r in result.rejections})
    assert refused == sorted((r["row"], r["field"]) for r in case["refused_rows"]), [
        (r.row, r.field, r.reason) for r in result.rejections
    ]
    skipped = layout.skipped_by_reason()
    # the manifest's "title" rows are every line above the header: titles, unit lines, notes
    skipped["title"] = [r for reason in ("title", "unit", "note") for r in skipped.pop(reason, [])]
    for reason, rows in case["skipped_rows"].items():
        assert sorted(skipped.get(reason, [])) == sorted(rows), (reason, layout.lines())
    if case["encoding"]:
        assert layout.encoding_code == case["encoding"]
