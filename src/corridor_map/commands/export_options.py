"""The export commands' format, paper, filter and route options: parsed and checked without Qt.

Syntax is checked before anything starts (no pandas); values that need the data (a brand, a year) are
checked against it when the page payload is computed (``data_filters``). A cached payload was computed
with the same filters from the same data, so it was checked then.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corridor_map.commands.common import CommandError

if TYPE_CHECKING:
    import pandas as pd

    from corridor_map.core.aggregate import Filters
    from corridor_map.ui.export.spec import Paper

PAPERS = ("A4", "A3", "A2", "A1", "A0")  # (ui.export.spec.PAPERS_MM, without importing it here)
POWERTRAINS = ("NEV", "ICE")  # what the window's Filters dock offers
YEARS = re.compile(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?")
PDF_ONLY = ("paper", "portrait", "margin", "bleed")


def add_format_options(parser: argparse.ArgumentParser, default_text: str) -> None:
    """``--format`` and the PDF's paper: ``--paper``, ``--portrait``, ``--margin``, ``--bleed``."""
    group = parser.add_argument_group("format and paper (--paper, --portrait, --margin, --bleed: PDF only)")
    group.add_argument("--format", dest="format", choices=["png", "pdf"], default=None, help=default_text)
    group.add_argument(
        "--paper",
        type=str.upper,
        choices=PAPERS,
        default=None,
        help="PDF paper size (default A3); --width, --height, --scale and --dpi are for PNG only",
    )
    group.add_argument(
        "--portrait", action="store_true", default=None, help="PDF in portrait (default landscape)"
    )
    group.add_argument(
        "--margin", metavar="MM", type=float, default=None, help="PDF margin in mm (default 10)"
    )
    group.add_argument(
        "--bleed", metavar="MM", type=float, default=None, help="PDF bleed in mm on each side (default 0)"
    )


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """What to count, as the window's Filters dock sets it: years, brands, powertrain."""
    group = parser.add_argument_group("filters (default: everything in the data)")
    group.add_argument(
        "--years",
        metavar="YEAR[-YEAR]",
        default=None,
        help="one year (2024) or a range (2023-2025); the legend's title says which",
    )
    group.add_argument(
        "--brands",
        metavar="BRAND[,BRAND…]",
        default=None,
        help="only these brands (names as in the data, any case; dealers too)",
    )
    group.add_argument(
        "--powertrain",
        metavar="NEV|ICE",
        default=None,
        help="only new-energy (NEV) or combustion (ICE) vehicles",
    )


def output_format(args: argparse.Namespace, out: Path | None) -> str:
    """``png`` or ``pdf``: ``--format``, else OUT's suffix (``.pdf``), else png; a mismatch is an error."""
    suffix = out.suffix.lower().lstrip(".") if out is not None else ""
    fmt = args.format or ("pdf" if suffix == "pdf" else "png")
    if out is not None and suffix in ("png", "pdf") and suffix != fmt:
        raise CommandError(f"--format {fmt} does not match {out}: name the file {out.with_suffix('.' + fmt)}")
    if fmt == "png":
        given = [f"--{name}" for name in PDF_ONLY if getattr(args, name, None) is not None]
        if given:
            how = "--format pdf" if out is None else "--format pdf, or OUT.pdf"
            raise CommandError(f"{', '.join(given)}: for PDF only ({how})")
    return fmt


def paper(args: argparse.Namespace) -> Paper:
    """The PDF's paper from the options (A3 landscape, 10 mm margin, no bleed by default)."""
    from corridor_map.ui.export.spec import Paper

    return Paper(
        name=args.paper or "A3",
        landscape=not args.portrait,
        margin_mm=10.0 if args.margin is None else args.margin,
        bleed_mm=0.0 if args.bleed is None else args.bleed,
    )


# ---- filters --------------------------------------------------------------------------------------
def parse_years(text: str) -> tuple[int, int]:
    """``2024`` → (2024, 2024); ``2023-2025`` → (2023, 2025); CommandError otherwise."""
    match = YEARS.fullmatch(text)
    if match is None:
        raise CommandError(f"--years {text}: give a year (2024) or a range (2023-2025)")
    first = int(match[1])
    last = int(match[2]) if match[2] else first
    if first > last:
        raise CommandError(f"--years {text}: the first year comes after the last")
    return first, last


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def check_filter_args(args: argparse.Namespace) -> dict[str, Any]:
    """The filters as given (syntax checked, no data needed): years, brands (case-folded), powertrains."""
    years = parse_years(args.years) if args.years is not None else None
    brands = sorted({b.casefold() for b in split_list(args.brands)}) if args.brands is not None else None
    if brands == []:
        raise CommandError("--brands: give at least one brand name")
    powertrains = None
    if args.powertrain is not None:
        powertrains = sorted({p.upper() for p in split_list(args.powertrain)})
        unknown = [p for p in powertrains if p not in POWERTRAINS]
        if unknown or not powertrains:
            shown = unknown[0] if unknown else args.powertrain
            raise CommandError(f"unknown powertrain '{shown}' (NEV or ICE)")
    return {"years": list(years) if years else None, "brands": brands, "powertrains": powertrains}


