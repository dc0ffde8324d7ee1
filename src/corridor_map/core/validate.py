"""Accept or reject every data row of a sales or dealers table, vectorised over pandas columns.

Row numbers are the ones the spreadsheet shows (header row 1, first data row 2). A row may be rejected
for several reasons at once; each is one :class:`Rejection`. Sales rows are never rejected for being
alike; a dealer row that repeats an earlier one exactly is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

import numpy as np
import pandas as pd

from corridor_map.core.coordinates import parse_coordinate, parse_pair
from corridor_map.core.countries import CountryIndex, default_index
from corridor_map.core.country_check import CountryShapes, default_shapes
from corridor_map.core.dealer_placement import POSITIONS, Note, near_duplicates, place_dealers
from corridor_map.core.distinct import per_distinct, stripped
from corridor_map.core.places import PlaceIndex, default_places
from corridor_map.core.readers import ProgressCallback, RawTable
from corridor_map.core.schema import (
    DEALER_KINDS,
    HeaderMatch,
    TableKind,
    normalise_dealer_kind,
    normalise_powertrain,
)
from corridor_map.core.values import parse_amounts, parse_months

log = logging.getLogger(__name__)

EMPTY = "required field empty"
EMPTY_ZH = "必填字段为空"
FIRST_YEAR = 1980
POWERTRAINS = ("NEV", "ICE", "")
FORMULA_WITHOUT_VALUE = "formula without a saved value (open the file in Excel and save it again)"
FORMULA_WITHOUT_VALUE_ZH = "公式没有保存的值（请在 Excel 中打开该文件并重新保存）"

SALES_COLUMNS = ("iso3", "brand", "year", "month", "powertrain", "units", "value_cny", "source_row")
DEALER_COLUMNS = (
    "dealer",
    "iso3",
    "brand",
    "city",
    "lat",
    "lon",
    "approximate",
    "position",
    "kind",
    "address",
    "phone",
    "website",
    "source_row",
)


def last_plausible_year() -> int:
    """Years after this are refused (next calendar year, so plans for it are accepted)."""
    return dt.date.today().year + 1


@dataclass(frozen=True, order=True)
class Rejection:
    """One problem with one row; ``field`` is the schema field, or ``row`` for the row as a whole."""

    row: int
    field: str
    reason: str
    zh: str = dataclasses.field(default="", compare=False)  # the reason in Chinese, where written

    def text(self, lang: str) -> str:
        """The reason in ``lang`` (English where no Chinese is written)."""
        return self.zh if lang.startswith("zh") and self.zh else self.reason


@dataclass
class ValidationResult:
    """The accepted rows (clean, typed) and every problem found, by spreadsheet row."""

    kind: TableKind
    raw: RawTable
    accepted: pd.DataFrame
    rejections: list[Rejection]
    match: HeaderMatch | None = None
    notes: list[Note] = field(default_factory=list)  # about accepted rows (a dealer's position, …)

    @property
    def path(self) -> Path:
        """The file that was read."""
        return self.raw.path

    @property
    def rows(self) -> int:
        """Data rows below the header (blank rows not counted)."""
        return self.raw.data_rows

    @property
    def accepted_count(self) -> int:
        """How many of the file's rows were accepted (a row split into NEV and ICE, or a wide row
        made one per year, counts once)."""
        if "source_row" not in self.accepted.columns:
            return len(self.accepted)
        return int(self.accepted["source_row"].nunique())

    @property
    def rejected_rows(self) -> list[int]:
        """Spreadsheet row numbers with at least one problem, ascending."""
        return sorted({r.row for r in self.rejections})

    @property
    def swaps(self) -> list[Note]:
        """The notes that offer a dealer's swapped latitude and longitude."""
        return [n for n in self.notes if n.swap is not None]

    def take_swaps(self) -> int:
        """Take every swapped reading offered: those dealers are then where the swapped values say
        (exact positions). Returns how many; their notes are dropped."""
        swaps = {n.row: n.swap for n in self.swaps}
        if not swaps or self.kind != "dealers":
            return 0
        rows = self.accepted["source_row"]
        hit = rows.isin(list(swaps))
        self.accepted.loc[hit, "lat"] = [swaps[int(r)][0] for r in rows[hit]]  # type: ignore[index]
        self.accepted.loc[hit, "lon"] = [swaps[int(r)][1] for r in rows[hit]]  # type: ignore[index]
        self.accepted.loc[hit, "position"] = "exact"
        self.accepted.loc[hit, "approximate"] = False
        self.notes = [n for n in self.notes if n.swap is None]
        return len(swaps)


