"""The panels' plain labels: their text is selectable with the mouse, yet laid out cheaply while nobody
points at them (a selectable QLabel lays its text out as a document at every relayout)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from corridor_map.ui.panels.plain import SELECTABLE, plain_label

NONE = Qt.TextInteractionFlag.NoTextInteraction
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def test_text_is_selected_by_dragging_over_it_and_the_label_is_plain_otherwise(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    label = plain_label(host, "Bangkok Sample Motors — Bangkok\nChiang Mai Demo Cars — Chiang Mai")
    other = plain_label(host, "another label")
    layout.addWidget(label)
    layout.addWidget(other)
    host.resize(420, 160)
    host.show()
    qtbot.waitExposed(host)
    assert label.textInteractionFlags() == NONE  # (no document behind it while nobody points at it)
    # (QTest's double click leaves the button down: after one in an earlier test, no widget would be
    # entered until a release)
    QTest.mouseRelease(host, LEFT, NO_KEYS, QPoint(1, 1))

    start = QPoint(2, label.height() // 4)
    # the pointer comes from elsewhere (offscreen, QTest moves the cursor: where an earlier test left it,
    # a move to the same point would be no move at all)
    QTest.mouseMove(host, QPoint(host.width() - 2, host.height() - 2))
    QTest.mouseMove(label, start)
    qtbot.waitUntil(lambda: label.textInteractionFlags() == SELECTABLE)
    word = QPoint(
        label.fontMetrics().horizontalAdvance("Bangkok") // 2 + label.contentsRect().left(), start.y()
    )
    QTest.mouseDClick(label, LEFT, NO_KEYS, word)  # a double click selects the word
    QTest.mouseRelease(label, LEFT, NO_KEYS, word)  # (QTest's double click leaves the button down)
    assert label.selectedText() == "Bangkok", label.selectedText()

    QTest.mouseMove(other, QPoint(5, 5))  # away, with text selected: still selectable (to copy it)
    qtbot.waitUntil(lambda: other.textInteractionFlags() == SELECTABLE)
    assert label.textInteractionFlags() == SELECTABLE and label.hasSelectedText()
    label.setSelection(0, 0)
    QTest.mouseMove(label, start)
    QTest.mouseMove(other, QPoint(5, 5))
    qtbot.waitUntil(lambda: label.textInteractionFlags() == NONE)


def test_a_label_s_remembered_height_is_qlabel_s_own_after_every_change(qtbot: QtBot) -> None:
    label = plain_label(None, "Bangkok Sample Motors — Bangkok")
    qtbot.addWidget(label)
    twin = QLabel()  # the same text, format and wrap in a plain QLabel: what Qt answers
    twin.setTextFormat(Qt.TextFormat.PlainText)
    twin.setWordWrap(True)
    qtbot.addWidget(twin)

    def same(*widths: int) -> None:
        twin.setText(label.text())
        twin.setFont(label.font())
        twin.setTextInteractionFlags(label.textInteractionFlags())
        for width in widths:
            assert label.heightForWidth(width) == twin.heightForWidth(width), width
            assert label.heightForWidth(width) == twin.heightForWidth(width), width  # (remembered)

    same(60, 120, 400)
    label.setText("Chiang Mai Demo Cars — Chiang Mai\n" * 4)
    same(60, 120, 400)
    bigger = QFont(label.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 2)
    label.setFont(bigger)
    same(60, 120, 400)
    label.setTextInteractionFlags(SELECTABLE)
    same(60, 120)
    assert label.heightForWidth(60) > label.heightForWidth(400) > 0
