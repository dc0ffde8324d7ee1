"""Readers over real files: encodings, delimiters, XLSX cached values, broken files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corridor_map.core.errors import DataFormatError
from corridor_map.core.readers import cell_text, list_sheets, read_table, sniff_format

DATA = Path(__file__).resolve().parent.parent / "data"
BROKEN = DATA / "broken"


def test_utf8_csv_rows_are_numbered_as_a_spreadsheet_shows_them() -> None:
    raw = read_table(DATA / "sales_utf8.csv")
    assert raw.format == "csv" and raw.encoding == "utf-8" and raw.delimiter == ","
    assert raw.headers == ["country", "brand", "year", "powertrain", "units", "value_cny"]
    assert raw.data_rows == 11  # the blank line 9 is not a data row
    assert list(raw.rows) == [2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13]
    assert raw.cells.iloc[0].tolist() == ["Thailand", "Alpha", "2024", "NEV", "12,400", "1000000"]


def test_bom_and_gb18030_are_decoded() -> None:
    bom = read_table(DATA / "sales_bom_zh.csv")
    assert bom.encoding == "utf-8-sig"
    assert bom.headers[0] == "国家"  # no BOM glued to the first header
    gb = read_table(DATA / "sales_gb18030.csv")
    assert gb.encoding == "gb18030"
    assert gb.headers == ["国家/地区", "品牌", "期间", "销量", "金额"]
    assert gb.cells.iloc[1].tolist()[:3] == ["老挝", "甲", "2024年5月"]


def test_semicolon_and_tab_delimiters_are_detected() -> None:
    semi = read_table(DATA / "sales_semicolon.csv")
    assert semi.delimiter == ";"
    assert semi.cells[3].tolist() == ["12,400", "1 200", "12.400", "50"]
    tab = read_table(DATA / "sales_tab.tsv")
    assert tab.delimiter == "\t"
    assert tab.cells[0].tolist()[1] == "Korea, Republic of"


def test_ragged_rows_are_kept_aside_with_their_cells() -> None:
    raw = read_table(DATA / "sales_ragged.csv")
    assert list(raw.rows) == [2, 5, 7]
    assert raw.cells[0].tolist()[1] == "Viet\nNam"  # a quoted newline stays inside its cell
    assert raw.bad_width == {
        3: ["Thailand", "A", "2024", "5", "extra"],
        4: ["Thailand", "A", "2024"],
        6: ["Thailand", "A", "2024", "12", "400"],
    }
    assert raw.data_rows == 6


def test_xlsx_reads_cached_formula_values_and_flags_missing_ones() -> None:
    raw = read_table(DATA / "sales.xlsx")
    assert raw.format == "xlsx" and raw.sheet == "Sales"
    assert list(raw.rows) == [2, 3, 4, 5, 7, 8]
    units = dict(zip(raw.rows.tolist(), raw.cells[3].tolist(), strict=True))
    assert units[3] == "200"  # cached value of =D2*2
    assert units[5] == "12,400"  # text stays text
    assert raw.cells[2].tolist()[3] == "2024"  # a float year 2024.0 reads as 2024
    assert raw.formula_without_value == [(4, 3)]


def test_xlsx_named_sheet_keeps_text_as_text() -> None:
    assert list_sheets(DATA / "sales.xlsx") == ["Sales", "Dealers"]
    raw = read_table(DATA / "sales.xlsx", sheet="Dealers")
    assert raw.headers == ["Dealer", "Country", "Brand", "Phone", "Lat", "Lon"]
    assert raw.cells[3].tolist() == ["0066123", "+84 9"]
    with pytest.raises(DataFormatError, match="no sheet named 'Nope'"):
        read_table(DATA / "sales.xlsx", sheet="Nope")


def test_format_comes_from_content_not_extension() -> None:
    assert sniff_format(DATA / "sales_really_csv.xlsx") == "csv"
    raw = read_table(DATA / "sales_really_csv.xlsx")
    assert raw.format == "csv" and raw.data_rows == 11


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "empty"),
        ("blank.csv", "empty"),
        ("garbage.csv", "not a CSV or XLSX"),
        ("truncated.xlsx", "damaged XLSX"),
        ("old_excel.xls", ".xls"),
        ("one_column.csv", "one column"),
    ],
)
def test_broken_files_raise_an_error_naming_the_file(name: str, message: str) -> None:
    path = BROKEN / name
    with pytest.raises(DataFormatError, match=message) as info:
        read_table(path)
    assert info.value.path == path
    assert name in str(info.value)


def test_a_folder_and_a_missing_path_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match="folder"):
        read_table(tmp_path)
    with pytest.raises(DataFormatError, match="no such file"):
        read_table(tmp_path / "nope.csv")


def test_header_only_has_no_data_rows() -> None:
    raw = read_table(DATA / "bad" / "header_only.csv")
    assert raw.headers == ["country", "brand", "year", "units"]
    assert raw.data_rows == 0


def test_cell_text_conventions() -> None:
    import datetime as dt

    assert cell_text(None) == ""
    assert cell_text(2024.0) == "2024"
    assert cell_text(1.5) == "1.5"
    assert cell_text(True) == "TRUE"
    assert cell_text(dt.datetime(2024, 3, 1)) == "2024-03-01"


# Control characters other than tab and newline mark a file as binary (by design), so they are left out.
cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(["\t", "\n", '"']),
    max_size=12,
)


@given(
    st.lists(st.lists(cell, min_size=3, max_size=3), min_size=1, max_size=30),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
@settings(max_examples=150, deadline=None)
def test_any_csv_written_by_the_csv_module_reads_back_cell_for_cell(
    tmp_path_factory, rows, delimiter, encoding
) -> None:
    header = ["country", "brand", "units"]
    rows = [r for r in rows if any(c.strip() for c in r)]  # blank rows are skipped by design
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows([header, *rows])
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return  # gb18030 covers all of Unicode, but be safe
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(data)
    # Any text at all is only certain in UTF-8: GB18030 bytes of random characters may read as well in
    # Big5 or a Windows code page, so that case names its encoding (as the import dialog lets a user).
    raw = read_table(path, encoding="gb18030" if encoding == "gb18030" else None)
    assert raw.headers == header
    # every row comes back, but those the reader says it left out as totals or notes (with the cell)
    assert raw.layout is not None
    left_out = {s.row: s for s in raw.layout.skipped}
    for number, skipped in left_out.items():
        assert skipped.reason in ("total", "breakdown", "note"), skipped
        assert skipped.text.strip() in " ".join(rows[number - 2]), skipped
    kept = [r for number, r in enumerate(rows, start=2) if number not in left_out]
    assert raw.cells.values.tolist() == kept
    assert not raw.bad_width


@given(
    st.lists(
        st.lists(st.sampled_from(["a", "b b", "1,5", 'q"q', "x\ny", "", " "]), min_size=1, max_size=5),
        min_size=1,
        max_size=25,
    )
)
@settings(max_examples=150, deadline=None)
def test_rows_of_any_width_are_split_into_rows_and_rejected_widths(tmp_path_factory, rows) -> None:
    header = ["country", "brand", "units"]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    path = tmp_path_factory.mktemp("ragged") / "t.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    raw = read_table(path)
    expected_good, expected_bad = [], {}
    for number, row in enumerate(rows, start=2):
        if not any(c.strip() for c in row):
            continue
        trimmed = row[:3] if len(row) > 3 and not any(c.strip() for c in row[3:]) else row
        if len(trimmed) == 3:
            expected_good.append((number, trimmed))
        else:
            expected_bad[number] = row
    assert [(int(r), c) for r, c in zip(raw.rows, raw.cells.values.tolist(), strict=True)] == expected_good
    assert raw.bad_width == expected_bad


def test_a_stray_quote_inside_a_cell_falls_back_to_the_exact_parser(tmp_path: Path) -> None:
    path = tmp_path / "stray.csv"
    path.write_text('country,brand,units\nThailand,5" Motors,1\nRussia,B,2\nUAE,C,3,4\n', encoding="utf-8")
    raw = read_table(path)
    assert raw.cells.values.tolist() == [["Thailand", '5" Motors', "1"], ["Russia", "B", "2"]]
    assert list(raw.rows) == [2, 3]
    assert raw.bad_width == {4: ["UAE", "C", "3", "4"]}


def test_an_xlsx_with_another_extension_is_read_by_its_content(tmp_path: Path) -> None:
    import shutil

    from corridor_map.core.importing import load_table

    disguised = tmp_path / "sales_export.data"
    shutil.copy(Path(__file__).resolve().parent.parent / "data" / "sales.xlsx", disguised)
    expected = load_table(Path(__file__).resolve().parent.parent / "data" / "sales.xlsx", "sales")
    result = load_table(disguised, "sales")
    assert result.accepted_count == expected.accepted_count > 0
    assert [r.row for r in result.rejections] == [r.row for r in expected.rejections]
