"""The corridor's geography: ports and hubs, rail/river/sea legs, and each country's routes from Chongqing.

Reads ``ports.csv``, ``legs.geojson``, ``routes.csv`` and ``destinations.csv`` from the geodata folder with
plain ``csv``/``json`` (no geopandas at start-up), checks them, and raises :class:`GeoDataError` naming the
file for anything missing, corrupt or inconsistent.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corridor_map.core.basemap import GeoJSON, load_feature_collection, parse_float, read_csv_rows
from corridor_map.core.errors import GeoDataError
from corridor_map.paths import geo_dir as default_geo_dir

PORTS_FILE = "ports.csv"
LEGS_FILE = "legs.geojson"
ROUTES_FILE = "routes.csv"
DESTINATIONS_FILE = "destinations.csv"

PORT_COLUMNS = ("id", "locode", "name_en", "name_zh", "iso3", "kind", "lon", "lat", "source")
LEG_PROPERTIES = (
    "id", "mode", "from", "to", "name_en", "name_zh", "length_km", "length_nm", "source", "borders",
)  # fmt: skip
ROUTE_COLUMNS = ("iso3", "route_id", "kind", "legs", "is_default")
DESTINATION_COLUMNS = ("iso3", "gateway", "default_route")

PORT_KINDS = frozenset({"sea", "river", "rail", "dry", "city"})  # city: where an onward leg arrives
LEG_MODES = frozenset({"rail", "river", "sea", "road"})
ROUTE_KINDS = frozenset({"rail_sea", "river_sea", "china_europe_rail", "cross_border_rail"})
LINE_TYPES = frozenset({"LineString", "MultiLineString"})


def _pick(lang: str, en: str, zh: str) -> str:
    return zh if lang.lower().startswith("zh") else en


@dataclass(frozen=True, slots=True)
class Port:
    """A sea/river port, a rail/dry-port hub, or a city an onward leg arrives at (kind ``city``)."""

    id: str
    locode: str
    name_en: str
    name_zh: str
    iso3: str
    kind: str
    lon: float
    lat: float
    source: str

    def name(self, lang: str) -> str:
        return _pick(lang, self.name_en, self.name_zh)


@dataclass(frozen=True, slots=True)
class Border:
    """A border an onward leg crosses; ``customs`` is false inside the EU or the Eurasian Economic Union."""

    from_iso3: str
    to_iso3: str
    text_en: str
    text_zh: str
    customs: bool


@dataclass(frozen=True, slots=True)
class Leg:
    """One rail, river, sea or road leg between two places, with its GeoJSON geometry."""

    id: str
    mode: str
    from_id: str
    to_id: str
    name_en: str
    name_zh: str
    length_km: float
    length_nm: float | None
    source: str
    geometry: dict[str, Any] = field(repr=False, compare=False)
    borders: tuple[Border, ...] | None = None  # None: a corridor leg; a tuple: an onward leg's borders

    @property
    def onward(self) -> bool:
        """A leg from a foreign gateway into the destination country (rail or road)."""
        return self.borders is not None

    def name(self, lang: str) -> str:
        return _pick(lang, self.name_en, self.name_zh)

    def lines(self) -> list[list[list[float]]]:
        """The geometry as a list of lines (one for a LineString, several for a split MultiLineString)."""
        coords = self.geometry["coordinates"]
        return [coords] if self.geometry["type"] == "LineString" else list(coords)

    @property
    def start(self) -> tuple[float, float]:
        first = self.lines()[0][0]
        return (float(first[0]), float(first[1]))

    @property
    def end(self) -> tuple[float, float]:
        last = self.lines()[-1][-1]
        return (float(last[0]), float(last[1]))


@dataclass(frozen=True, slots=True)
class Route:
    """A way from Chongqing to a country: its legs in order."""

    iso3: str
    route_id: str
    kind: str
    legs: tuple[str, ...]
    is_default: bool


@dataclass(frozen=True, slots=True)
class RouteDetail:
    """A route with its legs resolved, for display: per-leg lengths and the total."""

    route: Route
    legs: tuple[Leg, ...]

    @property
    def total_km(self) -> float:
        return sum(leg.length_km for leg in self.legs)

    @property
    def gateway(self) -> str:
        return self.legs[-1].to_id

    def leg_lengths(self) -> list[tuple[str, str, float]]:
        """(leg id, mode, length in km) for each leg in order."""
        return [(leg.id, leg.mode, leg.length_km) for leg in self.legs]


@dataclass(frozen=True, slots=True)
class Destination:
    iso3: str
    gateway: str
    default_route: tuple[str, ...]


@dataclass(frozen=True)
class Corridor:
    """Everything the corridor layers and route panels need."""

    ports: dict[str, Port]
    legs: dict[str, Leg]
    routes: dict[str, tuple[Route, ...]]
    destinations: dict[str, Destination]
    legs_geojson: GeoJSON = field(repr=False, compare=False)

    def routes_for(self, iso3: str) -> list[RouteDetail]:
        """The country's routes, default first; KeyError if the country has none."""
        routes = self.routes.get(iso3)
        if not routes:
            raise KeyError(f"no route to {iso3}")
        ordered = sorted(routes, key=lambda r: not r.is_default)
        return [RouteDetail(r, tuple(self.legs[leg] for leg in r.legs)) for r in ordered]

    def default_route(self, iso3: str) -> RouteDetail:
        return self.routes_for(iso3)[0]


