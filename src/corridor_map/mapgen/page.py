"""Build the map page: a folium map written to a self-contained folder, cached by its inputs.

The page is built once per dataset and options; afterwards every change (language, selection,
colours) reaches it as data through the page's JS API (``assets/cm_page.js``), never by a reload.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from corridor_map import __version__
from corridor_map.mapgen.assets import CJK_FONT_FAMILY, cjk_font_file, page_assets, stage_assets
from corridor_map.mapgen.graticule import graticule

log = logging.getLogger(__name__)

PAGE_FILE = "index.html"
# Fixed element ids keep the HTML byte-stable for identical inputs (folium otherwise uses random uuids).
_STABLE_IDS = "cm"


@dataclass(frozen=True)
class PageOptions:
    """How the page starts; everything here can also be changed later through the JS API."""

    pov: str = "china"  # "china" (China's point of view) or "ne" (Natural Earth's default)
    lang: str = "en"
    export: bool = False  # no fade/zoom animations, for pixel-exact snapshots
    center: tuple[float, float] = (30.0, 75.0)
    zoom: int = 3


@dataclass
class PageLayers:
    """The GeoJSON layers drawn on the page, keyed by the page's stable layer ids."""

    countries: dict[str, Any]
    coastline: dict[str, Any] | None = None
    lakes: dict[str, Any] | None = None
    extra: dict[str, dict[str, Any]] = field(default_factory=dict)

    def items(self) -> list[tuple[str, dict[str, Any]]]:
        """Layers in drawing order (bottom first); graticule under the countries."""
        layers: list[tuple[str, dict[str, Any]]] = [("graticule", graticule())]
        layers.append(("countries", self.countries))
        if self.lakes is not None:
            layers.append(("lakes", self.lakes))
        if self.coastline is not None:
            layers.append(("coastline", self.coastline))
        layers += list(self.extra.items())
        return layers


class _AppScript(MacroElement):
    """Runs after ``L.map`` exists: hands the map and its layers to the page's JS API."""

    _template = Template(
        """
{% macro header(this, kwargs) %}
<script src="qrc:///qtwebchannel/qwebchannel.js"></script>
{% endmacro %}
{% macro script(this, kwargs) %}
CM.init({{ this._parent.get_name() }}, { {% for key, name in this.layer_names %}
  {{ key|tojson }}: {{ name }},{% endfor %}
}, {{ this.options_json }});
{% endmacro %}
"""
    )

    def __init__(self, layer_names: list[tuple[str, str]], options: dict[str, Any]) -> None:
        super().__init__()
        self._name = "CorridorMapApp"
        self.layer_names = layer_names
        self.options_json = json.dumps(options, ensure_ascii=False, sort_keys=True)


def _stabilise(element: Any, counter: list[int]) -> None:
    """Replace folium's random element ids with sequential ones (same input, same bytes)."""
    element._id = f"{_STABLE_IDS}{counter[0]:03d}"
    counter[0] += 1
    for child in element._children.values():
        _stabilise(child, counter)


def _font_face_css() -> str:
    font = cjk_font_file()
    family = f"'{CJK_FONT_FAMILY}', " if font is not None else ""
    face = (
        f"@font-face {{ font-family: '{CJK_FONT_FAMILY}'; src: url('assets/fonts/{font.name}'); }}\n"
        if font is not None
        else ""
    )
    return f"{face}.leaflet-container, .cm-panel {{ font-family: 'DejaVu Sans', {family}sans-serif; }}"


def render_html(layers: PageLayers, options: PageOptions) -> str:
    """The page's HTML (a folium map with vendored assets only)."""
    fmap = folium.Map(
        location=list(options.center),
        zoom_start=options.zoom,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        min_zoom=2,
        max_zoom=9,
        maxZoom=9,
        zoomSnap=0.25,
        worldCopyJump=False,
        attributionControl=True,
        fadeAnimation=not options.export,
        zoomAnimation=not options.export,
        markerZoomAnimation=not options.export,
    )
    # New lists on the instance: add_js_link would mutate folium's class-wide lists.
    fmap.default_js = [(a.target, f"assets/{a.target}") for a in page_assets() if a.is_script]
    fmap.default_css = [(a.target, f"assets/{a.target}") for a in page_assets() if a.is_style]
    drawn: list[tuple[str, folium.GeoJson]] = []
    for key, data in layers.items():
        layer = folium.GeoJson(data, name=key, control=False, zoom_on_click=False, smooth_factor=0.5)
        layer.add_to(fmap)
        drawn.append((key, layer))
    _stabilise(fmap, [0])
    app = _AppScript([(key, layer.get_name()) for key, layer in drawn], asdict(options))
    app._id = "app"
    app.add_to(fmap)
    root: Any = fmap.get_root()
    root.header.add_child(folium.Element(f"<style>{_font_face_css()}</style>"), name="cm_font")
    html: str = root.render()
    return html


def page_key(layers: PageLayers, options: PageOptions) -> str:
    """A digest of everything the page depends on: app version, options, layers and assets."""
    digest = hashlib.sha256(__version__.encode())
    digest.update(json.dumps(asdict(options), sort_keys=True).encode())
    for key, data in layers.items():
        digest.update(key.encode())
        digest.update(json.dumps(data, sort_keys=True, separators=(",", ":")).encode())
    for asset in page_assets():
        digest.update(asset.target.encode())
        digest.update(asset.source.read_bytes())
    return digest.hexdigest()[:20]


def build_page(layers: PageLayers, options: PageOptions, cache_dir: Path) -> Path:
    """Write (or reuse) the page folder for these inputs and return the path of its HTML file.

    The folder is written under a temporary name and renamed into place, so a page that exists is
    always complete.
    """
    key = page_key(layers, options)
    page_dir = cache_dir / "pages" / key
    page = page_dir / PAGE_FILE
    if page.is_file():
        log.info("map page cached: %s", page)
        return page
    page_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=page_dir.parent))
    stage_assets(tmp)
    (tmp / PAGE_FILE).write_text(render_html(layers, options), encoding="utf-8")
    try:
        tmp.replace(page_dir)
    except OSError:  # another process won the race: its page is identical
        log.debug("page %s already written by another process", key)
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("map page built: %s", page)
    return page
