"""A stored table reads back exactly as it was written, refuses what is not one, and needs no Parquet."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest

from corridor_map.core.dataset import load_sample
from corridor_map.core.frame_file import FrameFileError, read_frame, write_frame

ROOT = Path(__file__).resolve().parents[2]


def round_trip(frame: pd.DataFrame, tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "table.npz"
    write_frame(frame, path)
    return read_frame(path)


def test_the_samples_tables_read_back_exactly(tmp_path: Path) -> None:
    sample = load_sample()
    for frame in (sample.sales, sample.dealers):
        back = round_trip(frame, tmp_path)
        pdt.assert_frame_equal(back, frame.reset_index(drop=True))
    assert int(round_trip(sample.sales, tmp_path)["units"].sum()) == int(sample.sales["units"].sum())


def test_every_kind_of_column_reads_back_with_its_type_and_gaps(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "dealer": pd.array(["长安汽车 曼谷", "", None, 'Ünïcödé "quoted"\n'], dtype="str"),
            "note": pd.Series(["a", None, "c", "d"], dtype=object),
            "iso3": pd.Categorical(["THA", None, "VNM", "THA"], categories=["THA", "VNM", "KAZ"]),
            "grade": pd.Categorical(["low", "high", "low", None], categories=["low", "high"], ordered=True),
            "year": np.array([2023, 2024, 2024, 2025], dtype=np.int16),
            "month": np.array([1, 12, 6, 7], dtype=np.int8),
            "units": np.array([10, 0, -3, 2**40], dtype=np.int64),
            "value": np.array([1.5, np.nan, -0.0, 1e300]),
            "approximate": np.array([True, False, True, False]),
        }
    )
    back = round_trip(frame, tmp_path)
    pdt.assert_frame_equal(back, frame)
    assert back["dealer"].isna().tolist() == [False, False, True, False]
    assert back["grade"].cat.ordered and back["iso3"].cat.categories.tolist() == ["THA", "VNM", "KAZ"]


def test_an_empty_table_keeps_its_columns_and_types(tmp_path: Path) -> None:
    frame = load_sample().sales.iloc[:0].reset_index(drop=True)
    pdt.assert_frame_equal(round_trip(frame, tmp_path), frame)


@pytest.mark.parametrize(
    "column",
    [
        pd.Series(pd.to_datetime(["2024-01-01"])),
        pd.Series([1], dtype="Int64"),
        pd.Series(pd.Categorical([2024, 2025])),
    ],
    ids=["dates", "nullable integers", "categories that are not text"],
)
def test_a_column_of_another_type_is_refused_by_name(tmp_path: Path, column: pd.Series) -> None:
    with pytest.raises(TypeError, match="'when'"):
        write_frame(pd.DataFrame({"when": column}), tmp_path / "t.npz")


def test_what_is_not_a_stored_table_is_refused_naming_the_file(tmp_path: Path) -> None:
    write_frame(load_sample().sales, tmp_path / "good.npz")
    whole = (tmp_path / "good.npz").read_bytes()
    (tmp_path / "truncated.npz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "text.npz").write_text("not a table", encoding="utf-8")
    np.save(tmp_path / "array.npy", np.arange(3))
    np.savez(tmp_path / "other.npz", numbers=np.arange(3))  # a NumPy archive, not a table
    for name in ("truncated.npz", "text.npz", "array.npy", "other.npz", "missing.npz"):
        with pytest.raises(FrameFileError, match=re.escape(name)):
            read_frame(tmp_path / name)


class _Runs:
    """An object whose unpickling would run code."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("unpickled!",))


def test_a_file_holding_pickled_objects_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    columns = json.dumps([{"name": "x", "kind": "array"}]).encode()
    np.savez(
        tmp_path / "evil.npz",
        columns=np.frombuffer(columns, dtype=np.uint8),
        c0=np.array([_Runs()], dtype=object),
    )
    with pytest.raises(FrameFileError, match=r"evil\.npz"):
        read_frame(tmp_path / "evil.npz")
    assert "unpickled!" not in capsys.readouterr().out


READ_STORED = """
import sys
from pathlib import Path
from corridor_map.core.store import read_dataset
dataset = read_dataset(Path(sys.argv[1]), "user", "x")
print(int(dataset.sales["units"].sum()), len(dataset.dealers), dataset.dealers["dealer"].dtype.storage)
print(sorted(m for m in sys.modules if m.startswith(("pyarrow.parquet", "pyarrow.dataset", "pyarrow.fs",
                                                      "fastparquet", "fsspec"))))
"""


@pytest.mark.parametrize("pyarrow", [True, False], ids=["source install", "as packaged, no pyarrow"])
def test_a_stored_dataset_is_read_without_a_parquet_engine(tmp_path: Path, pyarrow: bool) -> None:
    """The reason for the format: a start reads the active dataset, and loading a Parquet engine for it
    cost 9–18 MB and 33–39 ms of a start. Written here (with pyarrow), read in a fresh process with or
    without pyarrow."""
    from corridor_map.core.store import write_dataset

    sample = load_sample()
    write_dataset(sample, tmp_path)
    hide = "import sys\nsys.modules['pyarrow'] = None\n"
    out = subprocess.run(
        [sys.executable, "-c", ("" if pyarrow else hide) + READ_STORED, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    totals, engines = out.stdout.strip().splitlines()[-2:]
    units, dealers, storage = totals.split()
    assert (int(units), int(dealers)) == (int(sample.sales["units"].sum()), len(sample.dealers))
    assert storage == ("pyarrow" if pyarrow else "python")
    assert engines == "[]"
