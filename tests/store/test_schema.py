"""Migrations by PRAGMA user_version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mailtrixy_desktop.store.contact_lists import contact_ids
from mailtrixy_desktop.store.contacts import upsert_contacts
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.errors import SchemaTooNewError
from mailtrixy_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION, Migration
from tests.store.factories import contact

RESOURCE_TABLES = {
    "team_members", "tags", "contact_groups", "contacts", "contact_tags", "group_members",
    "conversations", "conversation_labels", "messages", "deals", "campaigns", "webhooks",
    "email_accounts", "sync_state",
}  # fmt: skip


def _tables(store: Store) -> set[str]:
    return set(store.column("SELECT name FROM sqlite_master WHERE type = 'table'"))


def test_a_fresh_file_gets_every_table_and_the_current_version(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    assert RESOURCE_TABLES | {"contacts_fts", "conversations_fts", "deals_fts"} <= _tables(store)


def test_every_row_table_has_a_pending_flag_and_synced_at(store: Store) -> None:
    for table in RESOURCE_TABLES - {"contact_tags", "group_members", "conversation_labels",
                                    "sync_state"}:  # fmt: skip
        columns = {row["name"] for row in store.all("SELECT name FROM pragma_table_info(?)",
                                                    (table,))}  # fmt: skip
        assert {"pending", "synced_at"} <= columns, table


def test_reopening_changes_nothing_and_keeps_the_data(db_path: Path) -> None:
    with Store.open(db_path) as store:
        upsert_contacts(store, [contact(1, "Jane Smith")])
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert contact_ids(store, search="jane") == [1]


def test_an_older_file_is_migrated_and_its_rows_become_searchable(db_path: Path) -> None:
    with Store.open(db_path, migrations=MIGRATIONS[:1]) as old:
        assert old.schema_version == 1
        assert "contacts_fts" not in _tables(old)
        upsert_contacts(old, [contact(1, "Jürgen Müller")])
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert contact_ids(store, search="muller") == [1]


def test_a_later_step_is_applied_once_on_open(db_path: Path) -> None:
    extra = Migration("a column for a test", ("ALTER TABLE tags ADD COLUMN note TEXT",))
    with Store.open(db_path) as store:
        upsert_contacts(store, [contact(1, "Jane Smith")])
    for _ in range(2):
        with Store.open(db_path, migrations=(*MIGRATIONS, extra)) as store:
            assert store.schema_version == SCHEMA_VERSION + 1
            assert store.scalar("SELECT count(*) FROM pragma_table_info('tags') "
                                "WHERE name = 'note'") == 1  # fmt: skip
            assert contact_ids(store) == [1]


def test_a_failing_step_leaves_the_file_as_it_was(db_path: Path) -> None:
    with Store.open(db_path):
        pass
    broken = (
        *MIGRATIONS,
        Migration("good", ("CREATE TABLE scratch (x)",)),
        Migration("bad", ("THIS IS NOT SQL",)),
    )
    with pytest.raises(sqlite3.OperationalError):
        Store.open(db_path, migrations=broken)
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert "scratch" not in _tables(store)


def test_a_file_from_a_newer_app_is_refused_clearly(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    with pytest.raises(SchemaTooNewError, match=r"knows versions up to \d+") as caught:
        Store.open(db_path)
    assert caught.value.found == SCHEMA_VERSION + 3
    assert caught.value.supported == SCHEMA_VERSION
    assert str(db_path) in str(caught.value)


def test_a_file_from_before_the_deals_value_index_gets_it(db_path: Path) -> None:
    def indexes(store: Store) -> set[str]:
        return set(store.column("SELECT name FROM sqlite_master WHERE type = 'index'"))

    with Store.open(db_path, migrations=MIGRATIONS[:6]) as old:
        assert "deals_by_stage_value" not in indexes(old)
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert "deals_by_stage_value" in indexes(store)
