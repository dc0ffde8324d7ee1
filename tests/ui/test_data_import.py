"""The GUI import flow with real files: replace, append, mapping, failures, cancel, revert, recent, templates.

Dialogs are driven through their own methods (the flow never runs a nested event loop); the standard
file/sheet/confirm dialogs are replaced with monkeypatch. Each test has its own DatasetStore folder.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from corridor_map.core.dataset import Dataset
from corridor_map.core.schema import TableKind, match_headers
from corridor_map.core.store import DatasetStore
from corridor_map.paths import resources_dir
from corridor_map.state import AppState
from corridor_map.ui.data import dialogs
from corridor_map.ui.data.actions import DataActions
from corridor_map.ui.data.background import ImportCancelledError, Progress
from corridor_map.ui.data.mapping_dialog import ColumnMappingDialog
from corridor_map.ui.data.report_dialog import ImportReportDialog
from tests.core.test_without_pyarrow import HIDE_PYARROW

DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = Path(__file__).resolve().parents[2]


class Env:
    """A window with the data actions over a private store, plus helpers to run the flow."""

    def __init__(self, qtbot: QtBot, root: Path) -> None:
        self.qtbot = qtbot
        self.store = DatasetStore(root)
        self.state = AppState(self.store.load_active())
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.actions = DataActions(self.window, self.state, self.store)
        self.window.statusBar().addPermanentWidget(self.actions.status)
        self.flow = self.actions.flow

    def start(self, path: Path, kind: TableKind | None, sheet: str | None = None) -> None:
        self.flow.import_file(path, kind, sheet)

    def wait_report(self) -> ImportReportDialog:
        """The report, past the table step where a report layout brings one (the user confirms it)."""
        flow = self.flow

        def review() -> ColumnMappingDialog | None:
            step = flow.mapping_dialog
            return step if step is not None and step.review and step.isVisible() else None

        self.qtbot.waitUntil(
            lambda: flow.report_dialog is not None or review() is not None or not flow.busy, timeout=60000
        )
        if flow.report_dialog is None and (step := review()) is not None:
            step.accept()
            self.qtbot.waitUntil(lambda: flow.report_dialog is not None or not flow.busy, timeout=60000)
        assert flow.report_dialog is not None, flow.last_error
        return flow.report_dialog

    def wait_mapping(self) -> ColumnMappingDialog:
        self.qtbot.waitUntil(
            lambda: (
                (self.flow.mapping_dialog is not None and self.flow.mapping_dialog.isVisible())
                or not self.flow.busy
            ),
            timeout=60000,
        )
        assert self.flow.mapping_dialog is not None, self.flow.last_error
        return self.flow.mapping_dialog

    def finish(self, mode: str = "replace") -> str:
        report = self.wait_report()
        with self.qtbot.waitSignal(self.flow.finished, timeout=60000) as blocker:
            if mode == "cancel":
                report.btn_cancel.click()
            else:
                report.choose(mode)
        return str(blocker.args[0])

    def run(self, path: Path, kind: TableKind | None, mode: str = "replace") -> str:
        self.start(path, kind)
        return self.finish(mode)

    def wait_idle(self) -> str:
        self.qtbot.waitUntil(lambda: not self.flow.busy, timeout=60000)
        return self.flow.outcome

    def snapshot(self) -> dict[str, bytes]:
        """Every file of the store, by relative path."""
        return {
            str(p.relative_to(self.store.root)): p.read_bytes()
            for p in sorted(self.store.root.rglob("*"))
            if p.is_file()
        }


@pytest.fixture
def env(qtbot: QtBot, tmp_path: Path) -> Iterator[Env]:
    e = Env(qtbot, tmp_path / "store")
    yield e
    e.flow.worker.shutdown()


def copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / Path(name).name
    shutil.copyfile(DATA / name, target)
    return target


def test_import_good_csv_replaces_the_sample(env: Env, tmp_path: Path) -> None:
    source = copy("sales_utf8.csv", tmp_path)
    before = source.read_bytes()
    assert env.state.dataset.is_sample
    assert env.actions.status.text().startswith("Illustrative sample data")
    env.start(source, "sales")
    report = env.wait_report()
    result = report.validation
    assert result.accepted_count > 0
    assert result.rejections
    assert report.model.rowCount() == len(result.rejections)
    assert report.model.data(report.model.index(0, 0)) == result.rejections[0].row
    assert report.btn_replace.isEnabled()
    assert not report.btn_append.isEnabled()  # nothing of the user's to append to yet
    assert f"{result.accepted_count} accepted" in report.summary.text()
    with env.qtbot.waitSignal(env.flow.finished, timeout=60000) as done:
        report.choose("replace")
    assert done.args == ["imported"]
    dataset = env.state.dataset
    assert not dataset.is_sample
    assert len(dataset.sales) == result.accepted_count
    assert env.actions.status.text() == "Your data: sales_utf8.csv"
    assert source.read_bytes() == before
    reloaded = DatasetStore(env.store.root).load_active()  # it is there after a restart
    assert len(reloaded.sales) == result.accepted_count
    assert env.actions.act_revert.isEnabled()


def test_append_adds_rows_and_names_both_files(env: Env, tmp_path: Path) -> None:
    first, second = copy("sales_utf8.csv", tmp_path), copy("sales_semicolon.csv", tmp_path)
    assert env.run(first, "sales") == "imported"
    n1 = len(env.state.dataset.sales)
    env.start(second, "sales")
    report = env.wait_report()
    assert report.btn_append.isEnabled()
    n2 = report.validation.accepted_count
    assert env.finish("append") == "imported"
    assert len(env.state.dataset.sales) == n1 + n2
    assert env.actions.status.text() == "Your data: sales_utf8.csv, sales_semicolon.csv"
    assert env.run(second, "sales", "replace") == "imported"
    assert len(env.state.dataset.sales) == n2
    assert env.actions.status.text() == "Your data: sales_semicolon.csv"


def test_dealers_import_keeps_the_sales(env: Env, tmp_path: Path) -> None:
    assert env.run(copy("sales_utf8.csv", tmp_path), "sales") == "imported"
    sales = env.state.dataset.sales
    assert env.run(copy("dealers.csv", tmp_path), "dealers") == "imported"
    assert len(env.state.dataset.dealers) > 0
    assert env.state.dataset.sales.equals(sales)


def test_cancel_in_the_report_changes_nothing(env: Env, tmp_path: Path) -> None:
    assert env.run(copy("sales_utf8.csv", tmp_path), "sales") == "imported"
    active, files = env.state.dataset, env.snapshot()
    assert env.run(copy("sales_tab.tsv", tmp_path), "sales", "cancel") == "cancelled"
    assert env.state.dataset is active
    assert env.snapshot() == files


def _odd_workbook(path: Path) -> Path:
    """Two sheets; the data sheet's headers match no alias, so the mapping step is needed."""
    wb = openpyxl.Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["read me", "first"])
    ws = wb.create_sheet("Shipments")
    ws.append(["Zielland", "Marke", "Jahr", "Stück", "Bemerkung"])
    ws.append(["Thailand", "Alpha", 2024, 120, "x"])
    ws.append(["Germany", "Beta", 2023, 80, ""])
    ws.append(["Atlantis", "Beta", 2023, 5, ""])
    wb.save(path)
    return path


