"""``corridor-map export OUT.png|OUT.pdf``: the map as a PNG or a vector PDF, headless, as the dialog does.

Options: ``--format png|pdf`` (default: OUT's suffix); for PNG ``--width W --height H`` (logical pixels,
default 1600×900) and ``--scale S`` (1–4: the image is W·S × H·S, drawn at zoom factor S so lines and
text stay crisp); for PDF ``--paper A4…A0`` (default A3), ``--portrait``, ``--margin MM``, ``--bleed MM``;
``--select ISO3[,ISO3…]`` (highlighted and framed), ``--routes TARGET[:N,…]`` (the compared routes to a
country, as the Routes panel draws them), ``--title T``, ``--subtitle T``, ``--no-legend``, ``--lang en|zh``;
the filters ``--years 2023-2025``, ``--brands B,…``, ``--powertrain NEV|ICE``; and the data: ``--sample``,
or ``--sales FILE`` / ``--dealers FILE``; by default the active dataset (the bundled sample on a fresh
install). Exit 0 on success; 2 with a one-line message for bad input (size, paper, country code, filter
value, data file, output folder); 1 when the map cannot be drawn. Never a traceback. Chromium's own log
lines go to the app log, not to the terminal (``corridor_map.chromium_log``).

Everything heavy is imported late, and the export page comes from a quick cache index, so the whole
process costs little more than Qt and the page themselves.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corridor_map.core.dataset import Dataset
    from corridor_map.ui.export.controller import ExportController
    from corridor_map.ui.export.spec import ExportSpec

from corridor_map.commands.common import EXIT_FAILED, EXIT_OK, CommandError, guarded
from corridor_map.commands.export_options import (
    add_filter_options,
    add_format_options,
    check_filter_args,
    data_filters,
    filter_key,
    filters_json,
    output_format,
    paper,
    route_payload,
)

__all__ = ["EXIT_OK", "CommandError", "guarded"]  # (export-batch's imports)

log = logging.getLogger(__name__)

PAGE_TIMEOUT_S = 90.0


def add_common_options(parser: argparse.ArgumentParser, format_help: str) -> None:
    """Size, format and paper, texts, language, filters and data options shared by ``export`` and
    ``export-batch``."""
    parser.add_argument("--width", type=int, default=1600, help="width in logical pixels (default 1600)")
    parser.add_argument("--height", type=int, default=900, help="height in logical pixels (default 900)")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="pixels per logical pixel, 1–4 (default 1); the PNG is width·scale × height·scale",
    )
    parser.add_argument("--title", default="", help="title above the map")
    parser.add_argument("--subtitle", default="", help="subtitle under the title")
    parser.add_argument("--no-legend", dest="legend", action="store_false", help="leave the legend out")
    parser.add_argument(
        "--lang",
        dest="export_lang",
        choices=["en", "zh"],
        default=None,
        help="language of the map labels, legend and source line (default en)",
    )
    parser.add_argument("--dpi", type=int, default=None, help="DPI written into the PNG (default 96 × scale)")
    parser.add_argument(
        "--world",
        choices=["pacific", "greenwich"],
        default="pacific",
        help="pacific: the China-centred world, the Americas east of the Pacific (default); "
        "greenwich: the world centred on 0°",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON object per file (format, size or paper, regions; export: filters, routes)",
    )
    add_format_options(parser, format_help)
    add_filter_options(parser)
    data = parser.add_argument_group(
        "data (default: the active dataset, the bundled sample on a fresh install)"
    )
    data.add_argument("--sample", action="store_true", help="use the bundled illustrative sample")
    data.add_argument("--sales", metavar="FILE", type=Path, help="a sales table (CSV or XLSX)")
    data.add_argument("--dealers", metavar="FILE", type=Path, help="a dealers table (CSV or XLSX)")


def add_parser(subparsers: Any) -> None:
    """Register the ``export`` sub-command."""
    parser = subparsers.add_parser(
        "export",
        help="save the map as a PNG or PDF (headless)",
        description="Save the map as a PNG or a vector PDF with title, legend and source line, without "
        "opening a window.",
    )
    parser.add_argument("out", metavar="OUT.png|OUT.pdf", type=Path, help="the PNG or PDF file to write")
    parser.add_argument(
        "--select",
        metavar="ISO3[,ISO3…]",
        default="",
        help="countries to highlight and frame, as ISO 3166 alpha-3 codes (e.g. THA,VNM)",
    )
    parser.add_argument(
        "--routes",
        metavar="ISO3[:N,…]",
        default=None,
        help="draw the compared routes from Chongqing to this country (or port), as the Routes panel "
        "does: all of them, or alternatives N (1-based, as 'corridor-map route ISO3' lists them)",
    )
    add_common_options(parser, "png or pdf (default: from OUT's suffix, .pdf → pdf, else png)")


# ---- checks that need no Qt ---------------------------------------------------------------------------
def country_names() -> dict[str, tuple[str, str]]:
    """ISO3 → (English, Chinese) name of every country on the map (plain CSV, no pandas)."""
    from corridor_map.core.basemap import load_country_table

    return {code: (info.name_en, info.name_zh) for code, info in load_country_table().items()}


def split_codes(text: str) -> list[str]:
    return [part for part in text.replace(";", ",").split(",") if part.strip()]


def base_spec(args: argparse.Namespace, selection: tuple[str, ...] = (), fmt: str = "png") -> ExportSpec:
    """The validated spec from the command line (CommandError for a bad size or paper)."""
    from corridor_map.ui.export.spec import ExportError, ExportSpec, validate

    lang = args.export_lang or getattr(args, "lang", None) or "en"
    spec = ExportSpec(
        width=args.width,
        height=args.height,
        scale=args.scale,
        title=args.title,
        subtitle=args.subtitle,
        legend=args.legend,
        lang=lang,
        selection=selection,
        dpi=args.dpi,
        world=args.world,
        fmt=fmt,
        paper=paper(args),
    )
    try:
        validate(spec)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    if args.dpi is not None and not 10 <= args.dpi <= 2400:
        raise CommandError(f"the DPI must be between 10 and 2400 (got {args.dpi})")
    return spec


def check_data_args(args: argparse.Namespace) -> None:
    """Files named on the command line exist and are files, before anything starts."""
    if args.sample and (args.sales or args.dealers):
        raise CommandError("--sample cannot be combined with --sales or --dealers")
    check_filter_args(args)
    for option, path in (("--sales", args.sales), ("--dealers", args.dealers)):
        if path is not None and not path.is_file():
            raise CommandError(f"{option} {path}: no such file")


def load_dataset(args: argparse.Namespace) -> tuple[Dataset, list[str]]:
    """The data to show (the files given, the sample, or the active dataset) and warnings about it.

    CommandError if the data cannot be read.
    """
    from corridor_map.core.dataset import (
        USER_LABEL_EN,
        USER_LABEL_ZH,
        Dataset,
        empty_dealers,
        empty_sales,
    )
    from corridor_map.core.errors import CorridorMapError
    from corridor_map.core.sample_cache import load_sample_cached

    warnings: list[str] = []
    try:
        if args.sample:
            return load_sample_cached(), warnings
        if args.sales is None and args.dealers is None:
            from corridor_map.core.store import DatasetStore

            return DatasetStore().load_active(), warnings
        from corridor_map.core.importing import load_table

        dataset = Dataset(empty_sales(), empty_dealers(), "user", USER_LABEL_EN, USER_LABEL_ZH, (), "")
        for kind, path in (("sales", args.sales), ("dealers", args.dealers)):
            if path is None:
                continue
            result = load_table(path, kind)  # type: ignore[arg-type]
            if result.accepted_count == 0:
                raise CommandError(f"{path}: no valid {kind} rows (check it with corridor-map check-data)")
            if result.rejections:
                rejected = len(result.rejected_rows)
                warnings.append(f"warning: {path}: {rejected} rows rejected (see corridor-map check-data)")
            dataset = dataset.with_import(result, "replace")
        return dataset, warnings
    except CorridorMapError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"cannot read the data: {exc}") from None


def payload_sources(args: argparse.Namespace) -> tuple[list[Path], str]:
    """The files the page payload for ``args`` comes from, and what they are (no parsing, no pandas).

    The geodata (corridor, country table) and the data: the files given, the sample, or the active
    dataset's stored files; the filters are part of what they are (another filter, another payload).
    """
    files, role = _sources(args)
    return files, f"{role}/{filter_key(args)}"


def _sources(args: argparse.Namespace) -> tuple[list[Path], str]:
    from corridor_map.paths import geo_dir, resources_dir, user_data_dir

    def files(folder: Path) -> list[Path]:
        return sorted(p for p in folder.iterdir() if p.is_file())

    geo = files(geo_dir())
    if args.sales is not None or args.dealers is not None:
        given = [p for p in (args.sales, args.dealers) if p is not None]
        return geo + given, f"files:{args.sales is not None}:{args.dealers is not None}"
    if not args.sample:  # the active dataset, as core.store keeps it (the sample if none)
        try:
            pointer = json.loads((user_data_dir() / "active.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pointer = None
        if isinstance(pointer, dict) and pointer.get("kind") == "user" and pointer.get("id"):
            return geo + files(user_data_dir() / "datasets" / str(pointer["id"])), "active"
    return geo + files(resources_dir() / "sample"), "sample"  # core.dataset.sample_dir, without pandas


def compute_payload(args: argparse.Namespace) -> dict[str, Any]:
    """The page payload for ``args`` computed from the data (pandas) with its filters (CommandError for a
    brand or year the data does not have); its ``warnings`` for stderr, ``years`` for the legend's
    title and ``filters`` for the ``--json`` line."""
    from corridor_map.core.flows import default_routes
    from corridor_map.core.page_payload import page_payload

    dataset, warnings = load_dataset(args)  # (pandas before anything of ui/: see open_session)
    filters = data_filters(args, dataset.sales, dataset.dealers)
    from corridor_map.ui.composition import load_corridor_or_none

    corridor = load_corridor_or_none()
    routes = default_routes(corridor) if corridor is not None else {}
    return {
        **page_payload(dataset, filters, routes),
        "warnings": warnings,
        "years": list(filters.years) if filters.years else None,
        "filters": filters_json(filters),
    }


def cached_payload(args: argparse.Namespace) -> tuple[dict[str, Any] | None, str | None]:
    """The cached payload for ``args`` (or None) and its cache key (None when the sources are unreadable)."""
    from corridor_map.core.payload_cache import quick_payload_key, read_payload
    from corridor_map.paths import user_cache_dir

    try:
        key = quick_payload_key(user_cache_dir(), *payload_sources(args))
    except OSError:  # an unreadable source: computing the payload will say which and why
        return None, None
    return read_payload(user_cache_dir(), key), key


# ---- the Qt part (ui.composition and ui.export.controller) ------------------------------------------
_OWN_APP: list[bool] = []  # set when this command created the QApplication (not in a test's process)


def open_session(args: argparse.Namespace, spec: ExportSpec) -> ExportController:
    """Start Qt, load the export page with the data's payload, and wait until the page is live.

    The payload comes from the cache when the data, geodata and code are unchanged; then neither
    pandas nor the data files are touched. Otherwise it is computed first (pandas before PySide6:
    PySide6's import hook would make pandas' import ~1 s slower), and cached. Either way the page
    gets it as it loads, so a cached and a computed payload give the same pixels.
    """
    t0 = time.perf_counter()
    payload, key = cached_payload(args)
    if payload is None:
        payload = compute_payload(args)
        if key is not None:
            from corridor_map.core.payload_cache import write_payload
            from corridor_map.paths import user_cache_dir as cache_dir

            write_payload(cache_dir(), key, payload)
    log.debug("export: payload ready after %.2f s", time.perf_counter() - t0)
    for warning in payload.get("warnings", []):
        print(warning, file=sys.stderr)
    from corridor_map.ui.composition import start_qt

    if start_qt(spec.lang, headless=True).created:
        _OWN_APP.append(True)
    from corridor_map.paths import geo_dir, resources_dir, user_cache_dir
    from corridor_map.ui.export.controller import ExportController
    from corridor_map.ui.export.spec import ExportError
    from corridor_map.ui.web import shared_tripwire

    controller = ExportController(shared_tripwire([resources_dir(), geo_dir()]))
    try:
        controller.open_payload(spec, payload, user_cache_dir(), PAGE_TIMEOUT_S)
    except ExportError as exc:
        raise CommandError(str(exc), EXIT_FAILED) from None
    log.debug("export: page live after %.2f s", time.perf_counter() - t0)
    return controller


def payload_filters(controller: ExportController) -> dict[str, Any] | None:
    """The filters the open page's payload was computed with (None: an older cached payload)."""
    presenter = controller.session.presenter if controller.session is not None else None
    payload = getattr(presenter, "payload", None)
    return payload.get("filters") if isinstance(payload, dict) else None


