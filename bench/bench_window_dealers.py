"""A large dealer list in the real window: ``python bench/bench_window_dealers.py [N]`` (default 100,000).

``bench_dealers.py`` times dealers from Python to the page; this times the rest of the window: the sample
with its dealers repeated to N (names made unique) made the active dataset (``state.set_dataset``: every
panel's handler, the Dealers table's reset and sort, until they return and the event loop has turned),
then the Dealers table's filter line typed into and cleared. Prints seconds.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _window import open_window


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    from PySide6.QtWidgets import QApplication

    window = open_window()
    sample = window.state.dataset
    copies = count // len(sample.dealers) + 1
    dealers = pd.concat([sample.dealers] * copies, ignore_index=True).iloc[:count].copy()
    dealers["dealer"] = [f"Dealer {i}" for i in range(count)]
    large = replace(sample, dealers=dealers)

    def turn() -> None:
        for _ in range(3):
            QApplication.processEvents()

    turn()
    started = time.perf_counter()
    window.state.set_dataset(large)
    turn()
    print(f"{count:,} dealers made the active dataset: {time.perf_counter() - started:.2f} s")
    dock = window.dealers_dock
    for text in ("D", "Dealer 12", ""):
        started = time.perf_counter()
        dock.filter_edit.setText(text)
        turn()
        shown = dock.view.model().rowCount()
        print(f"filter line {text!r}: {time.perf_counter() - started:.2f} s, {shown:,} rows shown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
