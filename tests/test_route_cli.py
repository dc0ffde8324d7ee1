"""``corridor-map route`` as a user runs it: a subprocess, the human table, the JSON contract, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "CORRIDOR_MAP_DATA_DIR": str(tmp_path / "data"),
        "CORRIDOR_MAP_CACHE_DIR": str(tmp_path / "cache"),
    }
    return subprocess.run(
        [sys.executable, "-m", "corridor_map", "route", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_human_table_for_germany(tmp_path: Path) -> None:
    proc = run("DEU", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("Germany (DEU): 5 alternatives from Chongqing")
    assert "1. China–Europe Railway Express (via Alashankou) → Duisburg  [default]" in out
    assert "China–Europe Railway Express (via Manzhouli) → Duisburg" in out
    assert "ILSTC rail + sea via Qinzhou (central channel, via Guiyang) → Hamburg" in out
    assert "Yangtze + sea via Shanghai → Hamburg" in out
    assert "10,432 km, 16.0 days" in out  # Chongqing → Duisburg by rail, with the default assumptions
    assert "9,978 nm" in out  # Qinzhou → Hamburg at sea
    assert "Qinzhou: transshipment rail → sea" in out
    assert "corridor-map route --assumptions" in out and "Help → Transit assumptions" in out
    assert proc.stderr == ""


def test_chinese_throughout(tmp_path: Path) -> None:
    proc = run("DEU", "--lang", "zh", "--assumptions", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("德国（DEU）：自重庆出发共 5 种方案")
    assert "假设：铁路每天 800 公里" in out and "［默认］" in out and "按这些假设最快" in out
    assert "运输时间假设" in out and "来源：" in out
    english = ["Assumptions", "alternatives", " days", "default]", "Fastest", " km", " nm", "stop "]
    framing = "\n".join(
        line for line in out.splitlines() if not line.startswith("  来源：")
    )  # (cited as published)
    assert [w for w in english if w in framing] == []


def test_the_assumptions_alone_with_their_sources(tmp_path: Path) -> None:
    proc = run("--assumptions", "--json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["assumptions"]
    assert [r["key"] for r in rows] == [
        "rail_km_per_day",
        "river_knots",
        "sea_knots",
        "road_km_per_day",
        "dwell_days",
    ]
    assert all(r["sources"] and r["basis"] and r["value"] == r["default"] for r in rows)


def test_json_is_one_object_matching_the_table(tmp_path: Path) -> None:
    proc = run("SGP", "--json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # exactly one JSON document
    assert data["target"] == {"kind": "country", "id": "SGP", "name": "Singapore"}
    assert data["params"] == {
        "rail_km_per_day": 800.0,
        "river_knots": 6.0,
        "sea_knots": 14.0,
        "road_km_per_day": 500.0,
        "dwell_days": 1.5,
    }
    alternatives = data["alternatives"]
    assert [a["kind"] for a in alternatives] == ["rail_sea", "rail_sea", "river_sea"]
    first = alternatives[0]
    assert first["is_default"] is True
    sea = [leg for leg in first["legs"] if leg["mode"] == "sea"]
    assert sea[0]["id"] == "S-QZH-SGSIN" and 1250 <= sea[0]["nm"] <= 1450
    for alt in alternatives:
        assert alt["total_km"] == pytest.approx(sum(leg["km"] for leg in alt["legs"]), abs=0.5)
        days = sum(leg["days"] for leg in alt["legs"]) + sum(s["days"] for s in alt["stops"])
        assert alt["total_days"] == pytest.approx(days, abs=0.05)


def test_parameters_change_the_days(tmp_path: Path) -> None:
    slow = json.loads(run("SGP", "--json", "--sea-knots", "7", tmp_path=tmp_path).stdout)
    base = json.loads(run("SGP", "--json", tmp_path=tmp_path).stdout)
    sea_days = sum(leg["days"] for leg in base["alternatives"][0]["legs"] if leg["mode"] == "sea")
    assert slow["alternatives"][0]["total_days"] == pytest.approx(
        base["alternatives"][0]["total_days"] + sea_days, abs=0.05
    )


@pytest.mark.parametrize(
    ("text", "iso3"), [("Germany", "DEU"), ("德国", "DEU"), ("deu", "DEU"), ("Viet Nam", "VNM")]
)
def test_names_are_accepted(text: str, iso3: str, tmp_path: Path) -> None:
    proc = run(text, "--json", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["target"]["id"] == iso3


def test_a_port_target(tmp_path: Path) -> None:
    proc = run("SGSIN", "--json", "--lang", "zh", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["target"]["kind"] == "port" and data["target"]["name"] == "新加坡"
    assert all(a["gateway"] == "SGSIN" for a in data["alternatives"])


@pytest.mark.parametrize("text", ["XYZ", "Germny", ""])
def test_unknown_target_exits_2_with_a_message(text: str, tmp_path: Path) -> None:
    proc = run(text, tmp_path=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("route: ")
    assert "ISO3" in proc.stderr
    assert "Traceback" not in proc.stderr
    as_json = run(text, "--json", tmp_path=tmp_path)
    assert as_json.returncode == 2
    assert "error" in json.loads(as_json.stdout)


def test_suggestion_for_a_misspelt_country(tmp_path: Path) -> None:
    assert "did you mean Germany, DEU?" in run("Germny", tmp_path=tmp_path).stderr


def test_bad_parameter_exits_2(tmp_path: Path) -> None:
    proc = run("DEU", "--rail-km-per-day", "0", tmp_path=tmp_path)
    assert proc.returncode == 2
    assert "rail_km_per_day must be a number greater than zero" in proc.stderr
