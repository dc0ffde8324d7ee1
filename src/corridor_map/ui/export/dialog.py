"""File → Export PNG or PDF… (Ctrl+E): format, size or paper, texts, legend; a live preview; save or copy.

The dialog renders through an ``ExportController`` (the same code as ``corridor-map export``), its
hidden view opened on the first render and kept while the dialog lives, so later renders skip the page
load. The preview is a render of the current spec, made once the user stops changing things and again
when the window's state changes; Save and Copy write that very composition while nothing has changed.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from corridor_map import APP_NAME, ORG_NAME
from corridor_map.core.corridor import Corridor
from corridor_map.events import Subscriptions
from corridor_map.state import AppState
from corridor_map.ui.export.composer import Composition, source_line
from corridor_map.ui.export.controller import ExportController
from corridor_map.ui.export.preview import (
    DEBOUNCE_MS,
    PreviewPane,
    copy_composition,
    preview_image,
    write_composition,
)
from corridor_map.ui.export.session import ExportSession
from corridor_map.ui.export.spec import (
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    MAX_BLEED_MM,
    MAX_MARGIN_MM,
    MAX_PIXELS,
    MAX_SIDE,
    MIN_SIDE,
    PAPERS_MM,
    PRESETS,
    ExportError,
    ExportSpec,
    Paper,
    output_size,
    paper_problem,
    size_problem,
)
from corridor_map.ui.web import RequestTripwire
from corridor_map.view_state import MapExtent, ViewState

log = logging.getLogger(__name__)

CUSTOM = "custom"
SETTINGS_GROUP = "export"
RELEASE_AFTER_MS = 20_000  # the Export dialog closed this long: its hidden view is released
Key = tuple[ExportSpec, int]  # a spec and the revision of the window's state it was rendered with


def preset_label(key: str) -> str:
    """The preset's name in the current language."""
    labels = {
        "1920x1080": QT_TRANSLATE_NOOP("ExportDialog", "1920 × 1080 (Full HD)"),
        "3840x2160": QT_TRANSLATE_NOOP("ExportDialog", "3840 × 2160 (4K)"),
        "a4-150": QT_TRANSLATE_NOOP("ExportDialog", "A4 landscape, 150 dpi"),
        "a4-300": QT_TRANSLATE_NOOP("ExportDialog", "A4 landscape, 300 dpi"),
        "a3-150": QT_TRANSLATE_NOOP("ExportDialog", "A3 landscape, 150 dpi"),
        "a3-300": QT_TRANSLATE_NOOP("ExportDialog", "A3 landscape, 300 dpi"),
        CUSTOM: QT_TRANSLATE_NOOP("ExportDialog", "Custom size"),
    }
    return QCoreApplication.translate("ExportDialog", str(labels.get(key, key)))


def _mm(value: float) -> str:
    return f"{value:g}"


