"""Connections: pragmas, transactions, readers beside the writer."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from mailtrixy_desktop.store.contact_lists import contact_ids
from mailtrixy_desktop.store.contacts import upsert_contacts
from mailtrixy_desktop.store.database import Store
from tests.store.factories import contact


def test_open_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "workspace.sqlite3"
    with Store.open(path):
        pass
    assert path.is_file()


def test_the_file_is_in_wal_mode_with_foreign_keys_enforced(store: Store) -> None:
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA synchronous") == 1  # NORMAL
    assert store.scalar("PRAGMA busy_timeout") >= 1000
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        store.execute("INSERT INTO contact_tags (contact_id, tag_id) VALUES (404, 404)")


def test_a_transaction_commits_when_the_block_ends(store: Store, db_path: Path) -> None:
    with store.transaction():
        upsert_contacts(store, [contact(1, "Jane Smith")])
    with Store.open(db_path) as other:
        assert contact_ids(other) == [1]


def _write_then_fail(store: Store, contact_id: int, error: Exception) -> None:
    with store.transaction():
        upsert_contacts(store, [contact(contact_id, "Jane Smith")])
        raise error


def test_a_transaction_rolls_back_when_the_block_raises(store: Store) -> None:
    with pytest.raises(RuntimeError, match="bad page"):
        _write_then_fail(store, 1, RuntimeError("bad page"))
    assert contact_ids(store) == []
    assert not store.in_transaction


def test_nested_transactions_join_the_outer_one(store: Store, db_path: Path) -> None:
    with store.transaction():
        with store.transaction():
            upsert_contacts(store, [contact(1, "Jane Smith")])
        with Store.open(db_path) as other:
            assert contact_ids(other) == []  # nothing committed before the outer block ends
    assert contact_ids(store) == [1]


def test_a_failed_inner_block_undoes_only_its_own_changes(store: Store) -> None:
    with store.transaction():
        upsert_contacts(store, [contact(1, "Jane Smith")])
        with pytest.raises(ValueError, match="inner"):
            _write_then_fail(store, 2, ValueError("inner"))
    assert contact_ids(store) == [1]


def test_a_failing_outer_block_undoes_the_inner_ones_too(store: Store) -> None:
    def outer() -> None:
        with store.transaction():
            with store.transaction():
                upsert_contacts(store, [contact(1, "Jane Smith")])
            raise KeyError("outer")

    with pytest.raises(KeyError, match="outer"):
        outer()
    assert contact_ids(store) == []


def test_a_reader_sees_committed_writes_and_not_open_ones(store: Store) -> None:
    upsert_contacts(store, [contact(1, "Jane Smith")])
    with store.reader() as reader:
        assert contact_ids(reader) == [1]
        with store.transaction():
            upsert_contacts(store, [contact(2, "Bob Jones")])
            assert contact_ids(reader) == [1]  # WAL: the last commit, while the write is open
        assert contact_ids(reader) == [2, 1]


def test_a_reader_cannot_write(store: Store) -> None:
    with store.reader() as reader, pytest.raises(sqlite3.OperationalError):
        reader._conn.execute("DELETE FROM contacts")


def test_a_reader_can_be_used_from_another_thread(store: Store) -> None:
    upsert_contacts(store, [contact(1, "Jane Smith"), contact(2, "Bob Jones")])
    seen: list[list[int]] = []
    with store.reader() as reader:
        worker = threading.Thread(target=lambda: seen.append(contact_ids(reader, search="jan")))
        worker.start()
        worker.join()
    assert seen == [[1]]


def test_the_writer_can_be_handed_to_a_worker_thread(store: Store) -> None:
    worker = threading.Thread(target=lambda: upsert_contacts(store, [contact(1, "Jane Smith")]))
    worker.start()
    worker.join()
    assert contact_ids(store) == [1]


def test_remembered_results_follow_writes_of_either_connection(store: Store) -> None:
    with store.reader() as reader:
        assert contact_ids(reader) == []
        upsert_contacts(store, [contact(1, "Jane Smith")])
        assert contact_ids(reader) == [1]
        assert contact_ids(store) == [1]
        upsert_contacts(store, [contact(2, "Adam Ant")])
        assert contact_ids(store) == [2, 1]
        assert contact_ids(reader) == [2, 1]


def test_an_in_memory_store_works_and_has_a_reader() -> None:
    with Store.in_memory() as memory:
        upsert_contacts(memory, [contact(1, "Jane Smith")])
        with memory.reader() as reader:
            assert contact_ids(reader, search="jane") == [1]
            upsert_contacts(memory, [contact(2, "Jan Berg")])
            assert contact_ids(reader, search="jan") == [2, 1]
