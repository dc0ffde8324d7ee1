"""What the search box knows: countries (English, Chinese, ISO3, aliases), ports and dealers, Qt-free.

``find(text)`` turns what was typed (or picked from the completion list) into what it names — a country,
a port or a dealer (:class:`Hit`): a completion entry, a country however written (``泰国``, ``Thailand``,
``tha``), a dealer's or a port's exact name, or else the one thing every entry containing the text names.
``suggestions(text)`` are the closest entries when nothing matches.
"""

from __future__ import annotations

import difflib
import logging
import unicodedata
from dataclasses import dataclass

import pandas as pd

from corridor_map.core.corridor import load_ports as load_port_table
from corridor_map.core.countries import ALIASES, default_index, resolve_country
from corridor_map.core.errors import GeoDataError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Place:
    """A named place that belongs to a country."""

    name_en: str
    name_zh: str
    iso3: str
    id: str = ""


def load_ports() -> list[Place]:
    """Ports and hubs of the corridor data (``data/geo/ports.csv``; not the arrival cities of onward legs);
    none when it is missing or broken."""
    try:
        ports = load_port_table()
    except GeoDataError as exc:
        log.warning("ports for the search box not available: %s", exc)
        return []
    return [Place(p.name_en, p.name_zh, p.iso3, p.id) for p in ports.values() if p.kind != "city"]


def fold(text: str) -> str:
    """Case and accents folded (``Gdańsk`` and ``gdansk`` are the same search)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Hit:
    """What a search names: a country (``key`` None), a port (its id) or a dealer (its row label)."""

    kind: str  # "country", "port" or "dealer"
    iso3: str
    key: str | int | None = None


@dataclass(frozen=True)
class Words:
    """The UI-language words the entries carry."""

    port: str = "port"
    dealer: str = "dealer"


class SearchIndex:
    """Completion entries and what each names."""

    def __init__(self, dealers: pd.DataFrame, ports: list[Place], words: Words = Words()) -> None:
        countries = default_index()
        self._entries: dict[str, Hit] = {}  # entry text -> what it names
        self._exact: dict[str, set[Hit]] = {}  # casefolded dealer or port name -> what it names
        for code in sorted(countries.known_iso3()):
            for lang in ("en", "zh"):
                self._add(f"{countries.display_name(code, lang)} ({code})", Hit("country", code))
        for alias, code in ALIASES.items():
            self._add(f"{alias} ({code})", Hit("country", code))
        for port in ports:
            hit = Hit("port", port.iso3, port.id) if port.id else Hit("country", port.iso3)
            for name in {port.name_en, port.name_zh} - {""}:
                self._add(f"{name} — {words.port} ({port.iso3})", hit)
                self._exact.setdefault(fold(name), set()).add(hit)
        names = dealers["dealer"].astype("str").tolist()
        codes = dealers["iso3"].astype("str").tolist()
        for row, name, code in zip(dealers.index.tolist(), names, codes, strict=True):
            hit = Hit("dealer", code, row)
            self._add(f"{name} — {words.dealer} ({code})", hit)
            self._exact.setdefault(fold(name.strip()), set()).add(hit)
        self._folded = {fold(text): hit for text, hit in self._entries.items()}

    def _add(self, text: str, hit: Hit) -> None:
        self._entries.setdefault(text, hit)

    def entries(self) -> list[str]:
        """Every completion entry, sorted."""
        return sorted(self._entries, key=str.casefold)

    def find(self, text: str) -> Hit | None:
        """What ``text`` names (None when nothing, or more than one thing, matches)."""
        typed = text.strip()
        if not typed:
            return None
        folded = fold(typed)
        if folded in self._folded:
            return self._folded[folded]
        match = resolve_country(typed)
        if match.status == "ok" and match.iso3:
            return Hit("country", match.iso3)
        exact = self._exact.get(folded)
        if exact and len(exact) == 1:
            return next(iter(exact))
        found = {hit for entry, hit in self._folded.items() if folded in entry}
        if len(found) == 1:
            return next(iter(found))
        countries = {hit.iso3 for hit in found}
        if len(countries) == 1 and Hit("country", next(iter(countries))) in found:
            return Hit("country", next(iter(countries)))  # a country and things in it: the country
        return None

    def resolve(self, text: str) -> list[str]:
        """The ISO3 codes ``text`` stands for (the country of what it names; empty when nothing does)."""
        hit = self.find(text)
        return [hit.iso3] if hit else []

    def suggestions(self, text: str, count: int = 5) -> list[str]:
        """The entries closest to ``text``: those containing it first, then the most alike."""
        folded = fold(text.strip())
        if not folded:
            return []
        by_folded = {fold(entry): entry for entry in self._entries}
        containing = [entry for f, entry in sorted(by_folded.items()) if folded in f][:count]
        # compare with the names alone (the part before " — " or " ("), as a person typed a name
        names: dict[str, list[str]] = {}
        for f, entry in by_folded.items():
            names.setdefault(f.split(" — ")[0].split(" (")[0], []).append(entry)
        close = difflib.get_close_matches(folded, list(names), n=count, cutoff=0.6)
        alike = [entry for name in close for entry in sorted(names[name])]
        out = list(dict.fromkeys(containing + alike))
        return out[:count]
