"""The page's visible labels, translated on the Qt side and sent to the page as data."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def page_strings() -> dict[str, str]:
    """Legend, layer-control and attribution labels in the current language."""
    return {
        "legend_title": QCoreApplication.translate("MapPage", "Legend"),
        "legend_land": QCoreApplication.translate("MapPage", "Countries and territories"),
        "legend_water": QCoreApplication.translate("MapPage", "Sea and lakes"),
        "legend_coast": QCoreApplication.translate("MapPage", "Coastline"),
        "legend_internal": QCoreApplication.translate("MapPage", "Internal boundary"),
        "layer_countries": QCoreApplication.translate("MapPage", "Countries"),
        "layer_lakes": QCoreApplication.translate("MapPage", "Lakes"),
        "layer_coastline": QCoreApplication.translate("MapPage", "Coastline"),
        "layer_graticule": QCoreApplication.translate("MapPage", "Graticule"),
        "attribution": QCoreApplication.translate("MapPage", "Made with Natural Earth"),
        "legend_units": QCoreApplication.translate("MapPage", "Units sold"),
        "legend_no_data": QCoreApplication.translate("MapPage", "No sales in the data"),
    }
