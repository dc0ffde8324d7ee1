"""Make Chinese render on machines with no CJK font: the bundled subset becomes the app font's fallback."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from corridor_map.mapgen.assets import cjk_font_file

log = logging.getLogger(__name__)


def register_cjk_font() -> str | None:
    """Register the bundled CJK font with Qt; its family (``apply_app_font`` makes it the fallback)."""
    path = cjk_font_file()
    if path is None:
        log.warning("no bundled CJK font found; Chinese may render as boxes")
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("could not load the bundled CJK font %s", path)
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    log.info("CJK font registered: %s (%s)", family, path.name)
    return family


def apply_app_font(family: str | None) -> QFont:
    """The application font: the platform's, with the CJK family appended as a fallback."""
    font = QFont()
    if family:
        families = [*font.families(), family] if font.families() else [font.family(), family]
        font.setFamilies(families)
    return font
