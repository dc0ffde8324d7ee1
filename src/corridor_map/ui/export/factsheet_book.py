"""Many fact sheets as one PDF: a cover with a contents page, then every sheet (``pypdf`` joins them).

The cover is HTML printed by the same export page as the sheets (its fonts embedded the same way); its
contents list each country with the page its sheet starts on, counted from the sheets already written.
"""

from __future__ import annotations

import html
import io
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from corridor_map.ui.export.composer import date_text
from corridor_map.ui.export.session import export_blocking
from corridor_map.ui.export.spec import ExportError, ExportSpec

if TYPE_CHECKING:
    from corridor_map.ui.export.factsheets import FactSheetJob


def _tr(text: str) -> str:
    return QCoreApplication.translate("FactSheet", text)


def cover_html(
    rows: list[tuple[str, str, str, int]], label: str, date: str, lang: str, cover_pages: int = 1
) -> str:
    """The cover and contents: ``rows`` of (ISO3, English name, Chinese name, sheet pages)."""
    title = {
        "en": "Country fact sheets",
        "zh": "国家概况",
        "both": "Country fact sheets · 国家概况",
    }[lang]
    subtitle = _tr("Vehicle exports from Chongqing along the New International Land-Sea Trade Corridor")
    page = cover_pages + 1
    lines = []
    for iso3, name_en, name_zh, pages in rows:
        name = {"en": name_en, "zh": name_zh, "both": f"{name_en} · {name_zh}"}[lang]
        lines.append(
            f"<tr><td>{html.escape(name)}</td><td class='cm-fs-num'>{html.escape(iso3)}</td>"
            f"<td class='cm-fs-num'>{page}</td></tr>"
        )
        page += max(1, pages)
    contents = _tr("Contents")
    country, code, start = _tr("Country"), _tr("Code"), _tr("Page")
    return (
        "<div class='cm-fs cm-fs-cover'>"
        f"<h1 class='cm-fs-cover-title'>{html.escape(title)}</h1>"
        f"<p class='cm-fs-cover-sub'>{html.escape(subtitle)}</p>"
        f"<p class='cm-fs-cover-label'>{html.escape(label)}</p>"
        f"<p class='cm-fs-cover-date'>{html.escape(date)}</p>"
        f"<h2>{html.escape(contents)}</h2>"
        "<table class='cm-fs-table'><thead><tr>"
        f"<th>{html.escape(country)}</th><th class='cm-fs-num'>{html.escape(code)}</th>"
        f"<th class='cm-fs-num'>{html.escape(start)}</th></tr></thead>"
        f"<tbody>{''.join(lines)}</tbody></table></div>"
    )


def combine(job: FactSheetJob, out: Path) -> Path:
    """Print the cover for ``job``'s written sheets and join it and them into ``out``."""
    from pypdf import PdfReader, PdfWriter

    from corridor_map.core.basemap import load_country_table
    from corridor_map.ui.export.factsheets import SHEET_PAPER

    session = job.controller.session if job.controller is not None else None
    if session is None:
        raise ExportError("the export map is not open")
    names = load_country_table()
    rows = []
    for path, pages in zip(job.written, job.pages, strict=True):
        iso3 = path.name.split("-", 1)[0]
        info = names.get(iso3)
        rows.append((iso3, info.name_en if info else iso3, info.name_zh if info else iso3, pages))
    dataset = job.private.dataset if job.private is not None else job.window_state.dataset
    label = dataset.label_zh if job.options.lang == "zh" else dataset.label_en
    lang = job.options.lang
    date = date_text("zh" if lang == "zh" else "en")
    spec = ExportSpec(
        fmt="pdf",
        paper=SHEET_PAPER,
        lang="zh" if lang == "zh" else "en",
        legend=False,
        sheet_html=cover_html(rows, label, date, lang),
    )
    cover = export_blocking(session, spec)
    cover_pages = len(PdfReader(io.BytesIO(cover.pdf or b"")).pages)
    if cover_pages != 1:  # a long contents: number the pages again with its real length
        spec = replace(spec, sheet_html=cover_html(rows, label, date, lang, cover_pages))
        cover = export_blocking(session, spec)
    writer = PdfWriter()
    writer.append(io.BytesIO(cover.pdf or b""))
    for path in job.written:
        writer.append(str(path))
    with out.open("wb") as handle:
        writer.write(handle)
    return out
