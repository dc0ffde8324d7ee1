"""Quitting always ends the process: twenty quits in a row, in varied states, none left running.

Each run starts the real app (``bench/quit_driver.py`` runs ``corridor_map.cli.main``), waits for the map,
puts it in a state (export dialog open, exhibition mode, a large import running, playback, a modal
dialog, an import report) and quits it with the key, a shutdown signal or Ctrl+C in the terminal.
The bound is a hang bound, not a speed goal (quit times are measured by ``bench/bench_quit.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.quit_driver import quit_once

pytestmark = [pytest.mark.gui, pytest.mark.slow]

HANG_BOUND_S = 5.0

CASES = [
    ("idle", "ctrl_q"), ("idle", "sigterm"), ("idle", "sigint"),
    ("export_dialog", "ctrl_q"), ("export_dialog", "sigterm"),
    ("kiosk", "sigterm"), ("kiosk", "esc_confirm_ctrl_q"),
    ("import", "ctrl_q"), ("import", "sigterm"),
    ("playback", "ctrl_q"), ("playback", "sigint"),
    ("about", "sigterm"), ("about", "sigint"),
    ("report", "sigterm"), ("report", "sigint"),
    ("idle", "ctrl_q"), ("export_dialog", "ctrl_q"), ("kiosk", "sigterm"), ("import", "ctrl_q"),
    ("playback", "ctrl_q"),
]  # fmt: skip


def test_twenty_quits_in_a_row_end_every_process(tmp_path: Path) -> None:
    failures, times = [], []
    for n, (state, method) in enumerate(CASES):
        seconds, note = quit_once(state, method, tmp_path / f"{n:02d}-{state}-{method}.log", HANG_BOUND_S)
        if seconds is None:
            failures.append(f"{state} + {method}: {note}")
        else:
            times.append(seconds)
    assert failures == [], f"{len(failures)} of {len(CASES)} quits failed:\n" + "\n".join(failures)
    assert len(times) == len(CASES)
