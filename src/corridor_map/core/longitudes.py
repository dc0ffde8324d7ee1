"""The worlds the map can be drawn in, and longitudes in and out of their frames (no dependencies:
the window and the view state use this without shapely; ``core.world_frame`` moves the geometry)."""

from __future__ import annotations

PACIFIC_EDGE = -25.0  # the China-centred world's west edge: in the Atlantic, 25° W (centre 155° E)
FULL = 360.0
# each world by its name (the PageOptions.world setting): its frame's west edge, None for ±180
WORLDS: dict[str, float | None] = {"greenwich": None, "pacific": PACIFIC_EDGE}


def to_frame(lon: float, edge: float = PACIFIC_EDGE) -> float:
    """``lon`` (any longitude) in the frame ``[edge, edge + 360)``."""
    return edge + (lon - edge) % FULL


def from_frame(lon: float) -> float:
    """A frame longitude back in ``[-180, 180)``: for saving and for the data."""
    return (lon + 180.0) % FULL - 180.0
