"""The outbox engine end to end against the sandbox: DESIGN.md "Writes and the outbox".

Each test queues operations the way a service does (the optimistic change in
the cache and the operation in one transaction), lets the engine deliver them,
and checks what a person or the server would notice: what the server holds,
what the cache shows, and what the outbox pane says.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import AsyncIterator, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.models import Contact, Conversation, Deal
from mailtrixy_desktop.services.admin import AdminService
from mailtrixy_desktop.services.changes import ChangeHub
from mailtrixy_desktop.services.commands import Commands
from mailtrixy_desktop.store import contacts, conversations, deals, outbox
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import Operation, OpState
from mailtrixy_desktop.sync.connectivity import Connectivity, State
from mailtrixy_desktop.sync.outbox_engine import OutboxEngine
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api
from tests.support.receiver import Receiver
from tests.sync.outbox_worker import eventually, make_client, make_engine

pytestmark = pytest.mark.anyio


# ---------------------------------------------------------------- fixtures
@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "ws.sqlite3")
    yield s
    s.close()


@pytest.fixture
async def client(sandbox: SandboxProcess) -> AsyncIterator[MailTrixyClient]:
    c = make_client(sandbox.url, sandbox.token)
    yield c
    await c.aclose()


@pytest.fixture
async def engine(client: MailTrixyClient, store: Store) -> AsyncIterator[OutboxEngine]:
    e = make_engine(client, store)
    yield e
    await e.stop()


# ---------------------------------------------------------------- helpers
def cache_contact(store: Store, data: Mapping[str, Any]) -> None:
    contacts.upsert_contacts(store, [Contact.model_validate(data)])


def cache_deal(store: Store, data: Mapping[str, Any]) -> None:
    deals.upsert_deals(store, [Deal.model_validate(data)])


def cache_conversation(store: Store, data: Mapping[str, Any]) -> None:
    conversations.upsert_conversations(store, [Conversation.model_validate(data)])


def change(
    store: Store,
    *,
    kind: str,
    target_type: str,
    target_id: int | None,
    payload: Mapping[str, Any],
    table: str | None = None,
    columns: Mapping[str, Any] | None = None,
    context: Mapping[str, Any] | None = None,
) -> Operation:
    """What a service does: the optimistic change (row marked pending) and the
    operation, in one transaction."""
    with store.transaction():
        if table is not None and target_id is not None:
            sets = "".join(f"{column} = ?, " for column in columns or {})
            store.execute(
                f"UPDATE {table} SET {sets}pending = 1 WHERE id = ?",
                (*(columns or {}).values(), target_id),
            )
        return outbox.enqueue(
            store,
            kind=kind,
            target_type=target_type,
            target_id=target_id,
            payload=payload,
            context=context,
        )


def op_now(store: Store, op: Operation) -> Operation:
    current = outbox.get(store, op.id)
    assert current is not None
    return current


def state_of(store: Store, op: Operation) -> OpState:
    return op_now(store, op).state


def new_conversation(api: Api, admin: Admin) -> dict[str, Any]:
    contact = api.make_contact(name="Customer Person")
    return admin.simulate("new_conversation", contact_id=contact["id"])


def server_messages(api: Api, conversation_id: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    page = 1
    while True:
        response = api.get(
            f"/conversations/{conversation_id}/messages", params={"page": page, "per_page": 100}
        )
        found += api.data(response)
        if page >= response.json()["meta"]["last_page"]:
            return found
        page += 1


def count_body(api: Api, conversation_id: int, token: str) -> int:
    return sum(token in (m["body_html"] or "") for m in server_messages(api, conversation_id))


def reply_context(conversation: Mapping[str, Any]) -> dict[str, Any]:
    """What the inbox service records when a reply is written."""
    assignee = conversation.get("assignee")
    return {
        "messages_count": conversation["messages_count"],
        "status": conversation["status"],
        "assignee_id": assignee["id"] if assignee else None,
    }


# ---------------------------------------------------------------- order, offline
async def test_stage_changes_queued_offline_arrive_in_order(
    api: Api,
    admin: Admin,
    receiver: Receiver,
    store: Store,
    engine: OutboxEngine,
) -> None:
    deal = api.make_deal(api.make_contact()["id"], stage="lead")
    cache_deal(store, deal)
    hook = api.data(
        api.post("/webhooks", json={"url": receiver.url, "events": ["deal.stage_changed"]}), 201
    )
    try:
        admin.faults(offline=True)
        ops = [
            change(
                store,
                kind="deal.update",
                target_type="deal",
                target_id=deal["id"],
                payload={"stage": stage},
                table="deals",
                columns={"stage": stage},
            )
            for stage in ("qualified", "proposal", "negotiation")
        ]
        engine.start()
        # The first is tried again and again; the others wait their turn behind it.
        await eventually(lambda: op_now(store, ops[0]).attempts >= 2, what="retries offline")
        assert [state_of(store, op) for op in ops[1:]] == [OpState.QUEUED] * 2
        assert all(op_now(store, op).attempts == 0 for op in ops[1:])
        optimistic = deals.deal(store, deal["id"])
        assert optimistic is not None
        assert (optimistic.stage, optimistic.pending) == ("negotiation", True)

        admin.faults(offline=False)
        await eventually(
            lambda: all(state_of(store, op) is OpState.DONE for op in ops), what="delivery"
        )
        # The server moved through each stage in the order they were made.
        changes = sorted(
            (
                d
                for d in admin.deliveries()
                if d["webhook_id"] == hook["id"] and d["payload"]["data"]["id"] == deal["id"]
            ),
            key=lambda d: d["id"],
        )
        assert [
            (d["payload"]["data"]["previous_stage"], d["payload"]["data"]["stage"]) for d in changes
        ] == [("lead", "qualified"), ("qualified", "proposal"), ("proposal", "negotiation")]
        assert api.data(api.get(f"/deals/{deal['id']}"))["stage"] == "negotiation"
        row = deals.deal(store, deal["id"])
        assert row is not None
        assert (row.stage, row.pending) == ("negotiation", False)
    finally:
        admin.faults(offline=False)
        api.delete(f"/webhooks/{hook['id']}")


# ---------------------------------------------------------------- exactly once
async def test_a_reply_whose_answers_are_lost_lands_exactly_once(
    api: Api, admin: Admin, store: Store, engine: OutboxEngine
) -> None:
    conversation = new_conversation(api, admin)
    cache_conversation(store, conversation)
    token = f"lost-answer-{uuid.uuid4().hex}"
    op = change(
        store,
        kind="conversation.reply",
        target_type="conversation",
        target_id=conversation["id"],
        payload={"body_html": f"<p>{token}</p>"},
        context=reply_context(conversation),
    )
    # Every request takes effect, and then its connection is cut before the answer.
    admin.faults(drop_rate=1.0, drop_phase="after")
    engine.start()
    await eventually(lambda: op_now(store, op).attempts >= 3, what="retries of the reply")
    assert state_of(store, op) in (OpState.QUEUED, OpState.SENDING)

    admin.faults(drop_rate=0.0, drop_phase="before")
    await eventually(lambda: state_of(store, op) is OpState.DONE, what="the reply settled")
    assert count_body(api, conversation["id"], token) == 1
    # The cache has the server's message, once.
    thread = conversations.conversation_messages(store, conversation["id"])
    assert sum(token in (m.body_html or "") for m in thread) == 1


async def test_replies_queued_together_are_not_held_for_each_other(
    api: Api, admin: Admin, store: Store, engine: OutboxEngine
) -> None:
    """Our own earlier reply raises the message count; it is not the customer writing."""
    conversation = new_conversation(api, admin)
    cache_conversation(store, conversation)
    tokens = [f"together-{i}-{uuid.uuid4().hex}" for i in range(3)]
    ops = [
        change(
            store,
            kind="conversation.reply",
            target_type="conversation",
            target_id=conversation["id"],
            payload={"body_html": f"<p>{token}</p>"},
            context=reply_context(conversation),
        )
        for token in tokens
    ]
    assert await engine.drain() == 3
    assert [state_of(store, op) for op in ops] == [OpState.DONE] * 3
    bodies = [m["body_html"] for m in server_messages(api, conversation["id"])]
    positions = [next(i for i, b in enumerate(bodies) if t in b) for t in tokens]
    assert positions == sorted(positions)
    assert all(sum(t in b for b in bodies) == 1 for t in tokens)


async def test_a_key_still_in_flight_is_asked_again_not_refused(
    sandbox: SandboxProcess, api: Api, admin: Admin, store: Store, engine: OutboxEngine
) -> None:
    """After a crash the same request may still be running on the server: its 409 is
    "wait", and the answer, once there, is the first request's."""
    contact = api.make_contact()
    title = f"In flight {uuid.uuid4().hex[:8]}"
    op = change(
        store,
        kind="deal.create",
        target_type="deal",
        target_id=-1,
        payload={"title": title, "value": 700, "contact_id": contact["id"]},
    )
    admin.faults(processing_ms=1500)
    first: dict[str, Any] = {}

    def earlier_attempt() -> None:  # the request the crashed process had sent
        with httpx.Client(
            base_url=sandbox.api_url,
            headers={"Authorization": f"Bearer {sandbox.token}"},
            timeout=30,
        ) as raw:
            response = raw.post(
                "/deals", json=op.payload, headers={"Idempotency-Key": op.idempotency_key}
            )
            first.update(response.json()["data"])

    thread = threading.Thread(target=earlier_attempt)
    thread.start()
    try:
        await eventually(
            lambda: admin.client.get("/idempotency").json()["data"]["in_flight"] > 0,
            what="the first request in flight",
        )
        assert await engine.send(op_now(store, op)) is False  # 409: not settled, not refused
        assert state_of(store, op) is not OpState.NEEDS_ATTENTION
    finally:
        thread.join()
    admin.faults(processing_ms=0)
    outbox.retry_now(store)
    await engine.drain()
    assert state_of(store, op) is OpState.DONE
    assert op_now(store, op).result == {"id": first["id"]}
    made = api.data(api.get("/deals", params={"contact_id": contact["id"], "per_page": 100}))
    assert [d["id"] for d in made if d["title"] == title] == [first["id"]]


