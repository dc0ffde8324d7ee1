"""Dealers at scale on the real page (issue 7): ``python bench/bench_dealers.py [N …]``.

For each N (default 100,000 and 1,000,000 seeded dealers): time from the data in Python to the points
clustered, drawn and interactive on the page (pack + transfer + index + first draw, acknowledged by a
round trip), then pans and zooms: the whole page's update (every layer re-projects) and, within it, the
dealers' re-cluster and repaint. Goals: 100,000 in <= 1 s, 1,000,000 in <= 5 s.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _window import open_window, percentiles, run_js, settle, wait_until


def synthetic_dealers(count: int, seed: int = 7) -> pd.DataFrame:
    """Dealers scattered around the sample's countries' label points (seeded)."""
    from corridor_map.core.countries import default_index

    rng = np.random.default_rng(seed)
    index = default_index()
    codes = ["THA", "VNM", "MYS", "IDN", "PHL", "SAU", "ARE", "KAZ", "RUS", "BRA", "MEX", "ZAF", "DEU", "GBR"]
    points = np.array([index.label_point(c) for c in codes], dtype=float)
    pick = rng.integers(0, len(codes), count)
    lon = points[pick, 0] + rng.normal(0, 2.0, count)
    lat = np.clip(points[pick, 1] + rng.normal(0, 1.5, count), -80, 80)
    return pd.DataFrame(
        {
            "dealer": [f"Dealer {i}" for i in range(count)],
            "iso3": pd.Categorical(np.array(codes)[pick]),
            "brand": pd.Categorical(rng.choice(["Orion", "Kestrel", "Lanterna", "Meridian"], count)),
            "lat": lat.astype("float64"),
            "lon": lon.astype("float64"),
            "approximate": rng.random(count) < 0.1,
        }
    )


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]
    window = open_window()
    presenter = window.presenter
    report: dict[str, dict[str, float]] = {}
    print(
        f"{'dealers':>10s} {'pack s':>7s} {'shown s':>8s} {'page index ms':>14s} {'pan/zoom p50/p95 ms':>22s}"
        f" {'recluster p50/p95 ms':>22s}"
    )
    for count in sizes:
        dealers = synthetic_dealers(count)
        settle(window)
        started = time.perf_counter()
        from corridor_map.core.dealer_points import pack_dealers

        payload = pack_dealers(dealers)
        packed = time.perf_counter() - started
        window.map_view.call("setDealers", payload)
        shown = wait_until(
            lambda c=count: (d := run_js(window, "CM.describe()")["dealers"])["total"] == c and d
        )
        elapsed = time.perf_counter() - started
        samples, cluster_ms = [], []
        views = [([20, 100], 3), ([15, 101], 6), ([-5, 110], 5), ([45, 60], 4), ([0, 30], 2), ([13, 100], 9)]
        for k in range(30):
            center, zoom = views[k % len(views)]
            settle(window)
            t0 = time.perf_counter()
            ms = run_js(
                window,
                f"CM.map.setView({center}, {zoom}, {{animate: false}}); CM.describeDealers().clusterMs",
            )
            samples.append((time.perf_counter() - t0) * 1000)
            cluster_ms.append(float(ms))
        p50, p95 = percentiles(samples)
        c50, c95 = percentiles(cluster_ms)
        print(
            f"{count:10,d} {packed:7.2f} {elapsed:8.2f} {shown['indexMs']:14.0f} {p50:10.1f} / {p95:7.1f}"
            f" {c50:10.1f} / {c95:7.1f}"
        )
        report[str(count)] = {
            "shown_s": elapsed,
            "pack_s": packed,
            "pan_zoom_p50_ms": p50,
            "pan_zoom_p95_ms": p95,
            "recluster_p50_ms": c50,
            "recluster_p95_ms": c95,
        }
        presenter.push_all()  # back to the dataset's own dealers
    if os.environ.get("CM_BENCH_JSON"):
        Path(os.environ["CM_BENCH_JSON"]).write_text(json.dumps(report))
    print("goals: 100,000 shown in <= 1 s; 1,000,000 in <= 5 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
