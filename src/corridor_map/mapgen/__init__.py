"""Qt-free page generation: the folium/Leaflet page, its vendored assets and its JS API."""
