"""Choropleth classes for units by country: mapclassify breaks, a colour-blind-safe palette."""

from __future__ import annotations

import hashlib
import json
import logging
import warnings
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corridor_map.paths import resources_dir

log = logging.getLogger(__name__)

# ColorBrewer YlGnBu (sequential, colour-blind safe), light to dark, for up to 5 classes.
PALETTES: dict[int, tuple[str, ...]] = {
    1: ("#2c7fb8",),
    2: ("#a1dab4", "#225ea8"),
    3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
}
MAX_CLASSES = 5
# Classes of the bundled sample's likely filter combinations, computed at build time
# (packaging/prewarm_sample_classes.py), so a fresh install never waits for mapclassify's import.
BUNDLED_CACHE = resources_dir() / "choropleth_cache"


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


def _cache_key(data: np.ndarray, k: int) -> str:
    digest = hashlib.sha256(f"fisher-jenks-v1:{k}:".encode())
    digest.update(data.tobytes())
    return digest.hexdigest()[:24]


def classify(
    values: Mapping[str, int | float],
    k: int = MAX_CLASSES,
    cache_dir: Path | None = None,
    bundled: bool = True,
) -> Choropleth:
    """Classes for the positive values (Fisher–Jenks natural breaks; fewer when there are few values).

    Importing mapclassify takes about 2 s (it pulls in scikit-learn), so breaks already computed for
    the same values are read from ``cache_dir`` when one is given.
    """
    positive = {code: int(v) for code, v in values.items() if v and v > 0}
    if not positive:
        return Choropleth({}, ())
    data = np.array(sorted(positive.values()), dtype=float)
    name = f"{_cache_key(data, k)}.json"
    cache_file = cache_dir / "choropleth" / name if cache_dir is not None else None
    for candidate in (cache_file, BUNDLED_CACHE / name if bundled else None):
        if candidate is not None and candidate.is_file():
            try:
                classes = tuple(
                    ChoroplethClass(**c) for c in json.loads(candidate.read_text(encoding="utf-8"))
                )
                return Choropleth(positive, classes)
            except (OSError, ValueError, TypeError):
                log.warning("ignored an unreadable choropleth cache file %s", candidate)
    choropleth = _classify(positive, data, k)
    if cache_file is not None:
        _write_cache(cache_file, choropleth.classes)
    return choropleth


def _write_cache(path: Path, classes: tuple[ChoroplethClass, ...]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps([asdict(c) for c in classes]), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        log.warning("cannot cache choropleth classes: %s", exc)


def _classify(positive: dict[str, int], data: np.ndarray, k: int) -> Choropleth:
    distinct = np.unique(data)
    k = max(1, min(k, len(distinct)))
    if k == len(distinct):
        uppers = [float(v) for v in distinct]
    else:
        with warnings.catch_warnings():  # "Numba not installed": the pure-Python path is fast enough here
            warnings.simplefilter("ignore", UserWarning)
            import mapclassify

            uppers = [float(b) for b in mapclassify.FisherJenks(data, k=k).bins]
    palette = PALETTES[len(uppers)]
    lowers = [float(data.min()), *uppers[:-1]]
    classes = tuple(
        ChoroplethClass(lo, up, palette[i]) for i, (lo, up) in enumerate(zip(lowers, uppers, strict=True))
    )
    return Choropleth(positive, classes)
