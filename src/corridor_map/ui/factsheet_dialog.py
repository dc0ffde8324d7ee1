"""Country panel → Fact sheet… (and File → Fact sheets…): one A4 handout per country, or one for each.

The dialog chooses the countries, the language, the sections and the folder, and drives a
``FactSheetJob`` (the same pipeline as ``corridor-map factsheet``): a progress bar with Cancel while it
runs, the job's errors as text, then Open and Print… for what it wrote.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSettings, QSize, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QHideEvent, QPainter, QPixmap, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from corridor_map import APP_NAME, ORG_NAME
from corridor_map.core.aggregate import NO_FILTERS, Filters
from corridor_map.core.corridor import Corridor
from corridor_map.core.countries import display_name
from corridor_map.core.factsheet import sales_countries
from corridor_map.events import Subscriptions
from corridor_map.mapgen.factsheet_html import SECTIONS
from corridor_map.state import AppState
from corridor_map.ui.web import RequestTripwire

log = logging.getLogger(__name__)

SETTINGS_GROUP = "factsheet"
LANGS = ("en", "zh", "both")
ERROR_STYLE = "color: #b00020;"
PREVIEW_SIZE = QSize(230, 326)  # an A4 page's shape
MAX_PRINT_DPI = 600  # a page rendered finer than this only costs memory (an A4 page at 600 dpi: 139 MB)


def folder_problem(folder: str) -> str | None:
    """Why fact sheets cannot be written to ``folder`` (created when missing), in the current language;
    None when they can."""
    if not folder.strip():
        return QCoreApplication.translate("FactSheetDialog", "Choose a folder for the fact sheets.")
    path = Path(folder).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return (
            QCoreApplication.translate(
                "FactSheetDialog", "The fact sheets cannot be written to “%1” (%2). Choose another folder."
            )
            .replace("%1", str(path))
            .replace("%2", reason)
        )
    return None


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Print ``pdf`` on ``printer``, each page rendered at the printer's resolution (at most
    ``MAX_PRINT_DPI``) and fitted to its page; the number of pages printed (0 when it cannot be read)."""
    from PySide6.QtPdf import QPdfDocument  # late: only when printing

    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
        return 0
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(index, size)
            target = painter.viewport()
            fitted = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), fitted), image)
    finally:
        painter.end()
    return document.pageCount()


