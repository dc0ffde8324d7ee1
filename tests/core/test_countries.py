"""Country resolution: every common way of writing a country, and no guessing."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corridor_map.core.countries import CountryIndex, default_index, normalise_country

CASES = [
    ("UK", "GBR"),
    ("uk", "GBR"),
    ("GB", "GBR"),
    ("United Kingdom", "GBR"),
    ("英国", "GBR"),
    ("UAE", "ARE"),
    ("U.A.E.", "ARE"),
    ("阿联酋", "ARE"),
    ("United Arab Emirates", "ARE"),
    ("Russia", "RUS"),
    ("russian federation", "RUS"),
    ("俄罗斯", "RUS"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("turkiye", "TUR"),
    ("Viet Nam", "VNM"),
    ("Vietnam", "VNM"),
    ("VIET NAM", "VNM"),
    ("越南", "VNM"),
    ("Lao PDR", "LAO"),
    ("Laos", "LAO"),
    ("老挝", "LAO"),
    ("Burma", "MMR"),
    ("Myanmar", "MMR"),
    ("Ivory Coast", "CIV"),
    ("Côte d'Ivoire", "CIV"),
    ("Côte d’Ivoire", "CIV"),
    ("Korea", "KOR"),
    ("South Korea", "KOR"),
    ("Korea, Republic of", "KOR"),
    ("韩国", "KOR"),
    ("North Korea", "PRK"),
    ("朝鲜", "PRK"),
    ("THA", "THA"),
    ("th", "THA"),
    ("Thailand", "THA"),
    ("  thailand ", "THA"),
    ("泰国", "THA"),
    ("Kazakhstan", "KAZ"),
    ("哈萨克斯坦", "KAZ"),
    ("Uzbekistan", "UZB"),
    ("Kyrgyzstan", "KGZ"),
    ("NA", "NAM"),
    ("Namibia", "NAM"),
    ("DR Congo", "COD"),
    ("刚果（金）", "COD"),
    ("Republic of the Congo", "COG"),
    ("Cambodia", "KHM"),
    ("柬埔寨", "KHM"),
    ("Taiwan", "TWN"),
    ("中国台湾", "TWN"),
    ("Hong Kong", "HKG"),
    ("Kosovo", "XKX"),
    ("Saudi Arabia", "SAU"),
    ("KSA", "SAU"),
    ("Bolivia (Plurinational State of)", "BOL"),
    ("Iran", "IRN"),
    ("Syria", "SYR"),
    ("Czechia", "CZE"),
    ("Czech Republic", "CZE"),
    ("the Netherlands", "NLD"),
    ("Bosnia & Herzegovina", "BIH"),
]


@pytest.mark.parametrize(("text", "iso3"), CASES)
def test_resolves_common_spellings(text: str, iso3: str) -> None:
    match = default_index().resolve(text)
    assert match.status == "ok", match
    assert match.iso3 == iso3


@pytest.mark.parametrize("text", ["Congo", "刚果", "Virgin Islands"])
def test_ambiguous_names_are_refused_with_the_options(text: str) -> None:
    match = default_index().resolve(text)
    assert match.status == "ambiguous"
    assert match.iso3 is None
    assert len(match.candidates) >= 2
    assert "ambiguous" in match.reason()


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("Thailnd", "THA"), ("Kazakstan", "KAZ"), ("Brasill", "BRA"), ("Uzbekstan", "UZB")],
)
def test_unknown_names_are_refused_with_a_close_suggestion(text: str, suggestion: str) -> None:
    match = default_index().resolve(text)
    assert match.status == "unknown"
    assert match.iso3 is None
    assert match.suggestion == suggestion
    assert "did you mean" in match.reason()


@pytest.mark.parametrize("text", ["Atlantis", "Europe", "XYZ", "12", "Asia"])
def test_unknown_without_a_close_name_has_no_suggestion_and_no_guess(text: str) -> None:
    match = default_index().resolve(text)
    assert match.iso3 is None
    assert match.status == "unknown"


def test_empty_is_its_own_status() -> None:
    assert default_index().resolve("   ").status == "empty"


def test_display_names_and_regions_come_from_natural_earth() -> None:
    index = default_index()
    assert index.display_name("THA") == "Thailand"
    assert index.display_name("THA", "zh") == "泰国"
    assert index.display_name("KHM", "zh") == "柬埔寨"  # not pycountry's typo
    assert index.continent("KAZ") == "Asia"
    assert index.region("BRA") == "Americas"
    assert index.subregion("VNM") == "South-Eastern Asia"
    point = index.label_point("THA")
    assert point is not None and 97 < point[0] < 106 and 5 < point[1] < 21
    assert "THA" in index.members(subregions=["South-Eastern Asia"])
    assert "DEU" not in index.members(continents=["Asia"])


def test_without_natural_earth_pycountry_still_resolves(tmp_path) -> None:
    index = CountryIndex(countries_csv=tmp_path / "missing.csv")
    assert index.resolve("Viet Nam").iso3 == "VNM"
    assert index.resolve("越南").iso3 == "VNM"
    assert index.continent("VNM") == ""


def test_resolve_series_resolves_each_distinct_value_once() -> None:
    values = pd.Series(["Thailand", "UAE", "Atlantis", "Thailand", "", "Congo"] * 1000, dtype="str")
    iso3, refused = default_index().resolve_series(values)
    assert list(iso3[:6].astype(object).where(iso3[:6].notna(), None)) == [
        "THA",
        "ARE",
        None,
        "THA",
        None,
        None,
    ]
    assert set(refused) == {"Atlantis", "", "Congo"}
    assert refused["Congo"].status == "ambiguous"
    assert iso3.notna().sum() == 3000


@given(
    st.sampled_from(CASES),
    st.sampled_from([str.upper, str.lower, str.title, lambda s: s]),
    st.text(alphabet=" \t", max_size=3),
    st.text(alphabet=" \t", max_size=3),
)
@settings(max_examples=200, deadline=None)
def test_case_and_surrounding_space_never_change_the_answer(case, transform, left, right) -> None:
    text, iso3 = case
    assert default_index().resolve(left + transform(text) + right).iso3 == iso3


@given(st.text(max_size=30))
@settings(max_examples=300, deadline=None)
def test_any_text_resolves_to_a_known_code_or_is_refused(text: str) -> None:
    index = default_index()
    match = index.resolve(text)
    if match.status == "ok":
        assert match.iso3 is not None and len(match.iso3) == 3
        assert normalise_country(text)
    else:
        assert match.iso3 is None
        assert match.reason()


def test_names_are_shown_before_the_written_forms_are_indexed_and_resolve_the_same_after() -> None:
    """A window's start shows names only: the ~3,000 written forms are indexed at the first resolve."""
    index = CountryIndex()
    assert index.display_name("THA", "zh") == "泰国" and index.display_name("KAZ") == "Kazakhstan"
    assert index._index is None  # (nothing normalised yet)
    assert index.resolve("Kazakstan").status == "unknown"  # a close name: suggested from the sorted keys
    assert index.resolve("Kazakstan").suggestion == "KAZ"
    assert index._index is not None
    fresh = CountryIndex()
    assert [fresh.resolve(text).iso3 for text, _ in CASES] == [iso3 for _, iso3 in CASES]