# ---------------------------------------------------------------- refusals
async def test_a_refused_change_needs_attention_and_holds_back_only_its_target(
    api: Api, store: Store, engine: OutboxEngine
) -> None:
    alice = api.make_contact(name="Alice Example")
    bob = api.make_contact(name="Bob Example")
    cache_contact(store, alice)
    cache_contact(store, bob)
    bad = change(
        store,
        kind="contact.update",
        target_type="contact",
        target_id=alice["id"],
        payload={"email": "not-an-email"},
        table="contacts",
        columns={"email": "not-an-email"},
    )
    other = change(
        store,
        kind="contact.update",
        target_type="contact",
        target_id=bob["id"],
        payload={"company": "Beta Ltd"},
        table="contacts",
        columns={"company": "Beta Ltd"},
    )
    later = change(
        store,
        kind="contact.update",
        target_type="contact",
        target_id=alice["id"],
        payload={"company": "Alpha Ltd"},
        table="contacts",
        columns={"company": "Alpha Ltd"},
    )
    await engine.drain()

    refused = op_now(store, bad)
    assert refused.state is OpState.NEEDS_ATTENTION
    assert refused.last_error is not None
    assert "email" in refused.last_error.lower()
    # The form that made the change can show the server's words beside the field.
    assert refused.result is not None
    assert list(refused.result["field_errors"]) == ["email"]
    # Rolled back to the server's version, no longer pending.
    row = contacts.contacts_by_id(store, [alice["id"]])[alice["id"]]
    assert (row.email, row.pending) == (alice["email"], False)
    # Another contact's change went through...
    assert state_of(store, other) is OpState.DONE
    assert api.data(api.get(f"/contacts/{bob['id']}"))["company"] == "Beta Ltd"
    # ...but the later change to the same contact waits for the person.
    assert state_of(store, later) is OpState.QUEUED
    assert op_now(store, later).attempts == 0
    assert outbox.next_due_at(store) is None  # nothing for the engine to wake up for
    assert api.data(api.get(f"/contacts/{alice['id']}"))["company"] != "Alpha Ltd"

    # Discarding the refused one releases the next.
    outbox.discard(store, bad.id)
    await engine.drain()
    assert state_of(store, later) is OpState.DONE
    assert api.data(api.get(f"/contacts/{alice['id']}"))["company"] == "Alpha Ltd"


