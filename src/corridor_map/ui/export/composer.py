"""The exported picture: a title band, the rendered map, and a footer with the source line and date.

One layout for the dialog and the command line. Sizes are planned in logical pixels (the page's CSS
pixels) and drawn at the export's scale, so text is as crisp as the map. The source line always names
the data's provenance (the active dataset's label: the sample says it is illustrative) and the map
data's attribution; DPI metadata goes into the PNG.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter, QPen

from corridor_map.core.credits import DATA_CREDITS, map_attributions
from corridor_map.ui.export.spec import ExportSpec

PAD = 20
TITLE_PX = 26
SUBTITLE_PX = 15
FOOTER_PX = 12
HEADER_TOP = 14
HEADER_GAP = 3
HEADER_BOTTOM = 12
FOOTER_V = 7
INK = QColor("#1a1a1a")
MUTED = QColor("#555555")
FOOTER_INK = QColor("#3d3d3d")
RULE = QColor("#d0d0d0")
PAPER = QColor("#ffffff")
INCHES_PER_METRE = 39.37007874


def map_credits(visible_layers: Iterable[str], pov: str = "china", short: bool = False) -> list[str]:
    """The map data's attributions for the layers drawn (``core.credits``), Natural Earth's translated."""
    natural_earth = (DATA_CREDITS[0].attribution, DATA_CREDITS[0].short)
    return [
        QCoreApplication.translate("MapPage", "Made with Natural Earth") if text in natural_earth else text
        for text in map_attributions(visible_layers, pov, short)
    ]


def source_line(dataset_label: str, visible_layers: Iterable[str], pov: str = "china") -> str:
    """``Data: <provenance> · <map attribution>; <other credits>`` in the current language."""
    data = QCoreApplication.translate("Export", "Data: %1").replace("%1", dataset_label)
    return f"{data} · {'; '.join(map_credits(visible_layers, pov))}"


def date_text(lang: str, day: dt.date | None = None) -> str:
    """The export's date, written the way each language writes it."""
    day = day or dt.date.today()
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


@dataclass(frozen=True)
class ExportTexts:
    """Everything written around the map."""

    title: str
    subtitle: str
    source: str
    date: str


def _font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@dataclass(frozen=True)
class Layout:
    """The picture's bands in logical pixels; ``map_height`` is what the map view must draw."""

    width: int
    height: int
    header: int
    footer: int
    source_width: int

    @property
    def map_height(self) -> int:
        return self.height - self.header - self.footer


def plan(spec: ExportSpec, texts: ExportTexts) -> Layout:
    """Band heights for these texts at this size (the map gets the rest)."""
    header = 0
    if texts.title or texts.subtitle:
        header = HEADER_TOP + HEADER_BOTTOM
        if texts.title:
            header += QFontMetrics(_font(TITLE_PX, True)).height()
        if texts.subtitle:
            header += QFontMetrics(_font(SUBTITLE_PX)).height() + (HEADER_GAP if texts.title else 0)
    metrics = QFontMetrics(_font(FOOTER_PX))
    date_w = metrics.horizontalAdvance(texts.date) + PAD
    source_w = max(100, spec.width - 2 * PAD - date_w)
    bound = metrics.boundingRect(QRect(0, 0, source_w, 10_000), Qt.TextFlag.TextWordWrap, texts.source)
    footer = 2 * FOOTER_V + max(bound.height(), metrics.height()) + 1
    return Layout(spec.width, spec.height, header, footer, source_w)