class ExportDialog(QDialog):
    """Export the map as a PNG or a PDF: the window's state (data, filters, selection, routes) as it is."""

    def __init__(
        self,
        state: AppState,
        tripwire: RequestTripwire,
        *,
        language: str = "en",
        view_state: ViewState | None = None,
        parent: QWidget | None = None,
        corridor: Corridor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.state = state
        self.tripwire = tripwire
        self.view_state = view_state  # the window's: language, point of view, routes, where its map is
        self.language = view_state.language if view_state is not None else language
        self.corridor = corridor
        self.pov: str = view_state.point_of_view if view_state is not None else "china"
        self.exporter = ExportController(tripwire, self)  # the hidden export view, opened on first use
        self.exporter.ready.connect(self._on_session_ready)
        self.exporter.failed.connect(self._on_session_failed)
        self._pending: tuple[str, Path | None] | None = None  # a save or copy waiting for its render
        self._rendering: Key | None = None
        self._rendered: tuple[Key, Composition] | None = None  # the last render (what the preview shows)
        self._layers: dict[str, bool] = {}  # the window's layers shown, as the last render drew them
        self._revision = 0  # counts the window's state changes (filters etc. are not in the spec)
        self._subscriptions: Subscriptions | None = None
        self.last: Composition | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._request_render)
        self._release = QTimer(self)  # closed for a while: the hidden export view is let go
        self._release.setSingleShot(True)
        self._release.setInterval(RELEASE_AFTER_MS)
        self._release.timeout.connect(self._release_view)
        self._settings = QSettings(ORG_NAME, APP_NAME)
        self._build()
        self._restore()
        self.retranslate()
        self._on_format()

    @property
    def _busy(self) -> bool:
        return self._pending is not None

    # ---- widgets --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.format_box = QComboBox(self)
        for fmt in ("png", "pdf"):
            self.format_box.addItem("", fmt)
        self.preset = QComboBox(self)
        for p in PRESETS:
            self.preset.addItem("", p.key)
        self.preset.addItem("", CUSTOM)
        self.width_box = QSpinBox(self)
        self.height_box = QSpinBox(self)
        for box in (self.width_box, self.height_box):
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setSuffix(" px")
        self.scale_box = QSpinBox(self)
        self.scale_box.setRange(1, 4)
        self.scale_box.setSuffix("×")
        self.size_note = QLabel(self)
        self.size_note.setObjectName("sizeNote")
        self.size_note.setWordWrap(True)
        self.paper_box = QComboBox(self)
        for name in PAPERS_MM:
            self.paper_box.addItem("", name)
        self.orientation_box = QComboBox(self)
        self.orientation_box.addItem("", True)
        self.orientation_box.addItem("", False)
        self.margin_box = QDoubleSpinBox(self)
        self.margin_box.setRange(0.0, MAX_MARGIN_MM)
        self.bleed_box = QDoubleSpinBox(self)
        self.bleed_box.setRange(0.0, MAX_BLEED_MM)
        for mm_box in (self.margin_box, self.bleed_box):
            mm_box.setDecimals(1)
            mm_box.setSuffix(" mm")
        self.paper_note = QLabel(self)
        self.paper_note.setObjectName("paperNote")
        self.paper_note.setWordWrap(True)
        self.title_edit = QLineEdit(self)
        self.subtitle_edit = QLineEdit(self)
        self.legend_box = QCheckBox(self)
        self.view_box = QCheckBox(self)
        self.view_box.setVisible(self.view_state is not None)
        self.source_note = QLabel(self)
        self.source_note.setWordWrap(True)
        self.source_note.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = PreviewPane(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.copy_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button.clicked.connect(self.save)

        self.form = form = QFormLayout()
        names = ("format", "preset", "width", "height", "scale", "paper", "orientation", "margin", "bleed")
        self.labels = {name: QLabel(self) for name in (*names, "title", "subtitle")}
        form.addRow(self.labels["format"], self.format_box)
        form.addRow(self.labels["preset"], self.preset)
        form.addRow(self.labels["width"], self.width_box)
        form.addRow(self.labels["height"], self.height_box)
        form.addRow(self.labels["scale"], self.scale_box)
        form.addRow("", self.size_note)
        form.addRow(self.labels["paper"], self.paper_box)
        form.addRow(self.labels["orientation"], self.orientation_box)
        form.addRow(self.labels["margin"], self.margin_box)
        form.addRow(self.labels["bleed"], self.bleed_box)
        form.addRow("", self.paper_note)
        form.addRow(self.labels["title"], self.title_edit)
        form.addRow(self.labels["subtitle"], self.subtitle_edit)
        form.addRow("", self.legend_box)
        form.addRow("", self.view_box)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.source_note)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.format_box.currentIndexChanged.connect(self._on_format)
        self.preset.currentIndexChanged.connect(self._on_preset)
        for box in (self.width_box, self.height_box, self.scale_box):
            box.valueChanged.connect(self._on_size_edited)
        for combo in (self.paper_box, self.orientation_box):
            combo.currentIndexChanged.connect(self._changed)
        for spin in (self.margin_box, self.bleed_box):
            spin.valueChanged.connect(self._changed)
        for edit in (self.title_edit, self.subtitle_edit):
            edit.textChanged.connect(self._changed)
        for check in (self.legend_box, self.view_box):
            check.toggled.connect(self._changed)

    def retranslate(self) -> None:
        """Every visible string in the current language."""
        self.setWindowTitle(self.tr("Export PNG or PDF"))
        self.format_box.setItemText(0, self.tr("PNG image"))
        self.format_box.setItemText(1, self.tr("PDF (vector, for print)"))
        for i in range(self.preset.count()):
            self.preset.setItemText(i, preset_label(str(self.preset.itemData(i))))
        for i, (name, (w, h)) in enumerate(PAPERS_MM.items()):
            self.paper_box.setItemText(i, f"{name} ({_mm(w)} × {_mm(h)} mm)")
        self.orientation_box.setItemText(0, self.tr("Landscape"))
        self.orientation_box.setItemText(1, self.tr("Portrait"))
        texts = {
            "format": self.tr("Format:"),
            "preset": self.tr("Size:"),
            "width": self.tr("Width:"),
            "height": self.tr("Height:"),
            "scale": self.tr("Scale:"),
            "paper": self.tr("Paper:"),
            "orientation": self.tr("Orientation:"),
            "margin": self.tr("Margin:"),
            "bleed": self.tr("Bleed:"),
            "title": self.tr("Title:"),
            "subtitle": self.tr("Subtitle:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.bleed_box.setToolTip(
            self.tr("Extra paper around the page that the print shop trims off; the map runs into it.")
        )
        self.legend_box.setText(self.tr("Show the legend"))
        self.view_box.setText(
            self.tr("Use the map's current view (otherwise: the selection, or all countries with data)")
        )
        self.copy_button.setText(self.tr("Copy to clipboard"))
        self.save_button.setText(self.tr("Save…"))
        self.close_button.setText(self.tr("Close"))
        self.source_note.setText(
            self.tr("Source line: %1").replace("%1", source_line(self.state.dataset.label(self.language), []))
        )
        self._changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """The language of the exported picture (follows the window's)."""
        self.language = language
        self.retranslate()

    def set_point_of_view(self, pov: str) -> None:
        """``china`` or ``ne``: the exported map's point of view (follows the window's)."""
        self.pov = pov
        self._changed()

    # ---- format, sizes and paper ----------------------------------------------------------------
    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def _on_format(self) -> None:
        pdf = self.fmt == "pdf"
        png_rows: tuple[QWidget, ...] = (self.preset, self.width_box, self.height_box, self.scale_box)
        pdf_rows: tuple[QWidget, ...] = (
            self.paper_box,
            self.orientation_box,
            self.margin_box,
            self.bleed_box,
        )
        shown, hidden = (pdf_rows, png_rows) if pdf else (png_rows, pdf_rows)
        notes = (self.paper_note, self.size_note) if pdf else (self.size_note, self.paper_note)
        for widget in (*hidden, notes[1]):  # hidden first, or the dialog grows to hold both for a moment
            self.form.setRowVisible(widget, False)
        for widget in (*shown, notes[0]):
            self.form.setRowVisible(widget, True)
        if self.isVisible():
            QTimer.singleShot(0, self, self.adjustSize)  # as tall as the rows shown now
        self._changed()

    def _on_preset(self) -> None:
        key = self.preset.currentData()
        for p in PRESETS:
            if p.key == key:
                for box, value in (
                    (self.width_box, p.width),
                    (self.height_box, p.height),
                    (self.scale_box, p.scale),
                ):
                    box.blockSignals(True)
                    box.setValue(int(value))
                    box.blockSignals(False)
        self._changed()

    def _on_size_edited(self) -> None:
        key = self.preset.currentData()
        match = next((p for p in PRESETS if p.key == key), None)
        if match is not None and (match.width, match.height, match.scale) != self._size():
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
            self.preset.blockSignals(False)
        self._changed()

    def _size(self) -> tuple[int, int, float]:
        return self.width_box.value(), self.height_box.value(), float(self.scale_box.value())

    def _dpi(self) -> int | None:
        key = self.preset.currentData()
        match = next((p for p in PRESETS if p.key == key), None)
        return match.dpi if match is not None else None

    def _paper(self) -> Paper:
        return Paper(
            name=str(self.paper_box.currentData()),
            landscape=bool(self.orientation_box.currentData()),
            margin_mm=self.margin_box.value(),
            bleed_mm=self.bleed_box.value(),
        )

    def problem(self, spec: ExportSpec) -> str | None:
        """Why ``spec`` cannot be exported, in the current language; None when it can."""
        if spec.fmt == "pdf":
            return paper_problem(spec.paper)  # (the boxes' ranges keep it from happening)
        problem = size_problem(spec.width, spec.height, spec.scale)
        if problem is None:
            return None
        out_w, out_h = output_size(spec.width, spec.height, spec.scale)
        if max(out_w, out_h) > MAX_SIDE:
            text = self.tr(
                "Too large: the image would be %1 × %2 pixels; at most %3 pixels a side are possible."
            )
            return text.replace("%1", str(out_w)).replace("%2", str(out_h)).replace("%3", f"{MAX_SIDE:,}")
        if out_w * out_h > MAX_PIXELS:
            text = self.tr(
                "Too large: the image would be %1 × %2 pixels (%3 million); at most %4 million pixels are "
                "possible. Make it smaller, or export a PDF, which prints sharp at any paper size."
            )
            return (
                text.replace("%1", str(out_w))
                .replace("%2", str(out_h))
                .replace("%3", f"{out_w * out_h / 1e6:.0f}")
                .replace("%4", f"{MAX_PIXELS / 1e6:.0f}")
            )
        return problem

    def _describe(self, spec: ExportSpec) -> str:
        """What ``spec`` writes: its pixels, or its paper."""
        if spec.fmt == "pdf":
            w, h = spec.paper.trim_mm
            text = (
                self.tr("%1 landscape, %2 × %3 mm")
                if spec.paper.landscape
                else self.tr("%1 portrait, %2 × %3 mm")
            )
            return text.replace("%1", spec.paper.name).replace("%2", _mm(w)).replace("%3", _mm(h))
        out_w, out_h = spec.pixels
        return f"{out_w} × {out_h}"

    def _update_size(self) -> None:
        spec = self.spec()
        problem = self.problem(spec)
        if spec.fmt == "png" and problem:
            self.size_note.setText(problem)
            self.size_note.setStyleSheet("color: #b00020;")
        elif spec.fmt == "png":
            out_w, out_h = spec.pixels
            self.size_note.setText(
                self.tr("Image: %1 × %2 pixels, %3 dpi")
                .replace("%1", str(out_w))
                .replace("%2", str(out_h))
                .replace("%3", str(spec.effective_dpi))
            )
            self.size_note.setStyleSheet("")
        else:
            sheet_w, sheet_h = spec.paper.sheet_mm
            if spec.paper.bleed_mm > 0:
                note = self.tr("Page: %1 × %2 mm, with %3 mm bleed on each side; vector, fonts embedded")
            else:
                note = self.tr("Page: %1 × %2 mm; vector, fonts embedded")
            self.paper_note.setText(
                note.replace("%1", _mm(sheet_w))
                .replace("%2", _mm(sheet_h))
                .replace("%3", _mm(spec.paper.bleed_mm))
            )
        self.save_button.setEnabled(problem is None and not self._busy)
        self.copy_button.setEnabled(problem is None and not self._busy)

    def spec(self) -> ExportSpec:
        """What the dialog would export now."""
        width, height, scale = self._size()
        spec = ExportSpec(
            width=width,
            height=height,
            scale=scale,
            title=self.title_edit.text(),
            subtitle=self.subtitle_edit.text(),
            legend=self.legend_box.isChecked(),
            lang=self.language,
            pov=self.pov,
            selection=tuple(sorted(self.state.selection)),
            dpi=self._dpi(),
            playback_year=self.view_state.playback_year if self.view_state is not None else None,
            world=self.view_state.world if self.view_state is not None else "pacific",
            fmt=self.fmt,
            paper=self._paper(),
            routes=tuple(self.view_state.routes) if self.view_state is not None else (),
        )
        if self.view_box.isChecked() and self.view_state is not None:
            spec = self._with_view(spec)
        return spec

    def _with_view(self, spec: ExportSpec) -> ExportSpec:
        """The window map's centre and zoom, as its page last reported them."""
        extent = self.view_state.extent if self.view_state is not None else None
        if extent is None or extent.center is None or extent.zoom is None:
            log.debug("the map's current view is unknown; framing the selection instead")
            return spec
        lat, lon = extent.center
        return replace(spec, view=(lat, lon, extent.zoom), selection=())

    # ---- settings -------------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self._settings
        s.beginGroup(SETTINGS_GROUP)
        fmt_index = self.format_box.findData(str(s.value("format", "png")))
        self.format_box.setCurrentIndex(max(0, fmt_index))
        key = str(s.value("preset", "1920x1080"))
        index = self.preset.findData(key)
        self.preset.setCurrentIndex(index if index >= 0 else 0)
        self.width_box.setValue(_int(s.value("width"), DEFAULT_WIDTH))
        self.height_box.setValue(_int(s.value("height"), DEFAULT_HEIGHT))
        self.scale_box.setValue(_int(s.value("scale"), 1))
        if index >= 0 and key != CUSTOM:
            self._on_preset()
        default = Paper()
        self.paper_box.setCurrentIndex(max(0, self.paper_box.findData(str(s.value("paper", default.name)))))
        landscape = str(s.value("landscape", "true")).lower() in ("true", "1")
        self.orientation_box.setCurrentIndex(0 if landscape else 1)
        self.margin_box.setValue(_float(s.value("margin_mm"), default.margin_mm))
        self.bleed_box.setValue(_float(s.value("bleed_mm"), default.bleed_mm))
        self.title_edit.setText(str(s.value("title", "")))
        self.subtitle_edit.setText(str(s.value("subtitle", "")))
        self.legend_box.setChecked(str(s.value("legend", "true")).lower() in ("true", "1"))
        self.view_box.setChecked(str(s.value("current_view", "false")).lower() in ("true", "1"))
        s.endGroup()

    def remember(self) -> None:
        """Store the dialog's choices for next time."""
        s = self._settings
        s.beginGroup(SETTINGS_GROUP)
        s.setValue("format", self.fmt)
        s.setValue("preset", self.preset.currentData())
        s.setValue("width", self.width_box.value())
        s.setValue("height", self.height_box.value())
        s.setValue("scale", self.scale_box.value())
        s.setValue("paper", self.paper_box.currentData())
        s.setValue("landscape", "true" if self.orientation_box.currentData() else "false")
        s.setValue("margin_mm", self.margin_box.value())
        s.setValue("bleed_mm", self.bleed_box.value())
        s.setValue("title", self.title_edit.text())
        s.setValue("subtitle", self.subtitle_edit.text())
        s.setValue("legend", "true" if self.legend_box.isChecked() else "false")
        s.setValue("current_view", "true" if self.view_box.isChecked() else "false")
        s.endGroup()
        s.sync()

    def _folder(self) -> str:
        saved = str(self._settings.value(f"{SETTINGS_GROUP}/folder", ""))
        if saved and Path(saved).is_dir():
            return saved
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation) or str(
            Path.home()
        )

    # ---- the live preview -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._release.stop()
        if self._subscriptions is None:
            pairs: list[tuple[Any, Any]] = [
                (self.state.selection_changed, self._on_window_changed),
                (self.state.filters_changed, self._on_window_changed),
                (self.state.dataset_changed, self._on_dataset_changed),
            ]
            if self.view_state is not None:
                vs = self.view_state
                pairs += [
                    (vs.language_changed, self.set_language),
                    (vs.point_of_view_changed, self.set_point_of_view),
                    (vs.routes_changed, self._on_window_changed),
                    (vs.extent_changed, self._on_extent_changed),
                    (vs.playback_year_changed, self._on_window_changed),
                    (vs.world_changed, self._on_window_changed),
                ]
            self._subscriptions = Subscriptions(*pairs)
            self._revision += 1  # the window may have changed while the dialog was closed
            self._layers = self._shown_layers(self.view_state.extent if self.view_state else None)
        self._changed()

    def hideEvent(self, event: QHideEvent) -> None:
        """Closed: the preview no longer follows the window (its last render is kept)."""
        if self._subscriptions is not None:
            self._subscriptions.close()
            self._subscriptions = None
        self._timer.stop()
        self._release.start()
        super().hideEvent(event)

    def _release_view(self) -> None:
        """Let the hidden export view and its page go (a renderer process's memory, for a stand's long
        day) once the dialog has been closed for ``RELEASE_AFTER_MS``; opening again loads it anew."""
        if self.isVisible():
            return
        if self._rendering is not None or self._pending is not None:
            self._release.start()  # a render or a save under way: look again later
            return
        if self.exporter.session is not None:
            log.info("export view released (the dialog was closed)")
            self.exporter.close()

    def _on_window_changed(self, *_: object) -> None:
        self._revision += 1
        self._changed()

    def _on_extent_changed(self, extent: MapExtent | None) -> None:
        """The window's map moved, or its layers changed: the layers are drawn in the export (a new
        render); where the map is, only when the spec uses it (then the spec itself changed)."""
        layers = self._shown_layers(extent)
        if layers != self._layers:
            self._layers = layers
            self._revision += 1
        self._changed()

    @staticmethod
    def _shown_layers(extent: MapExtent | None) -> dict[str, bool]:
        return dict(extent.layers) if extent is not None else {}

    def _on_dataset_changed(self, *_: object) -> None:
        self._revision += 1
        self.retranslate()  # the source line names the dataset

    def _key(self) -> Key:
        return self.spec(), self._revision

    def _changed(self, *_: object) -> None:
        """A choice or the window's state changed: notes, buttons, and the preview (now or soon)."""
        if not hasattr(self, "preview"):
            return  # still building
        self._update_size()
        spec = self.spec()
        problem = self.problem(spec)
        if problem:
            self._timer.stop()
            self.preview.show_error(problem)
        elif self._rendered is not None and self._rendered[0] == (spec, self._revision):
            self._timer.stop()
            self._show_preview(spec, self._rendered[1])
        else:
            self.preview.show_busy(self.tr("Rendering preview…"))
            if self.isVisible():
                self._timer.start()

    def _show_preview(self, spec: ExportSpec, composition: Composition) -> None:
        if spec.fmt == "pdf":
            caption = self.tr("Preview of the PDF page: %1").replace("%1", self._describe(spec))
        else:
            caption = self.tr("Preview of the PNG: %1 pixels").replace("%1", self._describe(spec))
        self.preview.show_image(preview_image(composition), caption)

    def _request_render(self) -> None:
        """Render the current spec, unless one is on its way (its end looks again) or it cannot be."""
        if self._rendering is not None:
            return
        spec = self.spec()
        if self.problem(spec):
            return
        if not self.exporter.ready_for(spec):
            self.exporter.open_live(spec, self.state, self.language, self.corridor)  # then: ready
            return
        key = (spec, self._revision)
        if self._rendered is not None and self._rendered[0] == key:  # (a debounce that outlived a render)
            self._on_rendered(key, self._rendered[1], "")  # shown again, and a waiting save delivered
            return
        self._rendering = key
        self.exporter.export(spec, lambda result, message: self._on_rendered(key, result, message))

    def _on_rendered(self, key: Key, result: Composition | None, message: str) -> None:
        self._rendering = None
        if result is not None:
            self._rendered = (key, result)
            self.last = result
        if key != self._key():  # changed while it rendered: render again (the debounce may be running)
            if self._pending is not None or (self.isVisible() and not self._timer.isActive()):
                self._request_render()
            return
        if result is None:
            self.preview.show_error(message)
            if self._pending is not None:
                self._pending = None
                self._set_busy(False, "")
                self._show_error(message)
            return
        self._show_preview(key[0], result)
        if self._pending is not None:
            (action, path), self._pending = self._pending, None
            self._deliver(key[0], result, action, path)

    @property
    def session(self) -> ExportSession | None:
        """The hidden export view's session (None until the first export)."""
        return self.exporter.session

    def _on_session_ready(self) -> None:
        if self._pending is not None or self.isVisible():
            self._request_render()

    def _on_session_failed(self, message: str) -> None:
        self._rendering = None
        text = self.tr("The export map could not be shown: %1").replace("%1", message)
        self.preview.show_error(text)
        if self._pending is not None:
            self._pending = None
            self._set_busy(False, "")
            self._show_error(text)

    # ---- exporting ------------------------------------------------------------------------------
    def save(self) -> None:
        """Ask for a file name, then save (rendering first if the preview is not of the current spec)."""
        ext = self.fmt
        name = f"corridor-map-{dt.date.today():%Y%m%d}.{ext}"
        kinds = self.tr("PDF documents (*.pdf)") if ext == "pdf" else self.tr("PNG images (*.png)")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export PNG or PDF"), str(Path(self._folder()) / name), kinds
        )
        if not path:
            return
        if not path.lower().endswith(f".{ext}"):
            path += f".{ext}"
        self._settings.setValue(f"{SETTINGS_GROUP}/folder", str(Path(path).parent))
        self.start("save", Path(path))

    def copy_to_clipboard(self) -> None:
        """Put the picture on the clipboard (rendering first if the preview is not of the current spec)."""
        self.start("copy", None)

    def start(self, action: str, path: Path | None) -> None:
        """Save the current spec's composition to ``path`` or copy it (``action``: save/copy): the one
        the preview shows when nothing changed since, else a new render."""
        if self._busy:
            return
        self.remember()
        spec = self.spec()
        problem = self.problem(spec)
        if problem:
            self._show_error(problem)
            return
        if self._rendered is not None and self._rendered[0] == (spec, self._revision):
            self._deliver(spec, self._rendered[1], action, path)
            return
        self._pending = (action, path)
        self._timer.stop()
        ready = self.exporter.ready_for(spec)
        self._set_busy(True, self.tr("Drawing the map…") if ready else self.tr("Preparing the export map…"))
        self._request_render()

    def _deliver(self, spec: ExportSpec, composition: Composition, action: str, path: Path | None) -> None:
        what = self._describe(spec)
        try:
            if action == "save" and path is not None:
                self.status.setText(self.tr("Saving…"))
                write_composition(composition, path)
                text = (
                    self.tr("Saved %1 (PDF, %2).") if spec.fmt == "pdf" else self.tr("Saved %1 (%2 pixels).")
                )
                text = text.replace("%1", str(path)).replace("%2", what)
            else:
                copy_composition(composition)
                text = (
                    self.tr("Copied to the clipboard (PDF, %1).")
                    if spec.fmt == "pdf"
                    else self.tr("Copied to the clipboard (%1 pixels).")
                ).replace("%1", what)
        except ExportError as exc:
            self._set_busy(False, "")
            self._show_error(str(exc))
            return
        self._set_busy(False, text)

    def _set_busy(self, busy: bool, text: str) -> None:
        self.progress.setVisible(busy)
        self.status.setStyleSheet("")
        self.status.setText(text)
        self._update_size()

    def _show_error(self, message: str) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(self.tr("Export failed: %1").replace("%1", message))

    def done(self, result: int) -> None:
        self.remember()
        super().done(result)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def _float(value: object, default: float) -> float:
    try:
        return float(str(value))
    except (TypeError, ValueError):
        return default