Reason: TypeAlias = str | pd.Series | tuple[str, pd.Series]
"""A fixed text, a text per row, or (prefix, cell text) formatted as ``prefix ('cell')`` when needed."""


@dataclass
class _Problems:
    """Collects (row mask, field, reason) and turns them into Rejections at the end."""

    rows: np.ndarray
    parts: list[tuple[np.ndarray, str, Reason, Reason | None]] = field(default_factory=list)

    def add(
        self, mask: np.ndarray | pd.Series, field_name: str, reason: Reason, zh: Reason | None = None
    ) -> None:
        m = np.asarray(mask, dtype=bool)
        if m.any():
            self.parts.append((m, field_name, reason, zh))

    def rejected_mask(self) -> np.ndarray:
        out = np.zeros(len(self.rows), dtype=bool)
        for m, _, _, _ in self.parts:
            out |= m
        return out

    @staticmethod
    def _texts(reason: Reason | None, m: np.ndarray) -> list[str]:
        count = int(m.sum())
        if reason is None:
            return [""] * count
        if isinstance(reason, str):
            return [reason] * count
        if isinstance(reason, tuple):
            prefix, cells = reason
            return [f"{prefix} ('{str(c)[:60]}')" for c in cells.to_numpy()[m]]
        return [str(t) for t in reason.to_numpy()[m]]

    def rejections(self) -> list[Rejection]:
        found: list[Rejection] = []
        for m, name, reason, zh in self.parts:
            rows = self.rows[m]
            texts, texts_zh = self._texts(reason, m), self._texts(zh, m)
            found.extend(Rejection(int(r), name, t, z) for r, t, z in zip(rows, texts, texts_zh, strict=True))
        return found


def _text(raw: RawTable, match: HeaderMatch, name: str) -> pd.Series | None:
    """The trimmed text of field ``name``, or None when the file has no such column."""
    idx = match.columns.get(name)
    if idx is None:
        return None
    return stripped(raw.cells[idx])


_GROUP_SEPARATORS = "[,\u00a0\u202f' ]"  # comma, no-break spaces, apostrophe, space (real characters: RE2)
_THOUSANDS = r"[+-]?\d{1,3}(?:" + _GROUP_SEPARATORS + r"\d{3})+(?:\.\d+)?"


_PLAIN_NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"


def _numbers_with_arrow(text: pd.Series) -> pd.Series | None:
    """Numbers via Arrow compute (RE2 and casts, no Python per cell); None without pyarrow."""
    try:
        import pyarrow as pa  # optional fast path
        import pyarrow.compute as pc
    except ImportError:
        return None
    arr = pa.array(text.array)
    try:
        return pd.Series(pc.cast(arr, pa.float64()).to_numpy(zero_copy_only=False), index=text.index)
    except (pa.ArrowException, TypeError, ValueError):
        pass  # some cell is not a plain number: sort them out below
    out = np.full(len(arr), np.nan)
    plain = pc.fill_null(pc.match_substring_regex(arr, _PLAIN_NUMBER), False)
    grouped = pc.fill_null(pc.match_substring_regex(arr, "^" + _THOUSANDS + "$"), False)
    for mask, clean in ((plain, False), (grouped, True)):
        where = np.asarray(mask.to_numpy(zero_copy_only=False), dtype=bool)
        if not where.any():
            continue
        part = pc.filter(arr, mask)
        if clean:
            part = pc.replace_substring_regex(part, _GROUP_SEPARATORS, "")
        out[where] = pc.cast(part, pa.float64()).to_numpy(zero_copy_only=False)
    return pd.Series(out, index=text.index)


