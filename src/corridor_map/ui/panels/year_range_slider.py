"""A two-handle slider over whole years: "from" and "to" on one groove, dragged or moved with the keys."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

LOW, HIGH = 0, 1
HANDLE_RADIUS = 8
MAX_TICKS = 40


def _round_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class RangeSlider(QWidget):
    """Two handles (``LOW`` ≤ ``HIGH``) between ``minimum`` and ``maximum``.

    ``rangeEdited(low, high)`` fires only for the user's changes (mouse, keys), once per changed value;
    :meth:`set_values` and :meth:`set_bounds` are silent, so a view can follow its model without echo.
    A click moves the nearer handle there; the arrow keys move the active handle (the one last
    clicked; Tab inside the widget is left to focus navigation, Space switches handles).
    """

    rangeEdited = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._minimum = 0
        self._maximum = 0
        self._values = [0, 0]
        self.active = HIGH
        self._dragging: int | None = None
        self._press_x = 0.0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # ---- values -------------------------------------------------------------------------------
    @property
    def minimum(self) -> int:
        return self._minimum

    @property
    def maximum(self) -> int:
        return self._maximum

    def values(self) -> tuple[int, int]:
        return self._values[LOW], self._values[HIGH]

    def set_bounds(self, minimum: int, maximum: int) -> None:
        """The years the handles can take (silent); the values are clamped into them."""
        self._minimum, self._maximum = minimum, max(minimum, maximum)
        self.set_values(*self.values())

    def set_values(self, low: int, high: int) -> None:
        """Place both handles (silent); clamped to the bounds, ``low`` ≤ ``high``."""
        low = min(max(low, self._minimum), self._maximum)
        high = min(max(high, low), self._maximum)
        if [low, high] != self._values:
            self._values = [low, high]
            self.update()

    def _move(self, handle: int, value: int) -> None:
        """The user moves ``handle`` to ``value`` (it stops at the other handle)."""
        if handle == LOW:
            value = min(max(value, self._minimum), self._values[HIGH])
        else:
            value = max(min(value, self._maximum), self._values[LOW])
        if value != self._values[handle]:
            self._values[handle] = value
            self.update()
            self.rangeEdited.emit(*self.values())

    # ---- geometry -----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(200, 2 * HANDLE_RADIUS + 14)

    def minimumSizeHint(self) -> QSize:
        return QSize(6 * HANDLE_RADIUS, 2 * HANDLE_RADIUS + 14)

    def _groove(self) -> tuple[float, float]:
        return HANDLE_RADIUS + 2.0, self.width() - HANDLE_RADIUS - 2.0

    def x_of(self, value: int) -> float:
        """The x (widget coordinates) of a handle at ``value``."""
        left, right = self._groove()
        span = self._maximum - self._minimum
        return left if span <= 0 else left + (right - left) * (value - self._minimum) / span

    def value_at(self, x: float) -> int:
        """The year nearest to ``x``."""
        left, right = self._groove()
        span = self._maximum - self._minimum
        if span <= 0 or right <= left:
            return self._minimum
        return self._minimum + round((min(max(x, left), right) - left) / (right - left) * span)

    # ---- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        enabled = self.isEnabled()
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        mid_y = HANDLE_RADIUS + 3.0
        left, right = self._groove()
        painter.setPen(_round_pen(palette.color(group, QPalette.ColorRole.Mid), 4))
        painter.drawLine(QPointF(left, mid_y), QPointF(right, mid_y))
        low_x, high_x = (self.x_of(v) for v in self.values())
        accent = palette.color(group, QPalette.ColorRole.Highlight)
        painter.setPen(_round_pen(accent, 4))
        painter.drawLine(QPointF(low_x, mid_y), QPointF(high_x, mid_y))
        span = self._maximum - self._minimum
        if 0 < span <= MAX_TICKS:
            painter.setPen(QPen(palette.color(group, QPalette.ColorRole.WindowText), 1))
            for year in range(self._minimum, self._maximum + 1):
                x = self.x_of(year)
                painter.drawLine(QPointF(x, mid_y + HANDLE_RADIUS + 2), QPointF(x, mid_y + HANDLE_RADIUS + 6))
        for handle, x in ((LOW, low_x), (HIGH, high_x)):
            focused = self.hasFocus() and handle == self.active
            painter.setPen(QPen(accent if focused else palette.color(group, QPalette.ColorRole.Dark), 2))
            painter.setBrush(palette.color(group, QPalette.ColorRole.Button))
            r = HANDLE_RADIUS - 1
            painter.drawEllipse(QRectF(x - r, mid_y - r, 2 * r, 2 * r))
        painter.end()

    # ---- input --------------------------------------------------------------------------------
    def _nearer_handle(self, x: float) -> int | None:
        """The handle a press at ``x`` takes; None when both sit there (decided by the drag direction)."""
        low_x, high_x = (self.x_of(v) for v in self.values())
        if self._values[LOW] == self._values[HIGH]:
            if abs(x - low_x) <= HANDLE_RADIUS:
                return None
            return LOW if x < low_x else HIGH
        return LOW if abs(x - low_x) <= abs(x - high_x) else HIGH

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.isEnabled():
            super().mousePressEvent(event)
            return
        x = event.position().x()
        handle = self._nearer_handle(x)
        self._press_x = x
        self._dragging = -1 if handle is None else handle
        if handle is not None:
            self.active = handle
            self._move(handle, self.value_at(x))
        self.update()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging is None:
            super().mouseMoveEvent(event)
            return
        x = event.position().x()
        if self._dragging == -1:  # both handles were under the press: the drag direction decides
            if abs(x - self._press_x) < 2:
                return
            self._dragging = LOW if x < self._press_x else HIGH
            self.active = self._dragging
        self._move(self._dragging, self.value_at(x))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._dragging = None
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        value = self._values[self.active]
        steps = {
            Qt.Key.Key_Left: value - 1,
            Qt.Key.Key_Down: value - 1,
            Qt.Key.Key_Right: value + 1,
            Qt.Key.Key_Up: value + 1,
            Qt.Key.Key_Home: self._minimum,
            Qt.Key.Key_End: self._maximum,
        }
        if key in steps:
            self._move(self.active, steps[key])
        elif key == Qt.Key.Key_Space:
            self.active = LOW if self.active == HIGH else HIGH
            self.update()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
