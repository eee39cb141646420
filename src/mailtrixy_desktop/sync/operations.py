"""How each kind of outbox operation is sent, and what its answer changes in the cache.

A registry, not a chain of ifs: an operation's ``kind`` names a sender (the API
call, with the operation's idempotency key on POSTs) and what to do with the
answer (write the server's version, follow a new id, drop a deleted row).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.store import campaigns, contacts, conversations, deals, tags_groups, webhooks
from mailtrixy_desktop.store import outbox as outbox_store
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import Operation

if TYPE_CHECKING:
    # Only named here: pydantic loads with the first answer parsed, after the first paint.
    from pydantic import BaseModel

    from mailtrixy_desktop.store.tables import Table

Send = Callable[[MailTrixyClient, Operation], Awaitable["BaseModel | None"]]
Apply = Callable[[Store, Operation, Any], None]
Fetch = Callable[[MailTrixyClient, int], Awaitable["BaseModel"]]


@dataclass(frozen=True)
class TargetType:
    """Cache writes and reads for one kind of target."""

    name: str
    upsert: Callable[..., int]
    delete: Callable[[Store, list[int]], int]
    fetch: Fetch | None  # the server's current version, for rolling back a refused change
    table: Table
    # Cached rows of other tables that name it (a deal's contact_id): they follow a
    # temporary id to the server's.
    referenced_by: tuple[tuple[Table, str], ...] = ()
    # A refused change whose target the server no longer has: put the cached row back
    # as the operation's ``rollback`` says (a dragged card back in its column) rather
    # than dropping it; the failed operation says why, and a full sync tidies up.
    restore: Callable[[Store, int, Mapping[str, Any]], int] | None = None


def _follow_new_id(store: Store, target: TargetType, op: Operation, server_id: int) -> None:
    """Created offline: the temporary id gives way to the server's, in the outbox and the cache."""
    assert op.target_id is not None
    temp_id = op.target_id
    outbox_store.rewrite_target(store, target.name, temp_id, server_id)
    outbox_store.rewrite_references(store, target.name, temp_id, server_id)
    table = target.table
    taken = store.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (server_id,)) is not None
    if taken or not outbox_store.has_open_after(store, target.name, server_id, op.id):
        target.delete(store, [temp_id])  # the server's version is written next
    else:
        # Later changes still wait: the row keeps its optimistic values under its new
        # id (links follow by ON UPDATE CASCADE).
        store.execute(f"UPDATE {table} SET id = ? WHERE id = ?", (server_id, temp_id))
    for other, column in target.referenced_by:
        store.execute(f"UPDATE {other} SET {column} = ? WHERE {column} = ?", (server_id, temp_id))


def _upsert(target: TargetType) -> Apply:
    def apply(store: Store, op: Operation, result: Any) -> None:
        if result is None:
            return
        with store.transaction():
            if op.target_id is not None and op.target_id < 0 and result.id != op.target_id:
                _follow_new_id(store, target, op, result.id)
            # Later changes to the same target still wait: keep their optimistic values.
            if not outbox_store.has_open_after(store, target.name, result.id, op.id):
                target.upsert(store, [result], overwrite_pending=True)

    return apply


def _deleted(target: TargetType) -> Apply:
    def apply(store: Store, op: Operation, _result: Any) -> None:
        if op.target_id is not None:
            target.delete(store, [op.target_id])

    return apply


async def _get_contact(c: MailTrixyClient, i: int) -> BaseModel:
    return await c.contacts.get(i)


async def _get_deal(c: MailTrixyClient, i: int) -> BaseModel:
    return await c.deals.get(i)


async def _get_conversation(c: MailTrixyClient, i: int) -> BaseModel:
    return await c.conversations.get(i)


async def _get_campaign(c: MailTrixyClient, i: int) -> BaseModel:
    return await c.campaigns.get(i)


async def _get_tag(c: MailTrixyClient, i: int) -> BaseModel:
    return await c.tags.get(i)


async def _get_group(c: MailTrixyClient, i: int) -> BaseModel:
    return await c.groups.get(i)


TARGETS: dict[str, TargetType] = {
    "contact": TargetType(
        "contact",
        contacts.upsert_contacts,
        contacts.delete_contacts,
        _get_contact,
        "contacts",
        referenced_by=(("deals", "contact_id"), ("conversations", "contact_id")),
    ),
    "deal": TargetType(
        "deal",
        deals.upsert_deals,
        deals.delete_deals,
        _get_deal,
        "deals",
        restore=deals.restore_stage,
    ),
    "conversation": TargetType(
        "conversation",
        conversations.upsert_conversations,
        conversations.delete_conversations,
        _get_conversation,
        "conversations",
    ),
    "campaign": TargetType(
        "campaign",
        campaigns.upsert_campaigns,
        campaigns.delete_campaigns,
        _get_campaign,
        "campaigns",
    ),
    "tag": TargetType("tag", tags_groups.upsert_tags, tags_groups.delete_tags, _get_tag, "tags"),
    "group": TargetType(
        "group",
        tags_groups.upsert_groups,
        tags_groups.delete_groups,
        _get_group,
        "contact_groups",
    ),
    "webhook": TargetType(
        "webhook", webhooks.upsert_webhooks, webhooks.delete_webhooks, None, "webhooks"
    ),
}


