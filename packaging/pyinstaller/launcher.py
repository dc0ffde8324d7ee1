"""Entry script of the frozen app: the same ``main`` as the ``corridor-map`` console script.

``CORRIDOR_MAP_IMPORT_CHECK=PySide6.QtPdf,PySide6.QtPrintSupport corridor-map`` imports those modules
inside the bundle, prints ``imported: ...`` and exits (0, or 1 with the error): packaging/release-check.sh
checks with it that what the app imports only on demand (the export dialog's PDF preview) was bundled.
"""

import os
import sys


def _import_check(names: str) -> int:
    import importlib

    try:
        for name in names.split(","):
            importlib.import_module(name.strip())
    except ImportError as error:
        print(f"import check failed: {error}", file=sys.stderr)
        return 1
    print("imported:", names)
    return 0


if __name__ == "__main__":
    if os.environ.get("CORRIDOR_MAP_IMPORT_CHECK"):
        sys.exit(_import_check(os.environ["CORRIDOR_MAP_IMPORT_CHECK"]))
    from corridor_map.cli import main

    sys.exit(main())
