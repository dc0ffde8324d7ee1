"""The published figures the panels show: ``corridor_map.core.published`` (Qt-free), re-exported here."""

from __future__ import annotations

from corridor_map.core.published import (
    PublishedFigure,
    applicable_figures,
    bundled_figures,
    figures_path,
    load_published_figures,
)

__all__ = [
    "PublishedFigure",
    "applicable_figures",
    "bundled_figures",
    "figures_path",
    "load_published_figures",
]