def _id(op: Operation) -> int:
    if op.target_id is None or op.target_id < 0:
        raise ValueError(f"operation {op.id} ({op.kind}) has no server id yet")
    return op.target_id


@dataclass(frozen=True)
class Kind:
    send: Send
    apply: Apply
    # Sent as a POST with the operation's Idempotency-Key: a resend is applied once, and
    # a 409 may only mean that an earlier attempt with the key is still running.
    keyed: bool = False


class _Crud(Protocol):
    """What the contacts, deals, campaigns, tags and groups resources have in common."""

    async def create(self, fields: Any, *, idempotency_key: str | None = None) -> Any: ...
    async def update(self, target_id: int, changes: Any) -> Any: ...
    async def delete(self, target_id: int) -> Any: ...


def _crud(resource: Callable[[MailTrixyClient], _Crud], target: TargetType) -> dict[str, Kind]:
    """create, update and delete of one resource, as outbox kinds."""

    async def create(c: MailTrixyClient, op: Operation) -> BaseModel:
        return cast(
            "BaseModel", await resource(c).create(op.payload, idempotency_key=op.idempotency_key)
        )

    async def update(c: MailTrixyClient, op: Operation) -> BaseModel:
        return cast("BaseModel", await resource(c).update(_id(op), op.payload))

    async def delete(c: MailTrixyClient, op: Operation) -> None:
        await resource(c).delete(_id(op))

    return {
        f"{target.name}.create": Kind(create, _upsert(target), keyed=True),
        f"{target.name}.update": Kind(update, _upsert(target)),
        f"{target.name}.delete": Kind(delete, _deleted(target)),
    }


def _kinds() -> dict[str, Kind]:
    t = TARGETS

    async def deal_lose(c: MailTrixyClient, op: Operation) -> BaseModel:
        # The reason joins the notes the server has now: the cache may never have seen
        # them (the list does not carry notes), and writing ours would wipe theirs. A
        # resend after a lost answer finds the line already there and adds nothing.
        current = await c.deals.get(_id(op))
        line = f"Lost: {op.payload.get('reason', '')}".strip()
        notes = current.notes or ""
        if not notes.rstrip().endswith(line):
            notes = f"{notes.rstrip()}\n{line}" if notes.strip() else line
        changes = {"stage": "lost", "notes": notes}
        return cast("BaseModel", await c.deals.update(_id(op), cast(Any, changes)))

    async def conversation_update(c: MailTrixyClient, op: Operation) -> BaseModel:
        return await c.conversations.update(_id(op), cast(Any, op.payload))

    async def conversation_reply(c: MailTrixyClient, op: Operation) -> BaseModel:
        return await c.conversations.reply(
            _id(op), cast(Any, op.payload), idempotency_key=op.idempotency_key
        )

    async def campaign_send(c: MailTrixyClient, op: Operation) -> BaseModel:
        return await c.campaigns.send(_id(op), idempotency_key=op.idempotency_key)

    async def group_add(c: MailTrixyClient, op: Operation) -> None:
        await c.groups.add_members(
            _id(op), list(op.payload["contact_ids"]), idempotency_key=op.idempotency_key
        )

    async def group_remove(c: MailTrixyClient, op: Operation) -> None:
        await c.groups.remove_members(_id(op), list(op.payload["contact_ids"]))

    async def webhook_delete(c: MailTrixyClient, op: Operation) -> None:
        await c.webhooks.delete(_id(op))

    def reply_sent(store: Store, op: Operation, result: Any) -> None:
        # The queued copy in the thread gives way to the server's message.
        with store.transaction():
            local_id = op.context.get("local_message_id") if op.context else None
            if isinstance(local_id, int):
                conversations.delete_messages(store, [local_id])
            # A message needs its conversation in the cache; without it the next
            # sync of the conversation brings the thread.
            if conversations.conversation(store, result.conversation_id) is not None:
                conversations.upsert_messages(store, [result], overwrite_pending=True)

    def nothing(_store: Store, _op: Operation, _result: Any) -> None:
        return None

    return {
        **_crud(lambda c: c.contacts, t["contact"]),
        **_crud(lambda c: c.deals, t["deal"]),
        **_crud(lambda c: c.campaigns, t["campaign"]),
        **_crud(lambda c: c.tags, t["tag"]),
        **_crud(lambda c: c.groups, t["group"]),
        "conversation.update": Kind(conversation_update, _upsert(t["conversation"])),
        "conversation.reply": Kind(conversation_reply, reply_sent, keyed=True),
        "deal.lose": Kind(deal_lose, _upsert(t["deal"])),
        "campaign.send": Kind(campaign_send, _upsert(t["campaign"]), keyed=True),
        "group.add_members": Kind(group_add, nothing, keyed=True),
        "group.remove_members": Kind(group_remove, nothing),
        "webhook.delete": Kind(webhook_delete, _deleted(t["webhook"])),
    }


KINDS: dict[str, Kind] = _kinds()
# Deleting what is already gone is done.
DELETES = frozenset(k for k in KINDS if k.endswith(".delete"))
