"""What the Outbox pane says about operations, and editing, retrying and discarding them.

A real cache file per test; operations are made by the services, as a person's
actions make them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from mailtrixy_desktop.services import outbox_view
from mailtrixy_desktop.services.admin import AdminService
from mailtrixy_desktop.services.campaigns import CampaignsService
from mailtrixy_desktop.services.changes import ChangeHub
from mailtrixy_desktop.services.commands import Commands
from mailtrixy_desktop.services.contacts import ContactsService
from mailtrixy_desktop.services.deals import DealsService
from mailtrixy_desktop.services.inbox import InboxService
from mailtrixy_desktop.store import campaigns as campaign_store
from mailtrixy_desktop.store import contacts as contact_store
from mailtrixy_desktop.store import conversations as conversation_store
from mailtrixy_desktop.store import deals as deal_store
from mailtrixy_desktop.store import outbox as outbox_store
from mailtrixy_desktop.store import tags_groups, team, webhooks
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import Operation, OpState
from mailtrixy_desktop.sync.operations import KINDS
from tests.store import factories as f


@dataclass
class World:
    store: Store
    contacts: ContactsService
    deals: DealsService
    inbox: InboxService
    campaigns: CampaignsService
    admin: AdminService

    def ops(self) -> list[Operation]:
        return outbox_store.open_operations(self.store)

    def last(self) -> Operation:
        return self.ops()[-1]

    def describe(self, op: Operation | None = None) -> str:
        return outbox_view.describe(op or self.last(), self.store)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with Store.open(tmp_path / "ws.sqlite3") as store:
        team.upsert_team_members(store, [f.member(7, "Sam Agent")])
        contact_store.upsert_contacts(
            store,
            [
                f.contact(1, "Jane Smith", "jane@acme.test"),
                f.contact(2, "Bo Li", "bo@acme.test"),
                f.contact(3, "Ann Lee", "ann@acme.test"),
            ],
        )
        conversation_store.upsert_conversations(store, [f.conversation(10, "Billing question")])
        conversation_store.upsert_messages(store, [f.message(100, 10, "Where is my invoice?")])
        deal_store.upsert_deals(
            store, [f.deal(20, "Acme renewal", "1200"), f.deal(21, "Old deal", "10")]
        )
        campaign_store.upsert_campaigns(store, [f.campaign(30, "Spring sale")])
        tags_groups.upsert_tags(store, [f.tag(40, "vip")])
        tags_groups.upsert_groups(store, [f.group(50, "VIP")])
        webhooks.upsert_webhooks(store, [f.webhook(60, "https://hooks.example.test/in")])
        commands = Commands(store, ChangeHub(), lambda: None)
        yield World(
            store,
            ContactsService(commands),
            DealsService(commands),
            InboxService(commands, me_id=7, me_name="Sam Agent"),
            CampaignsService(commands),
            AdminService(commands),
        )


# ---------------------------------------------------------------------- describing
def test_each_kind_of_operation_reads_as_a_sentence(world: World) -> None:
    w = world
    expected: list[str] = []

    w.inbox.reply(10, {"body_html": "<p>Sent today.</p>"})
    expected.append("Reply to “Billing question” (Jane Smith)")
    w.inbox.close(10)
    expected.append("Close conversation “Billing question”")
    w.inbox.update(10, {"assignee_id": 7})
    expected.append("Assign conversation “Billing question” to Sam Agent")
    w.inbox.update(10, {"status": "open", "assignee_id": None})
    expected.append("Reopen conversation “Billing question” and unassign it")
    w.deals.move([20], "proposal")
    expected.append("Move deal “Acme renewal” to Proposal")
    w.deals.update(20, {"notes": "Call back in May"})
    expected.append("Edit deal “Acme renewal”: notes")
    w.contacts.update(1, {"email": "jane@new.test", "tags": ["vip"]})
    expected.append("Edit contact Jane Smith: email, tags")
    w.contacts.create({"email": "jane@x.com"})
    expected.append("Create contact jane@x.com")
    w.contacts.create({"name": "Kim Park", "email": "kim@x.com"})
    expected.append("Create contact Kim Park (kim@x.com)")
    w.deals.create({"title": "New deal", "value": Decimal(10), "contact_id": 1})
    expected.append("Create deal “New deal”")
    w.campaigns.send_now(30)
    expected.append("Send campaign “Spring sale”")
    w.campaigns.update(30, {"subject": "Last days", "body_html": "<p>Hi</p>"})
    expected.append("Edit campaign “Spring sale”: subject, text")
    w.admin.update_tag(40, {"color": "#10B981"})
    expected.append("Recolour tag “vip”")
    w.admin.add_members(50, [1])
    expected.append("Add Jane Smith to group “VIP”")
    w.admin.remove_members(50, [2, 3])
    expected.append("Remove 2 contacts from group “VIP”")
    w.admin.delete_webhook(60)  # gone from the cache at once: known by its id
    expected.append("Delete webhook #60")
    w.contacts.delete(2)  # gone from the cache: named from what still mentions it, or by id
    expected.append("Delete contact #2")
    w.deals.delete(21)  # the cache no longer has its title
    expected.append("Delete deal #21")

    assert [w.describe(op) for op in w.ops()] == expected


def test_a_deleted_contact_is_still_named_where_the_cache_can(world: World) -> None:
    world.contacts.delete(1)  # Jane is the contact of conversation 10
    assert world.describe() == "Delete contact Jane Smith"


def test_things_created_offline_are_named_by_their_cached_rows(world: World) -> None:
    temp = world.contacts.create({"name": "Kim Park", "email": "kim@x.com"})
    assert temp < 0
    world.contacts.update(temp, {"phone": "+44 20 7946 0000"})
    assert world.describe() == "Edit contact Kim Park: phone"
    world.admin.create_group("Partners")
    group_id = world.last().target_id
    assert group_id is not None
    assert group_id < 0
    world.admin.add_members(group_id, [1, 2, 3])
    assert world.describe() == "Add 3 contacts to group “Partners”"


def test_every_kind_the_engine_sends_has_a_description(world: World) -> None:
    for kind in KINDS:
        target_type = kind.partition(".")[0]
        op = outbox_store.enqueue(
            world.store,
            kind=kind,
            target_type=target_type,
            target_id=123456,
            payload={"contact_ids": [1]} if "members" in kind else {},
        )
        text = world.describe(op)
        assert kind not in text, text
        assert text[:1].isupper(), (kind, text)


def test_an_unknown_kind_falls_back_to_a_plain_sentence(world: World) -> None:
    op = outbox_store.enqueue(
        world.store, kind="contact.merge", target_type="contact", target_id=1, payload={}
    )
    assert world.describe(op) == "Merge contact Jane Smith"
    odd = outbox_store.enqueue(
        world.store, kind="thing.poke", target_type="thing", target_id=None, payload={"x": 1}
    )
    assert world.describe(odd) == "Poke a thing"


def test_several_operations_are_summed_up_for_a_confirmation(world: World) -> None:
    world.contacts.delete_many([1, 2, 3])
    assert outbox_view.summarize(world.ops(), world.store) == "Delete 3 contacts"
    world.inbox.close(10)
    assert (
        outbox_view.summarize(world.ops(), world.store)
        == "Delete 3 contacts and Close conversation “Billing question”"
    )


def test_the_detail_lists_changed_fields_with_names_for_ids(world: World) -> None:
    world.contacts.update(1, {"company": None, "group_ids": [50], "tags": ["vip", "new"]})
    assert outbox_view.changed_fields(world.last(), world.store) == [
        ("company", "(empty)"),
        ("groups", "VIP"),
        ("tags", "vip, new"),
    ]
    world.inbox.reply(10, {"body_html": "<p>Hello</p>"})
    assert outbox_view.changed_fields(world.last(), world.store) == []


def test_what_waits_behind_a_refused_change_is_not_counted_as_sending(world: World) -> None:
    refused = world.contacts.update(1, {"name": "A"})
    world.contacts.update(1, {"name": "B"})  # waits behind the refused one
    world.contacts.update(2, {"name": "C"})
    assert outbox_view.sendable(world.ops()) == 3
    outbox_store.set_state(world.store, refused, OpState.NEEDS_ATTENTION, error="No.")
    assert outbox_view.sendable(world.ops()) == 1


def test_state_words() -> None:
    assert outbox_view.state_word(OpState.HELD) == "Held for review"
    assert outbox_view.state_word(OpState.MAYBE_DELIVERED) == "Outcome unknown"
    assert outbox_view.state_word(OpState.EDITING) == "Being edited"


# ---------------------------------------------------------------------- editing
def test_an_edit_holds_the_operation_back_and_saving_sends_the_new_payload(world: World) -> None:
    op_id = world.contacts.update(1, {"email": "bad"})
    outbox_store.set_state(
        world.store,
        op_id,
        OpState.NEEDS_ATTENTION,
        error="The email is not valid.",
        count_attempt=True,
        result={"field_errors": {"email": ["is not a valid address"]}},
    )
    before = outbox_store.get(world.store, op_id)
    assert before is not None
    assert outbox_view.field_errors(before) == {"email": ["is not a valid address"]}

    editing = outbox_view.begin_edit(world.store, op_id)
    assert editing is not None
    assert editing.state is OpState.EDITING
    assert editing.last_error == "The email is not valid."  # still shown while fixing it
    assert (editing.context or {})["edit_from"] == "needs_attention"
    assert outbox_store.next_ready(world.store, 1e12) is None  # the engine leaves it alone
    assert outbox_view.begin_edit(world.store, op_id) is not None  # carrying on is fine

    assert outbox_view.save_edit(world.store, op_id, {"email": "jane@fixed.test"})
    saved = outbox_store.get(world.store, op_id)
    assert saved is not None
    assert saved.state is OpState.QUEUED
    assert saved.payload == {"email": "jane@fixed.test"}
    assert saved.next_attempt_at == 0
    assert saved.last_error is None
    assert saved.result is None
    assert "edit_from" not in (saved.context or {})
    assert outbox_store.next_ready(world.store, 0.0) == saved
    assert not outbox_view.save_edit(world.store, op_id, {"email": "x"})  # no longer editing


def test_cancelling_an_edit_puts_it_back_where_it_was(world: World) -> None:
    world.inbox.reply(10, {"body_html": "<p>Hi</p>"})
    op = world.last()
    outbox_store.set_state(world.store, op.id, OpState.HELD, error="Held for review: …")
    assert outbox_view.begin_edit(world.store, op.id) is not None
    assert outbox_view.cancel_edit(world.store, op.id)
    back = outbox_store.get(world.store, op.id)
    assert back is not None
    assert (back.state, back.last_error) == (OpState.HELD, "Held for review: …")
    assert not outbox_view.cancel_edit(world.store, op.id)


def test_an_operation_on_the_wire_cannot_be_edited(world: World) -> None:
    op_id = world.contacts.update(1, {"name": "Jane S."})
    outbox_store.set_state(world.store, op_id, OpState.SENDING)
    assert outbox_view.begin_edit(world.store, op_id) is None
    op = outbox_store.get(world.store, op_id)
    assert op is not None
    assert not outbox_view.can_edit(op)
    world.contacts.delete(3)
    assert not outbox_view.can_edit(world.last())  # nothing to change in a delete
    world.inbox.reply(10, {"body_html": "<p>Hi</p>"})
    reply = world.last()
    assert outbox_view.can_edit(reply)
    outbox_store.set_state(world.store, reply.id, OpState.MAYBE_DELIVERED, error="Lost answer.")
    assert not outbox_view.can_edit(world.last())  # the customer may have it already


def test_an_edited_held_reply_is_not_held_again_and_the_thread_shows_the_new_text(
    world: World,
) -> None:
    local_id = world.inbox.reply(10, {"body_html": "<p>First try</p>"})
    op = world.last()
    outbox_store.set_state(world.store, op.id, OpState.HELD, error="Held for review: …")
    assert outbox_view.begin_edit(world.store, op.id) is not None
    assert outbox_view.save_edit(
        world.store, op.id, {"body_html": "<p>Second try</p>", "cc": ["boss@acme.test"]}
    )
    saved = outbox_store.get(world.store, op.id)
    assert saved is not None
    assert (saved.context or {}).get("checked") is True
    assert (saved.context or {}).get("local_message_id") == local_id
    copy = next(m for m in world.inbox.thread(10) if m.id == local_id)
    assert copy.body_html == "<p>Second try</p>"
    assert copy.cc == ("boss@acme.test",)
    assert copy.pending


def test_an_edited_queued_reply_is_checked_against_the_thread_as_now_cached(
    world: World,
) -> None:
    world.inbox.reply(10, {"body_html": "<p>Hi</p>"})
    op = world.last()
    conversation_store.upsert_messages(world.store, [f.message(101, 10, "Also this", day=2)])
    outbox_view.begin_edit(world.store, op.id)
    outbox_view.save_edit(world.store, op.id, {"body_html": "<p>Hi, both answered</p>"})
    saved = outbox_store.get(world.store, op.id)
    assert saved is not None
    assert (saved.context or {}).get("last_message_id") == 101
    assert "checked" not in (saved.context or {})


# ---------------------------------------------------------------------- retry and discard
def test_retry_puts_refused_work_back_in_the_queue_but_not_held_replies(world: World) -> None:
    refused = world.contacts.update(1, {"name": "X"})
    outbox_store.set_state(world.store, refused, OpState.NEEDS_ATTENTION, error="No.")
    waiting = world.contacts.update(2, {"name": "Y"})
    outbox_store.set_state(world.store, waiting, OpState.QUEUED, next_attempt_at=1e12)
    world.inbox.reply(10, {"body_html": "<p>Hi</p>"})
    held = world.last().id
    outbox_store.set_state(world.store, held, OpState.HELD, error="Held.")

    assert outbox_view.retry(world.store, [refused, waiting, held]) == 2
    states = {op.id: (op.state, op.next_attempt_at, op.last_error) for op in world.ops()}
    assert states[refused] == (OpState.QUEUED, 0, None)
    assert states[waiting][:2] == (OpState.QUEUED, 0)
    assert states[held][0] is OpState.HELD


def test_discarding_a_change_lets_the_server_version_back_in(world: World) -> None:
    op_id = world.contacts.update(1, {"name": "Jane Changed"})
    row = contact_store.contact(world.store, 1)
    assert row is not None
    assert row.pending

    done = outbox_view.discard(world.store, [op_id])
    assert done.count == 1
    assert done.targets == (("contact", 1),)
    assert "contacts" in done.resources
    assert world.ops() == []
    row = contact_store.contact(world.store, 1)
    assert row is not None
    assert not row.pending
    # The server's version, older than the optimistic "updated now", is written over it.
    contact_store.upsert_contacts(world.store, [f.contact(1, "Jane Smith", "jane@acme.test")])
    row = contact_store.contact(world.store, 1)
    assert row is not None
    assert row.name == "Jane Smith"


def test_discarding_one_of_two_changes_keeps_the_other_pending(world: World) -> None:
    first = world.contacts.update(1, {"name": "A"})
    world.contacts.update(1, {"phone": "1"})
    done = outbox_view.discard(world.store, [first])
    assert done.targets == ()
    row = contact_store.contact(world.store, 1)
    assert row is not None
    assert row.pending


def test_discarding_an_offline_creation_takes_its_later_changes_and_its_row(world: World) -> None:
    temp = world.contacts.create({"name": "Kim Park", "email": "kim@x.com"})
    create = world.last().id
    world.contacts.update(temp, {"phone": "1"})
    world.contacts.update(1, {"phone": "2"})  # another contact: stays
    assert [op.id for op in outbox_view.discard_plan(world.store, [create])] == [
        create,
        create + 1,
    ]
    done = outbox_view.discard(world.store, [create])
    assert done.count == 2
    assert contact_store.contact(world.store, temp) is None
    assert [op.target_id for op in world.ops()] == [1]


def test_discarding_a_reply_takes_its_queued_copy_out_of_the_thread(world: World) -> None:
    local_id = world.inbox.reply(10, {"body_html": "<p>Never mind</p>"})
    outbox_view.discard(world.store, [world.last().id])
    assert [m.id for m in world.inbox.thread(10)] == [100]
    assert local_id not in [m.id for m in world.inbox.thread(10)]
