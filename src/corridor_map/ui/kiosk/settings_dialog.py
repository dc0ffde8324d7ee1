"""The exhibition settings dialog (outside exhibition mode): what the tour shows and its timings."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from corridor_map.core.aggregate import NO_FILTERS, units_by
from corridor_map.core.countries import display_name
from corridor_map.state import AppState
from corridor_map.ui.kiosk.settings import KioskSettings


def _spin(parent: QWidget, low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setValue(min(max(value, low), high))
    spin.setSuffix(suffix)
    return spin


class KioskSettingsDialog(QDialog):
    """Top N destinations (under the filters at the time) or a chosen list; seconds each; idle time."""

    def __init__(
        self, state: AppState, settings: KioskSettings, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("KioskSettingsDialog")
        self.settings = settings
        self.setWindowTitle(self.tr("Exhibition settings"))
        layout = QVBoxLayout(self)
        self.radio_top = QRadioButton(self.tr("The top destinations under the current filters"), self)
        self.top_n = _spin(self, 1, 50, settings.top_n, "")
        form_top = QFormLayout()
        form_top.addRow(self.tr("Number of countries:"), self.top_n)
        self.radio_list = QRadioButton(self.tr("These countries (drag to change the order):"), self)
        self.countries = QListWidget(self)
        self.countries.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self._fill_countries(state, lang)
        layout.addWidget(self.radio_top)
        layout.addLayout(form_top)
        layout.addWidget(self.radio_list)
        layout.addWidget(self.countries, 1)
        form = QFormLayout()
        seconds = " " + self.tr("s")
        self.dwell = _spin(self, 1, 600, round(settings.dwell_ms / 1000), seconds)
        self.idle = _spin(self, 5, 3600, round(settings.idle_ms / 1000), seconds)
        form.addRow(self.tr("Each country is shown for:"), self.dwell)
        form.addRow(self.tr("After the last touch, the tour resumes in:"), self.idle)
        layout.addLayout(form)
        note = QLabel(self.tr("Esc, then confirm, leaves exhibition mode."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.radio_list if settings.use_list else self.radio_top).setChecked(True)
        self.radio_top.toggled.connect(self._enable)
        self._enable()
        self.resize(460, 560)

    def _fill_countries(self, state: AppState, lang: str) -> None:
        """The chosen countries first (in their order), then every country with sales, largest first."""
        with_sales = [str(c) for c in units_by(state.dataset.sales, ("iso3",), NO_FILTERS)["iso3"]]
        chosen = list(self.settings.countries)
        for code in chosen + [c for c in with_sales if c not in chosen]:
            item = QListWidgetItem(f"{display_name(code, lang)} ({code})", self.countries)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked)

    def _enable(self) -> None:
        top = self.radio_top.isChecked()
        self.top_n.setEnabled(top)
        self.countries.setEnabled(not top)

    def checked_countries(self) -> tuple[str, ...]:
        """The ticked countries, in the list's order."""
        items = (self.countries.item(i) for i in range(self.countries.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def result_settings(self) -> KioskSettings:
        """The settings as the dialog shows them."""
        chosen = self.checked_countries()
        return replace(
            self.settings,
            top_n=self.top_n.value(),
            countries=chosen,
            use_list=self.radio_list.isChecked() and bool(chosen),
            dwell_ms=self.dwell.value() * 1000,
            idle_ms=self.idle.value() * 1000,
        )
