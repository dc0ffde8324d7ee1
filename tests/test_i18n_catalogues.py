"""The committed catalogues are complete and the .qm files are compiled from their .ts."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "packaging" / "i18n.py")
assert spec and spec.loader
i18n = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n)


def test_every_message_is_translated() -> None:
    for ts in i18n.CATALOGUES:
        assert i18n.unfinished(ts) == [], ts.name


def test_committed_qm_matches_its_ts(tmp_path: Path) -> None:
    for qm in i18n.release(tmp_path):
        committed = i18n.I18N / qm.name
        assert committed.read_bytes() == qm.read_bytes(), (
            f"{committed.name} is stale: run packaging/i18n.py release"
        )


def test_catalogue_covers_every_string_in_the_source(tmp_path: Path) -> None:
    """lupdate over the sources finds no string the catalogue lacks."""
    ts = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in i18n.SOURCES.rglob("*.py"))
    subprocess.run(
        [i18n.tool("lupdate"), *sources, "-ts", str(ts), "-locations", "none"],
        check=True,
        capture_output=True,
    )
    import xml.etree.ElementTree as ET

    def keys(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (c.findtext("name", ""), m.findtext("source", ""))
            for c in root.iter("context")
            for m in c.iter("message")
        }

    missing = keys(ts) - keys(i18n.CATALOGUES[0])
    assert not missing, f"run packaging/i18n.py update and translate: {sorted(missing)[:5]}"
