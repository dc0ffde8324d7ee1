"""Digests of files, remembered by the files' sizes and modification times.

Cache keys are digests of the bytes of everything a cached result depends on (megabytes of geodata,
fonts and scripts). Reading them all costs tens of milliseconds on every start; when no file changed
size or modification time (to the nanosecond) since the last time, the digest is taken from here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

INDEX_FILE = "digests.json"
KEEP = 64


def signature(paths: Sequence[Path], context: str) -> str:
    """What identifies ``paths`` cheaply: their names, sizes and modification times (OSError if missing)."""
    lines = [context]
    for path in paths:
        stat = path.stat()
        lines.append(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(lines).encode(), digest_size=16).hexdigest()


def _read(index: Path) -> dict[str, str]:
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def remembered(cache_dir: Path, paths: Sequence[Path], context: str, digest: Callable[[], str]) -> str:
    """``digest()``, unless ``paths`` (and ``context``) are unchanged since it was last computed."""
    try:
        key = signature(paths, context)
    except OSError:
        return digest()
    index = cache_dir / INDEX_FILE
    known = _read(index)
    if key in known:
        return known[key]
    value = digest()
    known.pop(key, None)
    known[key] = value
    for old in list(known)[:-KEEP]:
        del known[old]
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".digests-", suffix=".tmp", dir=cache_dir)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(known, fh)
        Path(tmp).replace(index)
    except OSError as exc:  # a cache that cannot be written only costs time
        log.debug("cannot remember digests in %s: %s", index, exc)
    return value
