"""The first window fits the screen it opens on (``ui/window_size.py``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from corridor_map.ui.window_size import DEFAULT_SIZE, FRAME, fitted_size


@pytest.mark.parametrize("available", [QSize(1920, 1040), QSize(2560, 1400), DEFAULT_SIZE + FRAME])
def test_the_default_size_where_the_screen_has_room(available: QSize) -> None:
    assert fitted_size(available) == (DEFAULT_SIZE, False)


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (QSize(1366, 728), QSize(1350, 688)),  # a laptop, its task bar taken off
        (QSize(1280, 690), QSize(1264, 650)),  # a projector
        (QSize(1920, 840), QSize(1400, 800)),  # wide but low: only the height shrinks
    ],
)
def test_on_a_small_screen_as_much_as_it_holds_maximized(available: QSize, expected: QSize) -> None:
    size, maximize = fitted_size(available)
    assert size == expected and maximize
    assert size.width() + FRAME.width() <= available.width()
    assert size.height() + FRAME.height() <= available.height()


def test_no_screen_known_gives_the_default() -> None:
    assert fitted_size(None) == (DEFAULT_SIZE, False)
    assert fitted_size(QSize()) == (DEFAULT_SIZE, False)