def test_xlsx_sheet_found_by_content_and_column_mapping(env: Env, tmp_path: Path) -> None:
    book = _odd_workbook(tmp_path / "shipments.xlsx")
    env.start(book, "sales")
    mapping = env.wait_mapping()
    assert not mapping.review and mapping.table_box is not None
    assert mapping.table_box.sheet.currentData() == "Shipments"  # the table, not the notes sheet
    assert mapping.table_box.preview.item(0, 0).text() == "Thailand"
    assert not mapping.buttons.button(mapping.buttons.StandardButton.Ok).isEnabled()
    for field, header in (("country", "Zielland"), ("brand", "Marke"), ("year", "Jahr"), ("units", "Stück")):
        mapping.set_column(field, header)
    assert mapping.problems() == []
    assert mapping.table_box.preview.horizontalHeaderItem(0).text() == "Zielland\n→ country"
    mapping.accept()
    report = env.wait_report()
    assert (report.validation.accepted_count, report.validation.rejected_rows) == (2, [4])
    assert env.finish("replace") == "imported"
    assert sorted(env.state.dataset.sales["iso3"].astype(str)) == ["DEU", "THA"]
    headers = ["Zielland", "Marke", "Jahr", "Stück", "Bemerkung"]
    remembered = env.store.recall_mapping("sales", headers)
    assert remembered == {
        "Zielland": "country",
        "Marke": "brand",
        "Jahr": "year",
        "Stück": "units",
        "Bemerkung": "",
    }
    # The same headers again: the dialog comes pre-filled with the remembered choice.
    env.start(book, "sales")
    again = env.wait_mapping()
    assert again.mapping() == remembered
    assert again.problems() == []
    with env.qtbot.waitSignal(env.flow.finished, timeout=60000) as done:
        again.reject()
    assert done.args == ["cancelled"]


