"""Logging: to a rotating file in the user's log directory, and warnings to stderr."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from corridor_map.paths import user_log_dir


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Configure the root logger once; returns the log file (None if it cannot be written)."""
    root = logging.getLogger()
    if getattr(root, "_corridor_map_configured", False):
        return getattr(root, "_corridor_map_log_file", None)
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(fmt)
    root.addHandler(console)
    log_file: Path | None
    try:
        log_file = user_log_dir() / "corridor-map.log"
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(fmt)
        root.addHandler(handler)
    except OSError as exc:
        log_file = None
        logging.getLogger(__name__).warning("cannot write the log file: %s", exc)
    root._corridor_map_configured = True  # type: ignore[attr-defined]
    root._corridor_map_log_file = log_file  # type: ignore[attr-defined]
    return log_file
