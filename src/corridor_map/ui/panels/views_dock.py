"""Saved views panel: name the current view (extent, layers, selection, filters), list, go back, delete.

The map's part of a view (extent and layers) is the ``ViewState``'s, which the page keeps up to date as
it moves; going to a view asks the ``ViewState`` to move the map. The selection and filters go through
``AppState``. The view at closing time is kept as the store's ``last`` (``remember_last``) and restored
at the next start (``restore_last``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from corridor_map.core.saved_views import SavedView, ViewStore
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.plain import plain_label
from corridor_map.ui.plain_text import plain_tooltip
from corridor_map.view_state import MapExtent, ViewState

log = logging.getLogger(__name__)

LAST_VIEW_NAME = "last"


class ViewsDock(QDockWidget):
    """Named views in a list: save the current one, go back to one (double-click), delete."""

    def __init__(
        self,
        state: AppState,
        languages: LanguageManager,
        parent: QWidget | None = None,
        *,
        store: ViewStore | None = None,
        view_state: ViewState | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ViewsDock")
        self.state = state
        self.languages = languages
        self.store = store if store is not None else ViewStore()
        self.view_state = view_state  # None: views keep only the selection and filters
        body = QWidget(self)
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        self.name_edit = QLineEdit(body)
        self.name_edit.setMaxLength(80)
        self.save_button = QPushButton(body)
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.list = QListWidget(body)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.go_button = QPushButton(body)
        self.delete_button = QPushButton(body)
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self.hint = plain_label(body)
        layout.addWidget(self.hint)
        self.setWidget(body)
        self.name_edit.textChanged.connect(lambda _t: self._update_buttons())
        self.name_edit.returnPressed.connect(self._on_save)
        self.save_button.clicked.connect(self._on_save)
        self.go_button.clicked.connect(self._on_go)
        self.delete_button.clicked.connect(self._on_delete)
        self.list.itemDoubleClicked.connect(lambda _i: self._on_go())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        languages.languageChanged.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        self.setWindowTitle(self.tr("Saved views"))
        self.name_edit.setPlaceholderText(self.tr("Name of the current view"))
        self.save_button.setText(self.tr("Save view"))
        self.save_button.setToolTip(self.tr("Saves the map extent, layers, selection and filters"))
        self.go_button.setText(self.tr("Go to view"))
        self.delete_button.setText(self.tr("Delete"))
        self.hint.setText(
            self.tr("A view with the same name is replaced. Double-click a view to go back to it.")
        )
        self.fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- list -------------------------------------------------------------------------------------
    def fill(self) -> None:
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.list.clear()
        for view in self.store.views():
            item = QListWidgetItem(view.name)
            item.setData(Qt.ItemDataRole.UserRole, view.name)
            item.setToolTip(plain_tooltip(self._describe(view)))
            self.list.addItem(item)
            if view.name == keep:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def _describe(self, view: SavedView) -> str:
        selection = ", ".join(sorted(view.selection)) or self.tr("none")
        return self.tr("Saved {when}; selection: {codes}").format(when=view.saved_at, codes=selection)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(bool(self.name_edit.text().strip()))
        chosen = self.list.currentItem() is not None
        self.go_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _chosen_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # ---- actions ------------------------------------------------------------------------------------
    def _current(self, name: str) -> SavedView:
        """The view now, as ``name`` (the map's part as the page last reported it)."""
        extent = self.view_state.extent if self.view_state is not None else MapExtent()
        page_view = extent.as_page_view() if extent.center is not None else None
        return SavedView.capture(name, page_view, self.state.selection, self.state.filters)

    def capture(self, name: str, done: Callable[[SavedView], None] | None = None) -> None:
        """Save the current view as ``name``."""
        view = self._current(name)
        self.store.save(view)
        self.fill()
        if done is not None:
            done(view)

    def apply(self, view: SavedView) -> None:
        """Go to ``view``: selection and filters through the state, then the extent and layers of the map."""
        self.state.select(view.selection)
        self.state.set_filters(view.filters)
        if self.view_state is not None:
            # after the selection: CM.setView stops the flight to the selection that select() started
            self.view_state.request_view(MapExtent.from_saved(view.page_view()))

    def go_to(self, name: str) -> bool:
        view = self.store.get(name)
        if view is None:
            return False
        self.apply(view)
        return True

    def remember_last(self) -> None:
        """Keep the current view for the next start (call when the window closes; does not wait)."""
        view = self._current(LAST_VIEW_NAME)
        try:
            self.store.set_last(view)
        except OSError as exc:
            log.warning("could not remember the last view: %s", exc)

    def restore_last(self) -> bool:
        """Go back to the view of the last session (call once, when the map is first ready)."""
        last = self.store.last
        if last is None:
            return False
        self.apply(last)
        return True

    def _on_save(self) -> None:
        name = self.name_edit.text().strip()
        if name:
            self.capture(name, lambda _v: self.name_edit.clear())

    def _on_go(self) -> None:
        name = self._chosen_name()
        if name is not None:
            self.go_to(name)

    def _on_delete(self) -> None:
        name = self._chosen_name()
        if name is not None and self.store.delete(name):
            self.fill()
