"""``corridor-map export-batch OUTDIR --countries ISO3,…|all``: one PNG (or PDF) per country, in one process.

The page is loaded once; for each country the selection changes in place, the map frames it, and
``OUTDIR/<ISO3>.png`` (``.pdf`` with ``--format pdf``) is written. ``all`` means every country with sales
(under the filters) or dealers in the data. The title defaults to the country's name; a ``--title`` may
contain ``{name}`` and ``{iso3}``. Same size, format and paper, filter, language and data options as
``export``; same exit codes.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from corridor_map.commands.export import (
    EXIT_OK,
    CommandError,
    add_common_options,
    base_spec,
    check_data_args,
    close_session,
    country_names,
    finish,
    guarded,
    open_session,
    size_text,
    split_codes,
    write,
)
from corridor_map.commands.export_options import output_format


def add_parser(subparsers: Any) -> None:
    """Register the ``export-batch`` sub-command."""
    parser = subparsers.add_parser(
        "export-batch",
        help="save one PNG or PDF per country (headless, one process)",
        description="Save one PNG or PDF per country (OUTDIR/ISO3.png or .pdf), each highlighting and "
        "framing it.",
    )
    parser.add_argument(
        "outdir", metavar="OUTDIR", type=Path, help="folder for the files (created if missing)"
    )
    parser.add_argument(
        "--countries",
        required=True,
        metavar="ISO3,…|all",
        help="ISO3 codes separated by commas, or 'all' (every country in the data)",
    )
    add_common_options(parser, "png or pdf: the files' format (default png)")


def _title(template: str, iso3: str, names: dict[str, tuple[str, str]], lang: str) -> str:
    name = names[iso3][1 if lang == "zh" else 0]
    if not template:
        return name
    return template.replace("{name}", name).replace("{iso3}", iso3)


def _run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from corridor_map.ui.export.payload_presenter import PayloadPresenter
    from corridor_map.ui.export.spec import ExportError, check_codes

    started = time.perf_counter()
    outdir: Path = args.outdir
    if outdir.exists() and not outdir.is_dir():
        raise CommandError(f"{outdir} exists and is not a folder")
    fmt = output_format(args, None)
    check_data_args(args)
    names = country_names()
    wanted = args.countries.strip()
    codes: tuple[str, ...] = ()
    if wanted.lower() != "all":
        try:
            codes = check_codes(split_codes(wanted), frozenset(names))
        except ExportError as exc:
            raise CommandError(str(exc)) from None
        if not codes:
            raise CommandError("no country given: --countries THA,VNM or --countries all")
    spec = base_spec(args, fmt=fmt)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CommandError(f"cannot create the folder {outdir}: {exc.strerror}") from None
    controller = open_session(args, replace(spec, selection=codes[:1]))
    presenter = controller.session.presenter if controller.session is not None else None
    assert isinstance(presenter, PayloadPresenter)
    if not codes:
        codes = tuple(sorted(c for c in presenter.countries() if c in names))
        if not codes:
            raise CommandError("the data has no country to export")
    for iso3 in codes:
        presenter.select({iso3})
        country_spec = replace(spec, selection=(iso3,), title=_title(args.title, iso3, names, spec.lang))
        out = outdir / f"{iso3}.{fmt}"
        info = write(controller, country_spec, out)
        if args.json:
            print(json.dumps({"out": str(out), **info}, ensure_ascii=False))
        else:
            print(f"wrote {out} ({size_text(info)})")
    if not args.json:
        print(f"{len(codes)} files in {time.perf_counter() - started:.2f} s")
    close_session(controller)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Export one PNG or PDF per country; the exit code."""
    return finish(guarded("export-batch", lambda: _run(args)))
