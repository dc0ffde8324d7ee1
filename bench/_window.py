"""Shared set-up for the GUI benchmarks: the real window, headless, with its page live."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="cm-bench-config-"))
os.environ.setdefault("CORRIDOR_MAP_DATA_DIR", tempfile.mkdtemp(prefix="cm-bench-data-"))


def wait_until(predicate: Callable[[], Any], timeout: float = 120.0) -> Any:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        QApplication.processEvents()


def run_js(window: Any, code: str) -> Any:
    box: list[Any] = []
    window.map_view.run_js(code, box.append)
    wait_until(lambda: box)
    value = box[0]
    return json.loads(value) if isinstance(value, str) and value.startswith(("{", "[")) else value


def open_window(dataset: Any = None) -> Any:
    """The main window with the sample (or ``dataset``), shown, its page ready."""
    from corridor_map.core.dataset import load_sample
    from corridor_map.ui.composition import build_app

    window = build_app(language="en", dataset=dataset if dataset is not None else load_sample()).window
    window.resize(1400, 860)
    window.show()
    window.start_map()
    wait_until(lambda: window.map_view.ready)
    wait_until(lambda: run_js(window, "CM.describe()")["choropleth"])
    return window


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def settle(window: Any) -> None:
    """Wait until the page has drawn two more frames (the previous event's pixels are done)."""
    run_js(
        window,
        "window.__cmFrames = 0; requestAnimationFrame(function () {"
        " requestAnimationFrame(function () { window.__cmFrames = 2; }); }); 1",
    )
    wait_until(lambda: run_js(window, "window.__cmFrames") == 2)
