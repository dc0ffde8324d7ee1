"""The Export dialog as a user drives it: format and paper, the live preview, and Save/Copy writing what the
preview shows; on the real window, its hidden export view and the real pages."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from corridor_map.ui.export import dialog as dialog_module
from corridor_map.ui.export.dialog import ExportDialog
from corridor_map.ui.export.preview import PREVIEW_SIZE
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.page_builder import PageBuilder
from tests.ui.conftest import wait_until
from tests.ui.real_spots import settled

pytestmark = pytest.mark.gui


class Dialog:
    """The window's export dialog, open, with its renders counted and the save dialog answered."""

    def __init__(self, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
        window.show_export_dialog()
        self.d: ExportDialog = window._export_dialog
        self.renders: list[Any] = []
        self.answer = ""
        real_export = self.d.exporter.export

        def counted(spec: Any, done: Any) -> None:
            self.renders.append(spec)
            real_export(spec, done)

        self.d.exporter.export = counted  # type: ignore[method-assign]

        class SaveAs:  # the file dialog, answered as a user would type a name
            @staticmethod
            def getSaveFileName(*_: Any, **__: Any) -> tuple[str, str]:
                return self.answer, ""

        monkeypatch.setattr(dialog_module, "QFileDialog", SaveAs)

    def choose(self, combo: Any, data: Any) -> None:
        """Pick an item in a combo box with the keyboard, as a user would."""
        combo.setFocus()
        target = combo.findData(data)
        assert target >= 0
        while combo.currentIndex() != target:
            key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
            QTest.keyClick(combo, key)

    def type_into(self, box: QWidget, text: str) -> None:
        """Select all of a field and type ``text`` into it."""
        box.setFocus()
        QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(box, text)

    def preview(self, caption: str, timeout: float = 120) -> QImage:
        """Wait until the preview shows a picture whose caption has ``caption``; that picture."""
        wait_until(
            lambda: self.d.preview.image is not None and caption in self.d.preview.caption.text(), timeout
        )
        image = self.d.preview.image
        assert image is not None
        return image

    def save(self, path: Path) -> None:
        self.answer = str(path)
        QTest.mouseClick(self.d.save_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: not self.d._busy and "Saved" in self.d.status.text(), 120)


@pytest.fixture
def dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialog]:
    window.route_dock.raise_()
    window.state.select({"DEU"})
    settled(window)
    QTest.qWait(400)  # the page reports where it settled 150 ms later
    dlg = Dialog(window, monkeypatch)
    dlg.choose(dlg.d.format_box, "png")
    dlg.choose(dlg.d.preset, "custom")
    dlg.type_into(dlg.d.width_box, "800")
    dlg.type_into(dlg.d.height_box, "500")
    dlg.d.legend_box.setChecked(True)
    dlg.d.view_box.setChecked(False)
    dlg.type_into(dlg.d.title_edit, "")
    yield dlg
    dlg.d.close()
    del dlg.d.exporter.export


def pixels(image: QImage) -> np.ndarray:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return raw[:, : rgb.width() * 4].astype(int)


