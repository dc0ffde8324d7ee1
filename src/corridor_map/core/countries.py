"""Country names, however written, to ISO 3166-1 alpha-3; display names and regions by ISO3.

Sources, all offline: pycountry (codes, English names, and its zh_CN translations), the Natural Earth
names in ``data/geo/countries.csv`` (English and Chinese, continent, UN region, label point), and the
word lists in ``resources/aliases/`` (:mod:`corridor_map.core.alias_tables`). Case, spacing, accents and
punctuation are forgiven (``viet nam`` = ``Vietnam`` = ``VIET-NAM``); nothing is guessed: an unknown or
ambiguous name is refused, with a suggestion when one is close.
"""

from __future__ import annotations

import csv
import difflib
import functools
import gettext
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from corridor_map.core import alias_tables
from corridor_map.paths import geo_dir

log = logging.getLogger(__name__)

# From resources/aliases/: written forms the name sources miss or people use anyway (country_names.csv);
# names refused as ambiguous though one source would accept them (ambiguous_country_names.csv); Chinese
# names shown where pycountry's zh_CN has a typo or a long form (chinese_display_names.csv).
ALIASES: dict[str, str] = dict(alias_tables.country_names())
AMBIGUOUS: dict[str, tuple[str, ...]] = dict(alias_tables.ambiguous_names())
ZH_NAME_FIXES: dict[str, str] = dict(alias_tables.display_names_zh())

# A close-name hint costs difflib ~20 ms per unknown name: a file of garbage with thousands of
# distinct "countries" must not take minutes, so only the first ones of a column get a hint.
SUGGESTIONS_PER_CALL = 100

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_LEADING_THE = re.compile(r"^the\s+")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def normalise_country(text: str) -> str:
    """The comparison key of a written country: case, accents, spaces and punctuation removed."""
    s = _fold(str(text))
    s = _LEADING_THE.sub("", s).replace("&", "and")
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return _NOT_WORD.sub("", s)


MatchStatus = Literal["ok", "empty", "unknown", "ambiguous", "placeholder"]

# What people put where a country is missing or not one (resources/aliases/not_countries.csv): never
# resolved ("N/A" is not Namibia).
PLACEHOLDERS = frozenset(_fold(text) for text in alias_tables.not_countries())


@dataclass(frozen=True)
class CountryMatch:
    """The outcome of resolving one written country."""

    text: str
    status: MatchStatus
    iso3: str | None = None
    candidates: tuple[str, ...] = ()  # ambiguous: every country the name could mean
    suggestion: str | None = None  # unknown: the ISO3 of a close name, if any

    def reason(self, names: CountryIndex | None = None) -> str:
        """A user-facing reason for a refused country ("" when resolved)."""
        return self.reasons(names)[0]

    def reason_zh(self, names: CountryIndex | None = None) -> str:
        """:meth:`reason` in Chinese."""
        return self.reasons(names)[1]

    def reasons(self, names: CountryIndex | None = None) -> tuple[str, str]:
        """The reason in English and in Chinese (``("", "")`` when resolved)."""
        idx = names or default_index()
        t = self.text
        if self.status == "ok":
            return "", ""
        if self.status == "empty":
            return "required field empty", "必填字段为空"
        if self.status == "placeholder":
            return (f"'{t}' is not a country: write the country, or leave the row out",
                    f"“{t}”不是国家：请填写国家，或删去该行")  # fmt: skip
        if self.status == "ambiguous":
            options = [(idx.display_name(c), c) for c in self.candidates]
            return (
                f"ambiguous country '{t}': could be " + " or ".join(f"{n} ({c})" for n, c in options),
                f"国家“{t}”有歧义：可能是 " + " 或 ".join(f"{n}（{c}）" for n, c in options),
            )
        if not self.suggestion:
            return f"unknown country '{t}'", f"无法识别的国家“{t}”"
        name, code = idx.display_name(self.suggestion), self.suggestion
        return (f"unknown country '{t}' (did you mean {name}, {code}?)",
                f"无法识别的国家“{t}”（是否指 {name}，{code}？）")  # fmt: skip


@dataclass(frozen=True)
class CountryInfo:
    """What the app shows and groups by for one country."""

    iso3: str
    iso2: str
    name_en: str
    name_zh: str
    continent: str
    region_un: str
    subregion: str
    label_lon: float | None
    label_lat: float | None


