"""What an export is: size, scale, texts, selection; validated before any Qt is started (Qt-free)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from corridor_map.core.errors import CorridorMapError
from corridor_map.core.longitudes import WORLDS

MAX_SIDE = 16_384  # pixels of the final image, each side
MIN_SIDE = 200  # logical pixels: smaller leaves no room for the map
MIN_SCALE = 1.0
MAX_SCALE = 4.0
DEFAULT_WIDTH = 1600
DEFAULT_HEIGHT = 900
SCREEN_DPI = 96
ISO3 = re.compile(r"[A-Z]{3}")


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
    problem = size_problem(spec.width, spec.height, spec.scale)
    if problem:
        raise ExportError(problem)
    if spec.lang not in ("en", "zh"):
        raise ExportError(f"unknown language '{spec.lang}' (en or zh)")
    if spec.pov not in ("china", "ne"):
        raise ExportError(f"unknown point of view '{spec.pov}' (china or ne)")
    if spec.world not in WORLDS:
        raise ExportError(f"unknown world '{spec.world}' (pacific or greenwich)")
    return spec
