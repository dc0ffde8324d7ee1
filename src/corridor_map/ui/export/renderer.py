"""The hidden export view: the map page drawn at k× size with zoom factor k, grabbed once it is final.

The view is a ``MapView`` that is shown but never on screen (``WA_DontShowOnScreen``: hidden pages
are throttled and never paint). Its page is built with ``PageOptions(export=True)`` (no fade or zoom
animations; ``cm_export.css`` in its head) and gets ``cm_export.js``; its canvases draw nothing until
the first frame is asked for (the page URL's fragment says ``hold``, see ``cm_api.js``). For each frame
the page frames the view, swaps in the geometry the zoom needs, draws, waits for fonts, colours a
one-pixel marker strip under the map with the frame's token and says so through the bridge
(``exportReady``). Python then grabs until the marker shows that token and two consecutive grabs are
identical — within a time limit, never after a fixed sleep — and crops the strip off.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QObject, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize

from corridor_map.ui.web import MapView, RequestTripwire

log = logging.getLogger(__name__)

EXPORT_JS = Path(__file__).resolve().parents[2] / "mapgen" / "js" / "cm_export.js"
GRAB_INTERVAL_MS = 8
DEFAULT_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class MapFrame:
    """What the map shows: its logical size, the scale, and either countries to fit or a view."""

    width: int
    height: int
    scale: float = 1.0
    fit: tuple[str, ...] = ()
    view: tuple[float, float, float] | None = None  # (lat, lon, zoom)
    lang: str = "en"
    # a printed sheet (PDF): the page laid out as the whole sheet (``CMX.frame``'s ``sheet``: size, margin,
    # bleed in CSS pixels, the texts), printed at ``page_mm``; width and height are then the sheet's
    sheet: dict[str, Any] | None = None
    page_mm: tuple[float, float] | None = None
    page_margin_mm: float = 0.0  # a fact sheet's pages have margins (a sheet's page is all drawn)
    fit_routes: bool = False  # frame the routes drawn as well as the countries in ``fit``

    @property
    def device_size(self) -> QSize:
        """The view's widget size: the map plus the one-pixel marker strip, times the scale."""
        return QSize(round(self.width * self.scale), round((self.height + 1) * self.scale))


@dataclass
class RenderedMap:
    """The map's pixels (marker strip removed) and what the page said about that frame."""

    image: QImage
    info: dict[str, Any]
    seconds: float
    grabs: int
    pdf: bytes | None = None  # a sheet's PDF (the image is then null)


def token_colour(token: int) -> QColor:
    """The marker colour for ``token`` (the same formula as ``cm_export.js``).

    Consecutive tokens differ by 73 in red and 151 in green, so the previous frame's marker can
    never be taken for this one's (the check allows ±1 per channel for rounding).
    """
    return QColor((token * 73) % 256, (token * 151) % 256, 77)


def _marker_shows(image: QImage, colour: QColor) -> bool:
    """True when the marker strip (the last device row) has ``colour`` across the width."""
    if image.isNull():
        return False
    y = image.height() - 1
    for fx in (0.1, 0.5, 0.9):
        pixel = image.pixelColor(int(image.width() * fx), y)
        if (
            abs(pixel.red() - colour.red()) > 1
            or abs(pixel.green() - colour.green()) > 1
            or abs(pixel.blue() - colour.blue()) > 1
        ):
            return False
    return True


