"""The active dataset on disk: survives a restart, and a failed import changes nothing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from corridor_map.core import store as store_module
from corridor_map.core.errors import DataFormatError
from corridor_map.core.frame_file import write_frame
from corridor_map.core.importing import load_table
from corridor_map.core.store import DatasetStore

DATA = Path(__file__).resolve().parent.parent / "data"
BROKEN = DATA / "broken"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DatasetStore:
    monkeypatch.setenv("CORRIDOR_MAP_DATA_DIR", str(tmp_path / "userdata"))
    return DatasetStore()


def test_starts_with_the_sample(store: DatasetStore) -> None:
    active = store.load_active()
    assert active.is_sample
    assert "not real" in active.label("en") and "示例" in active.label("zh")
    assert active.sales["iso3"].nunique() >= 40
    assert len(active.dealers) > 0
    assert store.root == Path(store.root)  # the env variable chose it
    assert "userdata" in str(store.root)


def test_import_is_kept_after_a_restart(store: DatasetStore) -> None:
    current = store.load_active()
    result = load_table(DATA / "sales_utf8.csv", "sales")
    saved = store.commit(current, result, "replace")
    assert saved.kind == "user" and saved.id
    assert "sales_utf8.csv" in saved.label("en")
    assert len(saved.dealers) == 0  # the sample's illustrative dealers are never mixed with the user's
    again = DatasetStore(store.root).load_active()
    assert again.kind == "user" and again.id == saved.id
    pd.testing.assert_frame_equal(again.sales, saved.sales)
    assert again.sources == saved.sources
    assert store.recent_files() == [(DATA / "sales_utf8.csv").resolve()]


def test_append_and_replace(store: DatasetStore) -> None:
    first = store.commit(store.load_active(), load_table(DATA / "sales_utf8.csv", "sales"), "replace")
    appended = store.commit(first, load_table(DATA / "sales_bom_zh.csv", "sales"), "append")
    assert len(appended.sales) == 6 + 4
    assert int(appended.sales["units"].sum()) == 1_247_617 + 1_000
    assert [s.name for s in appended.sources] == ["sales_utf8.csv", "sales_bom_zh.csv"]
    with_dealers = store.commit(appended, load_table(DATA / "dealers.csv", "dealers"), "replace")
    assert len(with_dealers.sales) == 10 and len(with_dealers.dealers) == 4
    replaced = store.commit(with_dealers, load_table(DATA / "sales_tab.tsv", "sales"), "replace")
    assert int(replaced.sales["units"].sum()) == 630
    assert len(replaced.dealers) == 4
    assert [s.name for s in replaced.sources] == ["dealers.csv", "sales_tab.tsv"]
    # Only the active dataset is kept on disk.
    assert [p.name for p in store.datasets_dir.iterdir()] == [replaced.id]


@pytest.mark.parametrize("broken", ["blank.csv", "garbage.csv", "truncated.xlsx", "wrong_columns.csv"])
def test_a_refused_file_is_left_byte_identical(tmp_path: Path, broken: str) -> None:
    """The reader refuses a broken file before any import reaches the store (failures inside the store are
    the next test's), and never writes to the user's file."""
    source = tmp_path / broken
    shutil.copyfile(BROKEN / broken, source)
    before_source = source.read_bytes()
    with pytest.raises(DataFormatError):
        load_table(source, "sales")
    assert source.read_bytes() == before_source


def test_a_failure_while_saving_keeps_the_previous_dataset(
    store: DatasetStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    active = store.commit(store.load_active(), load_table(DATA / "sales_utf8.csv", "sales"), "replace")
    source = tmp_path / "dealers.csv"
    shutil.copyfile(DATA / "dealers.csv", source)
    before_store, before_source = snapshot(store.root), source.read_bytes()
    calls = []

    def failing_write(frame: pd.DataFrame, path: Path) -> None:
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        write_frame(frame, path)

    monkeypatch.setattr(store_module, "write_frame", failing_write)
    with pytest.raises(OSError, match="No space"):
        store.commit(active, load_table(source, "dealers"), "replace")
    assert calls == ["sales.npz", "dealers.npz"]
    assert snapshot(store.root) == before_store  # no half-written dataset, no temp folder left
    assert source.read_bytes() == before_source
    assert DatasetStore(store.root).load_active().id == active.id


def test_a_cancelled_import_changes_nothing(store: DatasetStore) -> None:
    active = store.commit(store.load_active(), load_table(DATA / "sales_utf8.csv", "sales"), "replace")
    before = snapshot(store.root)

    def cancel(fraction: float, _stage: str) -> None:
        if fraction > 0.2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        load_table(DATA / "sales_bom_zh.csv", "sales", progress=cancel)
    assert snapshot(store.root) == before
    assert store.load_active().id == active.id


def test_revert_to_sample(store: DatasetStore) -> None:
    store.commit(store.load_active(), load_table(DATA / "sales_utf8.csv", "sales"), "replace")
    sample = store.revert_to_sample()
    assert sample.is_sample
    assert DatasetStore(store.root).load_active().is_sample
    assert not any(store.datasets_dir.iterdir())


def test_a_damaged_store_falls_back_to_the_sample(store: DatasetStore) -> None:
    saved = store.commit(store.load_active(), load_table(DATA / "sales_utf8.csv", "sales"), "replace")
    (store.datasets_dir / saved.id / "sales.npz").write_bytes(b"not a table")
    assert DatasetStore(store.root).load_active().is_sample
    store.active_file.write_text("{broken json", encoding="utf-8")
    assert DatasetStore(store.root).load_active().is_sample


def test_column_mappings_are_remembered_by_header_row(store: DatasetStore) -> None:
    headers = ["Land", "Marke", "Jahr", "Stück"]
    mapping = {"Land": "country", "Marke": "brand", "Jahr": "year", "Stück": "units"}
    assert store.recall_mapping("sales", headers) is None
    store.remember_mapping("sales", headers, mapping)
    assert DatasetStore(store.root).recall_mapping("sales", [" land ", "MARKE", "Jahr", "Stück"]) == mapping
    assert store.recall_mapping("dealers", headers) is None


@pytest.mark.filterwarnings("ignore:The 'fastparquet' engine is deprecated")  # (pandas 3: still works)
@pytest.mark.parametrize("engine", ["pyarrow", "fastparquet"])  # (the packaged app has fastparquet only)
def test_a_dataset_saved_as_parquet_by_an_earlier_version_is_still_read(
    store: DatasetStore, engine: str
) -> None:
    pytest.importorskip(engine)
    saved = store.commit(store.load_active(), load_table(DATA / "sales_utf8.csv", "sales"), "replace")
    saved = store.commit(saved, load_table(DATA / "dealers.csv", "dealers"), "replace")
    assert len(saved.sales) and len(saved.dealers)
    folder = store.datasets_dir / saved.id
    with pd.option_context("io.parquet.engine", engine):  # written and read as that install did
        for name, frame in (("sales", saved.sales), ("dealers", saved.dealers)):
            frame.to_parquet(folder / f"{name}.parquet", index=False)  # (how datasets were kept before)
            (folder / f"{name}.npz").unlink()
        again = DatasetStore(store.root).load_active()
    assert again.id == saved.id and not again.is_sample
    pd.testing.assert_frame_equal(again.sales, saved.sales)
    pd.testing.assert_frame_equal(again.dealers, saved.dealers)


def test_the_active_dataset_s_id_is_read_without_the_data_stack(store: DatasetStore) -> None:
    """``core.active_pointer`` (a start asks before it imports pandas) names the dataset the store loads."""
    from corridor_map.core.active_pointer import active_dataset_id

    assert active_dataset_id(store.root) == "sample" == store.load_active().id
    saved = store.commit(store.load_active(), load_table(DATA / "sales_utf8.csv", "sales"), "replace")
    assert active_dataset_id(store.root) == saved.id == DatasetStore(store.root).load_active().id
    for pointer in ("{broken json", '["user"]', '{"kind": "user"}', '{"kind": "sample", "id": "x"}'):
        store.active_file.write_text(pointer, encoding="utf-8")
        assert active_dataset_id(store.root) == "sample", pointer
        assert DatasetStore(store.root).load_active().is_sample, pointer
    store.revert_to_sample()
    assert active_dataset_id(store.root) == "sample"
