"""The window paints its large fills on the GUI thread; the headless commands keep Qt's thread pool.

Qt's raster engine hands a blended fill of 96 lines or more to its GUI thread pool and waits for it
(``ui.app.keep_fills_on_gui_thread``). Whether it does is decided once per process, at the first such
fill, so each case runs in a fresh Python process started through the app's composition root, paints a
fill like a Fusion scroll bar's (a gradient, 1,000 lines) and lists its threads. Linux (/proc).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads listed from /proc")

PAINT_AND_LIST_THREADS = """
import json, sys
from pathlib import Path
from corridor_map.ui.composition import start_qt
start_qt("en", headless=sys.argv[1] == "headless")
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
image = QImage(300, 1000, QImage.Format.Format_ARGB32_Premultiplied)
gradient = QLinearGradient(0, 0, 300, 0)
gradient.setColorAt(0, QColor("steelblue"))
gradient.setColorAt(1, QColor("white"))
painter = QPainter(image)
painter.fillRect(image.rect(), gradient)
painter.end()
print(json.dumps([Path(t, "comm").read_text().strip() for t in Path("/proc/self/task").iterdir()]))
"""


def threads_after_a_tall_fill(mode: str, tmp_path: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-c", PAINT_AND_LIST_THREADS, mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    names: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return names


def test_the_window_paints_a_tall_fill_without_qt_s_thread_pool(tmp_path: Path) -> None:
    names = threads_after_a_tall_fill("window", tmp_path)
    assert "Thread (pooled)" not in names, names


def test_a_headless_command_keeps_qt_s_thread_pool_for_its_large_images(tmp_path: Path) -> None:
    """The control: the same fill in a headless start is shared with Qt's pool threads."""
    names = threads_after_a_tall_fill("headless", tmp_path)
    assert "Thread (pooled)" in names, names
