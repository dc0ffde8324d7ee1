"""Print-ready exports (issue 23): vector PDF at paper sizes, fonts embedded, every compared route drawn.

The PDF is checked with poppler's tools, as a print shop would: ``pdffonts`` (every font embedded, none of
Type 3), ``pdfimages -list`` (no map-sized bitmap: the map is vector), ``pdftotext`` (title, legend and
source line are text), ``pdfinfo`` (the paper size) and ``pdftoppm`` (the page as pixels, to find each
compared route's colour along its path). The PNG gets the same route check.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before the QApplication exists)
from PySide6.QtWidgets import QApplication

from corridor_map.core.dataset import load_sample
from corridor_map.ui.export.spec import MAX_PIXELS, PAPERS_MM, ExportSpec, Paper, paper_problem, size_problem
from tests.ui.conftest import close_export_session, wait_until

POPPLER = ("pdffonts", "pdfimages", "pdftotext", "pdfinfo", "pdftoppm")
MM_PER_PT = 25.4 / 72


def need_poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing and os.environ.get("CI"):
        pytest.fail(f"poppler-utils missing in CI: {missing}")
    if missing:
        pytest.skip(f"poppler-utils not installed ({', '.join(missing)})")


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


def fonts(pdf: Path) -> list[dict[str, str]]:
    """``pdffonts``' table: name, type and whether embedded, per font."""
    rows = run("pdffonts", str(pdf)).splitlines()[2:]
    out = []
    for row in rows:
        # name (may be [none]), type (may hold spaces), encoding, emb, sub, uni, object, gen
        m = re.match(r"(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)", row)
        assert m, row
        out.append({"name": m[1], "type": m[2], "emb": m[4]})
    return out


def images(pdf: Path) -> list[tuple[int, int, int, int]]:
    """``pdfimages -list``: width, height and resolution (x, y ppi) of every image."""
    out = []
    for row in run("pdfimages", "-list", str(pdf)).splitlines()[2:]:
        cells = row.split()
        out.append((int(cells[3]), int(cells[4]), int(cells[12]), int(cells[13])))
    return out


def page_mm(pdf: Path) -> tuple[float, float]:
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", run("pdfinfo", str(pdf)))
    assert m
    return float(m[1]) * MM_PER_PT, float(m[2]) * MM_PER_PT


def rasterise(pdf: Path, out: Path) -> QImage:
    """The PDF's page at 96 dpi: one pixel per CSS pixel of the sheet."""
    run("pdftoppm", "-r", "96", "-png", "-singlefile", str(pdf), str(out.with_suffix("")))
    image = QImage(str(out))
    assert not image.isNull()
    return image


# ---- sessions ----------------------------------------------------------------------------------------------
def open_session(vector: bool) -> Any:
    from corridor_map.paths import geo_dir, resources_dir, user_cache_dir
    from corridor_map.state import AppState
    from corridor_map.ui.composition import load_corridor_or_none
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession
    from corridor_map.ui.fonts import register_cjk_font
    from corridor_map.ui.web import shared_tripwire

    # As the app and the commands start (ui.composition.start_qt): the bundled CJK font is known to the
    # process's fontconfig, where QtWebEngine's browser side (in this process) finds fonts for printing.
    register_cjk_font()
    export = ExportSession(shared_tripwire([resources_dir(), geo_dir()]))
    export.load(export_page(user_cache_dir(), vector=vector))
    export.attach(AppState(load_sample()), "en", load_corridor_or_none())
    wait_until(lambda: export.is_ready, 120)
    return export


@pytest.fixture(scope="module")
def pdf_session(qapp: QApplication) -> Iterator[Any]:
    export = open_session(vector=True)
    yield export
    close_export_session(export)


@pytest.fixture(scope="module")
def png_session(qapp: QApplication) -> Iterator[Any]:
    export = open_session(vector=False)
    yield export
    close_export_session(export)


def write(session: Any, spec: ExportSpec, out: Path) -> Any:
    from corridor_map.ui.export.session import export_blocking, save_composition

    composition = export_blocking(session, spec, timeout_s=120)
    save_composition(composition, out)
    return composition


