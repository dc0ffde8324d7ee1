"""What exhibition mode puts over the window: a slim bar over the map and the leave question."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

CONTROLS_PX = 70  # room left free for Leaflet's controls on each side of the bar (zoom, layers)
TOUCH_PX = 56  # touch targets: at least 44 px (WCAG 2.5.5, Apple HIG); 56 px for gloved fingers
STYLE = f"""
QFrame#KioskPanel {{ background: rgba(255, 255, 255, 235); border: 1px solid #8c8c8c; border-radius: 12px; }}
QFrame#KioskPanel QLabel {{ font-size: 20px; color: #1f1f1f; }}
QFrame#KioskPanel QLabel#KioskQuestion {{ font-size: 26px; font-weight: bold; }}
QFrame#KioskPanel QPushButton {{
    font-size: 20px; min-height: {TOUCH_PX}px; min-width: {2 * TOUCH_PX}px; padding: 0 18px;
    border: 1px solid #5b7fa6; border-radius: 8px; background: #eef4fa; color: #14304d;
}}
QFrame#KioskPanel QPushButton:pressed {{ background: #c9dcef; }}
QFrame#KioskPanel QPushButton#KioskLeave {{ background: #b2182b; color: white; border-color: #7f0f1e; }}
"""


def touch_button(parent: QWidget, name: str) -> QPushButton:
    """A large button that keyboard focus never reaches (Enter or Space cannot press it by chance)."""
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumSize(2 * TOUCH_PX, TOUCH_PX)
    return button


class Panel(QFrame):
    """A rounded, nearly opaque panel floating over the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = parent
        self.setObjectName("KioskPanel")
        self.setStyleSheet(STYLE)
        self.setAutoFillBackground(False)


class KioskBar(Panel):
    """Centred at the top of the map: what the tour shows (wrapped to as many lines as it needs) over a row
    with "Overview" and the language toggle."""

    overviewClicked = Signal()
    languageClicked = Signal()
    coveredChanged = Signal(tuple)  # the part of the map the bar lies over: ((x, y, w, h),) or () hidden

    def __init__(self, window: QWidget, anchor: QWidget) -> None:
        super().__init__(window)
        self.anchor = anchor
        self.column = layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.setSpacing(6)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.btn_overview = touch_button(self, "KioskOverview")
        self.btn_language = touch_button(self, "KioskLanguage")
        self.btn_language.setText("English / 中文")  # each language named in its own script
        self.buttons = buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_overview)
        buttons.addWidget(self.btn_language)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.btn_overview.clicked.connect(self.overviewClicked)
        self.btn_language.clicked.connect(self.languageClicked)
        self.setMouseTracking(True)
        anchor.installEventFilter(self)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.btn_overview.setText(self.tr("Overview"))
        self.btn_overview.setToolTip(self.tr("The whole map, no country selected"))
        self.btn_language.setToolTip(self.tr("Switch the language"))

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.place()

    def place(self) -> None:
        """Top centre of the map, clear of Leaflet's zoom and layer controls in its corners: as wide as the
        status line needs (at most what the map leaves), as tall as the wrapped status and the buttons."""
        layout = self.column
        self.ensurePolished()
        margins = layout.contentsMargins()
        text_w = self.status.fontMetrics().horizontalAdvance(self.status.text()) + 4
        sides = margins.left() + margins.right()
        for button in (self.btn_overview, self.btn_language):  # a few px spare for a fallback font
            button.setMinimumWidth(max(2 * TOUCH_PX, button.sizeHint().width() + 6))
        buttons_w = self.buttons.sizeHint().width() + sides  # the buttons always whole, on one row
        wanted = max(text_w + sides, buttons_w, 560)
        room = max(self.anchor.width() - 2 * CONTROLS_PX, buttons_w)
        width = min(wanted, room)
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        top_left = self.anchor.mapTo(self.host, QPoint(0, 0))
        x, y = (self.anchor.width() - width) // 2, 10
        self.setGeometry(top_left.x() + x, top_left.y() + y, width, height)
        self.raise_()
        self.coveredChanged.emit(((x, y, width, height),))

    def hideEvent(self, event: QHideEvent) -> None:
        self.coveredChanged.emit(())
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moved = event.type() in (QEvent.Type.Resize, QEvent.Type.Move)
        if watched is self.anchor and moved and self.isVisible():
            QTimer.singleShot(0, self.place)
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ExitConfirm(Panel):
    """The in-window "leave exhibition mode?" question; it goes away by itself after ``timeout_ms``."""

    confirmed = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(14)
        self.question = QLabel(self)
        self.question.setObjectName("KioskQuestion")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        self.btn_leave = touch_button(self, "KioskLeave")
        self.btn_stay = touch_button(self, "KioskStay")
        buttons.addWidget(self.btn_stay)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_leave)
        for widget in (self.question, self.note):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.btn_stay.clicked.connect(self.hide)
        self.btn_leave.clicked.connect(self._leave)
        self.timeout_ms = 10_000
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Leave exhibition mode?"))
        seconds = str(max(1, round(self.timeout_ms / 1000)))
        self.note.setText(self.tr("This question closes by itself after %1 s.").replace("%1", seconds))
        self.btn_leave.setText(self.tr("Leave exhibition mode"))
        self.btn_stay.setText(self.tr("Stay"))

    def ask(self, timeout_ms: int) -> None:
        """Show the question in the middle of the window (again: the countdown restarts)."""
        self.timeout_ms = timeout_ms
        self.retranslate()
        self.adjustSize()
        parent = self.host
        self.move((parent.width() - self.width()) // 2, (parent.height() - self.height()) // 2)
        self.show()
        self.raise_()
        self.timer.start(timeout_ms)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def _leave(self) -> None:
        self.hide()
        self.confirmed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
