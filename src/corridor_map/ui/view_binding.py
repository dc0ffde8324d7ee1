"""What follows the ``ViewState`` besides the page: the translators and the remembered settings."""

from __future__ import annotations

from corridor_map.ui.i18n import LanguageManager
from corridor_map.ui.settings import Settings
from corridor_map.view_state import ViewState


def bound_view_state(settings: Settings, languages: LanguageManager) -> ViewState:
    """A view state starting from the settings and the current language; its changes switch the
    translators and are remembered (connected first, so the page's texts are already translated)."""
    view_state = ViewState(settings.point_of_view, languages.language, settings.world)

    def language_changed(language: str) -> None:
        settings.language = language
        languages.set_language(language)

    def point_of_view_changed(pov: str) -> None:
        settings.point_of_view = pov

    def world_changed(world: str) -> None:
        settings.world = world

    view_state.language_changed.connect(language_changed)
    view_state.world_changed.connect(world_changed)
    view_state.point_of_view_changed.connect(point_of_view_changed)
    return view_state
