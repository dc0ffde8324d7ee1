"""Build the bundled CJK font: a subset of Noto Sans CJK SC Regular.

Source: Debian's ``fonts-noto-cjk`` package (SIL OFL 1.1), pinned by version and
sha256, fetched with ``apt-get download`` (run ``apt-get update`` first) or given
with ``--deb``. The Simplified Chinese Regular face is taken from
``NotoSansCJK-Regular.ttc`` and subset with fontTools to the ranges in
``UNICODE_RANGES``, all 6,763 GB2312 hanzi and every character found in the
project's translations, geodata and sample data. The family is renamed to
``FAMILY`` so it never clashes with a system-installed Noto Sans CJK.

Usage::

    python packaging/build_font.py                  # rebuild resources/fonts/
    python packaging/build_font.py --deb FILE.deb   # use an already downloaded .deb
    python packaging/build_font.py --verify-png out.png   # render a Qt sample
"""

from __future__ import annotations

import argparse
import hashlib
import io
import logging
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

log = logging.getLogger("build_font")

REPO_ROOT = Path(__file__).resolve().parent.parent
FONTS_DIR = REPO_ROOT / "resources" / "fonts"
# TrueType outlines (converted from the source's CFF): Chromium's PDF writer embeds a CFF OpenType font
# as Type 3 bitmaps-in-disguise that print shops reject, a TrueType one as CID TrueType (issue #23).
OUTPUT_NAME = "NotoSansSC-Subset.ttf"
MAX_CURVE_ERROR = 1.0  # font units (of 1000 per em): how far a quadratic outline may stray from the cubic

DEB_PACKAGE = "fonts-noto-cjk"
DEB_VERSION = "1:20220127+repack1-1"
DEB_SHA256 = "4a2515eb6db3978b897fef9709ed0d2b1f4c6c4df4d83d6c4ef65f71f1b1f502"
TTC_MEMBER = "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SOURCE_PS_NAME = "NotoSansCJKsc-Regular"

FAMILY = "Noto Sans SC Subset"
STYLE = "Regular"
PS_NAME = "NotoSansSC-Subset"

UNICODE_RANGES: tuple[tuple[str, int, int], ...] = (
    ("Basic Latin", 0x0020, 0x007E),
    ("Latin-1 Supplement", 0x00A0, 0x00FF),
    ("General Punctuation", 0x2000, 0x206F),
    ("CJK Symbols and Punctuation", 0x3000, 0x303F),
    ("Halfwidth and Fullwidth Forms", 0xFF00, 0xFFEF),
)

# Project files whose characters are always included (globs relative to the repo root).
TEXT_SOURCES: tuple[str, ...] = (
    "resources/i18n/*.ts",
    "data/geo/*.csv",
    "data/geo/*.geojson",
    "resources/sample/*.csv",
    "src/corridor_map/**/*.py",
    "src/corridor_map/**/*.js",
)

OFL_HEADER = """\
Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.
Noto is a trademark of Google Inc.

NotoSansSC-Subset.otf is a Modified Version (a subset, renamed "{family}") of
Noto Sans CJK SC Regular, built by packaging/build_font.py of Corridor Map.

This Font Software is licensed under the SIL Open Font License, Version 1.1.
This license is copied below.

"""


def gb2312_hanzi() -> list[str]:
    """Return the 6,763 hanzi of GB2312 (rows 16-87)."""
    chars: list[str] = []
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def project_chars(root: Path) -> set[str]:
    """Every non-ASCII character found in the project's text sources."""
    found: set[str] = set()
    for pattern in TEXT_SOURCES:
        for path in sorted(root.glob(pattern)):
            text = path.read_text(encoding="utf-8", errors="ignore")
            found.update(ch for ch in text if ord(ch) > 0x7F and ch.isprintable())
    return found


def wanted_codepoints(root: Path) -> tuple[set[int], int]:
    """Code points to keep, and how many came only from project files."""
    cps: set[int] = set()
    for _name, lo, hi in UNICODE_RANGES:
        cps.update(range(lo, hi + 1))
    cps.update(ord(c) for c in gb2312_hanzi())
    extra = {ord(c) for c in project_chars(root)} - cps
    return cps | extra, len(extra)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def download_deb(dest: Path) -> Path:
    """Fetch the pinned .deb with ``apt-get download``."""
    subprocess.run(
        ["apt-get", "download", f"{DEB_PACKAGE}={DEB_VERSION}"],
        cwd=dest,
        check=True,
    )
    debs = sorted(dest.glob(f"{DEB_PACKAGE}_*.deb"))
    if not debs:
        raise SystemExit(f"apt-get download produced no {DEB_PACKAGE} .deb")
    return debs[0]


