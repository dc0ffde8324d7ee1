"""An export session: the hidden view kept in step with the shared state, turning specs into pictures.

The ``PagePresenter`` pushes the dataset's choropleth, the selection and the language to the hidden
view exactly as to the window's map (the ``export`` command's ``PayloadPresenter`` pushes the same
payload, read from a cache); the session then frames the map, waits for the final frame and composes
the picture. The dialog and both commands use this class, so their images are the same.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QImage, QImageWriter

from corridor_map.core.longitudes import WORLDS, to_frame
from corridor_map.mapgen.options import PageOptions
from corridor_map.ui.export.composer import (
    Composition,
    ExportTexts,
    compose,
    date_text,
    plan,
    sheet_composition,
    source_line,
)
from corridor_map.ui.export.renderer import ExportRenderer, MapFrame, RenderedMap
from corridor_map.ui.export.spec import PAPERS_MM, ExportError, ExportSpec, Paper, css_px, validate
from corridor_map.ui.web import RequestTripwire
from corridor_map.view_state import MapExtent

if TYPE_CHECKING:  # pandas comes with these: imported late, while the page loads
    from corridor_map.core.corridor import Corridor
    from corridor_map.state import AppState
    from corridor_map.ui.export.payload_presenter import PayloadPresenter
    from corridor_map.ui.presenter import PagePresenter

log = logging.getLogger(__name__)


class Presenter(Protocol):
    """What the session needs of the object that keeps the page's data current."""

    language: str

    def set_language(self, language: str) -> None: ...

    def label(self, language: str) -> str: ...


# Without a selection the export shows the window's start view (the page's centre and zoom for
# 1600×900), the corridor's reach from Western Europe to the Pacific; zoomed to the export's size.
DEFAULT_VIEW: tuple[float, float, float] = (*PageOptions().center, float(PageOptions().zoom))
DEFAULT_VIEW_SIZE = (1600, 900)
# The layers the map page usually has (their credits decide how long the source line is).
LIKELY_LAYERS = ("countries", "rail", "sea", "ports")


# The China-centred world's start view: the whole frame (25° W to 335° E) as wide as the map, centred
# on 155° E at 20° N (from about 75° N to 60° S at 16:9).
PACIFIC_CENTER = (20.0, 155.0)


def default_view(width: int, height: int, world: str = "greenwich") -> tuple[float, float, float]:
    """The start view for a map of this logical size, in ``world``'s longitudes: the Greenwich world's
    is the same extent as at 1600×900; the China-centred world's is the whole world, as wide as the map
    (both to ¼ zoom)."""
    if WORLDS.get(world) is not None:
        zoom = math.floor(math.log2(width / 256) * 4) / 4  # 360° in 256·2^zoom pixels
        return PACIFIC_CENTER[0], PACIFIC_CENTER[1], min(9.0, max(1.0, zoom))
    ratio = min(width / DEFAULT_VIEW_SIZE[0], height / DEFAULT_VIEW_SIZE[1])
    zoom = round((DEFAULT_VIEW[2] + math.log2(ratio)) * 4) / 4
    return DEFAULT_VIEW[0], DEFAULT_VIEW[1], min(9.0, max(1.0, zoom))


def page_view(spec: ExportSpec) -> tuple[float, float, float]:
    """Where ``spec``'s map starts, in its page's longitudes: its view (given in ±180) or the default."""
    if spec.view is None:
        return default_view(spec.width, spec.height, spec.world)
    lat, lon, zoom = spec.view
    edge = WORLDS.get(spec.world)
    return lat, lon if edge is None else to_frame(lon, edge), zoom


def sheet_map_size(paper: Paper) -> tuple[int, int]:
    """About the map's size on ``paper``'s sheet (CSS pixels): its width exactly, its height less the
    usual title and footer bands (the page lays the texts out; this only picks the start view)."""
    sheet_w, sheet_h = paper.sheet_px
    edge = css_px(paper.margin_mm + paper.bleed_mm)
    width = sheet_w if paper.bleed_mm > 0 else sheet_w - 2 * edge
    return max(1, round(width)), max(1, round(sheet_h - 2 * edge - 110))


FACT_SHEET_VIEWPORT = (round(css_px(210 - 2 * 12)), 1000)  # A4 portrait less 12 mm margins; any height


def fact_sheet_frame(spec: ExportSpec) -> MapFrame:
    """The frame a fact sheet is drawn in: its HTML in the page's flow, on A4 portrait pages."""
    margin = spec.paper.margin_mm
    width = round(css_px(PAPERS_MM["A4"][0] - 2 * margin))
    height = FACT_SHEET_VIEWPORT[1]
    sheet = {"factsheet": True, "html": spec.sheet_html, "marginMm": margin}
    view = page_view(replace(spec, width=width, height=360))
    return MapFrame(
        width=width,
        height=height,
        fit=spec.selection,
        view=view,
        lang=spec.lang,
        sheet=sheet,
        page_mm=PAPERS_MM["A4"],
        page_margin_mm=margin,
        fit_routes=True,
    )


