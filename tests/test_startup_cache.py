"""The calls a start pushed to the window's page, kept for the next start (``mapgen.startup_cache``)."""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path

import pytest

from corridor_map.mapgen import startup_cache
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.startup_cache import read_startup, startup_key, write_startup

CALLS = '[["setLanguage", ["en", {}]], ["setDataLabel", ["Illustrative sample data"]]]'


def test_each_page_and_dataset_has_its_own_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    options = PageOptions()
    key = startup_key(options, "sample")
    assert key == startup_key(PageOptions(), "sample")
    others = {
        startup_key(replace(options, lang="zh"), "sample"),
        startup_key(replace(options, pov="ne"), "sample"),
        startup_key(replace(options, world="pacific"), "sample"),
        startup_key(options, "3f2a9c"),
    }
    assert key not in others and len(others) == 4
    monkeypatch.setattr(startup_cache, "__version__", "99.0")  # another version of the app
    assert startup_key(options, "sample") != key


def test_calls_are_kept_read_back_and_rewritten_only_when_they_change(tmp_path: Path) -> None:
    assert read_startup(tmp_path, "k") == ""
    assert write_startup(tmp_path, "k", CALLS)
    assert read_startup(tmp_path, "k") == CALLS
    entry = tmp_path / "startup" / "k.json"
    before = entry.stat().st_mtime_ns
    assert not write_startup(tmp_path, "k", CALLS)  # the same calls: the file is left alone
    assert entry.stat().st_mtime_ns == before
    assert not write_startup(tmp_path, "k", "")  # nothing to keep
    assert write_startup(tmp_path, "k", CALLS.replace("sample", "other"))
    assert "other" in read_startup(tmp_path, "k")
    assert [p.name for p in (tmp_path / "startup").iterdir()] == ["k.json"]  # no temporary file left


def test_only_the_newest_entries_are_kept(tmp_path: Path) -> None:
    for n in range(startup_cache.KEEP + 3):
        write_startup(tmp_path, f"key{n}", f"[{n}]")
        os.utime(tmp_path / "startup" / f"key{n}.json", (n, n))
    kept = sorted(p.stem for p in (tmp_path / "startup").glob("*.json"))
    assert kept == sorted(f"key{n}" for n in range(3, startup_cache.KEEP + 3))


def test_a_cache_that_cannot_be_read_or_written_is_no_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert not write_startup(blocked, "k", CALLS)
    assert "cannot keep the start calls" in caplog.text
    (tmp_path / "startup").mkdir()
    (tmp_path / "startup" / "bad.json").write_bytes(b"\xff\xfe not text")
    assert read_startup(tmp_path, "bad") == ""