def test_a_report_workbook_is_shown_as_read_and_can_be_read_again(env: Env, tmp_path: Path) -> None:
    """Title rows, merged countries, subtotals and hidden voided rows on the second sheet: the table
    step says where the table is and what was left out; the user can move the header and read again."""
    book = tmp_path / "sales_everything_zh.xlsx"
    shutil.copyfile(ROOT / "tests" / "data" / "office" / book.name, book)
    env.start(book, "sales")
    step = env.wait_mapping()
    box = step.table_box
    assert step.review and box is not None
    assert (box.sheet.currentData(), box.header_row.value()) == ("数据", 4)
    findings = box.findings.text()
    assert "header in row 4 of sheet '数据'; rows 1–3 skipped" in findings
    assert "2 hidden rows left out" in findings and "6 total rows left out" in findings
    assert "merged cell ranges filled down" in findings
    rows = [box.preview.verticalHeaderItem(r).text() for r in range(box.preview.rowCount())]
    assert rows[:3] == ["5", "6", "8"]  # row 7 is hidden (voided)
    assert box.preview.item(1, 0).text() == box.preview.item(0, 0).text()  # the merged country, filled
    assert not box.btn_reread.isEnabled()
    box.header_row.setValue(5)  # a wrong choice, read again: the headers no longer fit
    assert box.btn_reread.isEnabled()
    box.btn_reread.click()
    wrong = env.wait_mapping()
    assert wrong is not step and not wrong.review and wrong.table_box is not None
    assert wrong.table_box.header_row.value() == 5
    wrong.table_box.header_row.setValue(4)
    wrong.table_box.btn_reread.click()
    right = env.wait_mapping()
    assert right.review and right is not wrong
    right.accept()
    report = env.wait_report()
    assert int(report.validation.accepted["units"].sum()) == 21_557
    assert "header in row 4 of sheet '数据'" in report.layout_text.text()
    assert env.finish("replace") == "imported"
    assert int(env.state.dataset.sales["units"].sum()) == 21_557


def test_mapping_dialog_requires_every_field_once() -> None:
    match = match_headers(["a", "b", "c", "d"], "sales")
    dialog = ColumnMappingDialog(Path("x.csv"), match)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    for field, header in (("country", "a"), ("brand", "b"), ("period", "c"), ("units", "d")):
        dialog.set_column(field, header)
    assert ok.isEnabled()
    dialog.set_column("value_cny", "d")  # one column for two fields
    assert not ok.isEnabled()
    assert dialog.problems() == ["A column can be used for one field only."]
    dialog.set_column("value_cny", None)
    dialog.set_column("period", None)  # neither year nor period
    assert dialog.problems() == ["Choose a column for 'year / period'."]
    dialog.deleteLater()


