"""The conventions of office files, one by one: months, amounts, code pages, report rows.

tests/core/test_office_corpus.py reads whole files; these pin each rule with the forms people write.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corridor_map.core.encodings import decode
from corridor_map.core.errors import DataFormatError
from corridor_map.core.table_finder import find_header, flag_rows
from corridor_map.core.values import parse_amounts, parse_months, read_amount, read_month


@pytest.mark.parametrize(
    ("text", "year", "month"),
    [
        ("2024-03", 2024, 3),
        ("2024/3/1", 2024, 3),
        ("2024年3月", 2024, 3),
        ("２０２４年３月", 2024, 3),
        ("202403", 2024, 3),
        ("45352", 2024, 3),  # an Excel serial day number
        ("Mar-24", 2024, 3),
        ("March 2024", 2024, 3),
        ("2024-Mar", 2024, 3),
        ("1 Mar 2024", 2024, 3),
        ("3月", 0, 3),  # the year comes from a year column
        ("2024.3.1", 2024, 3),
    ],
)
def test_a_month_as_people_write_it(text: str, year: int, month: int) -> None:
    reading = read_month(text)
    assert (reading.year, reading.month, reading.problem) == (year, month, "")


@pytest.mark.parametrize(
    ("text", "word"), [("2024Q1", "quarter"), ("2024年1-3月", "range"), ("soon", "not a month")]
)
def test_what_is_not_one_month_says_why(text: str, word: str) -> None:
    assert word in read_month(text).problem
    assert read_month(text).problem_zh


def test_day_first_or_month_first_is_decided_by_the_whole_file() -> None:
    _, us, problems, _ = parse_months(pd.Series(["1/3/2024", "1/15/2024", "2/1/2024"]))
    assert list(us) == [1, 1, 2] and not any(problems)
    _, eu, problems, _ = parse_months(pd.Series(["01/02/2024", "15/01/2024", "03/02/2024"]))
    assert list(eu) == [2, 1, 2] and not any(problems)
    _, month, problems, zh = parse_months(pd.Series(["3/4/2024", "5/6/2024", "2024-02"]))
    assert list(month) == [0, 0, 2]
    assert "day first" in problems[0] and "month first" in problems[0] and zh[0]


def test_yyyy_dot_one_is_october_or_january_only_when_the_file_tells() -> None:
    two_digit = parse_months(pd.Series(["2024.01", "2024.05", "2024.1"]))
    assert list(two_digit[1]) == [1, 5, 10]  # 2024.10 shown as 2024.1 by a General number
    with_october = parse_months(pd.Series(["2024.1", "2024.10", "2024.2"]))
    assert list(with_october[1]) == [1, 10, 2]
    undecided = parse_months(pd.Series(["2024.1", "2024.2"]))
    assert list(undecided[1]) == [0, 2]
    assert "January or October" in undecided[2][0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12.3万", 123_000),
        ("１２３４", 1234),
        ("1,234辆", 1234),
        ("56台", 56),
        ("1,050 units", 1050),
        ("—", 0),
        ("-", 0),
        ("45.6亿", 4_560_000_000),
        ("¥1,200", 1200),
        ("1 234", 1234),
    ],
)
def test_an_amount_as_people_write_it(text: str, value: float) -> None:
    assert read_amount(text) == pytest.approx(value)


def test_amounts_keep_plain_numbers_and_leave_words_unread() -> None:
    texts = pd.Series(["10", "2万", "TBD", ""])
    plain = pd.Series([10.0, float("nan"), float("nan"), float("nan")])
    got = parse_amounts(texts, plain)
    assert got[0] == 10 and got[1] == 20_000 and pd.isna(got[2]) and pd.isna(got[3])


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("国家,品牌,销量\n泰国,长安,12\n越南,深蓝,7\n", "gb18030"),
        ("國家,品牌,銷量\n泰國,長安,12\n越南,深藍,7\n", "big5"),
        ("country;dealer\nDEU;Autohaus Müller GmbH\nFRA;Crème Automobiles\n", "cp1252"),
        ("country;dealer\nPOL;Auto Łódź Sp. z o.o.\nHUN;Győr Autóház Kft.\n", "cp1250"),
        ("country;dealer;city\nRUS;Автоцентр Север;Москва\nKAZ;Автомир;Алматы\n", "cp1251"),
        ("country,dealer,city\nJPN,長安オート東京,東京\nJPN,モーターズ大阪,大阪\n", "shift_jis"),
    ],
)
def test_a_code_page_is_read_as_the_office_wrote_it(text: str, encoding: str) -> None:
    decoded = decode(Path("x.csv"), text.encode(encoding))
    assert decoded.utf8.decode("utf-8") == text
    assert decoded.encoding == encoding and decoded.guessed


def test_utf16_without_bom_and_a_bom_are_read() -> None:
    text = "country\tunits\nTHA\t5\n"
    assert decode(Path("x.csv"), text.encode("utf-16-le")).utf8.decode() == text
    assert decode(Path("x.csv"), b"\xef\xbb\xbf" + text.encode()).encoding == "utf-8-sig"


def test_two_encodings_in_one_file_are_refused_naming_the_line(tmp_path: Path) -> None:
    data = "国家,销量\n泰国,1\n".encode() + "越南,2\n".encode("gb18030")
    with pytest.raises(DataFormatError) as refused:
        decode(tmp_path / "mixed.csv", data)
    assert "mixed.csv" in str(refused.value)


def test_a_named_encoding_wins_and_a_wrong_one_says_where() -> None:
    data = "国家\n泰国\n".encode("gb18030")
    assert decode(Path("x.csv"), data, "gb18030").utf8.decode() == "国家\n泰国\n"
    with pytest.raises(DataFormatError, match="line 1"):
        decode(Path("x.csv"), data, "utf-8")


def test_the_header_is_the_first_row_with_known_names() -> None:
    rows = [(1, ["2024年海外销量汇总", "", ""]), (2, ["单位：辆", "", ""]), (4, ["国家", "品牌", "销量"])]
    assert find_header(rows, "sales") == (2, True)
    assert find_header([(1, ["a", "b"])], "sales") == (0, False)


def test_total_and_breakdown_rows_are_told_by_their_words() -> None:
    cells = pd.DataFrame(
        [
            ["泰国", "长安", "10"],
            ["泰国", "小计", "10"],
            ["越南 合计", "", "5"],
            ["其中：新能源", "", "3"],
            ["Chile Total", "", "4"],
            ["Grand total", "", "30"],
            ["Total", "Deepal", "2"],
            ["注：数据为初步统计", "", ""],
        ]
    )
    flags = flag_rows(cells, "sales")
    assert dict(zip(flags.positions.tolist(), flags.reasons, strict=True)) == {
        1: "total",
        2: "total",
        3: "breakdown",
        4: "total",
        5: "total",
        6: "total",
        7: "note",
    }
    dealers = flag_rows(pd.DataFrame([["THA", "Total Motors Co."], ["合计", "12 家"]]), "dealers")
    assert flags.texts[0] == "小计" and dealers.positions.tolist() == [1]
