"""Country fact sheets (issue 26), as a user makes them: the ``factsheet`` command in a process of its own,
the PDFs read back with poppler's tools, and their numbers compared with a groupby of the sample's CSV."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests.ui.test_export import cli
from tests.ui.test_pdf_export import fonts, need_poppler, run

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
COUNTRIES = {"THA": "Thailand", "DEU": "Germany", "KAZ": "Kazakhstan"}
SAMPLE_LABEL = {"en": "Illustrative sample data", "zh": "示例数据"}


def sales_csv() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "sales.csv")


def number(n: int) -> str:
    return f"{n:,}"


def pdf_text(pdf: Path) -> str:
    return " ".join(run("pdftotext", str(pdf), "-").split())


def pages(pdf: Path) -> int:
    m = re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(pdf)))
    assert m
    return int(m[1])


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Sheets for Thailand, Germany and Kazakhstan in en, zh and both (three commands)."""
    need_poppler()
    out = tmp_path_factory.mktemp("sheets")
    for lang in ("en", "zh", "both"):
        result = cli("factsheet", *COUNTRIES, "--lang", lang, "--sample", "--out", str(out), timeout=400)
        assert result.returncode == 0, result.stderr
        assert len(re.findall(r"^\d/3 ", result.stdout, flags=re.M)) == 3, result.stdout  # a line per sheet
    return {p.stem: p for p in out.glob("*.pdf")}


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["en", "zh", "en-zh"])
def test_sheets_are_print_ready_and_their_numbers_are_the_data(sheets: dict[str, Path], lang: str) -> None:
    table = sales_csv()
    for iso3, name in COUNTRIES.items():
        pdf = sheets[f"{iso3}-{lang}"]
        found = fonts(pdf)
        assert found and all(f["emb"] == "yes" for f in found), found
        assert not [f for f in found if "Type 3" in f["type"]], found
        text = pdf_text(pdf)
        rows = table[table["country"] == name]
        assert len(rows), name
        assert number(int(rows["units"].sum())) in text, (iso3, int(rows["units"].sum()))
        for brand, units in rows.groupby("brand")["units"].sum().items():
            assert brand in text and number(int(units)) in text, (iso3, brand, int(units))
        for year, units in rows.groupby("year")["units"].sum().items():
            assert number(int(units)) in text, (iso3, year, int(units))
        for key in ("en", "zh") if lang == "en-zh" else (lang,):
            assert SAMPLE_LABEL[key] in text, (iso3, key)
    assert "泰国" in pdf_text(sheets[f"THA-{lang}"]) or lang == "en"


@pytest.mark.gui
def test_all_writes_one_sheet_per_country_with_sales_and_a_combined_book(tmp_path: Path) -> None:
    need_poppler()
    result = cli("factsheet", "--all", "--combined", "--sample", "--out", str(tmp_path), timeout=900)
    assert result.returncode == 0, result.stderr
    table = sales_csv()
    with_sales = set(table.groupby("country")["units"].sum().loc[lambda s: s > 0].index)
    written = sorted(tmp_path.glob("???-en.pdf"))
    assert len(written) == len(with_sales), (len(written), len(with_sales))
    book = next(tmp_path.glob("fact-sheets-*.pdf"))
    cover = pages(book) - sum(pages(p) for p in written)
    assert 1 <= cover <= 3, cover  # a cover with the contents, then every sheet
    contents = " ".join(run("pdftotext", "-f", "1", "-l", str(cover), str(book), "-").split())
    assert "Contents" in contents
    listed = re.search(r"Thailand THA (\d+)", contents)
    assert listed, contents[:300]
    start = int(listed[1])  # the page the contents give for Thailand's sheet is Thailand's
    page = run("pdftotext", "-f", str(start), "-l", str(start), str(book), "-")
    assert "Thailand" in page and "COUNTRY FACT SHEET" in page.upper()


@pytest.mark.gui
def test_an_unknown_country_is_named_with_the_closest_matches(tmp_path: Path) -> None:
    result = cli("factsheet", "Thailnd", "--sample", "--out", str(tmp_path), timeout=120)
    assert result.returncode == 2
    assert "Thailnd" in result.stderr and "THA" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_the_command_refuses_a_missing_folder(tmp_path: Path) -> None:
    result = cli("factsheet", "THA", "--sample", "--out", str(tmp_path / "nope"), timeout=60)
    assert result.returncode == 2 and "no such folder" in result.stderr


@pytest.mark.gui
def test_a_country_without_sales_gets_a_sheet_that_says_so(tmp_path: Path) -> None:
    need_poppler()
    with_sales = set(sales_csv()["country"])
    assert "Iceland" not in with_sales  # (a country on the map without sales in the sample)
    result = cli("factsheet", "ISL", "--sample", "--out", str(tmp_path), timeout=300)
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "ISL-en.pdf")
    assert "No sales in the data for Iceland" in text and SAMPLE_LABEL["en"] in text


@pytest.mark.gui
def test_png_previews_are_the_sheets_first_pages(tmp_path: Path) -> None:
    """``--png``: beside each PDF a 150 dpi picture of its first page, the same page poppler draws."""
    import numpy as np
    from PySide6.QtGui import QImage

    need_poppler()
    result = cli("factsheet", "THA", "KAZ", "--png", "--sample", "--out", str(tmp_path), timeout=300)
    assert result.returncode == 0, result.stderr
    assert len(re.findall(r"preview (THA|KAZ)-en\.png$", result.stdout, flags=re.M)) == 2, result.stdout
    for iso3 in ("THA", "KAZ"):
        png = tmp_path / f"{iso3}-en.png"
        image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
        assert abs(image.width() - 1240) <= 1 and image.height() == 1754  # A4 at 150 dpi
        assert round(image.dotsPerMeterX() * 0.0254) == 150
        run(
            "pdftoppm",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            "-gray",
            "-singlefile",
            str(png.with_suffix(".pdf")),
            str(tmp_path / "poppler"),
        )
        poppler = QImage(str(tmp_path / "poppler.pgm")).convertToFormat(QImage.Format.Format_Grayscale8)
        assert abs(poppler.width() - image.width()) <= 1 and abs(poppler.height() - image.height()) <= 1

        def pixels(img: QImage) -> np.ndarray:
            raw = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
            return raw[:1750, :1236].astype(np.int16)

        ours, theirs = pixels(image), pixels(poppler)
        assert (ours < 200).mean() > 0.03  # the sheet, not a blank page
        assert np.abs(ours - theirs).mean() < 6, np.abs(ours - theirs).mean()
