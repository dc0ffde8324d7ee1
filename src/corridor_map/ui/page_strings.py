"""The page's visible labels, translated on the Qt side and sent to the page as data."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("MapPage", text)


def page_strings() -> dict[str, str]:
    """Legend, layer-control and attribution labels in the current language."""
    return {
        "legend_title": _t("Legend"),
        "legend_land": _t("Countries and territories"),
        "legend_water": _t("Sea and lakes"),
        "legend_coast": _t("Coastline"),
        "legend_internal": _t("Internal boundary"),
        "layer_countries": _t("Countries"),
        "layer_lakes": _t("Lakes"),
        "layer_coastline": _t("Coastline"),
        "layer_graticule": _t("Graticule"),
        "attribution": _t("Made with Natural Earth"),
    }