def _float_or_none(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


class CountryIndex:
    """Name → ISO3 index built once from pycountry, the Natural Earth CSV and the alias file.

    The countries' facts (display names, regions, label points) are read at once; the written forms are
    indexed when a name is first resolved (~3,000 normalised: a window's start shows names only).
    """

    def __init__(self, countries_csv: Path | None = None) -> None:
        self._written: list[tuple[str, str]] = []  # (a written form, ISO3) from the sources, to index
        self._index: dict[str, set[str]] | None = None  # normalised written form → ISO3 codes
        self._keys: list[str] = []
        self._info: dict[str, CountryInfo] = {}
        self._load_pycountry()
        csv_path = countries_csv if countries_csv is not None else geo_dir() / "countries.csv"
        if csv_path.is_file():
            self._load_natural_earth(csv_path)
        else:
            log.warning("%s not found; country names from pycountry only", csv_path)
        self._suggest_cache: dict[str, str | None] = {}

    @property
    def _names(self) -> dict[str, set[str]]:
        if self._index is None:
            names: dict[str, set[str]] = {}
            for text, iso3 in self._written:
                key = normalise_country(text)
                if key:
                    names.setdefault(key, set()).add(iso3)
            for text, iso3 in ALIASES.items():
                names[normalise_country(text)] = {iso3}
            for text, options in AMBIGUOUS.items():
                names[normalise_country(text)] = set(options)
            self._keys = sorted(names)
            self._written = []
            self._index = names
        return self._index

    def _add(self, text: str | None, iso3: str) -> None:
        if text:
            self._written.append((text, iso3))

    def _load_pycountry(self) -> None:
        import pycountry

        try:
            zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"]).gettext
        except OSError:
            log.warning("pycountry has no zh_CN catalogue; Chinese names from Natural Earth only")
            zh = None
        for c in pycountry.countries:
            iso3 = c.alpha_3
            names = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
            for text in (c.alpha_2, iso3, *names):
                self._add(text, iso3)
            name_zh = ""
            if zh is not None:
                for text in names:
                    if text:
                        self._add(zh(text), iso3)
                name_zh = zh(getattr(c, "common_name", None) or c.name)
            self._info[iso3] = CountryInfo(
                iso3,
                c.alpha_2,
                getattr(c, "common_name", None) or c.name,
                ZH_NAME_FIXES.get(iso3, name_zh),
                "",
                "",
                "",
                None,
                None,
            )

    def _load_natural_earth(self, path: Path) -> None:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                iso3 = (row.get("iso3") or "").strip().upper()
                if not re.fullmatch(r"[A-Z]{3}", iso3):
                    continue
                iso2 = (row.get("iso2") or "").strip().upper()
                for col in ("iso2", "name_en", "name_zh", "name_en_ne", "name_zh_ne"):
                    self._add(row.get(col), iso3)
                old = self._info.get(iso3)
                self._info[iso3] = CountryInfo(
                    iso3=iso3,
                    iso2=iso2 or (old.iso2 if old else ""),
                    name_en=row.get("name_en") or (old.name_en if old else iso3),
                    name_zh=row.get("name_zh") or (old.name_zh if old else ""),
                    continent=row.get("continent") or "",
                    region_un=row.get("region_un") or "",
                    subregion=row.get("subregion") or "",
                    label_lon=_float_or_none(row.get("label_lon", "")),
                    label_lat=_float_or_none(row.get("label_lat", "")),
                )
                self._add(iso3, iso3)

    # -- resolving ------------------------------------------------------------------------------------

    def resolve(self, text: str, *, suggest: bool = True) -> CountryMatch:
        """Resolve one written country (``suggest=False``: no close-name hint for an unknown one)."""
        raw = "" if text is None else str(text)
        folded = _fold(raw)
        dashes = bool(folded) and all(ch in "-‐‑‒–—―－?？/.*…" for ch in folded)  # "-", "—", "?"
        if folded in PLACEHOLDERS or dashes:
            return CountryMatch(raw.strip(), "placeholder")
        key = normalise_country(raw)
        if not key:
            return CountryMatch(raw.strip(), "empty")
        found = self._names.get(key)
        if found and len(found) == 1:
            return CountryMatch(raw.strip(), "ok", next(iter(found)))
        if found:
            return CountryMatch(raw.strip(), "ambiguous", candidates=tuple(sorted(found)))
        return CountryMatch(raw.strip(), "unknown", suggestion=self._suggest(key) if suggest else None)

    def _suggest(self, key: str) -> str | None:
        if key in self._suggest_cache:
            return self._suggest_cache[key]
        suggestion = None
        if len(self._suggest_cache) < 2000 and len(key) >= 3:
            names = self._names  # (indexed, with its sorted keys)
            for close in difflib.get_close_matches(key, self._keys, n=3, cutoff=0.8):
                options = names[close]
                if len(options) == 1:
                    suggestion = next(iter(options))
                    break
            self._suggest_cache[key] = suggestion
        return suggestion

    def resolve_series(self, values: pd.Series) -> tuple[pd.Series, dict[str, CountryMatch]]:
        """ISO3 for each value (a categorical, NaN where refused) and the refusals by written value.

        Resolves each distinct value once, so a million rows with a few hundred distinct countries is
        a dictionary lookup per distinct value plus one vectorised take.
        """
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        matches: list[CountryMatch] = []
        budget = SUGGESTIONS_PER_CALL
        for u in uniques:
            match = self.resolve(u, suggest=budget > 0)
            budget -= match.status == "unknown"
            matches.append(match)
        categories = sorted({m.iso3 for m in matches if m.iso3})
        position = {c: i for i, c in enumerate(categories)}
        lut = np.array([position[m.iso3] if m.iso3 else -1 for m in matches] + [-1], dtype=np.int32)
        result = pd.Series(
            pd.Categorical.from_codes(lut[codes], categories=pd.Index(categories)), index=values.index
        )
        refused = {m.text: m for m in matches if m.status != "ok"}
        if (codes < 0).any():
            refused[""] = CountryMatch("", "empty")
        return result, refused

    # -- facts about a country ------------------------------------------------------------------------

    def info(self, iso3: str) -> CountryInfo | None:
        """Everything known about ``iso3``, or None."""
        return self._info.get(iso3)

    def display_name(self, iso3: str, lang: str = "en") -> str:
        """The name the app shows, in ``en`` or ``zh``; the code itself when unknown."""
        info = self._info.get(iso3)
        if info is None:
            return iso3
        if lang.startswith("zh"):
            return info.name_zh or info.name_en
        return info.name_en

    def continent(self, iso3: str) -> str:
        """Natural Earth continent ("Asia", "Europe", …) or "" when unknown."""
        info = self._info.get(iso3)
        return info.continent if info else ""

    def region(self, iso3: str) -> str:
        """UN region ("Asia", "Africa", "Americas", …) or "" when unknown."""
        info = self._info.get(iso3)
        return info.region_un if info else ""

    def subregion(self, iso3: str) -> str:
        """UN sub-region ("South-Eastern Asia", …) or "" when unknown."""
        info = self._info.get(iso3)
        return info.subregion if info else ""

    def label_point(self, iso3: str) -> tuple[float, float] | None:
        """(lon, lat) where the country's label sits, or None."""
        info = self._info.get(iso3)
        if info is None or info.label_lon is None or info.label_lat is None:
            return None
        return info.label_lon, info.label_lat

    def known_iso3(self) -> frozenset[str]:
        """Every ISO3 code the index knows."""
        return frozenset(self._info)

    def members(
        self, *, continents: Iterable[str] = (), regions: Iterable[str] = (), subregions: Iterable[str] = ()
    ) -> frozenset[str]:
        """ISO3 codes in any of the given continents, UN regions or sub-regions."""
        cs, rs, ss = set(continents), set(regions), set(subregions)
        return frozenset(
            i.iso3 for i in self._info.values() if i.continent in cs or i.region_un in rs or i.subregion in ss
        )


@functools.cache
def default_index() -> CountryIndex:
    """The app-wide index, built on first use (about 0.2 s) and cached."""
    return CountryIndex()


def resolve_country(text: str) -> CountryMatch:
    """Resolve one written country with the default index."""
    return default_index().resolve(text)


def display_name(iso3: str, lang: str = "en") -> str:
    """The display name of ``iso3`` in ``en`` or ``zh``."""
    return default_index().display_name(iso3, lang)
