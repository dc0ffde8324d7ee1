"""Screenshot of many dealers and the export flows: ``python docs/make_dealers_screenshot.py [N]``.

Loads N seeded synthetic dealers (default 100,000; see bench/bench_dealers.py) into the real window,
headless, frames Southeast Asia and writes docs/img/dealers-flows.png once two grabs agree.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="cm-shot-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from _window import open_window, run_js, settle, wait_until
from bench_dealers import synthetic_dealers

OUT = Path(__file__).resolve().parent / "img" / "dealers-flows.png"


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    window = open_window()
    for dock in (window.ranking_dock, window.filters_dock, window.dealers_dock, window.views_dock):
        dock.hide()
    dealers = synthetic_dealers(count)
    dataset = replace(window.state.dataset, dealers=dealers)
    window.presenter._push_dealers(dataset)
    wait_until(lambda: run_js(window, "CM.describe()")["dealers"]["total"] == count)
    window.state.select({"THA"})
    run_js(window, "CM.map.fitBounds([[-12, 88], [32, 128]], {animate: false}); 1")
    last = None
    while True:
        settle(window)
        image = window.grab().toImage()
        if image == last:
            break
        last = image
    image.save(str(OUT))
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
