"""Fill the choropleth class cache for the filter combinations a user is likely to reach.

Run as ``python -m corridor_map.core.choropleth_prewarm`` (the window starts it as a separate, low
priority process when a dataset becomes active): it imports mapclassify (about 2 s and 130 MB, it
pulls in scikit-learn) so the window never has to, and writes the classes for every year, every
year range from the first year, every brand, every powertrain and every continent to the cache.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator

from corridor_map.core.aggregate import NO_FILTERS, Filters, brands, units_by, year_range
from corridor_map.core.choropleth import classify
from corridor_map.core.dataset import Dataset

log = logging.getLogger(__name__)


def likely_filters(dataset: Dataset) -> Iterator[Filters]:
    """No filter; each year and each range from the first year (time playback); each brand,
    powertrain and continent."""
    yield NO_FILTERS
    span = year_range(dataset.sales)
    if span is not None:
        first, last = span
        for year in range(first, last + 1):
            yield Filters(years=(year, year))
            yield Filters(years=(first, year))
    for brand in brands(dataset.sales, dataset.dealers):
        yield Filters(brands=frozenset({brand}))
    for powertrain in ("NEV", "ICE"):
        yield Filters(powertrains=frozenset({powertrain}))
    from corridor_map.core.countries import default_index

    index = default_index()
    continents = {index.continent(code) for code in dataset.sales["iso3"].astype(str).unique()}
    for continent in sorted(c for c in continents if c):
        yield Filters(continents=frozenset({continent}))


def prewarm(dataset: Dataset, cache_dir: os.PathLike[str] | str, bundled: bool = True) -> int:
    """Classify every likely combination into ``cache_dir``; the number of combinations.

    With ``bundled=False`` the classes shipped with the app are not consulted (to rebuild them).
    """
    from pathlib import Path

    count = 0
    for filters in likely_filters(dataset):
        table = units_by(dataset.sales, ("iso3",), filters)
        values = dict(zip(table["iso3"].astype(str), table["units"].astype(int), strict=True))
        classify(values, cache_dir=Path(cache_dir), bundled=bundled)
        count += 1
    return count


def main() -> int:
    from corridor_map.core.store import DatasetStore
    from corridor_map.paths import user_cache_dir

    if hasattr(os, "nice"):
        os.nice(10)
    try:
        count = prewarm(DatasetStore().load_active(), user_cache_dir())
    except Exception:  # a background helper: log, never bother the user
        log.exception("choropleth prewarm failed")
        return 1
    log.info("choropleth classes cached for %d filter combinations", count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
