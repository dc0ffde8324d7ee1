"""Chromium's flags before QtWebEngine starts: software compositing where no GPU can be reached."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from corridor_map.ui.app import JS_FLAGS, gpu_device_present, prepare_chromium_flags


@pytest.fixture
def flags(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

    def read() -> list[str]:
        return os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()

    return read


def _dev(tmp_path: Path, *devices: str) -> Path:
    for device in devices:
        (tmp_path / device).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / device).touch()
    return tmp_path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the devices are Linux's")
@pytest.mark.parametrize(
    ("devices", "present"),
    [
        ((), False),
        (("dri/card0",), False),  # a display device only (no render node): Mesa renders in software
        (("dri/renderD128",), True),
        (("nvidia0",), True),
    ],
)
def test_a_gpu_is_a_render_node_or_an_nvidia_device(
    tmp_path: Path, devices: tuple[str, ...], present: bool
) -> None:
    assert gpu_device_present(_dev(tmp_path, *devices)) is present


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the devices are Linux's")
def test_without_a_gpu_chromium_composites_in_software(tmp_path: Path, flags) -> None:
    prepare_chromium_flags(False, _dev(tmp_path))
    assert "--disable-gpu" in flags() and "--disable-gpu-compositing" in flags()
    assert flags().count("--no-sandbox") == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the devices are Linux's")
def test_with_a_gpu_chromium_uses_it_unless_software_rendering_is_chosen(tmp_path: Path, flags) -> None:
    dev = _dev(tmp_path, "dri/renderD128")
    prepare_chromium_flags(False, dev)
    assert "--disable-gpu" not in flags()
    prepare_chromium_flags(True, dev)
    assert flags().count("--disable-gpu") == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the devices are Linux's")
def test_a_gpu_flag_of_the_user_is_left_alone(tmp_path: Path, flags, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --ignore-gpu-blocklist")
    prepare_chromium_flags(False, _dev(tmp_path))
    assert "--disable-gpu" not in flags() and flags()[:2] == ["--no-sandbox", "--ignore-gpu-blocklist"]


def test_the_pages_get_gc_unless_js_flags_are_given(flags, monkeypatch: pytest.MonkeyPatch) -> None:
    prepare_chromium_flags(False)
    assert flags().count(JS_FLAGS) == 1
    prepare_chromium_flags(False)
    assert flags().count(JS_FLAGS) == 1
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--js-flags=--max-old-space-size=512")
    prepare_chromium_flags(False)
    assert [f for f in flags() if f.startswith("--js-flags")] == ["--js-flags=--max-old-space-size=512"]
