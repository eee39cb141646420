"""The typed client against the real sandbox over loopback HTTP."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin

pytestmark = pytest.mark.anyio

FAST_RETRY = RetryPolicy(max_attempts=4, base_delay=0.05, max_delay=0.5, max_total=10)


@pytest.fixture
async def client(sandbox: SandboxProcess) -> AsyncIterator[MailTrixyClient]:
    async with MailTrixyClient(sandbox.url, sandbox.token, retry=FAST_RETRY) as c:
        yield c


def _email() -> str:
    return f"{uuid.uuid4().hex[:10]}@example.com"


async def test_contacts_round_trip(client: MailTrixyClient) -> None:
    group = await client.groups.create({"name": f"VIP {uuid.uuid4().hex[:6]}"})
    created = await client.contacts.create({
        "name": "Jane Smith", "email": _email(), "company": "Acme Corp", "tags": ["lead"],
        "group_ids": [group.id], "custom_fields": {"department": "Engineering"}})
    assert [t.name for t in created.tags] == ["lead"]
    assert created.groups is not None
    assert [g.id for g in created.groups] == [group.id]
    updated = await client.contacts.update(created.id, {"custom_fields": {"deal_value": 5}})
    assert updated.custom_fields == {"department": "Engineering", "deal_value": 5}
    page = await client.contacts.list(search=created.email)
    assert [c.id for c in page.items] == [created.id]
    members = await client.groups.members(group.id)
    assert [c.id for c in members.items] == [created.id]
    await client.contacts.delete(created.id)
    with pytest.raises(errors.NotFound):
        await client.contacts.get(created.id)


async def test_validation_errors_name_their_fields(client: MailTrixyClient) -> None:
    with pytest.raises(errors.ValidationFailed) as caught:
        await client.contacts.create({"name": "", "email": "not-an-address"})
    assert caught.value.for_field("name")
    assert caught.value.for_field("email")


async def test_deals_keep_money_exact(client: MailTrixyClient) -> None:
    contact = await client.contacts.create({"name": "Buyer", "email": _email()})
    deal = await client.deals.create({"title": "Plan", "value": Decimal("1234.50"),
                                      "currency": "EUR", "contact_id": contact.id})
    assert deal.value == Decimal("1234.5")
    moved = await client.deals.update(deal.id, {"stage": "won"})
    assert moved.stage == "won"
    assert moved.value == deal.value


async def test_conversations_thread_and_reply(client: MailTrixyClient, admin: Admin) -> None:
    contact = await client.contacts.create({"name": "Customer", "email": _email()})
    conversation_id = admin.simulate("new_conversation", contact_id=contact.id)["id"]
    reply = await client.conversations.reply(conversation_id,
                                             {"body_html": "<p>Hi!</p>", "cc": [_email()]})
    assert reply.direction == "outbound"
    thread = [m async for m in client.conversations.all_messages(conversation_id)]
    assert [m.direction for m in thread] == ["inbound", "outbound"]
    closed = await client.conversations.update(conversation_id, {"status": "closed"})
    assert closed.status == "closed"


async def test_a_lost_answer_is_retried_with_its_key_and_lands_once(
        client: MailTrixyClient, admin: Admin) -> None:
    contact = await client.contacts.create({"name": "Once", "email": _email()})
    conversation_id = admin.simulate("new_conversation", contact_id=contact.id)["id"]
    admin.faults(drop_rate=0.5, drop_phase="after")
    body = f"<p>exactly once {uuid.uuid4()}</p>"
    for _ in range(3):  # with half the answers lost, some attempts surely need the key
        try:
            await client.conversations.reply(conversation_id, {"body_html": body},
                                             idempotency_key=f"reply-{conversation_id}")
            break
        except errors.OutcomeUnknown:
            continue
    admin.faults(drop_rate=0.0)
    thread = [m async for m in client.conversations.all_messages(conversation_id)]
    assert [m.body_html for m in thread].count(body) == 1


async def test_rate_limits_are_waited_out(client: MailTrixyClient, admin: Admin) -> None:
    admin.rate_limit(limit=2, window_seconds=1)
    for _ in range(5):
        assert await client.team.members()


async def test_offline_is_reported_as_a_network_error(client: MailTrixyClient,
                                                      admin: Admin) -> None:
    admin.faults(offline=True)
    with pytest.raises(errors.NetworkError):
        await client.tags.list()


async def test_scopes_and_tokens(sandbox: SandboxProcess) -> None:
    async with MailTrixyClient(sandbox.url, "deals-only-token", retry=FAST_RETRY) as limited:
        me = await limited.team.me()
        assert me.scopes == ("deals",)
        with pytest.raises(errors.Forbidden) as caught:
            await limited.contacts.list()
        assert caught.value.scope == "contacts"
    async with MailTrixyClient(sandbox.url, "wrong-token", retry=FAST_RETRY) as wrong:
        with pytest.raises(errors.Unauthenticated):
            await wrong.tags.list()


async def test_a_whole_session_logs_nothing_that_contains_the_token(
        sandbox: SandboxProcess, admin: Admin, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with MailTrixyClient(sandbox.url, sandbox.token, retry=FAST_RETRY) as client:
        await client.contacts.list(search="x")
        await client.tags.create({"name": f"log-{uuid.uuid4().hex[:6]}"})
        admin.faults(error_rate=1.0, error_status=503)
        with pytest.raises(errors.ServerError):
            await client.tags.list()
        admin.faults(error_rate=0.0)
        with pytest.raises(errors.NotFound) as caught:
            await client.deals.get(987654321)
    messages = [r.getMessage() for r in caplog.records]
    assert any("/tags" in m for m in messages)
    assert all(sandbox.token not in m for m in messages)
    assert sandbox.token not in str(caught.value)
