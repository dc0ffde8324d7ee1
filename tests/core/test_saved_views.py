"""Saved views (corridor_map.core.saved_views): JSON round trip, the store, a restart, damaged files."""

from __future__ import annotations

import json
from pathlib import Path

from corridor_map.core.aggregate import NO_FILTERS, Filters
from corridor_map.core.saved_views import (
    VIEWS_FILE,
    SavedView,
    ViewStore,
    filters_from_json,
    filters_to_json,
)

FILTERS = Filters.of(brands=["Changan", "Seres"], years=(2022, 2024), powertrains=["NEV"], regions=["Europe"])
PAGE = '{"center": [48.5, 12.25], "zoom": 5, "layers": {"countries": true, "dealers": false, "sea": true}}'


def view(name: str = "Europe NEV") -> SavedView:
    return SavedView.capture(name, PAGE, frozenset({"DEU", "FRA"}), FILTERS)


def test_filters_round_trip() -> None:
    for filters in (NO_FILTERS, FILTERS, Filters.of(countries=[], years=(2023, 2023))):
        assert filters_from_json(json.loads(json.dumps(filters_to_json(filters)))) == filters


def test_malformed_filters_mean_no_restriction() -> None:
    data = {"brands": "Changan", "years": [2022], "powertrains": [1, 2], "regions": ["Asia"]}
    assert filters_from_json(data) == Filters.of(regions=["Asia"])
    assert filters_from_json(None) == NO_FILTERS


def test_capture_reads_the_pages_answer() -> None:
    v = view()
    assert v.center == (48.5, 12.25)
    assert v.zoom == 5
    assert v.layers == {"countries": True, "dealers": False, "sea": True}
    assert v.selection == {"DEU", "FRA"}
    assert v.filters == FILTERS
    assert v.page_view() == {"center": [48.5, 12.25], "zoom": 5, "layers": v.layers}
    # the page's answer may also come as a dict, or be missing: then the extent is left alone
    assert SavedView.capture("x", json.loads(PAGE), frozenset(), NO_FILTERS).center == (48.5, 12.25)
    blind = SavedView.capture("x", None, frozenset(), NO_FILTERS)
    assert blind.page_view() == {"layers": {}}


def test_view_json_round_trip() -> None:
    v = view()
    assert SavedView.from_json(json.loads(json.dumps(v.to_json()))) == v


def test_store_saves_lists_replaces_and_deletes(tmp_path: Path) -> None:
    store = ViewStore(tmp_path)
    assert store.views() == []
    store.save(view("A"))
    store.save(view("B"))
    replaced = SavedView.capture(
        "A", '{"center": [10, 100], "zoom": 4, "layers": {}}', frozenset({"THA"}), NO_FILTERS
    )
    store.save(replaced)
    assert store.names() == ["A", "B"]
    assert store.get("A") == replaced
    assert store.delete("B")
    assert not store.delete("B")
    assert store.names() == ["A"]


def test_a_saved_view_survives_a_restart(tmp_path: Path) -> None:
    """A new store on the same folder (the app started again) gives back extent, selection and filters."""
    first = ViewStore(tmp_path)
    first.save(view("Europe NEV"))
    first.set_last(SavedView.capture("last", PAGE, frozenset({"VNM"}), Filters.of(years=(2024, 2024))))
    again = ViewStore(tmp_path)
    restored = again.get("Europe NEV")
    assert restored is not None
    assert restored.center == (48.5, 12.25) and restored.zoom == 5
    assert restored.selection == {"DEU", "FRA"}
    assert restored.filters == FILTERS
    assert restored.layers["dealers"] is False
    assert again.last is not None
    assert again.last.selection == {"VNM"}
    assert again.last.filters.years == (2024, 2024)


def test_the_file_is_plain_json_without_temporary_leftovers(tmp_path: Path) -> None:
    store = ViewStore(tmp_path)
    store.save(view())
    data = json.loads((tmp_path / VIEWS_FILE).read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["views"][0]["selection"] == ["DEU", "FRA"]
    assert data["views"][0]["filters"]["years"] == [2022, 2024]
    assert sorted(p.name for p in tmp_path.iterdir()) == [VIEWS_FILE]


def test_an_unreadable_file_is_kept_aside(tmp_path: Path) -> None:
    (tmp_path / VIEWS_FILE).write_text("{not json", encoding="utf-8")
    store = ViewStore(tmp_path)
    assert store.views() == []
    assert (tmp_path / (VIEWS_FILE + ".unreadable")).read_text(encoding="utf-8") == "{not json"
    store.save(view())
    assert ViewStore(tmp_path).names() == ["Europe NEV"]


def test_bad_entries_are_skipped_and_values_checked(tmp_path: Path) -> None:
    entries = [
        {"name": "", "zoom": 3},
        "nonsense",
        {"name": "ok", "center": [1, "x"], "zoom": 99, "selection": ["DEU", "deu", 5], "layers": [1]},
        {"name": "ok", "zoom": 2},  # a duplicate name: the first wins
    ]
    (tmp_path / VIEWS_FILE).write_text(json.dumps({"version": 1, "views": entries}), encoding="utf-8")
    store = ViewStore(tmp_path)
    assert store.names() == ["ok"]
    ok = store.get("ok")
    assert ok is not None
    assert ok.center is None and ok.zoom is None and ok.layers == {}
    assert ok.selection == {"DEU"}


def test_set_last_writes_only_changes(tmp_path: Path) -> None:
    store = ViewStore(tmp_path)
    store.set_last(view("last"))
    path = tmp_path / VIEWS_FILE
    before = path.stat().st_mtime_ns
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")  # same content, new mtime
    marker = path.stat().st_mtime_ns
    store.set_last(view("last"))  # equal apart from the time stamp: nothing written
    assert path.stat().st_mtime_ns == marker
    assert marker >= before