def parse_numbers(text: pd.Series) -> pd.Series:
    """Numbers from trimmed text (``12400``, ``12,400``, ``12 400``, ``1.5``); NaN where not a number.
    Each distinct text is read once."""
    return per_distinct(text, _parse_numbers)


def _parse_numbers(text: pd.Series) -> pd.Series:
    fast = _numbers_with_arrow(text)
    if fast is not None:
        return fast
    values = pd.to_numeric(text, errors="coerce").astype("float64")
    retry = values.isna().to_numpy() & (text != "").to_numpy()
    if retry.any():
        sub = text[retry]
        grouped = sub[sub.str.fullmatch(_THOUSANDS).fillna(False).astype(bool)]
        if len(grouped):
            cleaned = grouped.str.replace(_GROUP_SEPARATORS, "", regex=True)
            values.loc[cleaned.index] = pd.to_numeric(cleaned, errors="coerce").astype("float64")
    return values


def _quoted(reason: str, text: pd.Series) -> tuple[str, pd.Series]:
    return reason, text


def _check_required(problems: _Problems, name: str, text: pd.Series) -> np.ndarray:
    empty = (text == "").to_numpy()
    problems.add(empty, name, EMPTY, EMPTY_ZH)
    return empty


def _check_country(problems: _Problems, text: pd.Series, countries: CountryIndex) -> pd.Series:
    empty = _check_required(problems, "country", text)
    iso3, refused = countries.resolve_series(text)
    both = {t: m.reasons(countries) for t, m in refused.items() if m.status != "empty"}
    reasons = {t: en for t, (en, _zh) in both.items()}
    reasons_zh = {t: zh for t, (_en, zh) in both.items()}
    bad = iso3.isna().to_numpy() & ~empty
    if bad.any():
        problems.add(
            bad,
            "country",
            text.map(reasons).fillna("unknown country").astype(str),
            text.map(reasons_zh).fillna("无法识别的国家").astype(str),
        )
    return iso3


def _check_nonneg_int(  # noqa: PLR0917
    problems: _Problems, name: str, text: pd.Series, required: bool, reason: str, reason_zh: str = ""
) -> pd.Series:
    """Whole numbers as people write them (``1,234``, ``12.3万``, ``56台``, ``—`` for none)."""
    empty = (text == "").to_numpy()
    if required:
        problems.add(empty, name, EMPTY, "必填字段为空")
    values = parse_amounts(text, parse_numbers(text)).to_numpy()
    ok = np.isfinite(values) & (values >= 0) & (np.floor(values) == values) & (values < 1e15)
    problems.add(~ok & ~empty, name, _quoted(reason, text), _quoted(reason_zh, text) if reason_zh else None)
    return pd.Series(np.where(ok, values, 0).astype(np.int64), index=text.index)


_YEAR_TEXT = r"^\s*(?:FY\s*)?(\d{4})\s*(?:年度?)?\s*$"


def _per_row(texts: np.ndarray, cells: pd.Series, template: str) -> pd.Series:
    """``template`` formatted per row with the cell (``{cell}``) and a text (``{text}``)."""
    out = [template.format(cell=str(c)[:60], text=t) if t else "" for c, t in zip(cells, texts, strict=True)]
    return pd.Series(out, index=cells.index, dtype=object)


