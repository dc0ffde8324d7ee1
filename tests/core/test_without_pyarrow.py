"""The packaged app has no pyarrow (``packaging/build-linux.sh`` leaves it out): its reading of a user's
files must give what the source install's gives with pyarrow's fast paths, and not take minutes.

Each test runs a child Python in which ``import pyarrow`` fails before pandas is imported, as in the
packaged app (pandas then keeps text as Python strings).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from corridor_map.core import readers
from corridor_map.core.importing import load_table

TESTS = Path(__file__).resolve().parents[1]
HIDE_PYARROW = (
    "import sys\n"
    "sys.modules['pyarrow'] = None  # import pyarrow raises ImportError, as where it is not installed\n"
    "import pandas as pd\n"
    "assert pd.Series(['a']).dtype.storage == 'python', 'pandas still uses pyarrow'\n"
)


def _run_without_pyarrow(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", HIDE_PYARROW + code, *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        cwd=TESTS.parent,
        check=False,
    )


def _summary(path: str) -> dict[str, Any]:
    """What a person sees of an import: the accepted units by country, the refused rows and fields,
    the rows with another number of cells, the rows left out and why."""
    result = load_table(path, "sales")
    accepted = result.accepted
    return {
        "units_by_iso3": {
            k: int(v) for k, v in accepted.groupby(accepted["iso3"].astype(str))["units"].sum().items()
        },
        "rows": len(accepted),
        "refused": sorted([r.row, r.field] for r in result.rejections),
        "bad_width": sorted(int(r) for r in result.raw.bad_width),
        "skipped": sorted([s.row, s.reason] for s in result.raw.layout.skipped),
    }


SUMMARY_IN_CHILD = """
import json
from corridor_map.core import readers
exact_calls = []
exact = readers._read_csv_exact
readers._read_csv_exact = lambda *a, **k: exact_calls.append(1) or exact(*a, **k)
from tests.core.test_without_pyarrow import _summary
print(json.dumps({"summary": _summary(sys.argv[1]), "exact_parser_calls": len(exact_calls)}))
"""


def _messy_office_csv(path: Path, rows: int) -> None:
    """An office's CSV export at its messiest that still parses: CRLF line ends, a title line, quoted
    cells with commas and doubled quotes, thousands separators, Chinese and variant country names,
    blank lines, rows with too many and too few cells, a trailing empty cell, subtotal rows, refusals."""
    rng = np.random.default_rng(3)
    countries = ["Thailand", "泰国", "Russian Federation", "UAE", "Kazakhstan", "Viet Nam", "Brazil"]
    brands = ["Changan", '"Changan, Deepal"', '"Seres ""Aito"""', "Avatr", "赛力斯"]
    lines = ["Sales by country (sample),,,,", "country,brand,year,powertrain,units"]
    for i in range(rows):
        units = int(rng.integers(0, 30_000))
        text = f'"{units:,}"' if i % 7 == 0 else str(units)
        if i % 997 == 5:
            text = "n/a"
        cells = [
            countries[i % len(countries)],
            brands[int(rng.integers(0, len(brands)))],
            str(2021 + i % 5),
            "NEV" if i % 3 else "ICE",
            text,
        ]
        if i % 1000 == 999:
            lines.append("")
        if i % 1499 == 7:
            cells = cells[:4]
        elif i % 1201 == 9:
            cells = [*cells, "extra"]
        elif i % 1301 == 11:
            cells = [*cells, ""]
        lines.append(",".join(cells))
        if i % 2000 == 1999:
            lines.append(f"Subtotal,,,,{units * 10}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))


def test_a_large_messy_csv_reads_the_same_with_and_without_pyarrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "office_export.csv"
    _messy_office_csv(path, 30_000)
    here = _summary(str(path))  # (the source install: pyarrow's reader)
    child = _run_without_pyarrow(SUMMARY_IN_CHILD, str(path))
    assert child.returncode == 0, child.stderr[-3000:]
    there = json.loads(child.stdout.strip().splitlines()[-1])
    assert there["exact_parser_calls"] == 0  # pandas' C parser read it, not the slow exact one
    assert there["summary"] == here
    # and both as Python's csv module reads the file, the reference
    monkeypatch.setattr(readers, "_has_pyarrow", lambda: True)
    monkeypatch.setattr(readers, "_parse_with_pyarrow", lambda *_args: None)
    assert _summary(str(path)) == here
    # the file is what it says: every kind of line above is in it, and was seen
    assert here["rows"] > 29_000 and len(here["units_by_iso3"]) == 6
    assert sum(field == "units" for _row, field in here["refused"]) == 31  # the "n/a" units
    assert len(here["bad_width"]) == 21 + 25  # too few cells, too many (a trailing empty one is fine)
    assert sorted(row for row, field in here["refused"] if field == "row") == here["bad_width"]
    assert {reason for _row, reason in here["skipped"]} == {"title", "total"}


def test_a_stray_quote_still_reads_exactly_without_pyarrow(tmp_path: Path) -> None:
    path = tmp_path / "stray.csv"
    path.write_text(
        'country,brand,year,units\nThailand,5" Motors,2024,1\nRussia,B,2024,2\nUAE,C,2024,3,4\n',
        encoding="utf-8",
    )
    child = _run_without_pyarrow(SUMMARY_IN_CHILD, str(path))
    assert child.returncode == 0, child.stderr[-3000:]
    there = json.loads(child.stdout.strip().splitlines()[-1])
    assert there["summary"] == _summary(str(path))
    assert there["summary"]["units_by_iso3"] == {"THA": 1, "RUS": 2}
    assert there["exact_parser_calls"] == 1  # the quote counts could not be trusted


def test_the_office_files_readers_and_checks_pass_without_pyarrow() -> None:
    child = _run_without_pyarrow(
        "import pytest\nsys.exit(pytest.main(sys.argv[1:]))",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:xdist",
        str(TESTS / "core" / "test_office_corpus.py"),
        str(TESTS / "core" / "test_readers.py"),
        str(TESTS / "core" / "test_validate.py"),
        str(TESTS / "core" / "test_office_conventions.py"),
    )
    assert child.returncode == 0, child.stdout[-3000:]
    assert " passed" in child.stdout and " failed" not in child.stdout
