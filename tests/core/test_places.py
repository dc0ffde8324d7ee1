"""Dealers where they really are: the city gazetteer, coordinates in every form, points checked against
their country, kind words, near-duplicates."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from corridor_map.core.coordinates import parse_coordinate, parse_pair
from corridor_map.core.importing import load_table
from corridor_map.core.places import PlaceIndex

# Reference positions, written by hand from each city's Wikipedia infobox coordinates (rounded to 0.01°;
# checked against the page for Duisburg: 51°26′06″N 6°45′45″E). Not from the gazetteer itself.
# A city-only dealer must land within TOLERANCE_KM of these.
TOLERANCE_KM = 15.0
REFERENCE = [  # (iso3, city as a person writes it, lat, lon)
    ("THA", "Bangkok", 13.75, 100.50),
    ("THA", "Chiang Mai", 18.79, 98.98),
    ("THA", "曼谷", 13.75, 100.50),
    ("VNM", "Hanoi", 21.03, 105.85),
    ("VNM", "Ho Chi Minh City", 10.78, 106.70),
    ("VNM", "Saigon", 10.78, 106.70),
    ("IDN", "Jakarta", -6.18, 106.83),
    ("IDN", "Surabaya", -7.25, 112.75),
    ("MYS", "Kuala Lumpur", 3.15, 101.70),
    ("PHL", "Manila", 14.60, 120.98),
    ("SGP", "Singapore", 1.29, 103.85),
    ("DEU", "Duisburg", 51.43, 6.76),
    ("DEU", "Hamburg", 53.55, 9.99),
    ("DEU", "Düsseldorf", 51.23, 6.78),
    ("POL", "Warsaw", 52.23, 21.01),
    ("RUS", "Moscow", 55.76, 37.62),
    ("RUS", "Novosibirsk", 55.03, 82.92),
    ("KAZ", "Almaty", 43.24, 76.89),
    ("KAZ", "Alma-Ata", 43.24, 76.89),
    ("UZB", "Tashkent", 41.31, 69.28),
    ("SAU", "Riyadh", 24.71, 46.68),
    ("SAU", "Jeddah", 21.49, 39.19),
    ("ARE", "Dubai", 25.20, 55.27),
    ("ARE", "Abu Dhabi", 24.45, 54.38),
    ("IRN", "Tehran", 35.69, 51.39),
    ("TUR", "Istanbul", 41.01, 28.98),
    ("EGY", "Cairo", 30.04, 31.24),
    ("ZAF", "Johannesburg", -26.20, 28.05),
    ("BRA", "São Paulo", -23.55, -46.63),
    ("BRA", "Sao Paulo", -23.55, -46.63),
    ("MEX", "Mexico City", 19.43, -99.13),
    ("MEX", "Monterrey", 25.67, -100.31),
    ("CHL", "Santiago", -33.45, -70.67),
    ("AUS", "Sydney", -33.87, 151.21),
    ("IND", "Hyderabad", 17.39, 78.49),
    ("PAK", "Hyderabad", 25.39, 68.37),
    ("LAO", "Vientiane", 17.97, 102.63),
]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def test_the_reference_cities_are_where_published() -> None:
    places = PlaceIndex()
    assert places.city_count > 30_000
    assert len({iso3 for iso3, *_ in REFERENCE}) >= 20 and len(REFERENCE) >= 30
    far = []
    for iso3, city, lat, lon in REFERENCE:
        hit = places.match(iso3, city)
        if hit is None:
            far.append((iso3, city, "not found"))
        elif (d := km(lat, lon, hit.city.lat, hit.city.lon)) > TOLERANCE_KM:
            far.append((iso3, city, round(d, 1)))
    assert far == []


def _dealers_file(tmp_path: Path, header: str, rows: list[str]) -> Path:
    path = tmp_path / "dealers.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_city_only_dealers_land_at_their_city(tmp_path: Path) -> None:
    rows = [f"D{i},{iso3},Orion,{city}" for i, (iso3, city, _, _) in enumerate(REFERENCE)]
    result = load_table(_dealers_file(tmp_path, "dealer,country,brand,city", rows), "dealers")
    assert result.accepted_count == len(REFERENCE)
    accepted = result.accepted
    assert set(accepted["position"].astype(str)) == {"city"}
    assert accepted["approximate"].any() is not False or accepted["approximate"].all()  # not at coordinates
    for (iso3, city, lat, lon), (alat, alon) in zip(
        REFERENCE, accepted[["lat", "lon"]].to_numpy(), strict=True
    ):
        assert km(lat, lon, alat, alon) <= TOLERANCE_KM, (iso3, city)


@pytest.mark.parametrize(
    ("text", "axis", "value"),
    [
        ("13.7563", "lat", 13.7563),
        ("55,7558", "lat", 55.7558),
        ("21.4858 N", "lat", 21.4858),
        ("S 33.86", "lat", -33.86),
        ("51°10′N", "lat", 51 + 10 / 60),
        ("51°10'30\"N", "lat", 51.175),
        ("51 10 30 N", "lat", 51.175),
        ("N51°10.5'", "lat", 51.175),
        ("6°47′E", "lon", 6 + 47 / 60),
        ("151°12′E", "lon", 151.2),
        ("58°24′W", "lon", -58.4),
        ("北纬39.9", "lat", 39.9),
        ("东经116.4", "lon", 116.4),
        ("-0.1276", "lon", -0.1276),
    ],
)
def test_a_coordinate_in_every_common_form(text: str, axis: str, value: float) -> None:
    assert parse_coordinate(text, axis) == pytest.approx(value, abs=1e-9)


@pytest.mark.parametrize("text", ["51 E", "12.3.4", "abc", "-13.7 S", "51°70′N", ""])
def test_what_is_not_a_coordinate_is_not_guessed(text: str) -> None:
    assert math.isnan(parse_coordinate(text, "lat"))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("13.75, 100.50", (13.75, 100.5)),
        ("13.75,100.50", (13.75, 100.5)),
        ("13.75; 100.50", (13.75, 100.5)),
        ("(13.75, 100.5)", (13.75, 100.5)),
        ("13.75 100.5", (13.75, 100.5)),
        ("55,75 37,61", (55.75, 37.61)),
        ("51°26′N 6°45′E", (51 + 26 / 60, 6.75)),
        ("北纬39.9 东经116.4", (39.9, 116.4)),
        ("100.5 E, 13.75 N", (13.75, 100.5)),
    ],
)
def test_both_in_one_cell(text: str, pair: tuple[float, float]) -> None:
    assert parse_pair(text) == pytest.approx(pair)


def test_a_one_column_file_and_every_form_place_the_dealers_exactly(tmp_path: Path) -> None:
    path = _dealers_file(
        tmp_path,
        "经销商,国家,品牌,坐标",
        [
            'A,泰国,Orion,"13.75, 100.50"',
            'B,德国,Orion,"51°26′N 6°45′E"',
            'C,俄罗斯,Orion,"55,7558 37,6173"',
            'D,越南,Orion,"21.0285 N, 105.8542 E"',
        ],
    )
    result = load_table(path, "dealers")
    assert result.rejections == [] and result.accepted_count == 4
    assert list(result.accepted["position"].astype(str)) == ["exact"] * 4
    assert result.accepted["lat"].round(2).tolist() == [13.75, 51.43, 55.76, 21.03]


def test_swapped_coordinates_are_never_taken_as_exact_but_offered(tmp_path: Path) -> None:
    # Riyadh and Dubai with latitude and longitude swapped (they would land in Romania and Lithuania)
    path = _dealers_file(
        tmp_path,
        "dealer,country,brand,city,lat,lon",
        [
            "R,Saudi Arabia,Orion,Riyadh,46.68,24.71",
            "U,UAE,Orion,Dubai,55.27,25.20",
            "K,Kazakhstan,Orion,,43.24,76.89",
        ],
    )
    result = load_table(path, "dealers")
    assert result.accepted_count == 3
    positions = list(result.accepted["position"].astype(str))
    assert positions == ["city", "city", "exact"]  # at their city until the swapped reading is taken
    swaps = {n.row: n.swap for n in result.swaps}
    assert swaps == {2: (24.71, 46.68), 3: (25.2, 55.27)}
    assert "look swapped" in result.swaps[0].en and "写反" in result.swaps[0].zh
    assert result.take_swaps() == 2
    assert list(result.accepted["position"].astype(str)) == ["exact"] * 3
    assert result.accepted["lat"].tolist()[:2] == [24.71, 25.2]


def test_a_point_outside_its_country_goes_to_its_city_with_a_note(tmp_path: Path) -> None:
    path = _dealers_file(
        tmp_path, "dealer,country,brand,city,lat,lon", ["X,Thailand,Orion,Bangkok,48.85,2.35"]
    )
    result = load_table(path, "dealers")
    assert list(result.accepted["position"].astype(str)) == ["city"]
    assert result.swaps == [] and "outside THA" in result.notes[0].en
    lat, lon = result.accepted[["lat", "lon"]].to_numpy()[0]
    assert km(13.75, 100.5, lat, lon) < TOLERANCE_KM


def test_type_words_and_unknown_kinds(tmp_path: Path) -> None:
    words = ["Dealer", "经销商", "Service Center", "售后服务", "维修", "Sales/Service", "销售服务", "Museum"]
    rows = [f"D{i},Thailand,Orion,Bangkok,{w}" for i, w in enumerate(words)]
    result = load_table(_dealers_file(tmp_path, "dealer,country,brand,city,type", rows), "dealers")
    assert result.accepted_count == len(words)
    kinds = list(result.accepted["kind"].astype(str))
    assert kinds == ["sales", "sales", "service", "service", "service", "both", "both", "other"]
    kind_notes = [n for n in result.notes if n.field == "kind"]
    assert [n.row for n in kind_notes] == [9] and "Museum" in kind_notes[0].en


def test_near_duplicates_are_flagged_and_kept(tmp_path: Path) -> None:
    rows = [
        "Al Futtaim Motors LLC,United Arab Emirates,Orion,Dubai",
        "AL-FUTTAIM MOTORS,UAE,Orion,dubai",
        "Al Futtaim Motors LLC,United Arab Emirates,Orion,Abu Dhabi",
    ]
    result = load_table(_dealers_file(tmp_path, "dealer,country,brand,city", rows), "dealers")
    assert result.accepted_count == 3
    dups = [n for n in result.notes if n.field == "dealer"]
    assert [(n.row, "row 2" in n.en) for n in dups] == [(3, True)]


def test_an_ambiguous_city_is_placed_and_reported() -> None:
    places = PlaceIndex()
    assert places.match("IND", "Hyderabad").city.lat == pytest.approx(17.38, abs=0.05)
    assert places.match("PAK", "Hyderabad").city.lat == pytest.approx(25.40, abs=0.05)
    names = (("USA", "Springfield"), ("USA", "Portland"), ("MEX", "San Juan"))
    ambiguous = [c for iso3, c in names if (m := places.match(iso3, c)) and m.ambiguous]
    assert ambiguous  # several cities of one country share the name: the report says so


def test_positions_of_the_sample() -> None:
    from corridor_map.core.dataset import load_sample

    dealers = load_sample().dealers
    bangkok = dealers[(dealers["city"] == "Bangkok") & (dealers["position"].astype(str) == "city")]
    assert len(bangkok) >= 2
    assert all(km(13.75, 100.50, lat, lon) < TOLERANCE_KM for lat, lon in bangkok[["lat", "lon"]].to_numpy())
    assert (dealers["position"].astype(str) == "country").sum() == 0  # every sample city is known
    assert np.isfinite(dealers[["lat", "lon"]].to_numpy()).all()
