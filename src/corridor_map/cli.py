"""Command line: the GUI by default; sub-commands for headless work.

``corridor-map`` starts the window; ``corridor-map --smoke-test`` builds it, waits until the map is
painted, checks the page and exits. Sub-commands live in ``corridor_map.commands``: each module has
``add_parser(subparsers)`` and ``run(args) -> int``; they are listed in ``COMMANDS`` below.

Whatever starts Qt (the window, the smoke test, ``export``, ``export-batch``) first moves Chromium's own
log lines off the terminal and into the app log (``corridor_map.chromium_log``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from corridor_map import APP_NAME, __version__

# Sub-command modules (imported only when their command is used, so the GUI starts fast).
COMMANDS: tuple[str, ...] = ("check_data", "export", "export_batch", "factsheet", "route")
QT_COMMANDS = frozenset({"export", "export_batch", "factsheet"})  # the ones that start Qt and QtWebEngine


def build_parser(only: str | None = None, files: bool = False) -> argparse.ArgumentParser:
    """The argument parser: GUI options and the sub-commands (only ``only``'s, when given).

    ``files``: the GUI's ``[FILE ...]`` instead of the sub-commands (a positional argument beside
    sub-parsers would take a command's name for a file); the help then names the commands.
    """
    parser = argparse.ArgumentParser(
        prog="corridor-map",
        description=f"{APP_NAME}: vehicle exports from Chongqing along the New International "
        "Land-Sea Trade Corridor, offline.",
        epilog=f"commands: {', '.join(n.replace('_', '-') for n in COMMANDS)} "
        "(corridor-map COMMAND --help tells more)"
        if files
        else None,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="build the window with the bundled data, wait until the map is painted, check it, exit",
    )
    parser.add_argument(
        "--software-rendering",
        action="store_true",
        help="render without the GPU (for machines with broken graphics drivers); also a setting",
    )
    parser.add_argument("--lang", choices=["en", "zh"], help="user interface language")
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="start in exhibition mode: full screen, an automatic tour of the top destinations; "
        "Esc, then confirm, leaves it",
    )
    if files:
        parser.add_argument(
            "files",
            nargs="*",
            metavar="FILE",
            help="sales or dealer tables (.csv, .xlsx) to import once the window shows, as File > "
            'Import does ("Open with Corridor Map")',
        )
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"corridor_map.commands.{name}").add_parser(subparsers)
    return parser


def requested_command(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line, if any (its module is the only one loaded)."""
    names = {name.replace("_", "-"): name for name in COMMANDS}
    return next((names[arg] for arg in argv if arg in names), None)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``corridor-map`` and ``python -m corridor_map``."""
    argv = sys.argv[1:] if argv is None else list(argv)
    command = requested_command(argv)
    args = build_parser(command, files=command is None).parse_args(argv)
    from corridor_map import chromium_log

    if args.command:
        name = args.command.replace("-", "_")
        if name in QT_COMMANDS:
            chromium_log.capture()
        module = importlib.import_module(f"corridor_map.commands.{name}")
        return int(module.run(args))
    from corridor_map.logging_setup import setup_logging

    setup_logging()  # (first: Chromium's lines share the window's log file and its rotation)
    chromium_log.capture()
    from corridor_map.ui.app import run_gui  # late: Qt is heavy

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