def ar_members(data: bytes) -> Iterator[tuple[str, bytes]]:
    """Yield ``(name, content)`` for each member of an ``ar`` archive (a .deb)."""
    if not data.startswith(b"!<arch>\n"):
        raise SystemExit("not a .deb (ar) archive")
    pos = 8
    while pos + 60 <= len(data):
        header = data[pos : pos + 60]
        name = header[:16].decode("ascii").strip().rstrip("/")
        size = int(header[48:58].decode("ascii").strip())
        yield name, data[pos + 60 : pos + 60 + size]
        pos += 60 + size + (size % 2)


def extract_ttc(deb: Path) -> bytes:
    """Return the bytes of ``TTC_MEMBER`` from the .deb's data archive."""
    for name, content in ar_members(deb.read_bytes()):
        if name.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(content), mode="r:*") as tar:
                for member in tar.getmembers():
                    if member.name.lstrip("./") == TTC_MEMBER:
                        fobj = tar.extractfile(member)
                        assert fobj is not None
                        return fobj.read()
    raise SystemExit(f"{TTC_MEMBER} not found in {deb.name}")


def pick_face(ttc_path: Path) -> TTFont:
    """Open the face whose PostScript name is ``SOURCE_PS_NAME``."""
    collection = TTCollection(str(ttc_path), lazy=True)
    for index, face in enumerate(collection.fonts):
        if face["name"].getDebugName(6) == SOURCE_PS_NAME:
            return TTFont(str(ttc_path), fontNumber=index, recalcTimestamp=False)
    raise SystemExit(f"{SOURCE_PS_NAME} not in {ttc_path}")


def rename(font: TTFont) -> None:
    """Give the subset its own family name (name table and CFF)."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    name.names = [n for n in name.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17, 21, 22)]
    values = {
        1: FAMILY,
        2: STYLE,
        3: f"{PS_NAME};{version.split(';')[0]}",
        4: f"{FAMILY} {STYLE}" if STYLE != "Regular" else FAMILY,
        6: PS_NAME,
    }
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [PS_NAME]
        top = cff.topDictIndex[0]
        top.FullName = values[4]
        top.FamilyName = FAMILY
        if hasattr(top, "FontName"):
            top.FontName = PS_NAME


def subset_font(font: TTFont, codepoints: Iterable[int]) -> None:
    """Subset ``font`` in place, keeping layout features and hinting."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)


def to_truetype(font: TTFont, max_err: float = MAX_CURVE_ERROR) -> None:
    """Turn ``font``'s CFF outlines into TrueType (quadratic) ones in place (fontTools' otf2ttf recipe):
    glyf/loca instead of CFF, a version 1.0 maxp, post format 2 and left side bearings from the glyphs."""
    if "CFF " not in font:
        return
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        advance, _lsb = hmtx.metrics[name]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def write_licence(out_dir: Path, deb: Path) -> None:
    """Write OFL.txt from the OFL text in the package's Debian copyright file."""
    for name, content in ar_members(deb.read_bytes()):
        if not name.startswith("data.tar"):
            continue
        with tarfile.open(fileobj=io.BytesIO(content), mode="r:*") as tar:
            member = tar.getmember("./usr/share/doc/fonts-noto-cjk/copyright")
            fobj = tar.extractfile(member)
            assert fobj is not None
            text = fobj.read().decode("utf-8")
    start = text.index("License: SIL-1.1\n -----")
    end = text.index("\nLicense:", start + 10)
    body = []
    for raw in text[start:end].splitlines()[1:]:
        line = raw.removeprefix(" ")
        body.append("" if line == "." else line)
    ofl = OFL_HEADER.format(family=FAMILY) + "\n".join(body).rstrip() + "\n"
    (out_dir / "OFL.txt").write_text(ofl, encoding="utf-8")


def write_readme(out_dir: Path, font_path: Path, n_chars: int, n_extra: int) -> None:
    """Write resources/fonts/README.md describing source and rebuild steps."""
    ranges = "\n".join(f"- {n}: U+{lo:04X}–U+{hi:04X}" for n, lo, hi in UNICODE_RANGES)
    sources = "\n".join(f"- `{p}`" for p in TEXT_SOURCES)
    readme = f"""# Bundled CJK font

`{OUTPUT_NAME}` — family **`{FAMILY}`**, style `{STYLE}`, PostScript name `{PS_NAME}`.
A subset of Noto Sans CJK SC Regular (version 2.004), so Chinese renders on machines without any
CJK font, in Qt (`QFontDatabase.addApplicationFont`) and in the map page (`fonts.css`). Its outlines
are converted from the source's CFF to TrueType (fontTools cu2qu, error ≤ {MAX_CURVE_ERROR:g} unit of
1000): Chromium's PDF export embeds a CFF font as Type 3, a TrueType one as CID TrueType.

- Source: Debian package `{DEB_PACKAGE}` `{DEB_VERSION}`, member `{TTC_MEMBER}`, face
  `{SOURCE_PS_NAME}`.
- Source .deb sha256: `{DEB_SHA256}`
- Output: {font_path.stat().st_size} bytes, sha256 `{sha256_file(font_path)}`,
  {n_chars} mapped characters ({n_extra} of them only from project files).
- Licence: SIL Open Font License 1.1, see `OFL.txt`. The family is renamed (the subset is a
  Modified Version; no Reserved Font Name is used).

## Characters kept

{ranges}
- All 6,763 GB2312 hanzi (rows 16–87).
- Every character found in:
{sources}

## Rebuild

Rerun whenever translations or data gain new characters:

    apt-get update
    python packaging/build_font.py                 # downloads the pinned .deb
    python packaging/build_font.py --deb FILE.deb  # or use a downloaded one

The build is reproducible (timestamps are kept from the source). Check rendering with
`QT_QPA_PLATFORM=offscreen python packaging/build_font.py --verify-png /tmp/cjk.png --skip-build`.
"""
    (out_dir / "README.md").write_text(readme, encoding="utf-8")


