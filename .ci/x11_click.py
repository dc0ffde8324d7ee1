"""CI: the app on the real X11 (xcb) platform, clicked by xdotool as a person clicks, checked in its log.

    DISPLAY=:N python .ci/x11_click.py .venv/bin/corridor-map [SCREENSHOT_DIR]

Starts the app as at a first run (fresh settings, data and log folders), waits for its log lines
"map view: …" (where the map is on the screen and what it shows; the last, once no more come), moves
the X pointer to a point inside Kazakhstan and clicks, then waits for "selection: KAZ" in the log.
Then Ctrl+Q, and the process must end within 5 s. Exit 0, or 1 with the step that failed. Standard
library only.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTRY = "KAZ"
# A point in western Kazakhstan, north of the Aral Sea: at the first view's zoom it is clear of the
# sample's dealers and dealer groups (placed at cities and at the country's label point, 49.05 N 68.69 E)
# (a longitude east of the China-centred world's edge, 25° W: the same in both worlds).
POINT = (47.8, 60.5)
VIEW = re.compile(r"map view: centre (\S+),(\S+) zoom (\S+); on screen at (\d+),(\d+) size (\d+)x(\d+)")


def mercator(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """Web Mercator pixel at ``zoom`` (Leaflet's EPSG:3857, 256 px tiles)."""
    scale = 256 * 2**zoom
    s = math.sin(math.radians(max(min(lat, 85.0511287798), -85.0511287798)))
    return scale * (lon + 180) / 360, scale * (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi))


def wait_for(path: Path, pattern: re.Pattern[str] | str, seconds: float, proc: subprocess.Popen) -> re.Match:
    rx = re.compile(pattern) if isinstance(pattern, str) else pattern
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        match = rx.search(text)
        if match:
            return match
        if proc.poll() is not None:
            fail(f"the app exited early (code {proc.returncode})", path)
        time.sleep(0.2)
    fail(f"no log line matching {rx.pattern!r} within {seconds:.0f} s", path)
    raise AssertionError  # (not reached)


def settled_view(path: Path, quiet: float = 3.0, limit: float = 30.0) -> re.Match:
    """The last "map view" line once no new one came for ``quiet`` seconds: the page logs where it
    starts, then where the first run's framing put it."""
    deadline = time.monotonic() + limit
    last, count, since = None, 0, time.monotonic()
    while time.monotonic() < deadline:
        views = list(VIEW.finditer(path.read_text(encoding="utf-8", errors="replace")))
        if len(views) != count:
            last, count, since = views[-1], len(views), time.monotonic()
        elif last is not None and time.monotonic() - since >= quiet:
            return last
        time.sleep(0.2)
    if last is None:
        fail("no map view line in the log", path)
    return last


def fail(message: str, log: Path | None = None) -> None:
    print(f"x11 click FAILED: {message}")
    if log is not None and log.exists():
        print("last log lines:\n" + "\n".join(log.read_text(errors="replace").splitlines()[-15:]))
    sys.exit(1)


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)


def screenshot(folder: Path | None, name: str) -> None:
    if folder is not None and shutil.which("import"):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-window", "root", str(folder / name)], check=False)


def main(app: str, shots: Path | None) -> int:
    home = Path(tempfile.mkdtemp(prefix="cm-x11-"))
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the real desktop platform
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        CORRIDOR_MAP_DATA_DIR=str(home / "data"),
        CORRIDOR_MAP_CACHE_DIR=str(home / "cache"),
        CORRIDOR_MAP_LOG_DIR=str(home / "log"),
    )
    log = home / "log" / "corridor-map.log"
    with (home / "stderr.txt").open("w") as err:
        proc = subprocess.Popen([app], env=env, stdout=err, stderr=subprocess.STDOUT)
    try:
        wait_for(log, VIEW, 180, proc)
        match = settled_view(log)
        lat0, lon0, zoom = (float(v) for v in match.groups()[:3])
        left, top, width, height = (int(v) for v in match.groups()[3:])
        lat, lon = POINT
        cx, cy = mercator(lat0, lon0, zoom)
        px, py = mercator(lat, lon, zoom)
        x, y = round(left + width / 2 + px - cx), round(top + height / 2 + py - cy)
        if not (left < x < left + width and top < y < top + height):
            fail(f"{COUNTRY} ({lat}, {lon}) is outside the map ({x}, {y})", log)
        time.sleep(2)  # the first frames are painted
        screenshot(shots, "0-start.png")
        xdotool("mousemove", str(x), str(y))
        time.sleep(0.5)
        xdotool("click", "1")
        wait_for(log, rf"selection: {COUNTRY}\b", 15, proc)
        time.sleep(1)
        screenshot(shots, f"1-clicked-{COUNTRY}.png")
        print(f"x11 click OK: a real X click at ({x}, {y}) selected {COUNTRY} (log: 'selection: {COUNTRY}')")
        xdotool("key", "ctrl+q")
        quit_at = time.monotonic()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            fail("Ctrl+Q did not end the process within 5 s", log)
        print(f"x11 quit OK: Ctrl+Q ended the process in {time.monotonic() - quit_at:.2f} s")
        return 0
    finally:
        if proc.poll() is None:
            proc.kill()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else None))
