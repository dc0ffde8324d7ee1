"""Grab exhibition mode in Chinese for the user guide: ``python docs/make_kiosk_screenshot.py``.

Runs headless on a 1920 × 1080 offscreen screen (unless a platform is set) with scratch settings,
enters exhibition mode, switches to Chinese, lets the tour show its first country, waits until the
page has the widget's size and language, the map is painted and two window grabs in a row are
identical, and writes docs/img/kiosk-zh.png.

``--qm FILE`` installs an extra catalogue first (strings not yet merged into the app's catalogue).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

OUT = Path(__file__).resolve().parent / "img" / "kiosk-zh.png"


def prepare_environment() -> None:
    """Settings in a scratch folder (the grab switches the language: not the user's choice), and a
    1920 × 1080 offscreen screen (the default one is small) unless a platform is chosen."""
    scratch = Path(tempfile.mkdtemp(prefix="corridor-map-shot-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    if "QT_QPA_PLATFORM" in os.environ:
        return
    screens = {"screens": [{"name": "FairScreen", "x": 0, "y": 0, "width": 1920, "height": 1080}]}
    config = scratch / "screen.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--qm", type=Path, help="an extra .qm catalogue to install")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    prepare_environment()
    from PySide6.QtCore import QTimer, QTranslator

    from corridor_map.ui.app import create_application, prepare_chromium_flags

    prepare_chromium_flags(software_rendering=False)
    app = create_application(software_rendering=False)
    from corridor_map.core.corridor import load_corridor
    from corridor_map.core.dataset import load_sample
    from corridor_map.paths import geo_dir, resources_dir
    from corridor_map.state import AppState
    from corridor_map.ui.fonts import apply_app_font, register_cjk_font
    from corridor_map.ui.i18n import LanguageManager
    from corridor_map.ui.kiosk import install_kiosk
    from corridor_map.ui.main_window import MainWindow
    from corridor_map.ui.paint_check import map_is_painted
    from corridor_map.ui.settings import Settings

    app.setFont(apply_app_font(register_cjk_font()))  # type: ignore[attr-defined]
    if args.qm:
        extra = QTranslator(app)  # type: ignore[arg-type]
        if not extra.load(str(args.qm)):
            raise SystemExit(f"cannot load {args.qm}")
        app.installTranslator(extra)  # type: ignore[attr-defined]
    languages = LanguageManager(app)  # type: ignore[arg-type]
    languages.set_language("en")
    state = AppState(load_sample())
    window = MainWindow(Settings(), languages, state, [resources_dir(), geo_dir()], load_corridor())
    kiosk = install_kiosk(window)
    kiosk.settings = replace(kiosk.settings, dwell_ms=120_000)  # the tour holds still for the grab
    window.show()
    last: list[object] = [None]

    def start() -> None:
        kiosk.enter()
        window.set_language("zh")
        kiosk.tour.advance()  # the first destination: selected, the map flies there
        QTimer.singleShot(1000, shoot)

    def shoot() -> None:
        size = "JSON.stringify([window.innerWidth, window.innerHeight, CM.lang])"
        window.map_view.run_js(size, check)

    def check(reply: str) -> None:
        # full screen and Chinese reach the page a few seconds late with software rendering: wait
        # until the page has the widget's size and language, the map is painted, and the whole
        # window is the same in two grabs half a second apart
        view = window.map_view
        ready = json.loads(reply) == [view.width(), view.height(), "zh"]
        image = window.grab().toImage() if ready else None
        if not ready or not map_is_painted(view.grab().toImage()) or image != last[0]:
            last[0] = image
            QTimer.singleShot(500, shoot)
            return
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        print(args.out, window.width(), "x", window.height(), sorted(state.selection))
        kiosk.leave()
        app.quit()  # type: ignore[attr-defined]

    window.mapReady.connect(lambda: QTimer.singleShot(300, start))
    window.start_map()
    QTimer.singleShot(120000, lambda: app.exit(1))  # type: ignore[attr-defined]
    return int(app.exec())  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
