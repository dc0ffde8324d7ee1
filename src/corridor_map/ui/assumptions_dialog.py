"""Help → Transit assumptions: each assumption of the route estimates, its value now and by default,
its basis and its sources, in the interface's language (from ``core.assumptions``)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from corridor_map.core.assumptions import ASSUMPTIONS, NOT_COUNTED
from corridor_map.core.transit import TransitParams


def assumptions_html(params: TransitParams, lang: str, headers: list[str], intro: str) -> str:
    """The table: assumption, value now, default, basis and sources."""
    zh = lang.startswith("zh")
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    rows = []
    for a in ASSUMPTIONS:
        sources = "".join(f"<br/>• {escape(s)}" for s in a.sources)
        rows.append(
            "<tr>"
            f"<td>{escape(a.label(lang))}</td>"
            f"<td>{getattr(params, a.key):g} {escape(a.unit(lang))}</td>"
            f"<td>{a.default:g} {escape(a.unit(lang))}</td>"
            f"<td>{escape(a.basis(lang))}{sources}</td>"
            "</tr>"
        )
    table = f"<table cellspacing='0' cellpadding='4' border='1'><tr>{head}</tr>{''.join(rows)}</table>"
    return f"<p>{escape(intro)}</p>{table}<p>{escape(NOT_COUNTED['zh' if zh else 'en'])}</p>"


class AssumptionsDialog(QDialog):
    """The transit assumptions with their sources; the values shown are those in use now."""

    def __init__(self, params: TransitParams, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AssumptionsDialog")
        self.setWindowTitle(self.tr("Transit assumptions"))
        self.resize(820, 560)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        headers = [self.tr("Assumption"), self.tr("Now"), self.tr("Default"), self.tr("Basis and sources")]
        intro = self.tr(
            "The route estimates (Routes panel, country panel, corridor-map route) use these figures. "
            "Change them in the Routes panel; they are remembered."
        )
        self.text.setHtml(assumptions_html(params, lang, headers, intro))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
