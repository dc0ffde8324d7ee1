"""The bundled sample, checked once and then read from the cache: the same dataset as checking its files,
checked again when any input changes, and a damaged cache costs only time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

from corridor_map.core.dataset import Dataset, load_sample
from corridor_map.core.frame_file import read_frame
from corridor_map.core.sample_cache import load_sample_cached, sample_key
from corridor_map.paths import GEO_DIR_ENV, geo_dir


@pytest.fixture(scope="module")
def fresh() -> Dataset:
    return load_sample()


def same(a: Dataset, b: Dataset) -> None:
    pdt.assert_frame_equal(a.sales, b.sales)
    pdt.assert_frame_equal(a.dealers, b.dealers)
    assert (a.kind, a.label_en, a.label_zh, a.sources, a.id) == (
        b.kind,
        b.label_en,
        b.label_zh,
        b.sources,
        b.id,
    )
    assert int(a.sales["units"].sum()) == int(b.sales["units"].sum())


def test_the_cached_sample_is_the_checked_one(tmp_path: Path, fresh: Dataset) -> None:
    first = load_sample_cached(tmp_path)
    (kept,) = (tmp_path / "sample").iterdir()
    assert sorted(p.name for p in kept.iterdir()) == ["dataset.json", "dealers.npz", "sales.npz"]
    again = load_sample_cached(tmp_path)
    same(first, fresh)
    same(again, fresh)
    assert isinstance(again.dealers.index, pd.RangeIndex)  # (dealers are picked by their index label)


def test_any_changed_input_checks_the_files_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    geo = tmp_path / "geo"
    shutil.copytree(geo_dir(), geo)
    monkeypatch.setenv(GEO_DIR_ENV, str(geo))
    before = sample_key(tmp_path)
    with (geo / "cities.csv").open("a", encoding="utf-8") as fh:
        fh.write("Newtown,新城,THA,100.5,13.7,20000,\n")
    assert sample_key(tmp_path) != before


def test_a_damaged_cache_is_checked_again_and_replaced(tmp_path: Path, fresh: Dataset) -> None:
    load_sample_cached(tmp_path)
    (kept,) = (tmp_path / "sample").iterdir()
    (kept / "sales.npz").write_bytes(b"not a table")
    same(load_sample_cached(tmp_path), fresh)
    same(load_sample_cached(tmp_path), fresh)  # (kept again, readable)
    (kept,) = (tmp_path / "sample").iterdir()
    assert len(read_frame(kept / "sales.npz")) == len(fresh.sales)
