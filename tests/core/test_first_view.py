"""The first run's frame, checked against a pandas groupby of the sample's CSV."""

from __future__ import annotations

import pandas as pd
import pytest

from corridor_map.core.basemap import load_country_table
from corridor_map.core.corridor import load_ports
from corridor_map.core.countries import resolve_country
from corridor_map.core.dataset import load_sample, sample_dir
from corridor_map.core.first_view import Bounds, first_view, leading_destinations


def sample_leaders(share: float = 0.8) -> list[str]:
    """The fewest destinations holding ``share`` of the sample's units, from its CSV by hand."""
    raw = pd.read_csv(sample_dir() / "sales.csv")
    raw["iso3"] = raw["country"].map(lambda name: resolve_country(name).iso3)
    units = raw.groupby("iso3")["units"].sum().sort_values(ascending=False, kind="stable")
    cumulative = units.cumsum() / units.sum()
    count = int((cumulative < share).sum()) + 1
    return list(units.index[:count])


def test_leading_destinations_match_a_groupby_of_the_sample() -> None:
    expected = sample_leaders()
    got = leading_destinations(load_sample().sales)
    assert list(got) == expected
    assert len(got) == 26
    assert {"RUS", "THA", "MEX", "BRA", "PER", "CHL", "COL", "GBR", "GEO"} <= set(got)


def test_the_first_view_holds_the_hubs_and_the_leading_destinations() -> None:
    ports, countries = load_ports(), load_country_table()
    view = first_view(load_sample().sales, ports, countries)
    for hub in ("CN-TJC", "CNCKG", "CNQZH", "CNSHA", "SGSIN"):
        assert view.bounds.contains(ports[hub].lat, ports[hub].lon), hub
        assert view.core.contains(ports[hub].lat, ports[hub].lon), hub
    for iso3 in sample_leaders():
        assert view.bounds.contains(countries[iso3].label_lat, countries[iso3].label_lon), iso3
    # the frame is just big enough: Mexico west, the Philippines east, Chile south, Russia north
    lats = [countries[c].label_lat for c in sample_leaders()]
    lons = [countries[c].label_lon for c in sample_leaders()]
    assert view.bounds == Bounds(min(lats), min(lons), max(lats), max(lons))
    assert view.core.east < 125 and view.core.west > 100  # the corridor's hubs only


def test_a_dataset_without_units_frames_the_hubs() -> None:
    ports = load_ports()
    empty = pd.DataFrame({"iso3": pd.Series([], dtype=str), "units": pd.Series([], dtype=int)})
    view = first_view(empty, ports, load_country_table())
    assert view.destinations == ()
    assert view.bounds == view.core


@pytest.mark.parametrize("share", [0.5, 1.0])
def test_the_share_is_honoured(share: float) -> None:
    assert list(leading_destinations(load_sample().sales, share)) == sample_leaders(share)
