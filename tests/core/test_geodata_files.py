"""The bundled basemap files in data/geo and their loader (corridor_map.core.basemap)."""

from __future__ import annotations

import csv
import itertools
import json
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from corridor_map.core import basemap
from corridor_map.core.errors import GeoDataError
from corridor_map.paths import geo_dir

GEO = geo_dir()
NOT_FOR_CHINA = "中华民国"
BASEMAP_FILES = (
    "countries_50m.geojson",
    "countries.csv",
    "coastline_50m.geojson",
    "lakes_50m.geojson",
    "ten_dash_line.geojson",
)


@pytest.fixture(scope="module")
def countries() -> gpd.GeoDataFrame:
    return gpd.read_file(GEO / "countries_50m.geojson")


def _max_lon_jump(geom: shapely.Geometry) -> float:
    """Largest longitude step of any ring/line, ignoring Antarctica's flat closing edge along the pole."""
    worst = 0.0
    for part in shapely.get_parts(geom):
        rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
        for ring in rings:
            xy = shapely.get_coordinates(ring)
            for (x0, y0), (x1, y1) in itertools.pairwise(xy):
                if abs(y0) >= 89.9 and abs(y1) >= 89.9:
                    continue
                worst = max(worst, abs(x1 - x0))
    return worst


def test_countries_layer_is_wgs84_valid_and_small(countries: gpd.GeoDataFrame) -> None:
    assert countries.crs.to_epsg() == 4326
    assert (~countries.adm0.str.startswith("CN-")).sum() == 242  # NE's units
    assert countries.adm0.str.startswith("CN-").sum() == 20  # China's view's parts (geodata/china_view.py)
    assert countries.is_valid.all()
    assert set(countries.geom_type) <= {"Polygon", "MultiPolygon"}
    assert shapely.coverage_is_valid(countries.geometry.values)
    assert (GEO / "countries_50m.geojson").stat().st_size <= 1_600_000


def test_countries_have_no_antimeridian_stripes(countries: gpd.GeoDataFrame) -> None:
    jumps = {row.adm0: _max_lon_jump(row.geometry) for row in countries.itertuples()}
    assert max(jumps.values()) < 180, {k: v for k, v in jumps.items() if v >= 180}


def test_countries_schema_order_and_keys() -> None:
    data = json.loads((GEO / "countries_50m.geojson").read_text(encoding="utf-8"))
    adm0 = [f["properties"]["adm0"] for f in data["features"]]
    assert adm0 == sorted(adm0)
    assert len(set(adm0)) == len(adm0)
    for feature in data["features"]:
        assert tuple(feature["properties"]) == basemap.COUNTRY_PROPERTIES


def test_small_countries_are_present(countries: gpd.GeoDataFrame) -> None:
    assert {"SGP", "BHR", "HKG", "MAC", "MLT"} <= set(countries.adm0)


def test_china_point_of_view(countries: gpd.GeoDataFrame) -> None:
    by = countries.set_index("adm0")
    assert by.loc["TWN", "cn_parent"] == "CHN"
    assert (by.loc["TWN", "name_zh"], by.loc["TWN", "name_en"]) == ("中国台湾", "Taiwan, China")
    assert (by.loc["HKG", "name_zh"], by.loc["HKG", "name_en"]) == ("中国香港", "Hong Kong, China")
    assert (by.loc["MAC", "name_zh"], by.loc["MAC", "name_en"]) == ("中国澳门", "Macao, China")
    assert (by.loc["CHN", "name_zh"], by.loc["CHN", "name_en"]) == ("中国", "China")
    assert by.loc["KOR", "name_zh"] == "韩国"
    assert by.loc["PRK", "name_zh"] == "朝鲜"
    assert by.loc["TWN", "name_zh_ne"] == "台湾"
    assert {k: by.loc[k, "cn_parent"] for k in ("KOS", "SOL", "CYN", "KAS")} == {
        "KOS": "SRB",
        "SOL": "SOM",
        "CYN": "CYP",
        "KAS": "IND",
    }
    others = by[~by.index.isin(["TWN", "KOS", "SOL", "CYN", "KAS"])]
    assert (others.cn_parent == others.iso3).all()


def test_chinese_names_never_show_roc() -> None:
    for name in ("countries_50m.geojson", "countries.csv"):
        assert NOT_FOR_CHINA not in (GEO / name).read_text(encoding="utf-8")


def test_iso3_fixes_and_nulls(countries: gpd.GeoDataFrame) -> None:
    by = countries.set_index("adm0")
    assert by.loc["KOS", "iso3"] == "XKX"
    for adm0 in ("SOL", "CYN", "KAS"):
        assert pd.isna(by.loc[adm0, "iso3"])
    assert not countries.iso3.dropna().str.contains("-99").any()
    assert by.loc["FRA", "iso3"] == "FRA"
    assert by.loc["NOR", "iso3"] == "NOR"


