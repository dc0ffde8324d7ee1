"""Is the map really on screen? Pixel checks on a grabbed image (loadFinished comes before pixels)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from corridor_map.core.choropleth import PALETTES

OCEAN = QColor("#cfe3f0")
LAND = QColor("#f3efe4")
# What land is painted in: the fill of countries without data, and the choropleth's classes.
LAND_COLOURS = (LAND, *(QColor(c) for c in sorted({c for palette in PALETTES.values() for c in palette})))


def _close(a: QColor, b: QColor, tolerance: int = 10) -> bool:
    return (
        abs(a.red() - b.red()) <= tolerance
        and abs(a.green() - b.green()) <= tolerance
        and (abs(a.blue() - b.blue()) <= tolerance)
    )


def colour_shares(image: QImage, colours: list[QColor], grid: tuple[int, int] = (48, 27)) -> list[float]:
    """The share of a grid of sample points whose colour is close to each of ``colours``."""
    cols, rows = grid
    counts = [0] * len(colours)
    total = 0
    for i in range(cols):
        for j in range(rows):
            x = (2 * i + 1) * image.width() // (2 * cols)
            y = (2 * j + 1) * image.height() // (2 * rows)
            pixel = image.pixelColor(x, y)
            total += 1
            for k, colour in enumerate(colours):
                if _close(pixel, colour):
                    counts[k] += 1
    return [c / total if total else 0.0 for c in counts]


def map_is_painted(image: QImage, minimum_sea: float = 0.05, minimum_land: float = 0.02) -> bool:
    """True once the sea and the land both fill a visible part of the image.

    Land is any country's fill: a first view of the whole world in a narrow map (300 px, the legend
    over a third of it) shows ~2.5 % of no-data land and ~2.5 % of the classes' colours. The legend's
    own swatches, drawn even when the map's canvases are not, stay under 1 %."""
    if image.isNull() or image.width() < 10 or image.height() < 10:
        return False
    sea, *land = colour_shares(image, [OCEAN, *LAND_COLOURS])
    return sea >= minimum_sea and sum(land) >= minimum_land
