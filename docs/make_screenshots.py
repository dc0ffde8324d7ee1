"""Grab screenshots of the real window for the user guide: ``python docs/make_screenshots.py``.

Runs headless (offscreen) unless a display is set; writes the PNGs listed in ``SHOTS`` to docs/img/.
Each shot: language, then JS run on the page first (a view or a selection), then the grab once the
map is painted and the page has answered.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parent / "img"
SHOTS: list[tuple[str, str, str]] = [
    ("window-en.png", "en", ""),
    ("window-zh.png", "zh", ""),
    ("corridor-en.png", "en", "CM.map.fitBounds([[-12, -15], [62, 125]], {animate: false})"),
    ("beibu-gulf-en.png", "en", "CM.map.fitBounds([[19.5, 103], [31, 113]], {animate: false})"),
    ("selection-en.png", "en", ""),
]
SELECT_FOR = {"selection-en.png": ["THA", "VNM"]}


def main() -> int:
    from PySide6.QtCore import QTimer

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
    from corridor_map.ui.settings import Settings

    app.setFont(apply_app_font(register_cjk_font()))  # type: ignore[attr-defined]
    languages = LanguageManager(app)  # type: ignore[arg-type]
    languages.set_language("en")
    state = AppState(load_sample())
    window = MainWindow(Settings(), languages, state, [resources_dir(), geo_dir()], load_corridor())
    window.resize(1400, 860)
    window.show()
    shots = list(SHOTS)
    OUT.mkdir(exist_ok=True)

    def next_shot() -> None:
        if not shots:
            app.quit()  # type: ignore[attr-defined]
            return
        name, lang, js = shots[0]
        window.set_language(lang)
        state.select(SELECT_FOR.get(name, []))
        settle = 1500 if name in SELECT_FOR else 400  # the map flies to a selection
        window.map_view.run_js(f"{js or '0'}; CM.describe()", lambda _r: QTimer.singleShot(settle, shoot))

    last: list[object] = [None]

    def shoot() -> None:
        # the frame is final when two grabs 100 ms apart are identical
        image = window.map_view.grab().toImage()
        if image != last[0]:
            last[0] = image
            QTimer.singleShot(100, shoot)
            return
        last[0] = None
        name, _, _ = shots.pop(0)
        window.grab().save(str(OUT / name))
        print(OUT / name)
        next_shot()

    window.mapReady.connect(lambda: QTimer.singleShot(300, next_shot))
    window.start_map()
    QTimer.singleShot(120000, lambda: app.exit(1))  # type: ignore[attr-defined]
    return int(app.exec())  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
