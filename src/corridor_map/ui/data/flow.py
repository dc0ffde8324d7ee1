"""The import flow, step by step: file → read and check (worker) → table step → report → save.

The reader finds the sheet, the header row and the layout; the table step (the column-mapping dialog
with where the table was found and a preview) is shown when the headers do not fit or when the reader
did more than read a plain table, and lets the user change the sheet, header row, layout or encoding.

Every step is a method and every dialog is opened without a nested event loop (``open()``), so tests
drive the flow by calling the dialogs' own methods. Nothing changes until the user confirms the report
and the new dataset is saved; any failure or cancellation leaves the active dataset as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from corridor_map.core.dataset import Dataset, ImportMode
from corridor_map.core.errors import DataFormatError
from corridor_map.core.importing import load_table
from corridor_map.core.schema import ColumnMismatchError, HeaderMatch, TableKind, guess_kind
from corridor_map.core.store import DatasetStore
from corridor_map.core.validate import ValidationResult
from corridor_map.state import AppState
from corridor_map.ui.data import dialogs
from corridor_map.ui.data.background import ImportCancelledError, Progress, Worker
from corridor_map.ui.data.dialogs import fill
from corridor_map.ui.data.mapping_dialog import ColumnMappingDialog
from corridor_map.ui.data.report_dialog import ImportReportDialog
from corridor_map.ui.data.table_box import review_needed
from corridor_map.ui.futures import when_done

log = logging.getLogger(__name__)

Outcome = Literal["imported", "cancelled", "failed"]


class ImportFlow(QObject):
    """Imports one file at a time into ``state`` (through ``store``); emits ``finished(outcome)``."""

    finished = Signal(str)
    busyChanged = Signal(bool)

    def __init__(
        self, parent: QWidget, state: AppState, store: DatasetStore, worker: Worker | None = None
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.state = state
        self.store = store
        self.worker = worker or Worker()
        self.busy = False
        self.path = Path()
        self.kind: TableKind = "sales"
        self.guessing = False
        self.options: dict[str, Any] = {}  # sheet, header_row, encoding, layout chosen in the table step
        self.reviewed = False  # the user has seen how the file was read (or there was nothing to see)
        self.force_review = False
        self.mapping: dict[str, str] | None = None
        self.mapped_headers: tuple[str, ...] = ()
        self.result: ValidationResult | None = None
        self.progress: Progress | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.mapping_dialog: ColumnMappingDialog | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.message: QMessageBox | None = None
        self.last_error = ""
        self.outcome = ""
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._update_progress)

    # ---- steps ----------------------------------------------------------------------------------
    def choose_and_import(self, kind: TableKind) -> None:
        """Ask for a file (File → Import sales… / dealers…), then import it."""
        if self.busy:
            return
        recent = self.store.recent_files()
        path = dialogs.ask_open_path(self.parent_widget, kind, str(recent[0].parent) if recent else "")
        if path is not None:
            self.import_file(path, kind)

    def import_file(self, path: Path | str, kind: TableKind | None, sheet: str | None = None) -> None:
        """Import ``path`` as ``kind`` (None: sales or dealers, whichever its headers fit)."""
        if self.busy:
            return
        self._set_busy(True)
        self.path, self.kind, self.guessing = Path(path), kind or "sales", kind is None
        self.options = {"sheet": sheet} if sheet else {}
        self.mapping, self.result, self.last_error, self.reviewed = None, None, "", False
        self.force_review = False
        self._close_dialogs()
        self._start_load()

    def _close_dialogs(self) -> None:
        for dialog in (self.report_dialog, self.mapping_dialog):
            if dialog is not None:
                dialog.deleteLater()  # the previous step's (or import's) dialogs
        self.report_dialog = self.mapping_dialog = None

    def cancel(self) -> None:
        """Stop reading (the worker stops at its next progress report); nothing changes."""
        if self.progress is not None:
            self.progress.cancel()
            if self.progress_dialog is not None:
                self.progress_dialog.setLabelText(self.tr("Cancelling…"))

    def _start_load(self) -> None:
        progress = self.progress = Progress()
        path, kind, mapping, options = self.path, self.kind, self.mapping, dict(self.options)
        future = self.worker.submit(
            lambda: load_table(path, kind, mapping=mapping, progress=progress, **options)
        )
        self._show_progress(fill(self.tr("Reading %1…"), path.name), cancellable=True)
        when_done(future, self._on_loaded, self._on_load_error, poll_ms=50)

    def _on_loaded(self, result: ValidationResult) -> None:
        cancelled = self.progress is not None and self.progress.cancelled
        self._close_progress()
        if cancelled:
            self._finish("cancelled")
            return
        if result.rows == 0:
            self._fail(fill(self.tr("%1: there are no data rows below the header."), self.path))
            return
        self.result = result
        if (
            not self.reviewed
            and result.match is not None
            and (self.force_review or review_needed(result.raw))
        ):
            self._ask_mapping(result.match, result)
            return
        self._show_report(result)

    def _show_report(self, result: ValidationResult) -> None:
        self.reviewed = True
        current = self.state.dataset
        can_append = not current.is_sample and len(current.table(result.kind)) > 0
        dialog = self.report_dialog = ImportReportDialog(result, can_append, self.parent_widget)
        dialog.chosen.connect(self._commit)
        dialog.rejected.connect(lambda: self._finish("cancelled"))
        dialog.open()

    def _on_load_error(self, error: BaseException) -> None:
        cancelled = self.progress is not None and self.progress.cancelled
        self._close_progress()
        if cancelled or isinstance(error, ImportCancelledError):
            self._finish("cancelled")
        elif isinstance(error, ColumnMismatchError):
            guessed = guess_kind(error.match.headers) if self.guessing else None
            self.guessing = False
            if guessed is not None and guessed != self.kind:
                self.kind = guessed
                self._start_load()
            else:
                self._ask_mapping(error.match, None, error.raw)
        elif isinstance(error, DataFormatError):
            self._fail(error.text(_lang()))
        else:
            log.error("import of %s failed", self.path, exc_info=error)
            self._fail(fill(self.tr("%1 could not be imported: %2"), self.path, _describe(error)))

    def _ask_mapping(
        self, match: HeaderMatch, result: ValidationResult | None = None, raw: Any = None
    ) -> None:
        """The table step: ``result`` when the file was read and is to be reviewed, else the headers
        did not fit (``raw``: the table as read, for the preview)."""
        recalled = None if match.ok else self.store.recall_mapping(self.kind, match.headers)
        raw = result.raw if result is not None else raw
        dialog = self.mapping_dialog = ColumnMappingDialog(
            self.path, match, recalled, self.parent_widget, raw=raw
        )

        def accepted() -> None:
            self.reviewed = True
            if result is not None and not dialog.mapping_changed():
                self._show_report(result)
                return
            self.mapping, self.mapped_headers = dialog.mapping(), match.headers
            self._start_load()

        def reread(options: dict[str, Any]) -> None:
            dialog.blockSignals(True)  # closing it is not a cancel
            dialog.close()
            self.options = {k: v for k, v in options.items() if v is not None}
            self.mapping, self.reviewed, self.guessing = None, False, False
            self._close_dialogs()
            self.force_review = True  # show the step again: the user sees what the choice did
            self._start_load()

        dialog.accepted.connect(accepted)
        dialog.reread.connect(reread)
        dialog.rejected.connect(lambda: self._finish("cancelled"))
        dialog.open()

    def _commit(self, mode: ImportMode) -> None:
        result, current, store = self.result, self.state.dataset, self.store
        if result is None:
            return
        self.progress = None
        future = self.worker.submit(lambda: store.commit(current, result, mode))
        self._show_progress(self.tr("Saving the dataset…"), cancellable=False)
        when_done(future, self._on_committed, self._on_commit_error, poll_ms=50)

    def _on_committed(self, dataset: Dataset) -> None:
        self._close_progress()
        if self.mapping is not None:
            try:
                self.store.remember_mapping(self.kind, self.mapped_headers, self.mapping)
            except OSError as exc:
                log.warning("the column mapping could not be remembered: %s", exc)
        try:
            self.state.set_dataset(dataset)
        finally:
            self._finish("imported")

    def _on_commit_error(self, error: BaseException) -> None:
        self._close_progress()
        log.error("saving the dataset failed", exc_info=error)
        self._fail(fill(self.tr("The dataset could not be saved: %1"), _describe(error)))

    # ---- helpers --------------------------------------------------------------------------------

    def _fail(self, message: str) -> None:
        self.last_error = message
        text = message + "\n\n" + self.tr("Nothing has changed: the data you had stays active.")
        self.message = dialogs.message_box(
            self.parent_widget, QMessageBox.Icon.Warning, self.tr("Import failed"), text
        )
        self._finish("failed")

    def _finish(self, outcome: Outcome) -> None:
        self._close_progress()
        self.outcome = outcome
        self._set_busy(False)
        self.finished.emit(outcome)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)

    def _show_progress(self, label: str, *, cancellable: bool) -> None:
        self._close_progress()
        dialog = self.progress_dialog = QProgressDialog(self.parent_widget)
        dialog.setWindowTitle(self.tr("Importing"))
        dialog.setLabelText(label)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(400)
        if cancellable:
            dialog.setRange(0, 1000)
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setRange(0, 0)
            dialog.setCancelButton(None)
        dialog.setValue(0)
        self._poll.start()

    def _update_progress(self) -> None:
        dialog, progress = self.progress_dialog, self.progress
        if dialog is None or progress is None or progress.cancelled:
            return
        fraction, _stage = progress.read()
        dialog.setValue(int(fraction * 1000))
        if fraction >= 0.5:
            dialog.setLabelText(fill(self.tr("Checking %1…"), self.path.name))

    def _close_progress(self) -> None:
        self._poll.stop()
        if self.progress_dialog is not None:
            self.progress_dialog.hide()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None


def _lang() -> str:
    from PySide6.QtCore import QLocale

    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
