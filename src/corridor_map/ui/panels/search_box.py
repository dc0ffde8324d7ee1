"""Search box: completion over countries, ports and dealers (English and Chinese); Enter picks.

Enter (or picking a completion) does what the result names: a country is selected in ``AppState`` and
``flyRequested`` carries its ISO3 code (the map flies there); a port emits ``portRequested`` with its id
(the map shows the port's card, no country is selected); a dealer is focused in ``AppState`` (its
country selected, the map and the Dealers panel show the dealer). Text that matches nothing says so
beside the box, with the closest entries to pick from (``notFound``).
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QMenu, QSizePolicy, QWidget

from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.search_index import Hit, Place, SearchIndex, Words, load_ports
from corridor_map.ui.panels.table_dock import subscribe


class SearchBox(QLineEdit):
    """A line edit with a completer; ``flyRequested(list_of_iso3)`` after each successful search."""

    flyRequested = Signal(list)
    portRequested = Signal(str)
    escaped = Signal()  # Esc in the box (whether or not the window's Esc shortcut is reachable)
    notFound = Signal(str, list)  # the text, the closest entries

    def __init__(
        self,
        state: AppState,
        languages: LanguageManager,
        parent: QWidget | None = None,
        ports: list[Place] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SearchBox")
        self.state = state
        self.languages = languages
        self._ports = ports if ports is not None else load_ports()
        self._index: SearchIndex | None = None
        self._last: tuple[Any, ...] = ()
        self.feedback = QLabel(parent)  # "no match" and what is close, beside the box (the toolbar adds it)
        self.feedback.setObjectName("SearchFeedback")
        self.feedback.setStyleSheet("color: #a50f15; padding: 0 6px;")
        self.feedback.hide()
        self.feedback_action: QAction | None = None  # when a toolbar holds the label: show it through this
        self.suggestions_menu = QMenu(self)
        self.textEdited.connect(lambda _text: self.show_feedback(""))
        self.textEdited.connect(lambda _text: self._ready_index())  # (before the completer's own slot)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(220)
        self.setMaximumWidth(460)  # room beside it for the "no match" message
        self.feedback.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated.connect(self.search)  # the text overload
        self.setCompleter(self._completer)
        self.returnPressed.connect(lambda: self.search(self.text()))
        subscribe(self, state.dataset_changed, lambda _: self.rebuild())
        languages.languageChanged.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_: Any) -> None:
        self.setPlaceholderText(self.tr("Search a country, port or dealer…"))
        self.setToolTip(self.tr("Type a name in English or Chinese, or an ISO code, then press Enter"))
        self.rebuild()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rebuild(self) -> None:
        """Forget the completion entries (dataset or language changed): they are made again when the box
        is next used (``_ready_index``), not at start, at every import or at every change of language
        (the sample's take ~6 ms to make; 100,000 dealers' ~0.8 s, measured)."""
        self._index = None

    def _ready_index(self) -> SearchIndex:
        """The index and the completer's entries for the current dataset and language (made if due)."""
        if self._index is None:
            words = Words(port=self.tr("port"), dealer=self.tr("dealer"))
            self._index = SearchIndex(self.state.dataset.dealers, self._ports, words)
            self._model.setStringList(self._index.entries())
        return self._index

    def completions(self) -> list[str]:
        """Every completion entry the box offers now."""
        self._ready_index()
        return self._model.stringList()

    def _forget_last(self, *_: Any) -> None:
        self._last = ()

    def search(self, text: str) -> Hit | None:
        """Do what ``text`` names (select a country, show a port, focus a dealer); the hit, or None."""
        index = self._ready_index()
        hit = index.find(text)
        if hit is None:
            suggestions = index.suggestions(text)
            self.show_feedback(text, suggestions)
            self.notFound.emit(text, suggestions)
            return None
        key = (text, hit)
        if key == self._last:  # Enter in the popup also reaches the line edit: act once per key press
            return hit
        self._last = key
        QTimer.singleShot(0, self._forget_last)
        self.show_feedback("")
        if hit.kind == "port":
            self.portRequested.emit(str(hit.key))
        elif hit.kind == "dealer":
            self.state.focus_dealer(int(hit.key) if hit.key is not None else None)  # a dealers row label
        else:
            self.state.select([hit.iso3])
            self.flyRequested.emit([hit.iso3])
        return hit

    def show_feedback(self, text: str, suggestions: list[str] | None = None) -> None:
        """Say beside the box that ``text`` matches nothing, and offer the closest entries ("" hides it)."""
        if not text.strip():
            self._show_label(False)
            self.setStyleSheet("")
            return
        message = self.tr("No match for “{text}”.").format(text=text.strip())
        if suggestions:
            message += " " + self.tr("Closest: {names}").format(names="; ".join(suggestions[:3]))
        else:
            message += " " + self.tr("Try a country, port or dealer name, in English or Chinese.")
        self.feedback.setText(message)
        self._show_label(True)
        self.setStyleSheet("QLineEdit#SearchBox { border: 1px solid #a50f15; }")
        self.suggestions_menu.clear()
        for entry in suggestions or []:
            self.suggestions_menu.addAction(entry, functools.partial(self._pick, entry))
        if suggestions and self.isVisible():
            self.suggestions_menu.popup(self.mapToGlobal(QPoint(0, self.height())))

    def _show_label(self, shown: bool) -> None:
        if self.feedback_action is not None:  # (a toolbar's widget is shown and hidden by its action)
            self.feedback_action.setVisible(shown)
        self.feedback.setVisible(shown)

    def _pick(self, entry: str) -> None:
        self.setText(entry)
        self.search(entry)

    def clear_search(self) -> None:
        """An empty box and no message (Show all, Esc)."""
        self.clear()
        self.show_feedback("")
