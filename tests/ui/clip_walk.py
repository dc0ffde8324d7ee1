"""Walk visible widgets and report every text that does not fit its rectangle.

``clipped_texts(root)`` checks labels, buttons, check and radio boxes, tool buttons, tab bars, group
box titles, header sections, table and tree cells and combo boxes; each offender reads
"widget path: text (needs N px, has M px)". Run as a module (``python -m tests.ui.clip_walk``) it opens
the real window with the sample data and walks the window (every dock raised), exhibition mode and the
main dialogs in English and Chinese, and prints the offenders as JSON: the test runs it in processes of
their own, one per screen size and scale factor (``QT_SCALE_FACTOR`` must be set before Qt starts).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

ELIDE_OK_PX = 240  # a cell at least this wide may elide a longer text that its tooltip gives in full
MAX_ROWS = 60  # cells checked per view (the rows in sight and a little more)


def widget_path(widget: QWidget) -> str:
    """``MainWindow/RankingDock/QTableView`` — object names where set, class names otherwise."""
    parts: list[str] = []
    node: QWidget | None = widget
    while node is not None:
        name = node.objectName()
        if name and not name.startswith("qt_"):
            parts.append(name)
            if node.isWindow():
                break
        elif node is widget:
            parts.append(type(node).__name__)
        node = node.parentWidget()
    return "/".join(reversed(parts))


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _offender(widget: QWidget, text: str, needs: int, has: int, what: str = "") -> str:
    where = widget_path(widget) + (f"[{what}]" if what else "")
    return f"{where}: {text!r} (needs {needs} px, has {has} px)"


def _visible_width(widget: QWidget) -> int:
    """The widget's width left after its ancestors cut it (up to a scrolling viewport or the window)."""
    rect = widget.rect()
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and not child.isWindow():
        scroller = parent.parentWidget()
        if isinstance(scroller, QAbstractScrollArea) and parent is scroller.viewport():
            break  # scrolled content: the scroll bars reach the rest
        rect = rect.translated(child.pos()).intersected(parent.rect())
        child, parent = parent, parent.parentWidget()
        if rect.isEmpty():
            return 0
    return rect.width()


def _label(label: QLabel) -> list[str]:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    shown = label.toolTip() or text
    if label.wordWrap():
        needs_h = label.heightForWidth(label.width())
        if needs_h > label.height() + 1:
            return [_offender(label, shown, needs_h, label.height(), "height")]
        return []
    hint, has = label.minimumSizeHint(), min(label.width(), _visible_width(label))
    if hint.width() > has + 1:
        return [_offender(label, text, hint.width(), has)]
    if hint.height() > label.height() + 1:
        return [_offender(label, text, hint.height(), label.height(), "height")]
    return []


def _push_button(button: QPushButton) -> int:
    """Width the button needs for its text and icon: the style's (or style sheet's) chrome around them,
    without Fusion's 80 px minimum for buttons with text."""
    opt = QStyleOptionButton()
    opt.initFrom(button)
    opt.text = ""
    opt.icon = button.icon()
    opt.iconSize = button.iconSize()
    if button.autoDefault():
        opt.features |= QStyleOptionButton.ButtonFeature.AutoDefaultButton
    fm = button.fontMetrics()
    text_w = fm.horizontalAdvance(_plain(button.text()))
    icon_w = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    contents = QSize(text_w + icon_w, fm.height())
    needs = button.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, opt, contents, button).width()
    if button.menu() is not None:
        needs += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
    return needs


def _button(button: QAbstractButton) -> list[str]:
    text = button.text()
    if not text.strip():
        return []
    if isinstance(button, QToolButton) and (
        button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and not button.icon().isNull()
    ):
        return []
    if isinstance(button, QPushButton):
        needs = _push_button(button)
    elif isinstance(button, (QCheckBox, QRadioButton, QToolButton)):
        needs = button.sizeHint().width()
    else:
        return []
    has = min(button.width(), _visible_width(button))
    return [_offender(button, _plain(text), needs, has)] if needs > has + 1 else []


def _group_box(box: QGroupBox) -> list[str]:
    title = _plain(box.title())
    if not title.strip():
        return []
    needs = box.fontMetrics().horizontalAdvance(title) + 12
    if box.isCheckable():
        needs += box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6
    return [_offender(box, title, needs, box.width(), "title")] if needs > box.width() else []


