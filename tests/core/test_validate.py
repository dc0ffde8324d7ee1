"""Validation over real files: accepted counts, rejected row numbers with reasons, totals."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from corridor_map.core.countries import default_index
from corridor_map.core.errors import DataFormatError
from corridor_map.core.importing import load_table
from corridor_map.core.places import PlaceIndex
from corridor_map.core.schema import ColumnMismatchError, apply_mapping, match_headers, normalise_powertrain
from corridor_map.core.validate import Rejection, parse_numbers

DATA = Path(__file__).resolve().parent.parent / "data"
BROKEN = DATA / "broken"


def units_by_country(result) -> dict[str, int]:
    sums = result.accepted.groupby("iso3", observed=True)["units"].sum()
    return {str(k): int(v) for k, v in sums.items()}


def fields_by_row(result) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for r in result.rejections:
        out.setdefault(r.row, set()).add(r.field)
    return out


@pytest.mark.parametrize("name", ["sales_utf8.csv", "sales_really_csv.xlsx"])
def test_sales_utf8(name: str) -> None:
    result = load_table(DATA / name, "sales")
    assert result.rows == 11
    assert result.accepted_count == 6
    assert fields_by_row(result) == {5: {"country"}, 6: {"units"}, 7: {"year"}, 8: {"country"}, 10: {"brand"}}
    assert units_by_country(result) == {"THA": 12400, "VNM": 300, "ARE": 150, "RUS": 200, "BRA": 1234567}
    reasons = {r.row: r.reason for r in result.rejections}
    assert "did you mean Thailand" in reasons[5]
    assert "ambiguous" in reasons[8]
    assert reasons[10] == "required field empty"
    # Two identical sales rows (11 and 12) are both accepted.
    assert sorted(result.accepted["source_row"].tolist()) == [2, 3, 4, 11, 12, 13]
    pt = dict(zip(result.accepted["source_row"], result.accepted["powertrain"].astype(str), strict=True))
    assert pt == {2: "NEV", 3: "NEV", 4: "ICE", 11: "NEV", 12: "NEV", 13: "ICE"}
    assert result.accepted.loc[result.accepted["source_row"] == 2, "value_cny"].item() == 1_000_000


def test_chinese_headers_with_bom() -> None:
    result = load_table(DATA / "sales_bom_zh.csv", "sales")
    assert (result.rows, result.accepted_count, result.rejected_rows) == (5, 4, [6])
    assert units_by_country(result) == {"THA": 100, "RUS": 200, "ARE": 300, "KAZ": 400}
    assert set(result.accepted["powertrain"].astype(str)) == {"NEV", "ICE"}


def test_gb18030_with_periods() -> None:
    result = load_table(DATA / "sales_gb18030.csv", "sales")
    assert (result.rows, result.accepted_count) == (5, 3)
    assert fields_by_row(result) == {4: {"period"}, 6: {"units"}}
    by_row = result.accepted.set_index("source_row")
    assert by_row.loc[2, ["year", "month"]].tolist() == [2024, 3]
    assert by_row.loc[3, ["year", "month"]].tolist() == [2024, 5]  # 2024年5月
    assert by_row.loc[5, "units"] == 4000
    assert by_row.loc[2, "value_cny"] == 1000


def test_semicolon_thousands_and_tab() -> None:
    semi = load_table(DATA / "sales_semicolon.csv", "sales")
    assert units_by_country(semi) == {"DEU": 12400, "POL": 1200, "HUN": 50}
    assert semi.rejected_rows == [4]  # 12.400 is not an integer: no guessing about separators
    tab = load_table(DATA / "sales_tab.tsv", "sales")
    assert units_by_country(tab) == {"SAU": 500, "KOR": 60, "CHL": 70}
    assert fields_by_row(tab) == {5: {"powertrain"}}


def test_ragged_rows_are_rejected_for_their_cell_count() -> None:
    result = load_table(DATA / "sales_ragged.csv", "sales")
    assert (result.rows, result.accepted_count) == (6, 3)
    assert [r for r in result.rejections if r.field == "row"] == [
        Rejection(3, "row", "row has 5 cells, the header has 4"),
        Rejection(4, "row", "row has 3 cells, the header has 4"),
        Rejection(6, "row", "row has 5 cells, the header has 4"),
    ]
    assert units_by_country(result) == {"THA": 13, "VNM": 7}


def test_xlsx_formula_without_cached_value_rejects_its_row() -> None:
    result = load_table(DATA / "sales.xlsx", "sales")
    assert (result.rows, result.accepted_count) == (6, 4)
    assert result.rejections == [
        Rejection(4, "units", "formula without a saved value (open the file in Excel and save it again)"),
        Rejection(8, "units", "units not a non-negative integer ('1.5')"),
    ]
    assert units_by_country(result) == {"THA": 100, "RUS": 200, "ARE": 12400, "MYS": 7}


def test_messy_country_names_all_resolve_to_the_expected_code() -> None:
    result = load_table(DATA / "sales_messy_countries.csv", "sales")
    assert result.accepted_count == 71
    assert (result.accepted["iso3"].astype(str) == result.accepted["brand"].astype(str)).all()
    assert {r.row for r in result.rejections} == {73, 74, 75, 76}


@pytest.mark.parametrize("name", ["dealers.csv", "dealers_gb18030.csv"])
def test_dealers(name: str) -> None:
    result = load_table(DATA / name, "dealers", places=PlaceIndex(DATA / "no-cities.csv"))
    assert (result.rows, result.accepted_count) == (10, 4)
    assert fields_by_row(result) == {
        4: {"row"},
        5: {"lat"},
        6: {"lon"},
        7: {"country"},
        8: {"dealer"},
        11: {"country"},
    }
    assert Rejection(4, "row", "exact duplicate of row 3") in result.rejections
    dealers = result.accepted.set_index("source_row")
    assert not dealers.loc[2, "approximate"] and dealers.loc[2, "lat"] == 13.75
    # No city list given: Moscow is placed at Russia's label point, marked approximate.
    assert dealers.loc[3, "approximate"]
    assert (dealers.loc[3, "lon"], dealers.loc[3, "lat"]) == default_index().label_point("RUS")
    assert dealers.loc[9, "kind"] == "both"  # 4S店
    assert dealers.loc[2, "phone"] == "+66 2 123 4567"


def test_dealers_without_coordinates_go_to_their_city_when_known(tmp_path: Path) -> None:
    cities = tmp_path / "cities.csv"
    cities.write_text(
        "name_en,name_zh,iso3,lon,lat,pop\nMoscow,莫斯科,RUS,37.62,55.75,12000000\n"
        "Moscow,,USA,-117.0,46.7,25000\n",
        encoding="utf-8",
    )
    result = load_table(DATA / "dealers.csv", "dealers", places=PlaceIndex(cities))
    moscow = result.accepted.set_index("source_row").loc[3]
    assert (moscow["lon"], moscow["lat"], moscow["approximate"]) == (37.62, 55.75, True)


def test_wrong_columns_raise_a_mismatch_that_a_mapping_can_fix() -> None:
    with pytest.raises(ColumnMismatchError) as info:
        load_table(BROKEN / "wrong_columns.csv", "sales")
    assert "wrong_columns.csv" in str(info.value)
    assert set(info.value.match.missing) == {"country", "brand", "units", "year|period"}
    with pytest.raises(ColumnMismatchError):
        load_table(DATA / "dealers.csv", "sales")  # a dealers table is not a sales table


def test_header_only_is_read_but_has_no_rows() -> None:
    result = load_table(DATA / "bad" / "header_only.csv", "sales")
    assert (result.rows, result.accepted_count, result.rejections) == (0, 0, [])


def test_user_mapping_applies() -> None:
    headers = ["Land", "Marke", "Jahr", "Stück", "Notiz"]
    assert not match_headers(headers, "sales").ok
    match = apply_mapping(
        headers, "sales", {"Land": "country", "Marke": "brand", "Jahr": "year", "Stück": "units"}
    )
    assert match.ok and match.columns == {"country": 0, "brand": 1, "year": 2, "units": 3}
    assert match.unused == ("Notiz",)
    with pytest.raises(ValueError, match="not a sales field"):
        apply_mapping(headers, "sales", {"Land": "nation"})


def test_header_matching_forgives_case_space_and_units() -> None:
    match = match_headers([" Country ", "BRAND", "Year", "销量（辆）", "Value CNY", "fuel type"], "sales")
    assert match.ok
    assert match.columns == {"country": 0, "brand": 1, "year": 2, "units": 3, "value_cny": 4, "powertrain": 5}


def test_powertrain_words() -> None:
    assert [
        normalise_powertrain(w) for w in ["BEV", "phev", "EREV", "新能源", "燃油", "ICE", "", "steam"]
    ] == ["NEV", "NEV", "NEV", "NEV", "ICE", "ICE", "", None]


def test_parse_numbers() -> None:
    values = parse_numbers(
        pd.Series(["12,400", "1 234 567", "7", "-3.5", "12.400", "1,2", "", "abc"], dtype="str")
    )
    assert values.tolist()[:5] == [12400, 1234567, 7, -3.5, 12.4]
    assert all(math.isnan(v) for v in values.tolist()[5:])


def test_a_missing_file_is_a_data_format_error(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match="no such file"):
        load_table(tmp_path / "none.csv", "sales")


def test_period_forms_and_a_month_column_next_to_year(tmp_path: Path) -> None:
    path = tmp_path / "periods.csv"
    path.write_text(
        "country,brand,year,month,units\nTHA,A,2024,3,1\nTHA,A,2024,2024-05,1\nTHA,A,2024,2023-05,1\n"
        "THA,A,,2024.3,1\nTHA,A,,202403,1\nTHA,A,,2024-03-01,1\nTHA,A,,2024年3月,1\nTHA,A,2024,13,1\n",
        encoding="utf-8",
    )
    result = load_table(path, "sales")
    assert result.accepted[["source_row", "year", "month"]].values.tolist() == [
        [2, 2024, 3],
        [3, 2024, 5],
        [5, 2024, 3],
        [6, 2024, 3],
        [7, 2024, 3],
        [8, 2024, 3],
    ]
    assert result.rejections == [
        Rejection(4, "period", "period and year disagree"),
        Rejection(9, "period", "period '13': not a month (write it as 2024-03)"),
    ]


def test_utf16_text_export_from_excel(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("Country\tBrand\tYear\tValue (CNY)\tUnits\nThailand\tA\t2024\t5\t6\n".encode("utf-16"))
    result = load_table(path, "sales")
    assert result.raw.encoding == "utf-16"
    assert result.accepted[["units", "value_cny"]].values.tolist() == [[6, 5.0]]


@pytest.mark.parametrize(
    ("name", "kind"), [("sales_utf8.csv", "sales"), ("sales.xlsx", "sales"), ("dealers.csv", "dealers")]
)
def test_progress_rises_to_done(name: str, kind: str) -> None:
    seen: list[tuple[float, str]] = []
    load_table(DATA / name, kind, progress=lambda f, s: seen.append((f, s)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0 and seen[-1] == (1.0, "done")
