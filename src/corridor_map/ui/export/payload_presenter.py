"""Shows a ready-made page payload on the export view: the ``export`` command's presenter, no pandas.

``PagePresenter`` follows a live ``AppState``; this one pushes a payload computed earlier (or read
from ``payload_cache``) with the same ``ui.page_push`` calls, so the map is the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject

from corridor_map.ui.page_push import page_calls, push_page, startup_json
from corridor_map.ui.web import MapView


class PayloadPresenter(QObject):
    """Pushes ``payload`` with ``selection`` to ``view`` whenever its page (re)loads."""

    def __init__(
        self, view: MapView, payload: dict[str, Any], language: str, selection: Iterable[str]
    ) -> None:
        super().__init__(view)
        self.view = view
        self.payload = payload
        self.language = language
        self.selection = tuple(selection)
        self._preloaded: tuple[str, tuple[str, ...]] | None = None  # language and selection sent along
        view.pageReady.connect(self._on_page_ready)

    def preload(self) -> None:
        """Give the page its data as it loads (call before loading it): the page makes the calls itself
        (the bridge's ``startup``), so it is complete when it says it is ready, without a round trip."""
        calls = page_calls(self.payload, self.language, self.selection, self.years)
        self.view.set_startup(startup_json(calls))
        self._preloaded = (self.language, self.selection)

    def _on_page_ready(self) -> None:
        sent, self._preloaded = self._preloaded, None
        if sent is not None:  # this load brought the data; a later reload gets it pushed
            self.view.set_startup("")
            if sent == (self.language, self.selection):
                return
        self.push_all()  # (also when the language or selection changed while the page loaded)

    @property
    def years(self) -> tuple[int, int] | None:
        """The years the payload counts (the legend's title says them); None: all."""
        years = self.payload.get("years")
        return (int(years[0]), int(years[1])) if years else None

    def label(self, language: str) -> str:
        """The dataset's label in ``language`` (for source lines)."""
        return str(self.payload["labels"][language])

    def set_language(self, language: str) -> None:
        """Labels, legend and data label in ``language`` (``en``/``zh``)."""
        self.language = language
        if self.view.ready:
            self.push_all()

    def select(self, codes: Iterable[str]) -> None:
        """Highlight ``codes`` from now on."""
        self.selection = tuple(sorted(codes))
        if self.view.ready:
            self.view.api.set_selection(self.selection)

    def countries(self) -> set[str]:
        """ISO3 codes the data has sales or dealers in."""
        return set(self.payload["data"]["units"]) | set(self.payload["dealers"].get("countries", []))

    def push_all(self) -> None:
        """Everything, after the page (re)loaded."""
        push_page(self.view.api, self.payload, self.language, self.selection, self.years)