def _tab_bar(bar: QTabBar) -> list[str]:
    out = []
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = _plain(bar.tabText(i))
        rect = bar.tabRect(i)
        needs = bar.fontMetrics().horizontalAdvance(text) + space
        has = rect.intersected(bar.rect()).width()
        if needs > has + 1:
            out.append(_offender(bar, text, needs, has, "tab"))
    window = bar.window()
    if isinstance(window, QMainWindow) and bar.parentWidget() is window:
        for dock in window.findChildren(QDockWidget):
            on_screen = dock.isVisible() and dock.geometry().intersects(window.rect())
            if on_screen and not dock.isFloating() and dock.geometry().intersects(bar.geometry()):
                tabs = "|".join(bar.tabText(i) for i in range(bar.count()))
                overlap = dock.geometry().intersected(bar.geometry())
                out.append(
                    f"{widget_path(bar)}[tabs {tabs!r}]: overlaps {dock.objectName()} "
                    f"(needs 0 px, has {overlap.width()}x{overlap.height()} px of it)"
                )
    return out


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    out = []
    fm = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for logical in range(header.count()):
        if header.isSectionHidden(logical) or header.sectionSize(logical) == 0:
            continue
        text = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        needs = fm.horizontalAdvance(text) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            needs += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
        has = header.sectionSize(logical)
        if needs > has + 1:
            out.append(_offender(header, text, needs, has, f"section {logical}"))
    return out


def _indexes(view: QAbstractItemView) -> Iterable[QModelIndex]:
    model = view.model()
    stack = [QModelIndex()]
    seen = 0
    while stack and seen < MAX_ROWS:
        parent = stack.pop(0)
        for row in range(model.rowCount(parent)):
            if seen >= MAX_ROWS:
                break
            seen += 1
            column = 0
            while (index := model.index(row, column, parent)).isValid():  # (columnCount is private
                yield index  # in list models)
                column += 1
            first = model.index(row, 0, parent)
            if getattr(view, "isExpanded", lambda _i: False)(first) and model.rowCount(first) > 0:
                stack.append(first)


def _cell_fit(view: QAbstractItemView, index: QModelIndex, text: str, rect: QRect) -> tuple[int, int]:
    """(needed, available) px for one cell: its width, or in a word-wrapping view its wrapped height."""
    hint = view.sizeHintForIndex(index)
    if hasattr(view, "indentation") and index.column() == 0 and not view.rootIsDecorated():
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        hint.setWidth(hint.width() + view.indentation() * depth)
    if not view.wordWrap():
        return hint.width(), rect.width()
    fm = view.fontMetrics()
    lines = text.split("\n")
    chrome_w = view.sizeHintForIndex(index).width() - max(fm.horizontalAdvance(line) for line in lines)
    room = max(1, rect.width() - max(chrome_w, 0))
    wrapped = fm.boundingRect(QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap, text)
    if wrapped.width() > room:  # a word longer than the column: cut however the rows grow
        return wrapped.width() + chrome_w, rect.width()
    return wrapped.height(), rect.height()


def _cells(view: QAbstractItemView) -> list[str]:
    if view.model() is None:
        return []
    out = []
    for index in _indexes(view):
        rect: QRect = view.visualRect(index)
        if rect.width() <= 0 or rect.height() <= 0:
            continue  # hidden column, collapsed or filtered row
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            continue
        needs, has = _cell_fit(view, index, text, rect)
        tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        if needs > has + 1 and has >= ELIDE_OK_PX and not view.wordWrap() and text in tip:
            continue  # a long text elided in a wide column, in full in its tooltip
        if needs > has + 1:
            what = "height" if view.wordWrap() and has == rect.height() else "cell"
            out.append(_offender(view, text, needs, has, f"{what} {index.row()},{index.column()}"))
    return out