def _years_and_months(
    problems: _Problems, year_text: pd.Series | None, period_text: pd.Series | None
) -> tuple[pd.Series, pd.Series]:
    """Year (0 where invalid) and month (0 = the whole year) from the year and/or period columns."""
    n = len(problems.rows)
    index = (year_text if year_text is not None else period_text).index  # type: ignore[union-attr]
    year = pd.Series(np.zeros(n, dtype=np.int64), index=index)
    month = pd.Series(np.zeros(n, dtype=np.int64), index=index)
    year_given = np.zeros(n, dtype=bool)
    last = last_plausible_year()
    if year_text is not None:
        year_given = (year_text != "").to_numpy()
        values = parse_numbers(year_text).to_numpy()
        retry = year_given & ~np.isfinite(values)
        if retry.any():  # 2024年, FY2024
            values = values.copy()
            values[retry] = pd.to_numeric(year_text[retry].str.extract(_YEAR_TEXT)[0], errors="coerce")
        ok = np.isfinite(values) & (np.floor(values) == values) & (values >= FIRST_YEAR) & (values <= last)
        problems.add(
            year_given & ~ok,
            "year",
            _quoted(f"year not a plausible year ({FIRST_YEAR}-{last})", year_text),
            _quoted(f"年份不是合理的年份（{FIRST_YEAR}-{last}）", year_text),
        )
        year[:] = np.where(ok, values, 0).astype(np.int64)
    if period_text is not None:
        given = (period_text != "").to_numpy()
        y, m, why, why_zh = parse_months(period_text)
        why_arr, why_zh_arr = np.asarray(why, dtype=object), np.asarray(why_zh, dtype=object)
        readable = given & (why_arr == "")
        bare = readable & (y == 0)
        y = np.where(bare & year_given, year.to_numpy(), y)
        no_year = bare & ~year_given
        why_arr[no_year] = "a month without its year: add a year column or write it as 2024-03"
        why_zh_arr[no_year] = "只有月份没有年份：请加年份列，或写成 2024-03"
        month_ok = (m >= 1) & (m <= 12)
        year_ok = (y >= FIRST_YEAR) & (y <= last)
        bad_month = readable & ~no_year & ~(month_ok & year_ok)
        why_arr[bad_month & ~month_ok] = "not a month (write it as 2024-03)"
        why_zh_arr[bad_month & ~month_ok] = "不是月份（请写成 2024-03）"
        why_arr[bad_month & month_ok] = f"year not plausible ({FIRST_YEAR}-{last})"
        why_zh_arr[bad_month & month_ok] = f"年份不合理（{FIRST_YEAR}-{last}）"
        ok = readable & ~no_year & month_ok & year_ok
        bad = given & ~ok
        if bad.any():
            problems.add(
                bad,
                "period",
                _per_row(np.where(bad, why_arr, ""), period_text, "period '{cell}': {text}"),
                _per_row(np.where(bad, why_zh_arr, ""), period_text, "期间“{cell}”：{text}"),
            )
        conflict = ok & year_given & (year.to_numpy() != 0) & (year.to_numpy() != y)
        problems.add(conflict, "period", "period and year disagree", "期间与年份不一致")
        fill = ok & ~year_given
        year[:] = np.where(fill, y, year.to_numpy()).astype(np.int64)
        month[:] = np.where(ok, m, 0).astype(np.int64)
        neither = ~year_given & ~given
    else:
        neither = ~year_given
    problems.add(neither, "year", EMPTY, "必填字段为空")
    return year, month


def _map_unique(text: pd.Series, func: Callable[[str], str | None]) -> pd.Series:
    """Apply ``func`` once per distinct value; a categorical Series, NaN where ``func`` gave None."""
    codes, uniques = pd.factorize(text)
    return _categorical(codes, [func(u) for u in uniques], text.index)


def _categorical(codes: np.ndarray, mapped: list[str | None], index: pd.Index) -> pd.Series:
    """Re-code factorize ``codes`` through ``mapped`` (one value per unique) into a categorical."""
    categories = sorted({m for m in mapped if m is not None})
    position = {c: i for i, c in enumerate(categories)}
    lut = np.array([position[m] if m is not None else -1 for m in mapped] + [-1], dtype=np.int32)
    return pd.Series(pd.Categorical.from_codes(lut[codes], categories=pd.Index(categories)), index=index)


def _common_checks(raw: RawTable, match: HeaderMatch, problems: _Problems) -> None:
    fields_by_column = {idx: name for name, idx in match.columns.items()}
    if raw.formula_without_value:
        row_pos = {int(r): i for i, r in enumerate(problems.rows)}
        for row, col in raw.formula_without_value:
            name = fields_by_column.get(col)
            if name is not None and row in row_pos:
                mask = np.zeros(len(problems.rows), dtype=bool)
                mask[row_pos[row]] = True
                problems.add(mask, name, FORMULA_WITHOUT_VALUE, FORMULA_WITHOUT_VALUE_ZH)


