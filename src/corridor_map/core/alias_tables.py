"""The word lists in ``resources/aliases/``: country name variants, column-header and cell words.

Each file is UTF-8 CSV (a UTF-8 BOM is accepted) with a header row and one entry per row; cells are
trimmed, blank rows skipped, and an optional last ``note`` column is for people only. A malformed file
raises :class:`AliasTableError` naming the file and line. The bundled tables are read once.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from corridor_map.core.errors import CorridorMapError
from corridor_map.paths import resources_dir

COUNTRY_NAMES_FILE = "country_names.csv"  # alias,iso3[,note]
AMBIGUOUS_NAMES_FILE = "ambiguous_country_names.csv"  # name,iso3[,note]: one row per country it may mean
DISPLAY_NAMES_ZH_FILE = "chinese_display_names.csv"  # iso3,name_zh[,note]
NOT_COUNTRIES_FILE = "not_countries.csv"  # text[,note]
COLUMN_HEADERS_FILE = "column_headers.csv"  # table,field,alias[,note]
CELL_VALUES_FILE = "cell_values.csv"  # field,word,value[,note]
NOTE = "note"

_ISO3 = re.compile(r"[A-Z]{3}")


class AliasTableError(CorridorMapError, ValueError):
    """A word-list file is missing or has a malformed row."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}, line {line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {reason}")


def aliases_dir() -> Path:
    """The folder of the bundled word lists."""
    return resources_dir() / "aliases"


def _lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, trimmed cells) of each non-blank CSV row, the header included."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AliasTableError(path, None, "file is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasTableError(path, None, f"cannot read file as UTF-8: {exc}") from exc
    reader = csv.reader(io.StringIO(text), strict=True)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise AliasTableError(path, reader.line_num, f"not a CSV row: {exc}") from exc
        cells = [cell.strip() for cell in row]
        if any(cells):
            yield reader.line_num, cells


def read_rows(path: Path, columns: Sequence[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(line number, the row's ``columns``) per row; every column must be filled, ``note`` is dropped."""
    rows = _lines(path)
    expected = ",".join(columns)
    first = next(rows, None)
    if first is None:
        raise AliasTableError(path, 1, f"empty file: the header '{expected}' is missing")
    line, header = first
    if header not in (list(columns), [*columns, NOTE]):
        raise AliasTableError(path, line, f"the header must be '{expected}' or '{expected},{NOTE}'")
    result = []
    for line, cells in rows:
        if len(cells) > len(header) and any(cells[len(header) :]):
            raise AliasTableError(
                path, line, f"{len(cells)} cells, at most {len(header)} expected (quote a cell with a comma)"
            )
        values = tuple((cells + [""] * len(columns))[: len(columns)])
        for name, value in zip(columns, values, strict=True):
            if not value:
                raise AliasTableError(path, line, f"column '{name}' is empty")
        result.append((line, values))
    return result


def _unique_rows(path: Path, columns: Sequence[str], key_width: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    """:func:`read_rows`, refusing a row whose first ``key_width`` cells repeat an earlier row's."""
    seen: dict[tuple[str, ...], int] = {}
    for line, values in read_rows(path, columns):
        key = values[:key_width]
        if key in seen:
            raise AliasTableError(path, line, f"'{','.join(key)}' is already on line {seen[key]}")
        seen[key] = line
        yield line, values


def _iso3(path: Path, line: int, text: str) -> str:
    code = text.upper()
    if not _ISO3.fullmatch(code):
        raise AliasTableError(path, line, f"'{text}' is not an ISO 3166-1 alpha-3 code (three letters)")
    return code


def load_country_names(path: Path) -> dict[str, str]:
    """Written country → ISO3."""
    return {
        alias: _iso3(path, line, iso3) for line, (alias, iso3) in _unique_rows(path, ("alias", "iso3"), 1)
    }


def load_ambiguous_names(path: Path) -> dict[str, tuple[str, ...]]:
    """Name → every ISO3 it may mean (at least two)."""
    lines: dict[str, int] = {}
    options: dict[str, list[str]] = {}
    for line, (name, iso3) in _unique_rows(path, ("name", "iso3"), 2):
        lines.setdefault(name, line)
        options.setdefault(name, []).append(_iso3(path, line, iso3))
    for name, codes in options.items():
        if len(codes) < 2:
            raise AliasTableError(path, lines[name], f"'{name}' is ambiguous but has one country only")
    return {name: tuple(codes) for name, codes in options.items()}


def load_display_names_zh(path: Path) -> dict[str, str]:
    """ISO3 → the Chinese name the app shows."""
    rows = _unique_rows(path, ("iso3", "name_zh"), 1)
    return {_iso3(path, line, iso3): name for line, (iso3, name) in rows}


def load_not_countries(path: Path) -> tuple[str, ...]:
    """Texts written where a country is missing or is not one."""
    return tuple(text for _, (text,) in _unique_rows(path, ("text",), 1))


def load_column_headers(path: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """(table, field) → the header aliases of the field, in file order."""
    aliases: dict[tuple[str, str], list[str]] = {}
    for _, (table, field, alias) in _unique_rows(path, ("table", "field", "alias"), 3):
        aliases.setdefault((table, field), []).append(alias)
    return {key: tuple(names) for key, names in aliases.items()}


def load_cell_values(path: Path) -> dict[str, dict[str, str]]:
    """Field → {word written in a cell: the value it stands for}."""
    words: dict[str, dict[str, str]] = {}
    for _, (field, word, value) in _unique_rows(path, ("field", "word", "value"), 2):
        words.setdefault(field, {})[word] = value
    return words


@functools.cache
def country_names() -> Mapping[str, str]:
    """The bundled :data:`COUNTRY_NAMES_FILE`."""
    return load_country_names(aliases_dir() / COUNTRY_NAMES_FILE)


@functools.cache
def ambiguous_names() -> Mapping[str, tuple[str, ...]]:
    """The bundled :data:`AMBIGUOUS_NAMES_FILE`."""
    return load_ambiguous_names(aliases_dir() / AMBIGUOUS_NAMES_FILE)


@functools.cache
def display_names_zh() -> Mapping[str, str]:
    """The bundled :data:`DISPLAY_NAMES_ZH_FILE`."""
    return load_display_names_zh(aliases_dir() / DISPLAY_NAMES_ZH_FILE)


@functools.cache
def not_countries() -> tuple[str, ...]:
    """The bundled :data:`NOT_COUNTRIES_FILE`."""
    return load_not_countries(aliases_dir() / NOT_COUNTRIES_FILE)


@functools.cache
def column_headers() -> Mapping[tuple[str, str], tuple[str, ...]]:
    """The bundled :data:`COLUMN_HEADERS_FILE`."""
    return load_column_headers(aliases_dir() / COLUMN_HEADERS_FILE)


@functools.cache
def cell_values() -> Mapping[str, Mapping[str, str]]:
    """The bundled :data:`CELL_VALUES_FILE`."""
    return load_cell_values(aliases_dir() / CELL_VALUES_FILE)
