"""Translation catalogues: extract strings, merge translations, compile ``.qm``.

    python packaging/i18n.py update            # lupdate: new source strings into the .ts files
    python packaging/i18n.py fill FILE.tsv     # merge "context<TAB>source<TAB>translation" rows
    python packaging/i18n.py release           # lrelease: .ts -> .qm (committed)
    python packaging/i18n.py check             # exit 1 if a message is untranslated

English is the source language; ``corridor_map_zh_CN.ts`` is the Chinese catalogue.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "src" / "corridor_map" / "ui"
CATALOGUES = [I18N / "corridor_map_zh_CN.ts"]


def tool(name: str) -> str:
    """A Qt tool shipped with PySide6 (``pyside6-lupdate``), next to this Python or on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6")
    return found


def update() -> None:
    sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
    for ts in CATALOGUES:
        subprocess.run(
            [tool("lupdate"), *sources, "-ts", str(ts), "-no-obsolete", "-locations", "none"], check=True
        )


def release(out_dir: Path = I18N) -> list[Path]:
    written = []
    for ts in CATALOGUES:
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """Messages without a finished translation: (context, source)."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or "").strip()
            ):
                missing.append((name, message.findtext("source", "")))
    return missing


def fill(tsv: Path) -> int:
    rows = {(r[0], r[1]): r[2] for r in csv.reader(tsv.open(encoding="utf-8"), delimiter="\t") if len(r) >= 3}
    count = 0
    for ts in CATALOGUES:
        tree = ET.parse(ts)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                key = (name, message.findtext("source", ""))
                if key in rows:
                    translation = message.find("translation")
                    if translation is None:
                        translation = ET.SubElement(message, "translation")
                    translation.text = rows[key]
                    translation.attrib.pop("type", None)
                    count += 1
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["update", "fill", "release", "check"])
    parser.add_argument("tsv", nargs="?", type=Path)
    args = parser.parse_args()
    if args.command == "update":
        update()
    elif args.command == "fill":
        if args.tsv is None:
            parser.error("fill needs a TSV file")
        print(f"{fill(args.tsv)} translations merged")
    elif args.command == "release":
        for qm in release():
            print(qm)
    else:
        problems = [(ts.name, c, s) for ts in CATALOGUES for c, s in unfinished(ts)]
        for name, context, source in problems:
            print(f"{name}: untranslated [{context}] {source}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