def _width_rejections(raw: RawTable) -> list[Rejection]:
    n = len(raw.headers)
    return [
        Rejection(
            row,
            "row",
            f"row has {len(cells)} cells, the header has {n}",
            f"该行有 {len(cells)} 个单元格，表头有 {n} 个",
        )
        for row, cells in raw.bad_width.items()
    ]


def _finish(  # noqa: PLR0917
    kind: TableKind,
    raw: RawTable,
    match: HeaderMatch,
    problems: _Problems,
    frame: pd.DataFrame,
    notes: list[Note] | None = None,
) -> ValidationResult:
    rejected = problems.rejected_mask()
    # by label: the frame's index is the row position, repeated where a row became two (NEV and ICE)
    accepted = frame.loc[~np.isin(frame.index.to_numpy(), np.flatnonzero(rejected))].reset_index(drop=True)
    found = problems.rejections()
    formula = {(r.row, r.field) for r in found if r.reason == FORMULA_WITHOUT_VALUE}
    if formula:  # the cell is a formula, not empty: say so once
        found = [r for r in found if not (r.reason == EMPTY and (r.row, r.field) in formula)]
    rejections = sorted(found + _width_rejections(raw))
    refused = {r.row for r in rejections}
    kept = sorted((n for n in notes or [] if n.row not in refused), key=lambda n: (n.row, n.field))
    return ValidationResult(kind, raw, accepted, rejections, match, kept)


def validate_sales(
    raw: RawTable,
    match: HeaderMatch,
    *,
    countries: CountryIndex | None = None,
    progress: ProgressCallback | None = None,
) -> ValidationResult:
    """Check a sales table read by :func:`read_table` whose headers matched (``match.ok``)."""
    countries = countries or default_index()
    problems = _Problems(raw.rows)
    _common_checks(raw, match, problems)
    country = _text(raw, match, "country")
    brand = _text(raw, match, "brand")
    assert country is not None and brand is not None, "match_headers guarantees required fields"
    iso3 = _check_country(problems, country, countries)
    _check_required(problems, "brand", brand)
    if progress:
        progress(0.7, "checking years and units")
    year, month = _years_and_months(problems, _text(raw, match, "year"), _text(raw, match, "period"))
    units_text = _text(raw, match, "units")
    assert units_text is not None
    units = _check_nonneg_int(
        problems, "units", units_text, True, "units not a non-negative integer", "销量不是非负整数"
    )
    pt_text = _text(raw, match, "powertrain")
    if pt_text is not None:
        powertrain = _map_unique(pt_text, normalise_powertrain)
        problems.add(
            powertrain.isna().to_numpy(),
            "powertrain",
            _quoted("powertrain not NEV or ICE (BEV, PHEV, EREV, 新能源, 燃油 …)", pt_text),
            _quoted("动力类型不是新能源或燃油（BEV、PHEV、EREV、新能源、燃油…）", pt_text),
        )
        powertrain = powertrain.cat.add_categories(
            [c for c in POWERTRAINS if c not in powertrain.cat.categories]
        ).fillna("")
    else:
        powertrain = pd.Series("", index=country.index, dtype=object)
    notes: list[Note] = []
    value_text = _text(raw, match, "value_cny")
    if value_text is not None:
        value = parse_amounts(value_text, parse_numbers(value_text))
        bad = (value_text != "").to_numpy() & ~(np.isfinite(value.to_numpy()) & (value.to_numpy() >= 0))
        notes += [
            Note(int(r), "value_cny", f"value '{t}' not a non-negative number: left out, the units count",
                 f"金额“{t}”不是非负数：已忽略该金额，销量照常计入")
            for r, t in zip(raw.rows[bad], value_text.to_numpy()[bad], strict=True)
        ]  # fmt: skip
        value = value.where(~bad)
    else:
        value = pd.Series(np.nan, index=country.index)
    frame = pd.DataFrame(
        {
            "iso3": iso3,
            "brand": brand,
            "year": year.astype(np.int16),
            "month": month.astype(np.int8),
            "powertrain": powertrain,
            "units": units,
            "value_cny": value.astype("float64"),
            "source_row": raw.rows,
        }
    )
    nev_text = _text(raw, match, "nev_units")
    if nev_text is not None:
        frame = _split_nev(problems, frame, nev_text, units, pt_text is not None)
    result = _finish("sales", raw, match, problems, frame, notes)
    result.accepted = sales_dtypes(result.accepted)
    if progress:
        progress(0.9, "checked")
    return result


