"""``corridor-map check-data`` as a user runs it: a subprocess, real files, the JSON contract, exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
BROKEN = DATA / "broken"


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "CORRIDOR_MAP_DATA_DIR": str(tmp_path / "data"),
        "CORRIDOR_MAP_CACHE_DIR": str(tmp_path / "cache"),
    }
    return subprocess.run(
        [sys.executable, "-m", "corridor_map", "check-data", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_json_contract_for_sales_and_dealers(tmp_path: Path) -> None:
    proc = run(
        "--sales",
        str(DATA / "sales_utf8.csv"),
        "--dealers",
        str(DATA / "dealers.csv"),
        "--json",
        tmp_path=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)  # exactly one JSON object, nothing else on stdout
    assert set(report) == {"files", "by_country"}
    sales, dealers = report["files"]
    layout = sales.pop("layout")
    assert layout["header_row"] == 1 and layout["encoding"] == "utf-8" and layout["skipped"] == []
    assert set(sales.pop("columns").values()) == {
        "country",
        "brand",
        "year",
        "units",
        "powertrain",
        "value_cny",
    }
    assert sales.pop("ignored_columns") == []
    assert sales.pop("field_names_zh")["country"] == "国家"
    assert [r.pop("reason_zh") for r in sales["rejected"]][-1] == "必填字段为空"
    assert sales == {
        "path": str(DATA / "sales_utf8.csv"),
        "kind": "sales",
        "rows": 11,
        "accepted": 6,
        "rejected": [
            {
                "row": 5,
                "field": "country",
                "reason": "unknown country 'Thailnd' (did you mean Thailand, THA?)",
            },
            {"row": 6, "field": "units", "reason": "units not a non-negative integer ('-5')"},
            {"row": 7, "field": "year", "reason": sales["rejected"][2]["reason"]},
            {"row": 8, "field": "country", "reason": sales["rejected"][3]["reason"]},
            {"row": 10, "field": "brand", "reason": "required field empty"},
        ],
        "notes": [],
    }
    assert sales["rejected"][2]["reason"].startswith("year not a plausible year")
    assert dealers["kind"] == "dealers" and dealers["rows"] == 10 and dealers["accepted"] == 4
    assert dealers["positions"] == {"exact": 1, "city": 2, "country": 1}  # coordinates, city, neither
    assert [r["row"] for r in dealers["rejected"]] == [4, 5, 6, 7, 8, 11]
    assert report["by_country"] == {
        "ARE": {"units": 150, "dealers": 0},
        "BRA": {"units": 1234567, "dealers": 0},
        "RUS": {"units": 200, "dealers": 1},
        "THA": {"units": 12400, "dealers": 2},
        "UZB": {"units": 0, "dealers": 1},
        "VNM": {"units": 300, "dealers": 0},
    }
    assert "checking" in proc.stderr
    assert not (tmp_path / "data" / "active.json").exists()  # read-only: nothing activated


def test_one_rejected_entry_per_problem(tmp_path: Path) -> None:
    proc = run("--sales", str(DATA / "sales_gb18030.csv"), "--json", tmp_path=tmp_path)
    report = json.loads(proc.stdout)
    assert [(r["row"], r["field"]) for r in report["files"][0]["rejected"]] == [(4, "period"), (6, "units")]
    assert report["by_country"] == {
        "LAO": {"units": 20, "dealers": 0},
        "MMR": {"units": 4000, "dealers": 0},
        "VNM": {"units": 10, "dealers": 0},
    }


def test_no_arguments_checks_the_bundled_sample_and_exits_0(tmp_path: Path) -> None:
    proc = run("--json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert [f["kind"] for f in report["files"]] == ["sales", "dealers"]
    assert all(f["rows"] == f["accepted"] > 0 and f["rejected"] == [] for f in report["files"])
    assert len(report["by_country"]) >= 40


def test_all_rows_accepted_exits_0_in_human_mode(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("country,brand,year,units\nThailand,A,2024,5\n", encoding="utf-8")
    proc = run("--sales", str(good), tmp_path=tmp_path)
    assert proc.returncode == 0
    assert "1 data rows, 1 accepted, 0 rejected" in proc.stdout


def test_human_output_lists_each_rejected_row(tmp_path: Path) -> None:
    proc = run("--dealers", str(DATA / "dealers.csv"), tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "row 4, row: exact duplicate of row 3" in proc.stdout
    assert "row 5, lat: latitude out of range" in proc.stdout


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("../bad/empty.csv", 2, "the file is empty"),
        ("blank.csv", 2, "the file is empty"),
        ("garbage.csv", 2, "binary content"),
        ("truncated.xlsx", 2, "damaged XLSX"),
        ("wrong_columns.csv", 2, "not a sales table"),
        ("../bad/old_excel.xls", 2, ".xls"),
        ("one_column.csv", 2, "one column"),
        ("../bad/header_only.csv", 1, "no data rows"),
    ],
)
def test_broken_files(tmp_path: Path, name: str, code: int, message: str) -> None:
    path = BROKEN / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    proc = run("--sales", str(path), tmp_path=tmp_path)
    assert proc.returncode == code
    assert "Traceback" not in proc.stderr + proc.stdout
    assert message in proc.stderr + proc.stdout
    if code == 2:
        assert name in proc.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    as_json = run("--sales", str(path), "--json", tmp_path=tmp_path)
    assert as_json.returncode == code
    report = json.loads(as_json.stdout)
    if code == 2:
        assert report["files"] == [] and name in report["errors"][0]["message"]
    else:
        assert report["files"][0]["rows"] == 0


@pytest.mark.parametrize("which", ["folder", "missing"])
def test_a_folder_or_a_missing_path_exits_2_naming_it(tmp_path: Path, which: str) -> None:
    path = tmp_path if which == "folder" else tmp_path / "missing.csv"
    proc = run("--dealers", str(path), tmp_path=tmp_path)
    assert proc.returncode == 2
    assert str(path) in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_bad_file_next_to_a_good_one_still_reports_the_good_one(tmp_path: Path) -> None:
    proc = run(
        "--sales",
        str(DATA / "sales_bom_zh.csv"),
        "--dealers",
        str(BROKEN / "garbage.csv"),
        "--json",
        tmp_path=tmp_path,
    )
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert [f["path"] for f in report["files"]] == [str(DATA / "sales_bom_zh.csv")]
    assert report["by_country"]["KAZ"] == {"units": 400, "dealers": 0}


def test_a_report_workbook_says_how_it_was_read_in_english_and_chinese(tmp_path: Path) -> None:
    office = Path(__file__).parent / "data" / "office"
    path = office / "sales_everything_zh.xlsx"
    proc = run("--sales", str(path), "--json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    entry = json.loads(proc.stdout)["files"][0]
    layout = entry["layout"]
    assert (layout["sheet"], layout["header_row"], layout["sheet_chosen_by_content"]) == ("数据", 4, True)
    assert layout["skipped_by_reason"] == {
        "title": [1],
        "unit": [2, 3],
        "total": [9, 13, 17, 20, 22, 23],
        "hidden": [7, 16],
    }
    assert layout["merged_ranges"] and entry["ignored_columns"] == ["批发量", "备注"]
    assert entry["rows"] == entry["accepted"] == 11
    zh = run("--sales", str(path), "--lang", "zh", "--sheet", "数据", "--header-row", "4", tmp_path=tmp_path)
    assert "表头在第 4 行（工作表“数据”）" in zh.stdout and "已排除 2 个隐藏行" in zh.stdout
    wrong = run("--sales", str(path), "--sheet", "Sheet9", tmp_path=tmp_path)
    assert wrong.returncode == 2 and "no sheet named 'Sheet9' (sheets: 说明, 数据)" in wrong.stderr
