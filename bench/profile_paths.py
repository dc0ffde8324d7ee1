"""Where the time of a selection and a restyle goes: ``python bench/profile_paths.py [N] [--json OUT]``.

The real window on the sample, the same three events as ``bench_linked.py`` (a click fired on a country
in the page, a mouse click on a ranking row, a change of the year filter), each cut into its parts:

- **page → Python**: from the page's click (``performance.timeOrigin + now()``) to the bridge's slot
  in Python (the same machine's clock on both sides);
- **Python, per subscriber**: each callback of the shared state's events (the map's presenter, each
  panel), timed where ``Event.emit`` calls it;
- **Qt, panels' layout and paint**: the posted events (layout requests, update requests) sent at once
  after the state's callbacks, which is what the event loop would do next;
- **page, per ``CM`` function**: each call's own time in the page (``performance.now()`` around it)
  and from its end to the next animation frame (the browser's style, layout and paint of the change);
- the rest of the end-to-end figure is the IPC to the page and the answer of the round trip that ends
  each measurement.

Prints one table per event (median and p95 per part, over N events) and writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _window import open_window, percentiles, run_js, settle, wait_until

# The page functions Python calls (ui/page_api.py), wrapped: each outermost call's own time, and the time
# from the first call of an event to the next animation frame after the last (style, layout, paint).
PAGE_TIMERS = """
(function () {
  if (window.__cmTimed) { return 1; }
  window.__cmTimed = true; window.__cmT = {}; window.__cmFrame = null;
  var depth = 0, first = null;
  %s.forEach(function (name) {
    var f = CM[name];
    if (typeof f !== 'function') { return; }
    CM[name] = function () {
      var t0 = performance.now();
      if (first === null) { first = t0; window.__cmFrame = null; }
      depth += 1;
      try { return f.apply(this, arguments); } finally {
        depth -= 1;
        if (!depth) {
          (window.__cmT[name] = window.__cmT[name] || []).push(performance.now() - t0);
          requestAnimationFrame(function () { if (first !== null) {
            window.__cmFrame = performance.now() - first; first = null; } });
        }
      }
    };
  });
  return 1;
})()
"""
CALLED = [
    "setSelection",
    "fitCountries",
    "showRoutes",
    "setChoropleth",
    "setFlows",
    "filterDealers",
    "setDataLabel",
    "focusDealer",
    "setYearBadge",
    "setLanguage",
    "setDealers",
    "showPortCard",
]


def _name(callback: Callable[..., Any]) -> str:
    """A readable name of a subscriber: its owner's class and method, or a lambda's file and line."""
    waiting = getattr(callback, "dock", None)  # (a panel's refresh for when it is on screen)
    if waiting is not None:
        return f"{type(waiting).__name__} (refresh when on screen)"
    owner = getattr(callback, "__self__", None)
    if owner is not None:
        return f"{type(owner).__name__}.{callback.__name__}"
    code = getattr(callback, "__code__", None)
    if code is not None and callback.__name__ == "<lambda>":
        where = f"{Path(code.co_filename).name}:{code.co_firstlineno}"
        return f"{callback.__qualname__.split('.')[0]} (lambda, {where})"
    return getattr(callback, "__qualname__", repr(callback))


QT_PAINT = "Qt: panels' layout and paint"
PANELS = "state changed → panels repainted (the Python parts and Qt's)"


class Recorder:
    """Collects the parts of the event being measured (``start``/``finish``)."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = defaultdict(float)
        self.events: dict[str, list[dict[str, float]]] = defaultdict(list)

    def start(self) -> None:
        self.parts = defaultdict(float)

    def add(self, part: str, ms: float) -> None:
        self.parts[part] += ms

    def finish(self, kind: str, total_ms: float) -> None:
        self.parts["end to end"] = total_ms
        self.parts[PANELS] = sum(
            ms for name, ms in self.parts.items() if name.startswith("Python:") or name == QT_PAINT
        )
        self.events[kind].append(dict(self.parts))


def instrument(window: Any, recorder: Recorder) -> None:
    """Time every state subscriber, the posted events after the state changed, and the page slot."""
    from PySide6.QtCore import QCoreApplication

    from corridor_map.events import Event

    def timed_emit(self: Event[Any], value: Any) -> None:
        for callback in list(self._callbacks):
            started = time.perf_counter()
            callback(value)
            recorder.add(f"Python: {_name(callback)}", (time.perf_counter() - started) * 1000)

    Event.emit = timed_emit  # type: ignore[method-assign]
    state = window.state
    for method in ("toggle", "select", "set_filters"):
        original = getattr(state, method)

        def wrapped(*args: Any, _original: Callable[..., Any] = original, **kwargs: Any) -> Any:
            outer = not getattr(state, "_cm_in", False)
            if outer:
                state._cm_in = True
                recorder.add("Python: slot entered at (epoch ms)", time.time() * 1000)
            try:
                return _original(*args, **kwargs)
            finally:
                if outer:
                    state._cm_in = False
                    started = time.perf_counter()
                    QCoreApplication.sendPostedEvents()
                    QCoreApplication.sendPostedEvents()
                    recorder.add(QT_PAINT, (time.perf_counter() - started) * 1000)

        setattr(state, method, wrapped)


