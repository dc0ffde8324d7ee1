"""Where each dealer is drawn, and what the import report says about it (Qt-free).

A dealer's coordinates are its position ("exact") when they lie in its country. Without coordinates it is
placed at its city, from the gazetteer ("city"), else at its country's label point ("country"). Coordinates
outside the country are never taken as exact: the dealer goes to its city or country and a note says so;
when latitude and longitude swapped fall inside, the note carries that reading, which the user can take
(the import report's button, or ``ValidationResult.take_swaps``). Notes are in English and Chinese.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from corridor_map.core.country_check import CountryShapes
from corridor_map.core.places import PlaceIndex

POSITIONS = ("exact", "city", "country")
# Legal forms and filler words left out when comparing dealer names (near-duplicates).
_LEGAL = re.compile(
    r"\b(co|company|ltd|limited|llc|inc|incorporated|corp|corporation|gmbh|ag|sa|sas|srl|spa|bv|nv|plc|"
    r"pte|pty|sdn|bhd|tbk|pt|jsc|ooo|llp|lp|kg|the|and)\b|有限公司|有限责任公司|股份有限公司|公司"
)


@dataclass(frozen=True)
class Note:
    """Something the report says about an accepted row; ``swap`` is the swapped reading (lat, lon) offered."""

    row: int
    field: str
    en: str
    zh: str
    swap: tuple[float, float] | None = None

    def text(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass
class Placement:
    """Positions (as drawn) and what kind each is, by row of the table; notes by spreadsheet row."""

    lat: np.ndarray
    lon: np.ndarray
    position: np.ndarray  # "exact", "city" or "country" ("" where the country is unknown)
    notes: list[Note]


def _fmt(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def place_dealers(
    iso3: pd.Series,
    *,
    lat: np.ndarray,
    lon: np.ndarray,
    city: pd.Series,
    rows: np.ndarray,
    places: PlaceIndex,
    shapes: CountryShapes,
) -> Placement:
    """Each dealer's position and its kind, with the notes for the report."""
    n = len(iso3)
    lat_out, lon_out = lat.astype(float).copy(), lon.astype(float).copy()
    position = np.full(n, "", dtype=object)
    notes: list[Note] = []
    codes = iso3.astype(object).to_numpy()
    cities = city.astype(str).to_numpy()
    for i in range(n):
        code = codes[i]
        if code is None or (isinstance(code, float) and math.isnan(code)):
            continue
        code = str(code)
        if math.isfinite(lat[i]) and math.isfinite(lon[i]):
            verdict = shapes.check(code, float(lon[i]), float(lat[i]))
            if verdict != "outside":
                position[i] = "exact"
                continue
            notes.append(_outside_note(int(rows[i]), code, float(lat[i]), float(lon[i]), shapes))
        hit = places.match(code, cities[i]) if cities[i] else None
        if hit is not None:
            lon_out[i], lat_out[i], position[i] = hit.city.lon, hit.city.lat, "city"
            if hit.ambiguous:
                names = ", ".join(f"{c.name_en} ({c.pop:,})" for c in hit.rivals[:3])
                notes.append(Note(
                    int(rows[i]), "city",
                    f"city '{cities[i]}' matches several places in {code}; placed at the largest, "
                    f"{hit.city.name_en} ({hit.city.pop:,} people); others: {names}. "
                    "Give coordinates to be exact.",
                    f"城市“{cities[i]}”在 {code} 有多个同名地点；已放在人口最多的 {hit.city.name_en}"
                    f"（{hit.city.pop:,} 人）；其他：{names}。如需精确位置，请填写坐标。",
                ))  # fmt: skip
            continue
        point = places.label_point(code)
        if point is not None:
            lon_out[i], lat_out[i], position[i] = point[0], point[1], "country"
            if cities[i]:
                notes.append(Note(
                    int(rows[i]), "city",
                    f"city '{cities[i]}' not found in {code}; placed at the country's centre (approximate)",
                    f"在 {code} 找不到城市“{cities[i]}”；已放在该国中心（大致位置）",
                ))  # fmt: skip
    return Placement(lat_out, lon_out, position, notes)


def _outside_note(row: int, code: str, lat: float, lon: float, shapes: CountryShapes) -> Note:
    swapped = abs(lon) <= 90 and shapes.check(code, lat, lon) == "inside"
    where = f"({_fmt(lat)}, {_fmt(lon)})"
    if swapped:
        return Note(
            row, "lat",
            f"{where} lies outside {code}; latitude and longitude look swapped: ({_fmt(lon)}, {_fmt(lat)}) "
            f"is in {code}. Placed at its city or country until the swapped reading is taken.",
            f"{where} 不在 {code} 境内；纬度和经度似乎写反了：({_fmt(lon)}, {_fmt(lat)}) 在 {code} 境内。"
            "在采用对调后的坐标之前，先放在所在城市或国家。",
            swap=(lon, lat),
        )  # fmt: skip
    return Note(
        row, "lat",
        f"{where} lies outside {code}; placed at its city or country instead (check the coordinates and the "
        "country)",
        f"{where} 不在 {code} 境内；已改放在所在城市或国家（请检查坐标和国家）",
    )  # fmt: skip


def dealer_name_key(name: str) -> str:
    """A dealer's name for spotting near-duplicates: case, accents, punctuation and legal forms ignored."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _LEGAL.sub(" ", text)
    return re.sub(r"[\W_]+", "", text)


def near_duplicates(names: pd.Series, cities: pd.Series, iso3: pd.Series, rows: np.ndarray) -> list[Note]:
    """A note on each later row that names the same dealer as an earlier one once case, punctuation, legal
    forms and the country's spelling are set aside (exact duplicates are refused elsewhere)."""
    keys = [
        (dealer_name_key(str(n)), dealer_name_key(str(c)), str(code))
        for n, c, code in zip(
            names.to_numpy(), cities.to_numpy(), iso3.astype(object).to_numpy(), strict=True
        )
    ]
    first: dict[tuple[str, str, str], tuple[int, str]] = {}
    notes = []
    for key, row, name in zip(keys, rows, names.to_numpy(), strict=True):
        if not key[0]:
            continue
        if key in first:
            earlier = first[key][0]
            notes.append(Note(
                int(row), "dealer",
                f"looks like the dealer in row {earlier} (same name, city and country once case, punctuation "
                "and legal forms are set aside): kept both; merge them in the file if they are one",
                f"与第 {earlier} 行的经销商似乎相同（忽略大小写、标点和公司类型后名称、城市、国家相同）："
                "两行均已保留；如为同一家，请在文件中合并",
            ))  # fmt: skip
        else:
            first[key] = (int(row), str(name))
    return notes
