"""Two revisions alternated in one run: ``python bench/compare_revisions.py OLD_TREE [--rounds 3]``.

OLD_TREE is a checkout of the earlier revision (``git worktree add /tmp/before <rev>``); this tree is the
later one. Each round runs, for the old tree and then this one: ``bench_linked.py`` (100 events; this
tree's script, on each tree's code), ``corridor-map --smoke-test`` (GUI cold start, whole process), and
``corridor-map export --sample`` for a user with an empty cache and then again (with the map pages and
checked sample a package ships, ``mapgen.prebuilt``, built once here; an old revision ignores them).
The machine's speed drifts by tens of per cent over minutes; alternating puts both under the same drift.
Prints each round and the medians of the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import compile_sources

HERE = Path(__file__).resolve().parent.parent
KINDS = ("map → panels", "panel → map", "filter restyle")


def run(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="a checkout of the earlier revision")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    trees = {"before": args.old.resolve(), "after": HERE}
    for tree in trees.values():
        compile_sources(tree / "src")  # (both as installed apps have them: bench/bytecode.py)
    base = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        base["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    work = Path(tempfile.mkdtemp(prefix="cm-compare-"))
    prebuilt = work / "prebuilt"
    run(
        [sys.executable, "-m", "corridor_map.mapgen.prebuilt", str(prebuilt)],
        {**base, "PYTHONPATH": str(HERE / "src")},
    )
    results: dict[str, dict[str, list]] = {name: {} for name in trees}
    for k in range(args.rounds):
        for name, tree in trees.items():
            env = {**base, "PYTHONPATH": str(tree / "src")}
            out = work / f"{name}{k}.json"
            linked = [sys.executable, str(HERE / "bench" / "bench_linked.py"), "100"]
            run(linked, {**env, "CM_BENCH_JSON": str(out)})
            got = results[name]
            for kind, value in json.loads(out.read_text())["latency"].items():
                got.setdefault(kind, []).append((value["p50_ms"], value["p95_ms"]))
            got.setdefault("start", []).append(
                run([sys.executable, "-m", "corridor_map", "--smoke-test"], env)
            )
            user = {
                **env,
                "CORRIDOR_MAP_CACHE_DIR": str(work / f"user-{name}{k}"),
                "CORRIDOR_MAP_PREBUILT_DIR": str(prebuilt),
            }
            export = [sys.executable, "-m", "corridor_map", "export", "--sample", str(work / "out.png")]
            got.setdefault("first", []).append(run(export, user))
            got.setdefault("later", []).append(run(export, user))
            print(name, k, {key: values[-1] for key, values in got.items()}, flush=True)
    for name, got in results.items():
        parts = [
            f"{kind} p50 {statistics.median(a for a, _ in got[kind]):.1f} / p95 "
            f"{statistics.median(b for _, b in got[kind]):.1f} ms"
            for kind in KINDS
        ]
        first, later = statistics.median(got["first"]), statistics.median(got["later"])
        print(
            f"{name}: {'; '.join(parts)}; cold start {statistics.median(got['start']):.2f} s; "
            f"first export {first:.2f} s, later {later:.2f} s ({first / later:.2f}×)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
