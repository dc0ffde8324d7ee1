"""PySide6 6.12.0 on Python 3.11 drops a reference to ``True`` on every ``SignalInstance.emit``.

``True`` is mortal before Python 3.12: after about as many emits from Python as ``True`` has references
(a few thousand: minutes of clicking, or a kiosk tour left running), the interpreter aborts with
"Fatal Python error: bool_dealloc". The 5,000-action monkey run hit it after ~4,000 actions, in
``ImportReportDialog.retranslate`` (``headerDataChanged.emit``). ``corridor_map.ui`` already makes
``None`` immortal for the sibling leak; ``True``/``False`` need the same. Run in a child process:
the failure is an abort, not an exception.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

SCRIPT = textwrap.dedent(
    """
    import sys
    import corridor_map.ui  # applies the app's PySide6 workarounds
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        changed = Signal(int)

    app = QCoreApplication([])
    emitter = Emitter()
    before = sys.getrefcount(True)
    for i in range(min(3 * before + 10_000, 200_000)):  # more emits than a mortal True has references
        emitter.changed.emit(i)
    print("survived", before)
    """
)


def test_emitting_qt_signals_from_python_never_exhausts_true() -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode == 0 and "survived" in result.stdout, result.stderr[-800:]