def write(controller: ExportController, spec: ExportSpec, out: Path) -> dict[str, Any]:
    """Render ``spec`` and save it to ``out`` (PNG or PDF by ``spec.fmt``); its description (format,
    size or pages, regions)."""
    from corridor_map.ui.export.spec import ExportError

    try:
        info = controller.write(spec, out)
    except ExportError as exc:
        raise CommandError(str(exc), EXIT_FAILED) from None
    log.debug("export: saved %s", out)
    return info


def close_session(controller: ExportController) -> None:
    """Delete the hidden view and its page before Qt shuts down."""
    controller.close(now=True)


def finish(code: int) -> int:
    """Return ``code``; in a process of its own, exit at once instead.

    Everything is written and closed by now; Chromium's orderly shutdown would add about a second to
    every export and produce nothing, so the process ends here (output flushed first).
    """
    from corridor_map import chromium_log

    chromium_log.flush()  # (what Chromium wrote, to the log file: os._exit skips atexit)
    if _OWN_APP and not os.environ.get("CORRIDOR_MAP_SLOW_EXIT"):
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def size_text(info: dict[str, Any]) -> str:
    """``1600×900 px``, or for a PDF ``420×297 mm, 1 page``."""
    if info.get("format") == "pdf":
        pages = info.get("pages", 1)
        return f"{info['width_mm']:g}×{info['height_mm']:g} mm, {pages} page{'s' if pages != 1 else ''}"
    return f"{info['width']}×{info['height']} px"


