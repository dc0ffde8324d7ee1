"""Exhibition-mode settings: which countries the tour shows and its timings, kept in QSettings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

from corridor_map.state import ISO3

PREFIX = "kiosk/"


def _int(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(str(settings.value(PREFIX + key, default)))
    except ValueError:
        return default
    return min(max(value, low), high)


def ordered_codes(codes: Iterable[str]) -> tuple[str, ...]:
    """The valid ISO3 codes among ``codes``, upper-cased, in their order, each once."""
    out: list[str] = []
    for raw in codes:
        code = raw.strip().upper()
        if ISO3.fullmatch(code) and code not in out:
            out.append(code)
    return tuple(out)


@dataclass(frozen=True)
class KioskSettings:
    """What the tour shows and how long; timings in milliseconds (the dialog shows seconds)."""

    top_n: int = 8  # the N largest destinations under the current filters ...
    countries: tuple[str, ...] = field(default_factory=tuple)  # ... or exactly these (when not empty)
    use_list: bool = False
    dwell_ms: int = 8_000  # each country, and the overview between two rounds
    idle_ms: int = 60_000  # no input for this long: back to the overview, the tour resumes
    cursor_ms: int = 3_000  # the mouse cursor hides after this long without movement
    confirm_ms: int = 10_000  # the "leave exhibition mode?" question goes away by itself
    dialog_ms: int = 15_000  # any dialog that opens in exhibition mode is closed after this long

    @property
    def chosen(self) -> tuple[str, ...]:
        """The chosen list when it is in use, else ()."""
        return self.countries if self.use_list else ()

    @staticmethod
    def load(settings: QSettings) -> KioskSettings:
        """The saved settings (defaults for anything missing or malformed)."""
        d = KioskSettings()
        raw = str(settings.value(PREFIX + "countries", "") or "")
        return KioskSettings(
            top_n=_int(settings, "top_n", d.top_n, 1, 50),
            countries=ordered_codes(raw.split(",")),
            use_list=str(settings.value(PREFIX + "use_list", "false")).lower() in ("true", "1"),
            dwell_ms=_int(settings, "dwell_ms", d.dwell_ms, 1_000, 600_000),
            idle_ms=_int(settings, "idle_ms", d.idle_ms, 5_000, 3_600_000),
            cursor_ms=d.cursor_ms,
            confirm_ms=d.confirm_ms,
            dialog_ms=d.dialog_ms,
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue(PREFIX + "top_n", self.top_n)
        settings.setValue(PREFIX + "countries", ",".join(self.countries))
        settings.setValue(PREFIX + "use_list", "true" if self.use_list else "false")
        settings.setValue(PREFIX + "dwell_ms", self.dwell_ms)
        settings.setValue(PREFIX + "idle_ms", self.idle_ms)
        settings.sync()
