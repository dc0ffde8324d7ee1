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
        self, path: Path | str, reason: str, row: int | None = None, field: str | None = None
    ) -> None:
        self.path = Path(path)
        self.reason = reason
        self.row = row
        self.field = field
        where = str(self.path)
        if row is not None:
            where += f", row {row}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {reason}")
