"""One way to export, for the Export dialog and the ``export`` commands alike.

``ExportController`` opens the hidden export view (``ExportSession``) either on the window's live state,
its page built in the background (the dialog), or on a ready-made page payload, its page from the cache
(the commands, which never import pandas on a cache hit); then it renders specs with it and closes it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from corridor_map.ui.export.session import ExportSession, export_blocking, save_composition, wait_for
from corridor_map.ui.export.spec import ExportError, ExportSpec
from corridor_map.ui.web import RequestTripwire

if TYPE_CHECKING:
    from corridor_map.core.corridor import Corridor
    from corridor_map.mapgen.options import PageOptions
    from corridor_map.state import AppState
    from corridor_map.ui.export.composer import Composition
    from corridor_map.ui.page_builder import PageBuilder

log = logging.getLogger(__name__)

Done = Callable[["Composition | None", str], None]


class ExportController(QObject):
    """The export view's life: open (live or from a payload), render, close; ``failed`` tells why not."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, tripwire: RequestTripwire, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tripwire = tripwire
        self.session: ExportSession | None = None
        self._builder: PageBuilder | None = None
        self._options: PageOptions | None = None  # the page the open session waits for
        self.failures: list[str] = []
        self.world = ""  # the world the open session's page is drawn in
        self.vector = False  # whether its page draws SVG (for PDF) rather than canvases

    @property
    def is_ready(self) -> bool:
        return self.session is not None and self.session.is_ready

    def ready_for(self, spec: ExportSpec) -> bool:
        """Open, ready, and its page fit for ``spec``: drawn in its world, as SVG for a PDF and with
        canvases for a PNG (another page otherwise)."""
        return self.is_ready and self._fits(spec)

    def _fits(self, spec: ExportSpec) -> bool:
        return self.world == spec.world and self.vector == (spec.fmt == "pdf")

    def _new_session(self) -> ExportSession:
        session = ExportSession(self.tripwire, self)
        session.ready.connect(self.ready)
        session.failed.connect(self._on_failed)
        self.failures = []
        self.session = session
        return session

    def open_live(self, spec: ExportSpec, state: AppState, language: str, corridor: Corridor | None) -> None:
        """Follow ``state`` (the window's); the export page is built in the background (``ready`` then)."""
        if self.session is not None and not self._fits(spec):
            self.close()  # another world or renderer: a page fit for the spec replaces it
        if self.session is not None:
            return  # loading: ``ready`` comes when it is
        from corridor_map.mapgen.options import PageOptions
        from corridor_map.ui.page_builder import PageBuilder

        session = self._new_session()
        self.world = spec.world
        self.vector = spec.fmt == "pdf"
        session.presize(spec)
        session.attach(state, language, corridor)
        if self._builder is None:  # one for the controller's life (each had its own worker thread)
            self._builder = PageBuilder(self)
            self._builder.built.connect(self._on_page_built)
            self._builder.failed.connect(self._on_failed)
        self._options = PageOptions(export=True, world=spec.world, vector=self.vector)
        self._builder.start(self._options)

    def _on_page_built(self, page: Path, options: object) -> None:
        """A page the builder finished: loaded if it is the open session's (a session closed and opened
        for another world meanwhile gets its own)."""
        if self.session is not None and options == self._options:
            self.session.load(page)

    def open_payload(
        self, spec: ExportSpec, payload: dict[str, Any], cache_dir: Path, timeout_s: float
    ) -> None:
        """Show ``payload`` (``core.page_payload``) with ``spec``'s selection, the page from the cache in
        ``cache_dir``; returns when the page is live, else ExportError with the reason."""
        from corridor_map.ui.export.page_cache import export_page

        session = self._new_session()
        self.world = spec.world
        self.vector = spec.fmt == "pdf"
        try:
            page = export_page(cache_dir, spec.world, vector=self.vector)
        except Exception as exc:  # GeoDataError and friends: a message, not a traceback
            raise ExportError(f"cannot build the map page: {exc}") from None
        session.presize(spec, payload["labels"].get(spec.lang, ""))
        session.attach_payload(payload, spec.lang, spec.selection)  # before loading: the page brings it
        session.load(page)
        if not wait_for(lambda: session.is_ready or bool(self.failures), timeout_s) or self.failures:
            reason = self.failures[0] if self.failures else f"not loaded within {timeout_s:.0f} s"
            raise ExportError(f"the map page could not be shown: {reason}")
        if self.tripwire.blocked:
            log.warning("requests outside the app were blocked: %s", self.tripwire.blocked[:3])

    def _on_failed(self, message: str) -> None:
        self.failures.append(message)
        self.close()  # (the dialog opens a new one at its next export; a command reports and ends)
        self.failed.emit(message)

    def export(self, spec: ExportSpec, done: Done) -> None:
        """Render ``spec``; ``done(composition, "")`` or ``done(None, why)``."""
        if self.session is None:
            done(None, "the export map is not open")
            return
        self.session.export(spec, done)

    def write(self, spec: ExportSpec, out: Path) -> dict[str, Any]:
        """Render ``spec`` (PNG or PDF) and save it to ``out`` (ExportError with the reason); its
        description."""
        if self.session is None:
            raise ExportError("the export map is not open")
        composition = export_blocking(self.session, spec)
        save_composition(composition, out)
        return composition.describe()

    write_png = write

    def close(self, *, now: bool = False) -> None:
        """Release the hidden view and its page: deleted with the next deferred deletes, or ``now``
        (a command, before Qt shuts down; never from inside the session's own signal)."""
        session, self.session = self.session, None
        if session is not None:
            session.close()
            session.deleteLater()
        if now:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
