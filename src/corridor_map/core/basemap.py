"""Load the bundled basemap layers (``data/geo``) with plain ``json``/``csv`` for a fast start.

Every failure (missing file, broken JSON/CSV, wrong schema) raises :class:`GeoDataError` naming the file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corridor_map.core.errors import GeoDataError
from corridor_map.paths import geo_dir as default_geo_dir

COUNTRIES_FILE = "countries_50m.geojson"
COUNTRIES_TABLE_FILE = "countries.csv"
COASTLINE_FILE = "coastline_50m.geojson"
LAKES_FILE = "lakes_50m.geojson"
TEN_DASH_FILE = "ten_dash_line.geojson"
POV_NAMES = ("china", "ne")  # China's point of view (the default), Natural Earth's default view

COUNTRY_PROPERTIES: tuple[str, ...] = (
    "adm0",
    "iso3",
    "cn_parent",
    "piece",  # null, or a part drawn differently in the two views: {"china": ADM0 | null, "ne": ADM0 | null}
    "name_en",
    "name_zh",
    "name_en_ne",
    "name_zh_ne",
    "continent",
    "region_un",
    "subregion",
    "label_lon",
    "label_lat",
)
COUNTRY_TABLE_COLUMNS: tuple[str, ...] = (
    "iso3",
    "iso2",
    "adm0",
    "name_en",
    "name_zh",
    "name_en_ne",
    "name_zh_ne",
    "continent",
    "region_un",
    "subregion",
    "label_lon",
    "label_lat",
)
LAKE_PROPERTIES: tuple[str, ...] = ("name_en", "name_zh")
POLYGON_TYPES = frozenset({"Polygon", "MultiPolygon"})
LINE_TYPES = frozenset({"LineString", "MultiLineString"})

GeoJSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """One row of ``countries.csv``: names in China's view (``name_*``) and Natural Earth's (``*_ne``)."""

    iso3: str
    iso2: str | None
    adm0: str
    name_en: str
    name_zh: str
    name_en_ne: str
    name_zh_ne: str
    continent: str
    region_un: str
    subregion: str
    label_lon: float
    label_lat: float

    def name(self, lang: str, *, china_view: bool = True) -> str:
        """The display name for ``lang`` ("zh…" → Chinese, else English) in the chosen point of view."""
        zh = lang.lower().startswith("zh")
        if china_view:
            return self.name_zh if zh else self.name_en
        return self.name_zh_ne if zh else self.name_en_ne


@dataclass(frozen=True, slots=True)
class Basemap:
    """All basemap layers as GeoJSON dicts plus the country table keyed by ISO3."""

    countries: GeoJSON
    coastline: GeoJSON
    lakes: GeoJSON
    country_table: dict[str, CountryInfo]
    ten_dash_line: GeoJSON  # China's view only


def _resolve(geo_dir: Path | None, name: str) -> Path:
    return (geo_dir if geo_dir is not None else default_geo_dir()) / name


def read_json(path: Path) -> Any:
    """Parse a JSON file, turning every I/O or syntax problem into a GeoDataError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GeoDataError(path, "file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GeoDataError(path, f"cannot read file: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise GeoDataError(
            path, f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}"
        ) from exc


