"""Choropleth classes for units by country: Fisher–Jenks natural breaks, a colour-blind-safe palette.

The breaks are mapclassify's ``FisherJenks`` (tests compare the two on random data); the app computes
them itself with numpy because importing mapclassify pulls in scikit-learn and SciPy: about 2 s and
130 MB at run time and 100 MB in the installer, for one dynamic programme.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

# ColorBrewer YlGnBu (sequential, colour-blind safe), light to dark, for up to 5 classes.
PALETTES: dict[int, tuple[str, ...]] = {
    1: ("#2c7fb8",),
    2: ("#a1dab4", "#225ea8"),
    3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
}
MAX_CLASSES = 5


@dataclass(frozen=True)
class ChoroplethClass:
    """Values in ``(lower, upper]`` (the first class includes its lower bound) drawn in ``color``."""

    lower: float
    upper: float
    color: str


@dataclass(frozen=True)
class Choropleth:
    """Values per ISO3 and the classes that colour them; countries without a value have no data."""

    values: dict[str, int]
    classes: tuple[ChoroplethClass, ...]

    def color_of(self, iso3: str) -> str | None:
        """The fill colour of a country, or None when it has no value."""
        value = self.values.get(iso3)
        if value is None or not self.classes:
            return None
        for cls in self.classes:
            if value <= cls.upper:
                return cls.color
        return self.classes[-1].color

    def to_page(self) -> dict[str, Any]:
        """The payload the page's ``CM.setChoropleth`` takes (titles are added by the caller)."""
        return {
            "values": self.values,
            "classes": [{"lower": c.lower, "upper": c.upper, "color": c.color} for c in self.classes],
        }


def fisher_jenks_bins(values: np.ndarray, k: int) -> list[float]:
    """Upper bounds of the ``k`` classes with the least total within-class squared deviation.

    Fisher's exact method as a dynamic programme over the distinct values (weighted by their counts,
    so equal values are never split), vectorised over the class end: O(k·n²) with numpy.
    """
    x, w = np.unique(np.asarray(values, dtype=float), return_counts=True)
    n = len(x)
    if k >= n:
        return [float(v) for v in x]
    s0, s1, s2 = (np.concatenate(([0.0], np.cumsum(a))) for a in (w, w * x, w * x * x))
    i = np.arange(n + 1)[:, None]  # a class covers x[i:j]
    j = np.arange(n + 1)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        segment = (s2[j] - s2[i]) - (s1[j] - s1[i]) ** 2 / (s0[j] - s0[i])
    segment[i >= j] = np.inf
    cost = np.full(n + 1, np.inf)
    cost[0] = 0.0
    back = np.zeros((k + 1, n + 1), dtype=int)
    for c in range(1, k + 1):
        total = cost[:, None] + segment  # best split before each end j
        back[c] = np.argmin(total, axis=0)
        cost = total[back[c], np.arange(n + 1)]
    bounds, end = [], n
    for c in range(k, 0, -1):
        bounds.append(float(x[end - 1]))
        end = int(back[c, end])
    return bounds[::-1]


@dataclass(frozen=True)
class Breaks:
    """Where classes begin and end: the first class starts at ``lowest``, class i ends at ``uppers[i]``."""

    lowest: float
    uppers: tuple[float, ...]


# More distinct values than this (a long playback over many countries) are first reduced to as many
# evenly spaced quantiles, the lowest and highest kept: the dynamic programme is O(n²) in memory.
MAX_DISTINCT = 1000


def natural_breaks(values: Iterable[int | float], k: int = MAX_CLASSES) -> Breaks | None:
    """Natural breaks of the positive ``values`` (repeats count), or None when there are none."""
    pool = np.sort(np.array([v for v in values if v and v > 0], dtype=float))
    if not len(pool):
        return None
    if len(np.unique(pool)) > MAX_DISTINCT:
        pool = np.quantile(pool, np.linspace(0.0, 1.0, MAX_DISTINCT), method="inverted_cdf")
    uppers = _bins(tuple(float(v) for v in pool), k)
    return Breaks(float(pool[0]), tuple(uppers))


def classify_with(values: Mapping[str, int | float], breaks: Breaks | None) -> Choropleth:
    """Classes given by ``breaks`` for the positive ``values``; a value above the top is in the top class."""
    positive = {code: int(v) for code, v in values.items() if v and v > 0}
    if not positive or breaks is None or not breaks.uppers:
        return Choropleth({}, ())
    palette = PALETTES[len(breaks.uppers)]
    lowers = [breaks.lowest, *breaks.uppers[:-1]]
    classes = tuple(
        ChoroplethClass(lo, up, palette[i])
        for i, (lo, up) in enumerate(zip(lowers, breaks.uppers, strict=True))
    )
    return Choropleth(positive, classes)


def classify(values: Mapping[str, int | float], k: int = MAX_CLASSES) -> Choropleth:
    """Classes for the positive values (natural breaks; fewer classes when there are few values)."""
    return classify_with(values, natural_breaks(values.values(), k))


@lru_cache(maxsize=256)
def _bins(sorted_values: tuple[float, ...], k: int) -> list[float]:
    """Breaks for these values (cached: time playback revisits the same years)."""
    distinct = len(set(sorted_values))
    return fisher_jenks_bins(np.array(sorted_values, dtype=float), max(1, min(k, distinct)))