class ExportRenderer(QObject):
    """Owns the hidden view; ``render`` draws one frame and calls back with the pixels or an error.

    ``ready`` fires once the page is live (and again after a render-process restart); ``failed``
    when it cannot be shown. Frames are rendered one at a time; a new ``render`` replaces a pending one.
    """

    ready = Signal()
    failed = Signal(str)

    def __init__(self, tripwire: RequestTripwire, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = MapView(tripwire)
        self.view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.view.setObjectName("ExportMapView")
        self.view.resize(800, 450)
        self.view.pageReady.connect(self._on_page_ready)
        self.view.renderProcessFailed.connect(self.failed)
        self.view.exportReady.connect(self._on_export_ready)
        self.loading_started = False
        self._start_view: tuple[float, float, float] | None = None
        self._write_start()
        self._token = 0
        self._pending: tuple[int, MapFrame, Callable[[RenderedMap | None, str], None]] | None = None
        self._started = 0.0
        self._deadline = 0.0
        self._info: dict[str, Any] = {}
        self._last: QImage | None = None
        self._grabs = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._grab)
        self._printing = False  # between printToPdf and its result
        self._close_after_print = False

    @property
    def is_ready(self) -> bool:
        return self.view.ready

    def load(self, page: Path) -> None:
        """Show the (off-screen) view and load the export page."""
        self.loading_started = True
        self.view.show()
        self.view.load_page(page)

    def presize(self, frame: MapFrame) -> None:
        """Size the view for ``frame`` ahead of time (before loading saves a relayout and redraw).

        With a ``view``, the page also starts there (``CM.createPanes`` reads it from the URL), so
        its layers are projected once, at the zoom of the picture, and the finer geometry this zoom
        needs starts loading with the page.
        """
        self.view.resize(frame.device_size)
        self.view.setZoomFactor(frame.scale)
        self._start_view = frame.view
        self._write_start()

    def _write_start(self) -> None:
        # cm_api.js reads the page URL's fragment: "hold" keeps the canvases blank (and out of the
        # layout) until CM.releaseDrawing, at the first frame asked for: then everything is drawn once,
        # at the geometry the view needs, and handed to the compositor in one frame with the marker
        # (drawn while loading, each canvas was handed over again with the marker's frame: a 3840×2160
        # export 2.9 → 1.8 s, docs/benchmarks.md); "view=lat,lon,zoom" is the view the map starts at.
        parts = ["hold"]
        if self._start_view is not None:
            parts.append("view=" + ",".join(repr(float(v)) for v in self._start_view))
        self.view.fragment = "&".join(parts)

    def close(self) -> None:
        """Release the view and its render process (once a print in progress has come back: a page
        deleted while Chromium prints it takes the process down)."""
        self._timer.stop()
        self._pending = None
        if self._printing:
            self._close_after_print = True
            return
        self._release_view()

    def _release_view(self) -> None:
        # (only the view, which has no parent: this object may be deleted by now)
        self.view.map_page.blockSignals(True)  # its render process ends now: no reload, no warning
        self.view.close()
        self.view.deleteLater()

    def _on_page_ready(self) -> None:
        self.view.api.install_export(EXPORT_JS.read_text(encoding="utf-8"))
        self.ready.emit()

    # ---- one frame --------------------------------------------------------------------------------
    def render(
        self,
        frame: MapFrame,
        done: Callable[[RenderedMap | None, str], None],
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        """Draw ``frame`` and call ``done(rendered, "")`` or ``done(None, message)``.

        Call after ``ready``. Page state (choropleth, selection, language) must already have been
        sent to the page: ``runJavaScript`` calls run in order, so the frame sees all of it.
        """
        if not self.view.ready:
            done(None, "the export map is not loaded yet")
            return
        self._token += 1
        token = self._token
        self._pending = (token, frame, done)
        self._started = time.perf_counter()
        self._deadline = self._started + timeout_s
        self._last = None
        self._grabs = 0
        size = frame.device_size
        if self.view.size() != size:
            self.view.resize(size)
        if abs(self.view.zoomFactor() - frame.scale) > 1e-6:
            self.view.setZoomFactor(frame.scale)
        options = {
            "token": token,
            "width": frame.width,
            "height": frame.height + 1,
            "fit": list(frame.fit),
            "view": list(frame.view) if frame.view else None,
            "lang": frame.lang,
            "sheet": frame.sheet,
            "fitRoutes": frame.fit_routes,
        }
        self.view.api.export_frame(options)
        QTimer.singleShot(int(timeout_s * 1000) + 50, lambda: self._check_timeout(token))

    def _check_timeout(self, token: int) -> None:
        if self._pending is not None and self._pending[0] == token:
            seconds = time.perf_counter() - self._started
            self._finish(None, f"the map was not drawn completely within {seconds:.0f} s")

    def _on_export_ready(self, token_text: str) -> None:
        """The page drew frame ``token_text`` (bridge ``exportReady``): what it holds, then grab."""
        if self._pending is None or token_text != str(self._pending[0]):
            return
        token = self._pending[0]
        self.view.api.export_info(lambda value: self._on_info(token, value))

    def _on_info(self, token: int, value: Any) -> None:
        if self._pending is None or self._pending[0] != token:
            return
        try:
            self._info = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            self._info = {}
        if not self._info.get("sized", False):
            log.warning("export view: the page did not report the requested size (%s)", self._info)
        frame = self._pending[1]
        if frame.page_mm is not None:
            self._print(token, frame.page_mm, frame.page_margin_mm)
            return
        self._grab()

    def _print(self, token: int, page_mm: tuple[float, float], margin_mm: float = 0.0) -> None:
        """Print the drawn sheet to PDF (Chromium's print of the same layout: vectors and text)."""
        exact = QPageSize.SizeMatchPolicy.ExactMatch
        size = QPageSize(QSizeF(*page_mm), QPageSize.Unit.Millimeter, "", exact)
        margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
        layout = QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)
        self._printing = True
        self.view.map_page.printToPdf(lambda data: self._on_pdf(token, data), layout)

    def _on_pdf(self, token: int, data: Any) -> None:
        self._printing = False
        if self._close_after_print:
            self._release_view()
            return
        if self._pending is None or self._pending[0] != token:
            return
        pdf = bytes(data)
        if not pdf.startswith(b"%PDF-"):
            self._finish(None, "the map could not be printed to PDF")
            return
        seconds = time.perf_counter() - self._started
        self._finish(RenderedMap(QImage(), dict(self._info), seconds, 0, pdf), "")

    def _grab(self) -> None:
        if self._pending is None:
            return
        token, frame, _done = self._pending
        if time.perf_counter() > self._deadline:
            self._check_timeout(token)
            return
        image = self.view.grab().toImage()
        self._grabs += 1
        if not _marker_shows(image, token_colour(token)):
            self._last = None  # not this frame yet (or a stale one): keep grabbing
            self._timer.start(GRAB_INTERVAL_MS)
            return
        if self._last is not None and image == self._last:
            map_height = round(frame.height * frame.scale)
            pixels = image.copy(0, 0, image.width(), map_height)
            rendered = RenderedMap(pixels, dict(self._info), time.perf_counter() - self._started, self._grabs)
            self._finish(rendered, "")
            return
        self._last = image
        self._timer.start(GRAB_INTERVAL_MS)

    def _finish(self, rendered: RenderedMap | None, message: str) -> None:
        pending = self._pending
        self._pending = None
        self._timer.stop()
        self._last = None
        if pending is not None:
            if rendered is not None and rendered.pdf is not None:
                pdf_bytes = len(rendered.pdf)
                log.debug("export sheet %d: %d bytes of PDF, %.3f s", pending[0], pdf_bytes, rendered.seconds)
            elif rendered is not None:
                log.debug(
                    "export frame %d: %dx%d in %.3f s, %d grabs; page timing %s",
                    pending[0],
                    rendered.image.width(),
                    rendered.image.height(),
                    rendered.seconds,
                    rendered.grabs,
                    rendered.info.get("timing"),
                )
            pending[2](rendered, message)
