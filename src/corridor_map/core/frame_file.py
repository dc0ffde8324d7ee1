"""A stored table as one NumPy ``.npz`` file: its columns as arrays, its text as JSON.

The dataset store (``core.store``) and the checked sample's cache (``core.sample_cache``) keep their
tables this way because reading them is part of every start. Reading Parquet loaded pyarrow's Parquet,
dataset and cloud file-system libraries, or, without pyarrow (the packaged app), fastparquet and fsspec:
the smoke test's peak memory was 18 MB higher with pyarrow (9 MB without) and its start 33 ms (39 ms)
longer (docs/benchmarks.md, "Eleventh sitting"). NumPy is loaded anyway.

Columns keep their exact types: numbers and booleans as arrays, categoricals as codes and categories,
text (``str`` or object) as a JSON list. Loaded with ``allow_pickle=False``: a file can hold only
arrays, never code.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

SUFFIX = ".npz"
_COLUMNS = "columns"  # the member with the columns' names, kinds and categories (JSON)


class FrameFileError(ValueError):
    """A stored table that cannot be read back: not one of these files, or damaged."""


def _utf8(value: Any) -> np.ndarray:
    return np.frombuffer(json.dumps(value, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def _json(array: np.ndarray) -> Any:
    return json.loads(array.tobytes().decode("utf-8"))


def _text(series: pd.Series) -> list[str | None]:
    return [None if pd.isna(v) else str(v) for v in series.to_numpy(dtype=object)]


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """``frame``'s columns (not its index) into ``path``; TypeError for a column of another type."""
    columns: list[dict[str, Any]] = []
    arrays: dict[str, np.ndarray] = {}
    for i, name in enumerate(frame.columns):
        series = frame[name]
        dtype = series.dtype
        member = f"c{i}"
        if isinstance(dtype, pd.CategoricalDtype):
            if not pd.api.types.is_string_dtype(dtype.categories.dtype):
                raise TypeError(f"column {name!r}: categories of {dtype.categories.dtype} are not stored")
            entry = {"name": name, "kind": "category", "ordered": bool(dtype.ordered)}
            columns.append(entry | {"categories": _text(pd.Series(dtype.categories))})
            arrays[member] = series.cat.codes.to_numpy()
        elif pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_numeric_dtype(dtype):
            if isinstance(dtype, pd.api.extensions.ExtensionDtype):
                raise TypeError(f"column {name!r}: nullable {dtype} is not stored; use a NumPy type")
            columns.append({"name": name, "kind": "array"})
            arrays[member] = series.to_numpy()
        elif pd.api.types.is_string_dtype(dtype):
            text_dtype = "object" if dtype == np.dtype(object) else "str"
            columns.append({"name": name, "kind": "text", "dtype": text_dtype})
            arrays[member] = _utf8(_text(series))
        else:
            raise TypeError(f"column {name!r}: {dtype} is not stored")
    arrays[_COLUMNS] = _utf8(columns)
    with Path(path).open("wb") as fh:
        np.savez(fh, allow_pickle=False, **arrays)


def read_frame(path: Path) -> pd.DataFrame:
    """The table :func:`write_frame` wrote, its rows labelled 0…n-1; FrameFileError if it cannot."""
    try:
        members = np.load(path, allow_pickle=False)
        if not isinstance(members, np.lib.npyio.NpzFile):
            raise TypeError("a single array, not a table")
        with members:
            columns = _json(members[_COLUMNS])
            data: dict[str, Any] = {}
            for i, column in enumerate(columns):
                values = members[f"c{i}"]
                kind = column["kind"]
                if kind == "category":
                    data[column["name"]] = pd.Categorical.from_codes(
                        values, categories=column["categories"], ordered=column["ordered"]
                    )
                elif kind == "text":
                    # (from an object array: 4× faster than from the list for pyarrow's strings)
                    texts = np.array(_json(values), dtype=object)
                    data[column["name"]] = pd.Series(texts, dtype=column["dtype"])
                else:
                    data[column["name"]] = values
    except (OSError, EOFError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as exc:
        raise FrameFileError(f"{path}: not a readable stored table ({exc})") from exc
    return pd.DataFrame(data, columns=[c["name"] for c in columns], copy=False)
