"""Transit estimates for the route alternatives from Chongqing (Qt-free).

For a destination country (or a port), every alternative of ``routes.csv`` with its distance per leg and in
total (km; nm for sea legs) and estimated days from editable :class:`TransitParams`: each leg's days are its
length over the mode's speed, and each *stop* (a transshipment where the mode changes, a border with customs
or a gauge change, the Three Gorges ship locks) costs the dwell days. The defaults and their sources are in
``docs/transit-assumptions.md``; they are estimates, not timetables.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: ``corridor-map`` parses its command line without the corridor
    from corridor_map.core.corridor import Corridor, Leg, Route

KM_PER_NM = 1.852
HOURS_PER_DAY = 24.0

# Okabe & Ito's colour-blind-safe palette, strongest on a light map first (yellow left out: too pale on land).
ROUTE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")

KIND_ORDER = ("rail_sea", "river_sea", "china_europe_rail", "cross_border_rail")

# Stops inside a leg (the leg crosses a border with customs/gauge change, or passes the Three Gorges locks).
LEG_STOPS: dict[str, tuple[str, str, str]] = {
    "R-ALA-DOS": ("border", "Alashankou–Dostyk: customs and gauge change (1,435 → 1,520 mm)",
                  "阿拉山口—多斯特克：通关及换轨（1435→1520 毫米）"),
    "R-MZH-ZAB": ("border", "Manzhouli–Zabaykalsk: customs and gauge change (1,435 → 1,520 mm)",
                  "满洲里—后贝加尔斯克：通关及换轨（1435→1520 毫米）"),
    "R-KHG-ALT": ("border", "Khorgos–Altynkol: customs and gauge change (1,435 → 1,520 mm)",
                  "霍尔果斯—阿腾科里：通关及换轨（1435→1520 毫米）"),
    "R-BQT-MAL": ("border", "Brest–Małaszewicze: EU customs and gauge change (1,520 → 1,435 mm)",
                  "布列斯特—马拉舍维奇：欧盟通关及换轨（1520→1435 毫米）"),
    "R-KMG-VTE": ("border", "Mohan–Boten: customs", "磨憨—磨丁：通关"),
    "R-NNG-HAN": ("border", "Pingxiang–Dong Dang: customs", "凭祥—同登：通关"),
    "Y-CKG-SHA": ("lock", "Three Gorges ship locks: waiting and passage", "三峡船闸：待闸及过闸"),
}  # fmt: skip

CHANNELS = {
    "R-TJC-NNG-GY": ("central channel, via Guiyang", "中线，经贵阳"),
    "R-TJC-NNG-HH": ("eastern channel, via Huaihua", "东线，经怀化"),
    "R-TJC-ALA": ("via Alashankou", "经阿拉山口"),
    "R-TJC-KHG": ("via Khorgos", "经霍尔果斯"),
    "R-TJC-MZH": ("via Manzhouli", "经满洲里"),
}
KIND_LABELS = {
    "rail_sea": ("ILSTC rail + sea via Qinzhou", "陆海新通道铁海联运，经钦州港"),
    "river_sea": ("Yangtze + sea via Shanghai", "长江水运 + 海运，经上海"),
    "china_europe_rail": ("China–Europe Railway Express", "中欧班列"),
    "cross_border_rail": ("Cross-border rail", "跨境铁路"),
    "rail": ("ILSTC rail", "陆海新通道铁路"),  # a rail_sea route without its sea leg (to China's own ports)
    "river": ("Yangtze", "长江水运"),
}
MODE_NAMES = {
    "rail": ("rail", "铁路"),
    "river": ("river", "水运"),
    "sea": ("sea", "海运"),
    "road": ("road", "公路"),
}


def _pick(lang: str, pair: tuple[str, str]) -> str:
    return pair[1] if lang.lower().startswith("zh") else pair[0]


@dataclass(frozen=True, slots=True, kw_only=True)
class TransitParams:
    """The editable assumptions: average speeds while moving, and days lost at each stop."""

    rail_km_per_day: float = 800.0
    river_knots: float = 6.0
    sea_knots: float = 14.0
    road_km_per_day: float = 500.0  # onward legs into the destination country
    dwell_days: float = 1.5

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            ok = isinstance(value, int | float) and math.isfinite(value)
            if not ok or value < 0 or (value == 0 and f.name != "dwell_days"):
                need = "zero or more" if f.name == "dwell_days" else "greater than zero"
                raise ValueError(f"{f.name} must be a number {need}, got {value!r}")

    def km_per_day(self, mode: str) -> float:
        """Distance covered in a day of moving by ``mode`` (rail, river or sea)."""
        if mode == "rail":
            return self.rail_km_per_day
        if mode == "road":
            return self.road_km_per_day
        knots = self.river_knots if mode == "river" else self.sea_knots
        if mode not in ("river", "sea"):
            raise ValueError(f"unknown mode {mode!r}")
        return knots * KM_PER_NM * HOURS_PER_DAY

    def to_json(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TransitParams:
        """From a dict; unknown keys are ignored, missing ones take the defaults."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in data.items() if k in known})

    def with_changes(self, **changes: float) -> TransitParams:
        return replace(self, **changes)


