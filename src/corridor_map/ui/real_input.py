"""Real input into the map page: Qt mouse, wheel, touch and key events where Chromium takes its input.

A Leaflet ``layer.fire('click')`` or a direct call of a page handler skips the browser's hit testing and
passes even when another layer lies on top of what a user clicks. These events go the way a user's
do: into the view's focus proxy (the widget QtWebEngine's input arrives through), at the page pixel of
a latitude/longitude, so the browser decides which element and which layer gets them.

Used by ``corridor-map --smoke-test`` and by every test that stands for a user's action.
Page pixels are CSS pixels; a widget pixel is a CSS pixel times the page's zoom factor (the device
pixel ratio is Chromium's and Qt's own business: both count in device-independent pixels).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton
HAND_REST_MS = 40  # between arriving at a point and pressing: a person never takes less


# JS: a longitude of the data (±180) where the page draws it (the China-centred world's frame runs from
# CM.options.edge to 360° east of it: the Americas beyond 180° E; cm_style.js frameLng)
FRAME_LNG_JS = (
    "function (lng) { var e = CM.options && CM.options.edge;"
    " return e == null ? lng : e + (((lng - e) % 360) + 360) % 360; }"
)


def page_point_js(lat: float, lon: float) -> str:
    """JS giving ``"[x, y]"``: the page pixel (CSS px from the page's top left) of ``lat``, ``lon`` (a
    longitude of the data, ±180, in whichever world the page draws)."""
    return (
        f"(function () {{ var lng = ({FRAME_LNG_JS})({float(lon)!r});"
        f" var p = CM.map.latLngToContainerPoint([{float(lat)!r}, lng]);"
        " var r = CM.map.getContainer().getBoundingClientRect();"
        " return JSON.stringify([p.x + r.left, p.y + r.top]); })()"
    )


def parse_point(value: Any) -> tuple[float, float]:
    """The ``[x, y]`` that ``page_point_js`` returned."""
    x, y = json.loads(value) if isinstance(value, str) else value
    return float(x), float(y)


def target(view: QWebEngineView) -> QWidget:
    """The widget Chromium's input arrives through (the view's focus proxy once a page is shown)."""
    return view.focusProxy() or view


def to_widget(view: QWebEngineView, page_xy: tuple[float, float]) -> QPoint:
    """The focus proxy's pixel of a page pixel."""
    zoom = view.zoomFactor()
    return QPointF(page_xy[0] * zoom, page_xy[1] * zoom).toPoint()


def click(
    view: QWebEngineView,
    page_xy: tuple[float, float],
    modifiers: Qt.KeyboardModifier = NO_MODIFIER,
    button: Qt.MouseButton = LEFT,
) -> None:
    """Move to the point, rest there a moment (as a hand does: the page reacts to the pointer coming in
    before the button goes down), and click."""
    widget, point = target(view), to_widget(view, page_xy)
    QTest.mouseMove(widget, point)
    QTest.qWait(HAND_REST_MS)
    QTest.mouseClick(widget, button, modifiers, point)


def hover(view: QWebEngineView, page_xy: tuple[float, float]) -> None:
    """Come from a few pixels away and stop at the point (the page sees mousemove events)."""
    widget, point = target(view), to_widget(view, page_xy)
    for dx in (-8, -3, 0):
        QTest.mouseMove(widget, point + QPoint(dx, dx))


def wheel(view: QWebEngineView, page_xy: tuple[float, float], notches: int) -> None:
    """Turn the wheel ``notches`` (positive: away from the user, zoom in) with the pointer at the point."""
    widget, point = target(view), to_widget(view, page_xy)
    window = widget.window().windowHandle()
    at = widget.mapTo(widget.window(), point)
    QTest.mouseMove(widget, point)
    for _ in range(abs(notches)):
        QTest.wheelEvent(window, at, QPoint(0, 120 if notches > 0 else -120))


_touchscreen: QPointingDevice | None = None


def touchscreen() -> QPointingDevice:
    """One touch screen device for the process (Qt registers each device it is given)."""
    global _touchscreen  # noqa: PLW0603
    if _touchscreen is None:
        _touchscreen = QTest.createTouchDevice()
    return _touchscreen


def tap(view: QWebEngineView, page_xy: tuple[float, float]) -> None:
    """A finger's tap at the point: touch press and release, nothing else."""
    widget, point = target(view), to_widget(view, page_xy)
    press = QTest.touchEvent(widget, touchscreen(), False)
    press.press(0, point, widget)
    press.commit()
    release = QTest.touchEvent(widget, touchscreen(), False)
    release.release(0, point, widget)
    release.commit()


def key(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """Press and release a key in ``widget`` (the focus widget, as the keyboard would)."""
    QTest.keyClick(widget, key, modifiers)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key into ``widget``."""
    QTest.keyClicks(widget, text)
