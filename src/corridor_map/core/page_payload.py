"""What a map page shows of a dataset, as plain JSON: labels, routes, dealers, choropleth and flows.

The window's presenter and the export commands build the page's data here, so both draw the same map.
The result is JSON-serialisable (the ``export`` command keeps it in a cache, see ``payload_cache``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from corridor_map.core.aggregate import Filters, allowed_countries, frame_units, units_by
from corridor_map.core.choropleth import Choropleth, classify, classify_with, natural_breaks
from corridor_map.core.dataset import Dataset
from corridor_map.core.dealer_points import pack_dealers
from corridor_map.core.flows import leg_units

Routes = Mapping[str, Sequence[str]]


def units_per_country(dataset: Dataset, filters: Filters) -> dict[str, int]:
    """Units by ISO3 under ``filters``."""
    table = units_by(dataset.sales, ("iso3",), filters)
    return dict(zip(table["iso3"].astype(str), table["units"].astype(int), strict=True))


def choropleth(dataset: Dataset, filters: Filters, units: dict[str, int]) -> Choropleth:
    """``units`` classed by their own natural breaks, or by breaks fixed over every frame of a playback
    (``filters.classes_over``) so that the colours of all its years compare."""
    if filters.classes_over is None:
        return classify(units)
    return classify_with(units, natural_breaks(frame_units(dataset.sales, filters).tolist()))


def data_payload(
    dataset: Dataset, filters: Filters, routes: Routes, units: dict[str, int] | None = None
) -> dict[str, Any]:
    """What changes with the filters: units, their classes, units per corridor leg, dealer filters.
    ``units``: ``units_per_country(dataset, filters)`` when the caller has it already (the window's
    per-filter aggregates, shared with its panels)."""
    units = units_per_country(dataset, filters) if units is None else units
    area = allowed_countries(filters)
    return {
        "units": units,
        "choropleth": choropleth(dataset, filters, units).to_page(),
        "legs": leg_units(units, routes),
        "brands": sorted(filters.brands) if filters.brands else None,
        "area": sorted(area) if area is not None else None,
    }


def page_payload(dataset: Dataset, filters: Filters, routes: Routes) -> dict[str, Any]:
    """Everything a freshly loaded page needs about ``dataset`` (the language and selection aside)."""
    return {
        "labels": {"en": dataset.label_en, "zh": dataset.label_zh},
        "routes": {iso3: list(legs) for iso3, legs in routes.items()},
        "dealers": pack_dealers(dataset.dealers),
        "data": data_payload(dataset, filters, routes),
    }
