"""One table of system libraries (``corridor_map.system_libs``): the README's apt line, the .deb's Depends,
what CI installs — and it covers what the X11 platform plugin and QtWebEngine really link.

Also the start-up check (``ui.platform_check``): a missing library is named with its package.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corridor_map import system_libs
from corridor_map.system_libs import RUNTIME, apt_line, package_of

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_apt_line_is_the_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"`{apt_line()}`" in readme


def test_the_deb_depends_and_ci_come_from_the_table() -> None:
    control = (ROOT / "packaging" / "deb" / "control.in").read_text(encoding="utf-8")
    assert re.search(r"^Depends: @DEPENDS@$", control, re.M)
    build = (ROOT / "packaging" / "build-linux.sh").read_text(encoding="utf-8")
    assert "check_depends.py --depends" in build and "@DEPENDS@" in build
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "$(python3 packaging/deb/check_depends.py --apt)" in ci
    out = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "deb" / "check_depends.py"), "--apt"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert out == system_libs.package_names()
    depends = system_libs.depends_field()
    assert "libasound2 | libasound2t64" in depends and depends.startswith("libc6 (>= 2.34), ")


def test_no_soname_belongs_to_two_packages() -> None:
    seen: dict[str, str] = {}
    for package in RUNTIME:
        for soname in package.sonames:
            assert soname not in seen, (soname, seen.get(soname), package.name)
            seen[soname] = package.name


def _qt() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt"


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def system_sonames(binaries: list[Path]) -> set[str]:
    """Sonames ``binaries`` need, directly or through the libraries that ship with PySide6, that do not
    ship with it (the system must provide them)."""
    site = _qt().parent.parent
    inside = {p.name: p for p in site.glob("**/*.so*") if p.is_file()}
    todo, seen, system = list(binaries), set(), set()
    while todo:
        for lib in _needed(todo.pop()):
            if lib in seen:
                continue
            seen.add(lib)
            if lib in inside:
                todo.append(inside[lib])
            else:
                system.add(lib)
    return system


def _dpkg_package(soname: str) -> tuple[str | None, str]:
    """(package, priority) of the installed file ``soname``, from ldconfig and dpkg."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    paths = [line.split(" => ")[1] for line in listing.splitlines() if line.strip().startswith(soname + " ")]
    for path in paths:
        for candidate in (str(Path(path).resolve()), path):
            found = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
            if found.returncode == 0:
                package = found.stdout.split(":")[0].strip()
                priority = subprocess.run(
                    ["dpkg-query", "-W", "-f=${Priority}", package],
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout.strip()
                return package, priority
    return None, ""


@pytest.mark.skipif(not (shutil.which("dpkg") and shutil.which("objdump")), reason="needs dpkg and objdump")
def test_the_table_covers_what_the_xcb_plugin_and_qtwebengine_link() -> None:
    qt = _qt()
    binaries = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "libexec" / "QtWebEngineProcess"]
    binaries += sorted((qt / "lib").glob("libQt6WebEngineCore.so.*"))[:1]
    sonames = system_sonames(binaries)
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libnss3.so"} <= sonames  # the known traps
    problems = []
    for soname in sorted(sonames):
        package, priority = _dpkg_package(soname)
        if package is None:
            if package_of(soname) is None:
                problems.append(f"{soname}: not installed here and not in the table")
            continue
        name = package.split(":")[0].removesuffix("t64")
        listed = name in system_libs.package_names() or package_of(soname) == name
        if not listed and priority not in ("required", "important"):
            problems.append(f"{soname}: package {package} ({priority or 'no priority'}) is not in the table")
    assert problems == [], "\n".join(problems)


# ---- the start-up check ------------------------------------------------------------------------------


def test_a_missing_library_is_named_with_its_package_and_the_install_line() -> None:
    from corridor_map.ui.platform_check import problem_message

    text = problem_message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libmystery.so.3"], "X11")
    assert "libxcb-icccm.so.4  (Debian/Ubuntu package libxcb-icccm4)" in text
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in text
    assert "libmystery.so.3" in text
    assert apt_line() in text


@pytest.mark.skipif(not shutil.which("gcc") or not shutil.which("ldd"), reason="needs gcc and ldd")
def test_ldd_finds_a_library_that_is_really_missing(tmp_path: Path) -> None:
    """A real ELF that needs a library which is gone (built, linked against, deleted)."""
    from corridor_map.ui.platform_check import missing_libraries

    (tmp_path / "stub.c").write_text("int stub(void) { return 1; }\n")
    (tmp_path / "use.c").write_text("int stub(void);\nint use(void) { return stub(); }\n")
    stub = tmp_path / "libcmgone.so.7"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-Wl,-soname,libcmgone.so.7", "-o", str(stub), str(tmp_path / "stub.c")],
        check=True,
    )
    plugin = tmp_path / "libfakeplugin.so"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(plugin), str(tmp_path / "use.c"), str(stub)], check=True
    )
    stub.unlink()
    assert missing_libraries([plugin]) == ["libcmgone.so.7"]
    assert missing_libraries([_qt() / "plugins" / "platforms" / "libqoffscreen.so"]) == []


def test_which_platform_needs_the_x11_check() -> None:
    from corridor_map.ui.platform_check import uses_xcb

    linux = sys.platform.startswith("linux")
    assert uses_xcb({}) is linux
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}) is linux
    assert uses_xcb({"QT_QPA_PLATFORM": "offscreen"}) is False
    assert uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"}) is False
    assert uses_xcb({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}) is False
