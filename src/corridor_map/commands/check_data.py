"""``corridor-map check-data [--sales FILE] [--dealers FILE] [--json]``: check files, change nothing.

The same readers and validation as the GUI import, and the same report of how the file was read: the
sheet, the header row, the encoding, the title, total and hidden rows left out, merged cells filled,
years or months as columns turned into rows, columns ignored. ``--sheet``, ``--header-row``,
``--encoding`` and ``--layout`` override what the reader finds, as the import's table step does.
With no file it checks the bundled sample. Exit 0:
every row accepted (and at least one); 1: some rows rejected, or a file without data rows; 2: a file
cannot be read or is not a sales/dealers table. ``--json`` prints exactly one JSON object to stdout;
progress and log messages go to stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corridor_map.commands.common import setup_logging
from corridor_map.core.errors import CorridorMapError, DataFormatError

if TYPE_CHECKING:  # annotations only: the command line is parsed without the schema
    from corridor_map.core.schema import TableKind

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> None:
    """Register the ``check-data`` sub-command."""
    parser = subparsers.add_parser(
        "check-data",
        help="check sales/dealers files the way the import does, without changing anything",
        description="Read and check sales and dealers files (CSV or XLSX) exactly as File → Import does; "
        "nothing is activated or written. With no file, the bundled sample is checked.",
    )
    parser.add_argument(
        "--sales",
        metavar="FILE",
        type=Path,
        action="append",
        default=[],
        help="a sales table (may be given more than once)",
    )
    parser.add_argument(
        "--dealers",
        metavar="FILE",
        type=Path,
        action="append",
        default=[],
        help="a dealers table (may be given more than once)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object to stdout (messages go to stderr)"
    )
    parser.add_argument(
        "--lang", choices=["en", "zh"], default="en", help="language of the report (English or 中文)"
    )
    parser.add_argument(
        "--sheet", metavar="NAME", help="the workbook sheet to read (default: the one with the table)"
    )
    parser.add_argument(
        "--header-row",
        metavar="N",
        type=int,
        help="the row (as Excel numbers it; CSV: the line) that holds the column names (default: found)",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="a CSV file's text encoding, e.g. gb18030, big5, cp1252 (default: detected)",
    )
    parser.add_argument(
        "--layout",
        choices=["auto", "long", "wide"],
        default="auto",
        help="wide: years or months as columns, made one row each; long: read the columns as they are",
    )


def _files(args: argparse.Namespace) -> list[tuple[TableKind, Path]]:
    files: list[tuple[TableKind, Path]] = [("sales", p) for p in args.sales]
    files += [("dealers", p) for p in args.dealers]
    if not files:
        from corridor_map.core.dataset import sample_dir

        files = [("sales", sample_dir() / "sales.csv"), ("dealers", sample_dir() / "dealers.csv")]
    return files


def check(
    files: list[tuple[TableKind, Path]], options: dict[str, Any] | None = None
) -> tuple[dict[str, Any], int]:
    """The report object and exit code for ``files`` (no output, no side effects); ``options`` are
    :func:`~corridor_map.core.importing.load_table`'s sheet, header_row, encoding and layout."""
    from corridor_map.core.importing import load_table
    from corridor_map.core.schema import SCHEMAS

    report: dict[str, Any] = {"files": [], "by_country": {}}
    errors: list[dict[str, str]] = []
    by_country: dict[str, dict[str, int]] = {}
    code = 0
    for kind, path in files:
        print(f"checking {kind} file {path} …", file=sys.stderr)
        try:
            result = load_table(path, kind, **(options or {}))
        except CorridorMapError as exc:
            zh = exc.text("zh") if isinstance(exc, DataFormatError) else str(exc)
            errors.append({"path": str(path), "kind": kind, "message": str(exc), "message_zh": zh})
            code = 2
            continue
        entry = {
            "path": str(path),
            "kind": kind,
            "rows": result.rows,
            "accepted": result.accepted_count,
            "layout": result.raw.layout.to_json() if result.raw.layout is not None else None,
            "columns": {str(i): f for i, f in _columns(result).items()},
            "ignored_columns": list(result.match.unused) if result.match else [],
            "rejected": [
                {"row": r.row, "field": r.field, "reason": r.reason, "reason_zh": r.text("zh")}
                for r in result.rejections
            ],
            "field_names_zh": {"row": "整行"} | {f.name: f.label_zh for f in SCHEMAS[kind].fields},
            "notes": [
                {"row": n.row, "field": n.field, "note": n.en, "note_zh": n.zh}
                | ({"swapped": {"lat": n.swap[0], "lon": n.swap[1]}} if n.swap else {})
                for n in result.notes
            ],
        }
        if kind == "dealers":  # how each accepted dealer is placed: coordinates, city, country centre
            positions = result.accepted["position"].astype(object).fillna("country").value_counts()
            entry["positions"] = {p: int(positions.get(p, 0)) for p in ("exact", "city", "country")}
        report["files"].append(entry)
        if result.rejections or result.rows == 0:
            code = max(code, 1)
        accepted = result.accepted
        if kind == "sales":
            sums = accepted.groupby("iso3", observed=True)["units"].sum()
            for iso3, units in sums.items():
                by_country.setdefault(str(iso3), {"units": 0, "dealers": 0})["units"] += int(units)
        else:
            counts = accepted.groupby("iso3", observed=True).size()
            for iso3, n in counts.items():
                by_country.setdefault(str(iso3), {"units": 0, "dealers": 0})["dealers"] += int(n)
    report["by_country"] = dict(sorted(by_country.items()))
    if errors:
        report["errors"] = errors
    return report, code