def page_parts(window: Any, recorder: Recorder) -> None:
    """The page's timings of the calls made since the last time, added to the recorder."""
    frame = wait_until(
        lambda: run_js(
            window,
            "JSON.stringify(Object.keys(window.__cmT).length === 0 ? [0] :"  # (no call: no change)
            " window.__cmFrame === null ? 0 : [window.__cmFrame])",
        )
    )
    timings = run_js(window, "JSON.stringify(window.__cmT)")
    run_js(window, "window.__cmT = {}; window.__cmFrame = null; 1")
    for name, entries in timings.items():
        recorder.add(f"page: CM.{name}", sum(entries))
    recorder.add("page: from its first call to the frame after its last", float(frame[0]))


def measure(events: int) -> dict[str, list[dict[str, float]]]:
    window = open_window()
    window.presenter.fly = False
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    recorder = Recorder()
    instrument(window, recorder)
    run_js(window, PAGE_TIMERS % json.dumps(CALLED))
    sales = window.state.dataset.sales
    codes = sorted(sales["iso3"].astype(str).unique())

    for k in range(events):  # map → panels
        code = codes[k % len(codes)]
        settle(window)
        run_js(window, "window.__cmT = {}; window.__cmFrame = null; 1")
        recorder.start()
        started = time.perf_counter()
        clicked_at = run_js(
            window,
            f"(function () {{ var t = performance.timeOrigin + performance.now();"
            f" CM.layers.countries.getLayers().filter(l => l.feature.properties.iso3 === '{code}')[0]"
            f".fire('click', {{}}); return t; }})()",
        )
        wait_until(lambda c=code: window.state.selection == {c})
        run_js(window, "CM.describe().selected")
        total = (time.perf_counter() - started) * 1000
        entered = recorder.parts.pop("Python: slot entered at (epoch ms)", 0.0)
        recorder.add("bridge: page click → Python slot", entered - float(clicked_at))
        page_parts(window, recorder)
        recorder.finish("map → panels", total)

    view = window.ranking_dock.view
    rows = min(view.model().rowCount(), 40)
    for k in range(events):  # panel → map
        index = view.model().index(k % rows, 1)
        view.scrollTo(index)
        point: QPoint = view.visualRect(index).center()
        settle(window)
        run_js(window, "window.__cmT = {}; window.__cmFrame = null; 1")
        recorder.start()
        started = time.perf_counter()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        clicked = (time.perf_counter() - started) * 1000
        run_js(window, "CM.describe().selected")
        total = (time.perf_counter() - started) * 1000
        recorder.parts.pop("Python: slot entered at (epoch ms)", None)
        recorder.add("Qt: the mouse click, the table's selection and the state (whole)", clicked)
        page_parts(window, recorder)
        recorder.finish("panel → map", total)

    first, last = int(sales["year"].min()), int(sales["year"].max())
    for k in range(events):  # filter restyle
        year = first + k % (last - first + 1)
        settle(window)
        run_js(window, "window.__cmT = {}; window.__cmFrame = null; 1")
        recorder.start()
        started = time.perf_counter()
        window.state.update_filters(years=(year, year))
        run_js(window, "CM.describe().restyles")
        total = (time.perf_counter() - started) * 1000
        recorder.parts.pop("Python: slot entered at (epoch ms)", None)
        page_parts(window, recorder)
        recorder.finish("filter restyle", total)
    return recorder.events


def table(kind: str, samples: list[dict[str, float]]) -> list[str]:
    """A markdown table of the parts of ``kind``: median and p95 over the events (a part missing in an
    event counts 0 there)."""
    names = sorted({n for s in samples for n in s}, key=lambda n: (n != "end to end", n != PANELS, n))
    lines = [f"| {kind}: part | p50 ms | p95 ms |", "|---|---:|---:|"]
    for name in names:
        p50, p95 = percentiles([s.get(name, 0.0) for s in samples])
        if name != "end to end" and p95 < 0.05:
            continue
        shown = f"**{name}**" if name in ("end to end", PANELS) else name
        lines.append(f"| {shown} | {p50:.1f} | {p95:.1f} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", nargs="?", type=int, default=100)
    parser.add_argument("--json", type=Path, help="write the tables and the samples here")
    args = parser.parse_args()
    events = measure(args.events)
    tables = {kind: table(kind, samples) for kind, samples in events.items()}
    for lines in tables.values():
        print("\n".join(lines) + "\n")
    if args.json:
        args.json.write_text(json.dumps({"events": args.events, "tables": tables, "samples": events}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
