"""Search box: completion over countries, ports and dealers (English and Chinese); Enter selects.

Enter (or picking a completion) selects the country in ``AppState`` and emits ``flyRequested`` with the
ISO3 codes, which the map connects to. Text that matches nothing emits ``notFound``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.search_index import Place, SearchIndex, Words, load_ports
from corridor_map.ui.panels.table_dock import subscribe


class SearchBox(QLineEdit):
    """A line edit with a completer; ``flyRequested(list_of_iso3)`` after each successful search."""

    flyRequested = Signal(list)
    notFound = Signal(str)

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
        self._last: tuple[str, ...] = ()
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(220)
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rebuild(self) -> None:
        """Rebuild the completion entries (dataset or language changed)."""
        words = Words(port=self.tr("port"), dealer=self.tr("dealer"))
        self._index = SearchIndex(self.state.dataset.dealers, self._ports, words)
        self._model.setStringList(self._index.entries())

    def _forget_last(self, *_: Any) -> None:
        self._last = ()

    def search(self, text: str) -> list[str]:
        """Select what ``text`` names and ask the map to fly there; return the ISO3 codes (or [])."""
        codes = self._index.resolve(text) if self._index else []
        if not codes:
            self.notFound.emit(text)
            return []
        key = (text, *codes)
        if key == self._last:  # Enter in the popup also reaches the line edit: act once per key press
            return codes
        self._last = key
        QTimer.singleShot(0, self._forget_last)
        self.state.select(codes)
        self.flyRequested.emit(codes)
        return codes