def write_css(out_dir: Path) -> None:
    """Write fonts.css with the @font-face rule the map page links to."""
    css = (
        "/* Generated by packaging/build_font.py. Font licence: OFL.txt */\n"
        "@font-face {\n"
        f'  font-family: "{FAMILY}";\n'
        f'  src: url("{OUTPUT_NAME}") format("truetype");\n'
        "  font-weight: 400;\n"
        "  font-style: normal;\n"
        "}\n"
    )
    (out_dir / "fonts.css").write_text(css, encoding="utf-8")


def build(out_dir: Path, deb: Path | None) -> Path:
    """Build the subset font and its licence/readme files into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="corridor-font-") as tmp:
        tmp_path = Path(tmp)
        if deb is None:
            deb = download_deb(tmp_path)
        digest = sha256_file(deb)
        if digest != DEB_SHA256:
            raise SystemExit(f"sha256 mismatch for {deb}: {digest} != {DEB_SHA256}")
        log.info("%s: sha256 ok", deb.name)
        ttc_path = tmp_path / "source.ttc"
        ttc_path.write_bytes(extract_ttc(deb))
        font = pick_face(ttc_path)
        codepoints, n_extra = wanted_codepoints(REPO_ROOT)
        subset_font(font, codepoints)
        rename(font)
        to_truetype(font)
        out = out_dir / OUTPUT_NAME
        font.save(str(out))
        n_chars = len(font.getBestCmap())
        write_licence(out_dir, deb)
    missing = [cp for cp in codepoints if cp not in font.getBestCmap() and 0x4E00 <= cp <= 0x9FFF]
    if missing:
        log.warning("%d requested hanzi are not in the source font", len(missing))
    write_readme(out_dir, out, n_chars, n_extra)
    write_css(out_dir)
    log.info("wrote %s (%d bytes, %d chars, family %r)", out, out.stat().st_size, n_chars, FAMILY)
    return out


def verify_png(font_path: Path, png: Path, text: str = "中国台湾 重庆 泰国") -> str:
    """Render ``text`` with the font in Qt, save a PNG, return the family Qt reports.

    Fails if two different hanzi render to identical bitmaps (tofu).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Imported lazily: building the font must not need Qt.
    from PySide6.QtCore import Qt
    from PySide6.QtGui import (
        QColor,
        QFont,
        QFontDatabase,
        QGuiApplication,
        QImage,
        QPainter,
    )

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(font_path))
    if font_id < 0:
        raise SystemExit(f"Qt could not load {font_path}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = families[0]

    def glyph_image(s: str, size: int = 48) -> QImage:
        img = QImage(size * (len(s) + 1), int(size * 1.6), QImage.Format.Format_RGB32)
        img.fill(QColor("white"))
        painter = QPainter(img)
        painter.setFont(QFont(family, size * 3 // 4))
        painter.setPen(QColor("black"))
        painter.drawText(img.rect(), Qt.AlignmentFlag.AlignCenter, s)
        painter.end()
        return img

    a, b = glyph_image("重"), glyph_image("泰")
    if a == b:
        raise SystemExit("two different hanzi rendered identically: tofu")
    glyph_image(text).save(str(png))
    del app
    return family


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", type=Path, help="use this fonts-noto-cjk .deb")
    parser.add_argument("--out", type=Path, default=FONTS_DIR)
    parser.add_argument("--verify-png", type=Path, help="render a sample with Qt to this PNG")
    parser.add_argument("--skip-build", action="store_true", help="only verify")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    font_path = args.out / OUTPUT_NAME
    if not args.skip_build:
        font_path = build(args.out, args.deb)
    if args.verify_png:
        family = verify_png(font_path, args.verify_png)
        log.info("Qt family %r; sample written to %s", family, args.verify_png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
