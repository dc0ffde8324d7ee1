"""``corridor-map route TARGET [--json]``: the route alternatives from Chongqing, with distances and days.

TARGET is a country (ISO3 code, or a name in English or Chinese) or a port/hub (its id or UN/LOCODE, e.g.
SGSIN, or its name). Speeds and dwell days can be changed with options (defaults: the app's, see
docs/transit-assumptions.md). Exit 0 on success; 2 when TARGET is unknown or the geodata cannot be read.
``--json`` prints exactly one JSON object to stdout (also for an error: ``{"error": …}``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from corridor_map.core.errors import CorridorMapError
from corridor_map.core.transit import DEFAULT_PARAMS, Alternative, TransitParams

if TYPE_CHECKING:  # annotations only: the command line is parsed without loading the corridor
    from corridor_map.core.corridor import Corridor

ASSUMPTIONS = "docs/transit-assumptions.md"
PARAM_OPTIONS = (
    ("rail_km_per_day", "--rail-km-per-day", "rail: km travelled per day"),
    ("river_knots", "--river-knots", "river: average speed in knots"),
    ("sea_knots", "--sea-knots", "sea: average speed in knots"),
    ("dwell_days", "--dwell-days", "days lost at each stop (transshipment, border, ship lock)"),
)


def add_parser(subparsers: Any) -> None:
    """Register the ``route`` sub-command."""
    parser = subparsers.add_parser(
        "route",
        help="compare the route alternatives from Chongqing to a country or port (distances, days)",
        description="Route alternatives from Chongqing to a country or port: distance per leg and in total "
        f"(km; nm for sea legs) and estimated transit days. The estimates and their sources: {ASSUMPTIONS}.",
    )
    parser.add_argument("target", metavar="TARGET", help="ISO3 code or country name, or a port id / name")
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


def print_table(target: Target, params: TransitParams, alternatives: list[Alternative], lang: str) -> None:
    """The human-readable comparison."""
    out = sys.stdout
    print(f"{target.name} ({target.id}): {len(alternatives)} alternatives from Chongqing", file=out)
    print(
        f"Assumptions: rail {_num(params.rail_km_per_day)} km/day, river {params.river_knots:g} kn, "
        f"sea {params.sea_knots:g} kn, {params.dwell_days:g} days per stop. Estimates, see {ASSUMPTIONS}.",
        file=out,
    )
    for number, alt in enumerate(alternatives, start=1):
        default = "  [default]" if alt.is_default else ""
        sea = f" ({_num(alt.sea_nm)} nm at sea)" if alt.sea_nm else ""
        print(f"\n{number}. {alt.label(lang)}{default}", file=out)
        print(f"   {_num(alt.total_km)} km{sea}, {_num(alt.total_days, 1)} days", file=out)
        for i, lt in enumerate(alt.legs):
            nm = f" = {_num(lt.nm)} nm" if lt.nm is not None else ""
            length = f"{_num(lt.km)} km{nm}"
            print(f"   {lt.leg.mode:<6}{length:>22} {lt.days:>6.1f} d   {lt.leg.name(lang)}", file=out)
            for stop in (s for s in alt.stops if s.after_leg == i):
                print(f"   {'stop':<6}{'':>22} {stop.days:>6.1f} d   {stop.text(lang)}", file=out)
    if len(alternatives) > 1:
        fastest = min(alternatives, key=lambda a: a.total_days)
        print(
            f"\nFastest with these assumptions: {fastest.label(lang)}, {_num(fastest.total_days, 1)} days",
            file=out,
        )


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
            "assumptions": ASSUMPTIONS,
            "alternatives": [alt.to_json(args.lang) for alt in alternatives],
        }
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        try:
            print_table(target, params, alternatives, args.lang)
        except BrokenPipeError:  # `corridor-map route DEU | head`: the reader left; no traceback
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
