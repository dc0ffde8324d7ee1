"""Qt-free core: geodata, the corridor network, dealers and sales, countries, aggregation."""
