"""What the search box knows: countries (English, Chinese, ISO3, aliases), ports and dealers, Qt-free.

``resolve(text)`` turns what was typed (or picked from the completion list) into ISO3 codes: a completion
entry, a country however written (``泰国``, ``Thailand``, ``tha``), a dealer's or a port's exact name, or
else the one country that every entry containing the text points to.
"""

from __future__ import annotations

import logging
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


def load_ports() -> list[Place]:
    """Ports and hubs of the corridor data (``data/geo/ports.csv``); none when it is missing or broken."""
    try:
        ports = load_port_table()
    except GeoDataError as exc:
        log.warning("ports for the search box not available: %s", exc)
        return []
    return [Place(p.name_en, p.name_zh, p.iso3) for p in ports.values()]


@dataclass(frozen=True)
class Words:
    """The UI-language words the entries carry."""

    port: str = "port"
    dealer: str = "dealer"


class SearchIndex:
    """Completion entries and their countries."""

    def __init__(self, dealers: pd.DataFrame, ports: list[Place], words: Words = Words()) -> None:
        countries = default_index()
        self._entries: dict[str, str] = {}  # entry text -> ISO3
        self._exact: dict[str, set[str]] = {}  # casefolded dealer or port name -> ISO3s
        for code in sorted(countries.known_iso3()):
            for lang in ("en", "zh"):
                self._add(f"{countries.display_name(code, lang)} ({code})", code)
        for alias, code in ALIASES.items():
            self._add(f"{alias} ({code})", code)
        for port in ports:
            for name in {port.name_en, port.name_zh} - {""}:
                self._add(f"{name} — {words.port} ({port.iso3})", port.iso3)
                self._exact.setdefault(name.casefold(), set()).add(port.iso3)
        names = dealers["dealer"].astype("str").tolist()
        codes = dealers["iso3"].astype("str").tolist()
        for name, code in zip(names, codes, strict=True):
            self._add(f"{name} — {words.dealer} ({code})", code)
            self._exact.setdefault(name.strip().casefold(), set()).add(code)
        self._folded = {text.casefold(): code for text, code in self._entries.items()}

    def _add(self, text: str, iso3: str) -> None:
        self._entries.setdefault(text, iso3)

    def entries(self) -> list[str]:
        """Every completion entry, sorted."""
        return sorted(self._entries, key=str.casefold)

    def resolve(self, text: str) -> list[str]:
        """The ISO3 codes ``text`` stands for (empty when nothing or too much matches)."""
        typed = text.strip()
        if not typed:
            return []
        folded = typed.casefold()
        if folded in self._folded:
            return [self._folded[folded]]
        match = resolve_country(typed)
        if match.status == "ok" and match.iso3:
            return [match.iso3]
        exact = self._exact.get(folded)
        if exact and len(exact) == 1:
            return sorted(exact)
        found = {code for entry, code in self._folded.items() if folded in entry}
        return sorted(found) if len(found) == 1 else []
