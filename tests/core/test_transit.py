"""Transit estimates on the bundled corridor (core.transit): distances, days, sums, parameters."""

from __future__ import annotations

import math

import pytest

from corridor_map.core.corridor import load_corridor
from corridor_map.core.transit import (
    DEFAULT_PARAMS,
    KM_PER_NM,
    LEG_STOPS,
    ROUTE_COLOURS,
    TransitParams,
    country_alternatives,
    draw_payload,
    port_alternatives,
)

CORRIDOR = load_corridor()


def by_kind(iso3: str, key: str, params: TransitParams = DEFAULT_PARAMS):
    return next(a for a in country_alternatives(CORRIDOR, iso3, params) if a.key == key)


def test_qinzhou_singapore_is_1250_to_1450_nm() -> None:
    alt = by_kind("SGP", "rail_sea-gy")
    sea = [lt for lt in alt.legs if lt.leg.mode == "sea"]
    assert [lt.leg.id for lt in sea] == ["S-QZH-SGSIN"]
    assert sea[0].nm is not None
    assert 1250 <= sea[0].nm <= 1450
    assert math.isclose(sea[0].km, sea[0].nm * KM_PER_NM, rel_tol=0.01)


def test_chongqing_duisburg_by_rail_is_10000_to_11500_km() -> None:
    alt = by_kind("DEU", "china_europe_rail")
    assert alt.is_default
    assert {lt.leg.mode for lt in alt.legs} == {"rail"}
    assert CORRIDOR.ports[alt.legs[0].leg.from_id].name_en.startswith("Chongqing")
    assert alt.gateway == "DEDUI"
    assert 10_000 <= alt.total_km <= 11_500


@pytest.mark.parametrize("iso3", sorted(CORRIDOR.routes))
def test_every_country_has_an_alternative_whose_totals_are_the_sum_of_its_legs(iso3: str) -> None:
    alternatives = country_alternatives(CORRIDOR, iso3)
    assert alternatives
    assert alternatives[0].is_default
    assert sum(a.is_default for a in alternatives) == 1
    for alt in alternatives:
        assert alt.total_km == pytest.approx(sum(lt.km for lt in alt.legs))
        assert alt.total_km == pytest.approx(sum(CORRIDOR.legs[i].length_km for i in alt.leg_ids))
        assert alt.sea_nm == pytest.approx(sum(lt.nm for lt in alt.legs if lt.nm is not None))
        legs_and_stops = sum(lt.days for lt in alt.legs) + sum(s.days for s in alt.stops)
        assert alt.total_days == pytest.approx(legs_and_stops)
        assert alt.total_days > 0
        assert all(lt.nm is None for lt in alt.legs if lt.leg.mode != "sea")
        assert all(lt.nm is not None for lt in alt.legs if lt.leg.mode == "sea")


def test_every_countrys_default_route_comes_first_as_in_the_corridor() -> None:
    for iso3 in CORRIDOR.routes:
        assert country_alternatives(CORRIDOR, iso3)[0].leg_ids == list(
            CORRIDOR.default_route(iso3).route.legs
        )


def test_leg_days_are_length_over_speed() -> None:
    alt = by_kind("DEU", "river_sea")
    river, sea = alt.legs
    assert river.days == pytest.approx(river.km / (6.0 * KM_PER_NM * 24))
    assert sea.nm is not None
    assert sea.days == pytest.approx(sea.nm / (14.0 * 24))


