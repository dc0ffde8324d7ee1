"""Work around PySide6 6.12.0: a reference leak on Python < 3.12, and an import hook that reads sources.

Every PySide call that returns ``None`` (``setText``, ``processEvents``, ``parent()`` of an orphan…)
drops one reference to ``None`` (repro: ``python -c`` loop over ``QObject().setObjectName`` and watch
``sys.getrefcount(None)``). ``None`` is mortal before Python 3.12, so after some 25,000 such calls the
interpreter aborts with "Fatal Python error: none_dealloc" — minutes of use at a trade fair. Python
3.12+ makes ``None`` immortal; on 3.11 we give it enough references to never reach zero.
"""

from __future__ import annotations

import ctypes
import sys
import types

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


def skip_source_reading() -> bool:
    """Stop PySide6's import hook from reading the source of every module imported after PySide6.

    The hook (``shibokensupport/feature.py``, PYSIDE-2029) looks for the word "PySide6" in each new
    module's source (``inspect.getsource``) to learn which modules may switch on ``from __feature__
    import snake_case``, which this app never does. Every source read stays in ``linecache``: from a
    source install, 800 files (pandas, numpy, geopandas…) and ~40 MB of heap, and 150 ms of the imports
    after PySide6 (measured: 690 → 535 ms; a packaged app's modules have no source, nothing is read).
    Here a module uses PySide when one of its globals comes from PySide6, found without reading files.
    True if the hook was there to change.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010  (PySide6's own module, not typed)
    return True


def uses_pyside(module: types.ModuleType) -> bool:
    """Whether a module holds a PySide6 module, class or function among its globals (no attribute of
    anything else is looked up: a lazy object's lookup could import or raise)."""
    for value in list(vars(module).values()):
        name: object
        if isinstance(value, types.ModuleType):
            name = value.__name__
        elif isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
            name = getattr(value, "__module__", None)
        else:
            continue
        if isinstance(name, str) and name.startswith(("PySide6", "shiboken6")):
            return True
    return False
