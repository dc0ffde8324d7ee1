"""The brand filter: one checkbox per brand of the active dataset, with "All" and "None".

Ticked brands map to ``Filters.brands``: every brand ticked is ``None`` (no restriction); none ticked
is :data:`NO_BRAND`, because an empty set means "no restriction" in ``Filters``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from corridor_map.ui.plain_text import plain_tooltip

# A brand no accepted row can have (brand is a required field), so "no brand ticked" shows nothing.
NO_BRAND: frozenset[str] = frozenset({""})


def checkbox_text(name: str) -> str:
    """A user's brand name as a checkbox label: shown as typed (``&`` is not a shortcut marker)."""
    return name.replace("&", "&&")


class BrandChecks(QWidget):
    """Checkboxes for brands; ``brandsEdited(filter)`` fires once per user action, never when shown.

    The filter value is ``None`` (all), :data:`NO_BRAND` (none) or a frozenset of ticked brands.
    """

    brandsEdited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.all_button = QPushButton(self)
        self.none_button = QPushButton(self)
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(2, 2, 2, 2)
        self._list_layout.setSpacing(2)
        self._list_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self._list)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.scroll_area.setMinimumHeight(80)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

    def set_brands(self, names: Sequence[str]) -> None:
        """One checkbox per name, in the given order (replacing the previous ones); silent."""
        for box in self.boxes.values():
            self._list_layout.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for position, name in enumerate(names):
            box = QCheckBox(checkbox_text(name), self._list)
            box.setToolTip(plain_tooltip(name))
            box.setChecked(True)
            box.clicked.connect(self._on_clicked)  # clicked: the user's (not setChecked)
            self._list_layout.insertWidget(position, box)
            self.boxes[name] = box

    def show_filter(self, brands: frozenset[str] | None) -> None:
        """Tick the boxes ``brands`` allows (all when None or empty); silent."""
        for name, box in self.boxes.items():
            box.setChecked(not brands or name in brands)

    def ticked(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def current_filter(self) -> frozenset[str] | None:
        """What the boxes say as a ``Filters.brands`` value."""
        ticked = self.ticked()
        if len(ticked) == len(self.boxes):
            return None
        return frozenset(ticked) if ticked else NO_BRAND

    def _tick_all(self, checked: bool) -> None:
        for box in self.boxes.values():
            box.setChecked(checked)
        self.brandsEdited.emit(self.current_filter())

    def _on_clicked(self) -> None:
        self.brandsEdited.emit(self.current_filter())
