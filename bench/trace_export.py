"""Where an export's page spends its time: a Chromium trace of one ``corridor-map export``.

    PYTHONPATH=src python bench/trace_export.py [--out trace.json] [EXPORT ARGS…]
    e.g.  python bench/trace_export.py -- --width 3840 --height 2160

Runs the export in this process with Chromium's DevTools server on 127.0.0.1 (QtWebEngine writes no
``--trace-startup`` file, but it traces through the DevTools protocol), records from the moment the page
is asked for until the picture is grabbed, and prints the page's main-thread tasks over 8 ms, with the
frames in which canvases were handed to the compositor (``ProduceCanvasResource``: a canvas drawn or
sized since the last frame is copied, or rasterised, whole). The trace itself can be opened in
Chromium's ``about:tracing`` or Perfetto. Prints figures; asserts nothing (speed is not a test).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

PORT = 9339
CATEGORIES = (
    "devtools.timeline,v8,v8.execute,blink,cc,toplevel,viz,loading,"
    "disabled-by-default-devtools.timeline,disabled-by-default-v8.gc"
)
SHOWN = ("EvaluateScript", "v8.callFunction", "ProxyMain::BeginMainFrame", "ParseHTML", "Layout", "MajorGC")
PRODUCE = "CanvasResourceProviderSharedImage::ProduceCanvasResource"


class Tracer:
    """Chromium's tracing through the DevTools protocol of this process's QtWebEngine."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.complete = False
        self.socket: Any = None

    def start(self, params: dict[str, Any] | None = None) -> None:
        """Connect and start tracing (``params``: Tracing.start's, the page's timeline by default)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtWebSockets import QWebSocket

        from corridor_map.ui.export.session import wait_for

        found: list[str] = []

        def look() -> None:  # (the server answers from Qt's GUI thread: ask from another one)
            for _ in range(200):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/json/version", timeout=0.5) as r:
                        found.append(json.load(r)["webSocketDebuggerUrl"])
                        return
                except OSError:
                    time.sleep(0.05)

        thread = threading.Thread(target=look)
        thread.start()
        wait_for(lambda: not thread.is_alive(), 20)
        if not found:
            raise SystemExit("Chromium's DevTools server did not answer")
        self.socket = QWebSocket()
        self.socket.textMessageReceived.connect(self._message)
        self.socket.open(QUrl(found[0]))
        wait_for(lambda: self.socket.state().name == "ConnectedState", 10)
        self._send("Tracing.start", params or {"categories": CATEGORIES, "transferMode": "ReportEvents"})
        wait_for(lambda: False, 0.1)  # (Chromium starts recording)

    def stop(self) -> list[dict[str, Any]]:
        from corridor_map.ui.export.session import wait_for

        self._send("Tracing.end")
        wait_for(lambda: self.complete, 30)
        return self.events

    def dump_memory(self) -> None:
        """Ask every process for a detailed memory dump (traced with ``memory-infra`` on)."""
        self._send("Tracing.requestMemoryDump", {"deterministic": True, "levelOfDetail": "detailed"})

    def _send(self, method: str, params: dict[str, Any] | None = None) -> None:
        self.socket.sendTextMessage(json.dumps({"id": 1, "method": method, "params": params or {}}))

    def _message(self, text: str) -> None:
        message = json.loads(text)
        if message.get("method") == "Tracing.dataCollected":
            self.events.extend(message["params"]["value"])
        elif message.get("method") == "Tracing.tracingComplete":
            self.complete = True


def report(events: list[dict[str, Any]]) -> None:
    """The renderer's main-thread tasks over 8 ms, and the canvases each frame handed over."""
    threads = {
        (e["pid"], e["tid"]): e["args"]["name"]
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name"
    }
    mains = [key for key, name in threads.items() if name == "CrRendererMain"]
    for main in mains:
        spans = sorted(
            (e for e in events if (e["pid"], e["tid"]) == main and e.get("ph") == "X" and "dur" in e),
            key=lambda e: e["ts"],
        )
        if not spans:
            continue
        t0, end, tasks = spans[0]["ts"], -1.0, []
        for span in spans:
            if span["ts"] >= end:
                tasks.append(span)
                end = span["ts"] + span["dur"]
        print(f"page process {main[0]}: main-thread tasks over 8 ms (ms from the first)")
        busy, frames = 0.0, 0
        for task in tasks:
            busy += task["dur"] / 1000
            inside = [s for s in spans if task["ts"] <= s["ts"] < task["ts"] + task["dur"]]
            canvases = [round(s["dur"] / 1000, 1) for s in inside if s["name"] == PRODUCE]
            frames += bool(canvases)
            if task["dur"] < 8000:
                continue
            parts: Counter[str] = Counter()
            for s in inside:
                if s["name"] in SHOWN:
                    parts[s["name"]] += s["dur"] / 1000
            what = ", ".join(f"{name} {ms:.0f}" for name, ms in parts.most_common(3))
            handed = f"; {len(canvases)} canvases handed over, ms: {canvases}" if canvases else ""
            print(f"  {(task['ts'] - t0) / 1000:7.0f}  {task['dur'] / 1000:6.1f} ms  [{what}]{handed}")
        print(f"  busy {busy:.0f} ms in all; {frames} frames handed canvases over")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the trace (JSON) here")
    parser.add_argument("export_args", nargs="*", help="after --: arguments of `corridor-map export`")
    args = parser.parse_args()
    os.environ["QTWEBENGINE_REMOTE_DEBUGGING"] = f"127.0.0.1:{PORT}"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from corridor_map.ui.export import renderer

    tracer = Tracer()
    load, finish = renderer.ExportRenderer.load, renderer.ExportRenderer._finish

    def traced_load(self: Any, page: Path) -> None:
        tracer.start()
        load(self, page)

    def traced_finish(self: Any, rendered: Any, message: str) -> None:
        events = tracer.stop()
        if args.out:
            args.out.write_text(json.dumps(events), encoding="utf-8")
        report(events)
        finish(self, rendered, message)

    renderer.ExportRenderer.load = traced_load
    renderer.ExportRenderer._finish = traced_finish
    from corridor_map.cli import main as cli

    out = Path(os.environ.get("TMPDIR", "/tmp")) / "trace_export.png"
    sys.argv = ["corridor-map", "export", str(out), "--sample", *args.export_args]
    cli()


if __name__ == "__main__":
    main()
