"""Run a benchmark as the packaged app would run it, without pyarrow (``packaging/build-linux.sh``
leaves it out of the bundle, so pandas keeps text as Python strings and the readers take their other
paths): ``python bench/without_pyarrow.py SCRIPT [ARGS…]`` or ``… -m MODULE [ARGS…]``."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path


def main() -> None:
    """Make ``import pyarrow`` fail, as where it is not installed, then run SCRIPT (or MODULE) as
    ``__main__``."""
    sys.modules["pyarrow"] = None  # type: ignore[assignment]
    if sys.argv[1] == "-m":
        module, *args = sys.argv[2:]
        sys.argv = [module, *args]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return
    script, *args = sys.argv[1:]
    sys.argv = [script, *args]
    sys.path.insert(0, str(Path(script).resolve().parent))
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
