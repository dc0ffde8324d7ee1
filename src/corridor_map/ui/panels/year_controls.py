"""The Filters dock's year section: from/to spin boxes, the two-handle slider, Play/Pause, Stop, speed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from corridor_map.ui.panels.year_playback import DEFAULT_STEP_MS, YearPlayback
from corridor_map.ui.panels.year_range_slider import RangeSlider

SPEEDS = (0.5, 1.0, 2.0, 4.0)  # × one year per second


class YearControls(QGroupBox):
    """A year range the user edits (``rangeEdited(low, high)``, user actions only) and playback buttons.

    :meth:`show_years` and :meth:`set_bounds` are silent. The buttons drive ``playback`` directly;
    playback itself writes the years through AppState and the dock shows them here.
    """

    rangeEdited = Signal(int, int)

    def __init__(self, playback: YearPlayback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.playback = playback
        self._quiet = False
        self.from_spin, self.to_spin = QSpinBox(self), QSpinBox(self)
        for spin in (self.from_spin, self.to_spin):
            spin.setKeyboardTracking(False)  # typing "2023" is one change, not four
        self.from_spin.valueChanged.connect(lambda _v: self._on_spin(from_moved=True))
        self.to_spin.valueChanged.connect(lambda _v: self._on_spin(from_moved=False))
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.from_label.setBuddy(self.from_spin)
        self.to_label.setBuddy(self.to_spin)
        self.slider = RangeSlider(self)
        self.slider.rangeEdited.connect(self.rangeEdited)
        self.year_label = QLabel(self)
        font = self.year_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.year_label.setFont(font)
        self.year_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.play_button = QPushButton(self)
        self.play_button.clicked.connect(playback.toggle)
        self.stop_button = QPushButton(self)
        self.stop_button.clicked.connect(playback.stop)
        self.speed_combo = QComboBox(self)
        self.speed_combo.addItems([f"{s:g}×" for s in SPEEDS])
        self.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_combo.activated.connect(self._on_speed)
        self.speed_label = QLabel(self)
        self.speed_label.setBuddy(self.speed_combo)
        self.cumulative_check = QCheckBox(self)
        self.cumulative_check.toggled.connect(self._on_cumulative)
        playback.playingChanged.connect(self._on_playing)
        spins = QHBoxLayout()
        for field in (self.from_label, self.from_spin, self.to_label, self.to_spin):
            spins.addWidget(field)
        spins.addStretch(1)
        transport = QHBoxLayout()
        for widget in (self.play_button, self.stop_button, self.speed_label, self.speed_combo):
            transport.addWidget(widget)
        transport.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(spins)
        layout.addWidget(self.slider)
        layout.addWidget(self.year_label)
        layout.addLayout(transport)
        layout.addWidget(self.cumulative_check)

    # ---- state → controls (silent) -------------------------------------------------------------
    def set_bounds(self, bounds: tuple[int, int] | None) -> None:
        """The data's first and last year (None: no sales, the section is disabled)."""
        low, high = bounds or (0, 0)
        self._quiet = True
        try:
            for spin in (self.from_spin, self.to_spin):
                spin.setRange(low, high)
            self.slider.set_bounds(low, high)
        finally:
            self._quiet = False
        for control in (self.slider, self.from_spin, self.to_spin, self.play_button, self.stop_button):
            control.setEnabled(bounds is not None)

    def show_years(self, years: tuple[int, int] | None) -> None:
        """Show a ``Filters.years`` value (None: every year), clamped to the bounds."""
        self._quiet = True
        try:
            if years is None:
                self.slider.set_values(self.slider.minimum, self.slider.maximum)
            else:
                self.slider.set_values(*years)
            low, high = self.slider.values()
            self.from_spin.setValue(low)
            self.to_spin.setValue(high)
        finally:
            self._quiet = False
        enabled = self.slider.isEnabled()
        self.year_label.setText("–" if not enabled else str(low) if low == high else f"{low}–{high}")

    # ---- user actions ---------------------------------------------------------------------------
    def _on_spin(self, from_moved: bool) -> None:
        if self._quiet:
            return
        low, high = self.from_spin.value(), self.to_spin.value()
        if from_moved:
            high = max(high, low)  # moving "from" past "to" pushes "to" along
        else:
            low = min(low, high)
        self.rangeEdited.emit(low, high)

    def _on_speed(self, index: int) -> None:
        self.playback.step_ms = round(DEFAULT_STEP_MS / SPEEDS[index])

    def _on_cumulative(self, checked: bool) -> None:
        self.playback.cumulative = checked

    def _on_playing(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Years"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.slider.setAccessibleName(self.tr("Year range"))
        self._on_playing(self.playback.is_playing)
        self.play_button.setToolTip(
            self.tr("Step through the chosen years on the map, coloured on the same classes throughout")
        )
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop and go back to the years shown before Play"))
        self.speed_label.setText(self.tr("Speed"))
        self.speed_combo.setToolTip(self.tr("1× shows one year per second"))
        self.cumulative_check.setText(self.tr("Cumulative (all years up to the one shown)"))
