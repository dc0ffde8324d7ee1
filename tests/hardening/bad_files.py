"""The broken-input corpus: committed files in tests/data/bad/ plus big ones generated at test time.

``EXPECTED[name] = (kind, exit code of check-data)``: 2 when the file cannot be read or is not a
table of that kind, 1 when it is read but rows are rejected (or there are none).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from corridor_map.core.schema import TableKind

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"

EXPECTED: dict[str, tuple[TableKind, int]] = {
    "empty.csv": ("sales", 2),
    "bom_only.csv": ("sales", 2),
    "bom_and_blank_lines.csv": ("sales", 2),
    "utf16_bom_only.csv": ("sales", 2),
    "header_only.csv": ("sales", 1),
    "header_only_no_newline.csv": ("sales", 1),
    "only_delimiters.csv": ("sales", 2),
    "one_column.csv": ("sales", 2),
    "one_column_xlsx.xlsx": ("sales", 2),
    "empty_sheet.xlsx": ("sales", 2),
    "binary.csv": ("sales", 2),
    "nul_bytes.csv": ("sales", 2),
    "utf16_without_bom.csv": ("sales", 0),  # ASCII text in UTF-16: its zeros tell the byte order
    "utf16_broken.csv": ("sales", 2),
    "utf8_bom_then_invalid.csv": ("sales", 2),
    "latin1.csv": ("sales", 0),  # Windows-1252 (Türkiye, Côte d'Ivoire) is detected and read
    "control_chars.csv": ("sales", 2),
    "truncated.xlsx": ("sales", 2),
    "truncated_tiny.xlsx": ("sales", 2),
    "zip_not_workbook.xlsx": ("sales", 2),
    "broken_sheet_xml.xlsx": ("sales", 2),
    "old_excel.xls": ("sales", 2),
    "workbook_named.csv": ("sales", 2),
    "png_named.csv": ("sales", 2),
    "csv_named.xlsx": ("sales", 1),
    "html_named.xlsx": ("sales", 2),
    "formulas.csv": ("sales", 1),
    "formulas_without_values.xlsx": ("sales", 1),
    "weird_numbers.csv": ("sales", 1),
    "unbalanced_quotes.csv": ("sales", 1),
    "mixed_line_endings.csv": ("sales", 1),
    "ragged.csv": ("sales", 1),
    "duplicate_columns.csv": ("sales", 2),
    "wrong_columns.csv": ("sales", 2),
    "dealers_bad_coordinates.csv": ("dealers", 1),
    "long_line_no_newline.csv": ("sales", 1),
    # generated (too big to commit)
    "huge_cell.csv": ("sales", 1),
    "huge_cell_bad_row.csv": ("sales", 2),
    "huge_header.csv": ("sales", 2),
    "csv_bomb_row.csv": ("dealers", 1),
    "csv_bomb_header.csv": ("sales", 2),
    "garbage_lines.csv": ("sales", 2),
}

HEADER = b"country,brand,year,units\n"


def _garbage_lines(size: int, seed: int = 7) -> bytes:
    """Printable ASCII with a newline every ~50 bytes: a CSV of nonsense."""
    rng = np.random.default_rng(seed)
    body = rng.integers(32, 127, size, dtype=np.uint8)
    body[rng.random(size) < 0.02] = 10
    return body.tobytes()


GENERATED: dict[str, Callable[[], bytes]] = {
    # a 300 KB brand in a row of the right width (the fast parser takes it); its units are bad
    "huge_cell.csv": lambda: HEADER + b"Thailand," + b"B" * 300_000 + b",2024,x\n",
    # the same cell in a row of the wrong width: the exact parser meets it
    "huge_cell_bad_row.csv": lambda: HEADER + b"Thailand,Alpha,2024,5\n" + b"y" * 300_000 + b",1\n",
    "huge_header.csv": lambda: b"country,brand,year,units," + b"h" * 300_000 + b"\nThailand,Alpha,2024,5,x\n",
    # millions of delimiters on one line
    "csv_bomb_row.csv": lambda: b"dealer,country,brand\nA,Thailand,Alpha\n" + b"," * 3_000_000 + b"x\n",
    "csv_bomb_header.csv": lambda: b"," * 3_000_000 + b"\nThailand,Alpha,2024,5\n",
    "garbage_lines.csv": lambda: _garbage_lines(2_000_000),
}


def corpus_path(name: str, generated_dir: Path) -> Path:
    """The file called ``name``: committed, or written into ``generated_dir`` on first use."""
    if name in GENERATED:
        path = generated_dir / name
        if not path.exists():
            path.write_bytes(GENERATED[name]())
        return path
    return BAD / name


def committed_names() -> list[str]:
    """Every committed corpus file (the generator script aside)."""
    return sorted(p.name for p in BAD.iterdir() if p.suffix != ".py")
