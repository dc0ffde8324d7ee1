"""The import report shows the notes on accepted dealers and offers the swapped coordinates (en, 中文)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from corridor_map.core.importing import load_table
from corridor_map.ui.data.report_dialog import ImportReportDialog
from corridor_map.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _swapped_file(tmp_path: Path) -> Path:
    path = tmp_path / "dealers.csv"
    path.write_text(
        "dealer,country,brand,city,lat,lon,type\n"
        "R,Saudi Arabia,Orion,Riyadh,46.68,24.71,Dealer\n"
        "U,UAE,Orion,Dubai,55.27,25.20,Service Center\n"
        "M,Thailand,Orion,Bangkok,,,Museum\n",
        encoding="utf-8",
    )
    return path


def test_the_report_offers_the_swapped_coordinates(window: MainWindow, tmp_path: Path) -> None:
    result = load_table(_swapped_file(tmp_path), "dealers")
    dialog = ImportReportDialog(result, can_append=True, parent=window)
    dialog.show()
    try:
        notes = [dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count())]
        assert len(notes) == 3
        assert any("look swapped" in n for n in notes) and any("Museum" in n for n in notes)
        assert dialog.btn_take_swaps.isVisible() and "2 dealers" in dialog.btn_take_swaps.text()
        QTest.mouseClick(dialog.btn_take_swaps, Qt.MouseButton.LeftButton)
        assert list(result.accepted["position"].astype(str)) == ["exact", "exact", "city"]
        assert not dialog.btn_take_swaps.isVisible() and dialog.notes_list.count() == 1
    finally:
        dialog.close()
        dialog.deleteLater()


def test_the_notes_in_chinese(window: MainWindow, tmp_path: Path) -> None:
    window.set_language("zh")
    try:
        result = load_table(_swapped_file(tmp_path), "dealers")
        dialog = ImportReportDialog(result, can_append=True, parent=window)
        notes = [dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count())]
        assert any("写反" in n for n in notes) and any("无法识别" in n for n in notes)
        assert dialog.btn_take_swaps.text() == "对 2 家经销商采用对调后的坐标"
        dialog.deleteLater()
    finally:
        window.set_language("en")
