"""The vendored assets a page uses, and staging them next to the page so it is self-contained."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from corridor_map.paths import resources_dir

PAGE_JS_DIR = Path(__file__).resolve().parent / "js"
CJK_FONT_FAMILY = "Corridor Map CJK"
PAGE_FILE = "index.html"  # the page in its cache folder (mapgen.cache writes it, mapgen.page names it)


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
    assets += [
        Asset(PAGE_JS_DIR / name, name)
        for name in ("cm_page.js", "cm_pointer.js", "cm_dealers.js", "cm_flows.js", "cm_portcard.js")
    ]
    return assets


def stage_assets(page_dir: Path) -> None:
    """Copy the page's assets into ``page_dir/assets`` (a page folder never points outside itself)."""
    for asset in page_assets():
        target = page_dir / "assets" / asset.target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset.source, target)
