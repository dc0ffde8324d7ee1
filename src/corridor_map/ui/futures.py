"""Background work without cross-thread Qt calls: the GUI thread polls a future for its result.

Imports must not happen in worker threads (PySide6's import hook is not thread-safe: a crash was
seen importing scipy in a thread), so a worker only computes; modules are imported beforehand.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QTimer

T = TypeVar("T")


def when_done(
    future: Future[T],
    on_result: Callable[[T], Any],
    on_error: Callable[[BaseException], Any],
    poll_ms: int = 10,
) -> None:
    """Call ``on_result`` (or ``on_error``) in the GUI thread once ``future`` has finished."""
    if not future.done():
        QTimer.singleShot(poll_ms, lambda: when_done(future, on_result, on_error, poll_ms))
        return
    error = future.exception()
    if error is not None:
        on_error(error)
    else:
        on_result(future.result())