def check_output(out: Path) -> None:
    if out.is_dir():
        raise CommandError(f"{out} is a folder; give a file name such as map.png or map.pdf")
    if not out.parent.is_dir():
        raise CommandError(f"cannot write {out}: the folder {out.parent} does not exist")


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    out: Path = args.out
    check_output(out)
    fmt = output_format(args, out)
    check_data_args(args)
    codes = split_codes(args.select)
    names = country_names() if codes else {}  # (the country table is read only to check codes)
    from corridor_map.ui.export.spec import ExportError, check_codes

    try:
        selection = check_codes(codes, frozenset(names))
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    spec = base_spec(args, selection, fmt)
    spec = replace(spec, routes=route_payload(args.routes, spec.lang))
    controller = open_session(args, spec)
    info = write(controller, spec, out)
    seconds = time.perf_counter() - started
    if args.json:
        routes = [{"id": r["id"], "color": r["color"], "legs": len(r["legs"])} for r in spec.routes]
        extra = {"filters": payload_filters(controller), "routes": routes}
        print(
            json.dumps({"out": str(out), "seconds": round(seconds, 3), **info, **extra}, ensure_ascii=False)
        )
    else:
        print(f"wrote {out} ({size_text(info)}) in {seconds:.2f} s")
    close_session(controller)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Export one PNG or PDF; the exit code."""
    return finish(guarded("export", lambda: _run(args)))
