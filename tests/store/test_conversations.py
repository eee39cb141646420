"""The inbox: conversations by status, assignee, label and search; threads in order."""

from __future__ import annotations

import sqlite3

import pytest

from mailtrixy_desktop.store.conversations import (
    conversation,
    conversation_ids,
    conversation_labels,
    conversation_messages,
    conversations_by_id,
    count_conversations,
    delete_conversations,
    remove_conversations_except,
    remove_messages_except,
    set_conversations_pending,
    upsert_conversations,
    upsert_messages,
)
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.filters import ANY
from mailtrixy_desktop.store.refs import NamedRef
from tests.store.factories import conversation as conv
from tests.store.factories import message

ALICE = (10, "Alice Agent")
BOB = (11, "Bob Agent")


@pytest.fixture
def inbox(store: Store) -> Store:
    upsert_conversations(
        store,
        [
            conv(1, "Invoice overdue", assignee=ALICE, labels=("billing", "vip"), day=5),
            conv(2, "Login broken", assignee=BOB, labels=("bug",), day=7),
            conv(3, "Question about pricing", contact=(2, "Jürgen Müller", "jm@example.de"),
                 day=3),
            conv(4, "Thanks!", status="closed", assignee=ALICE, day=9),
            conv(5, "Call me next week", status="snoozed", labels=("billing",), day=2),
        ],
    )  # fmt: skip
    return store


def test_open_conversations_newest_activity_first(inbox: Store) -> None:
    assert conversation_ids(inbox) == [2, 1, 3]
    assert conversation_ids(inbox, status="closed") == [4]
    assert conversation_ids(inbox, status="snoozed") == [5]
    assert conversation_ids(inbox, status="all") == [4, 2, 1, 3, 5]


def test_assignee_filter_tells_unassigned_from_anyone(inbox: Store) -> None:
    assert conversation_ids(inbox, status="all", assignee=ALICE[0]) == [4, 1]
    assert conversation_ids(inbox, status="all", assignee=None) == [3, 5]
    assert conversation_ids(inbox, status="all", assignee=ANY) == [4, 2, 1, 3, 5]


def test_label_filter_and_the_labels_in_use(inbox: Store) -> None:
    assert conversation_ids(inbox, status="all", label="billing") == [1, 5]
    assert conversation_ids(inbox, label="billing%") == []
    assert conversation_labels(inbox) == ["billing", "bug", "vip"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("invo", [1]), ("muller", [3]), ("jm@example", [3]), ("vip", [1]), ("bill", [1, 5]),
     ("login (broken", [2]), ('"', [1, 2, 3, 4, 5])],
)  # fmt: skip
def test_search_over_subject_contact_and_labels(
    inbox: Store, query: str, expected: list[int]
) -> None:
    assert sorted(conversation_ids(inbox, status="all", search=query)) == expected


def test_counts_per_status_follow_the_filters(inbox: Store) -> None:
    assert count_conversations(inbox) == {"open": 3, "snoozed": 1, "closed": 1, "all": 5}
    assert count_conversations(inbox, assignee=ALICE[0]) == {
        "open": 1, "snoozed": 0, "closed": 1, "all": 2,
    }  # fmt: skip
    assert count_conversations(inbox, label="billing", search="call")["snoozed"] == 1


def test_a_row_shows_what_the_list_needs(inbox: Store) -> None:
    row = conversation(inbox, 1)
    assert row is not None
    assert row.assignee == NamedRef(*ALICE)
    assert row.labels == ("billing", "vip")
    assert (row.contact_name, row.contact_email) == ("Jane Smith", "jane@acme.test")
    assert conversations_by_id(inbox, [404]) == {}


def test_a_status_change_from_the_server_moves_it_between_lists(inbox: Store) -> None:
    upsert_conversations(inbox, [conv(2, "Login broken", status="closed", labels=(), day=8)])
    assert conversation_ids(inbox) == [1, 3]
    assert conversation_ids(inbox, status="closed") == [4, 2]
    assert conversation_ids(inbox, status="all", label="bug") == []


def test_a_pending_local_change_survives_a_sync_page(inbox: Store) -> None:
    set_conversations_pending(inbox, [1])
    upsert_conversations(inbox, [conv(1, "Invoice overdue", status="closed", day=6)])
    row = conversation(inbox, 1)
    assert row is not None
    assert (row.status, row.pending) == ("open", True)


def test_a_thread_reads_oldest_first(inbox: Store) -> None:
    upsert_messages(inbox, [message(3, 1, "third", day=6), message(1, 1, "first", day=4),
                            message(2, 1, "second", day=5), message(9, 2, "other")])  # fmt: skip
    upsert_messages(inbox, [message(2, 1, "second", day=5)])  # idempotent
    thread = conversation_messages(inbox, 1)
    assert [m.body_text for m in thread] == ["first", "second", "third"]
    assert thread[0].cc == ("boss@acme.test",)
    assert thread[0].sender == NamedRef(1, "Jane Smith")


def test_messages_need_their_conversation(inbox: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        upsert_messages(inbox, [message(1, 404, "orphan")])


def test_removing_conversations_takes_their_messages(inbox: Store) -> None:
    upsert_messages(inbox, [message(1, 1, "a"), message(2, 2, "b")])
    remove_conversations_except(inbox, [2, 3, 4, 5])
    assert conversation_messages(inbox, 1) == []
    assert len(conversation_messages(inbox, 2)) == 1
    delete_conversations(inbox, [2])
    assert conversation_messages(inbox, 2) == []
    assert conversation_ids(inbox, status="all", search="login") == []


def test_remove_messages_except_is_per_thread(inbox: Store) -> None:
    upsert_messages(inbox, [message(1, 1, "a"), message(2, 1, "b"), message(3, 2, "c")])
    assert remove_messages_except(inbox, 1, [2]) == 1
    assert [m.id for m in conversation_messages(inbox, 1)] == [2]
    assert [m.id for m in conversation_messages(inbox, 2)] == [3]
