"""What a port's card says: its modes, the routes from Chongqing to it, the destinations it serves (Qt-free).

A destination is served by a port when its default route from Chongqing passes through the port (the
port is an end of one of the route's legs) and the active data has units for it under the filters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from corridor_map.core.corridor import Corridor, Port
from corridor_map.core.transit import DEFAULT_PARAMS, Alternative, TransitParams, port_alternatives

MODE_ORDER = ("rail", "river", "sea", "road")


@dataclass(frozen=True)
class PortFacts:
    """A port with the legs, routes and destinations of the card."""

    port: Port
    modes: tuple[str, ...]  # of the legs that start or end here, in MODE_ORDER
    routes: tuple[Alternative, ...]  # from Chongqing to this port, default first
    served: tuple[tuple[str, int], ...]  # (ISO3, units) of destinations routed through it, most first


def port_facts(
    corridor: Corridor,
    port_id: str,
    units: Mapping[str, int],
    routes: Mapping[str, list[str]],
    params: TransitParams = DEFAULT_PARAMS,
) -> PortFacts:
    """The card's facts for ``port_id`` (KeyError when it is not a port of the corridor).

    ``units`` are units by destination under the filters; ``routes`` each destination's default legs.
    """
    port = corridor.ports[port_id]
    touching = {leg.id for leg in corridor.legs.values() if port_id in (leg.from_id, leg.to_id)}
    modes = tuple(m for m in MODE_ORDER if any(corridor.legs[i].mode == m for i in touching))
    try:
        alternatives = tuple(port_alternatives(corridor, port_id, params))
    except KeyError:
        alternatives = ()
    served = sorted(
        (
            (iso3, int(n))
            for iso3, n in units.items()
            if n > 0 and touching.intersection(routes.get(iso3, ()))
        ),
        key=lambda item: (-item[1], item[0]),
    )
    return PortFacts(port, modes, alternatives, tuple(served))