# ---- specs without Qt --------------------------------------------------------------------------------------
def test_paper_sizes_and_limits() -> None:
    assert Paper("A4", landscape=False).trim_mm == (210.0, 297.0)
    assert Paper("A0").trim_mm == (1189.0, 841.0)
    assert Paper("A4", landscape=False, bleed_mm=3).sheet_mm == (216.0, 303.0)
    assert set(PAPERS_MM) == {"A4", "A3", "A2", "A1", "A0"}
    assert "unknown paper" in (paper_problem(Paper("B5")) or "")
    assert "bleed" in (paper_problem(Paper(bleed_mm=20)) or "")
    # A PNG beyond the stated maximum is refused with the way out: the PDF
    message = size_problem(4967, 3508, 2) or ""  # A2 at 300 dpi would be 9934 × 7016: 70 million pixels
    assert "million" in message and "PDF" in message
    assert size_problem(2480, 1754, 2) is None  # A3 at 300 dpi: 17 million pixels
    assert MAX_PIXELS == 40_000_000


# ---- the PDF -----------------------------------------------------------------------------------------------
TEXTS = {
    "en": (
        "Vehicle exports from Chongqing",
        "Units sold",
        "Data: Illustrative sample data",
        "Rail",
    ),
    "zh": ("重庆汽车出口", "销量", "数据：示例数据", "铁路"),
}


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_is_vector_with_every_font_embedded_and_its_texts_as_text(
    qapp: QApplication, pdf_session: Any, tmp_path: Path, lang: str
) -> None:
    need_poppler()
    from corridor_map.ui.i18n import LanguageManager

    title, legend, source, rail = TEXTS[lang]
    spec = ExportSpec(fmt="pdf", paper=Paper("A3"), lang=lang, title=title, selection=("THA",))
    out = tmp_path / f"map-{lang}.pdf"
    languages = LanguageManager(qapp)
    languages.set_language(lang)  # (the app's language: the export's texts come from its catalogues)
    try:
        composition = write(pdf_session, spec, out)
    finally:
        languages.set_language("en")
    assert out.read_bytes().startswith(b"%PDF-")
    assert composition.describe()["format"] == "pdf"

    table = fonts(out)
    assert table, "no fonts: the texts are not text"
    assert all(f["emb"] == "yes" for f in table), table
    assert not [f for f in table if "Type 3" in f["type"]], table
    if lang == "zh":
        assert any("NotoSansSC" in f["name"] for f in table), table

    sheet_w, sheet_h = Paper("A3").sheet_px
    # no bitmap of the map: every image (if any) covers less than a hundredth of the sheet
    for width, height, ppi_x, ppi_y in images(out):
        area = (width * 96 / max(ppi_x, 1)) * (height * 96 / max(ppi_y, 1))
        assert area < sheet_w * sheet_h / 100, (width, height, ppi_x, ppi_y)

    text = run("pdftotext", str(out), "-")
    flat = " ".join(text.split())
    from corridor_map.ui.export.composer import date_text

    for needle in (title, legend, source, rail, date_text(lang)):
        assert needle in flat, (needle, flat[:400])
    if lang == "zh":
        assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", flat)
    w_mm, h_mm = page_mm(out)
    assert abs(w_mm - 420) < 0.5 and abs(h_mm - 297) < 0.5


@pytest.mark.gui
@pytest.mark.parametrize(
    ("paper", "expected_mm"),
    [
        (Paper("A4", landscape=False), (210, 297)),
        (Paper("A0"), (1189, 841)),
        (Paper("A4", bleed_mm=3), (303, 216)),
    ],
)
def test_paper_sizes_reach_the_pdf(
    pdf_session: Any, tmp_path: Path, paper: Paper, expected_mm: tuple[int, int]
) -> None:
    need_poppler()
    out = tmp_path / "sheet.pdf"
    write(pdf_session, ExportSpec(fmt="pdf", paper=paper, title="Paper"), out)
    w_mm, h_mm = page_mm(out)
    assert abs(w_mm - expected_mm[0]) < 0.5 and abs(h_mm - expected_mm[1]) < 0.5, (w_mm, h_mm)
    image = rasterise(out, tmp_path / "sheet.png")
    # the map fills the sheet inside its margins: the sea's blue in the middle of the page
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre != QColor("#ffffff")


