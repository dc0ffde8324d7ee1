"""The word lists in resources/aliases/: every entry means one thing, and a broken row is named by line."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from corridor_map.core import alias_tables as at
from corridor_map.core.countries import default_index, normalise_country
from corridor_map.core.schema import (
    DEALER_KINDS,
    ICE,
    NEV,
    SCHEMAS,
    match_headers,
    normalise_dealer_kind,
    normalise_header,
    normalise_powertrain,
)

FILES = {
    at.COUNTRY_NAMES_FILE: ("alias", "iso3"),
    at.AMBIGUOUS_NAMES_FILE: ("name", "iso3"),
    at.DISPLAY_NAMES_ZH_FILE: ("iso3", "name_zh"),
    at.NOT_COUNTRIES_FILE: ("text",),
    at.COLUMN_HEADERS_FILE: ("table", "field", "alias"),
    at.CELL_VALUES_FILE: ("field", "word", "value"),
}
CELL_VALUES = {
    "powertrain": ({NEV, ICE}, normalise_powertrain),
    "kind": (set(DEALER_KINDS) - {"other"}, normalise_dealer_kind),
}


def _known_iso3() -> set[str]:
    return {c.alpha_3 for c in pycountry.countries} | set(default_index().known_iso3())


@pytest.mark.parametrize("name", sorted(FILES))
def test_files_are_bundled_without_duplicate_rows(name: str) -> None:
    rows = [values for _, values in at.read_rows(at.aliases_dir() / name, FILES[name])]
    assert rows
    assert len(rows) == len(set(rows)), f"{name} repeats a row"


def test_every_country_alias_resolves_to_its_one_known_country() -> None:
    known, index = _known_iso3(), default_index()
    by_key: defaultdict[str, set[str]] = defaultdict(set)
    for alias, iso3 in at.country_names().items():
        assert iso3 in known, alias
        by_key[normalise_country(alias)].add(iso3)
        assert index.resolve(alias).iso3 == iso3, alias
    assert "" not in by_key
    assert {k: v for k, v in by_key.items() if len(v) > 1} == {}
    assert not set(by_key) & {normalise_country(n) for n in at.ambiguous_names()}


def test_ambiguous_names_are_refused_with_their_known_countries() -> None:
    known, index = _known_iso3(), default_index()
    for name, options in at.ambiguous_names().items():
        assert set(options) <= known and len(set(options)) >= 2, name
        match = index.resolve(name)
        assert (match.status, match.candidates) == ("ambiguous", tuple(sorted(options)))


def test_display_names_and_placeholders() -> None:
    index = default_index()
    for iso3, name in at.display_names_zh().items():
        assert index.display_name(iso3, "zh") == name
    for text in at.not_countries():
        assert index.resolve(text).status == "placeholder", text
        assert index.resolve(text.upper()).status == "placeholder", text


def test_every_header_alias_names_one_field_of_its_table() -> None:
    for (kind, field), aliases in at.column_headers().items():
        assert kind in SCHEMAS and field in SCHEMAS[kind].names, (kind, field)  # type: ignore[index]
        for alias in aliases:
            assert match_headers([alias], kind).columns == {field: 0}, alias  # type: ignore[arg-type]
    for kind, schema in SCHEMAS.items():
        owner: defaultdict[str, set[str]] = defaultdict(set)
        for f in schema.fields:
            for name in f.all_names():
                owner[normalise_header(name)].add(f.name)
        assert {k: v for k, v in owner.items() if len(v) > 1} == {}, kind


def test_every_cell_word_has_one_known_value() -> None:
    words = at.cell_values()
    assert set(words) == set(CELL_VALUES)
    for field, table in words.items():
        allowed, normalise = CELL_VALUES[field]
        seen: dict[str, str] = {}
        for word, value in table.items():
            assert value in allowed, (field, word)
            assert seen.setdefault(normalise_header(word), value) == value, (field, word)
            assert normalise(word) == value, (field, word)


def test_a_tolerant_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    text = 'alias,iso3,note\n\nUK,gbr,lowercase code\n,,\n"Korea, Rep.",KOR\n美国,USA,\n'
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())  # with the BOM Excel writes
    assert at.load_country_names(path) == {"UK": "GBR", "Korea, Rep.": "KOR", "美国": "USA"}


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 1, "header"),
        ("name,iso3\nUK,GBR\n", 1, "header must be 'alias,iso3'"),
        ("alias,iso3\nUK,GBR\nFrance,\n", 3, "column 'iso3' is empty"),
        ("alias,iso3\nUK,GB\n", 2, "'GB' is not an ISO 3166-1 alpha-3 code"),
        ("alias,iso3\nUK,GBR\nKorea, Rep.,KOR\n", 3, "3 cells, at most 2"),
        ("alias,iso3\nUK,GBR\nUSA,USA\nUK,USA\n", 4, "'UK' is already on line 2"),
        ('alias,iso3\nUK,GBR\n"Korea,KOR\n', 3, "not a CSV row"),
    ],
)
def test_a_malformed_row_is_named_by_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = tmp_path / "country_names.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(at.AliasTableError, match=reason) as caught:
        at.load_country_names(path)
    assert caught.value.path == path and caught.value.line == line
    assert str(caught.value).startswith(f"{path}, line {line}: ")


def test_other_tables_name_the_line_too(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("name,iso3\nCongo,COG\nCongo,COD\nGuinea,GIN\n", encoding="utf-8")
    with pytest.raises(at.AliasTableError, match="'Guinea' is ambiguous but has one country only"):
        at.load_ambiguous_names(path)
    path.write_text("table,field,alias\nsales,units,qty\nsales,units,\n", encoding="utf-8")
    with pytest.raises(at.AliasTableError, match=r"line 3: column 'alias' is empty"):
        at.load_column_headers(path)
    path.write_text("field,word,value\nkind,4s,both\nkind,4s,sales\n", encoding="utf-8")
    with pytest.raises(at.AliasTableError, match=r"line 3: 'kind,4s' is already on line 2"):
        at.load_cell_values(path)


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(at.AliasTableError, match="missing") as caught:
        at.load_not_countries(tmp_path / "absent.csv")
    assert caught.value.path == tmp_path / "absent.csv"
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("text\nn/a\nnão sei\n".encode("latin-1"))
    with pytest.raises(at.AliasTableError, match="cannot read file as UTF-8") as caught:
        at.load_not_countries(latin1)
    assert str(caught.value).startswith(str(latin1))
