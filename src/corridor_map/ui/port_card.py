"""A port's card on the map: what a search result or a click on a port shows (no country is selected).

The facts come from ``core.port_facts``; this module words them in the interface's language and sends them
to the page as data (``CM.showPortCard``: the page writes every text with ``textContent``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from corridor_map.core.countries import display_name
from corridor_map.core.port_facts import PortFacts

MAX_SERVED = 8


def _num(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def card_payload(facts: PortFacts, lang: str) -> dict[str, Any]:
    """The card's texts: title, other-language name, kind and modes, routes from Chongqing, destinations."""
    port = facts.port
    zh = lang.startswith("zh")
    kinds = {
        "sea": QCoreApplication.translate("PortCard", "Sea port"),
        "river": QCoreApplication.translate("PortCard", "River port"),
        "rail": QCoreApplication.translate("PortCard", "Rail hub"),
        "dry": QCoreApplication.translate("PortCard", "Dry port"),
        "city": QCoreApplication.translate("PortCard", "Arrival city"),
    }
    modes = {
        "rail": QCoreApplication.translate("PortCard", "rail"),
        "river": QCoreApplication.translate("PortCard", "river"),
        "sea": QCoreApplication.translate("PortCard", "sea"),
        "road": QCoreApplication.translate("PortCard", "road"),
    }
    facts_line = kinds.get(port.kind, port.kind)
    if facts.modes:
        facts_line += " · " + QCoreApplication.translate("PortCard", "legs by {modes}").format(
            modes=", ".join(modes[m] for m in facts.modes)
        )
    code = port.locode or port.id
    routes = [
        {
            "text": alt.label(lang),
            "detail": QCoreApplication.translate("PortCard", "{km} km, about {days} days").format(
                km=_num(alt.total_km), days=_num(alt.total_days, 1)
            )
            + ("  " + QCoreApplication.translate("PortCard", "(default)") if alt.is_default else ""),
        }
        for alt in facts.routes[:4]
    ]
    served = [
        {
            "text": display_name(iso3, lang),
            "detail": QCoreApplication.translate("PortCard", "{units} units").format(units=_num(units)),
        }
        for iso3, units in facts.served[:MAX_SERVED]
    ]
    more = len(facts.served) - len(served)
    return {
        "id": port.id,
        "lat": port.lat,
        "lon": port.lon,
        "title": port.name(lang),
        "subtitle": (port.name_en if zh else port.name_zh) + (f" · {code}" if code else ""),
        "facts": facts_line,
        "routes_heading": QCoreApplication.translate("PortCard", "From Chongqing (estimates)"),
        "routes": routes,
        "no_routes": QCoreApplication.translate("PortCard", "No route of the corridor ends here."),
        "served_heading": QCoreApplication.translate(
            "PortCard", "Destinations in the data routed through it"
        ),
        "served": served,
        "more": QCoreApplication.translate("PortCard", "and {n} more").format(n=more) if more > 0 else "",
        "no_served": QCoreApplication.translate("PortCard", "None in the data under the filters."),
        "close": QCoreApplication.translate("PortCard", "Close (Esc)"),
    }