def test_changing_a_speed_changes_the_days_as_it_should() -> None:
    base = by_kind("DEU", "rail_sea-gy")
    double_sea = by_kind("DEU", "rail_sea-gy", DEFAULT_PARAMS.with_changes(sea_knots=28.0))
    sea_days = sum(lt.days for lt in base.legs if lt.leg.mode == "sea")
    assert double_sea.total_days == pytest.approx(base.total_days - sea_days / 2)
    assert double_sea.total_km == base.total_km  # distances do not depend on speeds
    half_rail = by_kind("DEU", "rail_sea-gy", DEFAULT_PARAMS.with_changes(rail_km_per_day=400.0))
    rail_days = sum(lt.days for lt in base.legs if lt.leg.mode == "rail")
    assert half_rail.total_days == pytest.approx(base.total_days + rail_days)
    # the river speed does not touch a route without river legs, and does touch the Yangtze route
    slow_river = DEFAULT_PARAMS.with_changes(river_knots=3.0)
    assert by_kind("DEU", "rail_sea-gy", slow_river).total_days == pytest.approx(base.total_days)
    river_base = by_kind("DEU", "river_sea")
    river_days = river_base.legs[0].days
    assert by_kind("DEU", "river_sea", slow_river).total_days == pytest.approx(
        river_base.total_days + river_days
    )


def test_dwell_days_count_once_per_stop() -> None:
    cer = by_kind("DEU", "china_europe_rail")
    assert [s.kind for s in cer.stops] == ["border", "border"]  # Dostyk and Małaszewicze gauge changes
    more = by_kind("DEU", "china_europe_rail", DEFAULT_PARAMS.with_changes(dwell_days=4.0))
    assert more.total_days - cer.total_days == pytest.approx(2 * (4.0 - DEFAULT_PARAMS.dwell_days))
    rail_sea = by_kind("SGP", "rail_sea-gy")
    assert [s.kind for s in rail_sea.stops] == ["transshipment"]
    assert rail_sea.stops[0].after_leg == 1  # at Qinzhou, after the Nanning–Qinzhou leg
    assert "Qinzhou" in rail_sea.stops[0].text("en")
    assert "钦州" in rail_sea.stops[0].text("zh")
    river_sea = by_kind("SGP", "river_sea")
    assert [s.kind for s in river_sea.stops] == ["lock", "transshipment"]


def test_the_corridor_story_holds_with_the_defaults() -> None:
    """Rail to the Beibu Gulf then sea beats the Yangtze to Shanghai then sea (the corridor's point)."""
    for iso3 in ("SGP", "VNM", "THA", "IDN", "AUS", "DEU", "ARE"):
        assert by_kind(iso3, "rail_sea-gy").total_days < by_kind(iso3, "river_sea").total_days, iso3
    assert by_kind("DEU", "china_europe_rail").total_days < by_kind("DEU", "rail_sea-gy").total_days


def test_defaults_are_close_to_published_transit_times() -> None:
    """Calibration checks against published figures (docs/transit-assumptions.md), with wide bands."""
    assert 12 <= by_kind("DEU", "china_europe_rail").total_days <= 18  # Yuxinou: "just 16 days"
    assert 5 <= by_kind("SGP", "rail_sea-gy").total_days <= 9  # ~7 days (23 − 16 saved)
    assert 3 <= by_kind("LAO", "cross_border_rail").total_days <= 5.5  # "four to five days"
    chongqing_qinzhou = by_kind("CHN", "rail_sea-gy")
    assert 1 <= chongqing_qinzhou.total_days <= 2.5  # "about two days"


def test_stop_table_names_real_legs() -> None:
    assert set(LEG_STOPS) <= set(CORRIDOR.legs)


def test_alternatives_by_port() -> None:
    alternatives = port_alternatives(CORRIDOR, "SGSIN")
    assert {a.kind for a in alternatives} == {"rail_sea", "river_sea"}
    assert len({tuple(a.leg_ids) for a in alternatives}) == len(alternatives)
    assert all(a.gateway == "SGSIN" for a in alternatives)
    with pytest.raises(KeyError):
        port_alternatives(CORRIDOR, "XXXXX")
    with pytest.raises(KeyError):
        country_alternatives(CORRIDOR, "XXX")


def test_labels_in_both_languages() -> None:
    alt = by_kind("DEU", "rail_sea-hh")
    assert alt.label("en") == "ILSTC rail + sea via Qinzhou (eastern channel, via Huaihua) → Hamburg"
    assert "汉堡" in alt.label("zh") and "钦州" in alt.label("zh")
    assert by_kind("CHN", "river").label("en") == "Yangtze → Shanghai"


