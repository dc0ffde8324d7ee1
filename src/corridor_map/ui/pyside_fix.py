"""Work around a reference leak of PySide6 6.12.0 (abi3 wheel) on Python < 3.12.

Every PySide call that returns ``None`` (``setText``, ``processEvents``, ``parent()`` of an orphan…)
drops one reference to ``None`` (repro: ``python -c`` loop over ``QObject().setObjectName`` and watch
``sys.getrefcount(None)``). ``None`` is mortal before Python 3.12, so after some 25,000 such calls the
interpreter aborts with "Fatal Python error: none_dealloc" — minutes of use at a trade fair. Python
3.12+ makes ``None`` immortal; on 3.11 we give it enough references to never reach zero.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 40  # at a million leaked references a second, 12 days of uptime
_applied = False


def make_none_immortal() -> bool:
    """Apply the workaround once (no-op on Python 3.12+); True if it was applied now."""
    global _applied  # noqa: PLW0603
    if _applied or sys.version_info >= (3, 12):
        return False
    for singleton in (None, True, False):  # Signal.emit drops a reference to True (bool_dealloc)
        ctypes.c_ssize_t.from_address(id(singleton)).value += _EXTRA_REFERENCES
    _applied = True
    return True
