"""Selection and restyle latency on the real window (issue 5): ``python bench/bench_linked.py [N]``.

Each event is timed from the input (a click fired on the page, a click on a table row, a filter change)
to the state change plus the page's acknowledgement that it restyled (a round trip queued after the
restyle); the compositor's pixels are excluded: before each event the page draws its last frame.
The map's fly-to animation is off, as it is part of the pixels. Prints p50/p95 in ms over N events.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _window import open_window, percentiles, run_js, settle, wait_until


def main() -> int:
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    window = open_window()
    window.presenter.fly = False
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    sales = window.state.dataset.sales
    codes = sorted(sales["iso3"].astype(str).unique())
    results: dict[str, list[float]] = {"map → panels": [], "panel → map": [], "filter restyle": []}

    for k in range(events):  # map → panels: a click fired on a country in the page
        code = codes[k % len(codes)]
        settle(window)
        started = time.perf_counter()
        run_js(
            window,
            f"CM.layers.countries.getLayers().filter(l => l.feature.properties.iso3 === '{code}')[0]"
            ".fire('click', {}); 1",
        )
        wait_until(lambda c=code: window.state.selection == {c})
        run_js(window, "CM.describe().selected")
        results["map → panels"].append((time.perf_counter() - started) * 1000)

    view = window.ranking_dock.view
    rows = min(view.model().rowCount(), 40)
    for k in range(events):  # panel → map: a mouse click on a ranking row
        row = k % rows
        index = view.model().index(row, 1)
        view.scrollTo(index)
        point: QPoint = view.visualRect(index).center()
        settle(window)
        started = time.perf_counter()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        selected = sorted(window.state.selection)
        run_js(window, "CM.describe().selected")
        results["panel → map"].append((time.perf_counter() - started) * 1000)
        assert selected, "the click selected nothing"

    first, last = int(sales["year"].min()), int(sales["year"].max())
    for k in range(events):  # filter restyle: the year range changes
        year = first + k % (last - first + 1)
        settle(window)
        started = time.perf_counter()
        window.state.update_filters(years=(year, year))
        run_js(window, "CM.describe().restyles")
        results["filter restyle"].append((time.perf_counter() - started) * 1000)

    loads = window.map_view.load_count
    if os.environ.get("CM_BENCH_JSON"):
        summary = {
            name: dict(zip(("p50_ms", "p95_ms"), percentiles(v), strict=True)) for name, v in results.items()
        }
        Path(os.environ["CM_BENCH_JSON"]).write_text(json.dumps({"events": events, "latency": summary}))
    print(f"{'event':18s} {'n':>5s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for name, samples in results.items():
        p50, p95 = percentiles(samples)
        print(f"{name:18s} {len(samples):5d} {p50:8.1f} {p95:8.1f}")
    print(f"page loads during the run: {loads} (1 = never reloaded)")
    print("goals: selection p95 <= 16 ms, restyle p95 <= 33 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
