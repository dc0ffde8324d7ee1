"""How long quitting takes: from the quit (key or signal) to the last of the app's processes gone.

    python bench/bench_quit.py [--runs N]

Each run starts the real app (``bench/quit_driver.py``), waits for the map, sets a state and quits; the
figure is the time from the quit to the end of the whole process group (QtWebEngine's processes too).
Prints the median and the slowest per state. ``tests/test_quit.py`` only checks a hang bound.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.quit_driver import quit_once

CASES = [("idle", "ctrl_q"), ("export_dialog", "ctrl_q"), ("kiosk", "sigterm"), ("import", "ctrl_q"),
         ("playback", "ctrl_q"), ("about", "sigterm")]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    logs = Path(tempfile.mkdtemp(prefix="bench-quit-"))
    print(f"{'state + quit':28s} {'median s':>9s} {'slowest s':>10s}")
    for state, method in CASES:
        times = []
        for n in range(runs):
            seconds, note = quit_once(state, method, logs / f"{state}-{method}-{n}.log", 60.0)
            if seconds is None:
                print(f"{state} + {method}: {note}")
                return 1
            times.append(seconds)
        print(f"{state + ' + ' + method:28s} {statistics.median(times):9.2f} {max(times):10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
