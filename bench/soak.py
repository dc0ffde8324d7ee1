"""Soak benchmark (issue 24): a trade-fair day in miniature on the real window, headless.

``python bench/soak.py [--actions N] [--sample-every K] [--json OUT] [--png PATH]`` (``bench/run.py
--soak`` runs it). In cycles of 100 actions: exhibition mode, touring by itself, with visitors' real
clicks on countries (the tour pauses, then resumes after the idle time); then the normal window, used
through real mouse and keyboard input (``corridor_map.ui.real_input``): clicks on countries, searches
typed into the search box, filter changes, playback of the years, Show all; every 250 actions a PNG
export through the Export dialog's export controller; every 500 an import of a sales file (the sample's
sales, other figures) and, 250 later, the revert to the sample. The PSS of all the app's processes (the
Python process holds Chromium's browser side; the renderer is a child) every K actions; Python's own
figures (tracemalloc, gc object counts by type) after the warm-up and at the end. The verdict: growth
after the warm-up of 300 actions (PSS at the end / PSS at action 300 - 1), goal <= 10 %.
"""

from __future__ import annotations

import argparse
import collections
import gc
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a fair's 1920 × 1080 screen
    _screen = Path(tempfile.mkdtemp(prefix="cm-soak-screen-")) / "screen.json"
    _screen.write_text(
        json.dumps({"screens": [{"name": "Fair", "x": 0, "y": 0, "width": 1920, "height": 1080}]})
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from memory import _sum_kb, descendants  # noqa: E402

WARM_UP = 300
GOAL = 0.10
LEVEL_GOAL_MB = 550  # PSS of all processes (issue 24)
CYCLE = 100  # actions per cycle: exhibition mode first, then the normal window
KIOSK_CLICKS = 10
EXPORT_EVERY = 250
IMPORT_EVERY = 500  # the import at 150 (mod 500), the revert at 400
SEARCHES = ["Thailand", "泰国", "VNM", "Kazakhstan", "哈萨克斯坦", "Qinzhou", "钦州", "Russia", "uzb", "zzzq"]


def pss_split(pid: int) -> tuple[float, float]:
    """PSS (MB) of the Python process itself and of all its descendants (renderer, GPU, utility)."""
    pids = descendants(pid)
    own = _sum_kb([pid], "smaps_rollup", "Pss:") / 1024
    return own, _sum_kb(pids, "smaps_rollup", "Pss:") / 1024 - own


def gc_counts() -> collections.Counter[str]:
    return collections.Counter(type(o).__qualname__ for o in gc.get_objects())


def where(traceback: tracemalloc.Traceback) -> str:
    """The allocating line, and the app's own line that led to it (when another one)."""

    def name(frame: tracemalloc.Frame) -> str:
        path = Path(frame.filename)
        short = "/".join(path.parts[-2:]) if "corridor_map" in path.parts else path.name
        return f"{short}:{frame.lineno}"

    inner = traceback[-1]
    ours = next(
        (f for f in reversed(traceback) if "corridor_map" in f.filename or "bench" in f.filename), None
    )
    return name(inner) + (f" ← {name(ours)}" if ours is not None and ours is not inner else "")


def _shape(t: tuple[Any, ...]) -> str:
    return f"({', '.join(type(x).__qualname__ for x in t[:4])}{', …' if len(t) > 4 else ''}) len {len(t)}"


def tuple_shapes() -> collections.Counter[str]:
    """The tracked tuples by the types of their first items (what kind of tuple grows)."""
    return collections.Counter(_shape(o) for o in gc.get_objects() if type(o) is tuple)


def holders(shape: str, sample: int = 300) -> list[tuple[str, int]]:
    """What holds tuples of ``shape`` (the types of their referrers, from a sample)."""
    found = [o for o in gc.get_objects() if type(o) is tuple and _shape(o) == shape][-sample:]
    counter: collections.Counter[str] = collections.Counter()
    for ref in gc.get_referrers(*found):  # (one pass over all objects)
        if ref is found:
            continue
        name = type(ref).__qualname__
        if isinstance(ref, dict) and len(ref) < 50:
            name += " {" + ", ".join(sorted(str(k) for k in list(ref)[:6])) + "}"
        counter[name] += 1
    del found
    return counter.most_common(6)


class Soak:
    """The scripted day; every public method is one action (a user's gesture and what it causes)."""

    def __init__(self, window: Any, rng: random.Random, tmp: Path) -> None:
        from _window import run_js

        self.w = window
        self.rng = rng
        self.tmp = tmp
        self.run_js = run_js
        self.points = self._country_points()
        self.counts: collections.Counter[str] = collections.Counter()
        self.hits = 0
        self.tour_steps = 0
        window.kiosk.tour.stepped.connect(lambda *_: self._count_step())
        from dataclasses import replace

        # a stand's tour, shortened: 1 s a country, back to touring 3 s after the last touch
        window.kiosk.settings = replace(window.kiosk.settings, dwell_ms=1000, idle_ms=3000)
        self.sales_csv = self._sales_file()

    def _count_step(self) -> None:
        self.tour_steps += 1

    # ---- set-up ---------------------------------------------------------------------------------
    def _country_points(self) -> dict[str, tuple[float, float]]:
        """(lat, lon) well inside the largest part of each destination of the sample."""
        from shapely.geometry import shape

        from corridor_map.paths import geo_dir

        codes = set(self.w.state.dataset.sales["iso3"].astype(str))
        data = json.loads((geo_dir() / "countries_50m.geojson").read_text(encoding="utf-8"))
        points: dict[str, tuple[float, float]] = {}
        for feature in data["features"]:
            code = feature["properties"]["iso3"]
            if code not in codes:
                continue
            geom = shape(feature["geometry"])
            part = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
            if part.area < 2:  # too small to hit on the overview
                continue
            p = part.representative_point()
            points[code] = (p.y, p.x)
        return points

    def _sales_file(self) -> Path:
        """The sample's sales as an office user's CSV, the units a little different (new figures)."""
        sales = self.w.state.dataset.sales.drop(columns=["source_row"]).rename(columns={"iso3": "country"})
        sales["units"] = (sales["units"] * 1.1).round().astype(int)
        sales["month"] = sales["month"].astype("Int64").where(sales["month"] > 0)  # 0: a whole year
        path = self.tmp / "sales-2026.csv"
        sales.to_csv(path, index=False)
        return path

    # ---- helpers --------------------------------------------------------------------------------
    def settle(self) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(30)

    def visible_points(self) -> dict[str, tuple[float, float]]:
        """The destinations whose point lies in the map now, clear of controls and markers: page px."""
        from corridor_map.ui.real_input import FRAME_LNG_JS

        js = (
            "(function (pts) { var f = " + FRAME_LNG_JS + ", m = CM.map, s = m.getSize(),"
            " r = m.getContainer().getBoundingClientRect(), out = {};"
            " var over = '.leaflet-control-container, .leaflet-marker-icon, .leaflet-tooltip,"
            " .leaflet-popup';"
            " Object.keys(pts).forEach(function (k) {"
            "  var p = m.latLngToContainerPoint([pts[k][0], f(pts[k][1])]);"
            "  if (p.x < 30 || p.y < 30 || p.x > s.x - 30 || p.y > s.y - 30) return;"
            "  var el = document.elementFromPoint(p.x + r.left, p.y + r.top);"
            "  if (!el || el.closest(over)) return;"
            "  out[k] = [p.x + r.left, p.y + r.top]; });"
            " return JSON.stringify(out); })(" + json.dumps(self.points) + ")"
        )
        found = self.run_js(self.w, js)
        return {k: (float(v[0]), float(v[1])) for k, v in (found or {}).items()}

    # ---- actions --------------------------------------------------------------------------------
    def click_country(self) -> str:
        """A real click on a destination shown on the map (Show all first when none is)."""
        from _window import wait_until
        from corridor_map.ui import real_input

        spots = self.visible_points()
        if not spots:
            self.w.state.show_all()
            self.settle()
            spots = self.visible_points()
        if not spots:
            return "click: no destination in view"
        code = self.rng.choice(sorted(spots))
        real_input.click(self.w.map_view, spots[code])
        try:  # the selection comes back over the bridge
            wait_until(lambda: code in self.w.state.selection, 1.5)
            self.hits += 1
        except TimeoutError:
            pass
        return f"click {code}"

    def search(self) -> str:
        """Typed into the search box (select what is there, type, Enter), as a visitor would."""
        from PySide6.QtCore import Qt

        from corridor_map.ui import real_input

        box = self.w.toolbar.search
        box.setFocus()
        real_input.key(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        text = self.rng.choice(SEARCHES)
        if text.isascii():
            real_input.type_text(box, text)
        else:  # Chinese comes from an input method: its committed text
            from PySide6.QtGui import QInputMethodEvent
            from PySide6.QtWidgets import QApplication

            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(box, event)
        real_input.key(box, Qt.Key.Key_Return)
        box.suggestions_menu.hide()  # (a miss offers the closest names in a menu)
        if box.completer() is not None:
            box.completer().popup().hide()
        self.settle()
        return f"search {text!r}"

    def filter_change(self) -> str:
        """A brand ticked or unticked, a powertrain, a region, or a year moved with the keyboard."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from corridor_map.ui import real_input

        dock = self.w.filters_dock
        kind = self.rng.choice(["brand", "brand", "powertrain", "region", "year", "year"])
        left = Qt.MouseButton.LeftButton
        if kind == "brand" and dock.brand_checks.boxes:
            box = dock.brand_checks.boxes[self.rng.choice(sorted(dock.brand_checks.boxes))]
            QTest.mouseClick(box, left, real_input.NO_MODIFIER, box.rect().center())
            if not any(
                b.isChecked() for b in dock.brand_checks.boxes.values()
            ):  # never leave nothing ticked for long
                b = dock.brand_checks.all_button
                QTest.mouseClick(b, left, real_input.NO_MODIFIER, b.rect().center())
        elif kind == "powertrain":
            button = dock.powertrain_group.button(self.rng.randrange(3))
            QTest.mouseClick(button, left, real_input.NO_MODIFIER, button.rect().center())
        elif kind == "region" and dock.region_combo.count():
            combo = dock.region_combo
            index = self.rng.randrange(combo.count())
            combo.setCurrentIndex(index)
            combo.activated.emit(index)
        else:
            spins = dock.years_box
            spin = self.rng.choice([spins.from_spin, spins.to_spin])
            spin.setFocus()
            real_input.key(spin, self.rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down]))
        self.settle()
        return f"filter {kind}"

    def playback(self) -> str:
        """Play the years (a fast step) with the Play button, to its end or a few years, then Stop."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        dock = self.w.filters_dock
        dock.step_ms = 150
        years = dock.years_box
        years.from_spin.setValue(years.from_spin.minimum())
        years.to_spin.setValue(years.to_spin.maximum())
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(years.play_button, left, none, years.play_button.rect().center())
        QTest.qWait(150 * 4)
        if dock.is_playing:
            QTest.mouseClick(years.stop_button, left, none, years.stop_button.rect().center())
        self.settle()
        return "playback"

    def show_all(self) -> str:
        self.w.toolbar.act_show_all.trigger()
        self.settle()
        return "show all"

    def export_png(self) -> str:
        """File → Export PNG or PDF…, save a 1600 × 900 PNG, close the dialog."""
        from _window import wait_until

        self.w.show_export_dialog()
        dialog = self.w._export_dialog
        out = self.tmp / "export.png"
        out.unlink(missing_ok=True)
        dialog.start("save", out)
        wait_until(
            lambda: (not dialog.progress.isVisible() and out.exists()) or "failed" in dialog.status.text(),
            180,
        )
        dialog.close()
        self.settle()
        return f"export {out.stat().st_size // 1024 if out.exists() else 0} kB"

    def import_sales(self) -> str:
        """File → Import sales (the file chosen), the report's Replace button clicked."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from _window import wait_until

        flow = self.w.data_actions.flow
        flow.import_file(self.sales_csv, "sales")
        wait_until(
            lambda: not flow.busy or flow.report_dialog is not None or flow.mapping_dialog is not None, 120
        )
        if flow.mapping_dialog is not None and flow.busy:
            flow.mapping_dialog.accept()
            wait_until(lambda: not flow.busy or flow.report_dialog is not None, 120)
        if flow.report_dialog is not None and flow.busy:
            report = flow.report_dialog
            button = report.btn_replace if report.btn_replace.isEnabled() else report.btn_cancel
            QTest.mouseClick(
                button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button.rect().center()
            )
        wait_until(lambda: not flow.busy, 120)
        self.settle()
        return f"import -> {flow.outcome}, sample={self.w.state.dataset.is_sample}"

    def revert(self) -> str:
        """File → Revert to sample data, the question answered Yes with a click."""
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QMessageBox

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                yes = box.button(QMessageBox.StandardButton.Yes)
                QTest.mouseClick(
                    yes, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, yes.rect().center()
                )
            else:
                QTimer.singleShot(50, answer)

        QTimer.singleShot(50, answer)
        done = self.w.data_actions.revert_to_sample()
        self.settle()
        return f"revert: {done}"

    # ---- exhibition mode ----------------------------------------------------------------------------
    def kiosk_phase(self) -> int:
        """Exhibition mode: the tour runs, visitors click countries, it resumes; leave. Actions done."""
        from PySide6.QtTest import QTest

        kiosk = self.w.kiosk
        kiosk.enter()
        QTest.qWait(3500)  # touring by itself
        for _ in range(KIOSK_CLICKS):
            self.counts["kiosk click"] += 1
            self.click_country()
        QTest.qWait(kiosk.settings.idle_ms + 2500)  # nobody: the overview, then the tour again
        kiosk.leave()
        self.settle()
        return KIOSK_CLICKS + 2  # the clicks, entering and leaving

    def act(self, done: int) -> tuple[int, str]:
        """The next action after ``done``: exhibition mode at a cycle's start, else one of the normal
        window's; how many actions it counts for, and what it was."""
        if done % CYCLE == 0:
            return self.kiosk_phase(), "exhibition mode phase"
        return 1, self.normal_action(done)

    def normal_action(self, done: int) -> str:
        if done % IMPORT_EVERY == 150:
            return self.import_sales()
        if done % IMPORT_EVERY == 400 and not self.w.state.dataset.is_sample:
            return self.revert()
        if done % EXPORT_EVERY == EXPORT_EVERY - 1:
            return self.export_png()
        action = self.rng.choices(
            [self.click_country, self.search, self.filter_change, self.playback, self.show_all],
            weights=[40, 20, 28, 6, 6],
        )[0]
        return action()


def draw_curve(samples: list[dict[str, float]], out: Path, title: str) -> None:
    """The PSS curve (all processes, the Python process, the renderer and the rest) as a PNG, QPainter."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    width, height, left, right, top, bottom = 1200, 640, 80, 30, 60, 70
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(14)
    p.setFont(font)
    xs = [s["actions"] for s in samples]
    series = [
        ("all processes", "total_mb", QColor("#1f4e79")),
        ("Python process (incl. Chromium's browser side)", "python_mb", QColor("#c0392b")),
        ("renderer, GPU and utility processes", "children_mb", QColor("#27ae60")),
    ]
    y_max = max(s["total_mb"] for s in samples) * 1.1
    x_max = max(xs) or 1
    plot = QRectF(left, top, width - left - right, height - top - bottom)

    def at(x: float, y: float) -> QPointF:
        return QPointF(plot.left() + plot.width() * x / x_max, plot.bottom() - plot.height() * y / y_max)

    p.setPen(QPen(QColor("#dddddd"), 1))
    step = 100 if y_max < 1500 else 200
    for y in range(0, int(y_max) + 1, step):
        p.drawLine(at(0, y), at(x_max, y))
        p.setPen(QColor("#444444"))
        p.drawText(QRectF(0, at(0, y).y() - 9, left - 8, 18), Qt.AlignmentFlag.AlignRight, f"{y}")
        p.setPen(QPen(QColor("#dddddd"), 1))
    x_step = 250 if x_max > 1000 else 50
    for x in range(0, int(x_max) + 1, x_step):
        p.setPen(QColor("#444444"))
        p.drawText(QRectF(at(x, 0).x() - 30, plot.bottom() + 6, 60, 18), Qt.AlignmentFlag.AlignCenter, f"{x}")
    warm = min(WARM_UP, x_max)
    p.setPen(QPen(QColor("#888888"), 1, Qt.PenStyle.DashLine))
    p.drawLine(at(warm, 0), at(warm, y_max))
    p.drawText(at(warm, y_max * 0.97) + QPointF(6, 0), f"after the warm-up ({WARM_UP} actions)")
    base = robust_growth(samples)["min_warm"]  # the floor after the warm-up (an export's page inflates peaks)
    p.setPen(QPen(QColor("#1f4e79"), 1, Qt.PenStyle.DotLine))
    p.drawLine(at(warm, base * (1 + GOAL)), at(x_max, base * (1 + GOAL)))
    p.drawText(at(warm, base * (1 + GOAL)) + QPointF(6, -6), "goal: the floor + 10 %")
    p.drawLine(at(0, LEVEL_GOAL_MB), at(x_max, LEVEL_GOAL_MB))
    p.drawText(at(0, LEVEL_GOAL_MB) + QPointF(6, -6), f"goal: {LEVEL_GOAL_MB} MB")
    legend_x = left + 10.0
    for name, key, color in series:
        p.setPen(QPen(color, 2.5))
        points = [at(s["actions"], s[key]) for s in samples]
        for a, b in itertools.pairwise(points):
            p.drawLine(a, b)
        p.drawLine(QPointF(legend_x, top - 14), QPointF(legend_x + 24, top - 14))
        p.setPen(QColor("#222222"))
        p.drawText(QPointF(legend_x + 30, top - 9), name)
        legend_x += 30 + p.fontMetrics().horizontalAdvance(name) + 30
    p.setPen(QColor("#222222"))
    font.setPixelSize(17)
    font.setBold(True)
    p.setFont(font)
    p.drawText(QPointF(left, 28), title)
    font.setPixelSize(14)
    font.setBold(False)
    p.setFont(font)
    p.drawText(QRectF(plot.left(), height - 28, plot.width(), 20), Qt.AlignmentFlag.AlignCenter, "actions")
    p.save()
    p.translate(18, plot.center().y())
    p.rotate(-90)
    p.drawText(QRectF(-120, -10, 240, 20), Qt.AlignmentFlag.AlignCenter, "PSS, MB")
    p.restore()
    marks = [(EXPORT_EVERY - 1, EXPORT_EVERY, "E"), (150, IMPORT_EVERY, "I"), (400, IMPORT_EVERY, "R")]
    for first, every, letter in marks:  # the exports, imports and reverts, along the bottom
        for x in range(first, int(x_max) + 1, every):
            p.setPen(QPen(QColor("#7f8c8d"), 1))
            p.drawLine(at(x, 0), at(x, 0) + QPointF(0, -10))
            p.drawText(
                QRectF(at(x, 0).x() - 10, plot.bottom() - 28, 20, 16), Qt.AlignmentFlag.AlignCenter, letter
            )
    p.setPen(QColor("#444444"))
    p.drawText(
        QRectF(plot.left(), plot.bottom() - 48, plot.width() - 10, 16),
        Qt.AlignmentFlag.AlignRight,
        "E: PNG export   I: import of a sales file   R: revert to the sample",
    )
    p.setPen(QPen(QColor("#444444"), 1))
    p.drawRect(plot)
    p.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(out))


def curve_title(result: dict[str, Any]) -> str:
    """The growth of the floor (the troughs: an export's hidden page inflates single samples until the
    dialog lets it go) and the level at the end against the 550 MB goal."""
    floor = robust_growth(result["samples"])["min"]
    level = result["pss"]["end"]
    return (
        f"Soak, {result['actions']:,} actions: floor {floor * 100:+.1f} % after {WARM_UP} "
        f"(≤ +10 %: {'met' if floor <= GOAL else 'not met'}); {level:,.0f} MB at the end "
        f"(≤ {LEVEL_GOAL_MB} MB: {'met' if level <= LEVEL_GOAL_MB else 'not met'})"
    )


def robust_growth(samples: list[dict[str, float]], n: int = 5) -> dict[str, float]:
    """Growth less at the mercy of one sample (an export's page lives a while, then Chromium frees it):
    the median and the minimum of the last ``n`` samples against those of the first ``n`` after the
    warm-up; and the peak after the warm-up."""
    after = [s["total_mb"] for s in samples if s["actions"] >= WARM_UP] or [s["total_mb"] for s in samples]
    first, last = after[:n], after[-n:]
    out = {
        "median_warm": statistics.median(first),
        "median_end": statistics.median(last),
        "min_warm": min(first),
        "min_end": min(last),
        "peak": max(after),
    }
    out["median"] = out["median_end"] / out["median_warm"] - 1
    out["min"] = out["min_end"] / out["min_warm"] - 1
    return out


def section(result: dict[str, Any]) -> str:
    """The Soak section of docs/benchmarks.md (Markdown, without its heading)."""
    pss = result["pss"]
    growth = result["growth"]
    robust = robust_growth(result["samples"])
    rows = [
        (
            "actions (scripted) / tour steps by itself",
            f"{result['actions']:,} / {result['tour_steps']:,}",
            "≥ 2,000",
        ),
        ("duration / actions per second", f"{result['duration_s'] / 60:.1f} min / {result['rate']:.2f}", "—"),
        ("PSS, all processes, at the first action", f"{pss['start']:.0f} MB", "—"),
        (f"PSS, all processes, after {WARM_UP} actions", f"{pss['warm']:.0f} MB", "—"),
        (f"PSS, all processes, after {result['actions']:,} actions", f"{pss['end']:.0f} MB", "goal ≤ 550 MB"),
        (
            f"growth after the first {WARM_UP} actions (one sample each)",
            f"{growth['total'] * 100:+.1f} % ({pss['end'] - pss['warm']:+.0f} MB)",
            "—",
        ),
        (
            "  Python process (browser side included)",
            f"{pss['python_warm']:.0f} → {pss['python_end']:.0f} MB",
            "—",
        ),
        (
            "  renderer, GPU, utility processes",
            f"{pss['children_warm']:.0f} → {pss['children_end']:.0f} MB",
            "—",
        ),
        (
            "growth, medians (the last 5 samples / the 5 from action 300 on)",
            f"{robust['median'] * 100:+.1f} % ({robust['median_warm']:.0f} → {robust['median_end']:.0f} MB)",
            "—",
        ),
        (
            "growth of the floor, the verdict (minimum of the same samples)",
            f"{robust['min'] * 100:+.1f} % ({robust['min_warm']:.0f} → {robust['min_end']:.0f} MB)",
            "goal ≤ +10 %",
        ),
        ("peak PSS, all processes, after the warm-up", f"{robust['peak']:.0f} MB", "—"),
        ("  tracemalloc's own memory (in the Python process)", f"{result['tracemalloc_mb']:.0f} MB", "—"),
        ("clicks that selected the country clicked", f"{result['click_hits']}", "—"),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [
        f"The latest `python bench/run.py --soak` ({result['date']}, seed {result['seed']}): exhibition mode"
        " touring",
        "by itself with visitors' clicks, then the window used through real mouse and keyboard input",
        "(clicks on countries, searches typed, filter changes, playback), a PNG export every 250 actions, an",
        "import of a sales file and the revert to the sample every 500. PSS of all processes every "
        f"{result['sample_every']} actions.",
        "The curve: [docs/img/soak.png](img/soak.png). The verdict on growth is the floor's: a PNG export's",
        "hidden page inflates the samples after it until the Export dialog lets it go (20 s after it",
        "closed), so a single sample can be a peak or a trough.",
        "",
        f"| {'measure':{width}s} | figure | against |",
        f"|{'-' * (width + 2)}|---|---|",
    ]
    lines += [f"| {name:{width}s} | {value} | {note} |" for name, value, note in rows]
    lines += ["", f"Python allocations that grew most after action {WARM_UP} (tracemalloc, by line):", ""]
    lines += ["| where | growth | now |", "|---|---|---|"]
    lines += [
        f"| `{t['where']}` | {t['growth_kb']:+,.0f} kB | {t['size_kb']:,.0f} kB |"
        for t in result["tracemalloc"]
    ]
    lines += ["", f"Python objects by type (gc), the 15 that grew most after action {WARM_UP}:", ""]
    lines += [f"| type | at {WARM_UP} | at the end | growth |", "|---|---|---|---|"]
    lines += [f"| `{g['type']}` | {g['warm']:,} | {g['end']:,} | {g['growth']:+,} |" for g in result["gc"]]
    lines += ["", "The tuples that grew most, by the types of their first items:", ""]
    lines += ["| tuple | at the warm-up | at the end |", "|---|---|---|"]
    lines += [f"| `{t['shape']}` | {t['warm']:,} | {t['end']:,} |" for t in result["tuples"]]
    if result["tuples"] and result["tuples"][0]["holders"]:
        held = "; ".join(f"{name} ×{n}" for name, n in result["tuples"][0]["holders"])
        lines += ["", f"Held by (a sample of the first kind's referrers): {held}."]
    return "\n".join(lines) + "\n"


def main() -> int:
    global WARM_UP  # noqa: PLW0603
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--sample-every", type=int, default=50)
    parser.add_argument("--seed", type=int, default=24)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--png", type=Path, default=HERE.parent / "docs" / "img" / "soak.png")
    parser.add_argument("--log", type=Path, help="one line per action")
    parser.add_argument("--max-minutes", type=float, default=0, help="stop early after this long (0: never)")
    parser.add_argument("--warm-up", type=int, default=WARM_UP, help="(shorter for a trial run)")
    parser.add_argument("--redraw", type=Path, help="only draw the curve again from a run's --json file")
    args = parser.parse_args()
    WARM_UP = args.warm_up

    if args.redraw:
        from PySide6.QtGui import QGuiApplication

        _app = QGuiApplication(sys.argv)
        old = json.loads(args.redraw.read_text())
        WARM_UP = old.get("warm_up", WARM_UP)
        draw_curve(old["samples"], args.png, curve_title(old))
        return 0
    from _window import open_window

    window = open_window()
    window.resize(1600, 900)
    tmp = Path(tempfile.mkdtemp(prefix="cm-soak-"))
    soak = Soak(window, random.Random(args.seed), tmp)
    pid = os.getpid()
    samples: list[dict[str, float]] = []
    snapshots: dict[str, Any] = {}
    log = args.log.open("w", encoding="utf-8") if args.log else None

    def sample(done: int) -> None:
        own, children = pss_split(pid)
        tm = tracemalloc.get_tracemalloc_memory() / 2**20
        samples.append(
            {"actions": done, "t_s": time.monotonic() - started, "python_mb": own, "children_mb": children,
             "total_mb": own + children, "tracemalloc_mb": tm}
        )  # fmt: skip
        print(f"{done:5d} actions  {time.monotonic() - started:6.0f} s  PSS {own + children:6.0f} MB "
              f"(python {own:.0f}, children {children:.0f}, tracemalloc {tm:.0f})", flush=True)  # fmt: skip

    tracemalloc.start(8)
    started = time.monotonic()
    done = 0
    sample(0)
    next_sample = args.sample_every
    while done < args.actions and not (
        args.max_minutes and time.monotonic() - started > args.max_minutes * 60
    ):
        counted, text = soak.act(done)
        done += counted
        soak.counts[text.split()[0]] += 1
        if log:
            log.write(f"{done}\t{time.monotonic() - started:.1f}\t{text}\n")
        if done >= WARM_UP and "warm" not in snapshots:
            sample(done)
            snapshots["warm"] = (tracemalloc.take_snapshot(), gc_counts(), done)
            snapshots["tuples"] = tuple_shapes()
            next_sample = done + args.sample_every
        elif done >= next_sample:
            sample(done)
            next_sample += args.sample_every
    if samples[-1]["actions"] != done:
        sample(done)
    duration = time.monotonic() - started
    end_snapshot, end_counts = tracemalloc.take_snapshot(), gc_counts()
    warm_snapshot, warm_counts, warm_at = snapshots.get("warm", (end_snapshot, end_counts, done))
    stats = end_snapshot.compare_to(warm_snapshot, "traceback")
    top = [
        {"where": where(s.traceback), "growth_kb": s.size_diff / 1024, "size_kb": s.size / 1024,
         "count_diff": s.count_diff}
        for s in sorted(stats, key=lambda s: s.size_diff, reverse=True)[:12]
    ]  # fmt: skip
    growth_by_type = sorted(end_counts, key=lambda t: end_counts[t] - warm_counts.get(t, 0), reverse=True)
    gc_rows = [
        {"type": t, "warm": warm_counts.get(t, 0), "end": end_counts[t],
         "growth": end_counts[t] - warm_counts.get(t, 0)}
        for t in growth_by_type[:15]
    ]  # fmt: skip
    end_tuples = tuple_shapes()
    warm_tuples = snapshots.get("tuples", end_tuples)
    grown = sorted(end_tuples, key=lambda k: end_tuples[k] - warm_tuples.get(k, 0), reverse=True)[:5]
    tuple_rows = [
        {
            "shape": k,
            "warm": warm_tuples.get(k, 0),
            "end": end_tuples[k],
            "holders": holders(k) if i == 0 else [],
        }
        for i, k in enumerate(grown)
    ]
    warm = next(s for s in samples if s["actions"] >= warm_at)
    end = samples[-1]
    clicks = soak.counts["click"] + soak.counts["kiosk click"]
    import datetime as dt

    result = {
        "date": dt.date.today().isoformat(),
        "seed": args.seed,
        "warm_up": WARM_UP,
        "actions": done,
        "tour_steps": soak.tour_steps,
        "duration_s": duration,
        "rate": done / duration,
        "sample_every": args.sample_every,
        "pss": {
            "start": samples[0]["total_mb"], "warm": warm["total_mb"], "end": end["total_mb"],
            "python_warm": warm["python_mb"], "python_end": end["python_mb"],
            "children_warm": warm["children_mb"], "children_end": end["children_mb"],
        },
        "growth": {
            "total": end["total_mb"] / warm["total_mb"] - 1,
            "without_tracemalloc": (end["total_mb"] - end["tracemalloc_mb"])
            / (warm["total_mb"] - warm["tracemalloc_mb"]) - 1,
        },
        "tracemalloc_mb": end["tracemalloc_mb"],
        "click_hits": f"{soak.hits} of {clicks}",
        "counts": dict(soak.counts),
        "samples": samples,
        "tracemalloc": top,
        "gc": gc_rows,
        "tuples": tuple_rows,
        "page_loads": window.map_view.load_count,
    }  # fmt: skip
    draw_curve(samples, args.png, curve_title(result))
    print(section(result))
    print(f"actions by kind: {dict(soak.counts)}; page loads: {result['page_loads']}; curve: {args.png}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    if log:
        log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
