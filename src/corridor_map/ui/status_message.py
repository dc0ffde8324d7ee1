"""Status-bar messages that follow a language switch (Qt keeps a shown message as it was written)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar


class TranslatedStatus:
    """Shows ``text()`` in ``bar`` and shows it again, translated, on ``retranslate()`` if still shown."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self._text: Callable[[], str] | None = None
        self._shown = ""
        self._until = 0.0  # monotonic seconds; 0: until replaced

    def show(self, text: Callable[[], str], timeout_ms: int = 0) -> None:
        """``text``: a function returning the message in the current language (e.g. a ``self.tr`` call)."""
        self._text = text
        self._until = time.monotonic() + timeout_ms / 1000 if timeout_ms else 0.0
        self._shown = text()
        self.bar.showMessage(self._shown, timeout_ms)

    def retranslate(self) -> None:
        if self._text is None or not self._shown or self.bar.currentMessage() != self._shown:
            return  # gone, or replaced by another message
        left_ms = round((self._until - time.monotonic()) * 1000) if self._until else 0
        if self._until and left_ms <= 0:
            return
        self._shown = self._text()
        self.bar.showMessage(self._shown, left_ms)
