"""Where a dealer without coordinates is drawn: its city if the gazetteer knows it, else its country's label
point.

The gazetteer is ``data/geo/cities.csv`` (GeoNames cities of 15,000 people or more: ``name_en, name_zh,
iso3, lon, lat, pop, alt``), matched on the city's name, its Chinese name or an alternate spelling, with
case, accents, spaces and punctuation ignored, within the dealer's country. A name several cities of one
country share resolves to the most populous; when another is at least a quarter as big, the match is
reported as ambiguous (San José in Costa Rica, Victoria in Canada).
"""

from __future__ import annotations

import csv
import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from corridor_map.core.countries import CountryIndex, default_index, normalise_country
from corridor_map.paths import geo_dir

log = logging.getLogger(__name__)

RIVAL_SHARE = 0.25  # another city of the same name this big, relative to the chosen one: ambiguous
FIELDS = 7  # name_en, name_zh, iso3, lon, lat, pop, alt
FIELD_SEP = "\x1f"  # (ASCII's unit separator: in no city's name)


@dataclass(frozen=True)
class City:
    """A gazetteer entry."""

    name_en: str
    name_zh: str
    iso3: str
    lon: float
    lat: float
    pop: int


@dataclass(frozen=True)
class CityMatch:
    """The city a dealer's city name stands for, and the other cities of its country with that name."""

    city: City
    rivals: tuple[City, ...]  # as big as RIVAL_SHARE of it or bigger: the match is ambiguous

    @property
    def ambiguous(self) -> bool:
        return bool(self.rivals)


class PlaceIndex:
    """City and country-label positions by (ISO3, city name). The gazetteer is read at the first lookup,
    and a country's names are indexed at the first lookup in that country (a start stays fast)."""

    def __init__(self, cities_csv: Path | None = None, countries: CountryIndex | None = None) -> None:
        self._countries = countries or default_index()
        self._path = cities_csv if cities_csv is not None else geo_dir() / "cities.csv"
        self._rows: dict[str, list[str]] | None = None  # ISO3 -> gazetteer rows (FIELD_SEP-joined), unindexed
        self._cities: dict[str, dict[str, list[City]]] = {}  # ISO3 -> name key -> cities, most populous first

    def _read(self) -> dict[str, list[str]]:
        """The gazetteer's rows by ISO3, each one string of its fields, split when its country is indexed
        (a list of seven strings a city held 10.7 MB more for the 33,000 cities, by tracemalloc)."""
        if self._rows is None:
            self._rows = {}
            if not self._path.is_file():
                log.warning("%s not found; dealers without coordinates go to their country's label point",
                            self._path)  # fmt: skip
                return self._rows
            with self._path.open(encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                header = next(reader, [])
                wanted = ("name_en", "name_zh", "iso3", "lon", "lat", "pop", "alt")
                if [h for h in header if h in wanted][:5] != list(wanted[:5]):
                    log.warning("%s: unexpected columns %s; cities not used", self._path, header)
                    return self._rows
                at = {name: header.index(name) for name in wanted if name in header}
                for row in reader:
                    picked = [row[at[n]] if n in at and at[n] < len(row) else "" for n in wanted]
                    self._rows.setdefault(picked[2].strip().upper(), []).append(FIELD_SEP.join(picked))
        return self._rows

    def _country(self, iso3: str) -> dict[str, list[City]]:
        index = self._cities.get(iso3)
        if index is not None:
            return index
        index = {}
        for row in self._read().get(iso3, []):
            fields = row.split(FIELD_SEP)
            if len(fields) != FIELDS:
                continue  # (a name holding the separator: not a city to match)
            name_en, name_zh, code, lon, lat, pop, alt = fields
            try:
                city = City(name_en, name_zh, code, float(lon), float(lat), int(float(pop or 0)))
            except ValueError:
                continue
            for key in {normalise_country(n) for n in (name_en, name_zh, *alt.split("|")) if n}:
                if key:
                    index.setdefault(key, []).append(city)
        for found in index.values():
            found.sort(key=lambda c: -c.pop)
        self._cities[iso3] = index
        return index

    def match(self, iso3: str, city: str) -> CityMatch | None:
        """The city ``city`` names in ``iso3`` (the most populous of that name), or None when unknown."""
        found = self._country(iso3).get(normalise_country(city)) if city else None
        if not found:
            return None
        best = found[0]
        rivals = tuple(c for c in found[1:] if c.pop >= RIVAL_SHARE * best.pop and c != best)
        return CityMatch(best, rivals)

    def city(self, iso3: str, city: str) -> tuple[float, float] | None:
        """(lon, lat) of ``city`` in ``iso3``, or None when unknown."""
        hit = self.match(iso3, city)
        return (hit.city.lon, hit.city.lat) if hit else None

    def locate(self, iso3: str, city: str) -> tuple[float, float] | None:
        """(lon, lat) of the city, else of the country's label point, else None."""
        return self.city(iso3, city) or self._countries.label_point(iso3)

    def label_point(self, iso3: str) -> tuple[float, float] | None:
        """(lon, lat) of the country's label point."""
        return self._countries.label_point(iso3)

    @property
    def city_count(self) -> int:
        """How many cities the gazetteer has."""
        return sum(len(rows) for rows in self._read().values())


@functools.cache
def default_places() -> PlaceIndex:
    """The app-wide place index, built on first use and cached."""
    return PlaceIndex()
