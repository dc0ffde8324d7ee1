"""Ship the choropleth classes of the bundled sample: ``python packaging/prewarm_sample_classes.py``.

Writes ``resources/choropleth_cache/*.json`` (a few KB) for the filter combinations a visitor is likely
to reach with the sample (see ``core.choropleth_prewarm``), so the app never imports mapclassify (2 s,
130 MB) for them. Rerun after the sample data changes; a test checks the files are current.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from corridor_map.core.choropleth_prewarm import prewarm  # noqa: E402
from corridor_map.core.dataset import load_sample  # noqa: E402

TARGET = ROOT / "resources" / "choropleth_cache"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        count = prewarm(load_sample(), tmp, bundled=False)
        if TARGET.exists():
            shutil.rmtree(TARGET)
        shutil.copytree(Path(tmp) / "choropleth", TARGET)
    print(f"{count} filter combinations, {len(list(TARGET.glob('*.json')))} class files in {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
