"""Render the map page's HTML with folium (see ``mapgen.cache`` for writing and caching it).

The page is built once per dataset and options; afterwards every change (language, selection,
colours) reaches it as data through the page's JS API (``CM.*``, ``assets/cm_api.js``; the scripts are
``assets.PAGE_SCRIPTS``), never by a reload.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from corridor_map.mapgen.assets import CJK_FONT_FAMILY, EXPORT_STYLES, PAGE_FILE, cjk_font_file, page_assets
from corridor_map.mapgen.lod import build_levels
from corridor_map.mapgen.merged import with_merged_layers
from corridor_map.mapgen.network import NETWORK_KEY, with_sea_network
from corridor_map.mapgen.options import PageLayers, PageOptions
from corridor_map.mapgen.world import framed_layers, world_edge

log = logging.getLogger(__name__)


# The 3.4 MB CJK font is fetched and parsed only when the page shows such characters (not in English).
CJK_RANGES = (
    "U+2E80-2FFF, U+3000-303F, U+3100-31FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF"
)

POINT_LAYERS = {"ports"}

# Fixed element ids keep the HTML byte-stable for identical inputs (folium otherwise uses random uuids).
_STABLE_IDS = "cm"


# The pane (one canvas each in the window, stacked; created before the layers) each layer draws in. Every
# canvas costs the page a surface to raster and composite on each frame, so layers share one where their
# order never changes; the page keeps that order when a layer is shown again (cm_api.js). An export page
# draws all panes on one canvas, the flows' apart (cm_leaflet_patches.js).
PANE_OF = {
    "graticule": "countries",
    "countries": "countries",
    "lakes": "lakes",
    "coastline": "lakes",
    "tendash": "lakes",
    NETWORK_KEY: "sea",
    "sea": "sea",
    "river": "sea",
    "road": "sea",
    "rail": "sea",
    "ports": "ports",
}
EMPTY: dict[str, Any] = {"type": "FeatureCollection", "features": []}


class _Panes(MacroElement):
    """Runs right after ``L.map`` exists, before any layer: the panes the layers draw in."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
CM.createPanes({{ this._parent.get_name() }});
{% endmacro %}
"""
    )


def _json_literal(data: dict[str, Any]) -> str:
    """A JS string literal holding ``data`` as JSON: ``JSON.parse`` of it is much faster than V8
    parsing the same data as an object literal (the page's start is mostly this data)."""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    return json.dumps(text, ensure_ascii=False).replace("</", "<\\/")


class _AppScript(MacroElement):
    """Runs after ``L.map`` exists: fills the layers with their data and hands them to the page's JS API."""

    # qwebchannel.js asynchronously: the page's files arrive only while the app's GUI thread takes events,
    # and it may be busy starting the app while this page loads (ui/early_map.py); cm_api.js connects
    # once it is there
    _template = Template(
        """
{% macro header(this, kwargs) %}
<script id="cm-qwebchannel" src="qrc:///qtwebchannel/qwebchannel.js" async
  onerror="this.dataset.failed = 1"></script>
{% endmacro %}
{% macro script(this, kwargs) %}
{% for name, literal in this.layer_data %}{{ name }}.addData(JSON.parse({{ literal }}));
{% endfor %}
CM.init({{ this._parent.get_name() }}, { {% for key, name in this.layer_names %}
  {{ key|tojson }}: {{ name }},{% endfor %}
}, {{ this.options_json }});
{% endmacro %}
"""
    )

    def __init__(
        self, layer_names: list[tuple[str, str]], layer_data: list[tuple[str, str]], options: dict[str, Any]
    ) -> None:
        super().__init__()
        self._name = "CorridorMapApp"
        self.layer_names = layer_names
        self.layer_data = layer_data
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
        f"@font-face {{ font-family: '{CJK_FONT_FAMILY}'; src: url('assets/fonts/{font.name}');"
        f" unicode-range: {CJK_RANGES}; }}\n"
        if font is not None
        else ""
    )
    return f"{face}.leaflet-container, .cm-panel {{ font-family: 'DejaVu Sans', {family}sans-serif; }}"


def render_page(layers: PageLayers, options: PageOptions) -> dict[str, str]:
    """The page's files: ``index.html`` (a folium map with vendored assets only) and the scripts
    with its finer levels of detail (see ``mapgen.lod``), by file name."""
    framed = framed_layers(layers.items(), options.world)
    levels = build_levels(with_sea_network(with_merged_layers(framed)))
    return {PAGE_FILE: render_html(levels.inline, options, levels.limits), **levels.scripts}


def page_options(options: PageOptions, detail_limits: list[float]) -> dict[str, Any]:
    """The options ``CM.init`` gets: ``options`` with the levels' limits; in the China-centred world also
    ``world`` and its frame's west ``edge`` (the Greenwich world's page says nothing of it, as before)."""
    out: dict[str, Any] = {**asdict(options), "detail": detail_limits}
    edge = world_edge(out.pop("world"))
    if edge is not None:
        out.update(world=options.world, edge=edge)
    return out


def render_html(
    layers: list[tuple[str, dict[str, Any]]], options: PageOptions, detail_limits: list[float]
) -> str:
    """The page's HTML drawing ``layers`` (key, FeatureCollection) in drawing order."""
    fmap = folium.Map(
        location=list(options.center),
        zoom_start=options.zoom,
        tiles=None,
        prefer_canvas=not options.vector,
        cmOneCanvas=options.export,  # the panes drawn on one canvas (cm_leaflet_patches.js)
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
    # (the export page's style in its head: its first layout is final)
    styles = [a for a in page_assets() if a.is_style and (options.export or a.target not in EXPORT_STYLES)]
    fmap.default_css = [(a.target, f"assets/{a.target}") for a in styles]
    panes = _Panes()
    panes._name = "CorridorMapPanes"
    panes.add_to(fmap)
    drawn: list[tuple[str, folium.GeoJson, dict[str, Any]]] = []
    for key, data in layers:
        pane: dict[str, Any] = {"pane": f"cm-{PANE_OF[key]}"} if key in PANE_OF else {}
        # (folium's marker template drops a pane option: the page moves the points into theirs)
        marker = folium.CircleMarker(radius=4, weight=1) if key in POINT_LAYERS else None
        # An export page draws the sea lanes (the network) and never hovers a leg: its legs, kept for
        # the flows along them, are not put on the map (not projected, clipped or hit-tested).
        shown = not (options.export and key == "sea")
        layer = folium.GeoJson(
            EMPTY,
            name=key,
            control=False,
            zoom_on_click=False,
            smooth_factor=0.5,
            marker=marker,
            show=shown,
            **pane,
        )
        layer.add_to(fmap)
        drawn.append((key, layer, data))
    _stabilise(fmap, [0])
    app = _AppScript(
        [(key, layer.get_name()) for key, layer, _ in drawn],
        [(layer.get_name(), _json_literal(data)) for _, layer, data in drawn],
        page_options(options, detail_limits),
    )
    app._id = "app"
    app.add_to(fmap)
    root: Any = fmap.get_root()
    root.header.add_child(folium.Element(f"<style>{_font_face_css()}</style>"), name="cm_font")
    html: str = root.render()
    return html
