"""Grab docs/img/routes-compare.png: the real window with the Routes panel comparing Germany's alternatives.

``python docs/make_routes_screenshot.py [ISO3]`` (headless unless a display is set). The Routes panel is
added and wired here the way the main window wires it (routesChanged → CM.showRoutes).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

OUT = Path(__file__).resolve().parent / "img" / "routes-compare.png"


def main(iso3: str = "DEU") -> int:
    from PySide6.QtCore import Qt, QTimer

    from corridor_map.ui.app import create_application, prepare_chromium_flags

    prepare_chromium_flags(software_rendering=False)
    app = create_application(software_rendering=False)
    from corridor_map.core.corridor import load_corridor
    from corridor_map.core.dataset import load_sample
    from corridor_map.paths import geo_dir, resources_dir
    from corridor_map.state import AppState
    from corridor_map.ui.fonts import apply_app_font, register_cjk_font
    from corridor_map.ui.i18n import LanguageManager
    from corridor_map.ui.main_window import MainWindow
    from corridor_map.ui.panels.route_dock import RouteDock
    from corridor_map.ui.settings import Settings

    app.setFont(apply_app_font(register_cjk_font()))  # type: ignore[attr-defined]
    languages = LanguageManager(app)  # type: ignore[arg-type]
    languages.set_language("en")
    state = AppState(load_sample())
    window = MainWindow(Settings(), languages, state, [resources_dir(), geo_dir()], load_corridor())
    dock = RouteDock(state, languages, window)
    dock.params.reset()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.country_dock, dock)
    dock.raise_()
    dock.routesChanged.connect(
        lambda routes: window.map_view.call("showRoutes", routes) if window.map_view.ready else None
    )
    window.ranking_dock.hide()  # more room for the map (the user can close these panels too)
    window.dealers_dock.hide()
    for name in ("filters_dock",):  # other panels on the left, where present
        if hasattr(window, name):
            getattr(window, name).hide()
    window.resizeDocks([dock], [430], Qt.Orientation.Horizontal)
    window.resize(1500, 900)
    window.show()
    last: list[object] = [None]

    def frame() -> None:
        dock.comparison.tree.topLevelItem(1).setExpanded(True)
        js = (
            "var b = L.latLngBounds([]); CM.flows.routesLayer.eachLayer(l => b.extend(l.getBounds()));"
            "CM.map.fitBounds(b, {paddingTopLeft: [20, 20], paddingBottomRight: [330, 10], animate: false});"
            "JSON.stringify([b.toBBoxString(), CM.map.getZoom(), CM.describeFlows().routes])"
        )
        window.map_view.run_js(js, lambda r: (print(r), QTimer.singleShot(400, shoot)))

    def shoot() -> None:
        image = window.map_view.grab().toImage()  # final when two grabs 100 ms apart are identical
        if image != last[0]:
            last[0] = image
            QTimer.singleShot(100, shoot)
            return
        OUT.parent.mkdir(exist_ok=True)
        window.grab().save(str(OUT))
        print(OUT)
        app.quit()  # type: ignore[attr-defined]

    def start() -> None:
        window.resizeDocks([dock], [430], Qt.Orientation.Horizontal)
        state.select({iso3})
        QTimer.singleShot(1500, frame)  # after the flight to the selection

    window.mapReady.connect(lambda: QTimer.singleShot(300, start))
    window.start_map()
    QTimer.singleShot(120000, lambda: app.exit(1))  # type: ignore[attr-defined]
    return int(app.exec())  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
