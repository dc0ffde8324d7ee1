"""Start the real app (``corridor_map.cli.main``), put it in a state, and quit it as a person or the system
does. Used by ``tests/test_quit.py`` (the process must end) and ``bench/bench_quit.py`` (how fast).

    python -m bench.quit_driver STATE METHOD

STATE: idle, export_dialog, kiosk, import, playback, about, report.
METHOD: ctrl_q (the key, into the window), esc_confirm_ctrl_q (exhibition mode: Esc, Leave, Ctrl+Q),
sigterm (a shutdown or kill), sigint (Ctrl+C in the terminal).
Prints ``READY <time>`` once the state is set and ``QUIT <time>`` right before the quit (``time.time()``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 180.0

STATES = ("idle", "export_dialog", "kiosk", "import", "playback", "about", "report")
METHODS = ("ctrl_q", "esc_confirm_ctrl_q", "sigterm", "sigint")


def _say(word: str) -> None:
    print(f"{word} {time.time():.4f}", flush=True)


def _big_sales_file() -> Path:
    """A sales CSV large enough that its import is still running when the quit comes (~60 MB)."""
    path = Path(tempfile.gettempdir()) / "corridor-map-quit-big-sales.csv"
    if not path.exists() or path.stat().st_size < 50_000_000:
        row = "THA,Changan,NEV,2024,3,12\n"
        with path.open("w", encoding="utf-8") as fh:
            fh.write("country,brand,powertrain,year,month,units\n")
            fh.write(row * 2_500_000)
    return path


def _bad_file() -> Path:
    path = Path(tempfile.gettempdir()) / "corridor-map-quit-bad-sales.csv"
    path.write_text("country,brand,powertrain,year,units\nZZZ,Changan,NEV,2024,x\n", encoding="utf-8")
    return path


def arrange(window: Any, state: str, method: str) -> None:
    """Put the window in ``state``, then quit it by ``method`` (timers keep the event loop running)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    def ctrl_q() -> None:  # the key goes where a keyboard's goes: the focus widget of the active window
        window.activateWindow()
        QApplication.processEvents()
        target = QApplication.focusWidget() or window
        _say("QUIT")
        QTest.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

    def quit_now() -> None:
        if method == "sigterm":
            _say("QUIT")
            os.kill(os.getpid(), signal.SIGTERM)
        elif method == "sigint":
            _say("QUIT")
            os.kill(os.getpid(), signal.SIGINT)
        elif method == "esc_confirm_ctrl_q":
            QTest.keyClick(window, Qt.Key.Key_Escape)  # exhibition mode asks before it leaves
            QTimer.singleShot(300, window.kiosk.confirm.btn_leave.click)
            QTimer.singleShot(800, ctrl_q)
        else:
            ctrl_q()

    if state == "export_dialog":
        window.show_export_dialog()
    elif state == "kiosk":
        window.kiosk.enter()
    elif state == "import":
        window.data_actions.flow.import_file(_big_sales_file(), "sales")
    elif state == "playback":
        window.filters_dock.playback.step_ms = 150
        window.filters_dock.playback.play()
    elif state == "report":
        window.data_actions.flow.import_file(_bad_file(), "sales")
    if state == "about":  # a modal dialog: its own event loop runs until the quit
        QTimer.singleShot(400, lambda: (_say("READY"), quit_now()))
        QTimer.singleShot(0, window.show_about)
        return
    QApplication.processEvents()
    _say("READY")
    QTimer.singleShot(400, quit_now)


# ---- the parent's side: run the driver and time the quit ----------------------------------------
def group_members(pgid: int) -> list[int]:
    """The processes still in process group ``pgid`` (the app and the QtWebEngine processes it started)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def quit_once(state: str, method: str, log: Path, bound_s: float) -> tuple[float | None, str]:
    """Run one start–arrange–quit; (seconds from the quit to the last process gone, or None, and a note)."""
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.quit_driver", state, method],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            start_new_session=True,  # its own process group: the web engine's processes are counted too
        )
    quit_at = None
    deadline = time.monotonic() + START_TIMEOUT_S
    assert proc.stdout is not None
    while quit_at is None and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("QUIT "):
            quit_at = float(line.split()[1])
    if quit_at is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None, f"never reached the quit (exit code {proc.returncode}); see {log}"
    try:
        proc.wait(timeout=max(0.1, quit_at + bound_s - time.time()))
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None, f"still running {bound_s:.0f} s after the quit"
    while group_members(proc.pid) and time.time() < quit_at + bound_s:
        time.sleep(0.05)
    left = group_members(proc.pid)
    if left:
        os.killpg(proc.pid, signal.SIGKILL)
        return None, f"the app exited but {len(left)} of its processes kept running"
    if proc.returncode != 0:
        return None, f"ended with exit code {proc.returncode} (see {log})"
    return time.time() - quit_at, "exit code 0"


# ---- the child's side -------------------------------------------------------------------------
def main(state: str, method: str) -> int:
    from corridor_map.ui import main_window

    start_map = main_window.MainWindow.start_map
    done: list[bool] = []

    def start_and_arrange(self: Any) -> None:
        def ready() -> None:
            if not done:
                done.append(True)
                arrange(self, state, method)

        self.mapReady.connect(ready)
        start_map(self)

    main_window.MainWindow.start_map = start_and_arrange  # type: ignore[method-assign]
    from corridor_map.cli import main as cli_main

    return cli_main([])


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in STATES or sys.argv[2] not in METHODS:
        sys.exit(f"usage: python -m bench.quit_driver {{{','.join(STATES)}}} {{{','.join(METHODS)}}}")
    sys.exit(main(sys.argv[1], sys.argv[2]))
