"""Real published figures with the attribution their publication gives (``published_figures.csv``).

Every figure comes from one article (``published_in``); ``source`` is whom the article credits the figure
to, or says that it credits no one. Chongqing and China figures are the corridor's context and apply to
every destination; a company's figures apply when one of its brands appears in the data of the selection.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from corridor_map.core.errors import DataFormatError
from corridor_map.paths import resources_dir

COLUMNS = (
    "id",
    "subject_en",
    "subject_zh",
    "metric",
    "value",
    "qualifier",
    "unit",
    "period",
    "source_en",
    "source_zh",
    "published_in_en",
    "published_in_zh",
    "text_en",
    "text_zh",
)
CONTEXT_SUBJECTS = frozenset({"Chongqing", "China"})
NO_SOURCE = "not named in the article"  # how a row starts whose article credits the figure to no one


@dataclass(frozen=True)
class PublishedFigure:
    """One published figure, its wording in English and Chinese, whom it is credited to and where."""

    id: str
    subject_en: str
    subject_zh: str
    metric: str
    value: float
    qualifier: str  # "=", ">", "<"
    unit: str
    period: str
    source_en: str
    source_zh: str
    published_in_en: str
    published_in_zh: str
    text_en: str
    text_zh: str

    def subject(self, lang: str = "en") -> str:
        return self.subject_zh if lang.startswith("zh") else self.subject_en

    def text(self, lang: str = "en") -> str:
        """The sentence to show."""
        return self.text_zh if lang.startswith("zh") else self.text_en

    def source(self, lang: str = "en") -> str:
        """Whom the publication credits the figure to (or that it names no one)."""
        return self.source_zh if lang.startswith("zh") else self.source_en

    def published_in(self, lang: str = "en") -> str:
        """The publication the figure was taken from."""
        return self.published_in_zh if lang.startswith("zh") else self.published_in_en

    @property
    def attributed(self) -> bool:
        """Whether the publication names a source for the figure."""
        return not self.source_en.startswith(NO_SOURCE)

    @property
    def is_context(self) -> bool:
        """Chongqing or China as a whole: applies to every destination."""
        return self.subject_en in CONTEXT_SUBJECTS


def figures_path() -> Path:
    return resources_dir() / "sample" / "published_figures.csv"


def load_published_figures(path: Path | None = None) -> list[PublishedFigure]:
    """Every figure in the file; a missing column, field or a bad number raises DataFormatError naming
    the file, row and field."""
    path = path or figures_path()
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise DataFormatError(path, f"missing columns {missing}")
            figures = []
            for number, row in enumerate(reader, start=2):
                try:
                    value = float(row["value"])
                except (TypeError, ValueError):
                    raise DataFormatError(path, "not a number", row=number, field="value") from None
                for required in ("source_en", "source_zh", "published_in_en", "published_in_zh"):
                    if not (row[required] or "").strip():
                        raise DataFormatError(path, "empty: every figure names its source", row=number,
                                              field=required)  # fmt: skip
                fields = {c: (row[c] or "").strip() for c in COLUMNS if c != "value"}
                figures.append(PublishedFigure(**fields, value=value))
    except OSError as exc:
        raise DataFormatError(path, f"cannot be read ({exc.strerror or exc})") from exc
    return figures


@functools.cache
def bundled_figures() -> tuple[PublishedFigure, ...]:
    """The bundled figures, read once."""
    return tuple(load_published_figures())


def applicable_figures(figures: Iterable[PublishedFigure], brands: Iterable[str]) -> list[PublishedFigure]:
    """The context figures, plus those of a company whose name is part of one of ``brands``."""
    names = [b.casefold() for b in brands]
    out = []
    for figure in figures:
        subjects = [s.casefold() for s in (figure.subject_en, figure.subject_zh) if s]
        if figure.is_context or any(s in name for s in subjects for name in names):
            out.append(figure)
    return out
