"""Run an import's reading, checking and saving in a worker thread, safely for PySide6.

Python imports must not run in a worker thread (shiboken's import hook is not thread-safe), so
:func:`preload` imports, in the GUI thread, every module the core imports lazily while reading CSV/XLSX,
validating and writing the dataset. The worker never touches Qt: it reports progress into a
:class:`Progress` object that the GUI thread polls, and the GUI learns the result through
:func:`corridor_map.ui.futures.when_done`.
"""

from __future__ import annotations

import codecs
import functools
import importlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from corridor_map.core.encodings import CANDIDATES

log = logging.getLogger(__name__)

T = TypeVar("T")

# Modules the core imports inside functions (found by recording imports in the worker thread while
# importing every file in tests/data, see tests/ui/test_data_import.py).
LAZY_MODULES = (
    "openpyxl",
    "pyarrow",
    "pyarrow.compute",
    "pyarrow.csv",
    "pyarrow.pandas_compat",
    "pandas.core.arrays.arrow.extension_types",
    "pycountry",
    "python_calamine",
    "charset_normalizer",
)
# Codecs the CSV reader may decode with; codec lookup imports ``encodings.<name>`` on first use.
CODECS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "gb18030",
    "gbk",
    "ascii",
    "latin-1",
    "cp437",
    "gb2312",  # the encoding guess's test of everyday characters
    *CANDIDATES,  # the code pages a CSV that is not UTF-8 may be in
)
# cp437: zipfile decodes member names of an XLSX with it.


@functools.cache
def preload() -> None:
    """Import, in the calling (GUI) thread, everything an import may import lazily; cheap after once."""
    for name in LAZY_MODULES:
        try:
            importlib.import_module(name)
        except ImportError as exc:  # an optional fast path (pyarrow) may be missing
            log.info("preload: %s not available (%s)", name, exc)
    for name in CODECS:
        codecs.lookup(name)
    from corridor_map.core.countries import default_index
    from corridor_map.core.places import default_places

    default_index()
    default_places()


class ImportCancelledError(Exception):
    """Raised inside the worker's progress callback when the user cancelled."""


class Progress:
    """A fraction and a stage written by the worker and read by the GUI thread; also the cancel flag."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fraction = 0.0
        self._stage = ""
        self._cancel = threading.Event()

    def __call__(self, fraction: float, stage: str) -> None:
        """The core's ``progress(fraction, stage)`` callback; raises once cancelled."""
        with self._lock:
            self._fraction = max(0.0, min(1.0, float(fraction)))
            self._stage = stage
        if self._cancel.is_set():
            raise ImportCancelledError()

    def read(self) -> tuple[float, str]:
        """The latest (fraction, stage)."""
        with self._lock:
            return self._fraction, self._stage

    def cancel(self) -> None:
        """Ask the worker to stop at its next progress report."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()


class Worker:
    """One background thread for imports (one job at a time is all the GUI needs)."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, job: Callable[[], T]) -> Future[T]:
        """Run ``job`` in the worker thread after :func:`preload` has run in this (GUI) thread."""
        preload()
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="corridor-import")
        return self._pool.submit(job)

    def shutdown(self) -> None:
        """Stop the thread (waits for a running job)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
