"""``corridor-map route TARGET [--json]``: the route alternatives from Chongqing, with distances and days.

TARGET is a country (ISO3 code, or a name in English or Chinese) or a port/hub (its id or UN/LOCODE, e.g.
SGSIN, or its name). Speeds and dwell days can be changed with options (defaults: the app's; with their
basis and sources: ``corridor-map route --assumptions``, or Help → Transit assumptions in the app). Exit 0
on success; 2 when TARGET is unknown or the geodata cannot be read. ``--json`` prints exactly one JSON
object to stdout (also for an error: ``{"error": …}``). ``--lang zh`` prints everything in Chinese.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from corridor_map.core.assumptions import ASSUMPTIONS, NOT_COUNTED, assumptions_json
from corridor_map.core.errors import CorridorMapError
from corridor_map.core.transit import DEFAULT_PARAMS, Alternative, TransitParams, preferred

if TYPE_CHECKING:  # annotations only: the command line is parsed without loading the corridor
    from corridor_map.core.corridor import Corridor

WHERE_EN = (
    "the defaults, their basis and sources: corridor-map route --assumptions, or Help → Transit assumptions"
)
WHERE_ZH = "默认值及其依据和来源：corridor-map route --assumptions，或应用内“帮助 → 运输时间假设”"
WORDS: dict[str, dict[str, Any]] = {  # the table's framing, in each language
    "en": {
        "head": "{name} ({id}): {n} alternatives from Chongqing",
        "assume": "Assumptions: rail {rail} km/day, river {river:g} kn, sea {sea:g} kn, road {road} km/day, "
        "{dwell:g} days per stop. Estimates; " + WHERE_EN + ".",
        "default": "  [default]",
        "total": "{km} km{sea}, {days} days",
        "at_sea": " ({nm} nm at sea)",
        "km": "km",
        "nm": "nm",
        "day": "d",
        "stop": "stop",
        "fastest": "Fastest with these assumptions: {label}, {days} days",
        "modes": {"rail": "rail", "river": "river", "sea": "sea", "road": "road"},
        "assumptions": "Transit assumptions (now / default)",
        "sources": "Source: ",
        "colon": ": ",
    },
    "zh": {
        "head": "{name}（{id}）：自重庆出发共 {n} 种方案",
        "assume": "假设：铁路每天 {rail} 公里，水运 {river:g} 节，海运 {sea:g} 节，公路每天 {road} 公里，"
        "每次停留 {dwell:g} 天。均为估计值；" + WHERE_ZH + "。",
        "default": "  ［默认］",
        "total": "{km} 公里{sea}，{days} 天",
        "at_sea": "（海运 {nm} 海里）",
        "km": "公里",
        "nm": "海里",
        "day": "天",
        "stop": "停留",
        "fastest": "按这些假设最快：{label}，{days} 天",
        "modes": {"rail": "铁路", "river": "水运", "sea": "海运", "road": "公路"},
        "assumptions": "运输时间假设（当前值 / 默认值）",
        "sources": "来源：",
        "colon": "：",
    },
}
PARAM_OPTIONS = (
    ("rail_km_per_day", "--rail-km-per-day", "rail: km travelled per day"),
    ("river_knots", "--river-knots", "river: average speed in knots"),
    ("sea_knots", "--sea-knots", "sea: average speed in knots"),
    ("road_km_per_day", "--road-km-per-day", "road (onward legs): km travelled per day"),
    ("dwell_days", "--dwell-days", "days lost at each stop (transshipment, border, ship lock)"),
)


def add_parser(subparsers: Any) -> None:
    """Register the ``route`` sub-command."""
    parser = subparsers.add_parser(
        "route",
        help="compare the route alternatives from Chongqing to a country or port (distances, days)",
        description="Route alternatives from Chongqing to a country or port: distance per leg and in total "
        f"(km; nm for sea legs) and estimated transit days. {WHERE_EN[0].upper()}{WHERE_EN[1:]}.",
    )
    parser.add_argument(
        "target", metavar="TARGET", nargs="?", help="ISO3 code or country name, or a port id / name"
    )
    parser.add_argument(
        "--assumptions", action="store_true", help="print the transit assumptions, their basis and sources"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object to stdout")
    parser.add_argument("--lang", choices=["en", "zh"], default="en", help="names in English or Chinese")
    for name, flag, text in PARAM_OPTIONS:
        default = getattr(DEFAULT_PARAMS, name)
        parser.add_argument(
            flag, dest=name, type=float, default=default, help=f"{text} (default {default:g})"
        )


@dataclass(frozen=True)
class Target:
    kind: str  # "country" or "port"
    id: str
    name: str


def resolve(corridor: Corridor, text: str, lang: str = "en") -> Target:
    """The country or port meant by ``text``; LookupError with a message saying why not."""
    from corridor_map.core.countries import default_index

    raw = text.strip()
    upper = raw.upper()
    if upper in corridor.ports:
        port = corridor.ports[upper]
        return Target("port", port.id, port.name(lang))
    if len(upper) == 3 and upper.isalpha() and upper in corridor.routes:
        return Target("country", upper, default_index().display_name(upper, lang))
    folded = raw.casefold()
    for port in corridor.ports.values():
        if folded in (port.name_en.casefold(), port.name_zh, port.locode.casefold()) and folded:
            return Target("port", port.id, port.name(lang))
    match = default_index().resolve(raw)
    if match.status == "ok" and match.iso3 in corridor.routes:
        return Target("country", match.iso3, default_index().display_name(match.iso3, lang))
    if match.status == "ok":
        raise LookupError(f"no route data for {match.iso3}")
    raise LookupError(match.reason() if match.status != "empty" else "no country or port given")


def comparison(corridor: Corridor, target: Target, params: TransitParams) -> list[Alternative]:
    from corridor_map.core.transit import country_alternatives, port_alternatives

    if target.kind == "country":
        return country_alternatives(corridor, target.id, params)
    return port_alternatives(corridor, target.id, params)


def _num(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def print_table(
    corridor: Corridor, target: Target, params: TransitParams, alternatives: list[Alternative], lang: str
) -> None:
    """The human-readable comparison, in ``lang`` throughout."""
    out, w = sys.stdout, WORDS["zh" if lang.startswith("zh") else "en"]
    print(w["head"].format(name=target.name, id=target.id, n=len(alternatives)), file=out)
    print(
        w["assume"].format(
            rail=_num(params.rail_km_per_day), river=params.river_knots, sea=params.sea_knots,
            road=_num(params.road_km_per_day), dwell=params.dwell_days,
        ),
        file=out,
    )  # fmt: skip
    for number, alt in enumerate(alternatives, start=1):
        default = w["default"] if alt.is_default else ""
        sea = w["at_sea"].format(nm=_num(alt.sea_nm)) if alt.sea_nm else ""
        print(f"\n{number}. {alt.label(lang)}{default}", file=out)
        print(
            "   " + w["total"].format(km=_num(alt.total_km), sea=sea, days=_num(alt.total_days, 1)), file=out
        )
        for i, lt in enumerate(alt.legs):
            nm = f" = {_num(lt.nm)} {w['nm']}" if lt.nm is not None else ""
            length = f"{_num(lt.km)} {w['km']}{nm}"
            mode = w["modes"].get(lt.leg.mode, lt.leg.mode)
            print(f"   {mode:<6}{length:>22} {lt.days:>6.1f} {w['day']}   {lt.leg.name(lang)}", file=out)
            for stop in (s for s in alt.stops if s.after_leg == i):
                print(f"   {w['stop']:<6}{'':>22} {stop.days:>6.1f} {w['day']}   {stop.text(lang)}", file=out)
    if len(alternatives) > 1:
        fastest = preferred(corridor, target.id if target.kind == "country" else None, alternatives)
        print(
            "\n" + w["fastest"].format(label=fastest.label(lang), days=_num(fastest.total_days, 1)), file=out
        )


def print_assumptions(params: TransitParams, lang: str) -> None:
    """Each assumption: its value now and by default, its basis and its sources."""
    out, w = sys.stdout, WORDS["zh" if lang.startswith("zh") else "en"]
    print(w["assumptions"], file=out)
    for a in ASSUMPTIONS:
        value = f"{getattr(params, a.key):g} / {a.default:g} {a.unit(lang)}"
        print(f"\n{a.label(lang)}{w['colon']}{value}", file=out)
        print(f"  {a.basis(lang)}", file=out)
        for source in a.sources:
            print(f"  {w['sources']}{source}", file=out)
    print("\n" + NOT_COUNTED["zh" if lang.startswith("zh") else "en"], file=out)


def run(args: argparse.Namespace) -> int:
    """Print the comparison (or JSON); 2 for an unknown target or unreadable geodata."""
    from corridor_map.core.corridor import load_corridor

    def fail(message: str) -> int:
        print(f"route: {message}", file=sys.stderr)
        if args.json:
            sys.stdout.write(json.dumps({"error": message}, ensure_ascii=False) + "\n")
        return 2

    try:
        params = TransitParams(**{name: getattr(args, name) for name, _, _ in PARAM_OPTIONS})
    except ValueError as exc:
        return fail(str(exc))
    if args.target is None:
        if not args.assumptions:
            return fail("give a TARGET (a country or port), or --assumptions")
        if args.json:
            sys.stdout.write(
                json.dumps({"assumptions": assumptions_json(params, args.lang)}, ensure_ascii=False)
            )
            sys.stdout.write("\n")
        else:
            print_assumptions(params, args.lang)
        return 0
    try:
        corridor = load_corridor()
    except CorridorMapError as exc:
        return fail(str(exc))
    try:
        target = resolve(corridor, args.target, args.lang)
    except LookupError as exc:
        hint = (
            "give an ISO3 code or country name (DEU, Germany, 德国) or a port id or name (SGSIN, Singapore)"
        )
        return fail(f"{args.target!r}: {exc.args[0]}; {hint}")
    alternatives = comparison(corridor, target, params)
    if args.json:
        report = {
            "target": {"kind": target.kind, "id": target.id, "name": target.name},
            "params": params.to_json(),
            "assumptions": assumptions_json(params, args.lang),
            "alternatives": [alt.to_json(args.lang) for alt in alternatives],
        }
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:

        def both() -> None:
            print_table(corridor, target, params, alternatives, args.lang)
            if args.assumptions:
                print("", file=sys.stdout)
                print_assumptions(params, args.lang)

        _quietly(both)
    return 0


def _quietly(write: Any) -> None:
    """Print; if the reader leaves (``corridor-map route DEU | head``), stop without a traceback."""
    try:
        write()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
