"""Windows ``.ico`` and macOS ``.icns`` from the committed PNG renders, pure Python (no Pillow/iconutil).

Both formats may embed PNG data directly (ICO since Windows Vista, ICNS since macOS 10.7), so the files
are just headers around ``resources/icons/corridor-map-<N>.png``. Usage::

    python packaging/pyinstaller/make_icons.py OUT_DIR     # writes OUT_DIR/corridor-map.{ico,icns}
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (several types share a size: 1x and 2x slots).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128@2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256@2x
)


def _png(size: int) -> bytes:
    data = (ICONS / f"corridor-map-{size}.png").read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    if data[:8] != b"\x89PNG\r\n\x1a\n" or (width, height) != (size, size):
        raise ValueError(f"corridor-map-{size}.png is not a {size}x{size} PNG")
    return data


def build_ico() -> bytes:
    """An ICO with one PNG image per size (256 is stored as 0 in the directory entry)."""
    images = [_png(size) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def build_icns() -> bytes:
    """An ICNS with PNG elements for the 1x and 2x slots up to 512 px."""
    body = b"".join(t + struct.pack(">I", 8 + len(d)) + d for t, d in ((t, _png(s)) for t, s in ICNS_TYPES))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(out_dir: Path) -> tuple[Path, Path]:
    """Write ``corridor-map.ico`` and ``corridor-map.icns`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    ico, icns = out_dir / "corridor-map.ico", out_dir / "corridor-map.icns"
    ico.write_bytes(build_ico())
    icns.write_bytes(build_icns())
    return ico, icns


if __name__ == "__main__":
    for path in write_icons(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")):
        print(path)
