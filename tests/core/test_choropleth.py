"""Choropleth classes: mapclassify breaks, the palette, and the caches that keep mapclassify out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from corridor_map.core.choropleth import BUNDLED_CACHE, PALETTES, classify
from corridor_map.core.choropleth_prewarm import likely_filters, prewarm
from corridor_map.core.dataset import load_sample


def test_fisher_jenks_classes_cover_every_value_darkest_for_the_largest() -> None:
    values = {"THA": 100, "VNM": 5000, "LAO": 20, "MYS": 800, "SGP": 3000, "IDN": 12000, "PHL": 0}
    choropleth = classify(values)
    assert len(choropleth.classes) == 5
    assert [c.color for c in choropleth.classes] == list(PALETTES[5])
    assert choropleth.color_of("IDN") == PALETTES[5][-1]
    assert choropleth.color_of("LAO") == PALETTES[5][0]
    assert choropleth.color_of("PHL") is None  # zero units: no data colour
    uppers = [c.upper for c in choropleth.classes]
    assert uppers == sorted(uppers) and uppers[-1] == 12000


def test_few_distinct_values_give_fewer_classes() -> None:
    assert len(classify({"A": 5}).classes) == 1
    assert len(classify({"A": 5, "B": 7, "C": 7}).classes) == 2
    assert classify({}).classes == ()


def test_cached_classes_are_reused(tmp_path: Path) -> None:
    values = {"THA": 10, "VNM": 30, "LAO": 70, "MYS": 150, "SGP": 310, "IDN": 630}
    first = classify(values, cache_dir=tmp_path, bundled=False)
    files = list((tmp_path / "choropleth").glob("*.json"))
    assert len(files) == 1
    files[0].write_text('[{"lower": 10, "upper": 630, "color": "#000000"}]')  # proves the cache is read
    assert classify(values, cache_dir=tmp_path, bundled=False).classes[0].color == "#000000"
    assert first.classes[0].color != "#000000"


def test_the_bundled_sample_classes_are_current(tmp_path: Path) -> None:
    """packaging/prewarm_sample_classes.py was rerun after the sample changed."""
    sample = load_sample()
    prewarm(sample, tmp_path, bundled=False)
    fresh = {p.name: p.read_text() for p in (tmp_path / "choropleth").glob("*.json")}
    shipped = {p.name: p.read_text() for p in BUNDLED_CACHE.glob("*.json")}
    assert fresh == shipped
    assert len(list(likely_filters(sample))) >= 10


def test_the_sample_colours_without_importing_mapclassify() -> None:
    code = (
        "import sys; sys.modules['mapclassify'] = None\n"
        "from corridor_map.core.dataset import load_sample\n"
        "from corridor_map.core.aggregate import units_by, Filters\n"
        "from corridor_map.core.choropleth import classify\n"
        "s = load_sample().sales\n"
        "for f in (Filters(), Filters(years=(2023, 2023))):\n"
        "    t = units_by(s, ('iso3',), f)\n"
        "    c = classify(dict(zip(t['iso3'].astype(str), t['units'].astype(int))))\n"
        "    assert len(c.classes) == 5\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stdout.strip() == "ok"
