"""Country names, however written, to ISO 3166-1 alpha-3; display names and regions by ISO3.

Sources, all offline: pycountry (codes, English names, and its zh_CN translations), the Natural Earth
names in ``data/geo/countries.csv`` (English and Chinese, continent, UN region, label point), and the
alias table below. Case, spacing, accents and punctuation are forgiven (``viet nam`` = ``Vietnam`` =
``VIET-NAM``); nothing is guessed: an unknown or ambiguous name is refused, with a suggestion when one
is close.
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

from corridor_map.paths import geo_dir

log = logging.getLogger(__name__)

# Written forms that the name sources miss or that people use anyway. Keys are normalised like input.
ALIASES: dict[str, str] = {
    # English
    "UK": "GBR",
    "U.K.": "GBR",
    "Great Britain": "GBR",
    "Britain": "GBR",
    "United Kingdom": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Wales": "GBR",
    "Northern Ireland": "GBR",
    "USA": "USA",
    "U.S.A.": "USA",
    "US": "USA",
    "U.S.": "USA",
    "America": "USA",
    "United States": "USA",
    "UAE": "ARE",
    "U.A.E.": "ARE",
    "Emirates": "ARE",
    "Dubai": "ARE",
    "Abu Dhabi": "ARE",
    "Russia": "RUS",
    "Russian Federation": "RUS",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Turkiye": "TUR",
    "Vietnam": "VNM",
    "Viet Nam": "VNM",
    # World Bank spellings (World Development Indicators country names)
    "Hong Kong SAR, China": "HKG",
    "Macao SAR, China": "MAC",
    "Yemen, Rep.": "YEM",
    "Venezuela, RB": "VEN",
    "Gambia, The": "GMB",
    "Bahamas, The": "BHS",
    "Micronesia, Fed. Sts.": "FSM",
    "St. Kitts and Nevis": "KNA",
    "St. Vincent and the Grenadines": "VCT",
    "St. Martin (French part)": "MAF",
    "Korea, Dem. People's Rep.": "PRK",
    "West Bank and Gaza": "PSE",
    "Laos": "LAO",
    "Lao PDR": "LAO",
    "Lao": "LAO",
    "Burma": "MMR",
    "Myanmar": "MMR",
    "Ivory Coast": "CIV",
    "Cote d'Ivoire": "CIV",
    "Korea": "KOR",
    "South Korea": "KOR",
    "Republic of Korea": "KOR",
    "Korea, Rep.": "KOR",
    "ROK": "KOR",
    "Korea Republic": "KOR",
    "North Korea": "PRK",
    "DPRK": "PRK",
    "Korea, DPR": "PRK",
    "Korea DPR": "PRK",
    "Iran": "IRN",
    "Syria": "SYR",
    "Moldova": "MDA",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Tanzania": "TZA",
    "Czech Republic": "CZE",
    "Czechia": "CZE",
    "Slovak Republic": "SVK",
    "Kyrgyz Republic": "KGZ",
    "Kyrgyzstan": "KGZ",
    "Macedonia": "MKD",
    "North Macedonia": "MKD",
    "FYROM": "MKD",
    "Swaziland": "SWZ",
    "Eswatini": "SWZ",
    "Holland": "NLD",
    "The Netherlands": "NLD",
    "Cape Verde": "CPV",
    "Cabo Verde": "CPV",
    "East Timor": "TLS",
    "Timor-Leste": "TLS",
    "Brunei": "BRN",
    "Palestine": "PSE",
    "Vatican": "VAT",
    "Holy See": "VAT",
    "Micronesia": "FSM",
    "DR Congo": "COD",
    "DRC": "COD",
    "D.R. Congo": "COD",
    "Congo-Kinshasa": "COD",
    "Congo (Kinshasa)": "COD",
    "Democratic Republic of Congo": "COD",
    "Congo, Dem. Rep.": "COD",
    "Zaire": "COD",
    "Republic of Congo": "COG",
    "Congo-Brazzaville": "COG",
    "Congo (Brazzaville)": "COG",
    "Congo, Rep.": "COG",
    "KSA": "SAU",
    "Saudi": "SAU",
    "Bosnia": "BIH",
    "Bosnia-Herzegovina": "BIH",
    "Kosovo": "XKX",
    "Hong Kong": "HKG",
    "Hongkong": "HKG",
    "Macau": "MAC",
    "Macao": "MAC",
    "Taiwan": "TWN",
    "Egypt, Arab Rep.": "EGY",
    "Iran, Islamic Rep.": "IRN",
    "Gambia": "GMB",
    "The Gambia": "GMB",
    "Bahamas": "BHS",
    "The Bahamas": "BHS",
    "Sao Tome": "STP",
    "St Lucia": "LCA",
    "St Kitts": "KNA",
    "Trinidad": "TTO",
    "Antigua": "ATG",
    "PNG": "PNG",
    "Hong Kong SAR": "HKG",
    "Macao SAR": "MAC",
    "Macau SAR": "MAC",
    "Hong Kong, China": "HKG",
    "Macao, China": "MAC",
    # Own-language names seen in dealer lists
    "Brasil": "BRA",
    "España": "ESP",
    "Deutschland": "DEU",
    "Italia": "ITA",
    "Polska": "POL",
    "Россия": "RUS",
    "Казахстан": "KAZ",
    "Oʻzbekiston": "UZB",
    "Türkiye Cumhuriyeti": "TUR",
    # Chinese (simplified, and a few traditional forms)
    "英国": "GBR",
    "美国": "USA",
    "俄罗斯": "RUS",
    "俄國": "RUS",
    "俄罗斯联邦": "RUS",
    "阿联酋": "ARE",
    "阿拉伯联合酋长国": "ARE",
    "迪拜": "ARE",
    "沙特": "SAU",
    "沙特阿拉伯": "SAU",
    "韩国": "KOR",
    "南韩": "KOR",
    "韓國": "KOR",
    "朝鲜": "PRK",
    "北韩": "PRK",
    "越南": "VNM",
    "老挝": "LAO",
    "寮国": "LAO",
    "柬埔寨": "KHM",
    "缅甸": "MMR",
    "土耳其": "TUR",
    "伊朗": "IRN",
    "叙利亚": "SYR",
    "刚果金": "COD",
    "刚果(金)": "COD",
    "民主刚果": "COD",
    "刚果布": "COG",
    "刚果(布)": "COG",
    "台湾": "TWN",
    "中国台湾": "TWN",
    "台灣": "TWN",
    "香港": "HKG",
    "中国香港": "HKG",
    "澳门": "MAC",
    "中国澳门": "MAC",
    "中国": "CHN",
    "中国大陆": "CHN",
    "玻利维亚": "BOL",
    "委内瑞拉": "VEN",
    "坦桑尼亚": "TZA",
    "摩尔多瓦": "MDA",
    "捷克": "CZE",
    "波黑": "BIH",
    "马其顿": "MKD",
    "北马其顿": "MKD",
    "科特迪瓦": "CIV",
    "象牙海岸": "CIV",
    "吉尔吉斯": "KGZ",
    "吉尔吉斯斯坦": "KGZ",
    "哈萨克": "KAZ",
    "乌兹别克": "UZB",
    "塔吉克": "TJK",
    "土库曼": "TKM",
    "印尼": "IDN",
    "印度尼西亚": "IDN",
    "菲律宾": "PHL",
    "新加坡": "SGP",
    "马来西亚": "MYS",
    "泰国": "THA",
    "文莱": "BRN",
    "东帝汶": "TLS",
    "巴勒斯坦": "PSE",
    "梵蒂冈": "VAT",
    "斯威士兰": "SWZ",
    "荷兰": "NLD",
    "新西兰": "NZL",
    "南非": "ZAF",
    "白俄罗斯": "BLR",
    "阿塞拜疆": "AZE",
    "佛得角": "CPV",
    "冈比亚": "GMB",
    "巴哈马": "BHS",
    "密克罗尼西亚": "FSM",
}

# Names that are refused as ambiguous even though one source would accept them.
AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "Congo": ("COG", "COD"),
    "刚果": ("COG", "COD"),
    "Virgin Islands": ("VGB", "VIR"),
}

# pycountry's zh_CN catalogue has a typo and some long forms; the app shows these instead.
ZH_NAME_FIXES: dict[str, str] = {
    "KHM": "柬埔寨",
    "LAO": "老挝",
    "IRN": "伊朗",
    "TWN": "中国台湾",
    "HKG": "中国香港",
    "MAC": "中国澳门",
    "KOR": "韩国",
    "PRK": "朝鲜",
    "RUS": "俄罗斯",
    "CHN": "中国",
}

# A close-name hint costs difflib ~20 ms per unknown name: a file of garbage with thousands of
# distinct "countries" must not take minutes, so only the first ones of a column get a hint.
SUGGESTIONS_PER_CALL = 100

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_LEADING_THE = re.compile(r"^the\s+")


def normalise_country(text: str) -> str:
    """The comparison key of a written country: case, accents, spaces and punctuation removed."""
    s = unicodedata.normalize("NFKC", str(text)).strip().casefold()
    s = _LEADING_THE.sub("", s).replace("&", "and")
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return _NOT_WORD.sub("", s)


MatchStatus = Literal["ok", "empty", "unknown", "ambiguous", "placeholder"]

# What people put where a country is missing or not one: never resolved ("N/A" is not Namibia).
PLACEHOLDERS = frozenset(
    {"n/a", "#n/a", "n.a.", "n. a.", "none", "null", "nil", "unknown", "tbd", "tba", "other", "others",
     "total", "subtotal", "all", "various", "misc",
     "其他", "其它", "未知", "不详", "合计", "小计", "全部", "待定"}
)  # fmt: skip


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
    """Name → ISO3 index built once from pycountry, the Natural Earth CSV and the alias table."""

    def __init__(self, countries_csv: Path | None = None) -> None:
        self._names: dict[str, set[str]] = {}
        self._info: dict[str, CountryInfo] = {}
        self._load_pycountry()
        csv_path = countries_csv if countries_csv is not None else geo_dir() / "countries.csv"
        if csv_path.is_file():
            self._load_natural_earth(csv_path)
        else:
            log.warning("%s not found; country names from pycountry only", csv_path)
        for text, iso3 in ALIASES.items():
            self._names[normalise_country(text)] = {iso3}
        for text, options in AMBIGUOUS.items():
            self._names[normalise_country(text)] = set(options)
        self._keys = sorted(self._names)
        self._suggest_cache: dict[str, str | None] = {}

    def _add(self, text: str | None, iso3: str) -> None:
        if text:
            key = normalise_country(text)
            if key:
                self._names.setdefault(key, set()).add(iso3)

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
        folded = unicodedata.normalize("NFKC", raw).strip().casefold()
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
            for close in difflib.get_close_matches(key, self._keys, n=3, cutoff=0.8):
                options = self._names[close]
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