def _split_nev(
    problems: _Problems, frame: pd.DataFrame, nev_text: pd.Series, units: pd.Series, has_powertrain: bool
) -> pd.DataFrame:
    """Rows with total units and an NEV column become an NEV row and an ICE row (total − NEV).

    The frame keeps its index (the row position) on both halves; rows whose NEV cell is empty keep
    their powertrain.
    """
    nev = _check_nonneg_int(problems, "nev_units", nev_text, False, "NEV units not a non-negative integer",
                            "新能源销量不是非负整数")  # fmt: skip
    given = (nev_text != "").to_numpy()
    over = given & (nev.to_numpy() > units.to_numpy())
    if over.any():
        pairs = [(a, b) if o else (0, 0) for a, b, o in zip(nev, units, over, strict=True)]
        en = [f"NEV units ({a:,}) exceed the total units ({b:,})" for a, b in pairs]
        zh = [f"新能源销量（{a:,}）大于总销量（{b:,}）" for a, b in pairs]
        problems.add(over, "nev_units", pd.Series(en, index=units.index), pd.Series(zh, index=units.index))
    if has_powertrain:
        problems.add(given, "nev_units", "an NEV column and a powertrain column: keep one of them",
                     "同时有新能源列和动力类型列：请只保留一列")  # fmt: skip
        return frame
    split = given & ~over
    nev_rows = frame.loc[split].copy()
    nev_rows["units"] = nev.to_numpy()[split]
    nev_rows["powertrain"] = "NEV"
    ice_rows = frame.loc[split].copy()
    ice_rows["units"] = units.to_numpy()[split] - nev.to_numpy()[split]
    ice_rows["powertrain"] = "ICE"
    if ice_rows["value_cny"].notna().any():  # a row's value cannot be split between them: keep it once
        nev_rows["value_cny"] = np.nan
    whole = frame.loc[~split].copy()
    out = pd.concat([whole.astype({"powertrain": object}), nev_rows.astype({"powertrain": object}),
                     ice_rows.astype({"powertrain": object})])  # fmt: skip
    return out.sort_index(kind="stable")


