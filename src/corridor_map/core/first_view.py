"""The first view of a first run: the corridor's hubs and the destinations that hold most of the units.

Qt-free: the window asks the page to frame :func:`first_view` (``ViewState.request_bounds``) when there
is no view left by an earlier run. The frame holds Chongqing, the Beibu Gulf ports, the Yangtze to
Shanghai, Singapore, and the label points of the fewest destinations that together hold at least
``share`` of the data's units; ``core`` is the part of it no control (the legend) may cover.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corridor_map.core.longitudes import to_frame

if TYPE_CHECKING:  # (pandas is imported late: the export command and the window start without it)
    import pandas as pd

    from corridor_map.core.basemap import CountryInfo
    from corridor_map.core.corridor import Port

# Chongqing (rail hub, Yangtze port), Nanning and the Beibu Gulf ports, Shanghai, Singapore
HUBS: tuple[str, ...] = ("CN-TJC", "CNCKG", "CNNNG", "CNQZH", "CNBIH", "CNFAN", "CNSHA", "SGSIN")
UNITS_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class Bounds:
    """A latitude/longitude box (west < east; in the China-centred world's longitudes it may go beyond
    180° E)."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Iterable[tuple[float, float]]) -> Bounds:
        """The smallest box holding ``points`` (``(lat, lon)``); ValueError without any."""
        lats, lons = zip(*points, strict=True)
        return cls(min(lats), min(lons), max(lats), max(lons))

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    def as_page(self) -> list[list[float]]:
        """Leaflet's ``[[south, west], [north, east]]``."""
        return [[self.south, self.west], [self.north, self.east]]


@dataclass(frozen=True, slots=True)
class FirstView:
    """What the first view frames (``bounds``), the part no control may cover (``core``), and the
    destinations it was made for (ISO3, most units first)."""

    bounds: Bounds
    core: Bounds
    destinations: tuple[str, ...]


def leading_destinations(sales: pd.DataFrame, share: float = UNITS_SHARE) -> tuple[str, ...]:
    """The fewest destinations (ISO3, most units first) that hold at least ``share`` of the units."""
    units = sales.groupby("iso3", observed=True)["units"].sum()
    units = units[units > 0]
    if units.empty:
        return ()
    # most units first; equal units in ISO3 order, so the answer never depends on the rows' order
    ordered = sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))
    total, running, chosen = float(units.sum()), 0.0, []
    for iso3, value in ordered:
        chosen.append(str(iso3))
        running += float(value)
        if running >= share * total - 1e-9:
            break
    return tuple(chosen)


def first_view(
    sales: pd.DataFrame,
    ports: Mapping[str, Port],
    countries: Mapping[str, CountryInfo],
    share: float = UNITS_SHARE,
    edge: float | None = None,
) -> FirstView:
    """The first run's frame for ``sales`` (a dataset's sales: ``iso3``, ``units``); hubs missing from
    ``ports`` and destinations without a label point in ``countries`` are left out. ``edge``: the west
    edge of the page's world (``core.longitudes``; the box then in its longitudes, e.g. the Americas
    east of the Pacific), None for ±180."""

    def lon(value: float) -> float:
        return value if edge is None else to_frame(value, edge)

    hubs = [(ports[h].lat, lon(ports[h].lon)) for h in HUBS if h in ports]
    destinations = leading_destinations(sales, share)
    labels = [(countries[c].label_lat, lon(countries[c].label_lon)) for c in destinations if c in countries]
    if not hubs:
        raise ValueError("none of the corridor's hubs is known")
    return FirstView(Bounds.around(hubs + labels), Bounds.around(hubs), destinations)
