"""One benchmark harness for Corridor Map: ``python bench/run.py [--json OUT] [--quick]``.

Measures on the real stack and prints one table:
- the floor of the stack (``shared/floor/floor.py``, or ``bench/floor.py`` when that is absent) and
  ``corridor-map export`` as a ratio to it, alternated in one run, medians;
- GUI cold start to a painted, interactive map (``corridor-map --smoke-test``, whole process), as a
  ratio to the floor, and the memory of all the app's processes together at that moment (PSS), also
  without pyarrow, as the packaged app has it (``bench/without_pyarrow.py``), on the desktop platform
  (xcb, under Xvfb when it is installed: the splash is shown there, not offscreen), and of the packaged
  app itself when ``packaging/build-linux.sh`` has built it (``dist/corridor-map``);
- selection and restyle latency (p50/p95), 100,000 and 1,000,000 dealers shown, 1,000,000 sales rows
  imported and aggregated (also as the packaged app reads them, without pyarrow), a 3840×2160 export
  and an A3 PDF export.
Writes the table and the machine it ran on to docs/benchmarks.md. Benchmarks are not tests.
``--soak`` adds the soak benchmark (``bench/soak.py``: a trade-fair day in miniature, 2,000 actions,
20–40 minutes) and its "Soak" section and curve (docs/img/soak.png); ``--soak-only`` runs only that.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bytecode import compile_sources
from memory import pss_mb

ROOT = Path(__file__).resolve().parent.parent
FLOOR = next(
    (p for p in (ROOT.parent / "shared" / "floor" / "floor.py", ROOT / "bench" / "floor.py") if p.is_file()),
    None,
)
PACKAGED = ROOT / "dist" / "corridor-map" / "corridor-map"  # packaging/build-linux.sh's bundle, when built
ENV = {
    **os.environ,
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
}
if hasattr(os, "geteuid") and os.geteuid() == 0:
    ENV["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
BUNDLE_ENV = {k: v for k, v in ENV.items() if k != "PYTHONPATH"}  # (the bundle runs its own code)


def timed(
    cmd: list[str], env: dict[str, str] | None = None, sample_memory: bool = False
) -> tuple[float, float]:
    """Wall time of a whole process (s), to its exit, and, optionally, the peak PSS of its process tree
    (MB), sampled every 50 ms by another thread (the time was once taken at a 50 ms polling step: up to
    50 ms too long, more for the shorter floor than for the app)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env or ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = [0.0]
    ended = threading.Event()

    def sample() -> None:
        while not ended.is_set():
            peak[0] = max(peak[0], pss_mb(proc.pid))
            ended.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True) if sample_memory else None
    if sampler:
        sampler.start()
    proc.communicate()
    elapsed = time.perf_counter() - started
    ended.set()
    if sampler:
        sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}")
    return elapsed, peak[0]


@contextlib.contextmanager
def x_server() -> Iterator[str | None]:
    """An X server (Xvfb) for the desktop platform's start, as a person's desktop runs the app (the
    splash is shown there, not on the offscreen platform); None without Xvfb."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    display = f":{random.randint(90, 490)}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1)
        yield display if server.poll() is None else None
    finally:
        server.terminate()
        server.wait()


def own_home(env: dict[str, str], under: Path) -> dict[str, str]:
    """``env`` with a home directory of its own under ``under`` (settings, caches, data, log): another
    platform's window leaves other sizes and views in the settings, which the other runs would read."""
    home = under / "desktop-home"
    dirs = {
        "XDG_CONFIG_HOME": ".config",
        "XDG_CACHE_HOME": ".cache",
        "XDG_DATA_HOME": ".local/share",
        "XDG_STATE_HOME": ".local/state",
    }
    return {**env, "HOME": str(home), **{name: str(home / path) for name, path in dirs.items()}}


def app(*args: str) -> list[str]:
    return [sys.executable, "-m", "corridor_map", *args]


