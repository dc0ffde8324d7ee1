"""A stand's day repeats the same gestures for hours: after the first time, they create no Qt objects.

Dialogs, popups, the exhibition mode's bar and the panels are made once and reused; an object made per use
and never deleted (a dialog parented to the window, a completer's popup, a dock tab bar left by a layout
restore) would grow the app's memory with every visitor. Counted here: every QObject below the top-level
widgets, by class, after a first round of the gestures and after more rounds.
"""

from __future__ import annotations

import collections

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import wait_until

ROUNDS = 3


def census() -> collections.Counter[str]:
    """Live QObjects below the top-level widgets (the widgets included), by class name."""
    QApplication.processEvents()
    seen: dict[int, str] = {}  # (a dialog is a top-level widget and the window's child: counted once)
    for top in QApplication.topLevelWidgets():
        for obj in (top, *top.findChildren(QObject)):
            seen[shiboken6.getCppPointer(obj)[0]] = type(obj).__name__
    return collections.Counter(seen.values())


def close_with_escape(dialog: QWidget) -> None:
    """Esc, as a person presses it once the dialog is in front: into the widget with the focus."""
    wait_until(lambda: QApplication.activeWindow() is dialog, 10)
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    wait_until(lambda: not dialog.isVisible(), 10)


def one_round(window: MainWindow) -> None:
    """The gestures of a day at a stand, each undone: what a visitor and an exhibitor do again and again."""
    window.act_export_png.trigger()  # File → Export PNG or PDF…
    dialog = window._export_dialog
    wait_until(dialog.isVisible, 10)
    close_with_escape(dialog)

    window.act_factsheets.trigger()  # File → Fact sheets…
    sheets = window._factsheet_dialog
    wait_until(sheets.isVisible, 10)
    close_with_escape(sheets)

    search = window.toolbar.search  # a country typed, the completer's list popping up, then chosen
    search.setFocus()
    QTest.keyClicks(search, "Thai")
    QTest.keyClick(search, Qt.Key.Key_Return)
    wait_until(lambda: window.state.selection == frozenset({"THA"}), 10)
    search.clear_search()

    window.kiosk.act_enter.trigger()  # View → Exhibition mode, and back
    wait_until(lambda: window.kiosk.active, 10)
    QTest.qWait(300)
    window.kiosk.leave()

    window.set_language("zh")
    window.set_language("en")
    window.state.clear_selection()


def test_gestures_repeated_create_no_qt_objects_after_the_first_time(window: MainWindow):
    one_round(window)  # the first time makes what is reused: dialogs, popups, the kiosk bar
    before = census()
    for _ in range(ROUNDS):
        one_round(window)
    after = census()
    grown = {name: (before[name], after[name]) for name in after if after[name] > before[name]}
    assert grown == {}, f"Qt objects that grew over {ROUNDS} more rounds (before, after): {grown}"
    assert before["ExportDialog"] == 1 and before["FactSheetDialog"] == 1  # the census sees the dialogs
