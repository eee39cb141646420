"""Writing contacts from the server, and reading the rows a view shows."""

from __future__ import annotations

import datetime as dt

from mailtrixy_desktop.api.models import ContactSummary
from mailtrixy_desktop.store.contact_lists import contact_ids, count_contacts
from mailtrixy_desktop.store.contacts import (
    add_group_members,
    contact,
    contacts_by_id,
    delete_contacts,
    remove_contacts_except,
    remove_group_members,
    set_contacts_pending,
    upsert_contacts,
)
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.refs import NamedRef
from mailtrixy_desktop.store.tags_groups import remove_tags_except, tags, upsert_tags
from tests.store.factories import T0, contact_full, tag, tag_ref
from tests.store.factories import contact as summary


def test_a_contact_reads_back_as_written(store: Store) -> None:
    upsert_contacts(
        store,
        [
            summary(
                1,
                "Jane Smith",
                "jane@acme.test",
                company="Acme",
                phone="+1 555 0100",
                tags=[tag_ref(7, "vip"), tag_ref(3, "Beta")],
            )
        ],
    )
    row = contact(store, 1)
    assert row is not None
    assert (row.name, row.email, row.company, row.phone) == (
        "Jane Smith", "jane@acme.test", "Acme", "+1 555 0100",
    )  # fmt: skip
    assert row.tags == (NamedRef(3, "Beta"), NamedRef(7, "vip"))  # by name
    assert row.created_at == dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    assert row.groups is None
    assert row.custom_fields is None
    assert not row.pending
    assert row.synced_at is not None


def test_upserting_the_same_page_twice_changes_nothing(store: Store) -> None:
    page = [summary(i, f"Person {i}", tags=[tag_ref(1, "vip")]) for i in range(1, 6)]
    upsert_contacts(store, page)
    first = contacts_by_id(store, range(1, 6))
    upsert_contacts(store, page)
    assert count_contacts(store) == 5
    assert contacts_by_id(store, range(1, 6)) == first
    assert store.scalar("SELECT count(*) FROM contact_tags") == 5


def test_a_changed_contact_replaces_the_cached_one(store: Store) -> None:
    upsert_contacts(store, [summary(1, "Jane Smith", tags=[tag_ref(1, "vip")])])
    upsert_contacts(
        store, [summary(1, "Jane Doe", company="Initech", updated_at="2026-03-02T00:00:00Z")]
    )
    row = contact(store, 1)
    assert row is not None
    assert (row.name, row.company, row.tags) == ("Jane Doe", "Initech", ())
    assert contact_ids(store, search="doe") == [1]
    assert contact_ids(store, search="smith") == []


def test_the_list_shape_keeps_custom_fields_and_groups_from_the_detail(store: Store) -> None:
    upsert_contacts(
        store,
        [
            contact_full(
                1,
                "Jane Smith",
                custom_fields={"plan": "pro", "seats": 5},
                groups=[{"id": 9, "name": "Customers"}],
                conversations_count=4,
            )
        ],
    )
    upsert_contacts(store, [summary(1, "Jane Smith", company="Acme")])
    row = contact(store, 1)
    assert row is not None
    assert row.company == "Acme"
    assert dict(row.custom_fields or {}) == {"plan": "pro", "seats": 5}
    assert row.groups == (NamedRef(9, "Customers"),)
    assert row.conversations_count == 4


def test_a_list_shape_with_includes_replaces_custom_fields_and_groups(store: Store) -> None:
    upsert_contacts(store, [contact_full(1, "Jane Smith", custom_fields={"plan": "pro"},
                                         groups=[{"id": 9, "name": "Customers"}])])  # fmt: skip
    upsert_contacts(store, [summary(1, "Jane Smith", custom_fields={"plan": "free"}, groups=[])])
    row = contact(store, 1)
    assert row is not None
    assert dict(row.custom_fields or {}) == {"plan": "free"}
    assert row.groups == ()


def test_rows_with_a_pending_change_are_left_to_the_outbox(store: Store) -> None:
    upsert_contacts(store, [summary(1, "Jane (edited offline)")])
    set_contacts_pending(store, [1])
    upsert_contacts(store, [summary(1, "Jane Smith")])  # a sync page
    row = contact(store, 1)
    assert row is not None
    assert (row.name, row.pending) == ("Jane (edited offline)", True)

    upsert_contacts(store, [summary(1, "Jane Smith")], overwrite_pending=True)  # the answer
    row = contact(store, 1)
    assert row is not None
    assert (row.name, row.pending) == ("Jane Smith", False)