async def test_an_update_to_a_deleted_deal_needs_attention_and_leaves_the_cache(
    api: Api, store: Store, engine: OutboxEngine
) -> None:
    deal = api.make_deal(api.make_contact()["id"])
    cache_deal(store, deal)
    api.data(api.delete(f"/deals/{deal['id']}"))
    op = change(
        store,
        kind="deal.update",
        target_type="deal",
        target_id=deal["id"],
        payload={"stage": "won"},
        table="deals",
        columns={"stage": "won"},
    )
    await engine.drain()
    refused = op_now(store, op)
    assert refused.state is OpState.NEEDS_ATTENTION
    assert refused.last_error == "It no longer exists on the server."
    assert deals.deal(store, deal["id"]) is None


async def test_deleting_what_is_already_gone_is_done(
    api: Api, store: Store, engine: OutboxEngine
) -> None:
    contact = api.make_contact()
    cache_contact(store, contact)
    api.data(api.delete(f"/contacts/{contact['id']}"))
    op = change(
        store, kind="contact.delete", target_type="contact", target_id=contact["id"], payload={}
    )
    assert await engine.drain() == 1
    assert state_of(store, op) is OpState.DONE
    assert contacts.contacts_by_id(store, [contact["id"]]) == {}


# ---------------------------------------------------------------- created offline
async def test_a_deal_for_a_contact_created_offline_points_at_the_real_contact(
    api: Api, admin: Admin, store: Store, engine: OutboxEngine
) -> None:
    email = f"offline-{uuid.uuid4().hex[:10]}@example.com"
    now = dt.datetime.now(dt.UTC)
    # The services give offline creations negative ids, one sequence per table.
    with store.transaction():
        contacts.upsert_contacts(
            store,
            [Contact(id=-1, name="Offline Person", email=email, created_at=now, updated_at=now)],
        )
        contacts.set_contacts_pending(store, [-1])
        created = outbox.enqueue(
            store,
            kind="contact.create",
            target_type="contact",
            target_id=-1,
            payload={"name": "Offline Person", "email": email},
        )
    with store.transaction():
        store.execute(
            "INSERT INTO deals (id, title, value_units, currency, stage, contact_id, "
            "contact_name, contact_email, created_at, updated_at, pending) "
            "VALUES (-1, 'Offline deal', 5000000, 'USD', 'lead', -1, 'Offline Person', ?, "
            "?, ?, 1)",
            (email, now.isoformat(), now.isoformat()),
        )
        dealt = outbox.enqueue(
            store,
            kind="deal.create",
            target_type="deal",
            target_id=-1,
            payload={"title": "Offline deal", "value": 500, "contact_id": -1},
        )
    later = change(
        store,
        kind="contact.update",
        target_type="contact",
        target_id=-1,
        payload={"company": "Made Offline"},
        table="contacts",
        columns={"company": "Made Offline"},
    )

    admin.faults(offline=True)
    engine.start()
    await eventually(lambda: op_now(store, created).attempts >= 2, what="tries offline")
    # The deal names a contact that does not exist yet: it waits, unsent.
    assert op_now(store, dealt).attempts == 0
    admin.faults(offline=False)
    await eventually(
        lambda: all(state_of(store, o) is OpState.DONE for o in (created, dealt, later)),
        what="delivery",
    )

    contact_id = op_now(store, created).result["id"]  # type: ignore[index]
    deal_id = op_now(store, dealt).result["id"]  # type: ignore[index]
    assert contact_id > 0
    assert deal_id > 0
    server_deal = api.data(api.get(f"/deals/{deal_id}"))
    assert server_deal["contact"]["id"] == contact_id
    assert api.data(api.get(f"/contacts/{contact_id}"))["company"] == "Made Offline"
    for table, column in (("contacts", "id"), ("deals", "id"), ("deals", "contact_id")):
        assert store.scalar(f"SELECT COUNT(*) FROM {table} WHERE {column} < 0") == 0
    assert store.scalar("SELECT COUNT(*) FROM outbox WHERE target_id < 0") == 0
    row = deals.deal(store, deal_id)
    assert row is not None
    assert (row.contact_id, row.pending) == (contact_id, False)
    person = contacts.contacts_by_id(store, [contact_id])[contact_id]
    assert (person.email, person.company, person.pending) == (email, "Made Offline", False)


