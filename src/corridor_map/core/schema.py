"""The sales and dealers table schemas: fields, header aliases (English and Chinese), header matching.

The aliases and the words of the powertrain and dealer-kind cells are in ``resources/aliases/``.

Headers match case-insensitively after trimming, with ``_``, ``-``, ``.`` and runs of spaces treated alike
(``Value CNY`` = ``value_cny``), and a trailing unit in brackets ignored (``销量（辆）`` = ``销量``).
When the headers do not match, :func:`apply_mapping` takes the user's choice of column for each field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from corridor_map.core.alias_tables import cell_values, column_headers
from corridor_map.core.errors import DataFormatError

TableKind = Literal["sales", "dealers"]
TABLE_KINDS: tuple[TableKind, ...] = ("sales", "dealers")


@dataclass(frozen=True)
class Field:
    """One column of a table schema."""

    name: str
    label_zh: str
    required: bool
    aliases: tuple[str, ...] = ()
    description: str = ""
    in_template: bool = True  # False: an alternative layout, described in the help but not a column

    def all_names(self) -> tuple[str, ...]:
        """The canonical English name, the Chinese label and every alias."""
        return (self.name, self.label_zh, *self.aliases)


@dataclass(frozen=True)
class TableSchema:
    """The fields of a sales or dealers table."""

    kind: TableKind
    fields: tuple[Field, ...]
    # Groups of fields of which at least one must be present (sales: year or period).
    one_of: tuple[tuple[str, ...], ...] = ()

    def field(self, name: str) -> Field:
        """The field called ``name``."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical field names, in schema order."""
        return tuple(f.name for f in self.fields)

    def required_names(self) -> tuple[str, ...]:
        """Fields that must always be present."""
        return tuple(f.name for f in self.fields if f.required)


def _schema(
    kind: TableKind, fields: tuple[Field, ...], one_of: tuple[tuple[str, ...], ...] = ()
) -> TableSchema:
    """A schema whose fields take their header aliases from ``resources/aliases/column_headers.csv``."""
    aliases = column_headers()
    with_aliases = tuple(replace(f, aliases=aliases.get((kind, f.name), ())) for f in fields)
    return TableSchema(kind, with_aliases, one_of)


SALES = _schema(
    "sales",
    (
        Field("country", "国家", True, description="destination country, any common spelling"),
        Field("brand", "品牌", True, description="vehicle brand"),
        Field("year", "年份", False, description="calendar year, e.g. 2024"),
        Field("period", "期间", False, description="month as YYYY-MM, e.g. 2024-03"),
        Field("units", "销量", True, description="vehicles sold, a non-negative integer"),
        Field(
            "nev_units",
            "新能源",
            False,
            description="of the units, how many are NEVs: splits the row into NEV and ICE (total − NEV)",
            in_template=False,
        ),
        Field("powertrain", "动力类型", False, description="NEV or ICE (BEV, PHEV, EREV count as NEV)"),
        Field("value_cny", "金额", False, description="value in yuan"),
    ),
    one_of=(("year", "period"),),
)

DEALERS = _schema(
    "dealers",
    (
        Field("dealer", "经销商", True, description="dealer name"),
        Field("country", "国家", True, description="country, any common spelling"),
        Field("brand", "品牌", True, description="brand sold or serviced"),
        Field("city", "城市", False, description="city (places the dealer when there are no coordinates)"),
        Field("lat", "纬度", False, description="latitude in degrees, -90 to 90"),
        Field("lon", "经度", False, description="longitude in degrees, -180 to 180"),
        Field(
            "coords",
            "坐标",
            False,
            description=(
                "latitude and longitude in one cell (13.75, 100.50); used where lat/lon are not given"
            ),
        ),
        Field("kind", "类型", False, description="sales, service or both"),
        Field("address", "地址", False, description="street address"),
        Field("phone", "电话", False, description="phone number, kept as text"),
        Field("website", "网站", False, description="web address"),
    ),
)

SCHEMAS: dict[TableKind, TableSchema] = {"sales": SALES, "dealers": DEALERS}

_SEPARATORS = re.compile(r"[\s_\-.·]+")
_TRAILING_UNIT = re.compile(r"\s*[(（\[【][^)）\]】]*[)）\]】]\s*$")


def normalise_header(text: str) -> str:
    """The comparison key of a header: NFKC, trimmed, case-folded, separators unified to one space."""
    key = unicodedata.normalize("NFKC", str(text)).strip().casefold()
    return _SEPARATORS.sub(" ", key).strip()


def _header_keys(text: str) -> tuple[str, ...]:
    """Keys a header may match by: as written, and without a trailing unit in brackets."""
    key = normalise_header(text)
    bare = normalise_header(_TRAILING_UNIT.sub("", unicodedata.normalize("NFKC", str(text))))
    return (key, bare) if bare and bare != key else (key,)


def _alias_index(schema: TableSchema) -> dict[str, str]:
    index: dict[str, str] = {}
    for f in schema.fields:
        for name in f.all_names():
            index.setdefault(normalise_header(name), f.name)
    return index


_ALIAS_INDEX: dict[TableKind, dict[str, str]] = {kind: _alias_index(s) for kind, s in SCHEMAS.items()}


