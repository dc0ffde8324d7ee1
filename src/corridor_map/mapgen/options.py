"""What a map page is built from and how it starts: light to import (no folium)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corridor_map.mapgen.graticule import graticule


@dataclass(frozen=True)
class PageOptions:
    """How the page starts; everything here can also be changed later through the JS API."""

    pov: str = "china"  # "china" (China's point of view) or "ne" (Natural Earth's default)
    lang: str = "en"
    export: bool = False  # no fade/zoom animations, for pixel-exact snapshots
    center: tuple[float, float] = (30.0, 75.0)
    zoom: int = 3
    # "greenwich" (±180, the default for now) or "pacific" (China-centred: core.world_frame; the
    # page's geometry is moved at generation, see mapgen.world and docs/china-centred-world.md)
    world: str = "greenwich"
    # an export page for PDF: every layer drawn as SVG (Leaflet's SVG renderer, dealer dots as objects),
    # so that Chromium prints vectors and text, never a bitmap of a canvas
    vector: bool = False


@dataclass
class PageLayers:
    """The GeoJSON layers drawn on the page, keyed by the page's stable layer ids."""

    countries: dict[str, Any]
    coastline: dict[str, Any] | None = None
    lakes: dict[str, Any] | None = None
    ten_dash_line: dict[str, Any] | None = None  # China's view only (the page hides it in the other)
    extra: dict[str, dict[str, Any]] = field(default_factory=dict)

    def items(self) -> list[tuple[str, dict[str, Any]]]:
        """Layers in drawing order (bottom first); graticule under the countries."""
        layers: list[tuple[str, dict[str, Any]]] = [("graticule", graticule())]
        layers.append(("countries", self.countries))
        if self.lakes is not None:
            layers.append(("lakes", self.lakes))
        if self.coastline is not None:
            layers.append(("coastline", self.coastline))
        if self.ten_dash_line is not None:
            layers.append(("tendash", self.ten_dash_line))
        layers += list(self.extra.items())
        return layers


def split_legs_by_mode(legs: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Corridor legs as one layer per mode (sea under road under river under rail), each a
    FeatureCollection."""
    by_mode: dict[str, list[dict[str, Any]]] = {"sea": [], "road": [], "river": [], "rail": []}
    for feature in legs.get("features", []):
        by_mode.setdefault(feature["properties"]["mode"], []).append(feature)
    return {mode: {"type": "FeatureCollection", "features": feats} for mode, feats in by_mode.items()}


def ports_layer(rows: list[dict[str, str]]) -> dict[str, Any]:
    """Ports and hubs (rows of ports.csv) as a FeatureCollection of points; the arrival cities of onward
    legs are not drawn (the country is the destination)."""
    features = [
        {
            "type": "Feature",
            "properties": {k: row[k] for k in ("id", "name_en", "name_zh", "iso3", "kind")},
            "geometry": {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]},
        }
        for row in rows
        if row["kind"] != "city"
    ]
    return {"type": "FeatureCollection", "features": features}