# ---------------------------------------------------------------- held replies
async def test_a_reply_is_held_when_the_customer_wrote_again(
    api: Api, admin: Admin, store: Store, engine: OutboxEngine
) -> None:
    conversation = new_conversation(api, admin)
    cache_conversation(store, conversation)
    token = f"held-{uuid.uuid4().hex}"
    op = change(
        store,
        kind="conversation.reply",
        target_type="conversation",
        target_id=conversation["id"],
        payload={"body_html": f"<p>{token}</p>"},
        context=reply_context(conversation),
    )
    admin.simulate("inbound_message", conversation_id=conversation["id"])
    await engine.drain()
    held = op_now(store, op)
    assert held.state is OpState.HELD
    assert held.last_error is not None
    assert "customer wrote again" in held.last_error
    assert count_body(api, conversation["id"], token) == 0

    # "Send as it is": the person has seen the change.
    outbox.update_context(store, op.id, {**(held.context or {}), "checked": True})
    outbox.set_state(store, op.id, OpState.QUEUED)
    await engine.drain()
    assert state_of(store, op) is OpState.DONE
    assert count_body(api, conversation["id"], token) == 1


async def test_a_customer_message_between_two_queued_replies_holds_the_second(
    api: Api, admin: Admin, store: Store, engine: OutboxEngine
) -> None:
    """The engine remembers how far it has read a thread; what comes after is still read."""
    conversation = new_conversation(api, admin)
    cache_conversation(store, conversation)
    tokens = [f"between-{i}-{uuid.uuid4().hex}" for i in range(3)]

    def reply(token: str) -> Operation:
        return change(
            store,
            kind="conversation.reply",
            target_type="conversation",
            target_id=conversation["id"],
            payload={"body_html": f"<p>{token}</p>"},
            context=reply_context(conversation),
        )

    first, second = reply(tokens[0]), reply(tokens[1])
    assert await engine.drain() == 2  # the second is checked against the first: not held
    admin.simulate("inbound_message", conversation_id=conversation["id"])
    third = reply(tokens[2])
    await engine.drain()
    assert [state_of(store, op) for op in (first, second)] == [OpState.DONE] * 2
    held = op_now(store, third)
    assert held.state is OpState.HELD
    assert "customer wrote again" in (held.last_error or "")
    assert count_body(api, conversation["id"], tokens[2]) == 0


