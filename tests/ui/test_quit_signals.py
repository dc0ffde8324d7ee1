"""A shutdown signal closes the window as Ctrl+Q does, and says nothing when the window is gone already:
when a desktop session ends, the display goes away with the app, Qt deletes the window, and the
SIGTERM that follows printed "RuntimeError: … Internal C++ object (MainWindow) already deleted"."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from corridor_map.ui.app import quit_on_signals

pytestmark = pytest.mark.gui


@pytest.fixture
def handlers() -> Iterator[None]:
    """The process's own handlers of SIGTERM and SIGINT, put back after the test."""
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


@pytest.mark.usefixtures("handlers")
def test_sigterm_closes_the_window(qapp: QApplication) -> None:
    window = QWidget()
    window.show()
    quit_on_signals(window)
    signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)  # type: ignore[operator]
    for _ in range(5):
        qapp.processEvents()
    assert not window.isVisible()


@pytest.mark.usefixtures("handlers")
def test_sigterm_after_the_window_is_gone_is_quiet(qapp: QApplication) -> None:
    window = QWidget()
    quit_on_signals(window)
    shiboken6.delete(window)  # (as Qt does when the display is lost)
    signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)  # type: ignore[operator]
    for _ in range(5):
        qapp.processEvents()
