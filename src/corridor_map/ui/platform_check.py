"""Before Qt starts: can the window's libraries load? If not, say which are missing and how to install them.

Qt aborts when its platform plugin cannot load, with a message that names only xcb-cursor even when
another library is missing. So, on Linux, the app first loads the xcb plugin itself (a ``dlopen``,
milliseconds); only if that fails does it ask ``ldd`` which libraries are missing, and prints them with
their Debian packages (``corridor_map.system_libs``) and the ``apt-get install`` line.
The same message is given when QtWebEngine's libraries cannot load.
"""

from __future__ import annotations

import ctypes
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from corridor_map.system_libs import apt_line, package_of

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.M)


def qt_dir() -> Path:
    """PySide6's Qt folder (in a venv or in the frozen bundle)."""
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt"


def uses_xcb(environ: dict[str, str] | None = None) -> bool:
    """Whether Qt will start the X11 (xcb) platform: Linux, and no other platform asked for."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    first = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if first:
        return first == "xcb"
    wayland = env.get("XDG_SESSION_TYPE") == "wayland" and bool(env.get("WAYLAND_DISPLAY"))
    return not wayland


def missing_libraries(binaries: Iterable[Path]) -> list[str]:
    """The sonames ``ldd`` cannot find for any of ``binaries`` (directly or through another library)."""
    missing: list[str] = []
    for binary in binaries:
        if not binary.exists():
            continue
        try:
            out = subprocess.run(
                ["ldd", str(binary)], capture_output=True, text=True, timeout=20, check=False
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            continue
        for name in _NOT_FOUND.findall(out):
            if name not in missing:
                missing.append(name)
    return missing


def problem_message(missing: list[str], what: str) -> str:
    """What to tell a person whose system lacks ``missing`` libraries."""
    lines = [f"Corridor Map cannot start: {what} needs system libraries that are not installed:"]
    packages: list[str] = []
    for soname in missing:
        package = package_of(soname)
        lines.append(f"  {soname}" + (f"  (Debian/Ubuntu package {package})" if package else ""))
        if package and package not in packages:
            packages.append(package)
    if packages:
        lines += ["Install them with:", f"  sudo apt-get install {' '.join(packages)}"]
    lines += [
        "Or install every library the app uses at once:",
        f"  sudo {apt_line()}",
        "(Ubuntu 24.04 and newer name two of them libasound2t64 and libglib2.0-0t64.)",
    ]
    return "\n".join(lines)


def xcb_problem() -> str | None:
    """A message if the X11 platform plugin cannot load here, else ``None``."""
    plugin = qt_dir() / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        missing = missing_libraries([plugin]) or [str(error)]
        return problem_message(missing, "the X11 window system (Qt's xcb platform)")
    return None


def webengine_problem(error: ImportError) -> str:
    """The message for QtWebEngine failing to import (typically a missing libnss3 or libasound2)."""
    qt = qt_dir()
    binaries = [
        *sorted((qt / "lib").glob("libQt6WebEngineCore.so*"))[:1],
        qt / "libexec" / "QtWebEngineProcess",
    ]
    missing = missing_libraries(binaries) or [str(error)]
    return problem_message(missing, "the map (QtWebEngine)")
