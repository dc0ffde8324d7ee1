"""Vendor pinned front-end packages from the npm registry into resources/vendor/.

Each package is fetched with ``npm pack NAME@VERSION``, its tarball is checked
against the pinned ``dist.integrity`` (sha512) of the npm registry, and only the
minified runtime files, images and licence files are copied. ``-src`` builds and
source maps are never copied (their comments mention tile servers).

Usage::

    python packaging/vendor_assets.py            # (re)write resources/vendor/
    python packaging/vendor_assets.py --check    # re-fetch and compare, exit 1 on drift
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import hashlib
import json
import logging
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("vendor_assets")

REPO_ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = REPO_ROOT / "resources" / "vendor"
MANIFEST_NAME = "VENDORED.md"

_SOURCE_MAP_RE = re.compile(rb"\n?//# sourceMappingURL=[^\n]*\n?$")
_URL_RE = re.compile(rb"https?://[^\s\"'()<>`]+")


def strip_source_map_comment(data: bytes) -> bytes:
    """Drop a trailing ``//# sourceMappingURL=`` line (the map is not shipped)."""
    return _SOURCE_MAP_RE.sub(b"\n", data)


@dataclass(frozen=True)
class FileRule:
    """Copy tarball members matching ``pattern`` (relative to ``package/``) to ``dest``.

    ``dest`` is a directory (ending in ``/``) or a file name, relative to the
    package's vendor folder.
    """

    pattern: str
    dest: str
    transform: Callable[[bytes], bytes] | None = None
    note: str = ""


@dataclass(frozen=True)
class Package:
    """One pinned npm package and the files taken from it."""

    name: str
    version: str
    integrity: str  # the registry's dist.integrity ("sha512-<base64>")
    licence: str
    rules: tuple[FileRule, ...]
    purpose: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"


PACKAGES: tuple[Package, ...] = (
    Package(
        name="leaflet",
        version="1.9.4",
        integrity=(
            "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA=="
        ),
        licence="BSD-2-Clause",
        purpose="Interactive map (folium's base library).",
        rules=(
            FileRule(
                "dist/leaflet.js",
                "leaflet.js",
                strip_source_map_comment,
                "trailing `//# sourceMappingURL=leaflet.js.map` line removed (map not shipped)",
            ),
            FileRule("dist/leaflet.css", "leaflet.css"),
            FileRule("dist/images/*.png", "images/"),
            FileRule("LICENSE", "LICENSE"),
        ),
    ),
    Package(
        name="supercluster",
        version="8.0.1",
        integrity=(
            "sha512-IiOea5kJ9iqzD2t7QJq/cREyLHTtSmUT6gQsweojg9WH2sYJqZK9SswTu6jrscO6D1G5v5vYZ9ru/eq85lXeZQ=="
        ),
        licence="ISC",
        purpose="Fast point clustering (global `Supercluster`, UMD build).",
        rules=(
            FileRule("dist/supercluster.min.js", "supercluster.min.js"),
            FileRule("LICENSE", "LICENSE"),
        ),
        notes=("The UMD build bundles kdbush 4.x (no separate kdbush script is needed).",),
    ),
    Package(
        name="kdbush",
        version="4.0.2",
        integrity=(
            "sha512-WbCVYJ27Sz8zi9Q7Q0xHC+05iwkm3Znipc2XTlrnJbsHMYktW4hPhXUE8Ys1engBrvffoSCqbil1JQAa7clRpA=="
        ),
        licence="ISC",
        purpose="Licence only: kdbush's code is bundled inside supercluster.min.js.",
        rules=(FileRule("LICENSE", "LICENSE"),),
    ),
)

_FORBIDDEN = (re.compile(r"-src[.\-]"), re.compile(r"\.map$"))


