"""The .deb's Depends, and the check that they cover every system library the frozen bundle links.

The packages come from one table, ``corridor_map.system_libs`` (also the README's apt line, what
``.ci/run`` installs and what the app names when it cannot start)::

    python3 packaging/deb/check_depends.py --apt        # the package names, for apt-get install
    python3 packaging/deb/check_depends.py --depends    # the control file's Depends value

The check reads each ELF file's direct DT_NEEDED entries (``objdump -p``), keeps the ones the bundle does
not carry, maps them to Debian packages (``dpkg -S`` on the build machine, else the table for libraries
that are not installed here) and compares with the control file::

    python3 packaging/deb/check_depends.py dist/corridor-map build/deb/.../DEBIAN/control [--list]

Exit 1 when a library maps to no package in Depends (a user's system could miss it and the app would not
start); ``--list`` prints the library → package table.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from corridor_map import system_libs


def needed(path: Path) -> set[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
    return {line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")}


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def package_of(soname: str, ldconfig: dict[str, str]) -> str | None:
    known = system_libs.package_of(soname)
    if known is not None:
        return known
    path = ldconfig.get(soname)
    if not path:
        return None
    for candidate in (str(Path(path).resolve()), path, "/usr" + path):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":")[0].strip()
    return None


def declared(control: Path) -> tuple[set[str], set[str]]:
    fields: dict[str, str] = {}
    for match in re.finditer(r"^(Depends|Recommends): (.*(?:\n .*)*)", control.read_text(), re.M):
        fields[match.group(1)] = match.group(2)

    def names(text: str) -> set[str]:
        return {re.split(r"[\s(]", alt.strip())[0] for alt in re.split(r"[,|]", text) if alt.strip()}

    return names(fields.get("Depends", "")), names(fields.get("Recommends", ""))


def main(bundle: Path, control: Path, show: bool) -> int:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    inside = {p.name for p in bundle.rglob("*")}
    users: dict[str, set[str]] = {}
    for f in files:
        for lib in needed(f):
            if lib not in inside:
                users.setdefault(lib, set()).add(f.relative_to(bundle).as_posix())
    ldconfig = {}
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    for line in listing.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        ldconfig.setdefault(name.split(" (")[0], path)
    depends, recommends = declared(control)
    problems = 0
    for lib in sorted(users):
        pkg = package_of(lib, ldconfig)
        ok = pkg is not None and (pkg in depends or pkg.removesuffix("t64") in depends)
        if show or not ok:
            where = "Depends" if pkg in depends else "Recommends" if pkg in recommends else "MISSING"
            print(f"{lib:32s} {pkg or '?':24s} {where:10s} used by {sorted(users[lib])[0]}")
        problems += not ok
    if problems:
        print(f"{problems} linked libraries are not covered by the control file's Depends")
    return 1 if problems else 0


if __name__ == "__main__":
    if "--apt" in sys.argv:
        print(" ".join(system_libs.package_names()))
        sys.exit(0)
    if "--depends" in sys.argv:
        print(system_libs.depends_field())
        sys.exit(0)
    args = [a for a in sys.argv[1:] if a != "--list"]
    sys.exit(main(Path(args[0]), Path(args[1]), "--list" in sys.argv))
