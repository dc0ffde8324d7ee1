"""``corridor-map --smoke-test`` end to end in a fresh process: success, offline, and bad geodata."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corridor_map.paths import geo_dir

pytestmark = pytest.mark.gui


def _run(
    args: list[str], env_extra: dict[str, str] | None = None, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "corridor_map", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )


def test_smoke_test_passes() -> None:
    result = _run(["--smoke-test"])
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("smoke test OK:")
    assert "0 blocked requests" in result.stdout


def _can_unshare() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode == 0


@pytest.mark.skipif(not _can_unshare(), reason="unshare -n is not permitted here")
def test_smoke_test_passes_with_no_network_at_all() -> None:
    result = _run(["--smoke-test"], prefix=["unshare", "-n"])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "smoke test OK" in result.stdout


def _geo_copy(tmp_path: Path) -> Path:
    target = tmp_path / "geo"
    shutil.copytree(geo_dir(), target)
    return target


def test_missing_geodata_file_is_named_not_a_traceback(tmp_path: Path) -> None:
    geo = _geo_copy(tmp_path)
    (geo / "countries_50m.geojson").unlink()
    result = _run(
        ["--smoke-test"], {"CORRIDOR_MAP_GEO_DIR": str(geo), "CORRIDOR_MAP_CACHE_DIR": str(tmp_path / "c")}
    )
    assert result.returncode == 2
    assert "countries_50m.geojson" in result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_geodata_file_is_named_not_a_traceback(tmp_path: Path) -> None:
    geo = _geo_copy(tmp_path)
    (geo / "lakes_50m.geojson").write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    result = _run(
        ["--smoke-test"], {"CORRIDOR_MAP_GEO_DIR": str(geo), "CORRIDOR_MAP_CACHE_DIR": str(tmp_path / "c")}
    )
    assert result.returncode == 2
    assert "lakes_50m.geojson" in result.stderr
    assert "Traceback" not in result.stderr


def test_only_the_named_command_is_loaded_to_parse_its_line() -> None:
    from corridor_map.cli import build_parser, requested_command

    assert requested_command(["--lang", "zh", "route", "THA"]) == "route"
    assert requested_command(["export-batch", "out", "--countries", "all"]) == "export_batch"
    assert requested_command(["--kiosk"]) is None
    args = build_parser("route").parse_args(["route", "THA", "--sea-knots", "12"])
    assert (args.command, args.target, args.sea_knots) == ("route", "THA", 12.0)
    with pytest.raises(SystemExit):
        build_parser("route").parse_args(["check-data"])  # the others are not registered
