"""The bundled sample: reproducible from its generator, labelled illustrative; the real figures exact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from corridor_map.core.dataset import load_sample, published_figures, sample_dir

ROOT = Path(__file__).resolve().parents[2]


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    out, templates = tmp_path / "sample", tmp_path / "templates"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "make_sample_data.py"),
            "--out",
            str(out),
            "--templates",
            str(templates),
        ],
        check=True,
        capture_output=True,
        env={"PYTHONPATH": str(ROOT / "src")},
    )
    for name in ("sales.csv", "dealers.csv", "published_figures.csv", "dataset.json"):
        assert (out / name).read_bytes() == (sample_dir() / name).read_bytes(), name
    for name in ("sales_template.csv", "dealers_template.csv", "sales_template_zh.csv"):
        assert (templates / name).read_bytes() == (ROOT / "resources" / "templates" / name).read_bytes()


def test_sample_is_labelled_illustrative_in_the_data_itself() -> None:
    meta = json.loads((sample_dir() / "dataset.json").read_text(encoding="utf-8"))
    assert meta["kind"] == "sample"
    assert meta["label_en"] == "Illustrative sample data — not real sales figures"
    assert meta["label_zh"] == "示例数据（仅供演示，非真实销量）"
    for name in ("sales.csv", "dealers.csv"):
        lines = (sample_dir() / name).read_text(encoding="utf-8").splitlines()
        assert lines[0].endswith(",note")
        assert all("not real" in line for line in lines[1:])
    sample = load_sample()
    assert sample.is_sample and sample.label("en") == meta["label_en"]


def test_published_figures_are_the_ones_the_issue_lists() -> None:
    figures = {f.id: f for f in published_figures()}
    expected = {
        "cq_2024_vehicles": ("=", 477_000, "Chongqing Customs"),
        "cq_2024_growth": ("=", 29.6, "Chongqing Customs"),
        "cq_2024_value": ("=", 43.11, "Chongqing Customs"),
        "cn_2024_vehicles": (">", 6_000_000, None),
        "cn_2024_nev": (">", 2_000_000, None),
        "changan_markets": ("=", 103, None),
        "changan_2025_overseas": ("=", 405_000, None),
        "seres_markets": ("=", 62, None),
        "seres_dealers": (">", 300, None),
        "seres_exported": (">", 500_000, None),
    }
    assert set(figures) == set(expected)
    for key, (qualifier, value, source) in expected.items():
        fig = figures[key]
        assert (fig.qualifier, fig.value) == (qualifier, value), key
        assert fig.source("en") and fig.source("zh") and fig.text("en") and fig.text("zh")
        if source:
            assert fig.source("en") == source
    assert figures["changan_2025_overseas"].period == "2025-01/2025-08"
    assert figures["cq_2024_value"].unit == "billion yuan"
