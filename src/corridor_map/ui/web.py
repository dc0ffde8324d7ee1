"""The map's web view: a locked-down page (own files only), the request tripwire, and the bridge."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from corridor_map.ui.bridge import MapBridge
from corridor_map.ui.page_api import PageApi

if TYPE_CHECKING:
    from corridor_map.mapgen.options import PageOptions

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = {"file", "qrc", "data", "blob", "about"}


class RequestTripwire(QWebEngineUrlRequestInterceptor):
    """Blocks and logs every request that is not for the app's own files (offline by construction)."""

    def __init__(self, allowed_roots: list[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots = [str(r.resolve()) for r in allowed_roots]
        self._lock = threading.Lock()
        self.blocked: list[str] = []
        self.allowed = 0

    def add_root(self, root: Path) -> None:
        """Allow file requests under ``root`` too (a new page folder)."""
        with self._lock:
            resolved = str(root.resolve())
            if resolved not in self._roots:
                self._roots.append(resolved)

    def is_allowed(self, url: QUrl) -> bool:
        """Own files, Qt's resources, and inline data only."""
        scheme = url.scheme()
        if scheme not in ALLOWED_SCHEMES:
            return False
        if scheme != "file":
            return True
        path = str(Path(url.toLocalFile()).resolve())
        return any(path == r or path.startswith(r + "/") for r in self._roots)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if self.is_allowed(url):
            with self._lock:
                self.allowed += 1
            return
        info.block(True)
        with self._lock:
            self.blocked.append(url.toString())
        log.warning("blocked a request outside the app's files: %s", url.toString())


_shared: RequestTripwire | None = None


def shared_tripwire(allowed_roots: list[Path]) -> RequestTripwire:
    """The one tripwire of the default profile, which every view of the process shares: an
    interceptor is per profile, so one per view would replace the others' (and block their pages)."""
    global _shared  # noqa: PLW0603
    if _shared is None:
        _shared = RequestTripwire(allowed_roots)
        QWebEngineProfile.defaultProfile().setUrlRequestInterceptor(_shared)
    else:
        for root in allowed_roots:
            _shared.add_root(root)
    return _shared


class MapPage(QWebEnginePage):
    """A page that stays on its own document, opens no windows, and logs its console."""

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.home: QUrl | None = None
        self.console: list[tuple[int, str]] = []
        settings = self.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)

    def acceptNavigationRequest(self, url: QUrl | str, nav_type: Any, is_main_frame: bool) -> bool:
        target = QUrl(url)
        home = self.home
        if home is not None and target.scheme() == home.scheme() and target.path() == home.path():
            return True
        log.warning("refused navigation away from the map page: %s", target.toString())
        return False

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> None:  # type: ignore[override]
        log.warning("refused a new window from the map page")

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        self.console.append((int(level.value), message))
        log.log(
            logging.WARNING if level.value >= 1 else logging.DEBUG,
            "page console: %s (%s:%d)",
            message,
            source,
            line,
        )


class MapView(QWebEngineView):
    """The map widget: loads a page file, publishes the bridge, and tells when the page is live.

    ``pageReady`` fires when the page's JS called ``bridge.ready()`` (after load, with the map
    built). If the render process dies, the page is reloaded and ``renderProcessRestarted`` fires.
    """

    pageReady = Signal()
    renderProcessRestarted = Signal(str)
    renderProcessFailed = Signal(str)
    countrySelected = Signal(str, bool)
    dealerSelected = Signal(int, bool)
    backgroundSelected = Signal()
    portSelected = Signal(str)
    viewChanged = Signal(dict)  # the map settled: {"center": [lat, lon], "zoom": z, "layers": {key: shown}}
    exportReady = Signal(str)  # the export page drew the frame with this token (cm_export.js)
    bridgeRebuilt = Signal()

    MAX_RESTARTS = 3

    def __init__(self, tripwire: RequestTripwire, parent: Any = None) -> None:
        super().__init__(parent)
        self.tripwire = tripwire  # the profile's (see shared_tripwire)
        profile = QWebEngineProfile.defaultProfile()
        self._page = MapPage(profile, self)
        self.setPage(self._page)
        self._page.renderProcessTerminated.connect(self._on_render_process_terminated)
        self.ready = False
        self.load_count = 0
        self.restarts = 0
        self.bridge_rebuilds = 0
        self._page_path: Path | None = None
        self.fragment = ""  # the page URL's fragment, kept for reloads (cm_api.js: hold, wait, view=…)
        self._startup = ""  # the bridge's startup property (see set_startup)
        self._loaded_startup = ""  # the startup the page loading or loaded got (see take_startup)
        self._held = False  # pageReady kept back (see hold_ready)
        self._ready_while_held = False
        self._size_first = False  # the first ready after a hold waits for the widget's size (release_ready)
        self.early_options: PageOptions | None = None  # of a page loaded before the window (ui.early_map)
        self.api = PageApi(self)  # the one way into the page (ui.page_api)
        self._install_bridge()

    def _install_bridge(self) -> None:
        """A fresh bridge on a fresh channel (also after a page script destroyed the old one)."""
        self.bridge = MapBridge(self, self._startup)
        self.bridge.readyReceived.connect(self._on_ready)
        self.bridge.countrySelected.connect(self.countrySelected)
        self.bridge.dealerSelected.connect(self.dealerSelected)
        self.bridge.backgroundSelected.connect(self.backgroundSelected)
        self.bridge.portSelected.connect(self.portSelected)
        self.bridge.viewReported.connect(self.viewChanged)
        self.bridge.exportDrawn.connect(self.exportReady)
        self.bridge.destroyed.connect(self._on_bridge_destroyed)
        self._channel = QWebChannel(self._page)
        self._channel.registerObject("bridge", self.bridge)
        self._page.setWebChannel(self._channel)

    @property
    def map_page(self) -> MapPage:
        return self._page

    def load_page(self, page_path: Path, fragment: str | None = None) -> None:
        """Load a generated page file (never ``setHtml``: it fails silently above 2 MB).

        ``fragment`` (kept for later reloads when ``None``) tells the page how to start (``cm_api.js``):
        ``hold`` (draw nothing until the first export frame), ``view=lat,lon,zoom`` (the view it starts
        at), joined with ``&``.
        """
        if fragment is not None:
            self.fragment = fragment
        self._page_path = page_path
        self.tripwire.add_root(page_path.parent)
        url = QUrl.fromLocalFile(str(page_path))
        if self.fragment:
            url.setFragment(self.fragment)
        self._page.home = url
        self.ready = False
        self._loaded_startup = self._startup
        self.load(url)

    def set_startup(self, startup: str) -> None:
        """The ``CM.*`` calls the next page that loads makes itself before it says it is ready, as
        ``ui.page_push.startup_json`` gives them ("" for none): the bridge's ``startup`` property."""
        self._startup = startup
        self.bridge.set_startup(startup)

    def take_startup(self) -> str:
        """The calls the page loaded last made itself before it said it was ready (``set_startup``'s
        JSON, "" for none), once. The startup is cleared: a reload (the render process restarted) then
        makes none, and its presenter pushes what the state is by then."""
        made, self._loaded_startup = self._loaded_startup, ""
        if self._startup:
            self.set_startup("")
        return made

    def hold_ready(self) -> None:
        """Keep ``pageReady`` back until ``release_ready``: a page loading while the app still starts
        (``ui.early_map``) may get ready before the window that waits for it is there."""
        self._held = True
        self._ready_while_held = False
        self._size_first = True

    @property
    def ready_held(self) -> bool:
        """The page said it is ready while ``pageReady`` was held back."""
        return self._held and self._ready_while_held

    def release_ready(self, *, announce: bool = True) -> None:
        """Let ``pageReady`` through: at once if the page got ready meanwhile, else when it does. Either
        way once the page's viewport has this widget's size: the page was laid out before the window
        showed the view, at the size the map last had or none, and the window's first view must be
        framed at the size shown (``_when_page_has_my_size``).
        ``announce=False``: the page loading is not wanted (another replaces it), say nothing of it."""
        if not self._held:
            return
        self._held = False
        ready, self._ready_while_held = self._ready_while_held, False
        if not announce:
            self._size_first = False
        elif ready:
            self._on_ready()  # (through the size check: _size_first)

    def _when_page_has_my_size(self, then: Callable[[], None], tries: int = 60) -> None:
        """Call ``then`` once the page's viewport is this widget's size (its resize reaches the page
        asynchronously) and the map is sized to it; after ``tries`` frames at most, whatever the size."""

        def check(size: object) -> None:
            width, _, height = str(size).partition("x")
            fits = width.isdigit() and height.isdigit()
            fits = fits and abs(int(width) - self.width()) <= 1 and abs(int(height) - self.height()) <= 1
            if fits or tries <= 1:  # (±1: a fractional display scale rounds either side)
                then()
            else:
                QTimer.singleShot(16, self, lambda: self._when_page_has_my_size(then, tries - 1))

        # (text: PySide6 gives an empty string for a JS array or object)
        self.run_js(
            "(function () { if (window.CM && CM.map) CM.map.invalidateSize({ animate: false });"
            " return window.innerWidth + 'x' + window.innerHeight; })()",
            check,
        )

    def _on_ready(self) -> None:
        if self._held:
            self._ready_while_held = True
            return
        if self._size_first:
            self._size_first = False
            self._when_page_has_my_size(self._on_ready)
            return
        self.ready = True
        self.load_count += 1
        self.pageReady.emit()

    def _on_bridge_destroyed(self) -> None:
        """The page called the inherited ``deleteLater()``: rebuild the bridge and reload the page."""
        log.error("the page destroyed its bridge object; rebuilding the bridge and reloading the map")
        self.ready = False
        self.bridge_rebuilds += 1
        QTimer.singleShot(0, self._rebuild_bridge)

    def _rebuild_bridge(self) -> None:
        self._install_bridge()
        self.bridgeRebuilt.emit()
        if self._page_path is not None:
            self.load_page(self._page_path)

    def _on_render_process_terminated(self, status: Any, exit_code: int) -> None:
        self.ready = False
        reason = f"{getattr(status, 'name', status)} (exit code {exit_code})"
        self.restarts += 1
        if self.restarts > self.MAX_RESTARTS or self._page_path is None:
            log.error("the map's render process stopped again: %s; giving up", reason)
            self.renderProcessFailed.emit(reason)
            return
        log.warning("the map's render process stopped: %s; reloading the map", reason)
        self.renderProcessRestarted.emit(reason)
        path = self._page_path
        QTimer.singleShot(0, self, lambda: self.load_page(path))  # (not once the view is deleted)

    def set_creation_script(self, name: str, source: str | None) -> None:
        """Run ``source`` in every document this view loads from now on, before the page's own scripts
        (``None`` removes the script called ``name``)."""
        scripts = self._page.scripts()
        for old in scripts.find(name):
            scripts.remove(old)
        if source is None:
            return
        script = QWebEngineScript()
        script.setName(name)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setRunsOnSubFrames(False)
        script.setSourceCode(source)
        scripts.insert(script)

    def run_js(self, code: str, callback: Callable[[Any], None] | None = None) -> None:
        """Run JS in the page; ``callback`` gets the last expression's value."""
        if callback is None:
            self._page.runJavaScript(code, 0)
        else:
            self._page.runJavaScript(code, 0, callback)

    def call(self, function: str, *args: Any, callback: Callable[[Any], None] | None = None) -> None:
        """Call ``CM.<function>(args…)`` with arguments passed as JSON data (never spliced as code)."""
        payload = ", ".join(json.dumps(a, ensure_ascii=False) for a in args)
        self.run_js(f"CM.{function}({payload})", callback)
