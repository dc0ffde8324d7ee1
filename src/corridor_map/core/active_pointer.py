"""The dataset store's pointer to the active dataset (``active.json``), read without the data stack.

``core.store`` keeps the datasets (pandas); a start needs to know which one is active before it
imports pandas (the calls kept for its page: ``mapgen.startup_cache``).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from corridor_map.paths import user_data_dir

log = logging.getLogger(__name__)

POINTER_FILE = "active.json"
SAMPLE_POINTER: dict[str, Any] = {"kind": "sample"}
SAMPLE_ID = "sample"  # (``core.dataset.Dataset.id`` of the bundled sample)


def read_active_pointer(root: Path) -> dict[str, Any]:
    """``{"kind": "sample"}`` or ``{"kind": "user", "id": …}``; the sample's when the file is missing,
    unreadable or not such a pointer (an unreadable one is logged)."""
    path = root / POINTER_FILE
    try:
        pointer = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return dict(SAMPLE_POINTER)
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return dict(SAMPLE_POINTER)
    if not isinstance(pointer, dict) or pointer.get("kind") != "user" or not pointer.get("id"):
        return dict(SAMPLE_POINTER)
    return {"kind": "user", "id": str(pointer["id"])}


def active_dataset_id(root: Path | None = None) -> str:
    """The id of the dataset active at the last run: ``"sample"`` or a saved dataset's."""
    pointer = read_active_pointer(root if root is not None else user_data_dir())
    return str(pointer.get("id", SAMPLE_ID))
