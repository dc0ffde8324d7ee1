"""The export commands' payload cache: keyed by every byte it comes from, bounded, never trusted blindly."""

from __future__ import annotations

import json
import os
from pathlib import Path

from corridor_map.core import payload_cache
from corridor_map.core.aggregate import NO_FILTERS, units_by
from corridor_map.core.dataset import load_sample
from corridor_map.core.page_payload import page_payload
from corridor_map.core.payload_cache import payload_key, read_payload, write_payload


def test_the_key_changes_with_any_byte_the_role_or_the_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("iso3,units\nTHA,1\n", encoding="utf-8")
    b.write_text("iso3,units\nVNM,2\n", encoding="utf-8")
    key = payload_key([a, b], "files")
    assert payload_key([a, b], "files") == key
    assert payload_key([b, a], "files") != key
    assert payload_key([a, b], "sample") != key
    a.write_text("iso3,units\nTHA,2\n", encoding="utf-8")
    assert payload_key([a, b], "files") != key


def test_a_payload_is_read_back_as_written(tmp_path: Path) -> None:
    payload = {"labels": {"en": "Sample", "zh": "示例"}, "data": {"units": {"THA": 3}}}
    write_payload(tmp_path, "k1", payload)
    assert read_payload(tmp_path, "k1") == payload
    assert read_payload(tmp_path, "k2") is None
    assert not [p for p in (tmp_path / "payloads").iterdir() if not p.name.endswith(".json")]


def test_an_unreadable_entry_is_a_miss(tmp_path: Path) -> None:
    (tmp_path / "payloads").mkdir()
    (tmp_path / "payloads" / "bad.json").write_text("{truncated", encoding="utf-8")
    (tmp_path / "payloads" / "list.json").write_text("[1, 2]", encoding="utf-8")
    assert read_payload(tmp_path, "bad") is None
    assert read_payload(tmp_path, "list") is None


def test_only_the_newest_entries_are_kept(tmp_path: Path) -> None:
    for n in range(payload_cache.KEEP + 3):
        write_payload(tmp_path, f"k{n}", {"n": n})
        os.utime(tmp_path / "payloads" / f"k{n}.json", (1_000_000 + n, 1_000_000 + n))
    write_payload(tmp_path, "last", {"n": -1})
    kept = {p.stem for p in (tmp_path / "payloads").glob("*.json")}
    assert len(kept) == payload_cache.KEEP
    assert "last" in kept and "k0" not in kept and f"k{payload_cache.KEEP + 2}" in kept


def test_the_sample_payload_is_plain_json_with_the_samples_figures() -> None:
    sample = load_sample()
    routes = {"THA": ["rail-a", "sea-b"], "VNM": ["rail-a"]}
    payload = json.loads(json.dumps(page_payload(sample, NO_FILTERS, routes)))
    table = units_by(sample.sales, ("iso3",))
    assert sum(payload["data"]["units"].values()) == int(table["units"].sum())
    units = payload["data"]["units"]
    assert payload["data"]["legs"]["rail-a"] == units.get("THA", 0) + units.get("VNM", 0)
    assert payload["data"]["legs"]["sea-b"] == units.get("THA", 0)
    assert payload["dealers"]["count"] == len(sample.dealers)
    assert payload["labels"] == {"en": sample.label_en, "zh": sample.label_zh}
    assert payload["data"]["brands"] is None and payload["data"]["area"] is None
