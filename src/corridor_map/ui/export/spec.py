"""What an export is: size, scale, texts, selection; validated before any Qt is started (Qt-free)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from corridor_map.core.errors import CorridorMapError
from corridor_map.core.longitudes import WORLDS

MAX_SIDE = 16_384  # pixels of the final image, each side
# pixels of the final image in all: the view is drawn whole and held in memory twice (about 4 bytes a
# pixel each); 40 million pixels is A2 at 300 dpi. Larger prints are PDF (vector, any paper size).
MAX_PIXELS = 40_000_000
MIN_SIDE = 200  # logical pixels: smaller leaves no room for the map
MIN_SCALE = 1.0
MAX_SCALE = 4.0
DEFAULT_WIDTH = 1600
DEFAULT_HEIGHT = 900
SCREEN_DPI = 96
ISO3 = re.compile(r"[A-Z]{3}")
FORMATS = ("png", "pdf")
MM_PER_INCH = 25.4
# ISO 216 paper, portrait (width, height) in millimetres.
PAPERS_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "A2": (420.0, 594.0),
    "A1": (594.0, 841.0),
    "A0": (841.0, 1189.0),
}
MAX_MARGIN_MM = 50.0
MAX_BLEED_MM = 10.0


class ExportError(CorridorMapError):
    """An export that cannot be made; the message is shown to the user as is."""


@dataclass(frozen=True)
class Preset:
    """A size preset: logical size, scale and the DPI written into the PNG."""

    key: str
    width: int
    height: int
    scale: float
    dpi: int

    @property
    def pixels(self) -> tuple[int, int]:
        return output_size(self.width, self.height, self.scale)


# Paper sizes are landscape; "300 dpi" is the 150 dpi layout at 2×, so text stays readable.
PRESETS: tuple[Preset, ...] = (
    Preset("1920x1080", 1920, 1080, 1.0, SCREEN_DPI),
    Preset("3840x2160", 1920, 1080, 2.0, 2 * SCREEN_DPI),
    Preset("a4-150", 1754, 1240, 1.0, 150),
    Preset("a4-300", 1754, 1240, 2.0, 300),
    Preset("a3-150", 2480, 1754, 1.0, 150),
    Preset("a3-300", 2480, 1754, 2.0, 300),
)


def preset(key: str) -> Preset:
    """The preset called ``key``."""
    for p in PRESETS:
        if p.key == key:
            return p
    raise KeyError(key)


def output_size(width: int, height: int, scale: float) -> tuple[int, int]:
    """The final image's pixels for a logical size at ``scale``."""
    return round(width * scale), round(height * scale)


def css_px(mm: float) -> float:
    """Millimetres as CSS pixels (96 to the inch: the page's logical pixels)."""
    return mm / MM_PER_INCH * SCREEN_DPI


@dataclass(frozen=True)
class Paper:
    """A PDF's sheet: ISO paper, orientation, margin and bleed (millimetres).

    The sheet is the trimmed paper plus ``bleed`` on each side; the texts keep ``margin`` inside the
    trim; with a bleed the map runs to the sheet's left and right edges (over the trim, into the bleed).
    """

    name: str = "A3"
    landscape: bool = True
    margin_mm: float = 10.0
    bleed_mm: float = 0.0

    @property
    def trim_mm(self) -> tuple[float, float]:
        """The trimmed paper (width, height) in this orientation."""
        w, h = PAPERS_MM[self.name]
        return (h, w) if self.landscape else (w, h)

    @property
    def sheet_mm(self) -> tuple[float, float]:
        """The PDF page (width, height): the trim plus the bleed on each side."""
        w, h = self.trim_mm
        return w + 2 * self.bleed_mm, h + 2 * self.bleed_mm

    @property
    def sheet_px(self) -> tuple[int, int]:
        """The PDF page in CSS pixels, rounded down (the page's layout size)."""
        w, h = self.sheet_mm
        return math.floor(css_px(w)), math.floor(css_px(h))


def paper_problem(paper: Paper) -> str | None:
    """Why this paper cannot be exported, in one sentence; None when it can."""
    if paper.name not in PAPERS_MM:
        return f"unknown paper '{paper.name}' ({', '.join(PAPERS_MM)})"
    if not (math.isfinite(paper.margin_mm) and 0 <= paper.margin_mm <= MAX_MARGIN_MM):
        return f"the margin must be between 0 and {MAX_MARGIN_MM:g} mm (got {paper.margin_mm:g})"
    if not (math.isfinite(paper.bleed_mm) and 0 <= paper.bleed_mm <= MAX_BLEED_MM):
        return f"the bleed must be between 0 and {MAX_BLEED_MM:g} mm (got {paper.bleed_mm:g})"
    return None


