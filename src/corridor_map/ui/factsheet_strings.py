"""The fact sheet's texts in English and Chinese at once (a bilingual sheet needs both, whatever the
app's language): the English source texts, and their Chinese from the app's catalogue loaded on its own."""

from __future__ import annotations

import functools

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator

from corridor_map.ui.i18n import CATALOGUE, catalogue_dir

CONTEXT = "FactSheet"

# key -> English source text (marked for lupdate; mapgen.factsheet_html.DEFAULT_STRINGS has the same keys)
_MARKED: dict[str, object] = {
    "title": QT_TRANSLATE_NOOP("FactSheet", "Country fact sheet"),
    "key_units": QT_TRANSLATE_NOOP("FactSheet", "Units sold"),
    "key_nev": QT_TRANSLATE_NOOP("FactSheet", "NEV share"),
    "key_dealers": QT_TRANSLATE_NOOP("FactSheet", "Dealers"),
    "key_days": QT_TRANSLATE_NOOP("FactSheet", "Days from Chongqing"),
    "key_days_note": QT_TRANSLATE_NOOP("FactSheet", "default route, estimated"),
    "years_title": QT_TRANSLATE_NOOP("FactSheet", "Units by year"),
    "legend_nev": QT_TRANSLATE_NOOP("FactSheet", "NEV"),
    "legend_other": QT_TRANSLATE_NOOP("FactSheet", "Other powertrains"),
    "nev_share_line": QT_TRANSLATE_NOOP("FactSheet", "NEV share over all years: {share}"),
    "brands_title": QT_TRANSLATE_NOOP("FactSheet", "Units by brand"),
    "brand": QT_TRANSLATE_NOOP("FactSheet", "Brand"),
    "units": QT_TRANSLATE_NOOP("FactSheet", "Units"),
    "nev_units": QT_TRANSLATE_NOOP("FactSheet", "NEV"),
    "share": QT_TRANSLATE_NOOP("FactSheet", "Share"),
    "total": QT_TRANSLATE_NOOP("FactSheet", "Total"),
    "dealers_title": QT_TRANSLATE_NOOP("FactSheet", "Dealers"),
    "dealer": QT_TRANSLATE_NOOP("FactSheet", "Dealer"),
    "city": QT_TRANSLATE_NOOP("FactSheet", "City"),
    "type": QT_TRANSLATE_NOOP("FactSheet", "Type"),
    "kind_sales": QT_TRANSLATE_NOOP("FactSheet", "Sales"),
    "kind_service": QT_TRANSLATE_NOOP("FactSheet", "Service"),
    "kind_both": QT_TRANSLATE_NOOP("FactSheet", "Sales and service"),
    "kind_other": QT_TRANSLATE_NOOP("FactSheet", "Other"),
    "routes_title": QT_TRANSLATE_NOOP("FactSheet", "Routes from Chongqing"),
    "route": QT_TRANSLATE_NOOP("FactSheet", "Route"),
    "distance": QT_TRANSLATE_NOOP("FactSheet", "Distance (km)"),
    "days": QT_TRANSLATE_NOOP("FactSheet", "Days"),
    "default_route": QT_TRANSLATE_NOOP("FactSheet", "Default"),
    "figures_title": QT_TRANSLATE_NOOP("FactSheet", "Published figures"),
    "source": QT_TRANSLATE_NOOP("FactSheet", "Source: {source}"),
    "published_in": QT_TRANSLATE_NOOP("FactSheet", "Published in: {publication}"),
    "no_sales": QT_TRANSLATE_NOOP("FactSheet", "No sales in the data for {country}"),
    "no_dealers": QT_TRANSLATE_NOOP("FactSheet", "No dealers in the data for {country}"),
    "no_routes": QT_TRANSLATE_NOOP("FactSheet", "No route from Chongqing to {country} in the corridor data"),
    "no_figures": QT_TRANSLATE_NOOP("FactSheet", "No published figures apply"),
    "data": QT_TRANSLATE_NOOP("FactSheet", "Data: {label}"),
    "made_on": QT_TRANSLATE_NOOP("FactSheet", "Made on {date}"),
    "not_available": QT_TRANSLATE_NOOP("FactSheet", "n/a"),
}
SOURCE_TEXTS: dict[str, str] = {key: str(text) for key, text in _MARKED.items()}


@functools.cache
def _zh_translator() -> QTranslator | None:
    """The Chinese catalogue, loaded once and not installed (the app's language stays as it is)."""
    translator = QTranslator()
    return translator if translator.load(f"{CATALOGUE}_zh_CN", str(catalogue_dir())) else None


def fact_sheet_strings() -> dict[str, dict[str, str]]:
    """``{"en": {key: text}, "zh": {key: text}}``; a text without a Chinese translation stays English."""
    zh = _zh_translator()

    def chinese(source: str) -> str:
        return (zh.translate(CONTEXT, source) if zh is not None else "") or source

    return {"en": dict(SOURCE_TEXTS), "zh": {key: chinese(text) for key, text in SOURCE_TEXTS.items()}}
