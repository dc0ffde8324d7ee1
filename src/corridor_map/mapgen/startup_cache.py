"""The calls a start pushed to the window's page, kept for the next start's page to make itself.

A start loads the window's page while it imports pandas and reads the dataset (``ui.early_map``); the
page's data can only be computed after that. But what a start pushes once the page is ready (the
active dataset's choropleth, flows and dealers, the default filters, no selection, in the page's
language) is what the last start pushed, unless the dataset or the app changed. So those calls are kept
here, as the JSON the bridge hands a loading page (``ui.page_push.startup_json``), and the next start's
early page makes them during its load, on the render process's core, while the GUI thread still
imports. The presenter computes the calls anyway and pushes them only if they differ
(``ui.presenter.PagePresenter.push_all``): an entry is a guess that is checked before it is relied on;
a missing or wrong one costs only the time it would have saved.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import astuple
from pathlib import Path

from corridor_map import __version__
from corridor_map.core.kept_entries import write_kept
from corridor_map.mapgen.options import PageOptions

log = logging.getLogger(__name__)

KEEP = 6  # entries kept (a page per language, world and point of view; a dataset each)
FOLDER = "startup"


def startup_key(options: PageOptions, dataset_id: str) -> str:
    """The entry's name for a page built with ``options`` showing the dataset ``dataset_id``."""
    text = f"{__version__}/{astuple(options)!r}/{dataset_id}"
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def read_startup(cache_dir: Path, key: str) -> str:
    """The calls kept under ``key`` (JSON text), or "" when there are none or they cannot be read."""
    path = cache_dir / FOLDER / f"{key}.json"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeError) as exc:
        log.warning("ignoring the unreadable start calls %s: %s", path, exc)
        return ""


def write_startup(cache_dir: Path, key: str, startup: str) -> bool:
    """Keep ``startup`` under ``key`` (atomically, only if it differs from what is kept) and drop all
    but the newest ``KEEP`` entries; whether it was written. A cache that cannot be written is logged."""
    if not startup or read_startup(cache_dir, key) == startup:
        return False
    folder = cache_dir / FOLDER
    try:
        write_kept(folder, f"{key}.json", startup, KEEP)
    except OSError as exc:
        log.warning("cannot keep the start calls in %s: %s", folder, exc)
        return False
    return True