@dataclass(frozen=True)
class ExportSpec:
    """One PNG: logical size (CSS pixels of the layout), scale (device pixels per logical pixel), texts."""

    width: int = DEFAULT_WIDTH
    height: int = DEFAULT_HEIGHT
    scale: float = 1.0
    title: str = ""
    subtitle: str = ""
    legend: bool = True
    lang: str = "en"
    pov: str = "china"  # "china" (China's point of view, the app's default) or "ne" (Natural Earth's)
    selection: tuple[str, ...] = ()
    dpi: int | None = None  # None: 96 × scale (the same physical size as on screen)
    view: tuple[float, float, float] | None = None  # (lat, lon, zoom); None: the page's default
    date: str | None = None  # None: today, in the export's language
    playback_year: int | None = None  # time playback's year, shown large on the map (None: none)
    # "pacific" (the China-centred world, the default) or "greenwich" (±180); ``view``'s longitude is
    # in ±180 either way
    world: str = "pacific"
    fmt: str = "png"  # "png" or "pdf" (vector, at ``paper``'s size; width, height and scale unused)
    paper: Paper = Paper()
    # the compared routes drawn on the map: the ``CM.showRoutes`` payload (id, legs, color), as the
    # window's ViewState.routes or core.transit.draw_payload gives it
    routes: tuple[dict[str, Any], ...] = ()
    # a fact sheet (PDF only): its HTML (mapgen.factsheet_html), printed on A4 portrait pages of
    # ``paper.margin_mm`` with the map over its map slot, framed on the selection and the routes
    sheet_html: str = ""

    @property
    def pixels(self) -> tuple[int, int]:
        return output_size(self.width, self.height, self.scale)

    @property
    def effective_dpi(self) -> int:
        return self.dpi if self.dpi else round(SCREEN_DPI * self.scale)


def size_problem(width: int, height: int, scale: float) -> str | None:
    """Why this size cannot be exported, in one sentence; None when it can."""
    if not (math.isfinite(scale) and MIN_SCALE <= scale <= MAX_SCALE):
        return f"the scale must be between {MIN_SCALE:g} and {MAX_SCALE:g} (got {scale:g})"
    if width < MIN_SIDE or height < MIN_SIDE:
        return f"the size must be at least {MIN_SIDE}×{MIN_SIDE} pixels (got {width}×{height})"
    out_w, out_h = output_size(width, height, scale)
    if out_w > MAX_SIDE or out_h > MAX_SIDE:
        return (
            f"the image would be {out_w}×{out_h} pixels; at most {MAX_SIDE:,} pixels a side are possible "
            f"(make the size or the scale smaller)"
        )
    if out_w * out_h > MAX_PIXELS:
        return (
            f"the image would be {out_w}×{out_h} pixels ({out_w * out_h / 1e6:.0f} million); at most "
            f"{MAX_PIXELS / 1e6:.0f} million pixels are possible (A2 at 300 dpi): make it smaller, or "
            f"export a PDF, which prints sharp at any paper size"
        )
    return None


def check_codes(codes: list[str], known: frozenset[str]) -> tuple[str, ...]:
    """Upper-cased, de-duplicated ISO3 codes, all of them on the map; ExportError names any other."""
    cleaned: list[str] = []
    for raw in codes:
        code = raw.strip().upper()
        if not code:
            continue
        if not ISO3.fullmatch(code):
            raise ExportError(f"'{raw.strip()}' is not an ISO 3166 alpha-3 country code (like THA or VNM)")
        if code not in known:
            raise ExportError(f"unknown country code '{code}': it is not a country on the map")
        if code not in cleaned:
            cleaned.append(code)
    return tuple(cleaned)


def validate(spec: ExportSpec) -> ExportSpec:
    """``spec`` if it can be exported; ExportError with a one-line reason otherwise."""
    if spec.fmt not in FORMATS:
        raise ExportError(f"unknown format '{spec.fmt}' (png or pdf)")
    if spec.sheet_html and spec.fmt != "pdf":
        raise ExportError("a fact sheet is a PDF")
    problem = (
        paper_problem(spec.paper) if spec.fmt == "pdf" else size_problem(spec.width, spec.height, spec.scale)
    )
    if problem:
        raise ExportError(problem)
    if spec.lang not in ("en", "zh"):
        raise ExportError(f"unknown language '{spec.lang}' (en or zh)")
    if spec.pov not in ("china", "ne"):
        raise ExportError(f"unknown point of view '{spec.pov}' (china or ne)")
    if spec.world not in WORLDS:
        raise ExportError(f"unknown world '{spec.world}' (pacific or greenwich)")
    return spec
