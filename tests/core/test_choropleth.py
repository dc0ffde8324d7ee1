"""Choropleth classes: natural breaks identical to mapclassify's FisherJenks, and the palette."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corridor_map.core.choropleth import PALETTES, classify, fisher_jenks_bins

with warnings.catch_warnings():  # "Numba not installed": irrelevant for a reference
    warnings.simplefilter("ignore")
    import mapclassify


def test_classes_cover_every_value_darkest_for_the_largest() -> None:
    values = {"THA": 100, "VNM": 5000, "LAO": 20, "MYS": 800, "SGP": 3000, "IDN": 12000, "PHL": 0}
    choropleth = classify(values)
    assert len(choropleth.classes) == 5
    assert [c.color for c in choropleth.classes] == list(PALETTES[5])
    assert choropleth.color_of("IDN") == PALETTES[5][-1]
    assert choropleth.color_of("LAO") == PALETTES[5][0]
    assert choropleth.color_of("PHL") is None  # zero units: the no-data colour
    uppers = [c.upper for c in choropleth.classes]
    assert uppers == sorted(uppers) and uppers[-1] == 12000


def test_few_distinct_values_give_fewer_classes() -> None:
    assert len(classify({"A": 5}).classes) == 1
    assert len(classify({"A": 5, "B": 7, "C": 7}).classes) == 2
    assert classify({}).classes == ()


@pytest.mark.parametrize("seed", range(40))
def test_breaks_equal_mapclassify_fisher_jenks(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(8, 240))
    data = rng.integers(1, 100_000, n).astype(float)
    if seed % 3 == 0:
        data = np.repeat(data[: n // 3], 3)  # ties: equal values are never split
    k = min(5, len(np.unique(data)) - 1)
    expected = [float(b) for b in mapclassify.FisherJenks(data, k=k).bins]
    assert fisher_jenks_bins(data, k) == pytest.approx(expected)


def _within_sse(data: np.ndarray, bins: list[float]) -> float:
    """The within-class sum of squares of ``data`` classed by upper bounds ``bins`` (what Fisher–Jenks
    minimises)."""
    classes = np.searchsorted(np.asarray(bins), data, side="left")
    return float(
        sum(((data[classes == c] - data[classes == c].mean()) ** 2).sum() for c in np.unique(classes))
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=10**7), min_size=6, max_size=80))
def test_breaks_equal_mapclassify_on_any_units(units: list[int]) -> None:
    data = np.array(units, dtype=float)
    k = min(5, len(np.unique(data)) - 1)
    assume(k >= 2)
    expected = [float(b) for b in mapclassify.FisherJenks(data, k=k).bins]
    ours = fisher_jenks_bins(data, k)
    # As good a classing as mapclassify's: the same breaks, or (with ties, where mapclassify's pure-Python
    # path can miss the optimum: [1, 1, 1, 2, 371613, 371866] → its [1, 2, 371866]) a smaller within-class
    # sum of squares.
    if ours != pytest.approx(expected):
        assert _within_sse(data, ours) <= _within_sse(data, expected) * (1 + 1e-9), (ours, expected)
