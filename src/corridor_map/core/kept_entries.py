"""A folder of cache entries, the newest few kept: each written atomically (a temporary file renamed)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_kept(folder: Path, name: str, text: str, keep: int) -> None:
    """Write ``text`` to ``folder/name`` so that readers see the old or the new entry, never a part,
    then drop all but the newest ``keep`` entries of the same suffix. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    entries = sorted(folder.glob(f"*{path.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)
