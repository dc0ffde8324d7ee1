"""At a glance: real published figures with their sources, and the active dataset's totals."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from corridor_map.core.aggregate import NO_FILTERS, totals
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.dataframe_model import Column, DataFrameModel, format_int, format_percent
from corridor_map.ui.panels.on_screen import WhenOnScreen
from corridor_map.ui.panels.plain import plain_label
from corridor_map.ui.panels.published_figures import PublishedFigure, bundled_figures
from corridor_map.ui.panels.table_dock import subscribe

FIGURE_COLUMNS = (
    Column("subject"),
    Column("text"),
    Column("period"),
    Column("source"),
    Column("published_in", display=lambda value: breakable(str(value))),
)


def breakable(text: str) -> str:
    """``text`` with a break opportunity after each "/" and "." of its addresses (a URL wraps in a cell)."""
    return " ".join(
        word.replace("/", "/\u200b").replace(".", ".\u200b") if "/" in word else word
        for word in text.split(" ")
    )


class GlanceDock(QDockWidget):
    """Published figures (real, sourced) above the active dataset's totals under the filters."""

    def __init__(
        self,
        state: AppState,
        languages: LanguageManager,
        parent: QWidget | None = None,
        figures: list[PublishedFigure] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("GlanceDock")
        self.state = state
        self.languages = languages
        self.figures = list(figures) if figures is not None else list(bundled_figures())
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.figures_heading = self._heading(body)
        self.figures_model = DataFrameModel(FIGURE_COLUMNS, key_field="id", parent=self)
        self.figures_view = QTableView(body)
        self.figures_view.setModel(self.figures_model)
        self.figures_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.figures_view.verticalHeader().setVisible(False)
        self.figures_view.setWordWrap(True)
        self.figures_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # rows as tall as their wrapped text, again whenever a column's width changes
        self.figures_view.horizontalHeader().sectionResized.connect(
            lambda *_: self.figures_view.resizeRowsToContents()
        )
        self.totals_heading = self._heading(body)
        self.sample_note = plain_label(body)
        self.sample_note.setStyleSheet("color: #a6611a; font-style: italic;")
        self.filters_note = plain_label(body)
        form = QFormLayout()
        self.total_labels = [QLabel(body) for _ in range(4)]
        self.total_values = [plain_label(body) for _ in range(4)]
        for label, value in zip(self.total_labels, self.total_values, strict=True):
            form.addRow(label, value)
        for widget in (
            self.figures_heading,
            self.figures_view,
            self.totals_heading,
            self.sample_note,
            self.filters_note,
        ):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.setStretch(1, 1)
        self.setWidget(body)
        self.refresh_when_shown = WhenOnScreen(self, self.refresh)
        subscribe(self, state.filters_changed, self.refresh_when_shown)
        subscribe(self, state.dataset_changed, self.refresh_when_shown)
        languages.languageChanged.connect(self.retranslate)
        self.retranslate()

    @staticmethod
    def _heading(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    @property
    def lang(self) -> str:
        return self.languages.language

    def retranslate(self, *_: Any) -> None:
        self.setWindowTitle(self.tr("At a glance"))
        self.figures_heading.setText(self.tr("Published figures (real, with sources)"))
        self.figures_model.set_headers(
            [
                self.tr("Subject"),
                self.tr("Figure"),
                self.tr("Period"),
                self.tr("Source"),
                self.tr("Published in"),
            ]
        )
        self.totals_heading.setText(self.tr("Active dataset"))
        for label, text in zip(
            self.total_labels,
            (self.tr("Units"), self.tr("NEV share"), self.tr("Dealers"), self.tr("Countries reached")),
            strict=True,
        ):
            label.setText(text)
        self.figures_model.set_frame(self._figures_frame())
        self.figures_view.resizeRowsToContents()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _figures_frame(self) -> pd.DataFrame:
        lang = self.lang
        return pd.DataFrame(
            {
                "id": [f.id for f in self.figures],
                "subject": [f.subject(lang) for f in self.figures],
                "text": [f.text(lang) for f in self.figures],
                "period": [f.period for f in self.figures],
                "source": [f.source(lang) for f in self.figures],
                "published_in": [f.published_in(lang) for f in self.figures],
            },
            columns=["id", "subject", "text", "period", "source", "published_in"],
        )

    def refresh(self) -> None:
        """The dataset's totals under the current filters, labelled illustrative for the sample."""
        data = self.state.dataset
        found = totals(data.sales, data.dealers, self.state.filters)
        self.sample_note.setText(data.label(self.lang))  # says "illustrative" for the sample
        self.sample_note.setStyleSheet("color: #a6611a; font-style: italic;" if data.is_sample else "")
        filtered = self.state.filters != NO_FILTERS
        self.filters_note.setText(self.tr("Under the current filters.") if filtered else "")
        self.filters_note.setVisible(filtered)
        values = (
            format_int(found["units"]),
            format_percent(found["nev_share"]),
            format_int(found["dealers"]),
            format_int(found["countries"]),
        )
        for label, text in zip(self.total_values, values, strict=True):
            label.setText(text)
