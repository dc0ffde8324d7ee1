"""The page's visible labels, translated on the Qt side and sent to the page as data."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from corridor_map.ui.export.composer import map_credits

# The layers a map page draws (its attribution names the sources of them all).
PAGE_LAYERS = ("countries", "lakes", "coastline", "tendash", "sea", "road", "river", "rail", "ports", "flows")


def page_strings() -> dict[str, str]:
    """Legend, layer-control and attribution labels in the current language."""
    return {
        "legend_title": QCoreApplication.translate("MapPage", "Legend"),
        "legend_internal": QCoreApplication.translate("MapPage", "Internal boundary"),
        "legend_tendash": QCoreApplication.translate("MapPage", "South China Sea dashed line"),
        "layer_countries": QCoreApplication.translate("MapPage", "Countries"),
        "layer_lakes": QCoreApplication.translate("MapPage", "Lakes"),
        "layer_coastline": QCoreApplication.translate("MapPage", "Coastline"),
        "layer_graticule": QCoreApplication.translate("MapPage", "Graticule"),
        # every source the page's layers are drawn from, per point of view (core.credits)
        "attribution": "; ".join(map_credits(PAGE_LAYERS, "china", short=True)),
        "attribution_ne": "; ".join(map_credits(PAGE_LAYERS, "ne", short=True)),
        "legend_units": QCoreApplication.translate("MapPage", "Units sold"),
        "legend_no_data": QCoreApplication.translate("MapPage", "No sales in the data"),
        "legend_rail": QCoreApplication.translate("MapPage", "Rail"),
        "legend_river": QCoreApplication.translate("MapPage", "River (Yangtze)"),
        "legend_sea": QCoreApplication.translate("MapPage", "Sea lane"),
        "legend_road_short": QCoreApplication.translate("MapPage", "Road (onward)"),
        "legend_port": QCoreApplication.translate("MapPage", "Port or hub"),
        "legend_hide": QCoreApplication.translate("MapPage", "Hide the legend"),
        "legend_show": QCoreApplication.translate("MapPage", "Show the legend"),
        "legend_route_to": QCoreApplication.translate("MapPage", "Route to {place}"),
        "legend_routes_selected": QCoreApplication.translate("MapPage", "Routes to the selected countries"),
        "legend_compared_to": QCoreApplication.translate("MapPage", "Compared routes to {place}"),
        "legend_compared": QCoreApplication.translate("MapPage", "Highlighted routes"),
        "layer_rail": QCoreApplication.translate("MapPage", "Rail legs"),
        "layer_river": QCoreApplication.translate("MapPage", "River legs"),
        "layer_road": QCoreApplication.translate("MapPage", "Road legs"),
        "layer_sea": QCoreApplication.translate("MapPage", "Sea lanes"),
        "layer_ports": QCoreApplication.translate("MapPage", "Ports and hubs"),
        "mode_rail": QCoreApplication.translate("MapPage", "Rail"),
        "mode_river": QCoreApplication.translate("MapPage", "River"),
        "mode_road": QCoreApplication.translate("MapPage", "Road"),
        "mode_sea": QCoreApplication.translate("MapPage", "Sea"),
        "kind_sea": QCoreApplication.translate("MapPage", "Sea port"),
        "kind_river": QCoreApplication.translate("MapPage", "River port"),
        "kind_rail": QCoreApplication.translate("MapPage", "Rail hub"),
        "kind_dry": QCoreApplication.translate("MapPage", "Dry port"),
        "unit_km": QCoreApplication.translate("MapPage", "km"),
        "layer_flows": QCoreApplication.translate("MapPage", "Export flows"),
        "layer_dealers": QCoreApplication.translate("MapPage", "Dealers"),
        "legend_flows": QCoreApplication.translate("MapPage", "Exports (width: units)"),
        "legend_dealer": QCoreApplication.translate("MapPage", "Dealer"),
        "legend_dealer_approx_hint": QCoreApplication.translate(
            "MapPage", "Dashed: approximate location (its city)"
        ),
        "legend_cluster_short": QCoreApplication.translate("MapPage", "Group of dealers"),
        "legend_cluster_hint": QCoreApplication.translate("MapPage", "Click a group to zoom in"),
        "flow_units": QCoreApplication.translate("MapPage", "Units via this leg"),
        "flow_to": QCoreApplication.translate("MapPage", "To"),
        "approx": QCoreApplication.translate("MapPage", "approximate location"),
        "city_position": QCoreApplication.translate("MapPage", "city position"),
        "unit_nm": QCoreApplication.translate("MapPage", "nm"),
    }
