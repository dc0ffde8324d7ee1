"""The dataset the app shows: sales and dealers frames plus where they came from (sample or the user's)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from corridor_map.core.errors import DataFormatError
from corridor_map.core.published import PublishedFigure, load_published_figures
from corridor_map.core.schema import TableKind
from corridor_map.core.validate import (
    DEALER_COLUMNS,
    SALES_COLUMNS,
    ValidationResult,
    dealers_dtypes,
    sales_dtypes,
)
from corridor_map.paths import resources_dir

log = logging.getLogger(__name__)

DatasetKind = Literal["sample", "user"]
ImportMode = Literal["replace", "append"]

SAMPLE_LABEL_EN = "Illustrative sample data — not real sales figures"
SAMPLE_LABEL_ZH = "示例数据（仅供演示，非真实销量）"
USER_LABEL_EN = "Your data"
USER_LABEL_ZH = "您的数据"


@dataclass(frozen=True)
class SourceFile:
    """One file that went into a dataset."""

    name: str  # the file name (not the full path: the dataset may move between machines)
    kind: TableKind
    rows: int
    accepted: int
    imported_at: str  # ISO 8601, UTC

    def to_json(self) -> dict[str, Any]:
        """As stored in dataset.json."""
        return {
            "name": self.name,
            "kind": self.kind,
            "rows": self.rows,
            "accepted": self.accepted,
            "imported_at": self.imported_at,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> SourceFile:
        """From dataset.json."""
        return SourceFile(
            str(data["name"]),
            data["kind"],
            int(data["rows"]),
            int(data["accepted"]),
            str(data["imported_at"]),
        )


def empty_sales() -> pd.DataFrame:
    """A sales frame with no rows and the canonical columns and types."""
    return sales_dtypes(
        pd.DataFrame({c: pd.Series([], dtype="object") for c in SALES_COLUMNS}).assign(
            year=pd.Series([], dtype="int16"),
            month=pd.Series([], dtype="int8"),
            units=pd.Series([], dtype="int64"),
            value_cny=pd.Series([], dtype="float64"),
            source_row=pd.Series([], dtype="int64"),
        )
    )


def empty_dealers() -> pd.DataFrame:
    """A dealers frame with no rows and the canonical columns and types."""
    return dealers_dtypes(
        pd.DataFrame({c: pd.Series([], dtype="object") for c in DEALER_COLUMNS}).assign(
            lat=pd.Series([], dtype="float64"),
            lon=pd.Series([], dtype="float64"),
            approximate=pd.Series([], dtype=bool),
            source_row=pd.Series([], dtype="int64"),
        )
    )


@dataclass(frozen=True)
class Dataset:
    """Sales and dealers with their provenance; treat the frames as read-only."""

    sales: pd.DataFrame
    dealers: pd.DataFrame
    kind: DatasetKind
    label_en: str
    label_zh: str
    sources: tuple[SourceFile, ...] = ()
    id: str = field(default="sample")

    @property
    def is_sample(self) -> bool:
        """True for the bundled illustrative data."""
        return self.kind == "sample"

    def label(self, lang: str = "en") -> str:
        """What the status bar and every export say about the data."""
        return self.label_zh if lang.startswith("zh") else self.label_en

    def table(self, kind: TableKind) -> pd.DataFrame:
        """The sales or dealers frame."""
        return self.sales if kind == "sales" else self.dealers

    def with_import(
        self, result: ValidationResult, mode: ImportMode, *, now: dt.datetime | None = None
    ) -> Dataset:
        """A new user dataset with ``result.accepted`` replacing or appended to this dataset's table.

        Importing into the sample starts from an empty user dataset: the sample's illustrative rows are
        never mixed with the user's.
        """
        base = (
            self
            if not self.is_sample
            else Dataset(empty_sales(), empty_dealers(), "user", USER_LABEL_EN, USER_LABEL_ZH, (), "")
        )
        kind = result.kind
        stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
        source = SourceFile(result.path.name, kind, result.rows, result.accepted_count, stamp)
        new_rows = result.accepted
        if mode == "append" and len(base.table(kind)):
            combined = pd.concat(
                [base.table(kind).astype(_plain(base.table(kind))), new_rows.astype(_plain(new_rows))],
                ignore_index=True,
            )
            sources = (*base.sources, source)
        else:
            combined = new_rows
            sources = (*(s for s in base.sources if s.kind != kind), source)
        combined = sales_dtypes(combined) if kind == "sales" else dealers_dtypes(combined)
        names = ", ".join(s.name for s in sources)
        changes: dict[str, Any] = {"sales" if kind == "sales" else "dealers": combined}
        return replace(
            base,
            kind="user",
            sources=sources,
            label_en=f"{USER_LABEL_EN}: {names}",
            label_zh=f"{USER_LABEL_ZH}：{names}",
            id="",
            **changes,
        )

    def metadata(self) -> dict[str, Any]:
        """The JSON description stored next to the tables."""
        return {
            "kind": self.kind,
            "label_en": self.label_en,
            "label_zh": self.label_zh,
            "id": self.id,
            "sources": [s.to_json() for s in self.sources],
        }


def _plain(frame: pd.DataFrame) -> dict[str, str]:
    """Categoricals as text so two frames with different categories concatenate cleanly."""
    return {c: "str" for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)}


def sample_dir() -> Path:
    """Where the bundled sample lives."""
    return resources_dir() / "sample"


def load_sample(folder: Path | None = None) -> Dataset:
    """The bundled illustrative dataset, read and checked like a user's files."""
    from corridor_map.core.importing import load_table

    folder = folder or sample_dir()
    meta_path = folder / "dataset.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFormatError(meta_path, f"the bundled sample description cannot be read ({exc})") from exc
    sales = load_table(folder / "sales.csv", "sales")
    dealers = load_table(folder / "dealers.csv", "dealers")
    for result in (sales, dealers):
        if result.rejections:
            log.warning("bundled sample %s: %d rows rejected", result.path.name, len(result.rejected_rows))
    sources = tuple(
        SourceFile(r.path.name, r.kind, r.rows, r.accepted_count, str(meta.get("generated", "")))
        for r in (sales, dealers)
    )
    return Dataset(
        sales.accepted,
        dealers.accepted,
        "sample",
        meta.get("label_en", SAMPLE_LABEL_EN),
        meta.get("label_zh", SAMPLE_LABEL_ZH),
        sources,
        "sample",
    )


def published_figures(folder: Path | None = None) -> list[PublishedFigure]:
    """The bundled table of real published figures (``published_figures.csv``), in file order."""
    return load_published_figures((folder or sample_dir()) / "published_figures.csv")