def _as_category(values: pd.Series) -> pd.Series:
    """A categorical of text, keeping only the categories in use."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        cats = values.cat.remove_unused_categories()
        return cats.cat.rename_categories([str(c) for c in cats.cat.categories])
    return values.astype("str").astype("category")


def sales_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """The canonical column types of an accepted sales frame (categoricals keep a million rows small)."""
    out = frame.loc[:, list(SALES_COLUMNS)].copy()
    out["iso3"] = _as_category(out["iso3"])
    out["brand"] = _as_category(out["brand"])
    out["powertrain"] = _as_category(out["powertrain"]).cat.set_categories(list(POWERTRAINS))
    out["year"] = out["year"].astype(np.int16)
    out["month"] = out["month"].astype(np.int8)
    out["units"] = out["units"].astype(np.int64)
    out["value_cny"] = out["value_cny"].astype("float64")
    out["source_row"] = out["source_row"].astype(np.int64)
    return out


def _coordinate(
    problems: _Problems, name: str, text: pd.Series | None, limit: float, label: str
) -> pd.Series | None:
    """Degrees in any common form (decimal, comma decimal, DMS, hemisphere letters): NaN where empty;
    rejections for unreadable or out-of-range values."""
    if text is None:
        return None
    codes, uniques = pd.factorize(text)
    parsed = np.array([parse_coordinate(u, name) for u in uniques] + [np.nan], dtype=float)
    values = pd.Series(parsed[codes], index=text.index)
    given = (text != "").to_numpy()
    finite = np.isfinite(values.to_numpy())
    label_zh = {"latitude": "纬度", "longitude": "经度"}.get(label, label)
    problems.add(
        given & ~finite, name, _quoted(f"{label} not a number", text), _quoted(f"{label_zh}不是数字", text)
    )
    out_of_range = given & finite & (np.abs(np.nan_to_num(values.to_numpy())) > limit)
    problems.add(
        out_of_range,
        name,
        _quoted(f"{label} out of range (-{limit:g} to {limit:g})", text),
        _quoted(f"{label_zh}超出范围（-{limit:g} 到 {limit:g}）", text),
    )
    return values.where(given & finite & ~out_of_range)


def _coordinate_pairs(
    problems: _Problems, coords: pd.Series, lat: pd.Series, lon: pd.Series, separate: np.ndarray
) -> tuple[pd.Series, pd.Series]:
    """Latitude and longitude from a one-cell column where the separate columns are empty."""
    codes, uniques = pd.factorize(coords)
    pairs = np.array([parse_pair(u) for u in uniques] + [(np.nan, np.nan)], dtype=float)
    values = pairs[codes]
    use = (coords != "").to_numpy() & ~separate
    bad = use & ~np.isfinite(values[:, 0])
    unreadable = "coordinates not readable as latitude, longitude (e.g. 13.75, 100.50)"
    unreadable_zh = "坐标无法读作“纬度, 经度”（例如 13.75, 100.50）"
    problems.add(bad, "coords", _quoted(unreadable, coords), _quoted(unreadable_zh, coords))
    ok = use & ~bad
    lat = lat.where(~ok, pd.Series(values[:, 0], index=lat.index))
    lon = lon.where(~ok, pd.Series(values[:, 1], index=lon.index))
    return lat, lon


def validate_dealers(
    raw: RawTable,
    match: HeaderMatch,
    *,
    countries: CountryIndex | None = None,
    places: PlaceIndex | None = None,
    shapes: CountryShapes | None = None,
    progress: ProgressCallback | None = None,
) -> ValidationResult:
    """Check a dealers table and place each dealer (``core.dealer_placement``): at its coordinates when they
    lie in its country, else at its city or its country's centre, with notes for the report."""
    countries = countries or default_index()
    places = places or default_places()
    problems = _Problems(raw.rows)
    _common_checks(raw, match, problems)
    texts = {name: _text(raw, match, name) for name in DEALER_COLUMNS if name not in ("iso3", "source_row")}
    country = _text(raw, match, "country")
    assert country is not None
    for name in ("dealer", "brand"):
        col = texts[name]
        assert col is not None
        _check_required(problems, name, col)
    iso3 = _check_country(problems, country, countries)
    lat = _coordinate(problems, "lat", texts["lat"], 90.0, "latitude")
    lon = _coordinate(problems, "lon", texts["lon"], 180.0, "longitude")
    index = country.index
    lat = lat if lat is not None else pd.Series(np.nan, index=index)
    lon = lon if lon is not None else pd.Series(np.nan, index=index)
    lat_given = (texts["lat"] != "").to_numpy() if texts["lat"] is not None else np.zeros(len(index), bool)
    lon_given = (texts["lon"] != "").to_numpy() if texts["lon"] is not None else np.zeros(len(index), bool)
    problems.add(lat_given & ~lon_given, "lon", "longitude missing (latitude given)", "缺少经度（已有纬度）")
    problems.add(lon_given & ~lat_given, "lat", "latitude missing (longitude given)", "缺少纬度（已有经度）")
    coords = _text(raw, match, "coords")
    if coords is not None:  # both in one cell, where the separate columns say nothing
        lat, lon = _coordinate_pairs(problems, coords, lat, lon, lat_given | lon_given)
    notes: list[Note] = []
    kind_text = texts["kind"]
    if kind_text is not None:
        kind = _map_unique(kind_text, normalise_dealer_kind)
        unknown = kind.isna().to_numpy()
        notes += [
            Note(int(r), "kind", f"kind '{t}' not known: kept as 'other' (known: sales, service, both)",
                 f"类型“{t}”无法识别：记为“其他”（可识别：销售、服务、销售及服务）")
            for r, t in zip(raw.rows[unknown], kind_text.to_numpy()[unknown], strict=True)
        ]  # fmt: skip
        kind = kind.cat.add_categories([c for c in DEALER_KINDS if c not in kind.cat.categories]).fillna(
            "other"
        )
    else:
        kind = pd.Series("both", index=index, dtype=object)
    # An exact duplicate of an earlier row (every cell equal after trimming).
    keys = pd.util.hash_pandas_object(raw.cells.apply(stripped), index=False)
    first = pd.Series(raw.rows, index=keys.index).groupby(keys.to_numpy()).transform("first").to_numpy()
    dup = first != raw.rows
    if dup.any():
        problems.add(
            dup,
            "row",
            pd.Series([f"exact duplicate of row {f}" for f in first], index=index),
            pd.Series([f"与第 {f} 行完全相同" for f in first], index=index),
        )
    empty = pd.Series("", index=index, dtype=object)
    city = texts["city"] if texts["city"] is not None else empty
    placed = place_dealers(
        iso3,
        lat=lat.to_numpy(dtype=float),
        lon=lon.to_numpy(dtype=float),
        city=city,
        rows=raw.rows,
        places=places,
        shapes=shapes or default_shapes(),
    )
    notes += placed.notes
    keep = ~dup
    dealer = texts["dealer"]
    assert dealer is not None
    notes += near_duplicates(dealer[keep], city[keep], iso3[keep], raw.rows[keep])
    lat_out, lon_out = placed.lat, placed.lon
    approximate = placed.position != "exact"
    frame = pd.DataFrame(
        {
            "dealer": texts["dealer"],
            "iso3": iso3,
            "brand": texts["brand"],
            "city": city,
            "lat": lat_out,
            "lon": lon_out,
            "approximate": approximate,
            "position": placed.position,
            "kind": kind,
            "address": texts["address"] if texts["address"] is not None else empty,
            "phone": texts["phone"] if texts["phone"] is not None else empty,
            "website": texts["website"] if texts["website"] is not None else empty,
            "source_row": raw.rows,
        }
    )
    result = _finish("dealers", raw, match, problems, frame, notes)
    result.accepted = dealers_dtypes(result.accepted)
    if progress:
        progress(0.9, "checked")
    return result


