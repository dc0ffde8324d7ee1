"""Chromium's own log lines go to the app log, never to the terminal (issue 23), in real processes.

Chromium writes them from C++ (and from its child processes) straight to file descriptor 2; the
commands and the window move that descriptor to the log and keep Python's stderr on the terminal.
``CORRIDOR_MAP_NATIVE_STDERR=1`` leaves it alone: the same command then shows what the user used to see.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ui.test_export import cli

pytestmark = [pytest.mark.gui, pytest.mark.slow]

# Qt's and Chromium's own lines on stderr: "[pid:tid:date:ERROR:file.cc(n)] …", the D-Bus and GPU
# complaints, and Qt's graphics fallbacks.
NATIVE = re.compile(
    r"^\[\d+:\d+:|Failed to connect to the bus|GPUInfo not initialized|QRhi|Vulkan|Fallback to software"
)


def native_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if NATIVE.search(line)]


def logged(log_dir: Path) -> str:
    path = log_dir / "corridor-map.log"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def env_for(tmp_path: Path, name: str) -> dict[str, str]:
    return {
        "CORRIDOR_MAP_LOG_DIR": str(tmp_path / name / "log"),
        "CORRIDOR_MAP_CACHE_DIR": str(tmp_path / "c"),
    }


def test_chromium_lines_go_to_the_log_file_and_not_to_the_terminal(tmp_path: Path) -> None:
    args = ("export", "--sample", "--width", "600", "--height", "400")
    before = cli(args[0], str(tmp_path / "a.png"), *args[1:], env={
        **env_for(tmp_path, "before"), "CORRIDOR_MAP_NATIVE_STDERR": "1"})  # fmt: skip
    assert before.returncode == 0, before.stderr[-2000:]
    seen = native_lines(before.stderr)
    if not seen:
        pytest.skip("Chromium prints nothing on this machine: nothing to keep off the terminal")

    after = cli(args[0], str(tmp_path / "b.png"), *args[1:], env=env_for(tmp_path, "after"))
    assert after.returncode == 0, after.stderr[-2000:]
    assert after.stdout.startswith("wrote ")
    assert after.stderr == ""  # nothing at all: the command itself has nothing to say
    log = logged(tmp_path / "after" / "log")
    chromium = [line.split(" chromium: ", 1)[1] for line in log.splitlines() if " INFO chromium: " in line]
    assert native_lines("\n".join(chromium)), log[-2000:]
    # (Lines Chromium's child processes write as the process ends, such as "GPUInfo not initialized",
    # come too late for the log; they never reach the terminal either.)
    if any("Failed to connect to the bus" in line for line in seen):
        assert any("Failed to connect to the bus" in line for line in chromium), log[-2000:]


def test_errors_still_reach_the_terminal_after_qt_started(tmp_path: Path) -> None:
    # The page is rendered, then the file cannot be written: the error comes after Chromium talked, and
    # the process ends with os._exit (finish): the captured lines are forwarded before that.
    result = cli("export", "/proc/corridor-map-test.png", "--sample", "--width", "600", "--height", "400",
                 env=env_for(tmp_path, "error"))  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "corridor-map export: error: cannot write /proc/corridor-map-test.png: "
        "Cannot open device for writing: No such file or directory"
    ]
    assert " INFO chromium: " in logged(tmp_path / "error" / "log")


def test_bad_input_before_qt_still_reaches_the_terminal(tmp_path: Path) -> None:
    result = cli("export", str(tmp_path / "x.png"), "--sample", "--brands", "Zephyr", timeout=120,
                 env=env_for(tmp_path, "bad"))  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("corridor-map export: error: unknown brand 'Zephyr'")


def test_the_smoke_test_keeps_chromium_off_the_terminal(tmp_path: Path) -> None:
    result = cli("--smoke-test", env=env_for(tmp_path, "smoke"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("smoke test OK:")
    assert native_lines(result.stderr) == [], result.stderr[-2000:]
    assert " INFO chromium: " in logged(tmp_path / "smoke" / "log")
