"""The app's modules compiled to bytecode before anything is timed, as an installed app has them.

A wheel's install compiles its modules (pip), the packaged app ships them compiled (PyInstaller), and a
source checkout run on a desktop writes them at its first run. A machine with ``PYTHONDONTWRITEBYTECODE=1``
(this one) never writes them, so every run of the app from the source tree would compile its modules
again, which no user pays: the 119 of them a cold start imports took 233–252 ms to import from source and
125–130 ms from bytecode here (``python -X importtime``, their own time, three runs each).
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path


def compile_sources(src: Path) -> None:
    """Compile every module under ``src`` into its ``__pycache__`` (as the interpreter would write it at
    the first import). Compiling an unchanged tree again only checks timestamps."""
    compileall.compile_dir(os.fspath(src), quiet=1, workers=1)
