"""User text in tooltips: Qt renders a tooltip as rich text when it looks like HTML, so user strings
(dealer, brand, file and view names, quoted cells) are converted to escaped plain-text HTML first."""

from __future__ import annotations

from PySide6.QtGui import Qt  # convertFromPlainText lives in QtGui


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows exactly these characters (line breaks kept)."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
