"""The export commands' cache of page payloads, keyed by the bytes of everything they come from.

A payload (``core.page_payload``) costs pandas, the data files and the corridor to compute, about a
second; read back from here it costs a JSON file. The key covers the app version, the source files
(data and corridor) and the code of ``corridor_map.core``, so any change gives a new entry. No pandas
is imported by this module.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corridor_map import __version__
from corridor_map.core.digests import remembered
from corridor_map.core.kept_entries import write_kept

log = logging.getLogger(__name__)

FORMAT = 1
KEEP = 8  # entries kept; older ones are removed when a new one is written
_CORE = Path(__file__).resolve().parent


def payload_key(sources: Sequence[Path], role: str = "") -> str:
    """A digest of the app version, ``role``, the bytes of ``sources`` (in order) and the core's code.

    ``role`` says what the sources are (e.g. which file is the sales table). Raises OSError when a
    source cannot be read.
    """
    digest = hashlib.blake2b(f"{__version__}/{FORMAT}/{role}".encode(), digest_size=16)
    for path in sources:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    for code in sorted(_CORE.glob("*.py")):
        digest.update(code.read_bytes())
    return digest.hexdigest()


def quick_payload_key(cache_dir: Path, sources: Sequence[Path], role: str = "") -> str:
    """``payload_key``, remembered while no source (nor the core's code) changes size or time."""
    code = sorted(_CORE.glob("*.py"))
    context = f"payload/{__version__}/{FORMAT}/{role}"
    return remembered(cache_dir, [*sources, *code], context, lambda: payload_key(sources, role))


def _folder(cache_dir: Path) -> Path:
    return cache_dir / "payloads"


def read_payload(cache_dir: Path, key: str) -> dict[str, Any] | None:
    """The payload stored under ``key``, or None (missing or unreadable entries are misses)."""
    path = _folder(cache_dir) / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("ignoring the unreadable cached payload %s: %s", path, exc)
        return None
    return data if isinstance(data, dict) else None


def write_payload(cache_dir: Path, key: str, payload: dict[str, Any]) -> None:
    """Store ``payload`` under ``key`` (atomically) and drop all but the newest ``KEEP`` entries.

    A cache that cannot be written is only logged: the export goes on without it.
    """
    folder = _folder(cache_dir)
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    try:
        write_kept(folder, f"{key}.json", text, KEEP)
    except OSError as exc:
        log.warning("cannot cache the page payload in %s: %s", folder, exc)
