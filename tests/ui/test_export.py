"""PNG export (issue 6): the commands in real processes, the session and the dialog in-process.

Pixels are the product here, so the tests probe them: the map (sea and land colours), the legend
(its box and swatches), the title and the source line (dark text), and a selected country's fill.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QImage
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before the QApplication exists)
from PySide6.QtWidgets import QApplication

from corridor_map.core.aggregate import units_by
from corridor_map.core.choropleth import PALETTES, classify
from corridor_map.core.dataset import load_sample
from corridor_map.ui.export.spec import (
    MAX_SIDE,
    PRESETS,
    ExportError,
    ExportSpec,
    check_codes,
    preset,
    size_problem,
)
from tests.ui.conftest import close_export_session, wait_until

SRC = Path(__file__).resolve().parents[2] / "src"
BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"
OCEAN = QColor("#cfe3f0")
LAND = QColor("#f3efe4")
HAS_UNSHARE = shutil.which("unshare") is not None and (
    subprocess.run(["unshare", "-n", "true"], check=False, capture_output=True).returncode == 0
)


# ---- helpers ---------------------------------------------------------------------------------------
def cli(
    *args: str, no_network: bool = False, timeout: float = 240, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``corridor-map ARGS`` in a process of its own (optionally with no network at all)."""
    command = [sys.executable, "-m", "corridor_map", *args]
    if no_network:
        command = ["unshare", "-n", *command]
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=timeout, env=env)