@dataclass
class Composition:
    """The final image (or PDF) and where its parts are, in image pixels (CSS pixels of the sheet for a
    PDF), for tests and previews."""

    image: QImage
    regions: dict[str, QRect] = field(default_factory=dict)
    selected: dict[str, dict[str, Any]] = field(default_factory=dict)  # ISO3 → label point (px), fill
    detail: int = 0  # the level of detail the map was drawn with (mapgen.lod; 0 is the lightest)
    pdf: bytes | None = None  # a PDF export's file (the image is then null)
    page_mm: tuple[float, float] | None = None  # a PDF's page size
    # the compared routes' legs: route id → leg id → its vertices in view (image pixels, or CSS pixels
    # of a PDF's sheet), as the page drew them
    routes: dict[str, dict[str, list[list[int]]]] = field(default_factory=dict)

    def preview_image(self, max_width: int, max_height: int) -> QImage:
        """What will be written, fitted into ``max_width`` × ``max_height``: the PNG scaled down, or the
        PDF's page rendered (Qt PDF) from the very bytes that are written."""
        if self.pdf is None:
            return self.image.scaled(
                max_width,
                max_height,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        from corridor_map.ui.export.pdf_preview import render_pdf_page

        return render_pdf_page(self.pdf, max_width, max_height)

    def describe(self) -> dict[str, Any]:
        """Size, DPI, regions, selected countries and level of detail as plain JSON data."""
        regions = {k: [r.x(), r.y(), r.width(), r.height()] for k, r in self.regions.items()}
        if self.pdf is not None and self.page_mm is not None:
            return {
                "format": "pdf",
                "pages": 1,
                "width_mm": round(self.page_mm[0], 2),
                "height_mm": round(self.page_mm[1], 2),
                "bytes": len(self.pdf),
                "regions": regions,
                "selected": self.selected,
                "detail": self.detail,
            }
        dpi = round(self.image.dotsPerMeterX() / INCHES_PER_METRE)
        return {
            "format": "png",
            "width": self.image.width(),
            "height": self.image.height(),
            "dpi": dpi,
            "regions": regions,
            "selected": self.selected,
            "detail": self.detail,
        }


def route_points(raw: object, scale: float, dx: float, dy: float) -> dict[str, dict[str, list[list[int]]]]:
    """The page's ``routes`` report (container pixels) as pixels of the output."""
    if not isinstance(raw, dict):
        return {}
    return {
        str(route): {
            str(leg): [[round(x * scale + dx), round(y * scale + dy)] for x, y in points]
            for leg, points in legs.items()
        }
        for route, legs in raw.items()
        if isinstance(legs, dict)
    }


def _scaled(rect: list[float] | None, scale: float, dy: int) -> QRect | None:
    if not rect:
        return None
    x, y, w, h = rect
    return QRect(round(x * scale), round(y * scale) + dy, round(w * scale), round(h * scale))


def compose(
    spec: ExportSpec, layout: Layout, texts: ExportTexts, map_image: QImage, page_info: dict[str, object]
) -> Composition:
    """Draw the bands and the map into one image of ``spec.pixels`` with the export's DPI."""
    k = spec.scale
    out_w, out_h = spec.pixels
    image = QImage(out_w, out_h, QImage.Format.Format_RGB32)
    image.fill(PAPER)
    header_px = round(layout.header * k)
    footer_top = header_px + map_image.height()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    regions: dict[str, QRect] = {}
    painter.drawImage(0, header_px, map_image)
    regions["map"] = QRect(0, header_px, map_image.width(), map_image.height())

    text_w = round((layout.width - 2 * PAD) * k)
    y = round(HEADER_TOP * k)
    if texts.title:
        font = _font(TITLE_PX * k, True)
        painter.setFont(font)
        painter.setPen(INK)
        metrics = QFontMetrics(font)
        rect = QRect(round(PAD * k), y, text_w, metrics.height())
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(texts.title, Qt.TextElideMode.ElideRight, text_w),
        )
        regions["title"] = QRect(
            rect.x(), rect.y(), min(text_w, metrics.horizontalAdvance(texts.title)), rect.height()
        )
        y += metrics.height() + round(HEADER_GAP * k)
    if texts.subtitle:
        font = _font(SUBTITLE_PX * k)
        painter.setFont(font)
        painter.setPen(MUTED)
        metrics = QFontMetrics(font)
        rect = QRect(round(PAD * k), y, text_w, metrics.height())
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(texts.subtitle, Qt.TextElideMode.ElideRight, text_w),
        )
        regions["subtitle"] = QRect(
            rect.x(), rect.y(), min(text_w, metrics.horizontalAdvance(texts.subtitle)), rect.height()
        )

    painter.setPen(QPen(RULE, max(1, round(k))))
    painter.drawLine(0, footer_top, out_w, footer_top)
    font = _font(FOOTER_PX * k)
    painter.setFont(font)
    painter.setPen(FOOTER_INK)
    metrics = QFontMetrics(font)
    top = footer_top + round((FOOTER_V + 1) * k)
    source_rect = QRect(round(PAD * k), top, round(layout.source_width * k), out_h - top)
    painter.drawText(
        source_rect,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
        texts.source,
    )
    regions["source"] = metrics.boundingRect(source_rect, Qt.TextFlag.TextWordWrap, texts.source)
    date_w = metrics.horizontalAdvance(texts.date)
    date_rect = QRect(out_w - round(PAD * k) - date_w, top, date_w, metrics.height())
    painter.drawText(date_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, texts.date)
    regions["date"] = date_rect
    painter.end()

    dots_per_metre = round(spec.effective_dpi * INCHES_PER_METRE)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    parts = _page_parts(page_info, ("legend", "dataLabel"), k, (0, header_px), (0, header_px))
    regions.update(parts.regions)
    parts.image = image
    parts.regions = regions
    return parts


def _page_parts(
    page_info: dict[str, Any],
    keys: tuple[str, ...],
    scale: float,
    rect_offset: tuple[float, float],
    map_offset: tuple[float, float],
) -> Composition:
    """What the page reported of its frame (rectangles ``keys``, selected countries' label points, the
    level of detail, the routes' vertices) in output pixels; the image is left null."""
    regions: dict[str, QRect] = {}
    for key in keys:
        value = page_info.get(key)
        scaled = _scaled(value if isinstance(value, list) else None, scale, round(rect_offset[1]))
        if scaled is not None:
            regions[key] = scaled.translated(round(rect_offset[0]), 0)
    selected: dict[str, dict[str, Any]] = {}
    raw = page_info.get("selected")
    for iso3, item in raw.items() if isinstance(raw, dict) else []:
        x, y = item["point"]
        point = [round(x * scale + map_offset[0]), round(y * scale + map_offset[1])]
        selected[str(iso3)] = {"point": point, "fill": item.get("fill")}
    detail = page_info.get("detail")
    routes = route_points(page_info.get("routes"), scale, *map_offset)
    return Composition(QImage(), regions, selected, detail if isinstance(detail, int) else 0, routes=routes)


def sheet_composition(pdf: bytes, page_mm: tuple[float, float], page_info: dict[str, Any]) -> Composition:
    """A PDF export's result: the file, and where the page put the map, legend and selected countries
    (CSS pixels of the sheet)."""
    found = page_info.get("map")
    map_rect: list[float] = found if isinstance(found, list) else [0, 0, 0, 0]
    parts = _page_parts(page_info, ("map", "legend", "dataLabel"), 1.0, (0, 0), (map_rect[0], map_rect[1]))
    parts.pdf, parts.page_mm = pdf, page_mm
    return parts
