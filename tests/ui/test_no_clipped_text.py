"""No text cut: every label, button, tab, header, cell and combo box of the window (each dock raised),
exhibition mode and the main dialogs fits its rectangle, in English and Chinese, at 1366×768 and at 200 %
scaling; the splash is readable; ILSTC is spelt out; the status bar follows a language switch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from corridor_map.ui.about import AboutDialog
from corridor_map.ui.dock_tabs import stray_tab_bars
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.splash import SPLASH_BACKGROUND, SPLASH_SIZE, SPLASH_TEXT, contrast_ratio, splash_pixmap
from tests.ui.conftest import wait_until

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def _walk(width: int, height: int, scale: int) -> dict[str, list[str]]:
    """Run ``tests.ui.clip_walk`` in a process of its own on a ``width``×``height`` (logical px) screen at
    ``scale`` (QT_SCALE_FACTOR must be set before Qt starts); the offenders by language."""
    with tempfile.TemporaryDirectory(prefix="cm-clip-") as tmp:
        screen = Path(tmp) / "screen.json"
        size = {"width": width * scale, "height": height * scale}
        screen.write_text(json.dumps({"screens": [{"name": "S", "x": 0, "y": 0, **size, "logicalDpi": 96}]}))
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            "QT_SCALE_FACTOR": str(scale),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
            "CORRIDOR_MAP_DATA_DIR": str(Path(tmp) / "data"),
        }
        run = subprocess.run(
            [sys.executable, "-m", "tests.ui.clip_walk", str(width), str(height), "en,zh"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=280,
            check=False,
        )
    lines = [line for line in run.stdout.splitlines() if line.startswith("CLIP-RESULT ")]
    assert lines, run.stderr[-3000:]
    return json.loads(lines[-1].removeprefix("CLIP-RESULT "))


@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, 1), (683, 384, 2)])
def test_no_text_is_cut(width: int, height: int, scale: int) -> None:
    found = _walk(width, height, scale)
    assert set(found) == {"en", "zh"}
    assert found == {"en": [], "zh": []}, "\n".join(f"{lang}: {o}" for lang, v in found.items() for o in v)


def test_the_splash_is_light_text_on_dark_blue() -> None:
    image = splash_pixmap().toImage()
    band = {image.pixelColor(x, y).name() for x in range(0, SPLASH_SIZE[0], 7) for y in range(268, 300, 3)}
    assert band == {SPLASH_BACKGROUND}  # the status line's band: one opaque colour behind the text
    assert contrast_ratio(QColor(SPLASH_TEXT), QColor(SPLASH_BACKGROUND)) >= 4.5


def test_no_stray_dock_tab_bar_lies_over_a_dock(window: MainWindow) -> None:
    QApplication.processEvents()
    assert stray_tab_bars(window) == []
    window.restoreState(window.saveState())  # (Qt 6.12 leaves one more on every restore)
    wait_until(lambda: not stray_tab_bars(window), 5)
    assert window.filters_dock.isVisible() or window.ranking_dock.isVisible()


def test_the_status_message_follows_the_language(window: MainWindow) -> None:
    window._on_page_ready()  # the page's "ready": "Map ready" for 5 s
    assert window.statusBar().currentMessage() == "Map ready"
    window.set_language("zh")
    try:
        assert wait_until(lambda: window.statusBar().currentMessage() == "地图已就绪", 5)  # (LanguageChange
    finally:  # is an event: it comes a moment later)
        window.set_language("en")
    assert wait_until(lambda: window.statusBar().currentMessage() == "Map ready", 5)


def test_ilstc_is_spelt_out_in_the_route_tooltips_and_the_glossary(window: MainWindow) -> None:
    comparison = window.route_dock.comparison
    window.route_dock.raise_()  # (a panel behind another's tab is brought up to date when it is shown)
    window.state.select(["THA"])
    wait_until(lambda: comparison.tree.topLevelItemCount() > 0, 10)
    tips = [comparison.tree.topLevelItem(i).toolTip(0) for i in range(comparison.tree.topLevelItemCount())]
    ilstc = [tip for tip in tips if tip.startswith("ILSTC")]
    assert ilstc and all("International Land-Sea Trade Corridor (ILSTC)" in tip for tip in ilstc)
    window.state.select([])
    about = AboutDialog(window)
    text = about.text.toPlainText()
    assert "Glossary" in text and "International Land-Sea Trade Corridor (ILSTC" in text
    assert all(term in text for term in ("Beibu Gulf", "NEV", "TEU"))
    about.deleteLater()