def filter_key(args: argparse.Namespace) -> str:
    """The filters as a short, stable text (for the payload cache's key)."""
    wanted = check_filter_args(args)
    return "" if not any(wanted.values()) else json.dumps(wanted, sort_keys=True, ensure_ascii=False)


def data_filters(args: argparse.Namespace, sales: pd.DataFrame, dealers: pd.DataFrame) -> Filters:
    """``Filters`` for the options, checked against the data: an unknown brand or a year outside the
    data's is a CommandError naming it and what the data has."""
    from corridor_map.core.aggregate import NO_FILTERS, Filters, brands, year_range

    wanted = check_filter_args(args)
    if not any(wanted.values()):
        return NO_FILTERS
    years = None
    if wanted["years"]:
        years = (int(wanted["years"][0]), int(wanted["years"][1]))
        span = year_range(sales)
        if span is None:
            raise CommandError("--years: the data has no sales")
        if years[0] < span[0] or years[1] > span[1]:
            have = str(span[0]) if span[0] == span[1] else f"{span[0]}–{span[1]}"
            raise CommandError(f"--years {args.years.strip()}: outside the data, which has {have}")
    chosen = None
    if wanted["brands"]:
        known = {name.casefold(): name for name in brands(sales, dealers)}
        for brand in wanted["brands"]:
            if brand not in known:
                typed = next(b for b in split_list(args.brands) if b.casefold() == brand)
                have = ", ".join(sorted(known.values()))
                raise CommandError(f"unknown brand '{typed}' (the data has: {have})")
        chosen = [known[b] for b in wanted["brands"]]
    return Filters.of(brands=chosen, years=years, powertrains=wanted["powertrains"])


def filters_json(filters: Filters) -> dict[str, Any]:
    """What the filters keep, as plain JSON (the ``--json`` line's ``filters``)."""
    return {
        "years": list(filters.years) if filters.years else None,
        "brands": sorted(filters.brands) if filters.brands else None,
        "powertrains": sorted(filters.powertrains) if filters.powertrains else None,
    }


# ---- routes ---------------------------------------------------------------------------------------
def route_payload(text: str | None, lang: str = "en") -> tuple[dict[str, Any], ...]:
    """``--routes TARGET[:N,N…]``: the compared routes to TARGET (a country or port, as ``corridor-map
    route`` takes it), all or alternatives N (1-based, as that command lists them), as ``CM.showRoutes``
    wants them, each in the Routes panel's colour for its place."""
    if text is None:
        return ()
    from corridor_map.commands.route import comparison, resolve
    from corridor_map.core.corridor import load_corridor
    from corridor_map.core.errors import CorridorMapError
    from corridor_map.core.transit import DEFAULT_PARAMS, draw_payload

    target_text, _, numbers = text.partition(":")
    try:
        corridor = load_corridor()
        target = resolve(corridor, target_text, lang)
    except CorridorMapError as exc:
        raise CommandError(f"--routes: {exc}") from None
    except LookupError as exc:
        raise CommandError(f"--routes {target_text.strip()}: {exc.args[0]}") from None
    alternatives = comparison(corridor, target, DEFAULT_PARAMS)
    if not alternatives:
        raise CommandError(f"--routes {target.id}: no route known")
    chosen = None
    if numbers.strip():
        try:
            picked = [int(n) for n in split_list(numbers)]
        except ValueError:
            raise CommandError(f"--routes {text}: give route numbers such as {target.id}:1,3") from None
        count = len(alternatives)
        wrong = [n for n in picked if not 1 <= n <= count]
        if wrong or not picked:
            raise CommandError(
                f"--routes {text}: {target.id} has {count} routes, 1–{count} "
                f"(see corridor-map route {target.id})"
            )
        chosen = [n - 1 for n in picked]
    return tuple(draw_payload(alternatives, chosen))