class FactSheetDialog(QDialog):
    """Write fact sheets for the selected country, or for every country with sales."""

    def __init__(
        self,
        state: AppState,
        tripwire: RequestTripwire,
        *,
        language: str = "en",
        corridor: Corridor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FactSheetDialog")
        self.state = state
        self.tripwire = tripwire
        self.corridor = corridor
        self.language = language  # the UI's (names of countries); the sheets' is chosen in the dialog
        self.job: Any = None  # the FactSheetJob, made on the first Generate
        self.written: list[Path] = []
        self._cancelled = False
        self._total = 0
        self._done = 0  # sheets reported written in this run
        self._subscriptions: Subscriptions | None = None
        self._settings = QSettings(ORG_NAME, APP_NAME)
        self._build()
        self._restore()
        self.retranslate()

    # ---- widgets --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.scope_selected = QRadioButton(self)
        self.scope_all = QRadioButton(self)
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.scope_selected)
        self.scope_group.addButton(self.scope_all)
        self.scope_selected.setChecked(True)
        self.lang_box = QComboBox(self)
        for code in LANGS:
            self.lang_box.addItem("", code)
        self.section_boxes = {key: QCheckBox(self) for key in SECTIONS}
        for box in self.section_boxes.values():
            box.setChecked(True)
        self.filters_box = QCheckBox(self)
        self.filters_box.setChecked(True)
        self.combined_box = QCheckBox(self)
        self.png_box = QCheckBox(self)
        self.preview = QLabel(self)  # the first page of the first sheet written
        self.preview.setObjectName("factSheetPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_SIZE)
        self.preview.setStyleSheet("background: #e8e8e8;")
        self.preview.setVisible(False)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setMinimumWidth(320)
        self.browse_button = QPushButton(self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("factSheetStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.generate_button = QPushButton(self)
        self.generate_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setVisible(False)
        self.close_button = QPushButton(self)
        for button in (self.open_button, self.print_button):
            button.setEnabled(False)

        scope = QVBoxLayout()
        scope.addWidget(self.scope_selected)
        scope.addWidget(self.scope_all)
        sections = QGridLayout()
        for i, box in enumerate(self.section_boxes.values()):
            sections.addWidget(box, i // 3, i % 3)
        folder = QHBoxLayout()
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(self.browse_button)
        self.labels = {name: QLabel(self) for name in ("countries", "lang", "sections", "folder")}
        form = QFormLayout()
        form.addRow(self.labels["countries"], scope)
        form.addRow(self.labels["lang"], self.lang_box)
        form.addRow(self.labels["sections"], sections)
        form.addRow("", self.filters_box)
        form.addRow("", self.combined_box)
        form.addRow("", self.png_box)
        form.addRow(self.labels["folder"], folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self.scope_group.buttonToggled.connect(lambda *_: self._update_scope())
        self.filters_box.toggled.connect(lambda _: self._update_scope())
        self.browse_button.clicked.connect(self._browse)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.open_result)
        self.print_button.clicked.connect(self.print_result)

    def retranslate(self) -> None:
        """Every visible string in the current language."""
        self.setWindowTitle(self.tr("Fact sheets"))
        self.labels["countries"].setText(self.tr("Countries:"))
        self.labels["lang"].setText(self.tr("Language:"))
        self.labels["sections"].setText(self.tr("Sections:"))
        self.labels["folder"].setText(self.tr("Folder:"))
        self.lang_box.setItemText(0, "English")  # language names are shown in their own script
        self.lang_box.setItemText(1, "中文")
        self.lang_box.setItemText(2, "English + 中文")
        titles = {
            "map": self.tr("Map"),
            "years": self.tr("Units by year"),
            "brands": self.tr("Brands"),
            "dealers": self.tr("Dealers"),
            "routes": self.tr("Routes"),
            "figures": self.tr("Published figures"),
        }
        for key, box in self.section_boxes.items():
            box.setText(titles.get(key, key))
        self.filters_box.setText(self.tr("Apply the window's current filters"))
        self.combined_box.setText(self.tr("One combined PDF with a cover and contents"))
        self.png_box.setText(self.tr("Also a PNG picture of each sheet's first page"))
        self.preview.setToolTip(self.tr("The first page of the first sheet written"))
        self.browse_button.setText(self.tr("Choose…"))
        self.open_button.setText(self.tr("Open"))
        self.print_button.setText(self.tr("Print…"))
        self.generate_button.setText(self.tr("Generate"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self._update_scope()
        self._update_result_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """The UI's language (the names of the countries follow it)."""
        self.language = language
        self.retranslate()

    # ---- the countries ------------------------------------------------------------------------------
    @property
    def filters(self) -> Filters:
        return self.state.filters if self.filters_box.isChecked() else NO_FILTERS

    def selected_codes(self) -> list[str]:
        return sorted(self.state.selection)

    def codes(self) -> list[str]:
        """The countries the sheets are for, in the order they are written."""
        if self.scope_selected.isChecked() and self.scope_selected.isEnabled():
            return self.selected_codes()
        return sales_countries(self.state.dataset, self.filters)

    def choose_selection(self) -> None:
        """Start from the selected countries when there are any (else from every country with sales)."""
        (self.scope_selected if self.state.selection else self.scope_all).setChecked(True)
        self._update_scope()

    def _update_scope(self) -> None:
        selected = self.selected_codes()
        if len(selected) == 1:
            text = f"{display_name(selected[0], self.language)} ({selected[0]})"
        elif selected:
            text = self.tr("The %1 selected countries").replace("%1", str(len(selected)))
        else:
            text = self.tr("The selected country (none is selected)")
        self.scope_selected.setText(text)
        self.scope_selected.setEnabled(bool(selected))
        if not selected and self.scope_selected.isChecked():
            self.scope_all.setChecked(True)
        count = len(sales_countries(self.state.dataset, self.filters))
        self.scope_all.setText(self.tr("Every country with sales (%1)").replace("%1", str(count)))
        several = len(self.codes()) > 1
        self.combined_box.setEnabled(several)
        self.combined_box.setToolTip("" if several else self.tr("Only for several countries."))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._subscriptions is None:
            self._subscriptions = Subscriptions(
                (self.state.selection_changed, lambda _: self._update_scope()),
                (self.state.filters_changed, lambda _: self._update_scope()),
                (self.state.dataset_changed, lambda _: self._update_scope()),
            )
        self._update_scope()

    def hideEvent(self, event: QHideEvent) -> None:
        """Closed: stop following the window; release the hidden export view unless a run goes on."""
        if self._subscriptions is not None:
            self._subscriptions.close()
            self._subscriptions = None
        if self.job is not None and not self.job.is_running:
            self.job.close()
        super().hideEvent(event)

    # ---- settings -----------------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self._settings
        s.beginGroup(SETTINGS_GROUP)
        folder = str(s.value("folder", "") or "")
        lang = str(s.value("lang", self.language) or self.language)
        saved_sections = s.value("sections", None)
        png = str(s.value("png", "false")).lower() == "true"
        s.endGroup()
        self.png_box.setChecked(png)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder_edit.setText(folder or documents or str(Path.home()))
        index = self.lang_box.findData(lang)
        self.lang_box.setCurrentIndex(max(index, 0))
        if isinstance(saved_sections, str):
            chosen = set(saved_sections.split(",")) if saved_sections else set()
            for key, box in self.section_boxes.items():
                box.setChecked(key in chosen)

    def _save(self) -> None:
        s = self._settings
        s.beginGroup(SETTINGS_GROUP)
        s.setValue("folder", self.folder_edit.text().strip())
        s.setValue("lang", self.lang_box.currentData())
        s.setValue("sections", ",".join(self.sections()))
        s.setValue("png", self.png_box.isChecked())
        s.endGroup()
        s.sync()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the fact sheets"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    # ---- generating ---------------------------------------------------------------------------------
    def sections(self) -> list[str]:
        return [key for key, box in self.section_boxes.items() if box.isChecked()]

    @property
    def running(self) -> bool:
        return self.job is not None and bool(self.job.is_running)

    def _make_job(self) -> Any:
        from corridor_map.ui.export.factsheets import FactSheetJob  # late: loads the export pipeline

        job = FactSheetJob(self.state, self.corridor, self.tripwire, self)
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        return job

    def generate(self) -> None:
        """Write the sheets for the chosen countries into the chosen folder."""
        if self.running:
            return
        self.written = []
        self.preview.setVisible(False)
        self._update_result_buttons()
        codes = self.codes()
        folder = self.folder_edit.text().strip()
        problem = folder_problem(folder)
        if problem is None and not codes:
            problem = self.tr("No country has sales under the current filters.")
        if problem is None and not self.sections():
            problem = self.tr("Choose at least one section.")
        if problem is not None:
            self._show_status(problem, error=True)
            return
        self._save()
        from corridor_map.ui.export.factsheets import FactSheetOptions

        options = FactSheetOptions(
            lang=str(self.lang_box.currentData()),
            sections=frozenset(self.sections()),
            use_filters=self.filters_box.isChecked(),
            combined=self.combined_box.isChecked() and len(codes) > 1,
            png=self.png_box.isChecked(),
        )
        self._cancelled = False
        self._total = len(codes)
        self._done = 0
        self.progress.setRange(0, len(codes))
        self.progress.setValue(0)
        # (the first run after an install or new data builds the export map first: tens of seconds)
        self.progress.setFormat(self.tr("Preparing the map for the sheets…"))
        self.progress.setVisible(True)
        self._show_status("")
        self._set_running(True)
        try:
            if self.job is None:
                self.job = self._make_job()
            self.job.start(codes, options, Path(folder).expanduser())
        except Exception as exc:  # shown as text; the details go to the log
            log.exception("fact sheets could not start")
            self._on_failed(str(exc) or type(exc).__name__)

    def cancel(self) -> None:
        """Stop after the sheet being written."""
        if self.running:
            self._cancelled = True
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.progress.format() + " — " + self.tr("stopping…"))
            self.job.cancel()

    def _set_running(self, running: bool) -> None:
        self.generate_button.setVisible(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        for widget in (
            self.scope_selected,
            self.scope_all,
            self.lang_box,
            self.filters_box,
            self.combined_box,
            self.png_box,
            self.folder_edit,
            self.browse_button,
            *self.section_boxes.values(),
        ):
            widget.setEnabled(not running)
        if not running:
            self._update_scope()

    def _on_progress(self, done: int, total: int, iso3: str) -> None:
        self._done = done
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        name = display_name(iso3, self.language)
        text = f"{done} / {total}: {name}"
        self.progress.setFormat(text + (" — " + self.tr("stopping…") if self._cancelled else ""))

    def _on_finished(self, paths: list[Any]) -> None:
        self.written = [Path(p) for p in paths]
        self._set_running(False)
        self.progress.setVisible(False)
        n = len(self.written)
        if self._cancelled:
            text = self.tr("Cancelled: %1 of %2 fact sheets written.").replace("%1", str(n))
            text = text.replace("%2", str(self._total))
        elif n == 1:
            text = self.tr("Written: %1").replace("%1", str(self.written[0]))
        else:
            folder = self.written[0].parent if self.written else self.folder_edit.text()
            text = self.tr("%1 files written to %2").replace("%1", str(n)).replace("%2", str(folder))
        self._show_status(text)
        self._update_result_buttons()
        self._show_preview()

    def _show_preview(self) -> None:
        """The first page of the first sheet written, fitted into the preview (drawn from the file)."""
        first = next((p for p in self.written if p.suffix == ".pdf" and p.is_file()), None)
        if first is None:
            self.preview.setVisible(False)
            return
        from corridor_map.ui.export.factsheets import SHEET_PAPER, sheet_preview

        dpi = PREVIEW_SIZE.height() / (SHEET_PAPER.sheet_mm[1] / 25.4)
        paper = sheet_preview(first.read_bytes(), dpi)
        if paper.isNull():
            self.preview.setVisible(False)
            return
        self.preview.setPixmap(QPixmap.fromImage(paper))
        self.preview.setVisible(True)

    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self.progress.setVisible(False)
        done = list(getattr(self.job, "written", []))[: self._done]  # the sheets before the failure
        self.written = [Path(p) for p in done]
        text = self.tr("The fact sheets could not be made: %1").replace("%1", message)
        if self.written:
            text += "\n" + self.tr("%1 fact sheets were written before.").replace(
                "%1", str(len(self.written))
            )
        self._show_status(text, error=True)
        self._update_result_buttons()

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        needed = self.sizeHint().height()
        if self.isVisible() and self.height() < needed:  # a long message: grow rather than squeeze
            self.resize(self.width(), needed)

    # ---- the results --------------------------------------------------------------------------------
    def printable(self) -> Path | None:
        """The one PDF that Print… prints (a single sheet, or the combined one); None for several files."""
        one = len(self.written) == 1 and self.written[0].suffix.lower() == ".pdf"
        return self.written[0] if one else None

    def _update_result_buttons(self) -> None:
        self.open_button.setEnabled(bool(self.written))
        several = len(self.written) > 1
        self.print_button.setEnabled(self.printable() is not None)
        self.print_button.setToolTip(
            self.tr("Several files: make one combined PDF to print them together.") if several else ""
        )
        self.open_button.setToolTip(self.tr("Open the folder") if several else "")

    def open_result(self) -> None:
        """The PDF in the system's viewer; the folder for several files."""
        if self.written:
            target = self.written[0] if len(self.written) == 1 else self.written[0].parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def print_result(self) -> None:
        pdf = self.printable()
        if pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(pdf.name)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        pages = print_pdf(pdf, printer)
        if pages:
            self._show_status(self.tr("Sent %1 pages to the printer.").replace("%1", str(pages)))
        else:
            self._show_status(self.tr("The PDF could not be printed: %1").replace("%1", str(pdf)), error=True)
