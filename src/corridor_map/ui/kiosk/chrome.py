"""The window's look in exhibition mode: full screen, no menus or toolbars, only the country panel with
large fonts; and everything put back as it was when exhibition mode ends."""

from __future__ import annotations

from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget

FONT_SCALE = 1.45  # the country panel is read from a step or two away
PANEL_SHARE = 0.32  # of the screen's width


@dataclass
class _Saved:
    geometry: QByteArray
    layout: QByteArray
    menu_bar: bool
    status_bar: bool
    context_policy: Qt.ContextMenuPolicy
    features: QDockWidget.DockWidgetFeature
    title_bar: QWidget | None
    actions: list[tuple[QAction, bool]] = field(default_factory=list)
    fonts: list[tuple[QWidget, QFont | None]] = field(default_factory=list)
    hidden: list[tuple[QWidget, bool]] = field(default_factory=list)


def scale_fonts(root: QWidget, factor: float) -> list[tuple[QWidget, QFont | None]]:
    """Scale the font of ``root`` and every widget in it; the fonts to put back (None: inherited)."""
    widgets = [root, *root.findChildren(QWidget)]
    saved: list[tuple[QWidget, QFont | None]] = []
    new_fonts = []
    for widget in widgets:
        font = QFont(widget.font())
        saved.append((widget, QFont(font) if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) else None))
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * factor)
        elif font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * factor))
        new_fonts.append(font)
    for widget, font in zip(widgets, new_fonts, strict=True):
        widget.setFont(font)
    return saved


def restore_fonts(saved: list[tuple[QWidget, QFont | None]]) -> None:
    for widget, font in saved:
        if shiboken6.isValid(widget):
            widget.setFont(font if font is not None else QFont())  # an empty QFont: inherit again


class KioskChrome:
    """Applies and undoes the exhibition look on a QMainWindow whose ``panel`` dock stays visible."""

    def __init__(self, window: QMainWindow, panel: QDockWidget, hide: tuple[QWidget, ...] = ()) -> None:
        self.window = window
        self.panel = panel
        self.hide = hide  # parts of the panel left out in exhibition mode (so the route shows)
        self._saved: _Saved | None = None

    @property
    def applied(self) -> bool:
        return self._saved is not None

    def apply(self) -> None:
        if self._saved is not None:
            return
        w, panel = self.window, self.panel
        saved = _Saved(
            geometry=w.saveGeometry(),
            layout=w.saveState(),
            menu_bar=not w.menuBar().isHidden(),
            status_bar=not w.statusBar().isHidden(),
            context_policy=w.contextMenuPolicy(),
            features=panel.features(),
            title_bar=panel.titleBarWidget(),
        )
        # every action is off while the stand runs itself: no shortcut (Quit, Find, Show all…) and no
        # menu can reach what is hidden (the country panel's widgets have none of their own)
        for action in w.findChildren(QAction):
            saved.actions.append((action, action.isEnabled()))
            action.setEnabled(False)
        for dock in w.findChildren(QDockWidget):
            if dock is not panel:
                dock.hide()
        for bar in w.findChildren(QToolBar):
            bar.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        if panel.isFloating():
            panel.setFloating(False)
        panel.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        panel.setTitleBarWidget(QWidget(panel))  # no title, no close button
        panel.show()
        panel.raise_()
        saved.fonts = scale_fonts(panel.widget(), FONT_SCALE)
        for widget in self.hide:
            saved.hidden.append((widget, not widget.isHidden()))
            widget.hide()
        self._saved = saved
        w.showFullScreen()
        QTimer.singleShot(0, self.size_panel)

    def size_panel(self) -> None:
        if self._saved is not None:
            width = int(self.window.width() * PANEL_SHARE)
            self.window.resizeDocks([self.panel], [width], Qt.Orientation.Horizontal)

    def restore(self) -> None:
        saved, self._saved = self._saved, None
        if saved is None:
            return
        w, panel = self.window, self.panel
        restore_fonts(saved.fonts)
        for widget, shown in saved.hidden:
            if shiboken6.isValid(widget):
                widget.setVisible(shown)
        blank = panel.titleBarWidget()
        panel.setTitleBarWidget(saved.title_bar)  # type: ignore[arg-type]  # None: standard title
        if blank is not None and blank is not saved.title_bar:
            blank.deleteLater()  # setTitleBarWidget does not delete the one it replaces
        panel.setFeatures(saved.features)
        for action, enabled in saved.actions:
            if shiboken6.isValid(action):  # a language change may have replaced some
                action.setEnabled(enabled)
        w.setContextMenuPolicy(saved.context_policy)
        w.menuBar().setVisible(saved.menu_bar)
        w.statusBar().setVisible(saved.status_bar)
        w.showNormal()
        w.restoreState(saved.layout)
        w.restoreGeometry(saved.geometry)
