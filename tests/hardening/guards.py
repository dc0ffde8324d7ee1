"""Tripwires for GUI hardening tests: what the page ran or added, what Qt would render as rich text.

The page tripwire records, from the moment it is installed: calls of ``alert``/``confirm``/``prompt``,
any ``window.__pwned`` a payload sets, every ``<img>``/``<script>``/``<iframe>``/``<svg>``/… element
added to the document (a MutationObserver), and every network resource the page fetched.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui_Qt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from tests.ui.conftest import run_js

# Each payload, if it ever runs, sets window.__pwned or calls alert('pwn').
PAYLOADS: tuple[str, ...] = (
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<svg onload=window.__pwned='svg'></svg>",
    "<a href=\"javascript:window.__pwned='href'\">link</a>",
    "javascript:window.__pwned='url'",
    "${window.__pwned='template'}",
    "`${alert('pwn')}`",
    "</script><script>window.__pwned='break'</script>",
    '"><iframe src="javascript:alert(\'pwn\')"></iframe>',
    "\\\"); window.__pwned='backslash'; //\\",
    "'); window.__pwned='quote'; ('",
    "{{constructor.constructor('window.__pwned=\"angular\"')()}}",
    "<b onmouseover=alert('pwn')>bold</b> & &amp; &lt;",
    "\u202eevil\u202c rtl pwn",
    "p\u200bw\u200dn\ufeff zero-width",
    "Z\u0335\u0321a\u0337l\u0336g\u0338o\u0334 pwn",
    "🚗🇨🇳 pwn 👨\u200d👩\u200d👧",
    "%3Cscript%3Ewindow.__pwned='encoded'%3C/script%3E",
    "<style>*{display:none}</style>css pwn",
    "line\nbreak\ttab pwn",
)

TRIPWIRE_JS = r"""
(function () {
  if (window.__tripwire) return 1;
  var t = window.__tripwire = { alerts: [], added: [] };
  ['alert', 'confirm', 'prompt'].forEach(function (name) {
    window[name] = function (m) { t.alerts.push(name + ':' + String(m)); return null; };
  });
  var risky = 'img,script,iframe,object,embed,svg,style,link,a[href],b[onmouseover]';
  new MutationObserver(function (mutations) {
    mutations.forEach(function (m) {
      m.addedNodes.forEach(function (n) {
        if (n.nodeType !== 1) return;
        var hits = n.matches(risky) ? [n] : [];
        n.querySelectorAll(risky).forEach(function (x) { hits.push(x); });
        hits.forEach(function (x) { t.added.push(x.outerHTML.slice(0, 160)); });
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: false });
  return 1;
})()
"""

REPORT_JS = r"""
JSON.stringify({
  pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
  alerts: window.__tripwire ? window.__tripwire.alerts : null,
  added: window.__tripwire ? window.__tripwire.added : null,
  remote: performance.getEntriesByType('resource').map(function (e) { return e.name; })
    .concat(performance.getEntriesByType('navigation').map(function (e) { return e.name; }))
    .filter(function (u) { return !/^(file|qrc|data|blob|about):/.test(u); })
})
"""


def install_page_tripwire(window: Any) -> None:
    assert run_js(window, TRIPWIRE_JS) == 1


def page_report(window: Any) -> dict[str, Any]:
    return run_js(window, REPORT_JS)


def assert_page_clean(report: dict[str, Any]) -> None:
    """Nothing ran, nothing risky was added, nothing was fetched from outside the app."""
    assert report["pwned"] is None, report
    assert report["alerts"] == [], report
    suspicious = [h for h in report["added"] if "pwn" in h or "onerror" in h or "javascript:" in h]
    assert suspicious == [], suspicious
    assert report["remote"] == [], report["remote"]


def _rich(text: str) -> bool:
    return bool(QtGui_Qt.mightBeRichText(text))


def rich_text_leaks(root: QWidget, payloads: tuple[str, ...], max_rows: int = 400) -> list[str]:
    """Places where Qt would render a payload as rich text (HTML) instead of showing its characters.

    Checks every widget's tooltip, every QLabel not forced to plain text, and the tooltips of the
    first ``max_rows`` rows of every item view's model (item tooltips go through QToolTip too).
    """
    markers = [p for p in payloads if "<" in p]
    leaks: list[str] = []

    def check(where: str, text: str) -> None:
        if text and any(m in text for m in markers) and _rich(text):
            leaks.append(f"{where}: {text[:80]!r}")

    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}({widget.objectName() or '-'})"
        check(f"{name}.toolTip", widget.toolTip())
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText:
            check(f"{name}.text", widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for r in range(min(model.rowCount(QModelIndex()), max_rows)):
                for c in range(model.columnCount(QModelIndex())):
                    tip = model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str):
                        check(f"{name} row {r} col {c} tooltip", tip)
    return leaks