def _combo(combo: QComboBox) -> list[str]:
    text = combo.currentText()
    if not text or combo.isEditable():
        return []
    opt = QStyleOptionComboBox()
    opt.initFrom(combo)
    opt.currentText = text
    opt.frame = combo.hasFrame()
    opt.subControls = QStyle.SubControl.SC_All
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needs = combo.fontMetrics().horizontalAdvance(text) + 4
    has = min(field.width(), _visible_width(combo) - field.x())
    return [_offender(combo, text, needs, has)] if needs > has + 1 else []


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible text under ``root`` (and ``root`` itself) that is cut, as "path: text (needs, has)"."""
    out: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or _visible_width(widget) <= 0:
            continue  # (Qt moves the docks behind a tab off the window rather than hiding them)
        if isinstance(widget, QLabel):
            out += _label(widget)
        elif isinstance(widget, QAbstractButton):
            out += _button(widget)
        elif isinstance(widget, QTabBar):
            out += _tab_bar(widget)
        elif isinstance(widget, QHeaderView):
            out += _header(widget)
        elif isinstance(widget, QAbstractItemView):
            out += _cells(widget)
        elif isinstance(widget, QComboBox):
            out += _combo(widget)
        if isinstance(widget, QGroupBox):
            out += _group_box(widget)
    return out


# ---- the walk over the real window (run in a process of its own) ----------------------------------------
def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()


def _wait(predicate: Callable[[], Any], timeout: float = 60) -> Any:
    end = time.monotonic() + timeout
    while not (value := predicate()):
        if time.monotonic() > end:
            raise TimeoutError("condition not met")
        QApplication.processEvents()
    return value


def _walk_window(window: Any) -> list[str]:
    out: list[str] = []
    for dock in window.docks():
        dock.show()
        dock.raise_()
        _spin(0.15)
        out += clipped_texts(window)
    return out


def _walk_dialogs(window: Any, lang: str) -> list[str]:
    from corridor_map.ui.about import AboutDialog
    from corridor_map.ui.assumptions_dialog import AssumptionsDialog
    from corridor_map.ui.kiosk.settings_dialog import KioskSettingsDialog

    out: list[str] = []
    dialogs = [
        AboutDialog(window),
        AssumptionsDialog(window.transit_params.params, lang, window),
        KioskSettingsDialog(window.state, window.kiosk.settings, lang, window),
    ]
    window.show_export_dialog()
    window.show_factsheet_dialog()
    for dialog in dialogs:
        dialog.show()
    _spin(0.3)
    for dialog in [*dialogs, window._export_dialog, window._factsheet_dialog]:
        out += clipped_texts(dialog)
    for dialog in dialogs:
        dialog.close()
        dialog.deleteLater()
    window._export_dialog.hide()
    window._factsheet_dialog.hide()
    return out


def _walk_kiosk(window: Any) -> list[str]:
    kiosk = window.kiosk
    kiosk.enter()
    _spin(1.0)
    out = clipped_texts(window)
    kiosk._on_activity()  # a touch: "the tour resumes after … s without a touch"
    _spin(0.5)
    out += clipped_texts(window)
    kiosk.leave()
    _spin(1.5)
    return out


def walk(width: int, height: int, languages: Iterable[str]) -> dict[str, list[str]]:
    """Open the real window (sample data, a first run) at ``width``×``height`` and walk it."""
    from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before the QApplication)

    from corridor_map.core.dataset import load_sample
    from corridor_map.ui.composition import build_app

    window = build_app(language="en", dataset=load_sample(), first_run=True).window
    window.resize(width, height)
    window.show()
    window.start_map()
    _wait(lambda: window.map_view.ready, 120)
    top = window.ranking_dock.model.frame()
    window.state.select(list(top["iso3"][:1]))  # the top destination: its panel, its routes
    window.route_dock.comparison.tree.expandAll()
    found: dict[str, list[str]] = {}
    for lang in languages:
        window.set_language(lang)
        _spin(0.5)
        offenders = _walk_window(window) + _walk_kiosk(window) + _walk_dialogs(window, lang)
        found[lang] = sorted(set(offenders))
    return found


def main() -> None:
    width, height = int(sys.argv[1]), int(sys.argv[2])
    languages = sys.argv[3].split(",") if len(sys.argv) > 3 else ["en", "zh"]
    found = walk(width, height, languages)
    print("CLIP-RESULT " + json.dumps(found, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)  # (QtWebEngine's teardown at exit is slow and irrelevant here)


if __name__ == "__main__":
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="cm-clip-config-"))
    os.environ.setdefault("CORRIDOR_MAP_DATA_DIR", tempfile.mkdtemp(prefix="cm-clip-data-"))
    main()