# ---------------------------------------------------------------- auth, limits, 5xx
async def test_a_rejected_token_stops_the_engine_and_keeps_the_queue(
    sandbox: SandboxProcess, api: Api, store: Store, client: MailTrixyClient
) -> None:
    deal = api.make_deal(api.make_contact()["id"], stage="lead")
    cache_deal(store, deal)
    ops = [
        change(
            store,
            kind="deal.update",
            target_type="deal",
            target_id=deal["id"],
            payload={"stage": stage},
            table="deals",
            columns={"stage": stage},
        )
        for stage in ("qualified", "won")
    ]
    wrong = make_client(sandbox.url, "not-the-token")
    engine = make_engine(wrong, store)
    asked: list[bool] = []
    engine.on_auth_required = lambda: asked.append(True)
    engine.start()
    try:
        await eventually(lambda: bool(asked), what="the sign-in request")
        assert asked == [True]
        # Nothing was refused or dropped: both wait for a new sign-in.
        assert [state_of(store, op) for op in ops] == [OpState.QUEUED] * 2
        assert await engine.drain() == 0  # stopped: it does not keep knocking
        assert asked == [True]
    finally:
        await engine.stop()
        await wrong.aclose()
    assert api.data(api.get(f"/deals/{deal['id']}"))["stage"] == "lead"

    # Signed in again: the same queue goes out.
    fresh = make_engine(client, store)
    assert await fresh.drain() == 2
    assert api.data(api.get(f"/deals/{deal['id']}"))["stage"] == "won"