BROKEN = [
    ("bad/empty.csv", "the file is empty"),
    ("broken/garbage.csv", "binary content"),
    ("broken/truncated.xlsx", "damaged XLSX"),
    ("bad/old_excel.xls", "damaged XLS workbook"),
    ("broken/one_column.csv", "only one column"),
    ("bad/header_only.csv", "no data rows"),
]


@pytest.mark.parametrize(("name", "reason"), BROKEN)
def test_a_broken_file_changes_nothing(env: Env, tmp_path: Path, name: str, reason: str) -> None:
    assert env.run(copy("dealers.csv", tmp_path), "dealers") == "imported"
    active, files = env.state.dataset, env.snapshot()
    source = copy(name, tmp_path)
    before = source.read_bytes()
    env.start(source, "sales")
    assert env.wait_idle() == "failed"
    assert source.name in env.flow.last_error
    assert reason in env.flow.last_error
    assert env.flow.message is not None
    assert source.name in env.flow.message.text()
    assert "Nothing has changed" in env.flow.message.text()
    assert env.state.dataset is active
    assert env.snapshot() == files
    assert source.read_bytes() == before
    assert env.actions.status.text() == "Your data: dealers.csv"


def test_a_missing_file_or_a_folder_is_named(env: Env, tmp_path: Path) -> None:
    for path, reason in ((tmp_path / "gone.csv", "no such file"), (tmp_path, "is a folder")):
        env.start(path, "sales")
        assert env.wait_idle() == "failed"
        assert str(path) in env.flow.last_error
        assert reason in env.flow.last_error
    assert env.state.dataset.is_sample


def test_wrong_columns_offer_mapping_and_cancel_changes_nothing(env: Env, tmp_path: Path) -> None:
    files = env.snapshot()
    env.start(copy("broken/wrong_columns.csv", tmp_path), "sales")
    dialog = env.wait_mapping()
    with env.qtbot.waitSignal(env.flow.finished, timeout=60000) as done:
        dialog.reject()
    assert done.args == ["cancelled"]
    assert env.state.dataset.is_sample
    assert env.snapshot() == files


def _big_sales_csv(path: Path, rows: int) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench_import

        bench_import.make_csv(path, rows, "messy")
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return path


def test_cancel_during_progress_changes_nothing(env: Env, tmp_path: Path) -> None:
    assert env.run(copy("sales_utf8.csv", tmp_path), "sales") == "imported"
    active, files = env.state.dataset, env.snapshot()
    big = _big_sales_csv(tmp_path / "big.csv", 200_000)
    before = big.read_bytes()
    env.start(big, "sales")
    assert env.flow.progress_dialog is not None
    cancel = env.flow.progress_dialog.findChild(QPushButton)
    assert cancel is not None
    with env.qtbot.waitSignal(env.flow.finished, timeout=60000) as done:
        cancel.click()  # the dialog's Cancel button
    assert done.args == ["cancelled"]
    assert env.flow.report_dialog is None
    assert env.state.dataset is active
    assert env.snapshot() == files
    assert big.read_bytes() == before


def test_progress_is_passed_between_threads_and_cancels() -> None:
    progress = Progress()
    progress(0.25, "reading")
    assert progress.read() == (0.25, "reading")
    progress.cancel()
    with pytest.raises(ImportCancelledError):
        progress(0.5, "parsing")


