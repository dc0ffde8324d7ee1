"""Country fact sheets: one A4 PDF per country, rendered by the PDF export's vector page (issue 26).

``FactSheetJob`` renders sheets one after another without blocking the window: it keeps a private
``AppState`` (the window's dataset and, if asked, its filters) whose selection is the sheet's country, so
the window's own selection never changes; the export page follows that state like the Export dialog's
follows the window's. Each sheet's HTML (``mapgen.factsheet_html``) is put into the page around the
map, which is framed on the country and its default route from Chongqing, and printed. With
``combined`` the sheets are joined into one PDF behind a cover and a contents page (``pypdf``).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter

from corridor_map.ui.export.composer import Composition, date_text, map_credits
from corridor_map.ui.export.controller import ExportController
from corridor_map.ui.export.session import save_composition, save_png
from corridor_map.ui.export.spec import ExportSpec, Paper

if TYPE_CHECKING:
    from corridor_map.core.corridor import Corridor
    from corridor_map.state import AppState
    from corridor_map.ui.web import RequestTripwire

log = logging.getLogger(__name__)

LANGS = ("en", "zh", "both")
SHEET_MARGIN_MM = 12.0
SHEET_PAPER = Paper("A4", landscape=False, margin_mm=SHEET_MARGIN_MM)
SHEET_LAYERS = ("countries", "rail", "sea", "ports", "dealers")
PREVIEW_DPI = 150  # an A4 page: 1240 × 1754 pixels, its small print readable on a screen


def all_sections() -> frozenset[str]:
    from corridor_map.mapgen.factsheet_html import SECTIONS

    return frozenset(SECTIONS)


@dataclass(frozen=True)
class FactSheetOptions:
    """What the sheets hold: language (en, zh or both), sections, the window's filters or none, one PDF."""

    lang: str = "en"
    sections: frozenset[str] = field(default_factory=all_sections)
    use_filters: bool = True
    combined: bool = False
    png: bool = False  # also a PNG preview of each sheet's first page, beside its PDF


def sheet_file(out_dir: Path, iso3: str, lang: str) -> Path:
    """Where a country's sheet is written: ``THA-en.pdf``, ``THA-zh.pdf``, ``THA-en-zh.pdf`` (both)."""
    suffix = "en-zh" if lang == "both" else lang
    return out_dir / f"{iso3}-{suffix}.pdf"


def sheet_preview(pdf: bytes, dpi: float = PREVIEW_DPI) -> QImage:
    """The first page of a sheet's ``pdf`` as a picture on white at ``dpi`` (null if unreadable)."""
    from corridor_map.ui.export.pdf_preview import render_pdf_page  # late: Qt PDF

    width_mm, height_mm = SHEET_PAPER.sheet_mm
    page = render_pdf_page(pdf, round(width_mm / 25.4 * dpi), round(height_mm / 25.4 * dpi))
    if page.isNull():
        return page
    image = QImage(page.size(), QImage.Format.Format_RGB32)  # Qt PDF leaves the paper transparent
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def page_language(lang: str) -> str:
    """The map's own labels: Chinese for a Chinese sheet, English otherwise (a bilingual sheet too)."""
    return "zh" if lang == "zh" else "en"


