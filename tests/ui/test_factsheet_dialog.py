"""Country panel → Fact sheet… as a user drives it: the selected country, one sheet written and opened and
printed, a run over every country with sales cancelled, and a folder that cannot be written to; on the real
window and the real ``FactSheetJob`` (its hidden export view, the real page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QDialog, QRadioButton, QWidget

from corridor_map.ui import factsheet_dialog as dialog_module
from corridor_map.ui.factsheet_dialog import FactSheetDialog
from corridor_map.ui.main_window import MainWindow
from tests.ui.clip_walk import clipped_texts
from tests.ui.conftest import wait_until

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def click(widget: QWidget) -> None:
    """Click a button (a check or radio box on its indicator, as the box may be wider than its text)."""
    assert widget.isVisible() and widget.isEnabled(), widget
    at = QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox | QRadioButton) else QPoint()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def type_into(box: QWidget, text: str) -> None:
    """Select all of a field and type ``text`` into it."""
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    QTest.keyClicks(box, text)


def open_from_country_panel(window: MainWindow, codes: set[str]) -> FactSheetDialog:
    window.state.select(codes)
    window.country_dock.show()
    window.country_dock.raise_()
    wait_until(window.country_dock.factsheet_button.isVisible, 10)
    click(window.country_dock.factsheet_button)
    dialog = window._factsheet_dialog
    assert isinstance(dialog, FactSheetDialog)
    wait_until(dialog.isVisible, 10)
    return dialog


def only_sections(dialog: FactSheetDialog, keep: set[str]) -> None:
    for key, box in dialog.section_boxes.items():
        if box.isChecked() != (key in keep):
            click(box)


def test_the_country_panel_opens_the_dialog_on_the_selected_country(window: MainWindow) -> None:
    dialog = open_from_country_panel(window, {"THA"})
    assert dialog.scope_selected.isChecked() and dialog.scope_selected.isEnabled()
    assert dialog.scope_selected.text() == "Thailand (THA)"
    assert dialog.codes() == ["THA"]
    assert not dialog.combined_box.isEnabled()  # one country: nothing to combine
    n = len(dialog_module.sales_countries(window.state.dataset, window.state.filters))
    assert n > 3 and dialog.scope_all.text() == f"Every country with sales ({n})"
    click(dialog.scope_all)
    assert len(dialog.codes()) == n and dialog.combined_box.isEnabled()
    assert clipped_texts(dialog) == []
    dialog.close()
    window.state.clear_selection()  # nothing selected: the dialog starts from every country
    window.act_factsheets.trigger()  # File → Fact sheets…
    assert not dialog.scope_selected.isEnabled() and dialog.scope_all.isChecked()
    dialog.close()


def ink(pdf: Path) -> float:
    """The share of not-white pixels on the first page of ``pdf`` (rendered at 50 dpi)."""
    document = QPdfDocument()
    assert document.load(str(pdf)) == QPdfDocument.Error.None_
    page = document.render(0, QSize(413, 585))  # transparent where nothing is drawn
    image = QImage(page.size(), QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return float((raw[:, : image.width()] < 200).mean())


def mean_difference(a: QImage, b: QImage) -> float:
    """The mean absolute difference of two same-sized images' grey levels."""
    levels = []
    for image in (a, b):
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        raw = np.frombuffer(grey.constBits(), np.uint8).reshape(grey.height(), grey.bytesPerLine())
        levels.append(raw[:, : grey.width()].astype(np.int16))  # (a copy, while ``grey`` lives)
    return float(np.abs(levels[0] - levels[1]).mean())


