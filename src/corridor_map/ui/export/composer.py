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
    """The final image and where its parts are, in image pixels (for tests and previews)."""

    image: QImage
    regions: dict[str, QRect] = field(default_factory=dict)
    selected: dict[str, dict[str, Any]] = field(default_factory=dict)  # ISO3 → label point (px), fill
    detail: int = 0  # the level of detail the map was drawn with (mapgen.lod; 0 is the lightest)

    def describe(self) -> dict[str, Any]:
        """Size, DPI, regions, selected countries and level of detail as plain JSON data."""
        dpi = round(self.image.dotsPerMeterX() / INCHES_PER_METRE)
        return {
            "width": self.image.width(),
            "height": self.image.height(),
            "dpi": dpi,
            "regions": {k: [r.x(), r.y(), r.width(), r.height()] for k, r in self.regions.items()},
            "selected": self.selected,
            "detail": self.detail,
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

    for key in ("legend", "dataLabel"):
        value = page_info.get(key)
        scaled = _scaled(value if isinstance(value, list) else None, k, header_px)
        if scaled is not None:
            regions[key] = scaled
    selected: dict[str, dict[str, Any]] = {}
    raw = page_info.get("selected")
    for iso3, item in raw.items() if isinstance(raw, dict) else []:
        x, y = item["point"]
        selected[str(iso3)] = {"point": [round(x * k), round(y * k) + header_px], "fill": item.get("fill")}
    dots_per_metre = round(spec.effective_dpi * INCHES_PER_METRE)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    detail = page_info.get("detail")
    return Composition(image, regions, selected, detail if isinstance(detail, int) else 0)
