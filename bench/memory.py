"""Memory of a process and all its descendants (QtWebEngine's renderer, GPU and utility processes)."""

from __future__ import annotations

from pathlib import Path


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _sum_kb(pids: list[int], file: str, field: str) -> int:
    """The sum of ``field`` (in kB) in ``/proc/PID/file`` over ``pids`` (vanished processes count 0)."""
    total_kb = 0
    for proc in pids:
        try:
            for line in Path(f"/proc/{proc}/{file}").read_text().splitlines():
                if line.startswith(field):
                    total_kb += int(line.split()[1])
                    break
        except OSError:
            continue
    return total_kb


def pss_mb(pid: int) -> float:
    """Proportional set size of ``pid`` and its descendants together, in MB (shared pages counted once)."""
    return _sum_kb(descendants(pid), "smaps_rollup", "Pss:") / 1024


def rss_mb(pid: int, only_root: bool = False) -> float:
    """Resident memory of ``pid`` (and, unless ``only_root``, its descendants) in MB."""
    return _sum_kb([pid] if only_root else descendants(pid), "status", "VmRSS:") / 1024