class FactSheetJob(QObject):
    """Renders fact sheets in the background of the event loop; ``progress`` after each one."""

    progress = Signal(int, int, str)  # sheets done, sheets in all, the ISO3 just written
    finished = Signal(list)  # the files written (also after a cancel)
    failed = Signal(str)

    def __init__(
        self,
        state: AppState,
        corridor: Corridor | None,
        tripwire: RequestTripwire,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window_state = state
        self.corridor = corridor
        self.tripwire = tripwire
        self.controller: ExportController | None = None
        self.private: AppState | None = None
        self.codes: list[str] = []
        self.options = FactSheetOptions()
        self.out_dir = Path()
        self.written: list[Path] = []
        self.previews: list[Path] = []  # the PNG previews (``options.png``)
        self.pages: list[int] = []
        self.seconds: list[float] = []
        self.is_running = False
        self._cancelled = False
        self._index = 0
        self._started = 0.0
        self._strings: dict[str, dict[str, str]] | None = None

    # ---- start, cancel --------------------------------------------------------------------------------
    def start(self, codes: list[str], options: FactSheetOptions, out_dir: Path) -> None:
        """Write a sheet for each of ``codes`` into ``out_dir`` (``failed`` says why not)."""
        from corridor_map.core.aggregate import NO_FILTERS
        from corridor_map.state import AppState

        if self.is_running:
            self.failed.emit("fact sheets are being made already")
            return
        if options.lang not in LANGS:
            self.failed.emit(f"unknown language '{options.lang}' (en, zh or both)")
            return
        if not codes:
            self.failed.emit("no country to make a fact sheet for")
            return
        out_dir = Path(out_dir)
        if not out_dir.is_dir():
            self.failed.emit(f"cannot write to {out_dir}: the folder does not exist")
            return
        self.codes, self.options, self.out_dir = list(codes), options, out_dir
        self.written, self.previews, self.pages, self.seconds = [], [], [], []
        self._cancelled, self._index, self.is_running = False, 0, True
        self.private = AppState(self.window_state.dataset)
        self.private.set_filters(self.window_state.filters if options.use_filters else NO_FILTERS)
        self.private.select([self.codes[0]])
        from corridor_map.ui.factsheet_strings import fact_sheet_strings

        self._strings = fact_sheet_strings()
        lang = page_language(options.lang)
        spec = self._spec(self.codes[0], "")
        if self.controller is None or not self.controller.ready_for(spec):
            if self.controller is not None:
                self.controller.close()
            self.controller = ExportController(self.tripwire, self)
            self.controller.failed.connect(self._on_failed)
            self.controller.ready.connect(self._next_soon)
            self.controller.open_live(spec, self.private, lang, self.corridor)
        else:
            self._next_soon()

    def cancel(self) -> None:
        """Stop after the sheet being made; ``finished`` carries what was written."""
        self._cancelled = True

    def close(self) -> None:
        """Stop (no further sheet) and release the hidden export view."""
        self._cancelled = True
        self.is_running = False
        if self.controller is not None:
            self.controller.close()
            self.controller = None

    # ---- one sheet after another --------------------------------------------------------------------------
    def _spec(self, iso3: str, html: str) -> ExportSpec:
        from corridor_map.core.factsheet import route_payload

        routes = tuple(route_payload(self.corridor, iso3)) if self.corridor is not None else ()
        return ExportSpec(
            fmt="pdf",
            paper=SHEET_PAPER,
            lang=page_language(self.options.lang),
            selection=(iso3,),
            legend=False,
            routes=routes,
            sheet_html=html,
        )

    def sheet_html(self, iso3: str) -> str:
        """The HTML of ``iso3``'s sheet with the private state's data and filters."""
        from corridor_map.core.factsheet import build_fact_sheet
        from corridor_map.mapgen.factsheet_html import sheet_html

        assert self.private is not None and self._strings is not None
        sheet = build_fact_sheet(self.private.dataset, iso3, self.private.filters, self.corridor)
        date = {lang: date_text(lang) for lang in ("en", "zh")}
        credits = "; ".join(map_credits(SHEET_LAYERS))
        lang: Literal["en", "zh", "both"] = (
            "zh" if self.options.lang == "zh" else "both" if self.options.lang == "both" else "en"
        )
        return sheet_html(sheet, self._strings, lang, self.options.sections, date, credits)

    def _next_soon(self) -> None:
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if not self.is_running or self.controller is None or not self.controller.is_ready:
            return
        if self._cancelled or self._index >= len(self.codes):
            self._finish()
            return
        iso3 = self.codes[self._index]
        assert self.private is not None
        self.private.select([iso3])
        self._started = time.perf_counter()
        try:
            spec = self._spec(iso3, self.sheet_html(iso3))
        except Exception as exc:  # bad data for one country: say which, never a traceback
            log.exception("fact sheet %s", iso3)
            self._fail(f"{iso3}: the fact sheet could not be made: {exc}")
            return
        self.controller.export(spec, lambda result, message: self._on_sheet(iso3, result, message))

    def _on_sheet(self, iso3: str, result: Composition | None, message: str) -> None:
        if result is None:
            self._fail(f"{iso3}: {message}")
            return
        out = sheet_file(self.out_dir, iso3, self.options.lang)
        try:
            save_composition(result, out)
            if self.options.png:
                preview = sheet_preview(result.pdf or b"")
                if preview.isNull():
                    raise ValueError(f"{out.name}: its first page could not be drawn for the PNG preview")
                save_png(preview, out.with_suffix(".png"))
                self.previews.append(out.with_suffix(".png"))
        except Exception as exc:
            self._fail(str(exc))
            return
        self.written.append(out)
        self.pages.append(pdf_pages(result.pdf or b""))
        self.seconds.append(time.perf_counter() - self._started)
        self._index += 1
        self.progress.emit(self._index, len(self.codes), iso3)
        self._next_soon()

    def _finish(self) -> None:
        files = list(self.written)
        if self.options.combined and len(files) > 1 and not self._cancelled:
            try:
                files = [self._combine()]
            except Exception as exc:
                self._fail(f"the combined PDF could not be made: {exc}")
                return
        self.is_running = False
        self.finished.emit(files)

    def _combine(self) -> Path:
        from corridor_map.ui.export.factsheet_book import combine

        return combine(self, self.out_dir / combined_name(self.options.lang))

    def _fail(self, message: str) -> None:
        self.is_running = False
        self.failed.emit(message)

    def _on_failed(self, message: str) -> None:
        if self.is_running:
            self._fail(message)


def combined_name(lang: str) -> str:
    """The combined PDF's file name."""
    suffix = "en-zh" if lang == "both" else lang
    return f"fact-sheets-{dt.date.today().isoformat()}-{suffix}.pdf"


def pdf_pages(pdf: bytes) -> int:
    """How many pages ``pdf`` has (0 if unreadable)."""
    import io

    from pypdf import PdfReader

    try:
        return len(PdfReader(io.BytesIO(pdf)).pages)
    except Exception:
        return 0


def run_blocking(job: FactSheetJob, codes: list[str], options: FactSheetOptions, out_dir: Path) -> Any:
    """``job.start`` for a command: runs the event loop until it is finished; (files, error)."""
    from PySide6.QtCore import QEventLoop

    box: list[tuple[list[Path], str]] = []
    loop = QEventLoop()

    def finished(files: list[Path]) -> None:
        box.append((list(files), ""))
        loop.quit()

    def failed(message: str) -> None:
        box.append(([], message))
        loop.quit()

    job.finished.connect(finished)
    job.failed.connect(failed)
    job.start(codes, options, out_dir)
    if not box:
        loop.exec()
    return box[0]
