"""Persisted user settings (QSettings): one place for the keys and their defaults."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLocale, QSettings

from corridor_map import APP_NAME, ORG_NAME

LANGUAGES = ("en", "zh")


class Settings:
    """Typed access to the app's QSettings."""

    def __init__(self) -> None:
        self._q = QSettings(ORG_NAME, APP_NAME)

    @property
    def qsettings(self) -> QSettings:
        return self._q

    def _str(self, key: str, default: str) -> str:
        value = self._q.value(key, default)
        return str(value) if value is not None else default

    @property
    def language(self) -> str:
        """The UI language: saved choice, else the system's (Chinese if the locale is Chinese)."""
        default = "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"
        value = self._str("ui/language", default)
        return value if value in LANGUAGES else "en"

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value)

    @property
    def point_of_view(self) -> str:
        """``china`` (default) or ``ne`` (Natural Earth's default view)."""
        value = self._str("map/point_of_view", "china")
        return value if value in ("china", "ne") else "china"

    @point_of_view.setter
    def point_of_view(self, value: str) -> None:
        self._q.setValue("map/point_of_view", value)

    @property
    def world(self) -> str:
        """``pacific`` (the China-centred world, default) or ``greenwich`` (the ±180 world)."""
        value = self._str("map/world", "pacific")
        return value if value in ("pacific", "greenwich") else "pacific"

    @world.setter
    def world(self, value: str) -> None:
        self._q.setValue("map/world", value)

    @property
    def software_rendering(self) -> bool:
        return self._str("graphics/software_rendering", "false").lower() in ("true", "1")

    @software_rendering.setter
    def software_rendering(self, value: bool) -> None:
        self._q.setValue("graphics/software_rendering", "true" if value else "false")

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._q.value("window/geometry")
        state = self._q.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    @property
    def map_size(self) -> tuple[int, int] | None:
        """The map's size in the window when it last closed (``ui.early_map`` loads the page at it)."""
        width, _, height = self._str("window/map_size", "").partition("x")
        if not (width.isdigit() and height.isdigit()) or min(int(width), int(height)) < 1:
            return None
        return int(width), int(height)

    @map_size.setter
    def map_size(self, size: tuple[int, int]) -> None:
        self._q.setValue("window/map_size", f"{size[0]}x{size[1]}")

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._q.setValue("window/geometry", geometry)
        self._q.setValue("window/state", state)
        self._q.sync()