def _columns(result: Any) -> dict[str, str]:
    """``{header as written: field}`` of the columns read."""
    if not result.match:
        return {}
    return {result.match.headers[i]: f for f, i in result.match.columns.items()}


def _print_human(report: dict[str, Any], code: int, lang: str = "en") -> None:
    out = sys.stdout
    zh = lang == "zh"
    t = _TEXTS_ZH if zh else _TEXTS_EN
    for entry in report["files"]:
        rejected_rows = len({r["row"] for r in entry["rejected"]})
        kind = t[entry["kind"]]
        print(
            t["file"].format(kind, entry["path"], entry["rows"], entry["accepted"], rejected_rows), file=out
        )
        for line in entry["layout"]["lines_zh" if zh else "lines"]:
            print(f"  {line}", file=out)
        if entry["ignored_columns"]:
            print("  " + t["ignored"].format(", ".join(f"'{c}'" for c in entry["ignored_columns"])), file=out)
        if entry["rows"] == 0:
            print("  " + t["no_rows"], file=out)
        for r in entry["rejected"]:
            field = (
                f"{entry['field_names_zh'].get(r['field'], r['field'])}（{r['field']}）" if zh else r["field"]
            )
            print("  " + t["row"].format(r["row"], field, r["reason_zh" if zh else "reason"]), file=out)
        if "positions" in entry:
            p = entry["positions"]
            print("  " + t["placed"].format(p["exact"], p["city"], p["country"]), file=out)
        for n in entry["notes"]:
            print("  " + t["note"].format(n["row"], n["field"], n["note_zh" if zh else "note"]), file=out)
    for err in report.get("errors", []):
        print(t["error"].format(err["message_zh" if zh else "message"]), file=sys.stderr)
    by_country = report["by_country"]
    if by_country:
        units = sum(v["units"] for v in by_country.values())
        dealers = sum(v["dealers"] for v in by_country.values())
        print(t["total"].format(len(by_country), units, dealers), file=out)
    print(t[f"verdict{code}"], file=out)


_TEXTS_EN = {
    "sales": "sales",
    "dealers": "dealers",
    "file": "{} {}: {} data rows, {} accepted, {} rejected",
    "ignored": "columns ignored: {}",
    "no_rows": "no data rows below the header",
    "row": "row {}, {}: {}",
    "placed": "placed: {} at their coordinates, {} at their city, {} at their country's centre",
    "note": "note, row {}, {}: {}",
    "error": "error: {}",
    "total": "{} countries, {:,} units, {:,} dealers accepted",
    "verdict0": "all rows accepted",
    "verdict1": "some rows need attention",
    "verdict2": "some files could not be read",
}
_TEXTS_ZH = {
    "sales": "销量",
    "dealers": "经销商",
    "file": "{}文件 {}：共 {} 行数据，接受 {} 行，拒绝 {} 行",
    "ignored": "未使用的列：{}",
    "no_rows": "表头下没有数据行",
    "row": "第 {} 行，{}：{}",
    "placed": "位置：{} 家按坐标，{} 家按城市，{} 家按国家中心",
    "note": "注意，第 {} 行，{}：{}",
    "error": "错误：{}",
    "total": "{} 个国家，共 {:,} 辆，{:,} 家经销商",
    "verdict0": "全部行均已接受",
    "verdict1": "有些行需要处理",
    "verdict2": "有些文件无法读取",
}


def run(args: argparse.Namespace) -> int:
    """Check the files; print a summary (or JSON); return the exit code."""
    setup_logging()
    try:
        options = {
            "sheet": args.sheet,
            "header_row": args.header_row,
            "encoding": args.encoding,
            "layout": args.layout,
        }
        report, code = check(_files(args), options)
    except Exception as exc:  # the contract: a message, never a traceback
        log.debug("check-data failed", exc_info=True)
        print(f"check-data: internal error: {exc}", file=sys.stderr)
        if args.json:
            print(
                json.dumps(
                    {"files": [], "by_country": {}, "errors": [{"path": "", "kind": "", "message": str(exc)}]}
                )
            )
        return 2
    if args.json:
        for err in report.get("errors", []):
            print(f"error: {err['message']}", file=sys.stderr)
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        _print_human(report, code, args.lang)
    return code
