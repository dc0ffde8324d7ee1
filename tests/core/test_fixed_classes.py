"""Classes fixed over a time playback's frames (``Filters.classes_over``): the frames' values, checked
against a pandas groupby done here on the sample CSV, and breaks identical for every frame."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from corridor_map.core.aggregate import Filters, frame_units
from corridor_map.core.choropleth import PALETTES, Breaks, classify, classify_with, natural_breaks
from corridor_map.core.dataset import load_sample, sample_dir
from corridor_map.core.page_payload import data_payload
from corridor_map.state import AppState

with warnings.catch_warnings():  # "Numba not installed": irrelevant for a reference
    warnings.simplefilter("ignore")
    import mapclassify

SAMPLE = load_sample()
OVER = (2023, 2025)


BRAND = "Orion Demo Motors"


@pytest.fixture(scope="module")
def csv() -> pd.DataFrame:
    """The sample's sales.csv read here with plain pandas; its country names get the ISO3 code the app
    gave their rows (``source_row`` is the CSV line, the header being line 1)."""
    rows = pd.read_csv(sample_dir() / "sales.csv", keep_default_na=False)
    sales = SAMPLE.sales
    names = dict(zip(rows.loc[sales["source_row"] - 2, "country"], sales["iso3"].astype(str), strict=True))
    assert len(set(names.values())) == len(names) == rows["country"].nunique()  # one code per name
    return rows.assign(iso3=rows["country"].map(names))


def pandas_frames(
    csv: pd.DataFrame, over: tuple[int, int], cumulative: bool, brand: str | None
) -> list[pd.Series]:
    """Units per country for each frame of a playback over ``over`` (the frames' own years filter)."""
    rows = csv if brand is None else csv[csv["brand"] == brand]
    frames = []
    for year in range(over[0], over[1] + 1):
        first = over[0] if cumulative else year
        kept = rows[(rows["year"] >= first) & (rows["year"] <= year)]
        units = kept.groupby("iso3")["units"].sum()
        frames.append(units[units > 0])
    return frames


def test_the_csv_read_here_is_the_sample(csv: pd.DataFrame) -> None:
    assert int(csv["units"].sum()) == int(SAMPLE.sales["units"].sum()) > 0


@pytest.mark.parametrize("cumulative", [False, True])
@pytest.mark.parametrize("brand", [None, BRAND])
def test_frame_units_are_every_frames_values(csv: pd.DataFrame, cumulative: bool, brand: str | None) -> None:
    brands = frozenset({brand}) if brand else None
    filters = Filters(brands=brands, years=(2024, 2024), classes_over=OVER, cumulative_classes=cumulative)
    expected = np.sort(np.concatenate([f.to_numpy() for f in pandas_frames(csv, OVER, cumulative, brand)]))
    got = np.sort(frame_units(SAMPLE.sales, filters))
    assert len(got) > 40
    assert got.tolist() == expected.tolist()


def test_no_classes_over_no_frame_values() -> None:
    assert len(frame_units(SAMPLE.sales, Filters(years=OVER))) == 0


@pytest.mark.parametrize("cumulative", [False, True])
def test_every_frame_has_the_same_classes_equal_to_breaks_over_all_frames(
    csv: pd.DataFrame, cumulative: bool
) -> None:
    frames = pandas_frames(csv, OVER, cumulative, None)
    pool = np.concatenate([f.to_numpy() for f in frames]).astype(float)
    expected_uppers = [float(b) for b in mapclassify.FisherJenks(pool, k=5).bins]
    seen = []
    for year, frame in zip(range(OVER[0], OVER[1] + 1), frames, strict=True):
        first = OVER[0] if cumulative else year
        filters = Filters(years=(first, year), classes_over=OVER, cumulative_classes=cumulative)
        payload = data_payload(SAMPLE, filters, {})
        assert payload["units"] == {str(k): int(v) for k, v in frame.items()}  # the frame's own values
        classes = payload["choropleth"]["classes"]
        assert [c["upper"] for c in classes] == pytest.approx(expected_uppers)
        assert classes[0]["lower"] == pool.min()
        assert [c["color"] for c in classes] == list(PALETTES[5])
        seen.append(classes)
    assert all(c == seen[0] for c in seen)
    # Growth shows: the first frame has fewer countries in the top class than the last
    tops = [sum(v > expected_uppers[-2] for v in f) for f in frames]
    assert tops[0] < tops[-1]


def test_without_classes_over_each_year_has_its_own_classes() -> None:
    first = data_payload(SAMPLE, Filters(years=(2022, 2022)), {})["choropleth"]["classes"]
    last = data_payload(SAMPLE, Filters(years=(2025, 2025)), {})["choropleth"]["classes"]
    assert first[-1]["upper"] < last[-1]["upper"]  # the complaint: the classes follow the year


def test_classify_with_puts_values_above_the_top_in_the_top_class() -> None:
    breaks = Breaks(10.0, (100.0, 1000.0))
    ch = classify_with({"THA": 5, "VNM": 50, "LAO": 500, "SGP": 5000, "PHL": 0}, breaks)
    assert ch.color_of("VNM") == PALETTES[2][0]
    assert ch.color_of("LAO") == PALETTES[2][1]
    assert ch.color_of("SGP") == PALETTES[2][1]
    assert ch.color_of("THA") == PALETTES[2][0]  # below the lowest: still the first class
    assert ch.color_of("PHL") is None
    assert [(c.lower, c.upper) for c in ch.classes] == [(10.0, 100.0), (100.0, 1000.0)]


def test_classify_is_natural_breaks_of_its_own_values() -> None:
    values = {"A": 3, "B": 9, "C": 40, "D": 41, "E": 300, "F": 1200, "G": 0}
    assert classify(values) == classify_with(values, natural_breaks([3, 9, 40, 41, 300, 1200]))
    assert natural_breaks([0, -1]) is None


def test_a_large_pool_is_reduced_but_keeps_its_ends() -> None:
    rng = np.random.default_rng(7)
    pool = rng.integers(1, 10**7, 5000)
    breaks = natural_breaks(pool.tolist())
    assert breaks is not None
    assert breaks.lowest == pool.min()
    assert breaks.uppers[-1] == pool.max()
    assert len(breaks.uppers) == 5


def test_years_set_elsewhere_end_the_fixed_classes() -> None:
    state = AppState(SAMPLE)
    state.update_filters(years=(2023, 2023), classes_over=OVER, cumulative_classes=True)
    assert state.filters.classes_over == OVER
    state.update_filters(brands=frozenset({"BYD"}))  # another filter: the playback's classes stay
    assert state.filters.classes_over == OVER
    state.update_filters(years=(2021, 2022))  # the slider: not the playback's years any more
    assert (state.filters.classes_over, state.filters.cumulative_classes) == (None, False)
