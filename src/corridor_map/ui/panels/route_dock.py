"""The Routes panel: the selected country's route alternatives compared, with editable transit assumptions.

Follows the selection (with several countries selected, a box picks which one). The checked alternatives
go out through ``routesChanged`` as the ``CM.showRoutes`` argument; the window connects it to the map.
While the panel is hidden it asks for nothing to be drawn.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from corridor_map.core.corridor import Corridor
from corridor_map.core.countries import display_name
from corridor_map.core.transit import TransitParams
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.on_screen import WhenOnScreen, on_screen
from corridor_map.ui.panels.plain import plain_label
from corridor_map.ui.panels.route_compare import RouteComparison, TransitParamsModel
from corridor_map.ui.panels.table_dock import subscribe

# parameter: (minimum, maximum, step, decimals)
SPIN_RANGES = {
    "rail_km_per_day": (100.0, 2000.0, 50.0, 0),
    "river_knots": (1.0, 20.0, 0.5, 1),
    "sea_knots": (5.0, 30.0, 0.5, 1),
    "road_km_per_day": (100.0, 1500.0, 50.0, 0),
    "dwell_days": (0.0, 30.0, 0.5, 1),
}


class ParamsEditor(QGroupBox):
    """Spin boxes for the five assumptions and a reset button, bound to a :class:`TransitParamsModel`."""

    def __init__(self, model: TransitParamsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        form = QFormLayout(self)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        for name, (low, high, step, decimals) in SPIN_RANGES.items():
            spin = QDoubleSpinBox(self)
            spin.setRange(low, high)
            spin.setSingleStep(step)
            spin.setDecimals(decimals)
            spin.setKeyboardTracking(False)  # typing "12" does not recompute at "1"
            spin.valueChanged.connect(self._on_spin)
            self.spins[name] = spin
            self.labels[name] = QLabel(self)
            form.addRow(self.labels[name], spin)
        self.reset_button = QPushButton(self)
        self.reset_button.clicked.connect(model.reset)
        self.sources_button = QPushButton(self)  # Help → Transit assumptions (the window connects it)
        self.note = plain_label(self)
        form.addRow(self.reset_button)
        form.addRow(self.sources_button)
        form.addRow(self.note)
        model.changed.connect(self._show)
        self._updating = False
        self._show(model.params)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Assumptions"))
        self.labels["rail_km_per_day"].setText(self.tr("Rail, km per day"))
        self.labels["river_knots"].setText(self.tr("River speed, knots"))
        self.labels["sea_knots"].setText(self.tr("Sea speed, knots"))
        self.labels["road_km_per_day"].setText(self.tr("Road, km per day"))
        self.labels["road_km_per_day"].setToolTip(
            self.tr("Trucks on the onward legs from a foreign port or border station into the country")
        )
        self.labels["dwell_days"].setText(self.tr("Days per stop"))
        self.labels["dwell_days"].setToolTip(
            self.tr("Each transshipment, border with customs or gauge change, and the Three Gorges locks")
        )
        self.reset_button.setText(self.tr("Reset to defaults"))
        self.sources_button.setText(self.tr("Defaults and their sources…"))
        self.note.setText(self.tr("Also in Help → Transit assumptions. Estimates, not timetables."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self, params: TransitParams) -> None:
        self._updating = True
        for name, value in params.to_json().items():
            self.spins[name].setValue(value)
        self._updating = False

    def _on_spin(self, _value: float) -> None:
        if not self._updating:
            values = {name: spin.value() for name, spin in self.spins.items()}
            self.model.set_params(TransitParams.from_json(values))


class RouteDock(QDockWidget):
    """Routes: compare the alternatives to the selected country; draw the checked ones on the map."""

    routesChanged = Signal(list)  # the CM.showRoutes argument ([] when nothing is to be drawn)

    def __init__(
        self,
        state: AppState,
        languages: LanguageManager,
        parent: QWidget | None = None,
        *,
        params: TransitParamsModel | None = None,
        corridor: Corridor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RouteDock")
        self.state = state
        self.languages = languages
        self.params = params if params is not None else TransitParamsModel(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.chooser = QComboBox(body)
        self.chooser.currentIndexChanged.connect(self._on_choose)
        self.comparison = RouteComparison(languages, self.params, body, corridor=corridor)
        self.comparison.routesChanged.connect(self._on_routes)
        self.editor = ParamsEditor(self.params, body)
        layout.addWidget(self.chooser)
        layout.addWidget(self.comparison, 1)
        layout.addWidget(self.editor)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self._codes: list[str] = []
        self._last_sent: list[dict[str, Any]] | None = None
        self.follow_when_shown = WhenOnScreen(self, self._follow_selection)
        subscribe(self, state.selection_changed, self.follow_when_shown)
        languages.languageChanged.connect(self.retranslate)
        self.visibilityChanged.connect(lambda visible: self._send(self.comparison.payload(), visible))
        self.retranslate()
        self._follow_selection()

    def retranslate(self, *_: object) -> None:
        self.setWindowTitle(self.tr("Routes"))
        self._fill_chooser()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def shown_routes(self) -> list[dict[str, Any]]:
        """What should be drawn now (for a page that has just (re)loaded): [] while the panel is hidden
        or behind another panel's tab."""
        return self.comparison.payload() if on_screen(self) else []

    def _follow_selection(self) -> None:
        self._codes = sorted(self.state.selection)
        self._fill_chooser()

    def _fill_chooser(self) -> None:
        current = self.comparison.iso3
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for code in self._codes:
            self.chooser.addItem(f"{display_name(code, self.languages.language)} ({code})", code)
        keep = self._codes.index(current) if current in self._codes else 0
        self.chooser.setCurrentIndex(keep if self._codes else -1)
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(self._codes) > 1)
        self._on_choose()

    def _on_choose(self, *_: Any) -> None:
        code = self.chooser.currentData()
        code = code if isinstance(code, str) else None
        if code != self.comparison.iso3:
            self.comparison.set_country(code)

    def _on_routes(self, payload: list[dict[str, Any]]) -> None:
        self._send(payload)

    def _send(self, payload: list[dict[str, Any]], shown: bool | None = None) -> None:
        wanted = payload if (on_screen(self) if shown is None else shown) else []
        if wanted != self._last_sent:
            self._last_sent = wanted
            self.routesChanged.emit(wanted)