def test_revert_to_sample(env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not env.actions.act_revert.isEnabled()
    assert env.run(copy("sales_utf8.csv", tmp_path), "sales") == "imported"
    monkeypatch.setattr(dialogs, "confirm", lambda *_: False)
    env.actions.act_revert.trigger()
    assert not env.state.dataset.is_sample
    monkeypatch.setattr(dialogs, "confirm", lambda *_: True)
    env.actions.act_revert.trigger()
    assert env.state.dataset.is_sample
    assert env.actions.status.text() == "Illustrative sample data — not real sales figures"
    assert json.loads((env.store.root / "active.json").read_text())["kind"] == "sample"
    assert DatasetStore(env.store.root).load_active().is_sample
    assert not env.actions.act_revert.isEnabled()


def test_recent_files_reopen_with_the_kind_guessed(env: Env, tmp_path: Path) -> None:
    assert [a.text() for a in env.actions.menu_recent.actions()] == ["No recent files"]
    sales, dealers = copy("sales_utf8.csv", tmp_path), copy("dealers.csv", tmp_path)
    assert env.run(sales, "sales") == "imported"
    assert env.run(dealers, "dealers") == "imported"
    env.actions.menu_recent.aboutToShow.emit()
    recent = env.actions.recent_actions()
    assert [a.text() for a in recent] == ["dealers.csv", "sales_utf8.csv"]
    assert Path(recent[0].data()) == dealers.resolve()
    recent[0].trigger()
    report = env.wait_report()
    assert report.validation.kind == "dealers"
    assert env.finish("cancel") == "cancelled"
    recent[1].trigger()
    assert env.wait_report().validation.kind == "sales"
    assert env.finish("cancel") == "cancelled"


def test_rejected_rows_csv_is_formula_safe(env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "evil.csv"
    source.write_text(
        "country,brand,year,units\n"
        "Thailand,Alpha,2024,10\n"
        '=HYPERLINK("http://x"),Alpha,2024,5\n'
        "+Thailand,@SUM(A1),2024,-3\n",
        encoding="utf-8",
    )
    out = tmp_path / "rejected"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: (out, "CSV files (*.csv)"))
    env.start(source, "sales")
    report = env.wait_report()
    assert report.validation.rejected_rows == [3, 4]
    report.btn_save_rejected.click()
    assert report.saved_rejected == out.with_suffix(".csv")
    text = out.with_suffix(".csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0][:2] == ["row", "problems"]
    assert [r[0] for r in rows[1:]] == ["3", "4"]
    cells = [c for r in rows for c in r]
    assert '\'=HYPERLINK("http://x")' in cells
    assert "'+Thailand" in cells and "'@SUM(A1)" in cells and "'-3" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert env.finish("cancel") == "cancelled"
    assert env.state.dataset.is_sample


@pytest.mark.parametrize(("variant", "expected"), [(0, "sales_template.xlsx"), (2, "sales_template_zh.csv")])
def test_save_template_copies_the_bundled_file(
    env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variant: int, expected: str
) -> None:
    filters = [f for _, f in env.actions.template_filters("sales")]
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: (tmp_path / "mine", filters[variant]))
    written = env.actions.save_template("sales")
    assert written is not None and written.parent == tmp_path and written.stem == "mine"
    assert written.read_bytes() == (resources_dir() / "templates" / expected).read_bytes()


def test_dealers_template_action_and_menu(env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_: (tmp_path / "d.csv", "?"))
    env.actions.act_template["dealers"].trigger()
    assert (tmp_path / "d.csv").read_bytes() == (
        resources_dir() / "templates/dealers_template.csv"
    ).read_bytes()
    menu = env.window.menuBar().addMenu("File")
    env.actions.add_to(menu)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == [
        "Import &sales…",
        "Import &dealers…",
        "&Recent files",
        "Re&vert to sample data",
        "Save sales &template…",
        "Save dealers t&emplate…",
    ]


def test_import_through_the_file_dialog_and_busy_actions(
    env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = copy("sales_bom_zh.csv", tmp_path)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_: source)
    env.actions.act_import_sales.trigger()
    assert not env.actions.act_import_sales.isEnabled()  # one import at a time
    assert env.finish("replace") == "imported"
    assert env.actions.act_import_sales.isEnabled()
    assert env.actions.status.text() == "Your data: sales_bom_zh.csv"


def test_language_change_retranslates(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(env.actions.status, "retranslate", lambda: calls.append(1))
    env.actions.act_import_sales.setText("stale")
    QCoreApplication.sendEvent(env.window, QEvent(QEvent.Type.LanguageChange))
    assert env.actions.act_import_sales.text() == "Import &sales…"
    assert calls


WORKER_IMPORTS = textwrap.dedent(
    """
    import json, sys, threading
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton
    app = QApplication([])
    from corridor_map.core.store import DatasetStore
    from corridor_map.state import AppState
    from corridor_map.ui.data.actions import DataActions
    seen = []
    class Recorder:
        def find_spec(self, name, path=None, target=None):
            if threading.current_thread() is not threading.main_thread():
                seen.append(name)
            return None
    sys.meta_path.insert(0, Recorder())
    store = DatasetStore(Path(sys.argv[1]))
    state = AppState(store.load_active())
    window = QMainWindow()
    actions = DataActions(window, state, store)
    flow = actions.flow
    from pytestqt.qt_compat import qt_api
    from pytestqt.qtbot import QtBot
    qt_api.set_qt_api("pyside6")  # what pytest-qt's plugin does at start-up; its waitUntil needs no test
    bot = QtBot(None)
    for name, kind, sheet in json.loads(sys.argv[2]):
        flow.import_file(Path(name), kind, sheet)
        bot.waitUntil(lambda: not flow.busy or flow.report_dialog is not None, timeout=120_000)
        if flow.report_dialog is not None and flow.report_dialog.btn_append.isEnabled():
            flow.report_dialog.choose("append")
        elif flow.report_dialog is not None:
            flow.report_dialog.choose("replace")
        bot.waitUntil(lambda: not flow.busy, timeout=120_000)
    flow.worker.shutdown()
    print(json.dumps(sorted(set(seen))))
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("pyarrow", [True, False], ids=["source install", "as packaged, no pyarrow"])
def test_no_module_is_imported_in_the_worker_thread(tmp_path: Path, pyarrow: bool) -> None:
    """A fresh process imports CSV (UTF-8, BOM, GB18030, UTF-16), XLSX and broken files, appends and
    replaces: no import may run in the worker thread (PySide6's import hook is not thread-safe). Also
    where pyarrow is missing, as in the packaged app: the readers then take pandas' C parser."""
    utf16 = tmp_path / "u16.csv"
    utf16.write_bytes("country,brand,year,units\nThailand,A,2024,5\n".encode("utf-16"))
    jobs = [
        [str(DATA / "sales_utf8.csv"), "sales", None],
        [str(DATA / "sales.xlsx"), "sales", "Sales"],
        [str(DATA / "sales.xlsx"), "dealers", "Dealers"],
        [str(DATA / "sales_gb18030.csv"), "sales", None],
        [str(DATA / "dealers_gb18030.csv"), "dealers", None],
        [str(DATA / "sales_bom_zh.csv"), "sales", None],
        [str(DATA / "sales_semicolon.csv"), None, None],
        [str(utf16), "sales", None],
        [str(DATA / "broken" / "truncated.xlsx"), "sales", None],
        [str(DATA / "broken" / "garbage.csv"), "sales", None],
    ]
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            ("" if pyarrow else HIDE_PYARROW) + WORKER_IMPORTS,
            str(tmp_path / "store"),
            json.dumps(jobs),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_a_file_with_no_acceptable_row_cannot_be_committed(env: Env, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("country,brand,year,units\nAtlantis,A,2024,5\nThailand,A,1850,-1\n", encoding="utf-8")
    env.start(source, "sales")
    report = env.wait_report()
    assert (report.validation.accepted_count, report.validation.rejected_rows) == (0, [2, 3])
    assert not report.btn_replace.isEnabled() and not report.btn_append.isEnabled()
    report.choose("replace")  # ignored: nothing to import
    assert env.flow.busy
    assert env.finish("cancel") == "cancelled"
    assert env.state.dataset.is_sample


def test_a_failed_save_keeps_the_previous_dataset(
    env: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert env.run(copy("sales_utf8.csv", tmp_path), "sales") == "imported"
    active, files = env.state.dataset, env.snapshot()

    def disk_full(*_: object) -> Dataset:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(env.store, "commit", disk_full)
    assert env.run(copy("sales_tab.tsv", tmp_path), "sales") == "failed"
    assert "No space left on device" in env.flow.last_error
    assert env.state.dataset is active
    assert env.snapshot() == files
