"""Hardening tests: hypothesis profiles, and the real window with page-side and Python-side tripwires.

Hypothesis runs the ``ci`` profile (derandomised: the same examples every run, a few seconds per
property). ``CORRIDOR_MAP_FUZZ=deep`` runs 20 times more random examples, for a long local session.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=5000,  # ms per example: a hang or a quadratic blow-up fails, a slow CI machine does not
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "deep",
    max_examples=1200,
    deadline=10000,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("deep" if os.environ.get("CORRIDOR_MAP_FUZZ") == "deep" else "ci")


@dataclass
class ProblemLog:
    """Everything that went wrong in Python while a GUI test ran: exceptions and ERROR log records.

    (Qt's own warnings are captured per test by pytest-qt's ``qtlog``, which owns the message handler.)
    """

    exceptions: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return self.exceptions + self.records

    def clear(self) -> None:
        self.exceptions.clear()
        self.records.clear()


class _ErrorHandler(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.ERROR)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(f"{record.name}: {record.getMessage()}")


@pytest.fixture(scope="module")
def problems() -> Iterator[ProblemLog]:
    """Collect uncaught exceptions (GUI thread, threads) and ERROR log records."""
    log = ProblemLog()
    handler = _ErrorHandler(log.records)
    logging.getLogger().addHandler(handler)
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        log.exceptions.append(f"{kind.__name__}: {value}")
        old_hook(kind, value, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        log.exceptions.append(f"thread {args.thread}: {args.exc_type.__name__}: {args.exc_value}")
        old_thread_hook(args)

    sys.excepthook, threading.excepthook = hook, thread_hook
    yield log
    sys.excepthook, threading.excepthook = old_hook, old_thread_hook
    logging.getLogger().removeHandler(handler)


@pytest.fixture(scope="module")
def hwindow(qapp: Any, session_qtbot: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The real main window, live page, over a dataset store of its own (imports change nothing else)."""
    from corridor_map.paths import USER_DATA_ENV
    from tests.ui.conftest import close_window, open_window

    store_root: Path = tmp_path_factory.mktemp("store")
    previous = os.environ.get(USER_DATA_ENV)
    os.environ[USER_DATA_ENV] = str(store_root)  # the window's DatasetStore() lives here
    try:
        win = open_window(qapp, 120)
    finally:
        if previous is None:
            os.environ.pop(USER_DATA_ENV, None)
        else:
            os.environ[USER_DATA_ENV] = previous
    assert win.data_actions.store.root == store_root
    yield win
    close_window(win)