DEFAULT_PARAMS = TransitParams()


@dataclass(frozen=True, slots=True)
class LegTransit:
    """One leg of an alternative: its length and its moving days."""

    leg: Leg
    km: float
    nm: float | None  # sea legs only
    days: float


@dataclass(frozen=True, slots=True)
class Stop:
    """Time lost between or inside legs: ``kind`` is transshipment, border or lock."""

    after_leg: int  # index of the leg it follows
    kind: str
    text_en: str
    text_zh: str
    days: float

    def text(self, lang: str) -> str:
        return _pick(lang, (self.text_en, self.text_zh))


@dataclass(frozen=True, slots=True)
class Alternative:
    """A route from Chongqing with its estimated transit."""

    route_id: str
    kind: str
    is_default: bool
    legs: tuple[LegTransit, ...]
    stops: tuple[Stop, ...]
    gateway: str  # place id at the end (a port, hub, or the arrival city of an onward leg)
    gateway_en: str
    gateway_zh: str
    handover_en: str = ""  # where onward legs (rail or road into the country) begin, if any
    handover_zh: str = ""

    @property
    def key(self) -> str:
        """The route id without its country (``rail_sea-gy``): the same choice across countries."""
        return self.route_id.split("-", 1)[1] if "-" in self.route_id else self.route_id

    @property
    def leg_ids(self) -> list[str]:
        return [lt.leg.id for lt in self.legs]

    @property
    def total_km(self) -> float:
        return sum(lt.km for lt in self.legs)

    @property
    def sea_nm(self) -> float:
        return sum(lt.nm or 0.0 for lt in self.legs)

    @property
    def moving_days(self) -> float:
        return sum(lt.days for lt in self.legs)

    @property
    def dwell_days(self) -> float:
        return sum(s.days for s in self.stops)

    @property
    def total_days(self) -> float:
        return self.moving_days + self.dwell_days

    def km_by_mode(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for lt in self.legs:
            out[lt.leg.mode] = out.get(lt.leg.mode, 0.0) + lt.km
        return out

    def label(self, lang: str = "en") -> str:
        """E.g. "ILSTC rail + sea via Qinzhou (central channel, via Guiyang) → Hamburg"."""
        kind = self.kind
        if not self.sea_nm and kind in ("rail_sea", "river_sea"):
            kind = kind.split("_")[0]
        text = _pick(lang, KIND_LABELS.get(kind, (kind, kind)))
        channel = CHANNELS.get(self.legs[0].leg.id)
        if channel:
            text += f"（{channel[1]}）" if lang.startswith("zh") else f" ({channel[0]})"
        if self.handover_en:
            text += f" → {_pick(lang, (self.handover_en, self.handover_zh))}"
        return f"{text} → {_pick(lang, (self.gateway_en, self.gateway_zh))}"

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {
            "route_id": self.route_id,
            "kind": self.kind,
            "label": self.label(lang),
            "is_default": self.is_default,
            "gateway": self.gateway,
            "total_km": round(self.total_km, 1),
            "sea_nm": round(self.sea_nm, 1),
            "km_by_mode": {k: round(v, 1) for k, v in self.km_by_mode().items()},
            "moving_days": round(self.moving_days, 2),
            "dwell_days": round(self.dwell_days, 2),
            "total_days": round(self.total_days, 2),
            "legs": [
                {
                    "id": lt.leg.id,
                    "mode": lt.leg.mode,
                    "from": lt.leg.from_id,
                    "to": lt.leg.to_id,
                    "name": lt.leg.name(lang),
                    "km": round(lt.km, 1),
                    "nm": round(lt.nm, 1) if lt.nm is not None else None,
                    "days": round(lt.days, 2),
                }
                for lt in self.legs
            ],
            "stops": [
                {"after_leg": s.after_leg, "kind": s.kind, "text": s.text(lang), "days": round(s.days, 2)}
                for s in self.stops
            ],
        }


def _stops(corridor: Corridor, legs: tuple[Leg, ...], dwell: float) -> tuple[Stop, ...]:
    stops: list[Stop] = []
    for i, leg in enumerate(legs):
        inside = LEG_STOPS.get(leg.id)
        if inside:
            stops.append(Stop(i, inside[0], inside[1], inside[2], dwell))
        for border in (b for b in leg.borders or () if b.customs):
            en, zh = f"Border {border.text_en}: customs", f"{border.text_zh}边境：通关"
            stops.append(Stop(i, "border", en, zh, dwell))
        following = legs[i + 1] if i + 1 < len(legs) else None
        if following is not None and following.mode != leg.mode:
            port = corridor.ports[leg.to_id]
            en = f"{port.name_en}: transshipment {leg.mode} → {following.mode}"
            zh = f"{port.name_zh}：{MODE_NAMES[leg.mode][1]}转{MODE_NAMES[following.mode][1]}换装"
            stops.append(Stop(i, "transshipment", en, zh, dwell))
    return tuple(stops)


def _leg_transit(leg: Leg, params: TransitParams) -> LegTransit:
    """Sea legs: nautical miles over knots; rail, river and road legs: km over the km covered per day."""
    if leg.mode == "sea" and leg.length_nm is not None:
        return LegTransit(
            leg, leg.length_km, leg.length_nm, leg.length_nm / (params.sea_knots * HOURS_PER_DAY)
        )
    return LegTransit(leg, leg.length_km, None, leg.length_km / params.km_per_day(leg.mode))


def alternative(corridor: Corridor, route: Route, params: TransitParams = DEFAULT_PARAMS) -> Alternative:
    """The transit estimate of one route."""
    legs = tuple(corridor.legs[leg_id] for leg_id in route.legs)
    transits = tuple(_leg_transit(leg, params) for leg in legs)
    end = corridor.ports[legs[-1].to_id]
    onward = next((leg for leg in legs if leg.onward), None)
    handover = corridor.ports[onward.from_id] if onward is not None else None
    return Alternative(
        route.route_id, route.kind, route.is_default, transits,
        _stops(corridor, legs, params.dwell_days), end.id, end.name_en, end.name_zh,
        handover.name_en if handover else "", handover.name_zh if handover else "",
    )  # fmt: skip


def _ordered(routes: list[Route]) -> list[Route]:
    """Default first, then by kind (rail+sea, river+sea, China–Europe, cross-border), then as in the file."""
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return sorted(routes, key=lambda r: (not r.is_default, rank.get(r.kind, len(rank))))


def country_alternatives(
    corridor: Corridor, iso3: str, params: TransitParams = DEFAULT_PARAMS
) -> list[Alternative]:
    """The alternatives to ``iso3``, default first; KeyError if the corridor has no route there."""
    routes = corridor.routes.get(iso3)
    if not routes:
        raise KeyError(f"no route to {iso3}")
    return [alternative(corridor, r, params) for r in _ordered(list(routes))]


def preferred(corridor: Corridor, iso3: str | None, alternatives: list[Alternative]) -> Alternative:
    """The one rule for the default route (the build), and for "fastest" in the Routes panel and
    ``corridor-map route``: the fastest alternative that ends in ``iso3`` — any, when none does (a
    landlocked country reached through a foreign port) or when ``iso3`` is None (a port's alternatives)."""
    arriving = [a for a in alternatives if iso3 and corridor.ports[a.gateway].iso3 == iso3]
    return min(arriving or alternatives, key=lambda a: a.total_days)


def port_alternatives(
    corridor: Corridor, port_id: str, params: TransitParams = DEFAULT_PARAMS
) -> list[Alternative]:
    """The distinct alternatives that end at ``port_id`` (over every country using it); KeyError if none."""
    seen: dict[tuple[str, ...], Route] = {}
    for routes in corridor.routes.values():
        for route in routes:
            if corridor.legs[route.legs[-1]].to_id != port_id:
                continue
            known = seen.get(route.legs)
            if known is None or (route.is_default and not known.is_default):
                seen[route.legs] = route
    if not seen:
        raise KeyError(f"no route ends at {port_id}")
    return [alternative(corridor, r, params) for r in _ordered(list(seen.values()))]


def colour_for(index: int) -> str:
    """The colour of the alternative at ``index`` in its list (the same in the panel and on the map)."""
    return ROUTE_COLOURS[index % len(ROUTE_COLOURS)]


def draw_payload(
    alternatives: list[Alternative], chosen: Iterable[int] | None = None
) -> list[dict[str, Any]]:
    """``CM.showRoutes`` argument for the ``chosen`` positions (all by default), each in its own colour."""
    wanted = range(len(alternatives)) if chosen is None else sorted(set(chosen))
    return [
        {"id": alternatives[i].route_id, "legs": alternatives[i].leg_ids, "color": colour_for(i)}
        for i in wanted
        if 0 <= i < len(alternatives)
    ]