# ---- every compared route ----------------------------------------------------------------------------------
def thailand_routes() -> list[dict[str, Any]]:
    from corridor_map.core.transit import country_alternatives, draw_payload
    from corridor_map.ui.composition import load_corridor_or_none

    corridor = load_corridor_or_none()
    assert corridor is not None
    routes = draw_payload(country_alternatives(corridor, "THA"))
    assert len(routes) >= 2, "Thailand needs two alternatives to compare"
    return routes


def colour_found_along(image: QImage, legs: dict[str, list[list[int]]], colour: QColor) -> tuple[int, int]:
    """How many of the legs' segment midpoints have ``colour`` within 2 pixels, of how many checked."""
    hits = checked = 0
    for points in legs.values():
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if abs(x1 - x0) + abs(y1 - y0) < 6:
                continue
            x, y = (x0 + x1) // 2, (y0 + y1) // 2
            if not (2 <= x < image.width() - 2 and 2 <= y < image.height() - 2):
                continue
            checked += 1
            near = [image.pixelColor(x + dx, y + dy) for dx in range(-2, 3) for dy in range(-2, 3)]
            if any(
                max(
                    abs(c.red() - colour.red()),
                    abs(c.green() - colour.green()),
                    abs(c.blue() - colour.blue()),
                )
                < 40
                for c in near
            ):
                hits += 1
    return hits, checked


def own_legs(
    routes: list[dict[str, Any]], drawn: dict[str, dict[str, list[list[int]]]]
) -> dict[str, dict[str, Any]]:
    """Each route's legs that no later route also draws (a later route's line lies on top of shared ones)."""
    out = {}
    for k, route in enumerate(routes):
        later = {leg for other in routes[k + 1 :] for leg in other["legs"]}
        out[route["id"]] = {leg: pts for leg, pts in drawn[route["id"]].items() if leg not in later}
    return out


@pytest.mark.gui
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_every_compared_route_is_in_the_export(
    png_session: Any, pdf_session: Any, tmp_path: Path, fmt: str
) -> None:
    if fmt == "pdf":
        need_poppler()
    routes = thailand_routes()
    session = pdf_session if fmt == "pdf" else png_session
    view = (22.0, 104.0, 5.0)  # from Chongqing to Bangkok and the Gulf of Thailand
    spec = ExportSpec(fmt=fmt, paper=Paper("A3"), view=view, routes=tuple(routes), title="Routes")
    out = tmp_path / f"routes.{fmt}"
    composition = write(session, spec, out)
    image = rasterise(out, tmp_path / "routes-pdf.png") if fmt == "pdf" else QImage(str(out))
    assert set(composition.routes) == {r["id"] for r in routes}
    for route in routes:
        legs = own_legs(routes, composition.routes)[route["id"]]
        hits, checked = colour_found_along(image, legs, QColor(route["color"]))
        assert checked >= 3, (route["id"], legs)
        assert hits / checked > 0.5, (route["id"], route["color"], hits, checked)
    # without them, the first route's colour is not there: the check above can fail
    bare = write(
        session,
        ExportSpec(fmt=fmt, paper=Paper("A3"), view=view, title="Routes"),
        tmp_path / f"bare.{fmt}",
    )
    assert bare.routes == {}
    bare_image = (
        rasterise(tmp_path / "bare.pdf", tmp_path / "bare-pdf.png")
        if fmt == "pdf"
        else QImage(str(tmp_path / "bare.png"))
    )
    first = routes[0]
    hits, checked = colour_found_along(
        bare_image, own_legs(routes, composition.routes)[first["id"]], QColor(first["color"])
    )
    assert hits / max(1, checked) < 0.5
