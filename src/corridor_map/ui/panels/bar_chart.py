"""A small bar chart (units by year) painted with QPainter; no QtCharts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#0072B2")  # Okabe–Ito blue: colour-blind safe


def short_number(value: int) -> str:
    """``12400`` → ``12.4k``; ``2300000`` → ``2.3M``."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if value >= 10_000:
        return f"{value / 1000:.0f}k"
    if value >= 1000:
        return f"{value / 1000:.1f}k"
    return str(value)


class BarChart(QWidget):
    """Labelled bars, one per (label, value); the tooltip lists the exact values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(130)

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self._bars = [(str(label), int(value)) for label, value in bars]
        self.setToolTip("\n".join(f"{label}: {value:,}" for label, value in self._bars))
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(280, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(4, line + 2, -4, -(line + 4))
        if not self._bars or area.width() <= 0 or area.height() <= 0:
            painter.end()
            return
        top = max(v for _, v in self._bars) or 1
        slot = area.width() / len(self._bars)
        width = max(2.0, slot * 0.7)
        painter.setPen(text_colour)
        for i, (label, value) in enumerate(self._bars):
            height = area.height() * value / top
            x = area.left() + i * slot + (slot - width) / 2
            bar = QRectF(x, area.bottom() - height, width, height)
            painter.fillRect(bar, BAR_COLOUR)
            label_box = QRectF(area.left() + i * slot, area.bottom() + 2, slot, line)
            painter.drawText(label_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
            value_box = QRectF(area.left() + i * slot, bar.top() - line - 1, slot, line)
            painter.drawText(
                value_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, short_number(value)
            )
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.end()
