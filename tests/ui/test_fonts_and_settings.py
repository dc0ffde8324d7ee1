"""Chinese renders in Qt widgets without a system CJK font; settings and layout persist."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel

from corridor_map.core.dataset import load_sample
from corridor_map.paths import geo_dir, resources_dir
from corridor_map.state import AppState
from corridor_map.ui.fonts import apply_app_font, register_cjk_font
from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.main_window import MainWindow
from corridor_map.ui.settings import Settings
from tests.ui.conftest import close_window


def _render(text: str, family: str) -> QImage:
    label = QLabel(text)
    font = label.font()
    font.setFamilies([family])
    font.setPixelSize(40)
    label.setFont(font)
    label.resize(120, 60)
    return label.grab().toImage()


def _inked(image: QImage) -> int:
    background = image.pixelColor(0, 0)
    return sum(
        1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y) != background
    )


def test_bundled_font_draws_real_hanzi_in_a_grabbed_image(qapp: QApplication) -> None:
    family = register_cjk_font()
    assert family, "the bundled CJK font did not load"
    zhong, guo, missing = _render("中", family), _render("国", family), _render("\ue000", family)
    assert _inked(zhong) > 50 and _inked(guo) > 50
    assert zhong != guo  # boxes would look alike
    assert missing not in (zhong, guo)


def test_app_font_falls_back_to_the_bundled_cjk_font(qapp: QApplication) -> None:
    family = register_cjk_font()
    font = apply_app_font(family)
    assert font.families()[-1] == family


def test_window_geometry_is_remembered(qapp: QApplication) -> None:
    languages = LanguageManager(qapp)
    languages.set_language("en")
    first = MainWindow(Settings(), languages, AppState(load_sample()), [resources_dir(), geo_dir()])
    first.show()
    QApplication.processEvents()
    first.ranking_dock.hide()  # a layout change the user made
    first.move(QPoint(37, 23))
    QApplication.processEvents()
    geometry = first.saveGeometry()
    first.close()
    assert Settings().window_state()[0] == geometry  # stored on close (the offscreen screen clamps sizes)
    second = MainWindow(Settings(), languages, AppState(load_sample()), [resources_dir(), geo_dir()])
    second.show()
    QApplication.processEvents()
    assert not second.ranking_dock.isVisible()  # the dock layout came back
    second.ranking_dock.show()
    for w in (first, second):
        close_window(w)


def test_language_choice_is_remembered(qapp: QApplication) -> None:
    settings = Settings()
    settings.language = "zh"
    assert Settings().language == "zh"
    settings.language = "en"
    assert Settings().language == "en"


def test_a_deleted_window_no_longer_follows_the_language(qapp: QApplication) -> None:
    """Panels follow the language through bound slots, which Qt disconnects when the panel is deleted."""
    from corridor_map.core.corridor import load_corridor

    languages = LanguageManager(qapp)
    roots = [resources_dir(), geo_dir()]
    win = MainWindow(Settings(), languages, AppState(load_sample()), roots, load_corridor())
    close_window(win)
    try:
        languages.set_language("zh")  # Qt reports an exception raised in a slot: pytest-qt fails the test
    finally:
        languages.set_language("en")
