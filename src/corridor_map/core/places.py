"""Where a dealer without coordinates is drawn: its city if the app knows it, else its country's label point.

Cities come from ``data/geo/cities.csv`` (``name_en, name_zh, iso3, lon, lat, pop``) when it is there;
a name shared by several cities of one country resolves to the most populous.
"""

from __future__ import annotations

import csv
import functools
import logging
from pathlib import Path

from corridor_map.core.countries import CountryIndex, default_index, normalise_country
from corridor_map.paths import geo_dir

log = logging.getLogger(__name__)


class PlaceIndex:
    """City and country-label positions by (ISO3, city name)."""

    def __init__(self, cities_csv: Path | None = None, countries: CountryIndex | None = None) -> None:
        self._countries = countries or default_index()
        self._cities: dict[tuple[str, str], tuple[float, float, float]] = {}  # -> lon, lat, pop
        path = cities_csv if cities_csv is not None else geo_dir() / "cities.csv"
        if path.is_file():
            self._load(path)
        else:
            log.info("%s not found; dealers without coordinates go to their country's label point", path)

    def _load(self, path: Path) -> None:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    lon, lat = float(row["lon"]), float(row["lat"])
                    pop = float(row.get("pop") or 0)
                except (KeyError, TypeError, ValueError):
                    continue
                iso3 = (row.get("iso3") or "").strip().upper()
                for col in ("name_en", "name_zh", "name"):
                    key = normalise_country(row.get(col) or "")
                    if not key:
                        continue
                    old = self._cities.get((iso3, key))
                    if old is None or old[2] < pop:
                        self._cities[(iso3, key)] = (lon, lat, pop)

    def city(self, iso3: str, city: str) -> tuple[float, float] | None:
        """(lon, lat) of ``city`` in ``iso3``, or None when unknown."""
        hit = self._cities.get((iso3, normalise_country(city)))
        return (hit[0], hit[1]) if hit else None

    def locate(self, iso3: str, city: str) -> tuple[float, float] | None:
        """(lon, lat) of the city, else of the country's label point, else None."""
        hit = self.city(iso3, city) if city else None
        return hit or self._countries.label_point(iso3)

    @property
    def city_count(self) -> int:
        """How many (country, name) keys are known."""
        return len(self._cities)


@functools.cache
def default_places() -> PlaceIndex:
    """The app-wide place index, built on first use and cached."""
    return PlaceIndex()