@dataclass(frozen=True)
class HeaderMatch:
    """Which column holds which field, and what is missing or unused."""

    kind: TableKind
    headers: tuple[str, ...]
    columns: dict[str, int]  # field name -> column index in ``headers``
    missing: tuple[str, ...]  # required fields (or one-of groups, written "year|period") not found
    unused: tuple[str, ...] = ()  # headers that match no field (ignored on import)
    duplicates: tuple[str, ...] = field(default=())  # fields claimed by more than one column

    @property
    def ok(self) -> bool:
        """True when every required field has a column and no field has two."""
        return not self.missing and not self.duplicates

    def describe_problem(self) -> str:
        """A one-line, user-facing explanation of why the headers do not fit."""
        schema = SCHEMAS[self.kind]
        parts = []
        if self.missing:
            names = []
            for name in self.missing:
                alts = name.split("|")
                names.append(" or ".join(f"'{a}' ({schema.field(a).label_zh})" for a in alts))
            parts.append("missing column " + ", ".join(names))
        if self.duplicates:
            parts.append("more than one column for " + ", ".join(f"'{d}'" for d in self.duplicates))
        found = ", ".join(f"'{h}'" for h in self.headers) or "none"
        return f"not a {self.kind} table: {'; '.join(parts)} (columns found: {found})"


def _finish(kind: TableKind, headers: Sequence[str], claims: dict[str, list[int]]) -> HeaderMatch:
    schema = SCHEMAS[kind]
    columns = {name: idx[0] for name, idx in claims.items()}
    duplicates = tuple(sorted(name for name, idx in claims.items() if len(idx) > 1))
    missing = [name for name in schema.required_names() if name not in columns]
    for group in schema.one_of:
        if not any(name in columns for name in group):
            missing.append("|".join(group))
    used = {i for idx in claims.values() for i in idx}
    unused = tuple(h for i, h in enumerate(headers) if i not in used and str(h).strip())
    return HeaderMatch(kind, tuple(str(h) for h in headers), columns, tuple(missing), unused, duplicates)


def match_headers(headers: Sequence[str], kind: TableKind) -> HeaderMatch:
    """Match a file's header row to the ``kind`` schema by name and alias."""
    index = _ALIAS_INDEX[kind]
    claims: dict[str, list[int]] = {}
    for i, header in enumerate(headers):
        for key in _header_keys(header):
            name = index.get(key)
            if name is not None:
                claims.setdefault(name, []).append(i)
                break
    return _finish(kind, headers, claims)


def apply_mapping(headers: Sequence[str], kind: TableKind, mapping: Mapping[str, str]) -> HeaderMatch:
    """Match using the user's choice ``{header as written: field name}``; unmapped headers match as usual.

    A header mapped to ``""`` is ignored. Unknown field names raise ``ValueError``.
    """
    schema = SCHEMAS[kind]
    index = _ALIAS_INDEX[kind]
    claims: dict[str, list[int]] = {}
    for i, header in enumerate(headers):
        if header in mapping:
            name = mapping[header]
            if not name:
                continue
            if name not in schema.names:
                raise ValueError(f"'{name}' is not a {kind} field")
        else:
            name = next((index[k] for k in _header_keys(header) if k in index), "")
            if not name or name in mapping.values():  # the user's choice wins over a name match
                continue
        claims.setdefault(name, []).append(i)
    return _finish(kind, headers, claims)


def guess_kind(headers: Sequence[str]) -> TableKind | None:
    """The table kind whose required fields all match, preferring dealers (it has a 'dealer' column)."""
    for kind in ("dealers", "sales"):
        if match_headers(headers, kind).ok:
            return kind
    return None


def header_signature(headers: Sequence[str]) -> str:
    """A stable key for a header row, under which a user's column mapping is remembered."""
    return "\x1f".join(normalise_header(h) for h in headers)


class ColumnMismatchError(DataFormatError):
    """The file's headers do not fit the schema; carries the match so a GUI can offer a mapping step."""

    def __init__(self, path: Path | str, match: HeaderMatch, raw: Any = None) -> None:
        self.match = match
        self.raw = raw  # the table as read (a readers.RawTable), for the mapping step's preview
        super().__init__(path, match.describe_problem())


# -- powertrain ---------------------------------------------------------------------------------------

NEV = "NEV"
ICE = "ICE"
POWERTRAIN_UNSPECIFIED = ""


def _cell_words(column: str) -> dict[str, str]:
    """Words written in a powertrain or dealer-kind cell (``resources/aliases/cell_values.csv``) → value,
    keyed like headers."""
    return {normalise_header(word): value for word, value in cell_values().get(column, {}).items()}


_POWERTRAIN_WORDS: dict[str, str] = _cell_words("powertrain")


def normalise_powertrain(text: str) -> str | None:
    """``NEV``, ``ICE``, ``""`` for an empty cell, or None when the word is not known.

    Follows China's definition: BEV, PHEV, EREV and fuel cells are NEVs; plain (self-charging) hybrids
    are not.
    """
    key = normalise_header(text)
    if not key:
        return POWERTRAIN_UNSPECIFIED
    return _POWERTRAIN_WORDS.get(key)


# "other": a kind word the app does not know; the dealer is kept and the word reported.
DEALER_KINDS = ("sales", "service", "both", "other")
_DEALER_KIND_WORDS: dict[str, str] = _cell_words("kind")


def normalise_dealer_kind(text: str) -> str | None:
    """``sales``, ``service`` or ``both`` (also for an empty cell), or None when not recognised (the
    validator keeps such a dealer as ``other`` and reports the word)."""
    key = normalise_header(text)
    if not key:
        return "both"
    return _DEALER_KIND_WORDS.get(key)