def sub_bench(script: str, args: list[str], json_flag: bool = False, without_pyarrow: bool = False) -> dict:
    """Run ``bench/script`` and read the figures it wrote; ``without_pyarrow``: as the packaged app has
    it (``bench/without_pyarrow.py``)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = Path(out.name)
    env = {**ENV, "CM_BENCH_JSON": str(path)}
    extra = ["--json", str(path)] if json_flag else []
    wrapper = [str(ROOT / "bench" / "without_pyarrow.py")] if without_pyarrow else []
    subprocess.run(
        [sys.executable, *wrapper, str(ROOT / "bench" / script), *args, *extra],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return json.loads(path.read_text())


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = (
        int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
        / 1024
        / 1024
    )
    load = os.getloadavg()[0]
    return (
        f"{platform.node()}: {cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, load average {load:.1f} at start"
    )


SOAK_HEADING = "## Soak"


BEFORE_AFTER_HEADING = "## Before and after"  # written by hand from two runs (docs/benchmarks.md)


def soak_section(doc: Path, heading: str = SOAK_HEADING) -> str:
    """The section ``heading`` of ``doc`` as it is ("" when there is none): kept when the short run
    rewrites the file (the soak's, and the before-and-after comparison)."""
    text = doc.read_text(encoding="utf-8") if doc.is_file() else ""
    start = text.find("\n" + heading + "\n")
    if start < 0:
        return ""
    end = text.find("\n## ", start + 1)
    return text[start + 1 : end + 1 if end >= 0 else len(text)].rstrip("\n") + "\n"


def run_soak(doc: Path, actions: int, max_minutes: float) -> None:
    """The soak benchmark: its table printed, its section put into ``doc`` (replacing the old one)."""
    from soak import section

    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = Path(out.name)
    extra = ["--max-minutes", str(max_minutes)] if max_minutes else []
    on = machine()
    subprocess.run(  # its progress shown (a sample every 50 actions); Chromium's noise not
        [
            sys.executable,
            str(ROOT / "bench" / "soak.py"),
            "--actions",
            str(actions),
            *extra,
            "--json",
            str(path),
        ],
        env=ENV,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    result = json.loads(path.read_text())
    body = f"{SOAK_HEADING}\n\nMachine: {on}\n\n{section(result)}"
    print(body)
    text = doc.read_text(encoding="utf-8") if doc.is_file() else "# Benchmarks\n"
    old = soak_section(doc)
    text = text.replace(old, body) if old else text.rstrip("\n") + "\n\n" + body
    doc.write_text(text, encoding="utf-8")


def packaged_check_data(repeat: int) -> dict[str, float]:
    """``corridor-map check-data`` of the packaged app itself on 1,000,000 sales rows (``bench_import.py``'s
    clean and messy files), whole process, median seconds by style."""
    from bench_import import make_csv

    medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for style in ("clean", "messy"):
            path = Path(tmp) / f"sales_{style}.csv"
            make_csv(path, 1_000_000, style)
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                done = subprocess.run(
                    [str(PACKAGED), "check-data", "--sales", str(path)],
                    env=BUNDLE_ENV,
                    capture_output=True,
                    check=False,
                )
                times.append(time.perf_counter() - started)
                if done.returncode not in (0, 1):  # (1: some rows refused, as the messy file has)
                    raise RuntimeError(f"check-data exited {done.returncode}: {done.stderr[-500:]!r}")
            medians[style] = statistics.median(times)
    return medians


def first_exports(out: Path, rounds: int) -> tuple[list[float], list[float], list[float]]:
    """``corridor-map export`` for a user who never ran the app (an empty cache): with the map pages a
    package ships (``mapgen.prebuilt``, built here as the build scripts do), without them, and a later
    export of the same user; alternated, ``rounds`` each."""
    prebuilt = out / "prebuilt"
    made = subprocess.run(  # (an app from before mapgen.prebuilt has none: its first export builds)
        [sys.executable, "-m", "corridor_map.mapgen.prebuilt", str(prebuilt)],
        env=ENV,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if made.returncode != 0:
        print("no mapgen.prebuilt in this app: its first export builds the page", file=sys.stderr)
    first, bare, later = [], [], []
    for k in range(rounds):
        user = {**ENV, "CORRIDOR_MAP_CACHE_DIR": str(out / f"user{k}"), PREBUILT: str(prebuilt)}
        first.append(timed(app("export", str(out / f"first{k}.png")), env=user)[0])
        later.append(timed(app("export", str(out / f"later{k}.png")), env=user)[0])
        if k < 3:  # (each builds the page: tens of seconds)
            unbuilt = {**ENV, "CORRIDOR_MAP_CACHE_DIR": str(out / f"bare{k}"), PREBUILT: str(out / "none")}
            bare.append(timed(app("export", str(out / f"bare{k}.png")), env=unbuilt)[0])
    return first, bare, later


PREBUILT = "CORRIDOR_MAP_PREBUILT_DIR"
PROFILE_HEADING = "## Where the time goes"


def profile_section(events: int) -> str:
    """``bench/profile_paths.py``'s tables: each event's parts, median and p95."""
    result = sub_bench("profile_paths.py", [str(events)], json_flag=True)
    body = [
        PROFILE_HEADING,
        "",
        f"`bench/profile_paths.py {events}`: the events of the latency rows above, each cut into its parts "
        "(the Python callbacks of the shared state by subscriber, Qt's layout and paint of the panels, "
        "the page's `CM` functions timed with `performance.now()` and the time to the frame after them). "
        "The **state changed → panels repainted** row is the issue's map → panels measure (bridge call "
        "received → last panel repainted); the end-to-end figure also holds the page's click and the "
        "round trips that end each measurement. Instrumented, so a little slower than the rows above.",
        "",
    ]
    for lines in result["tables"].values():
        body += [*lines, ""]
    return "\n".join(body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write every figure here too")
    parser.add_argument("--rounds", type=int, default=5, help="alternated floor/app runs (default 5)")
    parser.add_argument("--quick", action="store_true", help="fewer events and no 1,000,000-point runs")
    parser.add_argument("--soak", action="store_true", help="also the soak benchmark (20–40 minutes)")
    parser.add_argument("--soak-only", action="store_true", help="only the soak benchmark")
    parser.add_argument("--soak-actions", type=int, default=2000, help="the soak's actions (default 2000)")
    parser.add_argument("--soak-max-minutes", type=float, default=0, help="stop the soak early (0: never)")
    args = parser.parse_args()
    if args.soak_only:
        run_soak(ROOT / "docs" / "benchmarks.md", args.soak_actions, args.soak_max_minutes)
        return 0
    compile_sources(ROOT / "src")  # (as an installed app has them: bench/bytecode.py)
    rows: list[tuple[str, str, str]] = []
    figures: dict[str, object] = {"machine": machine(), "date": dt.date.today().isoformat()}
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        out = Path(tmp)
        timed(app("export", str(out / "warm.png")))  # build the page cache once
        floor, export, start, memory, start_packaged, memory_packaged = [], [], [], [], [], []
        start_bundle: list[float] = []
        memory_bundle: list[float] = []
        start_desktop: list[float] = []
        desktop = stack.enter_context(x_server())
        desktop_env = None
        if desktop is not None:
            desktop_env = own_home({**ENV, "QT_QPA_PLATFORM": "xcb", "DISPLAY": desktop}, out)
            timed(app("--smoke-test"), env=desktop_env)  # (its own home: the page built, its settings kept)
        as_packaged = [sys.executable, str(ROOT / "bench" / "without_pyarrow.py"), "-m", "corridor_map"]
        for k in range(args.rounds):  # alternated, so load changes hit both alike
            if FLOOR:
                floor.append(timed([sys.executable, str(FLOOR), str(out / f"floor{k}.png")])[0])
            export.append(timed(app("export", str(out / f"e{k}.png")))[0])
            t, peak = timed(app("--smoke-test"), sample_memory=True)
            start.append(t)
            memory.append(peak)
            t, peak = timed([*as_packaged, "--smoke-test"], sample_memory=True)
            start_packaged.append(t)
            memory_packaged.append(peak)
            if desktop_env is not None:
                start_desktop.append(timed(app("--smoke-test"), env=desktop_env)[0])
            if PACKAGED.is_file():
                t, peak = timed([str(PACKAGED), "--smoke-test"], env=BUNDLE_ENV, sample_memory=True)
                start_bundle.append(t)
                memory_bundle.append(peak)
        f50 = statistics.median(floor) if floor else float("nan")
        e50, s50 = statistics.median(export), statistics.median(start)
        rows += [
            ("floor (Qt + WebEngine + Leaflet, 110m countries, PNG)", f"{f50:.2f} s", "—"),
            (
                "corridor-map export 1600×900",
                f"{e50:.2f} s",
                f"{e50 / f50:.2f}× floor (limit 2.0×, goal 1.3×)",
            ),
            ("GUI cold start to painted, interactive map", f"{s50:.2f} s", f"{s50 / f50:.2f}× floor"),
            (
                "  the same without pyarrow, as the packaged app has it",
                f"{statistics.median(start_packaged):.2f} s",
                f"{statistics.median(start_packaged) / f50:.2f}× floor",
            ),
            (
                "  the same on a desktop platform (xcb, Xvfb), with its splash",
                f"{statistics.median(start_desktop):.2f} s" if start_desktop else "not measured (no Xvfb)",
                f"{statistics.median(start_desktop) / f50:.2f}× floor" if start_desktop else "—",
            ),
            (
                "memory, all processes (PSS, sample data)",
                f"{statistics.median(memory):.0f} MB",
                "goal ≤ 450 MB",
            ),
            (
                "  the same without pyarrow, as the packaged app has it",
                f"{statistics.median(memory_packaged):.0f} MB",
                "goal ≤ 450 MB",
            ),
        ]
        if start_bundle:
            b50 = statistics.median(start_bundle)
            rows += [
                (
                    "  the packaged app itself (dist/corridor-map), cold start",
                    f"{b50:.2f} s",
                    f"{b50 / f50:.2f}× floor",
                ),
                (
                    "  the packaged app itself, memory",
                    f"{statistics.median(memory_bundle):.0f} MB",
                    "goal ≤ 450 MB",
                ),
            ]
            figures.update(bundle_start_s=b50, bundle_memory_mb=statistics.median(memory_bundle))
        figures.update(
            floor_s=f50,
            export_s=e50,
            export_ratio=e50 / f50,
            start_s=s50,
            memory_mb=statistics.median(memory),
            start_without_pyarrow_s=statistics.median(start_packaged),
            memory_without_pyarrow_mb=statistics.median(memory_packaged),
            start_desktop_s=statistics.median(start_desktop) if start_desktop else None,
        )
        k4 = [
            timed(app("export", str(out / f"4k{k}.png"), "--width", "3840", "--height", "2160"))[0]
            for k in range(3)
        ]
        rows.append(("3840×2160 export (whole process)", f"{statistics.median(k4):.2f} s", "goal ≤ 2 s"))
        figures["export_4k_s"] = statistics.median(k4)
        first, first_bare, later = first_exports(out, args.rounds)
        rows.append(
            (
                "first export after install / a later one (fresh user, pages from the package)",
                f"{statistics.median(first):.2f} s / {statistics.median(later):.2f} s",
                f"{statistics.median(first) / statistics.median(later):.2f}× (goal ≤ 2×)",
            )
        )
        rows.append(
            (
                "  first export with no page built before (a source checkout)",
                f"{statistics.median(first_bare):.2f} s",
                "—",
            )
        )
        figures.update(
            first_export_s=statistics.median(first),
            first_export_unbuilt_s=statistics.median(first_bare),
            later_export_s=statistics.median(later),
        )
        timed(app("export", str(out / "warm.pdf"), "--paper", "A3"))  # the vector page's cache, once
        a3 = [timed(app("export", str(out / f"a3-{k}.pdf"), "--paper", "A3"))[0] for k in range(args.rounds)]
        spread = f"{min(a3):.2f}–{max(a3):.2f}"
        rows.append(
            (
                "PDF A3 export (whole process, vector)",
                f"{statistics.median(a3):.2f} s ({spread})",
                "goal ≤ 3 s",
            )
        )
        figures["export_pdf_a3_s"] = statistics.median(a3)
    sheets = sub_bench("bench_factsheets.py", [], json_flag=True)
    rows.append(
        (
            f"fact sheets, --all on the sample ({sheets['sheets']} sheets, {sheets['pages']} pages)",
            f"{sheets['whole_s']:.1f} s; first {sheets['first_s']:.2f} s, "
            f"then {sheets['later_p50_s']:.2f} s each",
            "goal ≤ 1 s a sheet after the first",
        )
    )
    figures["factsheets"] = sheets
    linked = sub_bench("bench_linked.py", ["50" if args.quick else "200"])
    for name, value in linked["latency"].items():
        goal = "goal p95 ≤ 33 ms" if "restyle" in name else "goal p95 ≤ 16 ms"
        rows.append(
            (
                f"{name} latency (p50 / p95, {linked['events']} events)",
                f"{value['p50_ms']:.1f} / {value['p95_ms']:.1f} ms",
                goal,
            )
        )
    figures["latency"] = linked
    profile = profile_section(40 if args.quick else 100)
    sizes = ["100000"] if args.quick else ["100000", "1000000"]
    dealers = sub_bench("bench_dealers.py", sizes)
    for size, value in dealers.items():
        goal = "goal ≤ 1 s" if size == "100000" else "goal ≤ 5 s"
        rows.append(
            (
                f"{int(size):,} dealers shown (data in Python → drawn, interactive)",
                f"{value['shown_s']:.2f} s",
                goal,
            )
        )
        rows.append(
            (
                f"  re-cluster on pan/zoom ({int(size):,}), p50 / p95",
                f"{value['recluster_p50_ms']:.0f} / {value['recluster_p95_ms']:.0f} ms",
                "—",
            )
        )
    figures["dealers"] = dealers
    sales = sub_bench(
        "bench_import.py", ["--rows", "1000000", "--repeat", "1" if args.quick else "3"], json_flag=True
    )
    rows.append(
        (
            "1,000,000 sales rows imported + aggregated (clean / messy)",
            f"{sales['clean_import_aggregate_s']:.2f} / {sales['messy_import_aggregate_s']:.2f} s",
            "goal ≤ 3 s",
        )
    )
    figures["sales"] = sales
    packaged = sub_bench(
        "bench_import.py",
        ["--rows", "1000000", "--repeat", "1" if args.quick else "3"],
        json_flag=True,
        without_pyarrow=True,
    )
    rows.append(
        (
            "  the same as the packaged app reads them (no pyarrow)",
            f"{packaged['clean_import_aggregate_s']:.2f} / {packaged['messy_import_aggregate_s']:.2f} s",
            "goal ≤ 3 s",
        )
    )
    figures["sales_without_pyarrow"] = packaged
    office = sub_bench("bench_office_xlsx.py", ["--repeat", "1" if args.quick else "3"], json_flag=True)
    rows.append(
        (
            "200,000-row office workbook checked (load_table / check-data)",
            f"{office['load_table_s']:.2f} / {office['check_data_s']:.2f} s",
            "goal ≤ 5 s",
        )
    )
    figures["office_xlsx"] = office
    office_packaged = sub_bench(
        "bench_office_xlsx.py", ["--repeat", "1" if args.quick else "3"], json_flag=True, without_pyarrow=True
    )
    rows.append(
        (
            "  the same workbook's load_table as the packaged app has it (no pyarrow)",
            f"{office_packaged['load_table_s']:.2f} s",
            "goal ≤ 5 s",
        )
    )
    figures["office_xlsx_without_pyarrow"] = office_packaged
    if PACKAGED.is_file():
        bundle = packaged_check_data(1 if args.quick else 3)
        rows.append(
            (
                "  the packaged app itself: check-data of 1,000,000 rows, whole process",
                f"{bundle['clean']:.2f} / {bundle['messy']:.2f} s",
                "goal ≤ 3 s (reading and checking)",
            )
        )
        figures["bundle_check_data_s"] = bundle
    width = max(len(r[0]) for r in rows)
    table = [f"| {'measure':{width}s} | figure | against |", f"|{'-' * (width + 2)}|---|---|"]
    table += [f"| {name:{width}s} | {value} | {note} |" for name, value, note in rows]
    print("\n".join(table))
    print(f"\nmachine: {figures['machine']}")
    doc = ROOT / "docs" / "benchmarks.md"
    kept = "\n".join(filter(None, (soak_section(doc, BEFORE_AFTER_HEADING), soak_section(doc))))
    doc.write_text(
        "# Benchmarks\n\nThe latest run of `python bench/run.py` "
        "(benchmarks are not tests: they print figures).\n\n"
        f"Date: {figures['date']}  \nMachine: {figures['machine']}\n\n"
        + "\n".join(table)
        + "\n\n"
        + profile
        + ("\n" + kept if kept else ""),
        encoding="utf-8",
    )
    if args.soak:
        run_soak(doc, args.soak_actions, args.soak_max_minutes)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
