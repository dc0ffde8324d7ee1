"""Render the map page's HTML with folium (see ``mapgen.cache`` for writing and caching it).

The page is built once per dataset and options; afterwards every change (language, selection,
colours) reaches it as data through the page's JS API (``assets/cm_page.js``), never by a reload.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from corridor_map.mapgen.assets import CJK_FONT_FAMILY, cjk_font_file, page_assets
from corridor_map.mapgen.options import PageLayers, PageOptions

log = logging.getLogger(__name__)

POINT_LAYERS = {"ports"}

# Fixed element ids keep the HTML byte-stable for identical inputs (folium otherwise uses random uuids).
_STABLE_IDS = "cm"


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
        control_scale=False,
        min_zoom=2,
        max_zoom=11,
        maxZoom=11,
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
        marker = folium.CircleMarker(radius=4, weight=1) if key in POINT_LAYERS else None
        layer = folium.GeoJson(
            data, name=key, control=False, zoom_on_click=False, smooth_factor=0.5, marker=marker
        )
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
