"""A PDF export's page as a picture (Qt PDF): the dialog's preview of the very bytes that are written."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument


def render_pdf_page(pdf: bytes, max_width: int, max_height: int, page: int = 0) -> QImage:
    """Page ``page`` of ``pdf`` fitted into ``max_width`` × ``max_height`` (null if unreadable)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() <= page:
        return QImage()
    points = document.pagePointSize(page)
    size = points.scaled(max_width, max_height, Qt.AspectRatioMode.KeepAspectRatio).toSize()
    image = document.render(page, QSize(max(1, size.width()), max(1, size.height())))
    document.close()
    return image
