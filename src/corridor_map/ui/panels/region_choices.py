"""The region filter's choices: the continents of the dataset's countries, each with its UN sub-regions.

A continent choice filters ``Filters.continents`` (Natural Earth continents); a sub-region choice
filters ``Filters.regions`` (UN sub-regions). Names are shown in the UI language.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication

from corridor_map.core.aggregate import Filters
from corridor_map.core.countries import CountryIndex, default_index

# Not offered as a choice of their own: no visitor thinks of them as a destination region.
HIDDEN = frozenset({"", "Seven seas (open ocean)"})


@dataclass(frozen=True)
class RegionChoice:
    """One entry of the region list: a continent or a UN sub-region."""

    kind: Literal["continent", "subregion"]
    name: str

    @property
    def key(self) -> str:
        """A plain-text identity for item data ("continent:Asia", "subregion:Western Asia")."""
        return f"{self.kind}:{self.name}"

    @staticmethod
    def from_key(key: str) -> RegionChoice | None:
        kind, _, name = key.partition(":")
        if kind == "continent":
            return RegionChoice("continent", name)
        if kind == "subregion":
            return RegionChoice("subregion", name)
        return None

    def changes(self) -> dict[str, frozenset[str] | None]:
        """The ``update_filters`` arguments that choose this region (and only it)."""
        if self.kind == "continent":
            return {"continents": frozenset({self.name}), "regions": None}
        return {"continents": None, "regions": frozenset({self.name})}


NO_REGION: dict[str, frozenset[str] | None] = {"continents": None, "regions": None}


def choice_of(filters: Filters) -> RegionChoice | Literal["other"] | None:
    """The choice ``filters`` amount to: None for all regions, "other" when no single choice matches."""
    continents, regions = filters.continents or frozenset(), filters.regions or frozenset()
    if not continents and not regions:
        return None
    if len(continents) == 1 and not regions:
        return RegionChoice("continent", next(iter(continents)))
    if len(regions) == 1 and not continents:
        return RegionChoice("subregion", next(iter(regions)))
    return "other"


@functools.cache
def _home_continents(index: CountryIndex) -> dict[str, str]:
    """Each UN sub-region's continent: the one most of its countries are on."""
    votes: dict[str, Counter[str]] = {}
    for code in index.known_iso3():
        info = index.info(code)
        if info is not None and info.subregion not in HIDDEN and info.continent not in HIDDEN:
            votes.setdefault(info.subregion, Counter())[info.continent] += 1
    return {sub: counter.most_common(1)[0][0] for sub, counter in votes.items()}


def region_choices(codes: Iterable[str], index: CountryIndex | None = None) -> list[RegionChoice]:
    """Continents of ``codes`` (alphabetical), each followed by its sub-regions among ``codes``.

    A sub-region named like its continent ("South America") is left out: the continent says it.
    """
    index = index or default_index()
    home = _home_continents(index)
    continents: set[str] = set()
    subregions: dict[str, set[str]] = {}
    for code in set(codes):
        info = index.info(code)
        if info is None:
            continue
        if info.continent not in HIDDEN:
            continents.add(info.continent)
        parent = home.get(info.subregion)
        if parent is not None and info.subregion != parent:
            continents.add(parent)
            subregions.setdefault(parent, set()).add(info.subregion)
    out: list[RegionChoice] = []
    for continent in sorted(continents):
        out.append(RegionChoice("continent", continent))
        out.extend(RegionChoice("subregion", s) for s in sorted(subregions.get(continent, ())))
    return out


def region_label(name: str) -> str:
    """A continent's or sub-region's name in the UI language (the name itself when not in the list)."""
    return _labels().get(name, name)


def _labels() -> dict[str, str]:
    return {
        "Africa": QCoreApplication.translate("Regions", "Africa"),
        "Antarctica": QCoreApplication.translate("Regions", "Antarctica"),
        "Asia": QCoreApplication.translate("Regions", "Asia"),
        "Europe": QCoreApplication.translate("Regions", "Europe"),
        "North America": QCoreApplication.translate("Regions", "North America"),
        "Oceania": QCoreApplication.translate("Regions", "Oceania"),
        "South America": QCoreApplication.translate("Regions", "South America"),
        "Australia and New Zealand": QCoreApplication.translate("Regions", "Australia and New Zealand"),
        "Caribbean": QCoreApplication.translate("Regions", "Caribbean"),
        "Central America": QCoreApplication.translate("Regions", "Central America"),
        "Central Asia": QCoreApplication.translate("Regions", "Central Asia"),
        "Eastern Africa": QCoreApplication.translate("Regions", "Eastern Africa"),
        "Eastern Asia": QCoreApplication.translate("Regions", "Eastern Asia"),
        "Eastern Europe": QCoreApplication.translate("Regions", "Eastern Europe"),
        "Melanesia": QCoreApplication.translate("Regions", "Melanesia"),
        "Micronesia": QCoreApplication.translate("Regions", "Micronesia"),
        "Middle Africa": QCoreApplication.translate("Regions", "Middle Africa"),
        "Northern Africa": QCoreApplication.translate("Regions", "Northern Africa"),
        "Northern America": QCoreApplication.translate("Regions", "Northern America"),
        "Northern Europe": QCoreApplication.translate("Regions", "Northern Europe"),
        "Polynesia": QCoreApplication.translate("Regions", "Polynesia"),
        "South-Eastern Asia": QCoreApplication.translate("Regions", "South-Eastern Asia"),
        "Southern Africa": QCoreApplication.translate("Regions", "Southern Africa"),
        "Southern Asia": QCoreApplication.translate("Regions", "Southern Asia"),
        "Southern Europe": QCoreApplication.translate("Regions", "Southern Europe"),
        "Western Africa": QCoreApplication.translate("Regions", "Western Africa"),
        "Western Asia": QCoreApplication.translate("Regions", "Western Asia"),
        "Western Europe": QCoreApplication.translate("Regions", "Western Europe"),
    }
