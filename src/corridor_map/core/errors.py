"""Error types of the core: each names the file (and, for tables, the row and field) it is about."""

from __future__ import annotations

from pathlib import Path


class CorridorMapError(Exception):
    """Base of every error the app reports to the user as a message rather than a traceback."""


class GeoDataError(CorridorMapError):
    """A bundled geodata file is missing or unreadable."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DataFormatError(CorridorMapError, ValueError):
    """A user data file cannot be read, or a cell in it is not valid."""

    def __init__(
        self,
        path: Path | str,
        reason: str,
        row: int | None = None,
        field: str | None = None,
        *,
        reason_zh: str = "",
    ) -> None:
        self.path = Path(path)
        self.reason = reason
        self.reason_zh = reason_zh  # the reason in Chinese, where written
        self.row = row
        self.field = field
        where = str(self.path)
        if row is not None:
            where += f", row {row}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {reason}")

    def text(self, lang: str) -> str:
        """The message in ``lang`` (English where no Chinese is written)."""
        if not (lang.startswith("zh") and self.reason_zh):
            return str(self)
        where = str(self.path)
        if self.row is not None:
            where += f"，第 {self.row} 行"
        if self.field:
            where += f"，字段“{self.field}”"
        return f"{where}：{self.reason_zh}"
