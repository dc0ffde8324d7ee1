"""The status bar's dataset indicator: the illustrative sample or the user's data, with its files."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from corridor_map.core.dataset import Dataset
from corridor_map.state import AppState
from corridor_map.ui.data.dialogs import fill
from corridor_map.ui.panels.table_dock import subscribe
from corridor_map.ui.plain_text import plain_tooltip

SAMPLE_STYLE = "color: #a6611a; font-style: italic;"


class DatasetStatus(QLabel):
    """A permanent status-bar label that follows ``state.dataset_changed`` and the language."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DatasetStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)  # file names are shown as typed
        self.state = state
        subscribe(self, state.dataset_changed, self._on_dataset_changed)
        self.retranslate()

    def _on_dataset_changed(self, _dataset: Dataset) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        """The text for the active dataset in the current language."""
        dataset = self.state.dataset
        if dataset.is_sample:
            self.setText(self.tr("Illustrative sample data — not real sales figures"))
            self.setToolTip(self.tr("The bundled sample: invented figures for trying the app."))
            self.setStyleSheet(SAMPLE_STYLE)
            return
        names = ", ".join(dict.fromkeys(s.name for s in dataset.sources))
        self.setText(fill(self.tr("Your data: %1"), names or self.tr("(no files)")))
        lines = [
            fill(
                self.tr("%1 (%2): %3 of %4 rows accepted, imported %5"),
                s.name,
                self.tr("sales") if s.kind == "sales" else self.tr("dealers"),
                f"{s.accepted:,}",
                f"{s.rows:,}",
                s.imported_at.replace("T", " ").replace("+00:00", " UTC"),
            )
            for s in dataset.sources
        ]
        self.setToolTip(plain_tooltip("\n".join(lines)))
        self.setStyleSheet("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
