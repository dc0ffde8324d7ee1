"""The map's page loading while the rest of the app starts.

The window's page is the same for any data (the data reaches it once it is ready, ``ui.presenter``),
and a page built before (the installer's, or an earlier run's) is a file on disk. So the GUI's start
asks Chromium for it right after the Qt application exists, and imports pandas, reads the dataset and
builds the window while Chromium's render process parses and runs the page on the other core; the two
used to follow each other. The view is handed to the window (``MainWindow(map_view=…)``), which lets
its ``pageReady`` through when it starts the map (``MapView.release_ready``). Until then it is shown off
screen at the map's last size, so the page also draws, and it makes the last start's calls (the data as
the last start pushed it, ``mapgen.startup_cache``), which the presenter checks before it relies on them.

Chromium's side of a load runs on the GUI thread here (QtWebEngine's browser lives in the app's process,
and the request tripwire is Python): the page's scripts are only fetched, and its channel only connects,
while the GUI thread takes events. So while the start imports its modules, the GUI thread takes the
events waiting every ``BREAK_EVERY_S`` (``event_breaks``): at the start of an import, where no module
code runs. Measured (``corridor-map --smoke-test``, docs/benchmarks.md): without the breaks the page
waited for the imports; with them it is ready before the window is built.
"""

from __future__ import annotations

import importlib.abc
import logging
import sys
import time
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt

from corridor_map.core.active_pointer import SAMPLE_ID
from corridor_map.core.errors import CorridorMapError
from corridor_map.mapgen.cache import cached_page
from corridor_map.mapgen.options import PageOptions
from corridor_map.mapgen.sources import page_sources
from corridor_map.mapgen.startup_cache import read_startup, startup_key
from corridor_map.paths import user_cache_dir
from corridor_map.ui.web import MapView, shared_tripwire

log = logging.getLogger(__name__)

BREAK_EVERY_S = 0.01  # (4-30 ms measured alike; the imports take ~0.4 s)


def start_map_early(
    allowed_roots: list[Path],
    options: PageOptions,
    size: tuple[int, int] | None = None,
    dataset_id: str = SAMPLE_ID,
) -> MapView | None:
    """A map view already loading the page built before for ``options``, its ``pageReady`` held back;
    None when there is no such page yet: the window then builds it, as before. ``size``: the map's size
    when the window last closed. The view is shown off screen at that size (a hidden view's page has no
    size and draws nothing), so the page is laid out and drawn while the start imports; a view already
    at its size in the window reaches the page with that size only (the window's first view waits for
    the page to have the size shown). The page makes the calls the last start pushed for the dataset
    ``dataset_id`` as it loads, if they were kept (``mapgen.startup_cache``)."""
    try:
        page = cached_page(page_sources(), options, user_cache_dir())
    except CorridorMapError as exc:  # (the window's own start reports it, by file)
        log.info("map page not loaded early: %s", exc)
        return None
    if page is None:
        return None
    view = MapView(shared_tripwire(allowed_roots))
    view.setObjectName("MapView")
    if size is not None:
        view.resize(*size)
    # shown, but not on screen (as the export's view): a hidden view's page has no size and draws nothing
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.show()
    view.early_options = options
    view.set_startup(read_startup(user_cache_dir(), startup_key(options, dataset_id)))
    view.hold_ready()
    view.load_page(page)
    return view


class _EventBreaks(importlib.abc.MetaPathFinder):
    """A finder that finds nothing: asked first at every import, it lets the GUI thread take the
    events waiting when ``every`` seconds passed since it last did."""

    def __init__(self, every: float) -> None:
        self.every = every
        self.last = time.perf_counter()
        self.breaks = 0

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> None:
        if time.perf_counter() - self.last >= self.every:
            self.breaks += 1
            QCoreApplication.processEvents()
            self.last = time.perf_counter()


@contextmanager
def event_breaks(every: float = BREAK_EVERY_S) -> Iterator[None]:
    """While the block imports modules, the GUI thread takes its events every ``every`` seconds."""
    breaks = _EventBreaks(every)
    sys.meta_path.insert(0, breaks)
    try:
        yield
    finally:
        sys.meta_path.remove(breaks)
        log.debug("%d event breaks during the start's imports", breaks.breaks)
