"""One call from a file to checked rows: read, match headers, validate. Changes nothing anywhere.

Both the GUI import and ``corridor-map check-data`` go through :func:`load_table`; the GUI then hands
the result to :meth:`corridor_map.core.store.DatasetStore.commit` to make it active.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from corridor_map.core.countries import CountryIndex
from corridor_map.core.places import PlaceIndex
from corridor_map.core.readers import LayoutChoice, ProgressCallback, read_table
from corridor_map.core.schema import ColumnMismatchError, TableKind, apply_mapping, match_headers
from corridor_map.core.validate import ValidationResult, validate


def _scaled(progress: ProgressCallback | None, start: float, end: float) -> ProgressCallback | None:
    if progress is None:
        return None
    outer = progress

    def inner(fraction: float, stage: str) -> None:
        outer(start + (end - start) * max(0.0, min(1.0, fraction)), stage)

    return inner


def load_table(
    path: Path | str,
    kind: TableKind,
    *,
    mapping: Mapping[str, str] | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    encoding: str | None = None,
    layout: LayoutChoice = "auto",
    progress: ProgressCallback | None = None,
    countries: CountryIndex | None = None,
    places: PlaceIndex | None = None,
) -> ValidationResult:
    """Read and check ``path`` as a ``kind`` table.

    ``mapping`` is the user's column choice ``{header as written: field}`` from a column-mapping step;
    ``sheet``, ``header_row``, ``encoding`` and ``layout`` ("long"/"wide") override what the reader finds.
    Raises :class:`~corridor_map.core.errors.DataFormatError` when the file cannot be read, and its
    subclass :class:`~corridor_map.core.schema.ColumnMismatchError` (with ``.match``) when the headers
    do not fit, so a GUI can offer the mapping step. ``progress(fraction, stage)`` is called along the
    way; if it raises, the exception propagates and nothing has changed.
    """
    raw = read_table(
        path,
        sheet=sheet,
        kind=kind,
        header_row=header_row,
        encoding=encoding,
        layout=layout,
        progress=_scaled(progress, 0.0, 0.5),
    )
    match = apply_mapping(raw.headers, kind, mapping) if mapping else match_headers(raw.headers, kind)
    if not match.ok:
        raise ColumnMismatchError(raw.path, match, raw)
    result = validate(raw, match, countries=countries, places=places, progress=progress)
    if progress:
        progress(1.0, "done")
    return result
