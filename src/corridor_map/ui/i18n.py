"""Run-time language switching through Qt's translation mechanism (``.qm`` catalogues)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from corridor_map.paths import resources_dir

log = logging.getLogger(__name__)

CATALOGUE = "corridor_map"
# The application's installed catalogues: one language per application, whichever manager set it.
_installed: list[QTranslator] = []


def catalogue_dir() -> Path:
    return resources_dir() / "i18n"


class LanguageManager(QObject):
    """Installs the app's and Qt's own catalogues for a language; widgets follow via LanguageChange."""

    languageChanged = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self.language = "en"

    def set_language(self, language: str) -> None:
        """Switch to ``en`` or ``zh`` now; every window retranslates itself on the LanguageChange event."""
        self.language = language  # before the translators change: they send LanguageChange at once
        remove_translations(self._app)
        if language == "zh":
            self._install(catalogue_dir(), f"{CATALOGUE}_zh_CN")
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._install(Path(qt_dir), "qtbase_zh_CN")
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.languageChanged.emit(language)

    def _install(self, folder: Path, name: str) -> None:
        translator = QTranslator(self._app)
        if translator.load(name, str(folder)):
            self._app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation catalogue %s not found in %s", name, folder)


def remove_translations(app: QCoreApplication) -> None:
    """Back to the source language (English): remove every catalogue any manager installed."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
