"""Saved map views: a name, the map's extent and visible layers, the selection and the filters (Qt-free).

Stored as one JSON file, ``views.json`` in :func:`corridor_map.paths.user_data_dir`, written atomically::

    {"version": 1, "views": [view, …], "last": view | null}

where a view is ``{"name", "saved_at", "center": [lat, lng] | null, "zoom": n | null, "layers": {key: bool},
"selection": [ISO3…], "filters": {...}}``. ``last`` is the view when the app was closed, restored at the next
start. A file that cannot be read is kept aside as ``views.json.unreadable`` and the store starts empty.
"""

from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corridor_map.core.aggregate import NO_FILTERS, Filters
from corridor_map.core.store import atomic_write_json
from corridor_map.paths import user_data_dir

log = logging.getLogger(__name__)

VIEWS_FILE = "views.json"
VERSION = 1
MAX_NAME = 80
ISO3 = re.compile(r"[A-Z]{3}")
SET_FILTERS = ("brands", "powertrains", "countries", "continents", "regions")


def filters_to_json(filters: Filters) -> dict[str, Any]:
    """Filters as JSON: sets as sorted lists, ``None`` (no restriction) as null."""
    out: dict[str, Any] = {}
    for name in SET_FILTERS:
        value = getattr(filters, name)
        out[name] = sorted(value) if value is not None else None
    out["years"] = list(filters.years) if filters.years is not None else None
    return out


def filters_from_json(data: Any) -> Filters:
    """The inverse of :func:`filters_to_json`; anything malformed counts as no restriction (logged)."""
    if not isinstance(data, dict):
        return NO_FILTERS
    sets: dict[str, frozenset[str] | None] = {}
    for name in SET_FILTERS:
        value = data.get(name)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            sets[name] = frozenset(value)
        else:
            if value is not None:
                log.warning("saved view: ignored malformed filter %s=%r", name, value)
            sets[name] = None
    years = data.get("years")
    span: tuple[int, int] | None = None
    if isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years):
        span = (int(years[0]), int(years[1]))
    elif years is not None:
        log.warning("saved view: ignored malformed years %r", years)
    return Filters(sets["brands"], span, sets["powertrains"], sets["countries"], sets["continents"],
                   sets["regions"])  # fmt: skip


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class SavedView:
    """One named view. ``center``/``zoom`` are None when the page did not say (then the extent is kept)."""

    name: str
    center: tuple[float, float] | None = None
    zoom: float | None = None
    layers: dict[str, bool] = field(default_factory=dict)
    selection: frozenset[str] = frozenset()
    filters: Filters = NO_FILTERS
    saved_at: str = field(default_factory=_now)

    @classmethod
    def capture(cls, name: str, page_view: Any, selection: frozenset[str], filters: Filters) -> SavedView:
        """A view from the page's ``CM.getView()`` answer (a dict or its JSON text) and the app state."""
        if isinstance(page_view, str):
            try:
                page_view = json.loads(page_view)
            except ValueError:
                page_view = {}
        page = page_view if isinstance(page_view, dict) else {}
        return cls.from_json({**page, "name": name, "selection": sorted(selection),
                              "filters": filters_to_json(filters), "saved_at": _now()})  # fmt: skip

    def page_view(self) -> dict[str, Any]:
        """The argument of ``CM.setView``."""
        out: dict[str, Any] = {"layers": dict(self.layers)}
        if self.center is not None and self.zoom is not None:
            out["center"] = [self.center[0], self.center[1]]
            out["zoom"] = self.zoom
        return out

    def renamed(self, name: str) -> SavedView:
        return replace(self, name=name)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "saved_at": self.saved_at,
            "center": list(self.center) if self.center is not None else None,
            "zoom": self.zoom,
            "layers": dict(self.layers),
            "selection": sorted(self.selection),
            "filters": filters_to_json(self.filters),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SavedView:
        """Read a view, dropping what is malformed; ValueError when it has no usable name."""
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError("a saved view needs a name")
        center = data.get("center")
        point: tuple[float, float] | None = None
        if isinstance(center, list) and len(center) == 2 and all(_finite(c) for c in center):
            point = (max(-90.0, min(90.0, float(center[0]))), float(center[1]))
        zoom = data.get("zoom")
        level = float(zoom) if isinstance(zoom, int | float) and _finite(zoom) and 0 <= zoom <= 30 else None
        layers = data.get("layers")
        shown = (
            {k: bool(v) for k, v in layers.items() if isinstance(k, str)} if isinstance(layers, dict) else {}
        )
        codes = data.get("selection")
        codes = codes if isinstance(codes, list) else []
        selection = frozenset(c for c in codes if isinstance(c, str) and ISO3.fullmatch(c))
        saved_at = data.get("saved_at")
        filters = filters_from_json(data.get("filters"))
        stamp = saved_at if isinstance(saved_at, str) else _now()
        return cls(name.strip()[:MAX_NAME], point, level, shown, selection, filters, stamp)


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class ViewStore:
    """The saved views in ``root`` (default: the user data folder). Every change is written at once."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else user_data_dir()
        self.path = self.root / VIEWS_FILE
        self._views: list[SavedView] = []
        self._last: SavedView | None = None
        self._read()

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("views", []), list):
                raise ValueError("not a views file")
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("saved views: cannot read %s (%s); kept aside, starting empty", self.path, exc)
            self.path.replace(self.path.with_name(VIEWS_FILE + ".unreadable"))
            return
        for item in data.get("views", []):
            try:
                view = SavedView.from_json(item) if isinstance(item, dict) else None
            except ValueError as exc:
                log.warning("saved views: skipped an entry: %s", exc)
                continue
            if view is not None and self.get(view.name) is None:
                self._views.append(view)
        last = data.get("last")
        if isinstance(last, dict):
            try:
                self._last = SavedView.from_json(last)
            except ValueError:
                log.warning("saved views: ignored the last view, it has no name")

    def _write(self) -> None:
        atomic_write_json(self.path, {"version": VERSION, "views": [v.to_json() for v in self._views],
                                      "last": self._last.to_json() if self._last else None})  # fmt: skip

    def views(self) -> list[SavedView]:
        """The named views, in the order they were first saved."""
        return list(self._views)

    def names(self) -> list[str]:
        return [v.name for v in self._views]

    def get(self, name: str) -> SavedView | None:
        return next((v for v in self._views if v.name == name), None)

    def save(self, view: SavedView) -> None:
        """Add ``view``, or replace the one with the same name (keeping its place in the list)."""
        for i, old in enumerate(self._views):
            if old.name == view.name:
                self._views[i] = view
                break
        else:
            self._views.append(view)
        self._write()

    def delete(self, name: str) -> bool:
        """Remove the view called ``name``; False when there is none."""
        kept = [v for v in self._views if v.name != name]
        if len(kept) == len(self._views):
            return False
        self._views = kept
        self._write()
        return True

    @property
    def last(self) -> SavedView | None:
        """The view when the app was last closed (restored at start), if any."""
        return self._last

    def set_last(self, view: SavedView) -> None:
        if self._last is None or view.to_json() | {"saved_at": ""} != self._last.to_json() | {"saved_at": ""}:
            self._last = view
            self._write()
