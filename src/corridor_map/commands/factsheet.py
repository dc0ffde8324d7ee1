"""``corridor-map factsheet ISO3… --out DIR``: a country fact sheet (A4 PDF) per country, headless.

Options: ``--lang en|zh|both`` (both: one bilingual sheet), ``--all`` (every country with sales),
``--combined`` (also one PDF: a cover with contents, then every sheet),
``--sections map,years,brands,dealers,routes,figures`` (default all), the filters (``--years``, ``--brands``,
``--powertrain``) and the data (``--sample``, ``--sales FILE``, ``--dealers FILE``; default the active
dataset). Countries are ISO3 codes or names (English or Chinese); an unknown one is refused with the
closest matches. One progress line per sheet. Exit 0 on success, 2 for bad input, 1 when a sheet
cannot be made. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from corridor_map.commands.common import EXIT_FAILED, EXIT_OK, CommandError, guarded


def add_parser(subparsers: Any) -> None:
    """Register the ``factsheet`` sub-command."""
    from corridor_map.commands.export_options import add_filter_options

    parser = subparsers.add_parser(
        "factsheet",
        help="write country fact sheets (A4 PDF, English, Chinese or both)",
        description="Write a fact sheet per country: the map with its dealers and the route from Chongqing, "
        "units by year and brand, dealers, route alternatives and published figures, with their sources.",
    )
    parser.add_argument("countries", nargs="*", metavar="COUNTRY", help="ISO3 codes or country names")
    parser.add_argument("--all", action="store_true", help="every country with sales in the data")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write to")
    parser.add_argument(
        "--lang", dest="sheet_lang", choices=["en", "zh", "both"], default="en", help="language (default en)"
    )
    parser.add_argument(
        "--combined",
        action="store_true",
        help="also one PDF of them all, behind a cover with a contents page",
    )
    parser.add_argument(
        "--png",
        action="store_true",
        help="also a PNG preview of each sheet's first page beside its PDF (150 dpi)",
    )
    parser.add_argument(
        "--sections",
        default=None,
        metavar="NAME[,NAME…]",
        help="which sections: map, years, brands, dealers, routes, figures (default all)",
    )
    add_filter_options(parser)
    data = parser.add_argument_group("data (default: the active dataset, else the sample)")
    data.add_argument("--sample", action="store_true", help="use the bundled illustrative sample")
    data.add_argument("--sales", metavar="FILE", type=Path, help="a sales table (CSV or XLSX)")
    data.add_argument("--dealers", metavar="FILE", type=Path, help="a dealers table (CSV or XLSX)")


def sections(text: str | None) -> frozenset[str]:
    """The sections asked for (CommandError naming an unknown one)."""
    from corridor_map.mapgen.factsheet_html import SECTIONS

    if text is None:
        return frozenset(SECTIONS)
    wanted = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [name for name in wanted if name not in SECTIONS]
    if unknown or not wanted:
        raise CommandError(f"unknown section '{unknown[0] if unknown else text}' ({', '.join(SECTIONS)})")
    return frozenset(wanted)


def resolve_countries(texts: list[str]) -> list[str]:
    """ISO3 codes for ``texts`` (codes or names); CommandError naming an unknown one and the closest."""
    from corridor_map.commands.export import country_names
    from corridor_map.core.factsheet import closest_countries

    names = country_names()
    by_name = {name.casefold(): code for code, pair in names.items() for name in pair}
    codes: list[str] = []
    for text in texts:
        key = text.strip()
        code = key.upper() if key.upper() in names else by_name.get(key.casefold())
        if code is None:
            near = closest_countries(key, names)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise CommandError(f"unknown country '{key}'{hint}")
        if code not in codes:
            codes.append(code)
    return codes


def _run(args: argparse.Namespace) -> int:
    from corridor_map.commands.export import check_data_args, load_dataset
    from corridor_map.commands.export_options import check_filter_args, data_filters

    started = time.perf_counter()
    if not args.all and not args.countries:
        raise CommandError("name at least one country (ISO3 or name), or --all")
    out: Path = args.out
    if not out.is_dir():
        raise CommandError(f"cannot write to {out}: no such folder")
    check_data_args(args)
    check_filter_args(args)
    wanted_sections = sections(args.sections)
    codes = resolve_countries(args.countries) if args.countries else []
    dataset, warnings = load_dataset(args)
    for warning in warnings:
        print(warning, file=sys.stderr)
    filters = data_filters(args, dataset.sales, dataset.dealers)
    from corridor_map.core.factsheet import sales_countries

    if args.all:
        codes += [code for code in sales_countries(dataset, filters) if code not in codes]
        if not codes:
            raise CommandError("the data has no country with sales")
    from corridor_map.ui.composition import load_corridor_or_none, start_qt

    corridor = load_corridor_or_none()
    start_qt("zh" if args.sheet_lang == "zh" else "en", headless=True)
    from corridor_map.paths import geo_dir, resources_dir
    from corridor_map.state import AppState
    from corridor_map.ui.export.factsheets import FactSheetJob, FactSheetOptions, run_blocking
    from corridor_map.ui.web import shared_tripwire

    state = AppState(dataset)
    state.set_filters(filters)
    job = FactSheetJob(state, corridor, shared_tripwire([resources_dir(), geo_dir()]))
    names = {code: code for code in codes}

    def report(done: int, total: int, iso3: str) -> None:
        path = job.written[-1]
        pages = job.pages[-1]
        print(
            f"{done}/{total} {iso3} {names.get(iso3, iso3)} → {path} "
            f"({pages} page{'s' if pages != 1 else ''}, {job.seconds[-1]:.2f} s)"
            + (f", preview {job.previews[-1].name}" if args.png else ""),
            flush=True,
        )

    from corridor_map.commands.export import country_names

    names.update({code: pair[0] for code, pair in country_names().items() if code in names})
    job.progress.connect(report)
    options = FactSheetOptions(
        lang=args.sheet_lang,
        sections=wanted_sections,
        use_filters=True,
        combined=args.combined,
        png=args.png,
    )
    files, error = run_blocking(job, codes, options, out)
    job.close()
    if error:
        raise CommandError(error, EXIT_FAILED)
    if args.combined and len(files) == 1 and len(codes) > 1:
        print(f"wrote {files[0]} (cover, contents and {len(codes)} sheets)")
    print(f"{len(codes)} fact sheet{'s' if len(codes) != 1 else ''} in {time.perf_counter() - started:.2f} s")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Write the fact sheets; the exit code."""
    from corridor_map.commands.export import finish

    return finish(guarded("factsheet", lambda: _run(args)))
