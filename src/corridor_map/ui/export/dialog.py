"""File → Export PNG… (Ctrl+E): size presets, scale, texts, legend; save or copy; settings remembered.

The dialog renders through an ``ExportSession`` (the same code as ``corridor-map export``), created on
the first export and kept while the dialog lives, so later exports skip the page load.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
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
from corridor_map.state import AppState
from corridor_map.ui.export.composer import Composition, source_line
from corridor_map.ui.export.controller import ExportController
from corridor_map.ui.export.session import ExportSession, save_png
from corridor_map.ui.export.spec import (
    DEFAULT_HEIGHT,
    DEFAULT_WIDTH,
    MAX_SIDE,
    MIN_SIDE,
    PRESETS,
    ExportError,
    ExportSpec,
    output_size,
    size_problem,
)
from corridor_map.ui.web import RequestTripwire
from corridor_map.view_state import ViewState

log = logging.getLogger(__name__)

CUSTOM = "custom"
SETTINGS_GROUP = "export"


def preset_label(key: str) -> str:
    """The preset's name in the current language."""
    labels = {
        "1920x1080": "1920 × 1080 (Full HD)",
        "3840x2160": "3840 × 2160 (4K)",
        "a4-150": "A4 landscape, 150 dpi",
        "a4-300": "A4 landscape, 300 dpi",
        "a3-150": "A3 landscape, 150 dpi",
        "a3-300": "A3 landscape, 300 dpi",
        CUSTOM: "Custom size",
    }
    return QCoreApplication.translate("ExportDialog", labels.get(key, key))


