"""The bundled geodata a map page is drawn from (no Qt, no folium: light enough for every start)."""

from __future__ import annotations

from pathlib import Path

from corridor_map.core.basemap import (
    COASTLINE_FILE,
    COUNTRIES_FILE,
    LAKES_FILE,
    TEN_DASH_FILE,
    load_basemap,
    read_csv_rows,
    read_json,
)
from corridor_map.core.errors import GeoDataError
from corridor_map.mapgen.options import PageLayers, ports_layer, split_legs_by_mode
from corridor_map.paths import geo_dir

LEGS_FILE = "legs.geojson"
PORTS_FILE = "ports.csv"
PORT_COLUMNS = ("id", "name_en", "name_zh", "iso3", "kind", "lon", "lat")


def load_page_layers() -> PageLayers:
    """The bundled basemap and corridor layers (raises GeoDataError naming a missing or corrupt file)."""
    basemap = load_basemap()
    folder = geo_dir()
    extra = split_legs_by_mode(read_json(folder / LEGS_FILE))
    extra["ports"] = ports_layer(read_csv_rows(folder / PORTS_FILE, PORT_COLUMNS))
    return PageLayers(
        countries=basemap.countries,
        coastline=basemap.coastline,
        lakes=basemap.lakes,
        ten_dash_line=basemap.ten_dash_line,
        extra=extra,
    )


def page_sources() -> list[Path]:
    """The geodata files the page is drawn from (missing ones raise GeoDataError naming them)."""
    folder = geo_dir()
    paths = [
        folder / name
        for name in (COUNTRIES_FILE, COASTLINE_FILE, LAKES_FILE, TEN_DASH_FILE, LEGS_FILE, PORTS_FILE)
    ]
    for path in paths:
        if not path.is_file():
            raise GeoDataError(path, "file not found (the bundled geodata is incomplete; reinstall the app)")
    return paths
