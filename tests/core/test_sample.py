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


CUSTOMS = "Chongqing Customs"
CQ_DAILY = "Chongqing Daily"
TAN = "Tan Benhong, deputy Party secretary of Changan Automobile"
UNNAMED = "not named in the article"


def test_published_figures_carry_the_attribution_the_article_gives() -> None:
    """Global Times, October 2025 (from the 32nd China-SAE Congress, Chongqing, 22 October 2025): each
    figure with whom the article credits it to, or that it credits no one."""
    figures = {f.id: f for f in published_figures()}
    expected = {
        "cq_2024_vehicles": ("=", 477_000, CUSTOMS),
        "cq_2024_growth": ("=", 29.6, CUSTOMS),
        "cq_2024_value": ("=", 43.11, CUSTOMS),
        "cq_2024_value_growth": ("=", 30, CUSTOMS),
        "cn_2024_vehicles": (">", 6_000_000, UNNAMED),
        "cn_2024_nev": (">", 2_000_000, UNNAMED),
        "changan_markets": ("=", 103, TAN),
        "changan_2025_overseas": ("=", 405_000, TAN),
        "seres_markets": ("=", 62, CQ_DAILY),
        "seres_dealers": (">", 300, CQ_DAILY),
        "seres_exported": (">", 500_000, CQ_DAILY),
    }
    assert set(figures) == set(expected)
    for key, (qualifier, value, source) in expected.items():
        fig = figures[key]
        assert (fig.qualifier, fig.value) == (qualifier, value), key
        assert fig.source("en").startswith(source), key
        assert fig.source("zh") and fig.text("en") and fig.text("zh"), key
        assert fig.published_in("en").startswith("Global Times, October 2025"), key
        assert "www.globaltimes.cn/page/202510/1346491.shtml" in fig.published_in("zh"), key
        assert fig.attributed is (source != UNNAMED), key
    for key in ("cn_2024_vehicles", "cn_2024_nev"):  # the article's words next to Chai Zhanxiang's quote
        assert "Chai Zhanxiang" in figures[key].source("en") and "柴占祥" in figures[key].source("zh")
    assert figures["changan_2025_overseas"].period == "2025-01/2025-08"
    assert figures["cq_2024_value"].unit == "billion yuan"
    assert "$5.9 billion" in figures["cq_2024_value"].text("en")