def load_feature_collection(
    path: Path,
    geometry_types: Collection[str],
    properties: Collection[str] = (),
    *,
    exact_properties: bool = False,
) -> GeoJSON:
    """Read a GeoJSON FeatureCollection and check its geometry types and property names."""
    data = read_json(path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GeoDataError(path, "not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise GeoDataError(path, "FeatureCollection has no features")
    wanted = set(properties)
    for index, feature in enumerate(features):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise GeoDataError(path, f"feature {index} is not a GeoJSON Feature")
        geometry = feature.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") not in geometry_types:
            kind = geometry.get("type") if isinstance(geometry, dict) else geometry
            raise GeoDataError(
                path, f"feature {index} has geometry {kind!r}, expected {sorted(geometry_types)}"
            )
        if not isinstance(geometry.get("coordinates"), list) or not geometry["coordinates"]:
            raise GeoDataError(path, f"feature {index} has no coordinates")
        props = feature.get("properties")
        if not isinstance(props, dict):
            raise GeoDataError(path, f"feature {index} has no properties object")
        missing = wanted - props.keys()
        if missing:
            raise GeoDataError(path, f"feature {index} lacks properties {sorted(missing)}")
        if exact_properties and props.keys() != wanted:
            extra = sorted(props.keys() - wanted)
            raise GeoDataError(path, f"feature {index} has unexpected properties {extra}")
    return data


def load_countries(geo_dir: Path | None = None) -> GeoJSON:
    """``countries_50m.geojson``: one (Multi)Polygon per Natural Earth ADM0_A3, unique ``adm0``."""
    path = _resolve(geo_dir, COUNTRIES_FILE)
    data = load_feature_collection(path, POLYGON_TYPES, COUNTRY_PROPERTIES, exact_properties=True)
    seen: set[str] = set()
    for index, feature in enumerate(data["features"]):
        adm0 = feature["properties"]["adm0"]
        if not isinstance(adm0, str) or not adm0:
            raise GeoDataError(path, f"feature {index} has no adm0 code")
        if adm0 in seen:
            raise GeoDataError(path, f"adm0 {adm0} appears twice")
        seen.add(adm0)
    for index, feature in enumerate(data["features"]):
        piece = feature["properties"]["piece"]
        if piece is None:
            continue
        owners = piece.values() if isinstance(piece, dict) and set(piece) == set(POV_NAMES) else None
        if owners is None or any(o is not None and o not in seen for o in owners):
            raise GeoDataError(path, f"feature {index}: 'piece' must name an owner adm0 (or null) per view")
    return data


def load_ten_dash_line(geo_dir: Path | None = None) -> GeoJSON:
    """``ten_dash_line.geojson``: the South China Sea's ten dashes (LineStrings), for China's view."""
    return load_feature_collection(_resolve(geo_dir, TEN_DASH_FILE), LINE_TYPES, LAKE_PROPERTIES)


def load_coastline(geo_dir: Path | None = None) -> GeoJSON:
    """``coastline_50m.geojson``: (Multi)LineStrings without properties."""
    return load_feature_collection(_resolve(geo_dir, COASTLINE_FILE), LINE_TYPES)


def load_lakes(geo_dir: Path | None = None) -> GeoJSON:
    """``lakes_50m.geojson``: (Multi)Polygons with ``name_en`` and ``name_zh``."""
    return load_feature_collection(_resolve(geo_dir, LAKES_FILE), POLYGON_TYPES, LAKE_PROPERTIES)


def read_csv_rows(path: Path, columns: Collection[str]) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV whose header must contain ``columns``; errors name the file."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            if missing:
                raise GeoDataError(path, f"missing columns {missing}")
            rows = list(reader)
    except FileNotFoundError:
        raise GeoDataError(path, "file is missing") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GeoDataError(path, f"cannot read CSV: {exc}") from exc
    if not rows:
        raise GeoDataError(path, "table has no rows")
    return rows


def parse_float(path: Path, row: int, field: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise GeoDataError(path, f"row {row}, field '{field}': {text!r} is not a number") from None


def load_country_table(geo_dir: Path | None = None) -> dict[str, CountryInfo]:
    """``countries.csv`` keyed by ISO3 (unique, non-empty)."""
    path = _resolve(geo_dir, COUNTRIES_TABLE_FILE)
    table: dict[str, CountryInfo] = {}
    for number, row in enumerate(read_csv_rows(path, COUNTRY_TABLE_COLUMNS), start=2):
        iso3 = row["iso3"].strip()
        if len(iso3) != 3:
            raise GeoDataError(path, f"row {number}: bad iso3 {iso3!r}")
        if iso3 in table:
            raise GeoDataError(path, f"row {number}: iso3 {iso3} appears twice")
        table[iso3] = CountryInfo(
            iso3=iso3,
            iso2=row["iso2"] or None,
            adm0=row["adm0"],
            name_en=row["name_en"],
            name_zh=row["name_zh"],
            name_en_ne=row["name_en_ne"],
            name_zh_ne=row["name_zh_ne"],
            continent=row["continent"],
            region_un=row["region_un"],
            subregion=row["subregion"],
            label_lon=parse_float(path, number, "label_lon", row["label_lon"]),
            label_lat=parse_float(path, number, "label_lat", row["label_lat"]),
        )
    return table


def load_basemap(geo_dir: Path | None = None) -> Basemap:
    """Every basemap layer; raises GeoDataError naming the first bad file."""
    return Basemap(
        countries=load_countries(geo_dir),
        coastline=load_coastline(geo_dir),
        lakes=load_lakes(geo_dir),
        country_table=load_country_table(geo_dir),
        ten_dash_line=load_ten_dash_line(geo_dir),
    )
