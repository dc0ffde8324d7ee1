"""The File menu's data actions: import sales/dealers, recent files, revert to sample, save templates."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from corridor_map.core.dataset import Dataset
from corridor_map.core.schema import TableKind
from corridor_map.core.store import DatasetStore
from corridor_map.state import AppState
from corridor_map.ui.data import dialogs
from corridor_map.ui.data.background import Worker
from corridor_map.ui.data.dialogs import fill
from corridor_map.ui.data.flow import ImportFlow
from corridor_map.ui.data.status import DatasetStatus
from corridor_map.ui.data.templates import Template, save_template, templates
from corridor_map.ui.panels.table_dock import subscribe
from corridor_map.ui.plain_text import plain_tooltip

log = logging.getLogger(__name__)


class DataActions(QObject):
    """Owns the data actions, the import flow and the status-bar dataset indicator of ``window``."""

    def __init__(
        self, window: QMainWindow, state: AppState, store: DatasetStore, worker: Worker | None = None
    ) -> None:
        super().__init__(window)
        self.main_window = window
        self.state = state
        self.store = store
        self.flow = ImportFlow(window, state, store, worker)
        self.status = DatasetStatus(state, window)
        self.act_import_sales = QAction(self)
        self.act_import_sales.setObjectName("actImportSales")
        self.act_import_sales.triggered.connect(lambda: self.flow.choose_and_import("sales"))
        self.act_import_dealers = QAction(self)
        self.act_import_dealers.setObjectName("actImportDealers")
        self.act_import_dealers.triggered.connect(lambda: self.flow.choose_and_import("dealers"))
        self.menu_recent = QMenu(window)
        self.menu_recent.aboutToShow.connect(self.refresh_recent)
        self.act_revert = QAction(self)
        self.act_revert.setObjectName("actRevertToSample")
        self.act_revert.triggered.connect(self.revert_to_sample)
        self.act_template: dict[TableKind, QAction] = {}
        for kind in ("sales", "dealers"):
            action = QAction(self)
            action.triggered.connect(lambda _=False, k=kind: self.save_template(k))
            self.act_template[kind] = action
        self.flow.busyChanged.connect(self._update_enabled)
        subscribe(self, state.dataset_changed, self._on_dataset_changed)
        window.installEventFilter(self)
        self.retranslate()
        self.refresh_recent()
        self._update_enabled()

    def add_to(self, menu: QMenu) -> None:
        """Put the actions into ``menu`` (the File menu), ending with a separator."""
        menu.addAction(self.act_import_sales)
        menu.addAction(self.act_import_dealers)
        menu.addMenu(self.menu_recent)
        menu.addSeparator()
        menu.addAction(self.act_revert)
        menu.addSeparator()
        menu.addAction(self.act_template["sales"])
        menu.addAction(self.act_template["dealers"])
        menu.addSeparator()

    def open_files(self, paths: list[Path]) -> None:
        """Import ``paths`` one after another through the import flow (``corridor-map FILE ...``, a
        desktop's "Open with"): each shows its report or its error, as File → Import does."""
        queue = list(paths)

        def next_file(_outcome: str = "") -> None:
            if not queue:
                self.flow.finished.disconnect(next_file)
                return
            self.flow.import_file(queue.pop(0), None)

        if queue:
            self.flow.finished.connect(next_file)
            next_file()

    def shutdown(self) -> None:
        """On closing the window: stop a running read (a save in progress completes) and the thread."""
        self.flow.cancel()
        self.flow.worker.shutdown()

    # ---- recent files and revert --------------------------------------------------------------
    def refresh_recent(self) -> None:
        """Rebuild the Recent files submenu from the store, newest first (each time it is shown)."""
        self.menu_recent.clear()
        recent = self.store.recent_files()
        for path in recent:
            action = self.menu_recent.addAction(path.name)
            action.setToolTip(plain_tooltip(str(path)))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=path: self.flow.import_file(p, None))
        if not recent:
            empty = self.menu_recent.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        self.menu_recent.setToolTipsVisible(True)

    def recent_actions(self) -> list[QAction]:
        """The actions of the Recent files submenu that open a file."""
        return [a for a in self.menu_recent.actions() if a.data()]

    def revert_to_sample(self) -> bool:
        """After confirmation, make the bundled sample active again; True when it was done."""
        if self.state.dataset.is_sample or self.flow.busy:
            return False
        if not dialogs.confirm(
            self.main_window,
            self.tr("Revert to sample data"),
            self.tr("Show the sample again? The imported data is deleted; your own files stay as they are."),
        ):
            return False
        try:
            sample = self.store.revert_to_sample()
        except OSError as exc:
            log.error("revert to sample failed: %s", exc)
            dialogs.message_box(
                self.main_window,
                QMessageBox.Icon.Warning,
                self.tr("Revert to sample data"),
                fill(self.tr("The sample could not be made active: %1"), exc),
            )
            return False
        self.state.set_dataset(sample)
        return True

    # ---- templates ----------------------------------------------------------------------------
    def template_filters(self, kind: TableKind) -> list[tuple[Template, str]]:
        """Each template of ``kind`` with its file-dialog filter."""
        labels = {
            "xlsx": self.tr("Excel workbook with a help sheet (*.xlsx)"),
            "csv": self.tr("CSV with English headers (*.csv)"),
            "csv_zh": self.tr("CSV with Chinese headers (*.csv)"),
        }
        return [(t, labels[t.variant]) for t in templates(kind)]

    def save_template(self, kind: TableKind) -> Path | None:
        """Ask where, then copy the chosen empty template there; the path written, or None."""
        choices = self.template_filters(kind)
        title = self.tr("Save sales template") if kind == "sales" else self.tr("Save dealers template")
        suggested = Path.home() / choices[0][0].file_name
        answer = dialogs.ask_save_path(self.main_window, title, suggested, [f for _, f in choices])
        if answer is None:
            return None
        destination, chosen = answer
        by_filter = [t for t, f in choices if f == chosen]
        by_suffix = [t for t, _ in choices if t.suffix == destination.suffix.lower()]
        template = (by_filter or by_suffix or [choices[0][0]])[0]
        try:
            written = save_template(template, destination)
        except OSError as exc:
            log.error("cannot save the template to %s: %s", destination, exc)
            dialogs.message_box(
                self.main_window,
                QMessageBox.Icon.Warning,
                title,
                fill(self.tr("%1 could not be written: %2"), destination, exc),
            )
            return None
        self.main_window.statusBar().showMessage(fill(self.tr("Template saved: %1"), written), 8000)
        return written

    # ---- state and language -------------------------------------------------------------------
    def _on_dataset_changed(self, _dataset: Dataset) -> None:
        self._update_enabled()

    def _update_enabled(self, *_: object) -> None:
        idle = not self.flow.busy
        self.act_import_sales.setEnabled(idle)
        self.act_import_dealers.setEnabled(idle)
        self.menu_recent.setEnabled(idle)
        self.act_revert.setEnabled(idle and not self.state.dataset.is_sample)

    def retranslate(self) -> None:
        """Every action's text in the current language."""
        self.act_import_sales.setText(self.tr("Import &sales…"))
        self.act_import_sales.setStatusTip(self.tr("Read a sales table (CSV or XLSX) and check it"))
        self.act_import_dealers.setText(self.tr("Import &dealers…"))
        self.act_import_dealers.setStatusTip(self.tr("Read a dealers table (CSV or XLSX) and check it"))
        self.menu_recent.setTitle(self.tr("&Recent files"))
        self.act_revert.setText(self.tr("Re&vert to sample data"))
        self.act_template["sales"].setText(self.tr("Save sales &template…"))
        self.act_template["dealers"].setText(self.tr("Save dealers t&emplate…"))
        self.refresh_recent()
        self.status.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main_window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)
