"""The panels' toolbar: the search box, "Show all" (no selection, no filters) and Esc (no selection)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.search_box import SearchBox


class PanelsToolBar(QToolBar):
    """Search and the one-click reset; ``search.flyRequested`` is for the map; ``cleared`` (Esc) closes
    what the map shows besides the selection (a port's card)."""

    cleared = Signal()

    def __init__(self, state: AppState, languages: LanguageManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PanelsToolBar")  # saveState/restoreState key
        self.state = state
        self.search = SearchBox(state, languages, self)
        self.search.feedback.setParent(self)
        self.addWidget(self.search)
        self.search.feedback_action = self.addWidget(self.search.feedback)
        self.act_show_all = QAction(self)
        self.act_show_all.setObjectName("ShowAll")
        self.act_show_all.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.act_show_all.triggered.connect(self._show_all)
        self.addAction(self.act_show_all)
        self.act_clear = QAction(self)
        self.act_clear.setObjectName("ClearSelection")
        self.act_clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.act_clear.triggered.connect(self._clear)
        self.search.escaped.connect(self._clear)
        self.act_find = QAction(self)
        self.act_find.setShortcut(QKeySequence.StandardKey.Find)
        self.act_find.triggered.connect(self._focus_search)  # for the lead's Edit/View menu (Ctrl+F)
        languages.languageChanged.connect(self.retranslate)
        self.retranslate()

    def _show_all(self) -> None:
        """Show all: no selection, no filters, an empty search box."""
        self.search.clear_search()
        self.state.show_all()

    def _clear(self) -> None:
        """Esc: no selection, no dealer or port picked, an empty search box (the filters stay)."""
        self.search.clear_search()
        self.state.clear_selection()
        self.cleared.emit()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def retranslate(self, *_: Any) -> None:
        self.setWindowTitle(self.tr("Search"))
        self.act_show_all.setText(self.tr("Show all"))
        self.act_show_all.setToolTip(self.tr("Clear the selection and every filter"))
        self.act_find.setText(self.tr("Find"))
        self.act_clear.setText(self.tr("Clear selection"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
