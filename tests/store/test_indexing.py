"""Deferring a table's sort and search indexes during a first load, and getting them back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mailtrixy_desktop.api.models import ContactSummary
from mailtrixy_desktop.store import conversations, deals, indexing
from mailtrixy_desktop.store.contact_lists import contact_ids
from mailtrixy_desktop.store.contacts import (
    contacts_by_id,
    set_contacts_pending,
    upsert_contacts,
)
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.schema import MIGRATIONS
from tests.store.factories import contact, contact_full, conversation, deal, tag_ref

CONTACT_UPKEEP = {
    "contacts_by_name",
    "contacts_by_email",
    "contacts_by_company",
    "contacts_by_created",
    "contacts_by_updated",
    "contact_tags_by_tag",
    "group_members_by_group",
    "contacts_fts_insert",
    "contacts_fts_delete",
    "contacts_fts_update",
}


def _objects(store: Store) -> set[str]:
    return set(store.column("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"))


def _fts_ok(store: Store, fts: str) -> None:
    # Raises "database disk image is malformed" if the index disagrees with the rows.
    store.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")


def _people() -> list[ContactSummary]:
    return [
        contact(1, "Jürgen Müller", company="Acme", tags=[tag_ref(7, "vip")]),
        contact(2, "Ann Lee", company="Beta"),
        contact(3, "Bob Stone", company="acme"),
    ]


def test_the_migrations_say_what_each_big_table_can_defer() -> None:
    upkeep = indexing.expected(MIGRATIONS)
    contacts = upkeep["contacts"]
    assert {name for name, _sql in (*contacts.indexes, *contacts.triggers)} == CONTACT_UPKEEP
    assert set(contacts.tables) == {"contacts", "contact_tags", "group_members"}
    assert contacts.fts == ("contacts_fts",)
    # Partial and unique indexes stay: they are tiny or they enforce something.
    assert "contacts_pending" not in {name for name, _sql in contacts.indexes}
    assert upkeep["conversations"].fts == ("conversations_fts",)
    assert upkeep["deals"].fts == ("deals_fts",)


def test_an_empty_table_defers_its_indexes_and_gets_them_back(store: Store) -> None:
    assert indexing.defer(store, "contacts")
    assert "contacts" in store.deferred
    assert not CONTACT_UPKEEP & _objects(store)
    assert "contacts_pending" in _objects(store)
    upsert_contacts(store, _people())
    assert contact_ids(store, sort="company") == [3, 1, 2]  # readable, sortable meanwhile
    indexing.restore(store, "contacts")
    assert not store.deferred
    assert _objects(store) >= CONTACT_UPKEEP
    assert contact_ids(store, search="muller") == [1]  # written while deferred, now found
    assert contact_ids(store, search="acme") == [3, 1]  # by name
    _fts_ok(store, "contacts_fts")
    # The triggers are back: a later change is searchable at once.
    upsert_contacts(store, [contact(2, "Ann Zebra", company="Beta")])
    assert contact_ids(store, search="zebra") == [2]
    _fts_ok(store, "contacts_fts")


def test_a_table_with_rows_defers_nothing(store: Store) -> None:
    upsert_contacts(store, [contact(1, "Jane Smith")])
    before = _objects(store)
    assert not indexing.defer(store, "contacts")
    assert _objects(store) == before
    assert not store.deferred


def test_rows_written_deferred_equal_rows_written_with_the_indexes(tmp_path: Path) -> None:
    people = [
        *_people(),
        contact_full(4, "Cleo Park", custom_fields={"plan": "pro", "seats": 3}),
    ]
    rows = []
    for name, defer in (("plain", False), ("deferred", True)):
        with Store.open(tmp_path / f"{name}.sqlite3") as store:
            if defer:
                assert indexing.defer(store, "contacts")
            upsert_contacts(store, people)
            upsert_contacts(store, [contact(2, "Ann Lee-Smith", company="Beta")])  # an update
            indexing.restore(store, "contacts")
            by_id = contacts_by_id(store, [1, 2, 3, 4])
            rows.append({i: (r.name, r.company, r.tags, r.custom_fields) for i, r in by_id.items()})
    assert rows[0] == rows[1]


def test_a_pending_row_is_not_overwritten_while_deferred(store: Store) -> None:
    assert indexing.defer(store, "contacts")
    upsert_contacts(store, [contact(5, "Local Edit")])
    set_contacts_pending(store, [5])
    upsert_contacts(store, [contact(5, "Server Version"), contact(6, "New One")])
    assert contacts_by_id(store, [5])[5].name == "Local Edit"
    assert contacts_by_id(store, [6])[6].name == "New One"
    indexing.restore(store, "contacts")
    assert contact_ids(store, search="local") == [5]


def test_a_crash_while_deferred_is_repaired_when_the_file_is_opened(db_path: Path) -> None:
    store = Store.open(db_path)
    assert indexing.defer(store, "contacts")
    assert indexing.defer(store, "conversations")
    assert indexing.defer(store, "deals")
    upsert_contacts(store, _people())
    conversations.upsert_conversations(store, [conversation(1, "Invoice question")])
    deals.upsert_deals(store, [deal(1, "Big renewal", "10.00")])
    store.close()  # no restore: as if the app died mid-sync
    with Store.open(db_path) as reopened:
        assert _objects(reopened) >= CONTACT_UPKEEP
        assert {"conversations_fts_insert", "deals_by_stage", "messages_in_thread"} <= _objects(
            reopened
        )
        assert contact_ids(reopened, search="muller") == [1]
        assert conversations.conversation_ids(reopened, status="all", search="invoice") == [1]
        assert deals.deal_ids(reopened, search="renewal") == [1]
        for fts in ("contacts_fts", "conversations_fts", "deals_fts"):
            _fts_ok(reopened, fts)
    raw = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert not indexing.repair(raw, MIGRATIONS)  # nothing left to repair
    finally:
        raw.close()


def test_restoring_twice_changes_nothing(store: Store) -> None:
    assert indexing.defer(store, "contacts")
    upsert_contacts(store, _people())
    indexing.restore(store, "contacts")
    before = _objects(store)
    indexing.restore(store, "contacts")
    assert _objects(store) == before
    assert contact_ids(store, search="stone") == [3]
    _fts_ok(store, "contacts_fts")
