"""``corridor-map FILE ...`` (the desktop's "Open with Corridor Map"): the real window imports the files
through its own import flow; a bad file gets the flow's clear message and the data stays as it was."""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from corridor_map.cli import build_parser, requested_command
from corridor_map.ui.app import open_command_line_files
from corridor_map.ui.main_window import MainWindow
from tests.ui.conftest import open_window, wait_until

DATA = Path(__file__).resolve().parent.parent / "data"


def parse(argv: list[str]) -> argparse.Namespace:
    """What ``corridor-map ARGV`` parses to (as cli.main does)."""
    command = requested_command(argv)
    return build_parser(command, files=command is None).parse_args(argv)


@pytest.fixture
def window(qapp: QApplication) -> Iterator[MainWindow]:
    win = open_window(qapp)
    yield win
    flow = win.data_actions.flow
    if flow.message is not None:
        flow.message.close()
    win.data_actions.store.revert_to_sample()
    win.close()
    win.deleteLater()


def test_the_command_line_takes_files_and_still_the_commands() -> None:
    assert parse(["--lang", "zh", "a.csv", "b.xlsx"]).files == ["a.csv", "b.xlsx"]
    assert parse([]).files == []
    args = parse(["check-data", "--json"])
    assert args.command == "check-data" and not hasattr(args, "files")


def test_a_file_argument_is_imported_and_a_bad_one_keeps_the_data(window: MainWindow, tmp_path: Path) -> None:
    flow, state = window.data_actions.flow, window.state
    assert state.dataset.is_sample
    sample_units = state.dataset.sales["units"].sum()
    source = tmp_path / "sales export.csv"
    shutil.copyfile(DATA / "sales_utf8.csv", source)

    open_command_line_files(window, parse([str(source)]))
    report = wait_until(lambda: flow.report_dialog if flow.report_dialog is not None else None)
    assert report.isVisible()
    accepted = report.validation.accepted
    report.choose("replace")
    wait_until(lambda: not flow.busy and flow.outcome == "imported")
    dataset = state.dataset
    assert not dataset.is_sample
    assert len(dataset.sales) == len(accepted) > 0
    assert dataset.sales["units"].sum() == accepted["units"].sum() != sample_units
    assert window.data_actions.status.text() == "Your data: sales export.csv"

    bad = tmp_path / "header only.csv"
    shutil.copyfile(DATA / "bad" / "header_only.csv", bad)
    open_command_line_files(window, parse([str(bad)]))
    wait_until(lambda: not flow.busy and flow.outcome == "failed")
    assert flow.message is not None and flow.message.isVisible()
    text = flow.message.text()
    assert bad.name in text and "no data rows" in text and "Nothing has changed" in text
    assert state.dataset is dataset