def _geo(geo_dir: Path | None) -> Path:
    return geo_dir if geo_dir is not None else default_geo_dir()


def load_ports(geo_dir: Path | None = None) -> dict[str, Port]:
    path = _geo(geo_dir) / PORTS_FILE
    ports: dict[str, Port] = {}
    for number, row in enumerate(read_csv_rows(path, PORT_COLUMNS), start=2):
        pid = row["id"].strip()
        if not pid:
            raise GeoDataError(path, f"row {number}: empty id")
        if pid in ports:
            raise GeoDataError(path, f"row {number}: id {pid} appears twice")
        if row["kind"] not in PORT_KINDS:
            raise GeoDataError(path, f"row {number}: kind {row['kind']!r} not one of {sorted(PORT_KINDS)}")
        lon = parse_float(path, number, "lon", row["lon"])
        lat = parse_float(path, number, "lat", row["lat"])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise GeoDataError(path, f"row {number}: coordinates ({lon}, {lat}) out of range")
        ports[pid] = Port(
            pid,
            row["locode"],
            row["name_en"],
            row["name_zh"],
            row["iso3"],
            row["kind"],
            lon,
            lat,
            row["source"],
        )
    return ports


def load_legs(ports: dict[str, Port], geo_dir: Path | None = None) -> tuple[dict[str, Leg], GeoJSON]:
    path = _geo(geo_dir) / LEGS_FILE
    data = load_feature_collection(path, LINE_TYPES, LEG_PROPERTIES, exact_properties=True)
    legs: dict[str, Leg] = {}
    for index, feature in enumerate(data["features"]):
        p = feature["properties"]
        lid = p["id"]
        where = f"feature {index} ({lid})"
        if not isinstance(lid, str) or not lid:
            raise GeoDataError(path, f"feature {index} has no id")
        if lid in legs:
            raise GeoDataError(path, f"leg id {lid} appears twice")
        if p["mode"] not in LEG_MODES:
            raise GeoDataError(path, f"{where}: mode {p['mode']!r} not one of {sorted(LEG_MODES)}")
        for end in ("from", "to"):
            if p[end] not in ports:
                raise GeoDataError(path, f"{where}: '{end}' port {p[end]!r} is not in {PORTS_FILE}")
        if not isinstance(p["length_km"], int | float) or p["length_km"] <= 0:
            raise GeoDataError(path, f"{where}: length_km must be a positive number")
        nm = p["length_nm"]
        if p["mode"] == "sea" and not isinstance(nm, int | float):
            raise GeoDataError(path, f"{where}: sea leg without length_nm")
        borders = _borders(path, where, p["borders"])
        legs[lid] = Leg(
            id=lid,
            mode=p["mode"],
            from_id=p["from"],
            to_id=p["to"],
            name_en=p["name_en"],
            name_zh=p["name_zh"],
            length_km=float(p["length_km"]),
            length_nm=float(nm) if isinstance(nm, int | float) else None,
            source=p["source"],
            geometry=feature["geometry"],
            borders=borders,
        )
    return legs, data


