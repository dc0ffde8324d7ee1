"""The empty sales and dealers templates (``resources/templates/``) and copying one where the user wants."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corridor_map.core.schema import TableKind
from corridor_map.core.store import atomic_write_bytes
from corridor_map.paths import resources_dir


@dataclass(frozen=True)
class Template:
    """One bundled template file."""

    kind: TableKind
    variant: str  # "xlsx", "csv" (English headers) or "csv_zh" (Chinese headers)
    file_name: str

    @property
    def suffix(self) -> str:
        """The file's extension, with the dot."""
        return Path(self.file_name).suffix

    def source(self) -> Path:
        """Where the bundled file is."""
        return resources_dir() / "templates" / self.file_name


VARIANTS = ("xlsx", "csv", "csv_zh")


def templates(kind: TableKind) -> list[Template]:
    """The templates of ``kind``: XLSX (with a bilingual help sheet), CSV, CSV with Chinese headers."""
    return [
        Template(kind, "xlsx", f"{kind}_template.xlsx"),
        Template(kind, "csv", f"{kind}_template.csv"),
        Template(kind, "csv_zh", f"{kind}_template_zh.csv"),
    ]


def save_template(template: Template, destination: Path) -> Path:
    """Copy ``template`` to ``destination`` (atomically; the extension is added when missing)."""
    if destination.suffix.lower() != template.suffix:
        destination = destination.with_name(destination.name + template.suffix)
    atomic_write_bytes(destination, template.source().read_bytes())
    return destination
