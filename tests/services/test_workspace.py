"""Services end to end: optimistic changes, the outbox, and the server agreeing (or not)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api

pytestmark = pytest.mark.anyio

FAST = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05, max_total=2)


@pytest.fixture
async def workspace(sandbox: SandboxProcess, tmp_path: Path) -> AsyncIterator[Workspace]:
    client = MailTrixyClient(sandbox.url, sandbox.token, retry=FAST)
    store = Store.open(tmp_path / "ws.sqlite3")
    ws = Workspace(client, store)
    ws.outbox.backoff_base = 0.01
    ws.outbox.backoff_cap = 0.05
    yield ws
    await ws.close()
    await client.aclose()
    store.close()


async def _drain(ws: Workspace) -> None:
    """Deliver until nothing is ready; backoffs here are milliseconds."""
    for _ in range(200):
        await ws.outbox.drain()
        ops = [o for o in ws.operations() if o.state in (OpState.QUEUED, OpState.SENDING)]
        if not ops:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"outbox did not drain: {ws.operations()}")


async def test_a_stage_move_shows_at_once_and_reaches_the_server_when_back_online(
    workspace: Workspace, api: Api, admin: Admin
) -> None:
    contact = api.make_contact()
    deal = api.make_deal(contact["id"], title=f"Move {uuid.uuid4().hex[:6]}")
    await workspace.pull.full_sync(["team_members", "contacts", "deals"])
    heard: list[frozenset[str]] = []
    workspace.changes.subscribe(heard.append)

    admin.faults(offline=True)
    assert workspace.deals.move([deal["id"], deal["id"]], "won") == 1
    row = workspace.deals.get(deal["id"])
    assert row is not None
    assert (row.stage, row.pending) == ("won", True)
    assert workspace.queued_count() == 1
    assert any("deals" in names for names in heard)
    await workspace.outbox.drain()  # offline: it stays queued, nothing lost
    assert workspace.queued_count() == 1

    admin.faults(offline=False)
    assert api.data(api.get(f"/deals/{deal['id']}"))["stage"] == "lead"
    await _drain(workspace)
    assert api.data(api.get(f"/deals/{deal['id']}"))["stage"] == "won"
    row = workspace.deals.get(deal["id"])
    assert row is not None
    assert (row.stage, row.pending) == ("won", False)
    assert workspace.queued_count() == 0


async def test_things_created_offline_get_their_server_ids(workspace: Workspace, api: Api) -> None:
    await workspace.pull.full_sync(["team_members", "contacts", "deals"])
    email = f"{uuid.uuid4().hex[:10]}@example.com"
    temp_contact = workspace.contacts.create({"name": "Offline Person", "email": email})
    assert temp_contact < 0
    temp_deal = workspace.deals.create(
        {"title": "Offline deal", "value": 1200, "contact_id": temp_contact}
    )
    row = workspace.deals.get(temp_deal)
    assert row is not None
    assert row.contact_name == "Offline Person"
    await _drain(workspace)
    server_contact = api.data(api.get("/contacts", params={"search": email}))[0]
    deals = api.data(api.get("/deals", params={"contact_id": server_contact["id"]}))
    assert [d["title"] for d in deals] == ["Offline deal"]
    assert workspace.contacts.get(temp_contact) is None
    assert workspace.deals.get(temp_deal) is None
    assert workspace.deals.get(deals[0]["id"]) is not None
    assert workspace.contacts.get(server_contact["id"]) is not None


async def test_a_reply_shows_queued_then_sent_exactly_once(
    workspace: Workspace, api: Api, admin: Admin
) -> None:
    contact = api.make_contact()
    conversation = admin.simulate("new_conversation", contact_id=contact["id"])
    await workspace.pull.full_sync(["conversations"])
    body = f"<p>On its way {uuid.uuid4().hex[:6]}</p>"
    local_id = workspace.inbox.reply(conversation["id"], {"body_html": body})
    thread = workspace.inbox.thread(conversation["id"])
    assert [(m.id, m.pending) for m in thread if m.body_html == body] == [(local_id, True)]
    admin.faults(drop_rate=1.0, drop_phase="after")
    await workspace.outbox.drain()  # the answer is lost; the reply took effect anyway
    admin.faults(drop_rate=0.0)
    await _drain(workspace)
    server = api.data(api.get(f"/conversations/{conversation['id']}/messages"))
    assert [m["body_html"] for m in server].count(body) == 1
    thread = workspace.inbox.thread(conversation["id"])
    sent = [m for m in thread if m.body_html == body]
    assert len(sent) == 1
    assert sent[0].id > 0
    assert not sent[0].pending


async def test_a_refused_edit_needs_attention_and_rolls_back(
    workspace: Workspace, api: Api
) -> None:
    contact = api.make_contact(name="Keeps Her Email")
    other = api.make_contact()
    await workspace.pull.full_sync(["contacts"])
    workspace.contacts.update(contact["id"], {"email": other["email"]})  # taken: a 422
    row = workspace.contacts.get(contact["id"])
    assert row is not None
    assert row.email == other["email"]  # optimistic
    await _drain(workspace)
    [op] = [o for o in workspace.operations() if o.target_id == contact["id"]]
    assert op.state is OpState.NEEDS_ATTENTION
    assert op.last_error is not None
    assert "email" in op.last_error
    row = workspace.contacts.get(contact["id"])
    assert row is not None
    assert row.email == contact["email"]  # back to what the server has
    assert not row.pending


async def test_a_reply_to_a_conversation_that_changed_is_held_for_review(
    workspace: Workspace, api: Api, admin: Admin
) -> None:
    contact = api.make_contact()
    conversation = admin.simulate("new_conversation", contact_id=contact["id"])
    await workspace.pull.full_sync(["conversations"])
    await workspace.inbox.load_thread(conversation["id"])  # the person opened it
    body = f"<p>Held {uuid.uuid4().hex[:6]}</p>"
    workspace.inbox.reply(conversation["id"], {"body_html": body})
    admin.simulate("inbound_message", conversation_id=conversation["id"])
    await workspace.outbox.drain()
    [op] = [o for o in workspace.operations() if o.target_id == conversation["id"]]
    assert op.state is OpState.HELD
    assert "customer wrote again" in (op.last_error or "")
    server = api.data(api.get(f"/conversations/{conversation['id']}/messages"))
    assert body not in [m["body_html"] for m in server]

    workspace.send_as_is(op.id)
    await _drain(workspace)
    server = api.data(api.get(f"/conversations/{conversation['id']}/messages"))
    assert [m["body_html"] for m in server].count(body) == 1
