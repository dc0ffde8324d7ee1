"""Grab screenshots of the real window for the user guide: ``python docs/make_screenshots.py``.

Runs headless (offscreen) unless a display is set; writes docs/img/window-en.png and window-zh.png.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parent / "img"


def main() -> int:
    from PySide6.QtCore import QTimer

    from corridor_map.ui.app import create_application, prepare_chromium_flags

    prepare_chromium_flags(software_rendering=False)
    app = create_application(software_rendering=False)
    from corridor_map.core.dataset import load_sample
    from corridor_map.paths import geo_dir, resources_dir
    from corridor_map.state import AppState
    from corridor_map.ui.fonts import apply_app_font, register_cjk_font
    from corridor_map.ui.i18n import LanguageManager
    from corridor_map.ui.main_window import MainWindow
    from corridor_map.ui.paint_check import map_is_painted
    from corridor_map.ui.settings import Settings

    app.setFont(apply_app_font(register_cjk_font()))  # type: ignore[attr-defined]
    languages = LanguageManager(app)  # type: ignore[arg-type]
    languages.set_language("en")
    window = MainWindow(Settings(), languages, AppState(load_sample()), [resources_dir(), geo_dir()])
    window.resize(1400, 860)
    window.show()
    shots = [("en", OUT / "window-en.png"), ("zh", OUT / "window-zh.png")]
    OUT.mkdir(exist_ok=True)

    def shoot() -> None:
        if not map_is_painted(window.map_view.grab().toImage()):
            QTimer.singleShot(50, shoot)
            return
        _, path = shots.pop(0)
        # let the page apply the language and repaint before the grab
        QTimer.singleShot(600, lambda: (window.grab().save(str(path)), print(path), next_shot()))

    def next_shot() -> None:
        if not shots:
            app.quit()  # type: ignore[attr-defined]
            return
        window.set_language(shots[0][0])
        QTimer.singleShot(300, shoot)

    window.mapReady.connect(lambda: QTimer.singleShot(0, shoot))
    window.start_map()
    QTimer.singleShot(60000, lambda: app.exit(1))  # type: ignore[attr-defined]
    return int(app.exec())  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
