"""The inbox's own state: what is unread, drafts, and the list's snippets."""

from __future__ import annotations

import datetime as dt

from mailtrixy_desktop.api.models import Conversation
from mailtrixy_desktop.services.changes import ChangeHub
from mailtrixy_desktop.services.commands import Commands
from mailtrixy_desktop.services.inbox import InboxService
from mailtrixy_desktop.store import conversations as store_conversations
from mailtrixy_desktop.store import inbox_state, outbox, sync_state
from mailtrixy_desktop.store.database import Store
from tests.store.factories import conversation


def with_snippet(c: Conversation, snippet: str | None, direction: str = "inbound") -> Conversation:
    preview = None if snippet is None else {"direction": direction, "snippet": snippet}
    return Conversation.model_validate({**c.model_dump(mode="json"), "last_message": preview})


def inbox(store: Store) -> InboxService:
    return InboxService(Commands(store, ChangeHub(), lambda: None))


def first_sync(store: Store, *items: Conversation) -> None:
    store_conversations.upsert_conversations(store, items)
    moment = dt.datetime.now(dt.UTC)
    sync_state.record_full_sync(store, "conversations", finished_at=moment, cursor=moment)


def test_what_the_first_sync_brought_is_read_and_what_comes_after_is_not(store: Store) -> None:
    service = inbox(store)
    first_sync(store, conversation(1, "Old news", day=1), conversation(2, "Older", day=2))
    assert service.ids(unread=True) == []  # the baseline is set on first use
    store_conversations.upsert_conversations(store, [conversation(3, "Fresh", day=5)])
    assert service.ids(unread=True) == [3]
    assert service.unread_count() == 1
    service.mark_read(3)
    assert service.ids(unread=True) == []
    # The customer writes again in a read conversation: unread again.
    store_conversations.upsert_conversations(store, [conversation(3, "Fresh", day=6)])
    assert service.rows([3])[3].unread
    service.mark_unread(1)
    assert service.ids(unread=True) == [3, 1]
    assert service.counts(unread=True)["open"] == 2


def test_our_own_last_word_does_not_make_a_conversation_unread(store: Store) -> None:
    service = inbox(store)
    first_sync(store, conversation(1, "Old", day=1))
    service.ids()
    store_conversations.upsert_conversations(
        store, [with_snippet(conversation(1, "Old", day=4), "Thanks!", "outbound")]
    )
    assert not service.rows([1])[1].unread


def test_a_list_without_snippets_keeps_the_known_one_while_the_last_message_is_the_same(
    store: Store,
) -> None:
    store_conversations.upsert_conversations(
        store, [with_snippet(conversation(1, "Hello", day=1), "Where is my order?")]
    )
    store_conversations.upsert_conversations(store, [conversation(1, "Hello", day=1)])
    assert inbox(store).rows([1])[1].last_snippet == "Where is my order?"
    store_conversations.upsert_conversations(store, [conversation(1, "Hello", day=2)])
    assert inbox(store).rows([1])[1].last_snippet is None  # a newer message we have not seen


def test_drafts_are_kept_per_conversation_and_an_empty_one_is_dropped(store: Store) -> None:
    service = inbox(store)
    store_conversations.upsert_conversations(store, [conversation(1, "A"), conversation(2, "B")])
    service.save_draft(1, {"body_html": "<p>Half a thought</p>", "cc": ["a@b.test"], "bcc": []})
    draft = service.draft(1)
    assert draft is not None
    assert draft.body_html == "<p>Half a thought</p>"
    assert draft.cc == ("a@b.test",)
    assert service.draft(2) is None
    assert service.drafted_ids() == {1}
    service.save_draft(1, {"body_html": "<p> </p>", "cc": [], "bcc": []})
    assert service.draft(1) is None


def test_a_queued_reply_taken_back_leaves_the_outbox_and_becomes_the_draft(store: Store) -> None:
    service = inbox(store)
    store_conversations.upsert_conversations(store, [conversation(1, "A")])
    service.save_draft(1, {"body_html": "<p>Hi</p>", "cc": [], "bcc": []})
    local_id = service.reply(1, {"body_html": "<p>Hi there</p>", "cc": ["x@y.test"], "bcc": []})
    assert service.draft(1) is None  # sent: the draft is gone
    entries = service.thread_entries(1)
    assert [(e.message.id, e.delivery) for e in entries] == [(local_id, "queued")]
    assert service.rows([1])[1].last_snippet == "Hi there"
    op_id = entries[0].op_id
    assert op_id is not None
    taken = service.take_back_reply(op_id)
    assert taken == (1, {"body_html": "<p>Hi there</p>", "cc": ["x@y.test"], "bcc": []})
    assert outbox.count_open(store) == 0
    assert service.thread_entries(1) == []
    draft = service.draft(1)
    assert draft is not None
    assert draft.body_html == "<p>Hi there</p>"


def test_a_refused_reply_is_marked_failed_with_its_reason(store: Store) -> None:
    service = inbox(store)
    store_conversations.upsert_conversations(store, [conversation(1, "A")])
    service.reply(1, {"body_html": "<p>Hello</p>", "cc": [], "bcc": []})
    (op,) = outbox.open_operations(store)
    gone = "The conversation is gone."
    outbox.set_state(store, op.id, outbox.OpState.NEEDS_ATTENTION, error=gone)
    (entry,) = service.thread_entries(1)
    assert entry.delivery == "failed"
    assert entry.reason == gone
    assert "Hello" in (entry.message.body_html or "")
    assert inbox_state.unread_count(store) == 0