def test_params_are_validated_and_round_trip() -> None:
    with pytest.raises(ValueError):
        TransitParams(sea_knots=0)
    with pytest.raises(ValueError):
        TransitParams(rail_km_per_day=float("nan"))
    with pytest.raises(ValueError):
        TransitParams(dwell_days=-1)
    assert TransitParams(dwell_days=0).dwell_days == 0
    params = TransitParams(
        rail_km_per_day=700, river_knots=5, sea_knots=16, road_km_per_day=450, dwell_days=2
    )
    assert TransitParams.from_json(params.to_json() | {"unknown": 1}) == params
    assert TransitParams.from_json({}) == DEFAULT_PARAMS


def test_draw_payload_keeps_each_alternatives_colour() -> None:
    alternatives = country_alternatives(CORRIDOR, "DEU")
    payload = draw_payload(alternatives, [2, 0])
    assert [p["id"] for p in payload] == [alternatives[0].route_id, alternatives[2].route_id]
    assert [p["color"] for p in payload] == [ROUTE_COLOURS[0], ROUTE_COLOURS[2]]
    assert payload[0]["legs"] == alternatives[0].leg_ids
    assert len(draw_payload(alternatives)) == len(alternatives)
    assert len(set(ROUTE_COLOURS)) == len(ROUTE_COLOURS)
    assert max(len(r) for r in CORRIDOR.routes.values()) <= len(ROUTE_COLOURS)


def test_json_is_serialisable_and_consistent() -> None:
    import json

    alt = by_kind("DEU", "rail_sea-gy")
    data = json.loads(json.dumps(alt.to_json("zh"), ensure_ascii=False))
    assert data["total_km"] == pytest.approx(sum(leg["km"] for leg in data["legs"]), abs=0.5)
    assert data["total_days"] == pytest.approx(
        sum(leg["days"] for leg in data["legs"]) + sum(s["days"] for s in data["stops"]), abs=0.05
    )


def test_onward_road_leg_days_and_border_stops() -> None:
    """Afghanistan through Karachi: the road to Kabul at the road speed, a transshipment at Karachi and the
    Pakistan – Afghanistan border with customs; the label names where the onward leg begins."""
    alt = next(a for a in country_alternatives(CORRIDOR, "AFG") if a.kind == "rail_sea")
    road = alt.legs[-1]
    assert road.leg.mode == "road" and road.leg.onward
    slow = TransitParams(road_km_per_day=250)
    slow_alt = next(a for a in country_alternatives(CORRIDOR, "AFG", slow) if a.route_id == alt.route_id)
    assert road.days == pytest.approx(road.km / 500)
    assert slow_alt.total_days - alt.total_days == pytest.approx(road.km / 250 - road.km / 500)
    kinds = [(s.kind, s.text_en) for s in alt.stops if s.after_leg == len(alt.legs) - 1]
    assert ("border", "Border Pakistan – Afghanistan: customs") in kinds
    assert any(s.kind == "transshipment" and "Karachi" in s.text_en for s in alt.stops)
    assert alt.gateway == "AF-KBL"
    assert alt.label("en").endswith("→ Karachi → Kabul")
    assert alt.label("zh").endswith("→ 卡拉奇 → 喀布尔")


def test_borders_inside_a_customs_union_cost_no_stop() -> None:
    """Duisburg to Paris crosses into France without customs (EU); to Bern, Swiss customs."""
    paris = next(a for a in country_alternatives(CORRIDOR, "FRA") if a.kind == "china_europe_rail")
    bern = next(a for a in country_alternatives(CORRIDOR, "CHE") if a.kind == "china_europe_rail")
    assert paris.legs[-1].leg.borders is not None and all(not b.customs for b in paris.legs[-1].leg.borders)
    assert not [s for s in paris.stops if s.after_leg == len(paris.legs) - 1]
    assert [s.kind for s in bern.stops if s.after_leg == len(bern.legs) - 1] == ["border"]
    assert paris.label("en").endswith("→ Duisburg → Paris")
