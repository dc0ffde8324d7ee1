"""One table of credits (``core.credits``): every dataset whose licence asks for credit is in it, the map's
attribution and the exports take theirs from it, and ``data/geo/SOURCES.md`` carries the same table."""

from __future__ import annotations

import re

from corridor_map.core.credits import DATA_CREDITS, credits_markdown, map_attributions
from corridor_map.paths import geo_dir

# Datasets whose licence or terms ask for credit, and how the app must name them.
LICENCE_BOUND = {
    "Natural Earth": "Natural Earth",
    "world-geo-json-zh": "world-geo-json-zh",
    "UN/LOCODE": "UN/LOCODE",
    "NGA World Port Index": "National Geospatial-Intelligence Agency World Port Index",
    "GeoNames": "GeoNames (geonames.org), CC BY 4.0",
    "OpenStreetMap": "© OpenStreetMap contributors",
    "Eurostat MARNET": "Eurostat SeaRoute (MARNET)",
}


def test_every_licence_bound_dataset_is_credited_with_its_attribution() -> None:
    for name, attribution in LICENCE_BOUND.items():
        credit = next((c for c in DATA_CREDITS if name in c.name), None)
        assert credit is not None, name
        assert attribution in credit.attribution, name


def test_the_sources_file_carries_the_same_table() -> None:
    text = (geo_dir() / "SOURCES.md").read_text(encoding="utf-8")
    section = re.search(r"<!-- credits:begin -->\n(.*?)<!-- credits:end -->", text, re.S)
    assert section is not None
    assert section.group(1) == credits_markdown()


def test_every_source_package_whose_licence_asks_for_credit_is_in_the_table() -> None:
    text = (geo_dir() / "SOURCES.md").read_text(encoding="utf-8")
    packages = text[text.index("## Source packages") :].split("\n## ")[0]
    for line in packages.splitlines():
        if re.search(r"CC BY|ODbL|UN/LOCODE|Natural Earth|Unlicense", line):
            assert any(
                key in line and any(key in c.name or key in c.attribution for c in DATA_CREDITS)
                for key in ("GeoNames", "OpenStreetMap", "UN/LOCODE", "Natural Earth", "world-geo-json-zh")
            ), line


def test_a_map_credits_the_sources_of_what_it_shows_in_its_view() -> None:
    everything = ["countries", "lakes", "coastline", "tendash", "sea", "river", "rail", "ports", "flows"]
    china = map_attributions(everything, "china")
    assert len(china) == len({c.attribution for c in DATA_CREDITS if c.attribution})
    assert any("world-geo-json-zh" in a for a in china)
    ne = map_attributions(everything, "ne")
    assert not any("world-geo-json-zh" in a for a in ne)  # Natural Earth's view does not use it
    assert map_attributions(["countries"], "ne") == [DATA_CREDITS[0].attribution]
    ports = map_attributions(["countries", "ports"], "ne")
    assert any("GeoNames" in a for a in ports) and any("World Port Index" in a for a in ports)
    assert any("OpenStreetMap" in a for a in map_attributions(["rail"], "ne"))
    short = map_attributions(everything, "china", short=True)
    assert len(short) == len(china) and sum(map(len, short)) < sum(map(len, china))