async def test_server_errors_are_retried_until_they_succeed(
    api: Api, admin: Admin, store: Store, engine: OutboxEngine
) -> None:
    deal = api.make_deal(api.make_contact()["id"], value=100)
    cache_deal(store, deal)
    ops = [
        change(
            store,
            kind="deal.update",
            target_type="deal",
            target_id=deal["id"],
            payload={"value": value},
            table="deals",
            columns={"value_units": value * 10_000},
        )
        for value in (200, 300)
    ]
    admin.faults(error_rate=1.0, error_status=500)
    engine.start()
    await eventually(lambda: op_now(store, ops[0]).attempts >= 4, what="retries of a 500")
    assert state_of(store, ops[0]) is OpState.QUEUED
    assert op_now(store, ops[1]).attempts == 0  # waits behind it, in order
    admin.faults(error_rate=0.0)
    await eventually(
        lambda: all(state_of(store, op) is OpState.DONE for op in ops), what="delivery"
    )
    assert Deal.model_validate(api.data(api.get(f"/deals/{deal['id']}"))).value == 300
    row = deals.deal(store, deal["id"])
    assert row is not None
    assert (int(row.value), row.pending) == (300, False)


async def test_rate_limited_changes_are_retried_until_they_succeed(
    api: Api, admin: Admin, store: Store, engine: OutboxEngine
) -> None:
    made = [api.make_deal(api.make_contact()["id"], stage="lead") for _ in range(4)]
    for deal in made:
        cache_deal(store, deal)
    ops = [
        change(
            store,
            kind="deal.update",
            target_type="deal",
            target_id=deal["id"],
            payload={"stage": "proposal"},
            table="deals",
            columns={"stage": "proposal"},
        )
        for deal in made
    ]
    admin.rate_limit(1, 1.0)
    try:
        engine.start()
        await eventually(
            lambda: all(state_of(store, op) is OpState.DONE for op in ops),
            what="delivery under the rate limit",
        )
    finally:
        admin.rate_limit(100000, 60)
    for deal in made:
        assert api.data(api.get(f"/deals/{deal['id']}"))["stage"] == "proposal"


# ---------------------------------------------------------------- secrets
async def test_a_webhook_secret_never_reaches_the_cache_file(
    api: Api, store: Store, receiver: Receiver, sandbox: SandboxProcess
) -> None:
    """Webhooks are created online by the admin service; the secret is shown, never kept."""
    async with MailTrixyClient(sandbox.url, sandbox.token) as client:
        service = AdminService(Commands(store, ChangeHub(), lambda: None), client)
        created = await service.create_webhook(receiver.url, ["contact.created"])
    secret = created.secret.get_secret_value()
    assert secret.startswith("whsec_")
    assert secret not in repr(created)
    assert [w.id for w in service.webhooks()] == [created.id]
    store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in Path(store.path).parent.iterdir():
        assert secret.encode() not in path.read_bytes()
    api.delete(f"/webhooks/{created.id}")


