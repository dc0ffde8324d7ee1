"""The Export dialog's live preview: the picture of what Save or Copy would write, or why it cannot.

The dialog renders the current spec through its ``ExportController`` and shows the composition here,
fitted into ``PREVIEW_SIZE`` (the PNG scaled down, a PDF's page rendered from its bytes).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from corridor_map.ui.export import session as session_module
from corridor_map.ui.export.composer import Composition
from corridor_map.ui.export.session import save_png

PREVIEW_SIZE = QSize(420, 300)  # the picture's box; the picture keeps the export's aspect inside it
DEBOUNCE_MS = 400  # the preview is rendered this long after the last change
ERROR_INK = "#b00020"


def preview_image(composition: Composition, size: QSize = PREVIEW_SIZE) -> QImage:
    """``composition`` fitted into ``size``: exactly what is written, scaled (PNG) or rendered (PDF)."""
    return composition.preview_image(size.width(), size.height())


def write_composition(composition: Composition, path: Path) -> None:
    """Write the PDF's bytes or the PNG to ``path``; ExportError naming the file if it cannot be."""
    save = getattr(session_module, "save_composition", None)  # the PDF core's writer, once there
    if save is not None:
        save(composition, path)
    else:
        save_png(composition.image, path)


def copy_composition(composition: Composition) -> None:
    """Put the picture on the clipboard (a PDF as its file and its page rendered as an image)."""
    pdf = getattr(composition, "pdf", None)
    if pdf is None:
        QGuiApplication.clipboard().setImage(composition.image)
        return
    data = QMimeData()
    data.setData("application/pdf", bytes(pdf))
    data.setImageData(composition.preview_image(2400, 2400))
    QGuiApplication.clipboard().setMimeData(data)


def _dimmed(image: QImage) -> QPixmap:
    pixmap = QPixmap(image.size())
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    painter.setOpacity(0.35)
    painter.drawImage(0, 0, image)
    painter.end()
    return pixmap


class PreviewPane(QWidget):
    """The picture (or a message in its place) and a caption under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPreview")
        self.picture = QLabel(self)
        self.picture.setObjectName("previewPicture")
        self.picture.setFixedSize(PREVIEW_SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        self.picture.setTextFormat(Qt.TextFormat.PlainText)
        self.picture.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture.setMargin(12)
        self.caption = QLabel(self)
        self.caption.setObjectName("previewCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setMaximumWidth(PREVIEW_SIZE.width())
        self.caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        self.image: QImage | None = None  # the picture shown (None while a message is shown instead)
        self._last: QImage | None = None  # the last picture rendered, dimmed while the next renders

    def show_image(self, image: QImage, caption: str) -> None:
        """The rendered picture, with what it is under it."""
        self.image = self._last = image
        self.picture.setStyleSheet("")
        self.picture.setPixmap(QPixmap.fromImage(image))
        self.caption.setStyleSheet("")
        self.caption.setText(caption)

    def show_busy(self, text: str) -> None:
        """A render is on its way: the last picture dimmed (it is out of date), ``text`` under it."""
        if self._last is not None:
            self.picture.setStyleSheet("")
            self.picture.setPixmap(_dimmed(self._last))
        else:
            self.picture.setStyleSheet("")
            self.picture.setText(text)
        self.image = None
        self.caption.setStyleSheet("")
        self.caption.setText(text)

    def show_error(self, text: str) -> None:
        """Nothing can be rendered: the reason in place of the picture."""
        self.image = None
        self.picture.setStyleSheet(f"color: {ERROR_INK};")
        self.picture.setText(text)
        self.caption.setText("")
