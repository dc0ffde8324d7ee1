"""Fact sheets for every country with sales in the sample: ``python bench/bench_factsheets.py [--lang en]``.

Runs ``corridor-map factsheet --all --sample`` as a user would (one process) and prints the whole time,
the first sheet's time (it opens the export page) and the median of the others (goal ≤ 1 s a sheet after
the first), from the command's own progress lines. ``--json FILE`` writes the figures too.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ENV, app

LINE = re.compile(r"^(\d+)/(\d+) (\w{3}) .*\((\d+) pages?, ([\d.]+) s\)$", re.M)


def measure(lang: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        result = subprocess.run(
            app("factsheet", "--all", "--sample", "--lang", lang, "--out", out),
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        )
        whole = time.perf_counter() - started
    sheets = [(m[3], int(m[4]), float(m[5])) for m in LINE.finditer(result.stdout)]
    later = [s for _, _, s in sheets[1:]]
    return {
        "sheets": len(sheets),
        "pages": sum(p for _, p, _ in sheets),
        "whole_s": whole,
        "first_s": sheets[0][2] if sheets else float("nan"),
        "later_p50_s": statistics.median(later) if later else float("nan"),
        "later_max_s": max(later) if later else float("nan"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=["en", "zh", "both"])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures = measure(args.lang)
    print(
        f"{figures['sheets']} sheets ({figures['pages']} pages, {args.lang}) in {figures['whole_s']:.1f} s: "
        f"first {figures['first_s']:.2f} s, later median {figures['later_p50_s']:.2f} s "
        f"(max {figures['later_max_s']:.2f} s; goal ≤ 1 s)"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
