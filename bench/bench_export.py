"""PNG export speed: ``corridor-map export`` against the floor of the stack, and a 3840×2160 export.

    PYTHONPATH=src /work/venv/bin/python bench/bench_export.py [--runs 7] [--floor FLOOR.py]

1. Whole process, wall clock, 1600×900 at scale 1, alternated in one run after one warm-up of each
   (the warm-up also builds the cached export page); medians and ratios:
   - ``export``: ``python -m corridor_map export OUT.png --sample``;
   - ``page``: the app's own export page loaded, painted and grabbed by a bare view, no data and no
     export logic (what the page itself costs);
   - ``floor``: ``/work/shared/floor/floor.py OUT.png 1600 900`` (Python + Qt + QtWebEngine + Leaflet
     drawing Natural Earth 110m countries + a PNG).
   Hard limit export/floor ≤ 2.0×, goal ≤ 1.3×. Also the whole process for a 3840×2160 export.
2. A 3840×2160 picture in a process whose export view is already loaded (the dialog's and
   ``export-batch``'s case), from the request to the PNG on disk; as 3840×2160 at 1× and as 1920×1080
   at 2×, median of 3. Goal ≤ 2 s.

Prints figures; asserts nothing (speed is not a test).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_sources

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
DEFAULT_FLOOR = Path("/work/shared/floor/floor.py")


def run(command: list[str]) -> float:
    """Wall time of a process; it must succeed."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    result = subprocess.run(command, check=False, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    return seconds


PAGE_FLOOR = """
import os, sys
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication
if os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
app = QApplication(sys.argv[:1])
view = QWebEngineView()
view.resize(1600, 900)
def grab(n):
    img = view.grab().toImage()
    seen = {img.pixelColor(x * img.width() // 17, y * img.height() // 10).name()
            for x in range(1, 17) for y in range(1, 10)}
    if len(seen) < 3 and n < 4000:
        QTimer.singleShot(5, lambda: grab(n + 1))
        return
    img.save(sys.argv[2])
    sys.stdout.flush()
    os._exit(0)
view.loadFinished.connect(lambda ok: grab(0))
view.load(QUrl.fromLocalFile(sys.argv[1]))
view.show()
app.exec()
"""


def export_page_path() -> Path:
    sys.path.insert(0, str(SRC))
    from corridor_map.paths import user_cache_dir
    from corridor_map.ui.export.page_cache import export_page

    return export_page(user_cache_dir())


def whole_process(runs: int, floor: Path, out: Path) -> None:
    export = [sys.executable, "-m", "corridor_map", "export", str(out / "export.png"), "--sample"]
    floor_cmd = [sys.executable, str(floor), str(out / "floor.png"), "1600", "900"]
    run(export)  # warm-up: builds the export page once, fills the OS file cache
    run(floor_cmd)
    page_script = out / "page_floor.py"
    page_script.write_text(PAGE_FLOOR, encoding="utf-8")
    page_cmd = [sys.executable, str(page_script), str(export_page_path()), str(out / "page.png")]
    run(page_cmd)
    times: dict[str, list[float]] = {"export": [], "floor": [], "page": []}
    for _ in range(runs):
        times["floor"].append(run(floor_cmd))
        times["page"].append(run(page_cmd))
        times["export"].append(run(export))
    floor_median = statistics.median(times["floor"])
    export_median = statistics.median(times["export"])
    print(f"whole process, 1600×900, {runs} alternated runs each (seconds)")
    for name, values in times.items():
        print(
            f"  {name:7s} median {statistics.median(values):.2f}  runs "
            + " ".join(f"{v:.2f}" for v in values)
        )
    page_median = statistics.median(times["page"])
    added = export_median - page_median
    print(f"  page/floor = {page_median / floor_median:.2f}×; the export adds {added:.2f} s to its page")
    ratio = export_median / floor_median
    verdict = (
        "goal met" if ratio <= 1.3 else ("within the hard limit" if ratio <= 2.0 else "OVER the hard limit")
    )
    print(f"  ratio export/floor = {ratio:.2f}× ({verdict}; hard limit 2.0×, goal 1.3×)")
    four_k = [sys.executable, "-m", "corridor_map", "export", str(out / "4k.png"), "--sample",
              "--width", "3840", "--height", "2160"]  # fmt: skip
    values = [run(four_k) for _ in range(3)]
    print(f"  whole process, 3840×2160: median {statistics.median(values):.2f} s")


def warm_session_4k(repeats: int, out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(SRC))
    from corridor_map.core.dataset import load_sample
    from corridor_map.paths import geo_dir, resources_dir, user_cache_dir
    from corridor_map.state import AppState
    from corridor_map.ui.composition import start_qt
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession, export_blocking, save_png, wait_for
    from corridor_map.ui.export.spec import ExportSpec
    from corridor_map.ui.web import shared_tripwire

    start_qt("en", headless=True)
    session = ExportSession(shared_tripwire([resources_dir(), geo_dir()]))
    session.load(export_page(user_cache_dir()))
    session.attach(AppState(load_sample()), "en")
    if not wait_for(lambda: session.is_ready, 120):
        raise SystemExit("the export page did not load")
    export_blocking(session, ExportSpec(width=800, height=450))  # the first frame after load
    print(f"3840×2160 in a warm process (request → PNG on disk), {repeats} runs each")
    for label, spec in (
        ("3840×2160 @1×", ExportSpec(width=3840, height=2160, scale=1, title="Corridor Map")),
        ("1920×1080 @2×", ExportSpec(width=1920, height=1080, scale=2, title="Corridor Map")),
    ):
        values = []
        renders = []
        for i in range(repeats):
            started = time.perf_counter()
            composition = export_blocking(session, spec)
            rendered = time.perf_counter()
            save_png(composition.image, out / f"warm-{i}.png")
            values.append(time.perf_counter() - started)
            renders.append(rendered - started)
            # alternate with a small export so every 4K run resizes the view, like a fresh request
            export_blocking(session, ExportSpec(width=800, height=450))
        total, render = statistics.median(values), statistics.median(renders)
        runs = " ".join(f"{v:.2f}" for v in values)
        parts = f"render+compose {render:.2f} s, save {total - render:.2f} s"
        print(f"  {label}: median {total:.2f} s ({parts}); runs {runs}")
    session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--floor", type=Path, default=DEFAULT_FLOOR)
    parser.add_argument("--skip-process", action="store_true", help="only the warm 4K figure")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    compile_sources(SRC)  # (as an installed app has them: bench/bytecode.py)
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        out = Path(tmp)
        if not args.skip_process:
            whole_process(args.runs, args.floor, out)
        warm_session_4k(3, out)
    sys.stdout.flush()
    os._exit(0)  # skip Chromium's slow teardown; every figure is printed


if __name__ == "__main__":
    main()