class ExportDialog(QDialog):
    """Export the map as a PNG: the window's state (data, filters, selection) as it is now."""

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
        self.view_state = view_state  # the window's: language, point of view and where its map is
        self.language = view_state.language if view_state is not None else language
        self.corridor = corridor
        self.pov: str = view_state.point_of_view if view_state is not None else "china"
        self.exporter = ExportController(tripwire, self)  # the hidden export view, opened on first use
        self.exporter.ready.connect(self._on_session_ready)
        self.exporter.failed.connect(self._on_session_failed)
        self._queued: tuple[ExportSpec, str, Path | None] | None = None
        self._busy = False
        self.last: Composition | None = None
        self._settings = QSettings(ORG_NAME, APP_NAME)
        self._build()
        self._restore()
        self.retranslate()
        self._update_size()

    # ---- widgets --------------------------------------------------------------------------------
    def _build(self) -> None:
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
        self.title_edit = QLineEdit(self)
        self.subtitle_edit = QLineEdit(self)
        self.legend_box = QCheckBox(self)
        self.view_box = QCheckBox(self)
        self.view_box.setVisible(self.view_state is not None)
        self.source_note = QLabel(self)
        self.source_note.setWordWrap(True)
        self.source_note.setTextFormat(Qt.TextFormat.PlainText)
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

        form = QFormLayout()
        self.labels = {
            name: QLabel(self) for name in ("preset", "width", "height", "scale", "title", "subtitle")
        }
        form.addRow(self.labels["preset"], self.preset)
        form.addRow(self.labels["width"], self.width_box)
        form.addRow(self.labels["height"], self.height_box)
        form.addRow(self.labels["scale"], self.scale_box)
        form.addRow("", self.size_note)
        form.addRow(self.labels["title"], self.title_edit)
        form.addRow(self.labels["subtitle"], self.subtitle_edit)
        form.addRow("", self.legend_box)
        form.addRow("", self.view_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.source_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.preset.currentIndexChanged.connect(self._on_preset)
        for box in (self.width_box, self.height_box, self.scale_box):
            box.valueChanged.connect(self._on_size_edited)

    def retranslate(self) -> None:
        """Every visible string in the current language."""
        self.setWindowTitle(self.tr("Export PNG"))
        for i in range(self.preset.count()):
            self.preset.setItemText(i, preset_label(str(self.preset.itemData(i))))
        self.labels["preset"].setText(self.tr("Size:"))
        self.labels["width"].setText(self.tr("Width:"))
        self.labels["height"].setText(self.tr("Height:"))
        self.labels["scale"].setText(self.tr("Scale:"))
        self.labels["title"].setText(self.tr("Title:"))
        self.labels["subtitle"].setText(self.tr("Subtitle:"))
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
        self._update_size()

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

    # ---- sizes ----------------------------------------------------------------------------------
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
        self._update_size()

    def _on_size_edited(self) -> None:
        key = self.preset.currentData()
        match = next((p for p in PRESETS if p.key == key), None)
        if match is not None and (match.width, match.height, match.scale) != self._size():
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
            self.preset.blockSignals(False)
        self._update_size()

    def _size(self) -> tuple[int, int, float]:
        return self.width_box.value(), self.height_box.value(), float(self.scale_box.value())

    def _dpi(self) -> int | None:
        key = self.preset.currentData()
        match = next((p for p in PRESETS if p.key == key), None)
        return match.dpi if match is not None else None

    def _update_size(self) -> None:
        width, height, scale = self._size()
        problem = size_problem(width, height, scale)
        if problem:
            out_w, out_h = output_size(width, height, scale)
            self.size_note.setText(
                self.tr(
                    "Too large: the image would be %1 × %2 pixels; at most %3 pixels a side are possible."
                )
                .replace("%1", str(out_w))
                .replace("%2", str(out_h))
                .replace("%3", f"{MAX_SIDE:,}")
            )
            self.size_note.setStyleSheet("color: #b00020;")
        else:
            spec = self.spec()
            out_w, out_h = spec.pixels
            self.size_note.setText(
                self.tr("Image: %1 × %2 pixels, %3 dpi")
                .replace("%1", str(out_w))
                .replace("%2", str(out_h))
                .replace("%3", str(spec.effective_dpi))
            )
            self.size_note.setStyleSheet("")
        self.save_button.setEnabled(problem is None and not self._busy)
        self.copy_button.setEnabled(problem is None and not self._busy)

    def spec(self) -> ExportSpec:
        """What the dialog would export now."""
        width, height, scale = self._size()
        return ExportSpec(
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
        )

    # ---- settings -------------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self._settings
        s.beginGroup(SETTINGS_GROUP)
        key = str(s.value("preset", "1920x1080"))
        index = self.preset.findData(key)
        self.preset.setCurrentIndex(index if index >= 0 else 0)
        self.width_box.setValue(_int(s.value("width"), DEFAULT_WIDTH))
        self.height_box.setValue(_int(s.value("height"), DEFAULT_HEIGHT))
        self.scale_box.setValue(_int(s.value("scale"), 1))
        if index >= 0 and key != CUSTOM:
            self._on_preset()
        self.title_edit.setText(str(s.value("title", "")))
        self.subtitle_edit.setText(str(s.value("subtitle", "")))
        self.legend_box.setChecked(str(s.value("legend", "true")).lower() in ("true", "1"))
        self.view_box.setChecked(str(s.value("current_view", "false")).lower() in ("true", "1"))
        s.endGroup()

    def remember(self) -> None:
        """Store the dialog's choices for next time."""
        s = self._settings
        s.beginGroup(SETTINGS_GROUP)
        s.setValue("preset", self.preset.currentData())
        s.setValue("width", self.width_box.value())
        s.setValue("height", self.height_box.value())
        s.setValue("scale", self.scale_box.value())
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

    # ---- exporting ------------------------------------------------------------------------------
    def save(self) -> None:
        """Ask for a file name, then render and save."""
        name = f"corridor-map-{dt.date.today():%Y%m%d}.png"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export PNG"), str(Path(self._folder()) / name), self.tr("PNG images (*.png)")
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        self._settings.setValue(f"{SETTINGS_GROUP}/folder", str(Path(path).parent))
        self.start("save", Path(path))

    def copy_to_clipboard(self) -> None:
        """Render and put the picture on the clipboard."""
        self.start("copy", None)

    def start(self, action: str, path: Path | None) -> None:
        """Render the current spec, then save it to ``path`` or copy it (``action``: save/copy)."""
        if self._busy:
            return
        self.remember()
        spec = self.spec()
        problem = size_problem(spec.width, spec.height, spec.scale)
        if problem:
            self._show_error(problem)
            return
        self._set_busy(True, self.tr("Preparing the export map…"))
        if self.view_box.isChecked() and self.view_state is not None:
            spec = self._with_view(spec)
        self._render(spec, action, path)

    def _with_view(self, spec: ExportSpec) -> ExportSpec:
        """The window map's centre and zoom, as its page last reported them."""
        extent = self.view_state.extent if self.view_state is not None else None
        if extent is None or extent.center is None or extent.zoom is None:
            log.warning("the map's current view is unknown; framing the selection instead")
            return spec
        lat, lon = extent.center
        return replace(spec, view=(lat, lon, extent.zoom), selection=())

    def _render(self, spec: ExportSpec, action: str, path: Path | None) -> None:
        if not self.exporter.ready_for(spec):
            self._queued = (spec, action, path)
            self.exporter.open_live(spec, self.state, self.language, self.corridor)
            return
        self.status.setText(self.tr("Drawing the map…"))
        self.exporter.export(spec, lambda result, message: self._done(result, message, action, path))

    @property
    def session(self) -> ExportSession | None:
        """The hidden export view's session (None until the first export)."""
        return self.exporter.session

    def _on_session_ready(self) -> None:
        queued, self._queued = self._queued, None
        if queued is not None:
            self._render(*queued)

    def _on_session_failed(self, message: str) -> None:
        self._queued = None
        self._set_busy(False, "")
        self._show_error(self.tr("The export map could not be shown: %1").replace("%1", message))

    def _done(self, result: Composition | None, message: str, action: str, path: Path | None) -> None:
        if result is None:
            self._set_busy(False, "")
            self._show_error(message)
            return
        self.last = result
        image = result.image
        size = f"{image.width()} × {image.height()}"
        try:
            if action == "save" and path is not None:
                self.status.setText(self.tr("Saving…"))
                save_png(image, path)
                text = self.tr("Saved %1 (%2 pixels).").replace("%1", str(path)).replace("%2", size)
            else:
                QGuiApplication.clipboard().setImage(image)
                text = self.tr("Copied to the clipboard (%1 pixels).").replace("%1", size)
        except ExportError as exc:
            self._set_busy(False, "")
            self._show_error(str(exc))
            return
        self._set_busy(False, text)

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
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
