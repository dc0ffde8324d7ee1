"""``python -m corridor_map``."""

import sys

from corridor_map.cli import main

sys.exit(main())