def test_the_preview_follows_the_choices_and_is_what_is_saved(dialog: Dialog, tmp_path: Path) -> None:
    d = dialog.d
    first = dialog.preview("800 × 500 pixels")
    assert abs(first.width() / first.height() - 800 / 500) < 0.01
    assert first.width() == PREVIEW_SIZE.width()  # fitted into the box
    before = len(dialog.renders)
    dialog.type_into(d.title_edit, "Germany by rail and sea")  # 23 key presses, faster than the debounce
    assert d.preview.image is None and d.preview.caption.text() == "Rendering preview…"
    titled = dialog.preview("800 × 500 pixels")
    assert len(dialog.renders) == before + 1  # one render once the typing stopped
    assert dialog.renders[-1].title == "Germany by rail and sea"
    assert not np.array_equal(pixels(first), pixels(titled))  # the title is in the picture

    dialog.save(tmp_path / "germany")  # typed without the extension
    assert len(dialog.renders) == before + 1  # saved what the preview showed: no second render
    saved = QImage(str(tmp_path / "germany.png"))
    assert (saved.width(), saved.height()) == (800, 500)
    fitted = saved.scaled(
        PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    diff = np.abs(pixels(fitted) - pixels(titled))
    assert diff.shape == pixels(titled).shape and diff.mean() < 1.0 and np.percentile(diff, 99) <= 8

    dialog.type_into(d.subtitle_edit, "2025")  # changed: Copy renders first, then copies that
    QTest.mouseClick(d.copy_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: not d._busy and "Copied" in d.status.text(), 120)
    assert len(dialog.renders) == before + 2 and dialog.renders[-1].subtitle == "2025"
    clip = QApplication.clipboard().image()
    assert (clip.width(), clip.height()) == (800, 500)


def test_an_impossible_size_shows_the_reason_instead_of_a_picture(dialog: Dialog) -> None:
    d = dialog.d
    dialog.preview("800 × 500 pixels")
    before = len(dialog.renders)
    dialog.type_into(d.width_box, "9000")
    dialog.type_into(d.scale_box, "2")
    QTest.qWait(700)  # past the debounce: nothing is rendered
    assert d.preview.image is None and d.preview.picture.pixmap().isNull()
    assert "18000 × 1000 pixels" in d.preview.picture.text() and "16,384" in d.preview.picture.text()
    assert not d.save_button.isEnabled() and not d.copy_button.isEnabled()
    assert len(dialog.renders) == before
    dialog.type_into(d.scale_box, "1")
    dialog.type_into(d.width_box, "6000")
    dialog.type_into(d.height_box, "7000")  # under 16,384 a side, but 42 million pixels
    QTest.qWait(500)
    assert "42 million" in d.preview.picture.text() and "PDF" in d.preview.picture.text()
    assert len(dialog.renders) == before


def test_pdf_shows_the_paper_and_writes_the_previewed_pdf(dialog: Dialog, tmp_path: Path) -> None:
    d = dialog.d
    dialog.choose(d.format_box, "pdf")
    for row in (d.paper_box, d.orientation_box, d.margin_box, d.bleed_box):
        assert row.isVisibleTo(d) and d.form.labelForField(row).isVisibleTo(d)
    for row in (d.preset, d.width_box, d.height_box, d.scale_box):
        assert not row.isVisibleTo(d)
    dialog.choose(d.paper_box, "A4")
    dialog.choose(d.orientation_box, False)
    dialog.type_into(d.bleed_box, "3")
    assert "216 × 303 mm" in d.paper_note.text() and "3 mm bleed" in d.paper_note.text()
    page = dialog.preview("A4 portrait")
    assert page.height() == PREVIEW_SIZE.height() and page.width() < page.height()  # portrait, fitted
    spec = dialog.renders[-1]
    assert spec.fmt == "pdf" and (spec.paper.name, spec.paper.landscape, spec.paper.bleed_mm) == (
        "A4",
        False,
        3,
    )
    before = len(dialog.renders)
    dialog.save(tmp_path / "germany")
    assert len(dialog.renders) == before
    written = (tmp_path / "germany.pdf").read_bytes()
    assert written.startswith(b"%PDF-")
    assert d._rendered is not None and written == d._rendered[1].pdf  # the previewed bytes
    dialog.choose(d.format_box, "png")  # (the format is remembered: back to PNG for the next test)


def test_the_spec_carries_every_route_ticked_in_the_routes_panel(dialog: Dialog, window: MainWindow) -> None:
    d = dialog.d
    dialog.preview("800 × 500 pixels")
    tree = window.route_dock.comparison.tree
    before = len(dialog.renders)
    for row, on in ((0, False), (2, True), (3, True)):  # tick two more alternatives, untick the default
        tree.topLevelItem(row).setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    routes = d.spec().routes
    assert [r["id"] for r in routes] == [r["id"] for r in window.view_state.routes]
    assert len(routes) == 3 and "DEU-china_europe_rail" not in [r["id"] for r in routes]
    dialog.preview("800 × 500 pixels")
    wait_until(lambda: d._rendered is not None and d._rendered[0][0].routes == routes, 120)
    assert len(dialog.renders) > before  # the window's change refreshed the preview

    d.close()  # closed: the window's changes no longer reach it (a render already under way may end)
    window.state.select({"VNM"})
    QTest.qWait(800)

    def vietnam() -> list[Any]:
        return [spec for spec in dialog.renders if spec.selection == ("VNM",)]

    assert vietnam() == [] and d._subscriptions is None
    window.show_export_dialog()  # opened again: what changed meanwhile is rendered, once
    wait_until(lambda: d._rendered is not None and d._rendered[0][0].selection == ("VNM",), 120)
    QTest.qWait(800)
    assert len(vietnam()) == 1
    tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)


def test_no_text_is_clipped_at_1366x768_in_english_and_chinese(dialog: Dialog, window: MainWindow) -> None:
    d = dialog.d
    screen = QSize(1366, 768)
    for language in ("en", "zh"):
        window.languages.set_language(language)
        for fmt in ("png", "pdf"):
            dialog.choose(d.format_box, fmt)
            QTest.qWait(100)  # (the layouts are redone on the next turns of the event loop)
            hint = d.sizeHint()
            assert hint.width() <= screen.width() and hint.height() <= screen.height() - 60
            for label in d.findChildren(dialog_module.QLabel):
                if label.isVisibleTo(d) and label.text() and not label.wordWrap():
                    assert label.sizeHint().width() <= label.width() or label.width() == 0, label.text()
    window.languages.set_language("en")
    dialog.choose(d.format_box, "png")


def test_closed_for_a_while_it_lets_its_hidden_view_go_and_opening_again_renders(
    dialog: Dialog, window: MainWindow
) -> None:
    """A stand's long day: the Export dialog closed does not keep a hidden page (and its renderer's
    memory) for the rest of the day; opened again, it loads the page anew and renders."""
    d = dialog.d
    dialog.preview("800 × 500 pixels")
    session = d.session
    assert session is not None
    gone: list[bool] = []
    session.renderer.view.destroyed.connect(lambda *_: gone.append(True))
    d._release.setInterval(300)  # (RELEASE_AFTER_MS in use)
    try:
        d.close()
        wait_until(lambda: gone, 30)
        assert d.session is None
        before = len(dialog.renders)
        window.show_export_dialog()
        window.state.select({"THA"})
        wait_until(lambda: d._rendered is not None and d._rendered[0][0].selection == ("THA",), 120)
        assert d.session is not None and d.session is not session and len(dialog.renders) > before
        image = dialog.preview("800 × 500 pixels")
        assert not image.isNull()
        # the page is built (or found) by the same builder each time: none (nor its worker thread) is
        # left behind by a release
        builders = d.exporter.findChildren(PageBuilder)
        assert len(builders) == 1, builders
        workers = [t for t in threading.enumerate() if t.name.startswith("page-builder")]
        assert len(workers) <= 2, workers  # (the window's and the export's)
    finally:
        d._release.setInterval(dialog_module.RELEASE_AFTER_MS)
