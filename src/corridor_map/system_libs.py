"""The system libraries the app needs on Linux, and the Debian packages that provide them.

One table for every place that names them: the README's ``apt-get install`` line, the .deb's
``Depends`` (``packaging/deb/check_depends.py``), the packages ``.ci/run`` installs, and the message the
app prints when the window cannot start for want of one (``ui.platform_check``). Standard library only:
the packaging scripts import it with the system Python.

The sonames are those the xcb platform plugin, QtWebEngine (library and render process) and the
frozen bundle link (``tests/test_system_libs.py`` maps them with ``dpkg -S`` and checks this table).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Package:
    """A Debian 12 package; ``alternatives`` are its names elsewhere (Ubuntu 24.04's t64 renames)."""

    name: str
    sonames: tuple[str, ...]
    alternatives: tuple[str, ...] = ()
    minimum: str = ""  # a version the .deb requires (">= 2.34")


RUNTIME: tuple[Package, ...] = (
    Package(
        "libc6",
        (
            "libc.so.6",
            "libm.so.6",
            "libdl.so.2",
            "libpthread.so.0",
            "librt.so.1",
            "libresolv.so.2",
            "ld-linux-x86-64.so.2",
            "ld-linux-aarch64.so.1",
        ),
        minimum=">= 2.34",  # the manylinux_2_34 wheels of PySide6
    ),
    Package("libstdc++6", ("libstdc++.so.6",)),
    Package("libgcc-s1", ("libgcc_s.so.1",)),
    Package("zlib1g", ("libz.so.1",)),
    Package("libzstd1", ("libzstd.so.1",)),
    Package("libbrotli1", ("libbrotlicommon.so.1", "libbrotlidec.so.1", "libbrotlienc.so.1")),
    Package("libgssapi-krb5-2", ("libgssapi_krb5.so.2",)),
    Package("libudev1", ("libudev.so.1",)),
    Package("libnss3", ("libnss3.so", "libnssutil3.so", "libsmime3.so", "libssl3.so")),
    Package("libnspr4", ("libnspr4.so", "libplc4.so", "libplds4.so")),
    Package("libasound2", ("libasound.so.2",), ("libasound2t64",)),
    Package("libgbm1", ("libgbm.so.1",)),
    Package("libexpat1", ("libexpat.so.1",)),
    Package("libdbus-1-3", ("libdbus-1.so.3",)),
    Package(
        "libglib2.0-0",
        (
            "libglib-2.0.so.0",
            "libgthread-2.0.so.0",
            "libgobject-2.0.so.0",
            "libgio-2.0.so.0",
            "libgmodule-2.0.so.0",
        ),
        ("libglib2.0-0t64",),
    ),
    Package("libfontconfig1", ("libfontconfig.so.1",)),
    Package("libfreetype6", ("libfreetype.so.6",)),
    Package("libegl1", ("libEGL.so.1",)),
    Package("libgl1", ("libGL.so.1",)),
    Package("libxkbcommon0", ("libxkbcommon.so.0",)),
    Package("libxkbcommon-x11-0", ("libxkbcommon-x11.so.0",)),
    Package("libxkbfile1", ("libxkbfile.so.1",)),
    Package("libx11-6", ("libX11.so.6",)),
    Package("libx11-xcb1", ("libX11-xcb.so.1",)),
    Package("libxext6", ("libXext.so.6",)),
    Package("libxfixes3", ("libXfixes.so.3",)),
    Package("libxcomposite1", ("libXcomposite.so.1",)),
    Package("libxdamage1", ("libXdamage.so.1",)),
    Package("libxrandr2", ("libXrandr.so.2",)),
    Package("libxtst6", ("libXtst.so.6",)),
    Package("libxcb1", ("libxcb.so.1",)),
    Package("libxcb-cursor0", ("libxcb-cursor.so.0",)),
    Package("libxcb-dri3-0", ("libxcb-dri3.so.0",)),
    Package("libxcb-glx0", ("libxcb-glx.so.0",)),
    Package("libxcb-icccm4", ("libxcb-icccm.so.4",)),
    Package("libxcb-image0", ("libxcb-image.so.0",)),
    Package("libxcb-keysyms1", ("libxcb-keysyms.so.1",)),
    Package("libxcb-randr0", ("libxcb-randr.so.0",)),
    Package("libxcb-render0", ("libxcb-render.so.0",)),
    Package("libxcb-render-util0", ("libxcb-render-util.so.0",)),
    Package("libxcb-shape0", ("libxcb-shape.so.0",)),
    Package("libxcb-shm0", ("libxcb-shm.so.0",)),
    Package("libxcb-sync1", ("libxcb-sync.so.1",)),
    Package("libxcb-util1", ("libxcb-util.so.1",)),
    Package("libxcb-xfixes0", ("libxcb-xfixes.so.0",)),
    Package("libxcb-xkb1", ("libxcb-xkb.so.1",)),
    Package("libwayland-client0", ("libwayland-client.so.0",)),
    Package("libwayland-cursor0", ("libwayland-cursor.so.0",)),
    Package("libwayland-egl1", ("libwayland-egl.so.1",)),
    Package("libcups2", ("libcups.so.2",), ("libcups2t64",)),  # Qt's print plugin (fact sheets' Print…)
)


def package_names() -> list[str]:
    """The Debian 12 names, in table order."""
    return [p.name for p in RUNTIME]


def apt_line() -> str:
    """The command that installs every library the app needs (Debian 12, Ubuntu 22.04)."""
    return "apt-get install " + " ".join(package_names())


def depends_field() -> str:
    """The .deb's ``Depends`` value (alternatives for the t64 renames of newer releases)."""

    def versioned(p: Package) -> str:
        return f"{p.name} ({p.minimum})" if p.minimum else p.name

    return ", ".join(" | ".join((versioned(p), *p.alternatives)) for p in RUNTIME)


def package_of(soname: str) -> str | None:
    """The package that provides ``soname``, if the table knows it."""
    return next((p.name for p in RUNTIME if soname in p.sonames), None)


if __name__ == "__main__":  # python3 src/corridor_map/system_libs.py --apt | --depends
    import sys

    print(depends_field() if "--depends" in sys.argv else " ".join(package_names()))
