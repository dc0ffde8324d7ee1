"""The About box: version, purpose, and every data source and vendored library with its licence."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from corridor_map import __version__
from corridor_map.core.credits import DATA_CREDITS, SOFTWARE_CREDITS, Credit


def _table(rows: tuple[Credit, ...], headers: list[str]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{escape(v)}</td>" for v in (c.name, c.version, c.licence, c.role, c.attribution))
        + "</tr>"
        for c in rows
    )
    return f"<table cellspacing='0' cellpadding='3' border='1'><tr>{head}</tr>{body}</table>"


class AboutDialog(QDialog):
    """Credits every source; the text is built from ``core.credits``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About Corridor Map"))
        self.resize(760, 560)
        headers = [
            self.tr("Name"),
            self.tr("Version"),
            self.tr("Licence"),
            self.tr("Used for"),
            self.tr("Attribution"),
        ]
        text = QTextBrowser(self)
        text.setOpenLinks(False)
        title = self.tr("Corridor Map")
        purpose = self.tr(
            "An offline map of vehicle exports from Chongqing along the Land-Sea Trade Corridor."
        )
        data_heading = self.tr("Map data")
        software_heading = self.tr("Software and fonts")
        views_heading = self.tr("Points of view")
        views = [
            self.tr(
                "China's point of view (the default): Natural Earth 1:50m, with South Tibet, the western "
                "sector, Heixiazi Island, the Diaoyu Islands, the South China Sea islands and the ten-dash "
                "line after the dataset world-geo-json-zh, which follows China's standard maps GS(2023)2767 "
                "and GS(2021)5443; Taiwan, Hong Kong and Macao as parts of China."
            ),
            self.tr(
                "Natural Earth's default view (View → Point of view): Natural Earth 1:50m as published, "
                "with the boundaries each country administers."
            ),
            self.tr(
                "Neither is an officially approved map: maps for publication in China need the approval "
                "of the map authorities."
            ),
        ]
        glossary_heading = self.tr("Glossary")
        text.setHtml(
            f"<h2>{escape(title)} {escape(__version__)}</h2><p>{escape(purpose)}</p>"
            f"<h3>{escape(glossary_heading)}</h3>{self.glossary_html()}"
            f"<h3>{escape(views_heading)}</h3>"
            + "".join(f"<p>{escape(v)}</p>" for v in views)
            + f"<h3>{escape(data_heading)}</h3>{_table(DATA_CREDITS, headers)}"
            f"<h3>{escape(software_heading)}</h3>{_table(SOFTWARE_CREDITS, headers)}"
        )
        self.text = text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def glossary(self) -> list[tuple[str, str]]:
        """The terms and abbreviations the panels and the map use, each with what it means."""
        return [
            (
                self.tr("ILSTC"),
                self.tr(
                    "International Land-Sea Trade Corridor (ILSTC, 陆海新通道): rail from Chongqing to the "
                    "Beibu Gulf ports, then by sea to Southeast Asia and beyond."
                ),
            ),
            (
                self.tr("Beibu Gulf"),
                self.tr("The Gulf of Tonkin; its Chinese ports are Qinzhou, Beihai and Fangchenggang."),
            ),
            (
                self.tr("China–Europe Railway Express"),
                self.tr("Container trains from Chongqing across Central Asia and Russia to Europe."),
            ),
            (self.tr("NEV"), self.tr("New-energy vehicle: battery-electric, plug-in hybrid or fuel-cell.")),
            (self.tr("ICE"), self.tr("Internal-combustion engine: petrol or diesel vehicles.")),
            (self.tr("TEU"), self.tr("Twenty-foot equivalent unit, the size of a standard container.")),
            (self.tr("nm, knots"), self.tr("Nautical miles (1.852 km) and nautical miles per hour.")),
            (self.tr("ISO3"), self.tr("The three-letter country code of ISO 3166-1 (CHN, DEU, THA…).")),
        ]

    def glossary_html(self) -> str:
        rows = "".join(
            f"<dt><b>{escape(term)}</b></dt><dd>{escape(text)}</dd>" for term, text in self.glossary()
        )
        return f"<dl>{rows}</dl>"
