"""The PySide6 reference leak on None cannot crash the app (see ``corridor_map.ui.pyside_fix``)."""

from __future__ import annotations

import subprocess
import sys


def test_many_void_pyside_calls_do_not_abort_the_interpreter() -> None:
    code = (
        "import corridor_map.ui\n"
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "app = QCoreApplication([])\n"
        "o = QObject()\n"
        "for _ in range(200_000):  # far more than None's references at start\n"
        "    o.setObjectName('x')\n"
        "print('alive')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