def sheet_frame(spec: ExportSpec, texts: ExportTexts) -> MapFrame:
    """The frame a PDF of ``spec`` is drawn in: the page laid out as the sheet, with its texts."""
    if spec.sheet_html:
        return fact_sheet_frame(spec)
    paper = spec.paper
    sheet_w, sheet_h = paper.sheet_px
    map_w, map_h = sheet_map_size(paper)
    sheet = {
        "width": sheet_w,
        "height": sheet_h,
        "margin": css_px(paper.margin_mm),
        "bleed": css_px(paper.bleed_mm),
        "title": texts.title,
        "subtitle": texts.subtitle,
        "source": texts.source,
        "date": texts.date,
        "lang": spec.lang,
    }
    return MapFrame(
        width=sheet_w,
        height=sheet_h,
        fit=spec.selection,
        view=page_view(replace(spec, width=map_w, height=map_h)),
        lang=spec.lang,
        sheet=sheet,
        page_mm=paper.sheet_mm,
    )


Done = Callable[[Composition | None, str], None]


class ExportSession(QObject):
    """Owns the hidden export view and its presenter; ``export`` renders one spec at a time."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, tripwire: RequestTripwire, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.renderer = ExportRenderer(tripwire, self)
        self.renderer.failed.connect(self.failed)
        self.state: AppState | None = None
        self.presenter: Presenter | None = None
        self.layers: list[str] = []
        self.is_ready = False
        self.pov = "china"  # the page's point of view (its default until an export asks otherwise)

    def load(self, page: Path) -> None:
        """Start loading the export page (built with ``PageOptions(export=True)``)."""
        self.renderer.load(page)

    def presize(self, spec: ExportSpec, label: str = "", layers: tuple[str, ...] = LIKELY_LAYERS) -> None:
        """Give the view the size ``spec`` will most likely need, before the page loads.

        A hint: with the right size the map is laid out and drawn once; with a wrong one it is simply
        drawn again at export time. ``label`` and ``layers`` are the expected dataset label and layers.
        """
        texts = ExportTexts(
            spec.title.strip(),
            spec.subtitle.strip(),
            source_line(label, layers, spec.pov),
            date_text(spec.lang),
        )
        if spec.fmt == "pdf":
            frame = sheet_frame(spec, texts)
            self.renderer.presize(replace(frame, view=None if spec.selection else frame.view))
            return
        layout = plan(spec, texts)
        view = None if spec.selection else page_view(spec)
        self.renderer.presize(MapFrame(spec.width, layout.map_height, spec.scale, view=view))

    def attach(self, state: AppState, language: str = "en", corridor: Corridor | None = None) -> None:
        """Follow ``state`` (dataset, filters, selection) from now on; may be called while loading.

        ``corridor`` gives the presenter the routes for the flows along the corridor's legs.
        """
        from corridor_map.ui.presenter import PagePresenter

        self.state = state
        # Connected after the renderer's own slot, so on pageReady the presenter's pushes and our
        # get_view() run after cm_export.js is in; runJavaScript calls run in order.
        presenter = PagePresenter(self.renderer.view, state, language, corridor, fly=False)
        presenter.choroplethApplied.connect(self._on_choropleth_applied)
        self._follow(presenter)

    def attach_payload(self, payload: dict[str, Any], language: str, selection: tuple[str, ...]) -> None:
        """Show a ready-made ``core.page_payload`` with ``selection`` (no live state; no pandas).

        Before ``load``, the page gets the data as it loads (no round trip through Python).
        """
        from corridor_map.ui.export.payload_presenter import PayloadPresenter

        presenter = PayloadPresenter(self.renderer.view, payload, language, selection)
        if not self.renderer.loading_started:
            presenter.preload()
        self._follow(presenter)

    def _follow(self, presenter: PagePresenter | PayloadPresenter) -> None:
        self.presenter = presenter
        self.renderer.view.pageReady.connect(self._on_page_ready)
        if self.renderer.view.ready:
            presenter.push_all()
            self._on_page_ready()

    def close(self) -> None:
        """Release the hidden view (its page is deleted with the next deferred deletes); its presenter stops
        following the state."""
        detach = getattr(self.presenter, "detach", None)
        if detach is not None:
            detach()
        self.renderer.close()

    def _on_choropleth_applied(self, payload: dict[str, Any]) -> None:
        log.debug("export view: choropleth applied (%d countries)", len(payload.get("values", {})))

    def _on_page_ready(self) -> None:
        log.debug("export view: page ready")
        self.pov = "china"  # a (re)loaded page starts in its default view
        self.renderer.view.api.get_view(self._on_view)

    def _on_view(self, value: Any) -> None:
        extent = MapExtent.from_page(value)
        self.layers = [key for key, shown in extent.layers.items() if shown] if extent else []
        self.is_ready = True
        self.ready.emit()

    def texts(self, spec: ExportSpec) -> ExportTexts:
        """Title, subtitle, source line and date for ``spec`` in its language."""
        label = self.presenter.label(spec.lang) if self.presenter is not None else ""
        source = source_line(label, self.layers, spec.pov)
        return ExportTexts(
            spec.title.strip(), spec.subtitle.strip(), source, spec.date or date_text(spec.lang)
        )

    def export(self, spec: ExportSpec, done: Done) -> None:
        """Render ``spec`` with the state as it is now; ``done(composition, "")`` or ``done(None, why)``."""
        try:
            validate(spec)
        except ExportError as exc:
            done(None, str(exc))
            return
        if not self.is_ready or self.presenter is None:
            done(None, "the export map is not loaded yet")
            return
        if self.presenter.language != spec.lang:
            self.presenter.set_language(spec.lang)
        # The presenter pushes synchronously (queued runJavaScript calls run in order), so the
        # frame below sees the choropleth, selection and language of the state as it is now.
        if spec.pov != self.pov:
            self.renderer.view.api.set_point_of_view(spec.pov)
            self.pov = spec.pov
        self.renderer.view.api.set_legend_visible(bool(spec.legend))
        year = spec.playback_year
        self.renderer.view.api.set_year_badge(str(year) if year is not None else None)
        self.renderer.view.api.show_routes(list(spec.routes))
        texts = self.texts(spec)
        if spec.fmt == "pdf":
            self._export_sheet(spec, texts, done)
            return
        layout = plan(spec, texts)
        if layout.map_height < 100:
            done(None, "the title and source line leave no room for the map at this size")
            return
        frame = MapFrame(
            width=spec.width,
            height=layout.map_height,
            scale=spec.scale,
            fit=spec.selection,
            view=page_view(spec),
            lang=spec.lang,
        )

        def rendered(result: RenderedMap | None, message: str) -> None:
            if result is None:
                done(None, message)
                return
            done(compose(spec, layout, texts, result.image, result.info), "")

        self.renderer.render(frame, rendered)

    def _export_sheet(self, spec: ExportSpec, texts: ExportTexts, done: Done) -> None:
        frame = sheet_frame(spec, texts)

        def printed(result: RenderedMap | None, message: str) -> None:
            if result is None or result.pdf is None:
                done(None, message or "the map could not be printed to PDF")
                return
            page = frame.page_mm or spec.paper.sheet_mm
            done(sheet_composition(result.pdf, page, result.info), "")

        self.renderer.render(frame, printed)


def wait_for(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``condition()`` or the time limit; whether it became true."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    if condition():
        return True
    timer.start()
    deadline.start(int(timeout_s * 1000))
    loop.exec()
    timer.stop()
    return condition()


def export_blocking(session: ExportSession, spec: ExportSpec, timeout_s: float = 60.0) -> Composition:
    """``session.export`` for scripts and tests: the composition, or ExportError with the reason."""
    box: list[tuple[Composition | None, str]] = []
    loop = QEventLoop()

    def done(result: Composition | None, message: str) -> None:
        box.append((result, message))
        loop.quit()

    session.export(spec, done)
    if not box:
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        loop.exec()
    if not box:
        raise ExportError(f"the export did not finish within {timeout_s:.0f} s")
    result, message = box[0]
    if result is None:
        raise ExportError(message)
    return result


def save_composition(composition: Composition, path: Path) -> None:
    """Write ``composition``: its PDF, or its image as PNG; ExportError naming the file when it cannot."""
    path = Path(path)
    if composition.pdf is None:
        save_png(composition.image, path)
        return
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    try:
        path.write_bytes(composition.pdf)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


def save_png(image: QImage, path: Path) -> None:
    """Write ``image`` as PNG (with its DPI); ExportError naming the file when it cannot be written."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    writer = QImageWriter(str(path), b"png")
    # Qt's PNG writer takes a 0–100 "quality" (not a zlib level): 70 is ~40 % faster than the
    # default for ~5 % more bytes; 90 and above store the pixels uncompressed.
    writer.setQuality(70)
    if not writer.write(image):
        raise ExportError(f"cannot write {path}: {writer.errorString()}")
