"""Entry script of the frozen app: the same ``main`` as the ``corridor-map`` console script."""

import sys

from corridor_map.cli import main

if __name__ == "__main__":
    sys.exit(main())
