"""The route comparison for one country: alternatives side by side, per-leg distances and days, colours.

Used by the Routes dock (checkable: the checked alternatives are drawn on the map) and embeddable in the
country panel (``checkable=False``: a compact read-only list). The numbers come from ``core.transit``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from corridor_map import APP_NAME, ORG_NAME
from corridor_map.core.corridor import Corridor
from corridor_map.core.transit import (
    DEFAULT_PARAMS,
    Alternative,
    TransitParams,
    colour_for,
    country_alternatives,
    draw_payload,
    preferred,
)
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.dataframe_model import format_int
from corridor_map.ui.panels.plain import plain_label
from corridor_map.ui.panels.wrap_delegate import WrapDelegate

INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
SETTINGS_GROUP = "transit"


class TransitParamsModel(QObject):
    """The transit assumptions shared by every route view, remembered in QSettings."""

    changed = Signal(object)  # TransitParams

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._q = QSettings(ORG_NAME, APP_NAME)
        stored: dict[str, float] = {}
        for name, default in DEFAULT_PARAMS.to_json().items():
            value = self._q.value(f"{SETTINGS_GROUP}/{name}", default)
            try:
                stored[name] = float(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                stored[name] = default
        try:
            self._params = TransitParams.from_json(stored)
        except ValueError:
            self._params = DEFAULT_PARAMS

    @property
    def params(self) -> TransitParams:
        return self._params

    def set_params(self, params: TransitParams) -> None:
        if params != self._params:
            self._params = params
            for name, value in params.to_json().items():
                self._q.setValue(f"{SETTINGS_GROUP}/{name}", value)
            self.changed.emit(params)

    def reset(self) -> None:
        """Back to the documented defaults."""
        self.set_params(DEFAULT_PARAMS)


def _swatch(colour: str, dashed: bool) -> QIcon:
    pixmap = QPixmap(28, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    pen = QPen(QColor(colour), 4)
    pen.setStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.drawLine(2, 6, 26, 6)
    painter.end()
    return QIcon(pixmap)


class RouteComparison(QWidget):
    """Alternatives to one country as a tree: one row per alternative (distance, days), legs and stops below.

    ``routesChanged`` carries the ``CM.showRoutes`` argument for the checked alternatives.
    """

    routesChanged = Signal(list)

    def __init__(
        self,
        languages: LanguageManager,
        params: TransitParamsModel,
        parent: QWidget | None = None,
        *,
        corridor: Corridor | None = None,
        checkable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.languages = languages
        self.params = params
        self.corridor = corridor  # None: "No route data available."
        self.checkable = checkable
        self.iso3: str | None = None
        self.alternatives: list[Alternative] = []
        self._chosen_keys: set[str] | None = None  # route kinds the user checked (kept across countries)
        self._filling = False
        self._kept_country = False  # True while refreshing the same country (keep checks and expansion)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message = plain_label(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(checkable)
        self.tree.setItemDelegate(WrapDelegate(self.tree))  # long names on more lines, never cut
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.summary = plain_label(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tree)
        layout.addWidget(self.summary)
        self.tree.itemChanged.connect(self._on_item_changed)
        params.changed.connect(lambda _p: self.refresh())
        languages.languageChanged.connect(self.retranslate)
        self.retranslate()

    @property
    def lang(self) -> str:
        return self.languages.language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self, *_: object) -> None:
        self.tree.setHeaderLabels([self.tr("Route"), self.tr("Distance"), self.tr("Days")])
        self.refresh()

    def set_country(self, iso3: str | None) -> None:
        """Show the alternatives to ``iso3`` (None: nothing selected)."""
        self.iso3 = iso3
        self._kept_country = False
        self.refresh()
        self._kept_country = True

    def _row(self, i: int) -> QTreeWidgetItem:
        item = self.tree.topLevelItem(i)
        assert item is not None
        return item

    def chosen(self) -> list[int]:
        """Positions of the checked alternatives."""
        if not self.checkable:
            return []
        out = []
        for i in range(self.tree.topLevelItemCount()):
            if self._row(i).checkState(0) == Qt.CheckState.Checked:
                out.append(i)
        return out

    def set_chosen(self, positions: list[int]) -> None:
        """Check exactly these alternatives (and remember their kinds for the next country)."""
        self._filling = True
        for i in range(self.tree.topLevelItemCount()):
            state = Qt.CheckState.Checked if i in positions else Qt.CheckState.Unchecked
            self._row(i).setCheckState(0, state)
        self._filling = False
        self._remember_and_emit()

    def payload(self) -> list[dict[str, Any]]:
        """The ``CM.showRoutes`` argument for what is checked now."""
        return draw_payload(self.alternatives, self.chosen())

    # ---- filling ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.alternatives = []
        data = self.corridor
        if data is None:
            self._show_message(self.tr("No route data available."))
            return
        if self.iso3 is None:
            self._show_message(self.tr("Select a country to compare its routes from Chongqing."))
            return
        try:
            self.alternatives = country_alternatives(data, self.iso3, self.params.params)
        except KeyError:
            self._show_message(self.tr("No route known to this country."))
            return
        self.message.hide()
        self.tree.show()
        self._fill()
        fastest = preferred(data, self.iso3, self.alternatives)
        text = self.tr("Fastest with these assumptions: {route}, {days} days. Estimates, not timetables.")
        self.summary.setText(text.format(route=fastest.label(self.lang), days=f"{fastest.total_days:.1f}"))
        self.summary.show()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.tree.clear()
        self.tree.hide()
        self.summary.hide()
        self.routesChanged.emit([])

    def _default_chosen(self) -> list[int]:
        keys = self._chosen_keys
        if keys is not None:
            found = [i for i, alt in enumerate(self.alternatives) if alt.key in keys]
            if found or not keys:
                return found
        return [0, 1][: len(self.alternatives)]  # the default and the next alternative, side by side

    def spelt_out(self, text: str) -> str:
        """``text`` and, if it says "ILSTC", the name in full on a line of its own (the tooltips)."""
        if "ILSTC" in text:
            return text + "\n" + self.tr("International Land-Sea Trade Corridor (ILSTC)")
        return text

    def _fill(self) -> None:
        self._filling = True
        rows = self.tree.topLevelItemCount()
        expanded = {i for i in range(rows) if self._row(i).isExpanded()}
        keep_checks = self.chosen() if rows == len(self.alternatives) and self._kept_country else None
        self.tree.clear()
        chosen = keep_checks if keep_checks is not None else self._default_chosen()
        modes = {
            "rail": self.tr("Rail"),
            "river": self.tr("River"),
            "sea": self.tr("Sea"),
            "road": self.tr("Road"),
        }
        for i, alt in enumerate(self.alternatives):
            # on two or three lines: the panel is narrow and a tree does not wrap text by itself
            label = alt.label(self.lang).replace(" (", "\n(").replace("（", "\n（").replace(" → ", "\n→ ")
            if alt.is_default:
                label += " " + self.tr("(default)")
            sea = self.tr("{nm} nm at sea").format(nm=format_int(round(alt.sea_nm))) if alt.sea_nm else ""
            distance = f"{format_int(round(alt.total_km))} km"
            item = QTreeWidgetItem([label, distance, f"{alt.total_days:.1f}"])
            item.setData(0, INDEX_ROLE, i)
            item.setToolTip(0, self.spelt_out(label))
            item.setToolTip(1, f"{distance} ({sea})" if sea else distance)
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if self.checkable:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if i in chosen else Qt.CheckState.Unchecked)
            else:
                item.setIcon(0, _swatch(colour_for(i), False))
            self.tree.addTopLevelItem(item)
            if self.checkable:
                self._add_details(item, alt, modes)
                item.setExpanded(i in expanded and keep_checks is not None)
        self._filling = False
        self._remember_and_emit(remember=False)

    def _add_details(self, item: QTreeWidgetItem, alt: Alternative, modes: dict[str, str]) -> None:
        for i, lt in enumerate(alt.legs):
            km = f"{format_int(round(lt.km))} km"
            name = f"{modes.get(lt.leg.mode, lt.leg.mode)}: {lt.leg.name(self.lang)}"
            if lt.nm is not None:
                name += f" ({format_int(round(lt.nm))} nm)"
            child = QTreeWidgetItem([name, km, f"{lt.days:.1f}"])
            child.setToolTip(0, child.text(0))
            item.addChild(child)
            for stop in (s for s in alt.stops if s.after_leg == i):
                row = QTreeWidgetItem([self.tr("Stop: {what}").format(what=stop.text(self.lang)), "",
                                       f"{stop.days:.1f}"])  # fmt: skip
                row.setToolTip(0, row.text(0))
                item.addChild(row)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for k in range(item.childCount()):
            added = item.child(k)
            if added is not None:
                added.setTextAlignment(1, right)
                added.setTextAlignment(2, right)

    # ---- checks -------------------------------------------------------------------------------------
    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if not self._filling and column == 0 and item.parent() is None:
            self._remember_and_emit()

    def _remember_and_emit(self, remember: bool = True) -> None:
        chosen = self.chosen()
        if remember and self.alternatives:
            self._chosen_keys = {self.alternatives[i].key for i in chosen}
        # the page dashes every second drawn route: the swatches say the same
        self._filling = True
        for i in range(self.tree.topLevelItemCount()):
            dashed = i in chosen and chosen.index(i) % 2 == 1
            self._row(i).setIcon(0, _swatch(colour_for(i), dashed))
        self._filling = False
        if self.checkable:
            self.routesChanged.emit(self.payload())
