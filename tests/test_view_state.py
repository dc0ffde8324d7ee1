"""The view state (Qt-free): values, events only on change, the page's reports parsed strictly."""

from __future__ import annotations

import json
from typing import Any

from corridor_map.view_state import MapExtent, ViewRequest, ViewState


def recorder(event: Any) -> list[Any]:
    seen: list[Any] = []
    event.connect(seen.append)
    return seen


def test_changes_emit_once_and_equal_values_emit_nothing() -> None:
    vs = ViewState("china", "en")
    povs, langs, routes = (
        recorder(vs.point_of_view_changed),
        recorder(vs.language_changed),
        recorder(vs.routes_changed),
    )
    vs.set_point_of_view("ne")
    vs.set_point_of_view("ne")
    vs.set_language("zh")
    vs.set_language("zh")
    vs.set_routes([{"id": "A"}])
    vs.set_routes([{"id": "A"}])
    assert (povs, langs, routes) == (["ne"], ["zh"], [({"id": "A"},)])
    assert (vs.point_of_view, vs.language, vs.routes) == ("ne", "zh", ({"id": "A"},))


def test_unknown_values_fall_back_to_the_defaults() -> None:
    vs = ViewState("mars", "fr")
    assert (vs.point_of_view, vs.language) == ("china", "en")


def test_the_page_report_is_kept_and_an_unchanged_report_is_no_event() -> None:
    vs = ViewState()
    moves = recorder(vs.extent_changed)
    report = json.dumps(
        {"center": [14.5, 104.25], "zoom": 6, "layers": {"dealers": False, "countries": True}}
    )
    extent = MapExtent.from_page(report)
    assert extent is not None
    vs.report_extent(extent)
    vs.report_extent(MapExtent.from_page(json.loads(report)) or MapExtent())  # the same, as a dict
    assert moves == [extent] and vs.extent.center == (14.5, 104.25) and vs.extent.zoom == 6.0
    assert vs.extent.as_page_view() == {
        "center": [14.5, 104.25],
        "zoom": 6.0,
        "layers": {"dealers": False, "countries": True},
    }


def test_malformed_reports_are_refused() -> None:
    for bad in ("not json", "{}", '{"center": [1], "zoom": 3}', '{"center": ["a", 2], "zoom": 3}', None, 42):
        assert MapExtent.from_page(bad) is None


def test_a_saved_view_without_a_position_keeps_only_its_layers() -> None:
    assert MapExtent.from_saved({"layers": {"rail": True}}) == MapExtent(layers={"rail": True})
    assert MapExtent.from_saved({"center": [1, 2], "zoom": 3, "layers": {}}).center == (1.0, 2.0)


def test_requests_go_to_the_presenter_without_changing_the_reported_extent() -> None:
    vs = ViewState()
    asked, fits = recorder(vs.view_requested), recorder(vs.fit_requested)
    target = MapExtent((10.0, 100.0), 5.0, {"rail": True})
    vs.request_view(target, fly=True)
    vs.request_fit(["THA", "VNM"])
    assert asked == [ViewRequest(target, True)] and fits == [("THA", "VNM")]
    assert vs.extent == MapExtent()  # only the page says where the map is


def test_playback_year_emits_on_change_only() -> None:
    vs = ViewState()
    years = recorder(vs.playback_year_changed)
    assert vs.playback_year is None
    vs.set_playback_year(2023)
    vs.set_playback_year(2023)
    vs.set_playback_year(2024)
    vs.set_playback_year(None)
    vs.set_playback_year(None)
    assert years == [2023, 2024, None]
    assert vs.playback_year is None