def close(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def pixels(image: QImage, rect: list[int], step: int = 3) -> list[QColor]:
    x0, y0, w, h = rect
    return [image.pixelColor(x, y) for x in range(x0, x0 + w, step) for y in range(y0, y0 + h, step)]


def share(colours: list[QColor], predicate: Any) -> float:
    return sum(1 for c in colours if predicate(c)) / max(1, len(colours))


def dark(colour: QColor, limit: int = 110) -> bool:
    return max(colour.red(), colour.green(), colour.blue()) < limit


def expected_fill(iso3: str) -> QColor:
    """The choropleth colour of ``iso3`` for the sample, computed here without the page."""
    sales = load_sample().sales
    table = units_by(sales, ("iso3",))
    values = dict(zip(table["iso3"].astype(str), table["units"].astype(int), strict=True))
    colour = classify(values).color_of(iso3)
    assert colour is not None, f"{iso3} has no sales in the sample"
    return QColor(colour)


def fill_share_around(image: QImage, point: list[int], colour: QColor, radius: int = 45) -> float:
    """Share of pixels around a country's label point drawn in ``colour`` (markers may sit on the point)."""
    x, y = point
    around = [
        image.pixelColor(x + dx, y + dy)
        for dx in range(-radius, radius + 1, 5)
        for dy in range(-radius, radius + 1, 5)
        if 0 <= x + dx < image.width() and 0 <= y + dy < image.height()
    ]
    return share(around, lambda c: close(c, colour, 3))


def last_line(stderr: str) -> str:
    lines = [line for line in stderr.strip().splitlines() if line.startswith("corridor-map")]
    return lines[-1] if lines else ""


# ---- the spec (no Qt needed) --------------------------------------------------------------------------
def test_presets_have_the_promised_pixel_sizes() -> None:
    assert preset("1920x1080").pixels == (1920, 1080)
    assert preset("3840x2160").pixels == (3840, 2160)
    assert preset("a4-150").pixels == (1754, 1240)  # 297 × 210 mm at 150 dpi
    assert preset("a4-300").pixels == (3508, 2480)
    assert preset("a3-300").pixels == (4960, 3508)
    assert all(p.dpi >= 96 for p in PRESETS)


def test_sizes_beyond_the_limit_are_refused_with_a_reason() -> None:
    assert size_problem(1600, 900, 2) is None
    assert size_problem(MAX_SIDE // 4, 600, 4) is None  # 16,384 × 2,400: under the 40 million pixels
    message = size_problem(9000, 900, 2)
    assert message is not None and "16,384" in message and "18000" in message
    assert "scale" in (size_problem(1600, 900, 5) or "")
    assert "at least" in (size_problem(100, 900, 1) or "")
    assert ExportSpec(scale=2).effective_dpi == 192


def test_country_codes_are_checked() -> None:
    known = frozenset({"THA", "VNM"})
    assert check_codes(["tha", " VNM", "THA"], known) == ("THA", "VNM")
    with pytest.raises(ExportError, match="unknown country code 'XXX'"):
        check_codes(["XXX"], known)
    with pytest.raises(ExportError, match="not an ISO 3166"):
        check_codes(["TH"], known)


def test_frame_markers_of_consecutive_frames_never_look_alike() -> None:
    from corridor_map.ui.export.renderer import token_colour

    for token in range(1, 2000):
        a, b = token_colour(token), token_colour(token + 1)
        assert abs(a.red() - b.red()) > 2 or abs(a.green() - b.green()) > 2


# ---- the command, end to end ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def export_2x(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], str]:
    """``[unshare -n] corridor-map export a.png --width 1600 --height 900 --scale 2 --title …``."""
    out = tmp_path_factory.mktemp("export") / "a.png"
    result = cli(
        "export", str(out), "--width", "1600", "--height", "900", "--scale", "2",
        "--title", "Chongqing vehicle exports", "--subtitle", "Units by destination", "--json",
        no_network=HAS_UNSHARE,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return out, json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


@pytest.mark.gui
@pytest.mark.slow
def test_export_2x_writes_a_3200x1800_png_with_map_legend_title_and_source(
    export_2x: tuple[Path, dict[str, Any], str],
) -> None:
    out, info, stderr = export_2x
    image = QImage(str(out))
    assert (image.width(), image.height()) == (3200, 1800)
    assert round(image.dotsPerMeterX() * 0.0254) == 192  # 96 dpi × 2
    assert out.stat().st_size < 3200 * 1800  # compressed (raw RGB would be 17 MB)
    regions = info["regions"]

    # Title band on top, source line at the bottom, the legend in a corner of the map (the one where
    # it hides least, cm_legend.js): where promised.
    title, source, legend, map_rect = regions["title"], regions["source"], regions["legend"], regions["map"]
    assert title[1] < 100 and source[1] > 1700
    assert map_rect[1] < 200 and map_rect[1] + map_rect[3] > 1650
    left, right = legend[0] - map_rect[0], map_rect[0] + map_rect[2] - legend[0] - legend[2]
    assert min(left, right) <= 30  # (10 px from the edge, at scale 2)
    assert map_rect[1] <= legend[1] and legend[1] + legend[3] <= map_rect[1] + map_rect[3]
    assert legend[2] * legend[3] <= 0.15 * map_rect[2] * map_rect[3]

    # The map: sea and land colours both fill a good part of it.
    in_map = pixels(image, map_rect, step=16)
    assert share(in_map, lambda c: close(c, OCEAN, 3)) > 0.2
    palette = [QColor(c) for c in PALETTES[5]]
    assert share(in_map, lambda c: close(c, LAND, 3) or any(close(c, p, 3) for p in palette)) > 0.1

    # The legend: a light box with the choropleth's swatches in it.
    in_legend = pixels(image, legend, step=2)
    assert share(in_legend, lambda c: min(c.red(), c.green(), c.blue()) > 235) > 0.4
    swatches = sum(1 for p in palette if any(close(c, p, 4) for c in in_legend))
    assert swatches >= 4

    # Title and source line: dark text on white.
    assert share(pixels(image, title, step=2), dark) > 0.05
    assert share(pixels(image, source, step=1), lambda c: dark(c, 140)) > 0.03
    header_gap = [image.pixelColor(x, 10) for x in range(0, 3200, 50)]
    assert all(c == QColor("white") for c in header_gap)
    assert "Traceback" not in stderr
    assert "blocked" not in stderr


@pytest.mark.gui
@pytest.mark.slow
@pytest.mark.skipif(not HAS_UNSHARE, reason="unshare -n is not available here")
def test_export_works_without_any_network(export_2x: tuple[Path, dict[str, Any], str]) -> None:
    out, info, _stderr = export_2x  # the fixture ran under `unshare -n` (no network interfaces)
    assert out.is_file() and info["width"] == 3200


@pytest.mark.gui
@pytest.mark.slow
def test_selected_country_is_drawn_in_its_fill_colour(tmp_path: Path) -> None:
    out = tmp_path / "tha.png"
    result = cli("export", str(out), "--select", "THA", "--sample", "--width", "1000", "--height", "700",
                 "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    info = json.loads(result.stdout.strip().splitlines()[-1])
    image = QImage(str(out))
    want = expected_fill("THA")
    assert not close(want, LAND)
    assert fill_share_around(image, info["selected"]["THA"]["point"], want) > 0.5
    # Framed: Thailand fills a good part of the map, so its colour is common in the image.
    assert share(pixels(image, info["regions"]["map"], step=10), lambda c: close(c, want, 3)) > 0.04
    assert info["detail"] > 0  # framed close: drawn with finer geometry than the world view


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--width", "10"], "at least"),
        (["--width", "9000", "--scale", "2"], "16,384"),
        (["--scale", "5"], "scale must be between"),
        (["--select", "THA,XXX"], "unknown country code 'XXX'"),
        (["--select", "T1A"], "not an ISO 3166"),
        (["--sales", "/nonexistent/sales.csv"], "no such file"),
        (["--sample", "--sales", str(BROKEN / "garbage.csv")], "cannot be combined"),
    ],
)
def test_bad_input_exits_non_zero_with_one_clear_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = cli("export", str(tmp_path / "x.png"), *args, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr  # decided before Qt starts: one line
    assert message in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_missing_output_folder_is_reported(tmp_path: Path) -> None:
    result = cli("export", str(tmp_path / "nope" / "x.png"), timeout=60)
    assert result.returncode == 2 and "does not exist" in result.stderr


@pytest.mark.gui
@pytest.mark.slow
def test_unreadable_data_file_exits_non_zero_with_a_message(tmp_path: Path) -> None:
    result = cli("export", str(tmp_path / "x.png"), "--sales", str(BROKEN / "garbage.csv"))
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "garbage.csv" in last_line(result.stderr)
    assert not (tmp_path / "x.png").exists()


def imported(stderr: str, module: str) -> bool:
    """Whether ``-X importtime`` output (``PYTHONPROFILEIMPORTTIME``) lists ``module``."""
    return any(line.startswith("import time:") and line.split("|")[-1].strip() == module
               for line in stderr.splitlines())  # fmt: skip


@pytest.mark.gui
@pytest.mark.slow
def test_a_second_export_of_the_same_data_reads_the_cached_payload_without_pandas(tmp_path: Path) -> None:
    sales = tmp_path / "sales.csv"
    shutil.copy(Path(__file__).resolve().parents[1] / "data" / "sales_messy_countries.csv", sales)
    env = {"CORRIDOR_MAP_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPROFILEIMPORTTIME": "1"}
    args = ("--sales", str(sales), "--width", "800", "--height", "500", "--select", "THA")
    first = cli("export", str(tmp_path / "first.png"), *args, env=env)
    assert first.returncode == 0, first.stderr[-2000:]
    assert imported(first.stderr, "pandas")
    assert len(list((tmp_path / "cache" / "payloads").glob("*.json"))) == 1
    second = cli("export", str(tmp_path / "second.png"), *args, env=env)
    assert second.returncode == 0, second.stderr[-2000:]
    assert not imported(second.stderr, "pandas") and not imported(second.stderr, "numpy")
    warning = f"warning: {sales}: 4 rows rejected"
    assert warning in first.stderr and warning in second.stderr  # the rejected row is still reported
    assert QImage(str(tmp_path / "first.png")) == QImage(str(tmp_path / "second.png"))
    with sales.open("a", encoding="utf-8") as fh:  # changed data: computed again, and so different
        fh.write("Thailand,Changan,2024,5000\n")
    third = cli("export", str(tmp_path / "third.png"), *args, env=env)
    assert third.returncode == 0, third.stderr[-2000:]
    assert imported(third.stderr, "pandas")
    assert QImage(str(tmp_path / "third.png")) != QImage(str(tmp_path / "first.png"))


@pytest.mark.gui
@pytest.mark.slow
def test_export_batch_writes_one_framed_png_per_country(tmp_path: Path) -> None:
    result = cli("export-batch", str(tmp_path / "out"), "--countries", "THA,VNM", "--sample",
                 "--width", "800", "--height", "500", "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [Path(item["out"]).name for item in lines] == ["THA.png", "VNM.png"]
    for item in lines:
        iso3 = Path(item["out"]).stem
        image = QImage(item["out"])
        assert (image.width(), image.height()) == (800, 500)
        assert list(item["selected"]) == [iso3]  # only this country is selected in its picture
        assert fill_share_around(image, item["selected"][iso3]["point"], expected_fill(iso3), 20) > 0.3
        assert share(pixels(image, item["regions"]["title"], 1), dark) > 0.03  # the country's name


# ---- the session in-process -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def session(qapp: QApplication) -> Iterator[Any]:
    from corridor_map.paths import geo_dir, resources_dir, user_cache_dir
    from corridor_map.state import AppState
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession
    from corridor_map.ui.web import shared_tripwire

    tripwire = shared_tripwire([resources_dir(), geo_dir()])
    export = ExportSession(tripwire)
    export.load(export_page(user_cache_dir()))
    export.attach(AppState(load_sample()), "en")
    wait_until(lambda: export.is_ready, 120)
    yield export
    close_export_session(export)


def render(session: Any, spec: ExportSpec) -> Any:
    from corridor_map.ui.export.session import export_blocking

    return export_blocking(session, spec, timeout_s=120)


@pytest.mark.gui
def test_a_selection_changed_while_the_page_loads_with_its_data_is_kept(qapp: QApplication) -> None:
    from corridor_map.core.aggregate import NO_FILTERS
    from corridor_map.core.page_payload import page_payload
    from corridor_map.paths import geo_dir, resources_dir, user_cache_dir
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession
    from corridor_map.ui.web import shared_tripwire

    payload = json.loads(json.dumps(page_payload(load_sample(), NO_FILTERS, {})))
    export = ExportSession(shared_tripwire([resources_dir(), geo_dir()]))
    try:
        export.presize(ExportSpec(width=800, height=500))
        export.attach_payload(payload, "en", ("THA",))  # before loading: the page brings the data
        export.load(export_page(user_cache_dir()))
        export.presenter.select({"VNM"})  # while it loads
        wait_until(lambda: export.is_ready, 120)
        box: list[Any] = []
        export.renderer.view.run_js("JSON.stringify(Object.keys(CM.selection))", box.append)
        wait_until(lambda: box)
        assert json.loads(box[0]) == ["VNM"]
    finally:
        export.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.mark.gui
def test_the_sea_lanes_drawn_are_credited_though_the_legs_are_not_on_the_map(session: Any) -> None:
    drawn = []
    session.renderer.view.run_js(
        "JSON.stringify([CM.map.hasLayer(CM.seaNetwork), CM.map.hasLayer(CM.layers.sea)])", drawn.append
    )
    wait_until(lambda: drawn)
    assert json.loads(drawn[0]) == [True, False]  # the export page draws the lanes, not the legs
    assert "sea" in session.layers
    assert "searoute-py" in session.texts(ExportSpec(width=900, height=600)).source


@pytest.mark.gui
def test_same_spec_same_pixels_whatever_the_view_was_sized_to(session: Any) -> None:
    spec = ExportSpec(width=900, height=600, title="Same", date="1 January 2025")
    first = render(session, spec).image
    session.renderer.view.resize(400, 300)  # as if a previous export had another size
    second = render(session, spec).image
    assert first == second


@pytest.mark.gui
def test_a_new_selection_is_never_taken_from_a_stale_frame(session: Any) -> None:
    state = session.state
    pictures = {}
    for iso3 in ("THA", "KAZ", "THA"):
        state.select({iso3})
        composition = render(session, ExportSpec(width=900, height=600, selection=(iso3,), date="x"))
        point = composition.selected[iso3]["point"]
        assert fill_share_around(composition.image, point, expected_fill(iso3)) > 0.4
        pictures.setdefault(iso3, []).append(composition.image)
    assert pictures["THA"][0] == pictures["THA"][1]
    assert pictures["THA"][0] != pictures["KAZ"][0]
    state.clear_selection()


@pytest.mark.gui
def test_legend_off_and_chinese_texts(session: Any) -> None:
    composition = render(
        session, ExportSpec(width=900, height=600, legend=False, lang="zh", title="重庆汽车出口")
    )
    assert "legend" not in composition.regions
    title = composition.regions["title"]
    assert (
        share(pixels(composition.image, [title.x(), title.y(), title.width(), title.height()], 1), dark)
        > 0.05
    )
    assert render(session, ExportSpec(width=900, height=600, lang="en")).regions.get("legend") is not None


@pytest.mark.gui
def test_point_of_view_follows_the_spec(session: Any) -> None:
    def page_pov() -> str:
        box: list[Any] = []
        session.renderer.view.run_js("CM.describe()", box.append)
        wait_until(lambda: box, 20)
        return str(json.loads(box[0])["pov"])

    render(session, ExportSpec(width=700, height=500, pov="ne"))
    assert page_pov() == "ne"
    render(session, ExportSpec(width=700, height=500))
    assert page_pov() == "china"


# ---- the dialog --------------------------------------------------------------------------------------------
@pytest.mark.gui
def test_dialog_presets_limit_settings_and_copy(qapp: QApplication) -> None:
    from corridor_map.paths import geo_dir, resources_dir
    from corridor_map.state import AppState
    from corridor_map.ui.export.dialog import ExportDialog
    from corridor_map.ui.web import shared_tripwire

    state = AppState(load_sample())
    tripwire = shared_tripwire([resources_dir(), geo_dir()])
    dialog = ExportDialog(state, tripwire, language="en")
    dialog.preset.setCurrentIndex(dialog.preset.findData("a4-300"))
    assert "3508 × 2480" in dialog.size_note.text() and "300 dpi" in dialog.size_note.text()
    dialog.width_box.setValue(9000)
    dialog.scale_box.setValue(2)
    assert "16,384" in dialog.size_note.text() and not dialog.save_button.isEnabled()
    assert dialog.preset.currentData() == "custom"
    dialog.width_box.setValue(800)
    dialog.height_box.setValue(500)
    dialog.scale_box.setValue(1)
    dialog.title_edit.setText("Remembered title")
    dialog.legend_box.setChecked(False)
    assert "Illustrative" in dialog.source_note.text()
    dialog.copy_to_clipboard()
    assert not dialog.progress.isHidden()  # busy while rendering
    wait_until(lambda: dialog.last is not None, 120)
    clip = QApplication.clipboard().image()
    assert (clip.width(), clip.height()) == (800, 500)
    assert dialog.progress.isHidden() and "800 × 500" in dialog.status.text()
    dialog.close()

    again = ExportDialog(state, tripwire, language="en")
    assert (again.width_box.value(), again.height_box.value()) == (800, 500)
    assert again.title_edit.text() == "Remembered title" and not again.legend_box.isChecked()
    again.deleteLater()
    if dialog.session is not None:
        dialog.session.close()
    dialog.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_a_closed_export_view_no_longer_follows_the_state(window: Any) -> None:
    """The export dialog's hidden view follows the window's state while open; once closed (and its page
    deleted), a change of selection or filters must not reach it (it raised 'Internal C++ object (MapPage)
    already deleted' into AppState's caller: found by the monkey test)."""
    from corridor_map.core.aggregate import Filters
    from corridor_map.paths import user_cache_dir
    from corridor_map.ui.export.page_cache import export_page
    from corridor_map.ui.export.session import ExportSession

    session = ExportSession(window.tripwire)
    session.load(export_page(user_cache_dir()))
    session.attach(window.state, "en")
    wait_until(lambda: session.is_ready, 120)
    close_export_session(session)  # the page is gone now
    window.state.select({"THA"})  # AppState calls its subscribers directly: an error would raise here
    window.state.set_filters(Filters(years=(2023, 2024)))
    window.state.show_all()
