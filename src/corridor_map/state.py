"""The one shared state of the app: the active dataset, the selection and the filters (Qt-free, observable).

The map and every panel subscribe to ``AppState`` and change it only through its methods; a panel
never talks to another panel. Setting a value equal to the current one emits nothing, so a view that
writes back what it was just told causes no echo.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TypeVar

from corridor_map.core.aggregate import NO_FILTERS, Filters
from corridor_map.core.dataset import Dataset
from corridor_map.events import Event

log = logging.getLogger(__name__)

T = TypeVar("T")
ISO3 = re.compile(r"[A-Z]{3}")


def valid_codes(codes: Iterable[str]) -> frozenset[str]:
    """The ISO3 codes among ``codes`` (upper-case, three letters); anything else is dropped and logged."""
    good = set()
    for code in codes:
        if isinstance(code, str) and ISO3.fullmatch(code):
            good.add(code)
        else:
            log.warning("ignored an invalid country code: %r", code)
    return frozenset(good)


class AppState:
    """The active dataset, the selection (a frozenset of ISO3 codes) and the filters, with change events."""

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._selection: frozenset[str] = frozenset()
        self._filters: Filters = NO_FILTERS
        self.dataset_changed: Event[Dataset] = Event()
        self.selection_changed: Event[frozenset[str]] = Event()
        self.filters_changed: Event[Filters] = Event()
        self._focused_dealer: int | None = None
        self.dealer_focused: Event[int | None] = Event()

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    def set_dataset(self, dataset: Dataset) -> None:
        """Make ``dataset`` the active one (after a successful import, or a revert to the sample).

        The filters are reset: brands and years of the previous data may not exist in the new one.
        """
        if dataset is not self._dataset:
            self._dataset = dataset
            self._focused_dealer = None
            filtered = self._filters != NO_FILTERS
            self._filters = NO_FILTERS
            self.dataset_changed.emit(dataset)
            if filtered:
                self.filters_changed.emit(NO_FILTERS)

    @property
    def selection(self) -> frozenset[str]:
        return self._selection

    @property
    def filters(self) -> Filters:
        return self._filters

    def select(self, codes: Iterable[str]) -> None:
        """Make ``codes`` the selection (replacing it)."""
        new = valid_codes(codes)
        if new != self._selection:
            self._selection = new
            log.info("selection: %s", " ".join(sorted(new)) or "(none)")
            self.selection_changed.emit(new)
            focused = self._focused_dealer
            if focused is not None and str(self._dataset.dealers.at[focused, "iso3"]) not in new:
                self.focus_dealer(None)  # the picked dealer's country is no longer selected

    def toggle(self, code: str, additive: bool) -> None:
        """A click: with ``additive`` (Ctrl/Shift) add or remove ``code``; otherwise select only it."""
        if not valid_codes([code]):
            return
        if additive:
            self.select(self._selection ^ {code})
        else:
            self.select({code})

    def clear_selection(self) -> None:
        self.select(())

    @property
    def focused_dealer(self) -> int | None:
        """The row (index label in ``dataset.dealers``) of the dealer last picked on the map, if any."""
        return self._focused_dealer

    def focus_dealer(self, row: int | None, additive: bool = False) -> None:
        """A dealer picked (on the map, in a table, by search): select its country and remember the dealer
        for the map and the panels; ``None`` forgets it."""
        if row is not None:
            iso3 = str(self._dataset.dealers.at[row, "iso3"])
            if additive:
                self.select(self._selection | {iso3})
            else:
                self.select({iso3})
        if row != self._focused_dealer:
            self._focused_dealer = row
            self.dealer_focused.emit(row)

    def set_filters(self, filters: Filters) -> None:
        if filters != self._filters:
            self._filters = filters
            self.filters_changed.emit(filters)

    def update_filters(self, **changes: Any) -> None:
        """Change some filter dimensions (``brands=…``, ``years=…``, ``powertrains=…``, ``regions=…``).

        Years set without ``classes_over`` end classes fixed by a time playback (the years are no
        longer the playback's)."""
        if "years" in changes and "classes_over" not in changes:
            changes = {**changes, "classes_over": None, "cumulative_classes": False}
        self.set_filters(replace(self._filters, **changes))

    def show_all(self) -> None:
        """The one-click reset: no selection, no filters."""
        self.clear_selection()
        self.set_filters(NO_FILTERS)
