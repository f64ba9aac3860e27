"""The windows' start begins opening the data file before it loads Qt (`datafile.Opening`,
`cli._open_early`): the sign-in takes that opening's store, or its refusal, exactly as it took
the opening it made itself; a start that ends before closes the store nobody took."""
from __future__ import annotations

import pytest

from desktop import cli
from desktop.models.datafile import Opening
from desktop.models.db import DB_FILENAME
from desktop.models.errors import DatabaseDamaged, DataMissing
from desktop.models.staff import StaffRepository


def test_the_opening_gives_the_store_once(data_dir):
    opening = Opening(data_dir / DB_FILENAME)
    store = opening.result()
    try:
        assert StaffRepository(store).list() is not None
        with pytest.raises(RuntimeError):
            opening.result()
        opening.discard()                      # taken: not closed under its taker
        assert store.scalar("SELECT 1") == 1
    finally:
        store.close(clean=False)


def test_a_discarded_opening_closes_its_store_and_leaves_no_log(data_dir):
    path = data_dir / DB_FILENAME
    opening = Opening(path)
    opening.discard()
    assert opening._outcome[0] and opening._outcome[1]._closed
    assert not path.with_name(path.name + "-wal").exists()   # closed, its log put back
    opening.discard()                                          # twice: nothing more


def test_the_opening_raises_what_open_store_raised(data_dir):
    path = data_dir / DB_FILENAME
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"not a database" * 100)
    with pytest.raises(DatabaseDamaged):
        Opening(path).result()
    path.write_bytes(b"")
    (data_dir / "backups").mkdir(exist_ok=True)
    with pytest.raises((DataMissing, DatabaseDamaged)):
        Opening(path).result()
    Opening(path).discard()                    # a refused opening has nothing to close


def test_the_gui_start_opens_the_file_before_loading_the_windows(data_dir, monkeypatch):
    seen = []

    def run_gui(folder, opening=None):
        seen.append((folder, opening))
        if opening is not None:
            store = opening.result()
            seen.append(store.path)
            store.close(clean=False)
        return 0

    monkeypatch.setattr("desktop.app.run_gui", run_gui)
    assert cli.main(["--data-dir", str(data_dir)]) == 0
    (folder, opening), path = seen[0], seen[1]
    assert folder == data_dir and isinstance(opening, Opening)
    assert path == data_dir / DB_FILENAME
    seen.clear()
    empty = data_dir.parent / "new-office"
    assert cli.main(["--data-dir", str(empty)]) == 0   # nothing to open: the splash makes it
    assert seen == [(empty, None)]


def test_open_data_takes_the_early_store(qtbot, data_dir):
    from desktop.app import open_data

    opening = Opening(data_dir / DB_FILENAME)
    store = open_data(data_dir, opening=opening)
    try:
        assert opening._taken and store is opening._outcome[1]
    finally:
        store.close(clean=False)


def test_open_data_says_what_the_early_opening_found_and_opens_anew(qtbot, data_dir,
                                                                   monkeypatch):
    """A damaged file found by the early opening gets the same question; what is chosen then
    (here: the backup) is opened anew, not taken from the early opening again."""
    from desktop.app import open_data
    from desktop.models.datafile import open_store
    from tests.gui_helpers import answer_message_boxes

    path = data_dir / DB_FILENAME
    first = open_store(path)
    StaffRepository(first).add({"staff_code": "A1", "full_name": "Trần Văn An"})
    first.close(clean=True)                    # the exit backup
    path.write_bytes(b"")                      # the file emptied
    asked = answer_message_boxes(monkeypatch, "Khôi phục")
    opening = Opening(path)
    store = open_data(data_dir, opening=opening)
    try:
        assert [title for title, _text, _buttons in asked] == ["Không thấy dữ liệu"]
        assert StaffRepository(store).by_code("A1") is not None
        assert opening._taken
    finally:
        store.close(clean=False)


def test_an_opening_of_another_file_is_closed_not_taken(qtbot, data_dir, tmp_path):
    from desktop.app import open_data
    from desktop.models.datafile import open_store

    other = tmp_path / "other" / DB_FILENAME
    open_store(other).close(clean=False)
    opening = Opening(other)
    store = open_data(data_dir, opening=opening)
    try:
        assert store.path == data_dir / DB_FILENAME
        assert opening._taken and opening._outcome[1]._closed
    finally:
        store.close(clean=False)
