"""Remembered digests: files are read again only when one changed size or modification time."""

from __future__ import annotations

import os
from pathlib import Path

from corridor_map.core import digests
from corridor_map.core.digests import remembered


def test_a_digest_is_computed_once_while_the_files_are_unchanged(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("a,b\n1,2\n", encoding="utf-8")
    calls: list[int] = []

    def digest() -> str:
        calls.append(1)
        return f"d{len(calls)}"

    assert remembered(tmp_path, [data], "ctx", digest) == "d1"
    assert remembered(tmp_path, [data], "ctx", digest) == "d1" and len(calls) == 1
    assert remembered(tmp_path, [data], "other", digest) == "d2"  # the context is part of it
    data.write_text("a,b\n1,3\n", encoding="utf-8")  # same size, new time
    stat = data.stat()
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert remembered(tmp_path, [data], "ctx", digest) == "d3"


def test_missing_files_and_a_broken_index_only_cost_time(tmp_path: Path) -> None:
    assert remembered(tmp_path, [tmp_path / "missing"], "ctx", lambda: "x") == "x"
    (tmp_path / digests.INDEX_FILE).write_text("{broken", encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text("1", encoding="utf-8")
    assert remembered(tmp_path, [data], "ctx", lambda: "y") == "y"
    assert remembered(tmp_path, [data], "ctx", lambda: "z") == "y"


def test_the_index_keeps_only_the_newest_entries(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("1", encoding="utf-8")
    for n in range(digests.KEEP + 5):
        remembered(tmp_path, [data], f"ctx{n}", lambda n=n: str(n))
    assert remembered(tmp_path, [data], f"ctx{digests.KEEP + 4}", lambda: "new") == str(digests.KEEP + 4)
    assert remembered(tmp_path, [data], "ctx0", lambda: "again") == "again"  # dropped, so computed