# ---------------------------------------------------------------- the store's part
def test_operations_held_back_do_not_keep_the_engine_awake() -> None:
    store = Store.in_memory()
    first = outbox.enqueue(
        store, kind="deal.update", target_type="deal", target_id=1, payload={"stage": "won"}
    )
    outbox.enqueue(
        store, kind="deal.update", target_type="deal", target_id=1, payload={"stage": "lost"}
    )
    outbox.set_state(store, first.id, OpState.NEEDS_ATTENTION, error="refused")
    assert outbox.next_ready(store, 1e12) is None
    assert outbox.next_due_at(store) is None
    waiting = outbox.enqueue(
        store, kind="deal.create", target_type="deal", target_id=-1, payload={"contact_id": -5}
    )
    assert outbox.next_ready(store, 1e12) == waiting
    creating = outbox.enqueue(
        store, kind="contact.create", target_type="contact", target_id=-7, payload={}
    )
    dependent = outbox.enqueue(
        store, kind="deal.create", target_type="deal", target_id=-2, payload={"contact_id": -7}
    )
    outbox.set_state(store, waiting.id, OpState.DONE)
    assert outbox.next_ready(store, 1e12) == creating
    outbox.set_state(store, creating.id, OpState.DONE)
    assert outbox.next_ready(store, 1e12) == dependent
    store.close()


# ---------------------------------------------------------------- robustness
async def test_an_operation_that_cannot_be_sent_does_not_stop_the_queue(
    api: Api, admin: Admin, store: Store, engine: OutboxEngine
) -> None:
    group = api.make_group()
    broken = change(
        store, kind="group.add_members", target_type="group", target_id=group["id"], payload={}
    )
    # A reply to a conversation the cache has not seen yet: delivered all the same.
    conversation = new_conversation(api, admin)
    token = f"uncached-{uuid.uuid4().hex}"
    reply = change(
        store,
        kind="conversation.reply",
        target_type="conversation",
        target_id=conversation["id"],
        payload={"body_html": f"<p>{token}</p>"},
    )
    assert await engine.drain() == 2
    stuck = op_now(store, broken)
    assert stuck.state is OpState.NEEDS_ATTENTION
    assert stuck.last_error is not None
    assert state_of(store, reply) is OpState.DONE
    assert count_body(api, conversation["id"], token) == 1


async def test_coming_back_online_ends_the_backoff(store: Store, client: MailTrixyClient) -> None:
    async def unreachable() -> None:
        raise errors.Unreachable("no route")

    connectivity = Connectivity(unreachable, first_pause=60)
    engine = OutboxEngine(client, store, connectivity=connectivity, backoff_cap=300)
    op = outbox.enqueue(
        store, kind="deal.update", target_type="deal", target_id=1, payload={"stage": "won"}
    )
    later = 1e12
    outbox.set_state(store, op.id, OpState.QUEUED, next_attempt_at=later)  # a long backoff
    try:
        connectivity.record_failure(errors.Unreachable("no route"))
        assert connectivity.state is State.OFFLINE
        assert outbox.next_ready(store, engine.clock()) is None
        connectivity.record_success()
        ready = outbox.next_ready(store, engine.clock())
        assert ready is not None
        assert ready.id == op.id
        # "Retry now" does the same for one operation.
        outbox.set_state(store, op.id, OpState.QUEUED, next_attempt_at=later)
        engine.retry_now(op.id)
        assert outbox.next_ready(store, engine.clock()) is not None
    finally:
        await connectivity.close()
