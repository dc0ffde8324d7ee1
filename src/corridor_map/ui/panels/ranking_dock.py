"""The destinations ranking: every country with sales or dealers under the filters, ranked by units."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from corridor_map.core.countries import display_name
from corridor_map.state import AppState
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.panels.dataframe_model import Column, format_int
from corridor_map.ui.panels.sales_cube import cube_for
from corridor_map.ui.panels.table_dock import TableDock


def _percent(value: Any) -> Any:
    """NEV share 0…1 as a percentage rounded to 0.1 (blank when no powertrain is known)."""
    return "" if value is None or math.isnan(value) else round(float(value) * 100, 1)


def _show_percent(value: Any) -> str:
    shown = _percent(value)
    return "–" if shown == "" else f"{shown:.1f}"


COLUMNS = (
    Column("rank", numeric=True, display=format_int),
    Column("country"),
    Column("iso3"),
    Column("units", numeric=True, display=format_int),
    Column("nev_share", numeric=True, display=_show_percent, export=_percent),
    Column("dealers", numeric=True, display=format_int),
)


def ranking_frame(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rank (1 = most units; equal units share a rank), country name, ISO3, units, NEV share, dealers."""
    out = summary.copy()
    out["rank"] = out["units"].rank(method="min", ascending=False).astype(np.int64)
    out["country"] = [display_name(code, lang) for code in out["iso3"]]
    return out[["rank", "country", "iso3", "units", "nev_share", "dealers"]]


class RankingDock(TableDock):
    """Destinations ranked by units under the filters; rows select countries and follow the selection."""

    def __init__(self, state: AppState, languages: LanguageManager, parent: QWidget | None = None) -> None:
        super().__init__(state, languages, COLUMNS, "RankingDock", parent=parent)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.retranslate()

    def retranslate_texts(self) -> None:
        self.setWindowTitle(self.tr("Destinations ranking"))

    def column_titles(self) -> list[str]:
        return [
            self.tr("Rank"),
            self.tr("Country"),
            self.tr("ISO3"),
            self.tr("Units"),
            self.tr("NEV share (%)"),
            self.tr("Dealers"),
        ]

    def build_fields(self) -> dict[str, list[Any]]:
        frame = ranking_frame(cube_for(self.state.dataset, self.state.filters).summary(), self.lang)
        return {str(name): frame[name].tolist() for name in frame.columns}
