"""The vendored assets a page uses, and staging them next to the page so it is self-contained."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from corridor_map.paths import resources_dir

PAGE_JS_DIR = Path(__file__).resolve().parent / "js"
CJK_FONT_FAMILY = "Corridor Map CJK"
PAGE_FILE = "index.html"  # the page in its cache folder (mapgen.cache writes it, mapgen.page names it)

# The export page's own style (its controls hidden, a strip for the frame marker, ui/export/renderer.py):
# staged with every page, linked only in the export page (PageOptions.export).
EXPORT_STYLE = "cm_export.css"
FACTSHEET_STYLE = "cm_factsheet.css"  # a country's fact sheet (mapgen.factsheet_html), same rule
EXPORT_STYLES = (EXPORT_STYLE, FACTSHEET_STYLE)

# The page's own scripts: classic scripts (Chromium refuses ES module imports from file://), run in
# this order after leaflet.js. Leaflet's private members are patched and read only in the first one,
# which checks the Leaflet version; the others share helpers through ``CM.internal``.
PAGE_SCRIPTS = (
    "cm_leaflet_patches.js",  # checks Leaflet's version; every use of its private members
    "cm_style.js",  # the CM object, its events (CM.events) and how each layer is drawn
    "cm_controls.js",  # layer list, attribution, labels, tooltips and clicks
    "cm_legend.js",  # the legend
    "cm_detail.js",  # levels of detail (mapgen.lod)
    "cm_api.js",  # CM.init, the start (URL fragment, bridge startup) and the CM.* API Python calls
    "cm_pointer.js",  # pointer routing through the stacked canvases
    "cm_dealers.js",
    "cm_flows.js",
    "cm_portcard.js",
    "cm_year.js",  # the year of time playback, large on the map
)


@dataclass(frozen=True)
class Asset:
    """A file the page loads: where it comes from, where it goes under the page's ``assets/``."""

    source: Path
    target: str

    @property
    def is_script(self) -> bool:
        return self.target.endswith(".js")

    @property
    def is_style(self) -> bool:
        return self.target.endswith(".css")


def cjk_font_file() -> Path | None:
    """The bundled CJK font (a subset of an OFL font), if present."""
    fonts = sorted((resources_dir() / "fonts").glob("*.[ot]tf"))
    return fonts[0] if fonts else None


def page_assets() -> list[Asset]:
    """Every file a map page needs, in load order (scripts and styles are linked in this order)."""
    vendor = resources_dir() / "vendor"
    assets = [
        Asset(vendor / "leaflet" / "leaflet.css", "leaflet/leaflet.css"),
        Asset(vendor / "leaflet" / "leaflet.js", "leaflet/leaflet.js"),
    ]
    images = vendor / "leaflet" / "images"
    if images.is_dir():
        assets += [Asset(p, f"leaflet/images/{p.name}") for p in sorted(images.iterdir())]
    assets.append(Asset(vendor / "supercluster" / "supercluster.min.js", "supercluster/supercluster.min.js"))
    font = cjk_font_file()
    if font is not None:
        assets.append(Asset(font, f"fonts/{font.name}"))
    assets.append(Asset(PAGE_JS_DIR / "cm_page.css", "cm_page.css"))
    assets += [Asset(PAGE_JS_DIR / name, name) for name in EXPORT_STYLES]
    assets += [Asset(PAGE_JS_DIR / name, name) for name in PAGE_SCRIPTS]
    return assets


def stage_assets(page_dir: Path) -> None:
    """Copy the page's assets into ``page_dir/assets`` (a page folder never points outside itself)."""
    for asset in page_assets():
        target = page_dir / "assets" / asset.target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset.source, target)