def dealers_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """The canonical column types of an accepted dealers frame (one saved before positions had kinds
    gets them from ``approximate``: the country's centre)."""
    if "position" not in frame.columns:
        frame = frame.assign(position=np.where(frame["approximate"].astype(bool), "country", "exact"))
    out = frame.loc[:, list(DEALER_COLUMNS)].copy()
    for name in ("dealer", "city", "address", "phone", "website"):
        out[name] = out[name].astype("str")
    out["iso3"] = _as_category(out["iso3"])
    out["brand"] = _as_category(out["brand"])
    out["kind"] = _as_category(out["kind"]).cat.set_categories(list(DEALER_KINDS))
    out["lat"] = out["lat"].astype("float64")
    out["lon"] = out["lon"].astype("float64")
    out["approximate"] = out["approximate"].astype(bool)
    out["position"] = pd.Categorical(out["position"].astype(object).where(out["position"] != "", None),
                                     categories=list(POSITIONS))  # fmt: skip
    out["source_row"] = out["source_row"].astype(np.int64)
    return out


def validate(
    raw: RawTable,
    match: HeaderMatch,
    *,
    countries: CountryIndex | None = None,
    places: PlaceIndex | None = None,
    progress: ProgressCallback | None = None,
) -> ValidationResult:
    """Validate ``raw`` as the table kind of ``match``."""
    if match.kind == "sales":
        return validate_sales(raw, match, countries=countries, progress=progress)
    return validate_dealers(raw, match, countries=countries, places=places, progress=progress)
