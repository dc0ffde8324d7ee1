"""What every command shares: exit codes, the one-line error, logging to the terminal, the guard.

The contract of a command: a message on stderr and an exit code for anything that goes wrong, never a
traceback (``CORRIDOR_MAP_DEBUG=1`` logs it, with timings).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class CommandError(Exception):
    """A one-line message for the user and the exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def setup_logging() -> None:
    """Warnings (and with ``CORRIDOR_MAP_DEBUG`` everything) to stderr, once per process."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.WARNING if not os.environ.get("CORRIDOR_MAP_DEBUG") else logging.DEBUG)


def guarded(name: str, body: Callable[[], int]) -> int:
    """Run a command body: CommandError and any other failure become one line on stderr and an exit code."""
    setup_logging()
    if os.environ.get("CORRIDOR_MAP_DEBUG"):
        logging.Formatter.converter = time.gmtime
        for handler in logging.getLogger().handlers:
            handler.setFormatter(logging.Formatter("%(relativeCreated)6.0f ms %(levelname)s: %(message)s"))
    try:
        return body()
    except CommandError as exc:
        print(f"corridor-map {name}: error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"corridor-map {name}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the contract: a message, never a traceback (the log has it with DEBUG)
        log.debug("%s failed", name, exc_info=True)
        print(f"corridor-map {name}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
