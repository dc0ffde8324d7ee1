"""Where the memory of the window's processes lies, by Chromium's own accounts (its memory-infra dumps).

    python bench/memory_infra.py [--actions 20] [--top 14]

Runs the soak's first ACTIONS actions (``bench/soak.py``, seed 24: exhibition mode, then clicks,
searches, filters, playback) on the real window, headless, then asks every Chromium process for a
detailed memory dump through the DevTools protocol (``bench/trace_export.py``'s tracer) and prints,
per process, its footprint and its largest allocators: V8, malloc, PartitionAlloc, the canvases'
resources, the compositor's, shared memory (a canvas's frames handed to the compositor are shared
memory, counted in both the page's process and the app's, where Chromium's browser side lives). What no
allocator accounts for (e.g. memory a heap keeps after it was freed) is the footprint's rest. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

MEMORY_INFRA = {
    "traceConfig": {
        "includedCategories": ["disabled-by-default-memory-infra"],
        "excludedCategories": ["*"],
        "memoryDumpConfig": {"triggers": []},
    },
    "transferMode": "ReportEvents",
}


def allocators(dump: dict[str, Any]) -> dict[str, float]:
    """The first two levels of a process's allocator tree (``v8``, ``malloc``, ``cc/tile_memory`` …),
    MB; shared memory segments and the global dumps (one per segment) summed, not listed."""
    sizes: dict[str, float] = {}
    for name, node in dump.get("allocators", {}).items():
        size = node.get("attrs", {}).get("size")
        if not size or name.count("/") > 1 or name.startswith(("shared_memory/", "global/")):
            continue
        sizes[name] = int(size["value"], 16) / 2**20
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=20)
    parser.add_argument("--top", type=int, default=14)
    args = parser.parse_args()
    os.environ["QTWEBENGINE_REMOTE_DEBUGGING"] = "127.0.0.1:9339"
    import soak  # (a fair's 1920 × 1080 offscreen screen)
    from _window import open_window
    from corridor_map.ui.export.session import wait_for
    from memory import descendants, pss_mb
    from trace_export import Tracer

    window = open_window()
    window.resize(1600, 900)
    run = soak.Soak(window, random.Random(24), Path(tempfile.mkdtemp(prefix="cm-memory-infra-")))
    done = 0
    while done < args.actions:
        done += run.act(done)[0]
    run.settle()
    pids = descendants(os.getpid())
    print(f"after {done} actions: PSS of all processes {pss_mb(os.getpid()):.0f} MB ({len(pids)} processes)")
    tracer = Tracer()
    tracer.start(MEMORY_INFRA)
    wait_for(lambda: False, 1.0)
    tracer.dump_memory()
    wait_for(lambda: False, 3.0)
    events = tracer.stop()
    names = {
        e["pid"]: e["args"]["name"] for e in events if e.get("ph") == "M" and e.get("name") == "process_name"
    }
    totals: dict[int, dict[str, float]] = {}
    sizes: dict[int, dict[str, float]] = {}
    for event in events:  # (a process's totals and its allocators come in separate events)
        if event.get("ph") != "v":
            continue
        dumps, pid = event["args"]["dumps"], event["pid"]
        for key, value in dumps.get("process_totals", {}).items():
            if isinstance(value, str):
                totals.setdefault(pid, {})[key] = int(value, 16) / 2**20
        sizes.setdefault(pid, {}).update(allocators(dumps))
    for pid, found in sizes.items():
        if not found:
            continue
        name = names.get(pid) or ("the app's (browser side)" if pid == os.getpid() else "?")
        total = totals.get(pid, {})
        print(f"\nprocess {pid} {name}: private footprint {total.get('private_footprint_bytes', 0):.0f} MB, "
              f"peak RSS {total.get('peak_resident_set_size', 0):.0f} MB")  # fmt: skip
        for alloc, mb in sorted(found.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"  {mb:8.1f} MB  {alloc}")
    os._exit(0)  # (the window's teardown is not measured)


if __name__ == "__main__":
    main()
