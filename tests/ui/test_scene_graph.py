"""Qt Quick, which puts Chromium's frames in the window, draws in software when Chromium does.

Run on the offscreen platform with the other tests, and by CI on the real desktop platform (xcb, under
Xvfb), where Qt Quick would otherwise draw through Mesa's llvmpipe on a machine without a GPU device.
"""

from __future__ import annotations

from PySide6.QtQuick import QSGRendererInterface
from PySide6.QtQuickWidgets import QQuickWidget

from corridor_map.ui.app import composites_in_software
from corridor_map.ui.main_window import MainWindow

SOFTWARE = QSGRendererInterface.GraphicsApi.Software


def test_the_map_view_s_frames_are_drawn_as_chromium_composites_them(window: MainWindow) -> None:
    delegates = window.map_view.findChildren(QQuickWidget)
    assert delegates, "QtWebEngine's view has no Qt Quick delegate to show its frames"
    apis = {d.quickWindow().rendererInterface().graphicsApi() for d in delegates}
    if composites_in_software():
        assert apis == {SOFTWARE}
    else:  # (a GPU: Qt Quick chooses its own way)
        assert SOFTWARE not in apis