def sri_sha512(data: bytes) -> str:
    """Return the Subresource-Integrity style sha512 of ``data``."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def npm_pack(spec: str, dest: Path) -> Path:
    """Download ``spec`` as a tarball into ``dest`` with ``npm pack``."""
    out = subprocess.run(
        ["npm", "pack", spec, "--json", "--ignore-scripts", "--pack-destination", str(dest)],
        check=True,
        capture_output=True,
        text=True,
    )
    info = json.loads(out.stdout)
    return dest / info[0]["filename"]


def verified_tarball(pkg: Package, workdir: Path) -> Path:
    """Fetch the package and check its tarball against the pinned integrity."""
    tarball = npm_pack(pkg.spec, workdir)
    actual = sri_sha512(tarball.read_bytes())
    if actual != pkg.integrity:
        raise SystemExit(f"integrity mismatch for {pkg.spec}:\n  pinned {pkg.integrity}\n  actual {actual}")
    log.info("%s: integrity ok", pkg.spec)
    return tarball


def extract_package(pkg: Package, tarball: Path, out_dir: Path) -> list[tuple[str, str]]:
    """Copy the files selected by ``pkg.rules`` into ``out_dir``.

    Returns ``(relative_path, note)`` for every file written.
    """
    written: list[tuple[str, str]] = []
    with tarfile.open(tarball, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.isfile()]
        for rule in pkg.rules:
            matched = [
                m for m in members if fnmatch.fnmatchcase(m.name.removeprefix("package/"), rule.pattern)
            ]
            if not matched:
                raise SystemExit(f"{pkg.spec}: no file matches {rule.pattern!r}")
            for member in sorted(matched, key=lambda m: m.name):
                src_name = member.name.removeprefix("package/")
                base = Path(src_name).name
                if any(rx.search(base) for rx in _FORBIDDEN):
                    raise SystemExit(f"{pkg.spec}: refusing to vendor {src_name}")
                rel = rule.dest + base if rule.dest.endswith("/") else rule.dest
                fobj = tar.extractfile(member)
                assert fobj is not None
                data = fobj.read()
                if rule.transform is not None:
                    data = rule.transform(data)
                target = out_dir / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                written.append((rel, rule.note))
    return written


def render_manifest(results: list[tuple[Package, list[tuple[str, str]]]], root: Path) -> str:
    """Build the text of VENDORED.md."""
    lines = [
        "# Vendored front-end libraries",
        "",
        "Generated by `packaging/vendor_assets.py` from the npm registry (`npm pack NAME@VERSION`).",
        "Each tarball is checked against the registry's sha512 `dist.integrity` pinned in the script.",
        "Only minified runtime files, images and licences are copied; no `-src` builds, no source maps.",
        "",
        "Rebuild: `python packaging/vendor_assets.py`; verify: `python packaging/vendor_assets.py --check`.",
        "",
    ]
    for pkg, files in results:
        lines += [
            f"## {pkg.name} {pkg.version}",
            "",
            f"- Purpose: {pkg.purpose}",
            f"- Licence: {pkg.licence} (see `{pkg.name}/LICENSE`)",
            f"- Tarball integrity: `{pkg.integrity}`",
        ]
        lines += [f"- Note: {n}" for n in pkg.notes]
        lines += ["", "| file | bytes | sha256 | note |", "| --- | ---: | --- | --- |"]
        for rel, note in files:
            data = (root / pkg.name / rel).read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            lines.append(f"| `{pkg.name}/{rel}` | {len(data)} | `{digest}` | {note} |")
        lines.append("")
    return "\n".join(lines)


def build(out_root: Path) -> None:
    """Fetch, verify and write every package plus the manifest into ``out_root``."""
    results: list[tuple[Package, list[tuple[str, str]]]] = []
    with tempfile.TemporaryDirectory(prefix="corridor-vendor-") as tmp:
        for pkg in PACKAGES:
            tarball = verified_tarball(pkg, Path(tmp))
            pkg_dir = out_root / pkg.name
            if pkg_dir.exists():
                shutil.rmtree(pkg_dir)
            results.append((pkg, extract_package(pkg, tarball, pkg_dir)))
    (out_root / MANIFEST_NAME).write_text(render_manifest(results, out_root), encoding="utf-8")


def tree_files(root: Path) -> dict[str, bytes]:
    """Map every file under ``root`` (relative POSIX path) to its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def check(committed: Path) -> int:
    """Re-fetch into a temp dir and compare with ``committed``; return an exit code."""
    with tempfile.TemporaryDirectory(prefix="corridor-vendor-check-") as tmp:
        fresh_root = Path(tmp) / "vendor"
        fresh_root.mkdir()
        build(fresh_root)
        fresh = tree_files(fresh_root)
    have = tree_files(committed) if committed.exists() else {}
    problems = [f"missing: {k}" for k in sorted(fresh.keys() - have.keys())]
    problems += [f"unexpected: {k}" for k in sorted(have.keys() - fresh.keys())]
    problems += [f"differs: {k}" for k in sorted(fresh.keys() & have.keys()) if fresh[k] != have[k]]
    for p in problems:
        log.error(p)
    if problems:
        log.error("vendored files are out of date; run packaging/vendor_assets.py")
        return 1
    log.info("vendored files match the pinned packages (%d files)", len(fresh))
    return 0


def url_report(root: Path) -> list[tuple[str, str]]:
    """List ``(file, url)`` for every http(s) URL in the vendored text files."""
    found: list[tuple[str, str]] = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in {".js", ".css"}:
            for url in sorted(set(_URL_RE.findall(p.read_bytes()))):
                found.append((p.relative_to(root).as_posix(), url.decode("ascii", "replace")))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--out", type=Path, default=VENDOR_DIR, help="vendor folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    if args.check:
        return check(args.out)
    args.out.mkdir(parents=True, exist_ok=True)
    build(args.out)
    for rel, url in url_report(args.out):
        log.info("URL left in %s: %s", rel, url)
    log.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