def test_countries_csv_matches_layer(countries: gpd.GeoDataFrame) -> None:
    with (GEO / "countries.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(basemap.COUNTRY_TABLE_COLUMNS)
    iso3 = [r["iso3"] for r in rows]
    assert iso3 == sorted(set(iso3))
    assert set(iso3) == set(countries.iso3.dropna())
    by = {r["iso3"]: r for r in rows}
    assert by["AUS"]["adm0"] == "AUS"
    assert by["XKX"]["iso2"] == "XK"
    assert by["TWN"]["name_zh"] == "中国台湾"


@pytest.mark.parametrize(
    ("name", "types"),
    [
        ("coastline_50m.geojson", {"LineString", "MultiLineString"}),
        ("lakes_50m.geojson", {"Polygon", "MultiPolygon"}),
        ("land_50m.geojson", {"Polygon"}),
    ],
)
def test_physical_layers_are_valid(name: str, types: set[str]) -> None:
    gdf = gpd.read_file(GEO / name)
    assert gdf.crs.to_epsg() == 4326
    assert len(gdf) > 100
    assert gdf.is_valid.all()
    assert set(gdf.geom_type) <= types


def test_lakes_have_names() -> None:
    lakes = gpd.read_file(GEO / "lakes_50m.geojson")
    names = set(lakes.name_en.dropna())
    assert {"Lake Baikal", "Lake Victoria", "Lake Superior"} <= names
    assert lakes.name_zh.notna().sum() > 100


def test_files_end_with_newline_and_are_utf8() -> None:
    for path in GEO.glob("*.geojson"):
        text = path.read_bytes()
        assert text.endswith(b"\n"), path
        text.decode("utf-8")


def test_load_basemap() -> None:
    bm = basemap.load_basemap()
    assert len(bm.countries["features"]) == 242 + 20  # NE's units and China's view's parts
    assert len(bm.ten_dash_line["features"]) == 10
    assert len(bm.coastline["features"]) > 1000
    twn = bm.country_table["TWN"]
    assert twn.name("zh_CN") == "中国台湾"
    assert twn.name("en") == "Taiwan, China"
    assert twn.name("zh", china_view=False) == "台湾"
    assert twn.name("en", china_view=False) == "Taiwan"
    assert isinstance(twn.label_lon, float)


# ------------------------------------------------------------------------------------ clear errors


@pytest.fixture
def geo_copy(tmp_path: Path) -> Path:
    for name in BASEMAP_FILES:
        shutil.copy(GEO / name, tmp_path / name)
    return tmp_path


def test_copy_loads(geo_copy: Path) -> None:
    assert len(basemap.load_basemap(geo_copy).country_table) > 200


@pytest.mark.parametrize("name", BASEMAP_FILES)
def test_missing_file_names_it(geo_copy: Path, name: str) -> None:
    (geo_copy / name).unlink()
    with pytest.raises(GeoDataError, match="missing") as info:
        basemap.load_basemap(geo_copy)
    assert info.value.path == geo_copy / name


def test_truncated_geojson_names_file(geo_copy: Path) -> None:
    path = geo_copy / "countries_50m.geojson"
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(GeoDataError, match="not valid JSON") as info:
        basemap.load_countries(geo_copy)
    assert info.value.path == path


def test_binary_garbage_names_file(geo_copy: Path) -> None:
    path = geo_copy / "lakes_50m.geojson"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(GeoDataError) as info:
        basemap.load_lakes(geo_copy)
    assert info.value.path == path


def test_wrong_schema_is_reported(geo_copy: Path) -> None:
    path = geo_copy / "countries_50m.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["features"][3]["properties"]["cn_parent"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GeoDataError, match="cn_parent") as info:
        basemap.load_countries(geo_copy)
    assert info.value.path == path


def test_wrong_geometry_type_is_reported(geo_copy: Path) -> None:
    path = geo_copy / "coastline_50m.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["geometry"] = {"type": "Point", "coordinates": [0, 0]}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GeoDataError, match="Point"):
        basemap.load_coastline(geo_copy)


def test_not_a_feature_collection(geo_copy: Path) -> None:
    (geo_copy / "lakes_50m.geojson").write_text("[1, 2, 3]", encoding="utf-8")
    with pytest.raises(GeoDataError, match="FeatureCollection"):
        basemap.load_lakes(geo_copy)


def test_csv_missing_column_and_bad_number(geo_copy: Path) -> None:
    path = geo_copy / "countries.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("label_lat", "latitude", 1), encoding="utf-8")
    with pytest.raises(GeoDataError, match="label_lat"):
        basemap.load_country_table(geo_copy)
    lines = text.splitlines()
    lines[5] = lines[5].rsplit(",", 1)[0] + ",north"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GeoDataError, match=r"row 6.*label_lat"):
        basemap.load_country_table(geo_copy)


def test_duplicate_adm0_is_reported(geo_copy: Path) -> None:
    path = geo_copy / "countries_50m.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][1]["properties"]["adm0"] = data["features"][0]["properties"]["adm0"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GeoDataError, match="twice"):
        basemap.load_countries(geo_copy)
