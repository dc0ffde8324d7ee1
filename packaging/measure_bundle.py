"""Sizes of a PyInstaller bundle by package and by file type, as Markdown tables (packaging/README.md).

    python3 packaging/measure_bundle.py dist/corridor-map [--top 15]

"Package" is the first folder under ``_internal`` (PySide6 split into Qt libraries, WebEngine resources,
plugins, translations, helper process and Python modules); top-level libraries are "system/other
libraries". Sizes are apparent sizes in MB (10^6 bytes); ``du`` of the installed folder is a little more.
Standard library only.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

PYSIDE_PARTS = {
    "lib": "PySide6: Qt libraries",
    "resources": "PySide6: WebEngine resources (.pak, icudtl.dat)",
    "plugins": "PySide6: Qt plugins",
    "translations": "PySide6: Qt translations",
    "libexec": "PySide6: QtWebEngineProcess",
}


def package(rel: Path) -> str:
    parts = rel.parts
    if parts[0] != "_internal":
        return "executable"
    inner = parts[1:]
    if len(inner) == 1:
        return (
            "base_library.zip / PYZ"
            if not inner[0].endswith((".so",)) and ".so." not in inner[0]
            else ("top-level libraries (libpython, ...)")
        )
    if inner[0] == "PySide6":
        if len(inner) > 2 and inner[1] == "Qt":
            return PYSIDE_PARTS.get(inner[2], "PySide6: Qt other")
        return "PySide6: Python modules"
    if inner[0].endswith(".libs"):  # auditwheel's vendored libraries
        return inner[0].removesuffix(".libs")
    return inner[0]


def file_type(path: Path) -> str:
    name = path.name
    if ".so" in path.suffixes or name.endswith(".so"):
        return "shared library (.so)"
    if path.suffix in (".pak", ".dat", ".bin"):
        return f"data ({path.suffix})"
    if path.suffix in (".pyc", ".py", ".pyi"):
        return "Python source/bytecode"
    if path.suffix == ".zip" or name.startswith("PYZ"):
        return "archive (.zip)"
    return path.suffix or "(no suffix)"


def measure(bundle: Path) -> tuple[Counter[str], Counter[str], int]:
    by_package: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    total = 0
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            rel = path.relative_to(bundle)
            by_package[package(rel)] += size
            by_type[file_type(path)] += size
            total += size
    return by_package, by_type, total


def table(title: str, counts: Counter[str], total: int, top: int) -> str:
    rows = counts.most_common()
    shown, rest = rows[:top], rows[top:]
    lines = [f"| {title} | MB | % |", "|---|---:|---:|"]
    lines += [f"| {name} | {size / 1e6:.1f} | {100 * size / total:.0f} |" for name, size in shown]
    if rest:
        other = sum(size for _, size in rest)
        lines.append(f"| {len(rest)} others | {other / 1e6:.1f} | {100 * other / total:.0f} |")
    lines.append(f"| **total** | **{total / 1e6:.1f}** | 100 |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    bundle = Path(argv[0])
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 15
    by_package, by_type, total = measure(bundle)
    print(table("Package", by_package, total, top))
    print()
    print(table("File type", by_type, total, top))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
