"""The broken-file corpus through ``corridor-map check-data`` (real processes) and the GUI import flow.

Every file must end in exit code 1 (read, rows rejected or none) or 2 (cannot be read / not a table),
with the file named and no traceback; the import flow must refuse or report it and change nothing.
The processes run a few at a time in one module fixture, so the corpus costs seconds, not minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.hardening.bad_files import EXPECTED, GENERATED, committed_names, corpus_path

SRC = Path(__file__).resolve().parents[2] / "src"


def test_every_committed_file_has_an_expectation() -> None:
    assert set(committed_names()) <= set(EXPECTED), set(committed_names()) - set(EXPECTED)
    assert set(GENERATED) <= set(EXPECTED)


def _check_data(kind: str, path: Path, json_output: bool) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "corridor_map", "check-data", f"--{kind}", str(path)]
    if json_output:
        command.append("--json")
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONWARNINGS": "ignore"}
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=False)


# One process per file for a file of each sort; the whole corpus through one process below.
EACH_SORT = [
    "empty.csv", "header_only.csv", "binary.csv", "truncated.xlsx", "formulas_without_values.xlsx",
    "mixed_line_endings.csv", "csv_bomb_header.csv", "dealers_bad_coordinates.csv",
]  # fmt: skip


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, subprocess.CompletedProcess[str]]]:
    """``check-data`` on each of EACH_SORT (every other one with ``--json``), three processes at a time."""
    generated = tmp_path_factory.mktemp("generated")
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {
            name: pool.submit(_check_data, EXPECTED[name][0], corpus_path(name, generated), i % 2 == 1)
            for i, name in enumerate(EACH_SORT)
        }
        yield {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("name", EACH_SORT)
def test_check_data_refuses_or_reports_each_sort_of_broken_file(
    runs: dict[str, subprocess.CompletedProcess[str]], name: str
) -> None:
    result = runs[name]
    code = EXPECTED[name][1]
    output = result.stdout + result.stderr
    assert result.returncode == code, output[-1500:]
    assert "Traceback" not in output
    assert "internal error" not in output
    assert name in output  # the file is named
    if "--json" in result.args:
        report = json.loads(result.stdout)  # exactly one JSON object on stdout
        if code == 2:
            [error] = report["errors"]
            assert error["path"].endswith(name) and name in error["message"]
        else:
            [entry] = report["files"]
            assert bool(entry["rejected"] or entry["rows"] == 0) == (code == 1)
            assert all(r["row"] >= 2 and r["reason"] for r in entry["rejected"])
    elif code == 2:
        assert any(line.startswith("error: ") and name in line for line in result.stderr.splitlines())
    elif code == 0:
        assert "all rows accepted" in result.stdout
    else:
        assert "accepted" in result.stdout and (
            "rejected" in result.stdout or "no data rows" in result.stdout
        )


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, int]:
    """The whole corpus in one ``check-data --json`` process."""
    generated = tmp_path_factory.mktemp("generated-all")
    command = [sys.executable, "-m", "corridor_map", "check-data", "--json"]
    for name in sorted(EXPECTED):
        command += [f"--{EXPECTED[name][0]}", str(corpus_path(name, generated))]
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONWARNINGS": "ignore"}
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=False)
    return json.loads(result.stdout), result.stderr, result.returncode


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_broken_file_gets_its_own_verdict_in_one_run(
    corpus_report: tuple[dict, str, int], name: str
) -> None:
    report, stderr, code = corpus_report
    assert code == 2 and "Traceback" not in stderr and "internal error" not in stderr
    errors = [e for e in report.get("errors", []) if Path(e["path"]).name == name]
    files = [f for f in report["files"] if Path(f["path"]).name == name]
    if EXPECTED[name][1] == 2:
        assert len(errors) == 1 and not files, (errors, files)
        assert name in errors[0]["message"]
    else:
        assert len(files) == 1 and not errors, (errors, files)
        assert bool(files[0]["rejected"] or files[0]["rows"] == 0) == (EXPECTED[name][1] == 1)


def test_mixed_line_endings_are_numbered_like_a_spreadsheet(tmp_path: Path) -> None:
    """A lone CR ends a row, as in Excel; a CR inside quotes stays in the cell."""
    from corridor_map.core.importing import load_table

    result = load_table(corpus_path("mixed_line_endings.csv", tmp_path), "sales")
    # rows: 2 Thailand, 3 Viet Nam (units "x"), 4 Laos, 5 "Thai" (one cell), 6 "land,…" (unknown country)
    assert list(result.accepted["source_row"]) == [2, 4]
    assert result.rejected_rows == [3, 5, 6]


# ---- the GUI import flow on a few of them ----------------------------------------------------------
GUI_CASES = [
    "truncated.xlsx",
    "binary.csv",
    "bom_only.csv",
    "header_only.csv",
    "csv_bomb_header.csv",
    "formulas.csv",
    "wrong_columns.csv",
]


@pytest.mark.gui
@pytest.mark.parametrize("name", GUI_CASES)
def test_the_import_flow_leaves_the_dataset_unchanged(qtbot: object, tmp_path: Path, name: str) -> None:
    from PySide6.QtWidgets import QMainWindow

    from corridor_map.core.store import DatasetStore
    from corridor_map.state import AppState
    from corridor_map.ui.data.actions import DataActions

    store = DatasetStore(tmp_path / "store")
    state = AppState(store.load_active())
    window = QMainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    actions = DataActions(window, state, store)
    before = state.dataset
    files = sorted(p.relative_to(store.root) for p in store.root.rglob("*"))
    flow = actions.flow
    try:
        flow.import_file(corpus_path(name, tmp_path), EXPECTED[name][0])  # type: ignore[arg-type]
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: not flow.busy or flow.report_dialog is not None or flow.mapping_dialog is not None,
            timeout=60000,
        )
        if flow.report_dialog is not None:  # read, with rejected rows: the user cancels
            assert flow.report_dialog.validation.rejections
            flow.report_dialog.btn_cancel.click()
        elif flow.mapping_dialog is not None:  # headers do not fit, or a report layout: the user cancels
            flow.mapping_dialog.reject()
        else:
            assert flow.outcome == "failed"
            assert name in flow.last_error and "Traceback" not in flow.last_error
            assert "could not be imported" not in flow.last_error  # not the unexpected-exception path
        qtbot.waitUntil(lambda: not flow.busy, timeout=60000)  # type: ignore[attr-defined]
        assert state.dataset is before
        assert sorted(p.relative_to(store.root) for p in store.root.rglob("*")) == files
    finally:
        actions.shutdown()