def test_one_sheet_is_written_then_opened_and_printed(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(dialog_module.QDesktopServices, "openUrl", staticmethod(opened.append))
    printed = tmp_path / "printed.pdf"

    class PrintDialog:  # the system's print dialog, answered "Print" to a PDF printer at 100 dpi
        def __init__(self, printer: QPrinter, _parent: Any) -> None:
            self.printer = printer

        def exec(self) -> int:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(printed))
            self.printer.setResolution(100)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialog_module, "QPrintDialog", PrintDialog)
    dialog = open_from_country_panel(window, {"THA"})
    assert not dialog.open_button.isEnabled() and not dialog.print_button.isEnabled()
    out = tmp_path / "sheets"  # missing: made on Generate
    type_into(dialog.folder_edit, str(out))
    assert not dialog.preview.isVisible()
    if not dialog.png_box.isChecked():
        click(dialog.png_box)
    click(dialog.generate_button)
    assert dialog.cancel_button.isVisible() and not dialog.generate_button.isVisible()
    assert dialog.progress.isVisible() and dialog.progress.text() == "Preparing the map for the sheets…"
    wait_until(lambda: dialog.written or dialog.status.text().startswith("The fact sheets"), 240)
    sheet = out / "THA-en.pdf"
    assert dialog.written == [sheet], dialog.status.text()
    assert dialog.status.text() == f"Written: {sheet}"
    assert sheet.read_bytes().startswith(b"%PDF")
    pages = len(PdfReader(sheet).pages)
    assert pages >= 1 and "Thailand" in PdfReader(sheet).pages[0].extract_text()
    assert dialog.open_button.isEnabled() and dialog.print_button.isEnabled()
    assert dialog.generate_button.isVisible() and not dialog.cancel_button.isVisible()
    png = QImage(str(out / "THA-en.png"))  # the PNG picture asked for, beside the PDF
    assert abs(png.width() - 1240) <= 1 and png.height() == 1754  # A4 at 150 dpi
    shown = dialog.preview.pixmap().toImage()  # and the first page shown in the dialog
    assert dialog.preview.isVisible() and not shown.isNull()
    assert shown.height() >= 300 and abs(shown.width() / shown.height() - 210 / 297) < 0.01
    small = png.scaled(
        shown.size(), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    assert mean_difference(small, shown) < 12  # the same page

    click(dialog.open_button)
    assert [u.toLocalFile() for u in opened] == [str(sheet)]
    click(dialog.print_button)
    assert dialog.status.text() == f"Sent {pages} pages to the printer."
    assert len(PdfReader(printed).pages) == pages
    assert ink(printed) > 0.02  # the sheet itself, not blank pages
    assert dialog._settings.value("factsheet/folder") == str(out)  # remembered for the next time
    click(dialog.png_box)
    dialog.close()


def test_cancel_stops_a_run_over_every_country_and_says_how_many_were_written(
    window: MainWindow, tmp_path: Path
) -> None:
    window.state.clear_selection()
    window.act_factsheets.trigger()  # File → Fact sheets…
    dialog: FactSheetDialog = window._factsheet_dialog
    assert dialog.scope_all.isChecked()
    total = len(dialog.codes())
    only_sections(dialog, {"years", "brands"})
    assert dialog.combined_box.isEnabled() and not dialog.combined_box.isChecked()
    type_into(dialog.folder_edit, str(tmp_path))
    click(dialog.generate_button)
    wait_until(lambda: dialog.progress.value() >= 1, 240)
    assert dialog.progress.isVisible() and dialog.progress.maximum() == total
    assert dialog.progress.text().startswith(f"{dialog.progress.value()} / {total}: ")
    click(dialog.cancel_button)
    wait_until(lambda: not dialog.running, 120)
    written = sorted(tmp_path.glob("*.pdf"))
    assert 1 <= len(written) < total
    assert sorted(dialog.written) == written
    assert dialog.status.text() == f"Cancelled: {len(written)} of {total} fact sheets written."
    assert dialog.open_button.isEnabled()  # opens the folder
    assert dialog.print_button.isEnabled() == (len(written) == 1)
    if len(written) > 1:
        assert "combined" in dialog.print_button.toolTip()
    only_sections(dialog, set(dialog.section_boxes))
    dialog.close()


def test_a_folder_that_cannot_be_written_to_says_so(window: MainWindow, tmp_path: Path) -> None:
    dialog = open_from_country_panel(window, {"THA"})
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    type_into(dialog.folder_edit, str(blocker / "sheets"))
    click(dialog.generate_button)
    text = dialog.status.text()
    assert text.startswith(f"The fact sheets cannot be written to “{blocker / 'sheets'}” (")
    assert text.endswith("Choose another folder.") and "Traceback" not in text
    assert not dialog.running and dialog.written == [] and not dialog.progress.isVisible()
    assert not dialog.open_button.isEnabled() and not dialog.print_button.isEnabled()
    type_into(dialog.folder_edit, "")
    click(dialog.generate_button)
    assert dialog.status.text() == "Choose a folder for the fact sheets."

    (tmp_path / "THA-en.pdf").mkdir()  # the folder is fine, the sheet's file cannot be written
    type_into(dialog.folder_edit, str(tmp_path))
    click(dialog.generate_button)
    wait_until(lambda: not dialog.running, 240)
    text = dialog.status.text()
    assert text.startswith("The fact sheets could not be made: ") and "THA-en.pdf" in text, text
    assert "Traceback" not in text and dialog.status.styleSheet() == dialog_module.ERROR_STYLE
    assert dialog.written == [] and not dialog.open_button.isEnabled()
    assert dialog.generate_button.isVisible() and dialog.generate_button.isEnabled()
    dialog.close()


def test_several_countries_make_one_combined_pdf_that_can_be_printed(
    window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_from_country_panel(window, {"THA", "DEU"})
    assert dialog.scope_selected.text() == "The 2 selected countries"
    assert dialog.codes() == ["DEU", "THA"] and dialog.combined_box.isEnabled()
    click(dialog.combined_box)
    type_into(dialog.folder_edit, str(tmp_path))
    click(dialog.generate_button)
    wait_until(lambda: not dialog.running, 240)
    assert len(dialog.written) == 1, dialog.status.text()
    combined = dialog.written[0]
    assert combined.parent == tmp_path and combined.suffix == ".pdf"
    assert dialog.status.text() == f"Written: {combined}"
    text = " ".join(page.extract_text() for page in PdfReader(combined).pages)
    assert "Germany" in text and "Thailand" in text
    assert dialog.print_button.isEnabled() and dialog.print_button.toolTip() == ""
    click(dialog.combined_box)
    dialog.close()