def _borders(path: Path, where: str, value: Any) -> tuple[Border, ...] | None:
    """An onward leg's borders (a list, maybe empty); null for the corridor's own legs."""
    if value is None:
        return None
    if not isinstance(value, list):
        raise GeoDataError(path, f"{where}: 'borders' must be a list or null")
    out = []
    for item in value:
        texts = isinstance(item, dict) and all(
            isinstance(item.get(k), str) for k in ("from", "to", "en", "zh")
        )
        if not texts or not isinstance(item.get("customs"), bool):
            raise GeoDataError(path, f"{where}: a border needs 'from', 'to', 'en', 'zh' and 'customs'")
        out.append(Border(item["from"], item["to"], item["en"], item["zh"], item["customs"]))
    return tuple(out)


def _split_legs(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _check_chain(path: Path, where: str, leg_ids: Iterable[str], legs: dict[str, Leg]) -> None:
    chain = list(leg_ids)
    if not chain:
        raise GeoDataError(path, f"{where}: no legs")
    for leg_id in chain:
        if leg_id not in legs:
            raise GeoDataError(path, f"{where}: unknown leg {leg_id!r}")
    for a, b in itertools.pairwise(chain):
        if legs[a].to_id != legs[b].from_id:
            raise GeoDataError(
                path, f"{where}: leg {a} ends at {legs[a].to_id} but {b} starts at {legs[b].from_id}"
            )


def load_routes(legs: dict[str, Leg], geo_dir: Path | None = None) -> dict[str, tuple[Route, ...]]:
    path = _geo(geo_dir) / ROUTES_FILE
    by_country: dict[str, list[Route]] = {}
    seen: set[str] = set()
    for number, row in enumerate(read_csv_rows(path, ROUTE_COLUMNS), start=2):
        where = f"row {number}"
        if row["route_id"] in seen:
            raise GeoDataError(path, f"{where}: route_id {row['route_id']} appears twice")
        seen.add(row["route_id"])
        if row["kind"] not in ROUTE_KINDS:
            raise GeoDataError(path, f"{where}: kind {row['kind']!r} not one of {sorted(ROUTE_KINDS)}")
        if row["is_default"] not in {"0", "1"}:
            raise GeoDataError(path, f"{where}: is_default must be 0 or 1")
        leg_ids = _split_legs(row["legs"])
        _check_chain(path, where, leg_ids, legs)
        route = Route(row["iso3"], row["route_id"], row["kind"], leg_ids, row["is_default"] == "1")
        by_country.setdefault(route.iso3, []).append(route)
    for iso3, routes in by_country.items():
        defaults = sum(r.is_default for r in routes)
        if defaults != 1:
            raise GeoDataError(path, f"{iso3} has {defaults} default routes, expected exactly 1")
    return {iso3: tuple(routes) for iso3, routes in by_country.items()}


def load_destinations(
    routes: dict[str, tuple[Route, ...]], ports: dict[str, Port], geo_dir: Path | None = None
) -> dict[str, Destination]:
    path = _geo(geo_dir) / DESTINATIONS_FILE
    out: dict[str, Destination] = {}
    for number, row in enumerate(read_csv_rows(path, DESTINATION_COLUMNS), start=2):
        iso3 = row["iso3"]
        where = f"row {number} ({iso3})"
        if iso3 in out:
            raise GeoDataError(path, f"{where}: appears twice")
        if row["gateway"] not in ports:
            raise GeoDataError(path, f"{where}: gateway {row['gateway']!r} is not in {PORTS_FILE}")
        default = next((r for r in routes.get(iso3, ()) if r.is_default), None)
        legs = _split_legs(row["default_route"])
        if default is None or default.legs != legs:
            raise GeoDataError(path, f"{where}: default_route does not match the default in {ROUTES_FILE}")
        out[iso3] = Destination(iso3, row["gateway"], legs)
    return out


def load_corridor(geo_dir: Path | None = None) -> Corridor:
    """Load and cross-check the four corridor files."""
    ports = load_ports(geo_dir)
    legs, legs_geojson = load_legs(ports, geo_dir)
    routes = load_routes(legs, geo_dir)
    destinations = load_destinations(routes, ports, geo_dir)
    missing = sorted(set(routes) - set(destinations))
    if missing:
        raise GeoDataError(_geo(geo_dir) / DESTINATIONS_FILE, f"no row for {', '.join(missing[:10])}")
    return Corridor(ports, legs, routes, destinations, legs_geojson)
