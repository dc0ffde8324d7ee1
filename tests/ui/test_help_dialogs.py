"""Help → Transit assumptions and About: what the app says of its numbers and maps, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from corridor_map.core.assumptions import ASSUMPTIONS
from corridor_map.core.credits import DATA_CREDITS
from corridor_map.ui.about import AboutDialog
from corridor_map.ui.assumptions_dialog import AssumptionsDialog
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import wait_until

pytestmark = pytest.mark.gui


def _open_assumptions(window: MainWindow) -> AssumptionsDialog:
    window.route_dock.show()
    window.route_dock.raise_()
    button = window.route_dock.editor.sources_button
    wait_until(button.isVisible, 10)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # the Routes panel's "Defaults and their sources…"
    return wait_until(lambda: window.findChild(AssumptionsDialog), 10)


def test_the_routes_panel_opens_the_assumptions_with_values_and_sources(window: MainWindow) -> None:
    assert window.act_assumptions in window.menu_help.actions()
    dialog = _open_assumptions(window)
    try:
        text = dialog.text.toPlainText()
        for assumption in ASSUMPTIONS:
            assert assumption.label("en") in text
            assert all(source in text for source in assumption.sources)
        assert "800 km per day" in text and "Not counted" in text
        assert "docs/" not in text  # nothing points to a file the installed app does not have
    finally:
        dialog.close()


def test_the_assumptions_in_chinese(window: MainWindow) -> None:
    window.set_language("zh")
    try:
        dialog = _open_assumptions(window)
        text = dialog.text.toPlainText()
        assert dialog.windowTitle() == "运输时间假设"
        assert all(a.label("zh") in text and a.basis("zh") in text for a in ASSUMPTIONS)
        assert "未计入" in text
        dialog.close()
    finally:
        window.set_language("en")
        QApplication.processEvents()


def test_about_credits_every_source_and_says_which_datasets_each_view_uses(window: MainWindow) -> None:
    about = AboutDialog(window)
    text = about.text.toPlainText()
    assert all(credit.name in text for credit in DATA_CREDITS)
    assert "GeoNames" in text and "CC BY 4.0" in text
    assert "world-geo-json-zh" in text and "GS(2023)2767" in text
    assert "Neither is an officially approved map" in text
    about.deleteLater()