def test_remove_except_drops_what_the_server_no_longer_has(store: Store) -> None:
    upsert_contacts(
        store, [summary(i, f"Person {i}", tags=[tag_ref(1, "vip")]) for i in range(1, 6)]
    )
    upsert_contacts(store, [summary(-1, "Created offline")])
    set_contacts_pending(store, [-1])
    removed = remove_contacts_except(store, [2, 4, 99])
    assert removed == 3
    assert sorted(contact_ids(store)) == [-1, 2, 4]  # the pending one stays
    assert contact_ids(store, search="person 1") == []
    assert store.scalar("SELECT count(*) FROM contact_tags") == 2


def test_remove_except_handles_a_hundred_thousand_ids(store: Store) -> None:
    upsert_contacts(store, [summary(i, f"Person {i}") for i in range(1, 201)])
    keep = list(range(100, 100_100))
    assert remove_contacts_except(store, keep) == 99
    assert count_contacts(store) == 101


def test_delete_by_id_takes_links_and_search_entries_with_it(store: Store) -> None:
    upsert_contacts(store, [summary(1, "Jane Smith", tags=[tag_ref(1, "vip")]),
                            summary(2, "Bob Jones")])  # fmt: skip
    assert delete_contacts(store, [1]) == 1
    assert contact_ids(store) == [2]
    assert contact_ids(store, search="jane") == []
    assert store.scalar("SELECT count(*) FROM contact_tags") == 0


def test_tags_seen_on_contacts_exist_before_the_tag_sync(store: Store) -> None:
    upsert_contacts(store, [summary(1, "Jane Smith", tags=[tag_ref(5, "vip")])])
    (stub,) = tags(store)
    assert (stub.id, stub.name, stub.synced_at) == (5, "vip", None)
    upsert_tags(store, [tag(5, "VIP", contacts_count=10)])
    remove_tags_except(store, [5])
    (synced,) = tags(store)
    assert (synced.name, synced.contacts_count, synced.cached_contacts) == ("VIP", 10, 1)


def test_a_tag_gone_from_the_server_leaves_its_contacts(store: Store) -> None:
    upsert_contacts(store, [summary(1, "Jane Smith", tags=[tag_ref(5, "vip"), tag_ref(6, "new")])])
    remove_tags_except(store, [6])
    row = contact(store, 1)
    assert row is not None
    assert row.tags == (NamedRef(6, "new"),)


def test_group_membership_can_change_locally(store: Store) -> None:
    upsert_contacts(store, [contact_full(1, "Jane Smith", groups=[{"id": 9, "name": "Customers"}]),
                            contact_full(2, "Bob Jones")])  # fmt: skip
    add_group_members(store, 9, [2, 404])  # an id not in the cache is ignored
    assert sorted(contact_ids(store, group_id=9)) == [1, 2]
    remove_group_members(store, 9, [1])
    assert contact_ids(store, group_id=9) == [2]


def test_rows_by_id_come_in_one_batch_and_skip_unknown_ids(store: Store) -> None:
    upsert_contacts(store, [summary(i, f"Person {i}", tags=[tag_ref(i % 3, f"t{i % 3}")])
                            for i in range(1, 301)])  # fmt: skip
    rows = contacts_by_id(store, [*range(100, 200), 10_000])
    assert sorted(rows) == list(range(100, 200))
    assert all(row.tags == (NamedRef(row.id % 3, f"t{row.id % 3}"),) for row in rows.values())
    assert contacts_by_id(store, []) == {}


def test_a_page_without_a_tags_field_keeps_the_cached_tags(store: Store) -> None:
    upsert_contacts(store, [summary(1, "Jane Smith", tags=[tag_ref(5, "vip")])])
    bare = ContactSummary.model_validate(
        {"id": 1, "name": "Jane Smith", "email": "jane@acme.test", "created_at": T0,
         "updated_at": T0}
    )  # fmt: skip
    upsert_contacts(store, [bare])
    row = contact(store, 1)
    assert row is not None
    assert row.tags == (NamedRef(5, "vip"),)
