"""Chromium's own log lines go to the app log, never to the user's terminal (Qt-free).

QtWebEngine's Chromium (and Qt's own warnings) write straight to file descriptor 2 from C++ and from
Chromium's child processes ("Failed to connect to the bus: …", "GPUInfo not initialized"). ``capture()``
moves descriptor 2 to an anonymous temporary file before Qt starts and keeps Python's ``sys.stderr``
(the commands' messages, warnings and logging) on the real terminal through a duplicate of the original
descriptor. A thread forwards each captured line to the ``chromium`` logger, which writes to the app log
file (``corridor-map.log`` in the user's log folder); ``flush()`` forwards the rest before the process
ends (``os._exit`` skips ``atexit``). A file, not a pipe: a writer never blocks, however long the reader
waits for the GIL. Lines Python writes to descriptor 2 on request (``-X importtime``) still reach the
terminal. ``CORRIDOR_MAP_NATIVE_STDERR=1`` leaves descriptor 2 alone (to see everything while debugging).
"""

from __future__ import annotations

import atexit
import io
import logging
import logging.handlers
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import TextIO

log = logging.getLogger("chromium")

KEEP_ENV = "CORRIDOR_MAP_NATIVE_STDERR"
POLL_S = 0.2
PASS_THROUGH = (b"import time:",)  # Python's own diagnostics on fd 2, asked for by the user


class Capture:
    """Descriptor 2 redirected to a temporary file; its lines forwarded to ``log`` by a thread."""

    def __init__(self, terminal_fd: int, sink_fd: int, reader: io.BufferedReader) -> None:
        self.terminal_fd = terminal_fd  # the original stderr (the terminal), duplicated
        self.sink_fd = sink_fd
        self._reader = reader
        self._partial = b""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.lines = 0  # forwarded so far
        self._thread = threading.Thread(target=self._run, name="chromium-log", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(POLL_S):
            self.forward()

    def forward(self, *, final: bool = False) -> None:
        """Log the complete lines written since the last call (and a last unfinished one if ``final``)."""
        with self._lock:
            chunk = self._reader.read() or b""
            data = self._partial + chunk
            *lines, self._partial = data.split(b"\n")
            if final and self._partial:
                lines, self._partial = [*lines, self._partial], b""
            for raw in lines:
                self._emit(raw)

    def _emit(self, raw: bytes) -> None:
        if raw.startswith(PASS_THROUGH):
            os.write(self.terminal_fd, raw + b"\n")
            return
        text = raw.decode("utf-8", "replace").rstrip()
        if text:
            self.lines += 1
            log.info("%s", text)

    def flush(self) -> None:
        """Forward everything captured so far, including an unfinished last line; the thread goes on."""
        sys.stderr.flush()
        self.forward(final=True)
        for handler in log.handlers:
            handler.flush()

    def stop(self) -> None:
        """Forward the rest and stop the thread (descriptor 2 stays redirected: children may still write)."""
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=2 * POLL_S + 1)
        self.flush()


_ACTIVE: list[Capture] = []


def active() -> Capture | None:
    """The capture started in this process, if any."""
    return _ACTIVE[0] if _ACTIVE else None


def log_file() -> Path | None:
    """The app log file the ``chromium`` logger writes to (None if it has no file)."""
    for handler in log.handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def _attach_log_file() -> None:
    """Send ``chromium`` records to the app log file only (not to the terminal's stderr handler)."""
    log.setLevel(logging.INFO)
    log.propagate = False
    if log.handlers:
        return
    root = logging.getLogger()
    shared = [h for h in root.handlers if isinstance(h, logging.FileHandler)]  # the GUI's (logging_setup)
    if shared:
        for handler in shared:
            log.addHandler(handler)
        return
    from corridor_map.paths import user_log_dir

    try:
        path = user_log_dir() / "corridor-map.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:  # no log file: the lines are dropped, the terminal stays clean
        log.addHandler(logging.NullHandler())
        logging.getLogger(__name__).debug("cannot write the log file: %s", exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)


def _append_only(fd: int) -> None:
    """Every writer (this process and Chromium's children share the descriptor) appends."""
    try:
        import fcntl
    except ImportError:  # (Windows: no fcntl; the shared offset is good enough there)
        return
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_APPEND)


def _terminal_stream(fd: int, old: TextIO | None) -> io.TextIOWrapper:
    encoding = getattr(old, "encoding", None) or "utf-8"
    errors = getattr(old, "errors", None) or "backslashreplace"
    raw = open(fd, "wb", buffering=0, closefd=False)  # noqa: SIM115 (lives as long as the process)
    return io.TextIOWrapper(raw, encoding=encoding, errors=errors, line_buffering=True, write_through=True)


def capture() -> Capture | None:
    """Redirect descriptor 2 (once per process); None when left alone (``CORRIDOR_MAP_NATIVE_STDERR``)
    or impossible (no descriptor 2, no temporary folder)."""
    if _ACTIVE:
        return _ACTIVE[0]
    if os.environ.get(KEEP_ENV):
        return None
    try:
        old_stderr = sys.stderr
        if old_stderr is not None:
            old_stderr.flush()
        terminal_fd = os.dup(2)
        sink_fd, name = tempfile.mkstemp(prefix="corridor-map-chromium-", suffix=".log")
        path = Path(name)
        reader = path.open("rb")  # (read by the thread for the process's life)
        path.unlink()
    except OSError:
        return None
    _append_only(sink_fd)
    os.dup2(sink_fd, 2)  # (inheritable: Chromium's child processes write here too)
    stream = _terminal_stream(terminal_fd, old_stderr)
    for handler in _stream_handlers():
        if handler.stream is old_stderr or handler.stream is sys.__stderr__:
            handler.setStream(stream)
    sys.stderr = stream
    sys.__stderr__ = stream  # type: ignore[misc]  # (faulthandler and friends: the terminal too)
    _attach_log_file()
    result = Capture(terminal_fd, sink_fd, reader)
    _ACTIVE.append(result)
    atexit.register(result.stop)  # (an ordinary exit; ``os._exit`` paths call ``flush`` themselves)
    return result


def _stream_handlers() -> list[logging.StreamHandler[TextIO]]:
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    return [
        h
        for lg in loggers
        if isinstance(lg, logging.Logger)
        for h in lg.handlers
        if type(h) is logging.StreamHandler
    ]


def flush() -> None:
    """Forward what the capture holds (if there is one), e.g. before ``os._exit``."""
    if _ACTIVE:
        _ACTIVE[0].flush()
