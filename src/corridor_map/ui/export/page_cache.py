"""The export page: the map page built with ``PageOptions(export=True)`` (no fade or zoom animations).

``mapgen.cache.build_page`` keys pages by the bytes of their inputs (remembered by file size and time,
``core.digests``), so a page built once is found again without folium or parsing the basemap.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from corridor_map.mapgen.cache import build_page
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.sources import load_page_layers, page_sources

EXPORT_OPTIONS = PageOptions(export=True, world="pacific")  # (the app's default world)


def export_page(cache_dir: Path, world: str = EXPORT_OPTIONS.world, *, vector: bool = False) -> Path:
    """The export page of ``world`` under ``cache_dir`` (built on first use, in a few seconds); with
    ``vector`` the one for PDF (SVG)."""
    options = replace(EXPORT_OPTIONS, world=world, vector=vector)
    return build_page(load_page_layers, page_sources(), options, cache_dir)
