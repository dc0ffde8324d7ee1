"""The Filters dock: brands, powertrain, region and a year range with time playback, all via AppState.

Every user action is one state change (``AppState.update_filters`` / ``set_filters``); the dock shows
whatever the state says (a "Show all" elsewhere resets it) and ignores its own echo: controls are
updated under a guard, and the user-only signals (``clicked``, ``activated``) are used where Qt has them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from corridor_map.core.aggregate import NO_FILTERS, Filters, brands, year_range
from corridor_map.core.dataset import Dataset
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.brand_checks import BrandChecks
from corridor_map.ui.panels.region_choices import (
    NO_REGION,
    RegionChoice,
    choice_of,
    region_choices,
    region_label,
)
from corridor_map.ui.panels.table_dock import subscribe
from corridor_map.ui.panels.year_controls import YearControls
from corridor_map.ui.panels.year_playback import YearPlayback

POWERTRAINS: tuple[frozenset[str] | None, ...] = (None, frozenset({"NEV"}), frozenset({"ICE"}))
ALL_REGIONS = ""  # item data of the region list: "", a RegionChoice.key, or OTHER_REGION
OTHER_REGION = "other"


class FiltersDock(QDockWidget):
    """Brand checkboxes, powertrain, region, year range with Play/Pause/Stop and speed, and a reset."""

    playbackFinished = Signal()

    def __init__(self, state: AppState, languages: LanguageManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FiltersDock")  # saveState/restoreState key
        self.state = state
        self.languages = languages
        self._showing = False  # echo guard: True while the state is being put into the controls
        self._choices: list[RegionChoice] = []
        self.playback = YearPlayback(state, self)
        self.playback.playbackFinished.connect(self.playbackFinished)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.brands_box = QGroupBox(body)
        self.brand_checks = BrandChecks(self.brands_box)
        self.brand_checks.brandsEdited.connect(self._on_brands)
        QVBoxLayout(self.brands_box).addWidget(self.brand_checks)
        self.powertrain_box = QGroupBox(body)
        self.powertrain_group = QButtonGroup(self)
        row = QHBoxLayout(self.powertrain_box)
        for position in range(len(POWERTRAINS)):
            button = QRadioButton(self.powertrain_box)
            self.powertrain_group.addButton(button, position)
            row.addWidget(button)
        row.addStretch(1)
        self.powertrain_group.idClicked.connect(self._on_powertrain)
        self.region_box = QGroupBox(body)
        self.region_combo = QComboBox(self.region_box)
        self.region_combo.activated.connect(self._on_region)
        QVBoxLayout(self.region_box).addWidget(self.region_combo)
        self.years_box = YearControls(self.playback, body)
        self.years_box.rangeEdited.connect(self._write_years)
        self.reset_button = QPushButton(body)
        self.reset_button.clicked.connect(lambda: self.state.set_filters(NO_FILTERS))
        layout.addWidget(self.brands_box, 1)
        layout.addWidget(self.powertrain_box)
        layout.addWidget(self.region_box)
        layout.addWidget(self.years_box)
        layout.addWidget(self.reset_button)
        self.setWidget(body)
        subscribe(self, state.filters_changed, self._on_state_filters)
        subscribe(self, state.dataset_changed, self._on_dataset)
        languages.languageChanged.connect(self.retranslate)
        self._on_dataset(state.dataset)
        self.retranslate()

    # ---- playback API (tests, kiosk mode) -----------------------------------------------------
    def play(self) -> None:
        self.playback.play()

    def pause(self) -> None:
        self.playback.pause()

    def stop(self) -> None:
        self.playback.stop()

    @property
    def is_playing(self) -> bool:
        return self.playback.is_playing

    @property
    def step_ms(self) -> int:
        return self.playback.step_ms

    @step_ms.setter
    def step_ms(self, ms: int) -> None:
        self.playback.step_ms = ms

    # ---- user actions → AppState (one change each) --------------------------------------------
    def _on_brands(self, value: frozenset[str] | None) -> None:
        if not self._showing:
            self.state.update_filters(brands=value)

    def _on_powertrain(self, position: int) -> None:
        if not self._showing:
            self.state.update_filters(powertrains=POWERTRAINS[position])

    def _on_region(self, index: int) -> None:
        key = str(self.region_combo.itemData(index))
        if self._showing or key == OTHER_REGION:
            return
        choice = RegionChoice.from_key(key)
        self.state.update_filters(**(NO_REGION if choice is None else choice.changes()))

    def _write_years(self, low: int, high: int) -> None:
        """A range the user chose; the data's whole span is "no year filter"."""
        if self._showing:
            return
        bounds = year_range(self.state.dataset.sales)
        self.state.update_filters(years=None if (low, high) == bounds else (low, high))

    # ---- AppState → controls -------------------------------------------------------------------
    def _on_dataset(self, dataset: Dataset) -> None:
        self.brand_checks.set_brands(brands(dataset.sales, dataset.dealers))
        codes = set(dataset.sales["iso3"].astype("str")) | set(dataset.dealers["iso3"].astype("str"))
        self._choices = region_choices(codes)
        self.years_box.set_bounds(year_range(dataset.sales))
        self._fill_regions()
        self._on_state_filters(self.state.filters)

    def _fill_regions(self) -> None:
        self._showing = True
        try:
            self.region_combo.clear()
            self.region_combo.addItem(self.tr("All regions"), ALL_REGIONS)
            for choice in self._choices:
                indent = "" if choice.kind == "continent" else "    "
                self.region_combo.addItem(indent + region_label(choice.name), choice.key)
        finally:
            self._showing = False

    def _on_state_filters(self, filters: Filters) -> None:
        """Put ``filters`` into every control without writing anything back."""
        self._showing = True
        try:
            self.brand_checks.show_filter(filters.brands)
            self._show_powertrain(filters.powertrains)
            self._show_region(filters)
            self.years_box.show_years(filters.years)
        finally:
            self._showing = False

    def _show_powertrain(self, powertrains: frozenset[str] | None) -> None:
        wanted = powertrains or None
        position = POWERTRAINS.index(wanted) if wanted in POWERTRAINS else -1
        self.powertrain_group.setExclusive(position >= 0)  # an exclusive group cannot show "none"
        for button in self.powertrain_group.buttons():
            button.setChecked(self.powertrain_group.id(button) == position)
        self.powertrain_group.setExclusive(True)

    def _show_region(self, filters: Filters) -> None:
        choice = choice_of(filters)
        key = ALL_REGIONS if choice is None else OTHER_REGION if choice == "other" else choice.key
        other = self.region_combo.findData(OTHER_REGION)
        if other >= 0 and key != OTHER_REGION:
            self.region_combo.removeItem(other)
        index = self.region_combo.findData(key)
        if index < 0:  # a region set elsewhere that the list does not offer
            if self.region_combo.findData(OTHER_REGION) < 0:
                self.region_combo.addItem(self.tr("Other (set elsewhere)"), OTHER_REGION)
            index = self.region_combo.findData(OTHER_REGION)
        self.region_combo.setCurrentIndex(index)

    # ---- language ------------------------------------------------------------------------------
    def retranslate(self, *_: Any) -> None:
        self.setWindowTitle(self.tr("Filters"))
        self.brands_box.setTitle(self.tr("Brands"))
        self.brand_checks.all_button.setText(self.tr("All"))
        self.brand_checks.none_button.setText(self.tr("None"))
        self.powertrain_box.setTitle(self.tr("Powertrain"))
        labels = (self.tr("All"), self.tr("NEV"), self.tr("ICE"))
        for button, text in zip(self.powertrain_group.buttons(), labels, strict=True):
            button.setText(text)
        self.powertrain_group.button(1).setToolTip(self.tr("New-energy vehicles (battery and plug-in)"))
        self.powertrain_group.button(2).setToolTip(self.tr("Internal-combustion vehicles"))
        self.region_box.setTitle(self.tr("Region"))
        self.years_box.retranslate()
        self.reset_button.setText(self.tr("Reset filters"))
        self.reset_button.setToolTip(self.tr("Every brand, powertrain, region and year"))
        self._fill_regions()
        self._on_state_filters(self.state.filters)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
