"""A minimal observable, shared by the two states (no Qt, no pandas: light to import)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Event(Generic[T]):
    """A minimal observable: ``connect`` a callback, ``emit`` a value to every callback."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], Any]] = []

    def connect(self, callback: Callable[[T], Any]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[T], Any]) -> None:
        self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):
            callback(value)


class Subscriptions:
    """Callbacks connected to events together, and disconnected together (``close``; safe twice)."""

    def __init__(self, *pairs: tuple[Event[Any], Callable[[Any], Any]]) -> None:
        self._pairs = list(pairs)
        for event, callback in self._pairs:
            event.connect(callback)

    def close(self) -> None:
        for event, callback in self._pairs:
            with contextlib.suppress(ValueError):
                event.disconnect(callback)
        self._pairs = []
