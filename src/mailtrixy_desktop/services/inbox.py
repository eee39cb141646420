"""The inbox façade: conversations and threads from the cache; replies and status changes
through the outbox, each remembering what the conversation looked like when it was made."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from typing import TYPE_CHECKING, Any, Literal

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.commands import iso, utc_now
from mailtrixy_desktop.store import conversations as conversation_store
from mailtrixy_desktop.store import inbox_state, local_state, outbox, sync_state
from mailtrixy_desktop.store import team as team_store
from mailtrixy_desktop.store.filters import ANY
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.store.refs import NamedRef

if TYPE_CHECKING:
    from mailtrixy_desktop.api.client import MailTrixyClient
    from mailtrixy_desktop.api.models import ConversationChanges, Reply
    from mailtrixy_desktop.services.commands import Commands
    from mailtrixy_desktop.store.conversations import ConversationRow, MessageRow

Delivery = Literal["sent", "queued", "sending", "held", "failed", "editing"]
_DELIVERY: dict[OpState, Delivery] = {
    OpState.QUEUED: "queued",
    OpState.SENDING: "sending",
    OpState.MAYBE_DELIVERED: "sending",
    OpState.HELD: "held",
    OpState.NEEDS_ATTENTION: "failed",
    OpState.EDITING: "editing",
}


@dataclass(frozen=True)
class ThreadEntry:
    """A message as the thread shows it: the server's, or one of ours not yet delivered."""

    message: MessageRow
    delivery: Delivery  # "sent": the server has it
    reason: str | None = None  # why it is held or failed, in a sentence
    op_id: int | None = None  # the outbox operation behind an undelivered reply


class InboxService:
    def __init__(
        self,
        commands: Commands,
        client: MailTrixyClient | None = None,
        *,
        me_id: int | None = None,
        me_name: str = "You",
    ) -> None:
        self._c = commands
        self._client = client
        self.me_id = me_id
        self.me_name = me_name

    # ------------------------------------------------------------------ who "me" is
    @property
    def me(self) -> NamedRef | None:
        """The token's team member (for "mine" and "You"), remembered between starts."""
        if self.me_id is None:
            known = local_state.get(self._c.store, ME_KEY)
            if isinstance(known, dict) and isinstance(known.get("id"), int):
                self.me_id, self.me_name = known["id"], str(known.get("name") or "You")
        return None if self.me_id is None else NamedRef(self.me_id, self.me_name)

    async def refresh_me(self) -> NamedRef | None:
        if self._client is not None:
            found = await self._client.team.me()
            if found.member is not None:
                self.me_id, self.me_name = found.member.id, found.member.name
            local_state.put(
                self._c.store,
                ME_KEY,
                {"id": self.me_id, "name": self.me_name, "scopes": list(found.scopes)},
            )
        return self.me

    def can_write(self) -> str | None:
        """None when replies and status changes are allowed; else the sentence saying why."""
        known = local_state.get(self._c.store, ME_KEY)
        scopes = known.get("scopes") if isinstance(known, dict) else None
        if isinstance(scopes, list) and scopes and "conversations" not in scopes:
            return QT_TRANSLATE_NOOP(
                "Inbox",
                "This workspace's token has no access to conversations, so replies and "
                "status changes are turned off. Ask an admin for a token with that scope.",
            )
        return None

    def members(self) -> list[NamedRef]:
        return [NamedRef(m.id, m.name) for m in team_store.team_members(self._c.store)]

    def labels(self) -> list[str]:
        return conversation_store.conversation_labels(self._c.store)

    # ------------------------------------------------------------------ reads
    def ids(
        self,
        *,
        status: str = "open",
        assignee: Any = ANY,
        label: str | None = None,
        search: str | None = None,
        unread: bool = False,
    ) -> list[int]:
        self._ensure_read_baseline()
        return conversation_store.conversation_ids(
            self._c.store,
            status=status,  # type: ignore[arg-type]
            assignee=assignee,
            label=label,
            search=search,
            unread=unread,
        )

    def _ensure_read_baseline(self) -> None:
        # Once the first sync of conversations is complete, what it brought counts as read.
        store = self._c.store
        if (
            not inbox_state.has_baseline(store)
            and sync_state.sync_state(store, "conversations").last_full_sync_at is not None
        ):
            inbox_state.set_baseline(store)

    def mark_read(self, conversation_id: int) -> None:
        inbox_state.mark_read(self._c.store, [conversation_id])
        self._c.announce("conversations")

    def mark_unread(self, conversation_id: int) -> None:
        inbox_state.mark_unread(self._c.store, [conversation_id])
        self._c.announce("conversations")

    def arrivals(self) -> list[ConversationRow]:
        """Conversations new since the last call that concern this person: open, and
        unassigned or assigned to them (what a desktop notification announces). Until
        the workspace's first sync is done, calls only move the mark."""
        store = self._c.store
        # Right after the first sync (this runs on every conversations change), so what
        # arrives next is unread even if the inbox has not been opened yet.
        self._ensure_read_baseline()
        mark = local_state.get(store, ARRIVALS_KEY)
        newest = conversation_store.newest_conversation_id(store)
        synced = sync_state.sync_state(store, "conversations").last_full_sync_at is not None
        # A mark made while the first sync was still bringing pages is not a baseline:
        # the pages written since (heard of later) are not news either.
        if not isinstance(mark, dict) or not mark.get("settled") or not synced:
            local_state.put(store, ARRIVALS_KEY, {"up_to": newest, "settled": synced})
            return []
        if newest <= int(mark.get("up_to", 0)):
            return []
        local_state.put(store, ARRIVALS_KEY, {"up_to": newest, "settled": True})
        since = int(mark.get("up_to", 0))
        ids = conversation_store.conversation_ids_after(store, since)
        me_id = None if self.me is None else self.me.id
        rows = conversation_store.conversations_by_id(store, ids)
        found: list[ConversationRow] = []
        for conversation_id in ids:
            row = rows.get(conversation_id)
            if row is None or row.status != "open":
                continue
            if row.assignee is None or row.assignee.id == me_id:
                found.append(row)
        return found

    def unread_count(self) -> int:
        return inbox_state.unread_count(self._c.store)

    # ------------------------------------------------------------------ drafts
    def draft(self, conversation_id: int) -> inbox_state.Draft | None:
        return inbox_state.draft(self._c.store, conversation_id)

    def save_draft(self, conversation_id: int, reply: Reply) -> None:
        """Kept as the person types; an empty reply removes the draft."""
        body = reply.get("body_html", "")
        cc, bcc = list(reply.get("cc", [])), list(reply.get("bcc", []))
        if not _plain_text(body).strip() and not cc and not bcc:
            inbox_state.delete_draft(self._c.store, conversation_id)
        else:
            inbox_state.save_draft(self._c.store, conversation_id, body, cc, bcc)

    def drafted_ids(self) -> set[int]:
        return inbox_state.drafted_ids(self._c.store)

    def delete_draft(self, conversation_id: int) -> None:
        inbox_state.delete_draft(self._c.store, conversation_id)

    def counts(self, **filters: Any) -> dict[str, int]:
        counts = conversation_store.count_conversations(self._c.store, **filters)
        return {str(status): count for status, count in counts.items()}

    def rows(self, ids: Iterable[int]) -> dict[int, ConversationRow]:
        return conversation_store.conversations_by_id(self._c.store, ids)

    def thread(self, conversation_id: int) -> list[MessageRow]:
        return conversation_store.conversation_messages(self._c.store, conversation_id)

    def thread_entries(self, conversation_id: int) -> list[ThreadEntry]:
        """The thread with each queued, held or refused reply marked as such."""
        ops = {
            op.context.get("local_message_id"): op
            for op in outbox.open_operations(self._c.store)
            if op.kind == "conversation.reply" and op.target_id == conversation_id and op.context
        }
        entries: list[ThreadEntry] = []
        for message in self.thread(conversation_id):
            op = ops.get(message.id)
            if op is None:
                # A local id without an open operation was discarded or is settling.
                delivery: Delivery = "sent" if message.id > 0 else "queued"
                entries.append(ThreadEntry(message, delivery))
            else:
                entries.append(
                    ThreadEntry(message, _DELIVERY.get(op.state, "queued"), op.last_error, op.id)
                )
        return entries

    async def load_thread(self, conversation_id: int) -> list[MessageRow]:
        """Fetch the thread from the server into the cache (opening a conversation)."""
        if self._client is None:
            return self.thread(conversation_id)
        messages = [m async for m in self._client.conversations.all_messages(conversation_id)]
        with self._c.store.transaction():
            conversation_store.upsert_messages(self._c.store, messages)
            conversation_store.remove_messages_except(
                self._c.store, conversation_id, [m.id for m in messages]
            )
            if messages:
                last = messages[-1]
                inbox_state.set_snippet(
                    self._c.store,
                    conversation_id,
                    snippet(last.body_html, last.body_text),
                    last.direction,
                )
        self._c.changes.publish({"messages", "conversations"})
        return self.thread(conversation_id)

    # ------------------------------------------------------------------ writes
    def reply(self, conversation_id: int, reply: Reply) -> int:
        """Queue a reply; it shows in the thread at once, marked pending. Returns its local id."""
        row = conversation_store.conversation(self._c.store, conversation_id)
        if row is None:
            raise KeyError(conversation_id)
        local_id = self._c.temp_id("messages")
        from mailtrixy_desktop.api.models import Message

        message = Message.model_validate(
            {
                "id": local_id,
                "conversation_id": conversation_id,
                "direction": "outbound",
                "body_html": reply["body_html"],
                "body_text": None,
                "sender": None if self.me_id is None else {"id": self.me_id, "name": self.me_name},
                "cc": reply.get("cc", []),
                "bcc": reply.get("bcc", []),
                "created_at": utc_now(),
            }
        )
        # What the person saw when writing, so a change before sending can hold it for review.
        known = [m.id for m in self.thread(conversation_id) if m.id > 0]
        context = {
            "messages_count": row.messages_count,
            "status": row.status,
            "assignee_id": row.assignee.id if row.assignee else None,
            "last_message_id": max(known) if known else None,
            "local_message_id": local_id,
        }
        with self._c.store.transaction():
            conversation_store.upsert_messages(self._c.store, [message], overwrite_pending=True)
            conversation_store.set_messages_pending(self._c.store, [local_id])
            inbox_state.set_snippet(
                self._c.store, conversation_id, snippet(reply["body_html"], None), "outbound"
            )
            inbox_state.delete_draft(self._c.store, conversation_id)
            self._c.queue(
                kind="conversation.reply",
                target_type="conversation",
                target_id=conversation_id,
                payload=dict(reply),
                context=context,
            )
        self._c.announce("conversations", "messages")
        return local_id

    def take_back_reply(self, op_id: int) -> tuple[int, Reply] | None:
        """An undelivered reply back into the composer: out of the outbox and the thread,
        into the conversation's draft (so leaving the composer loses nothing). None when
        it is on its way or already delivered."""
        store = self._c.store
        with store.transaction():
            op = outbox.get(store, op_id)
            if (
                op is None
                or op.kind != "conversation.reply"
                or op.target_id is None
                or op.state in (OpState.SENDING, OpState.DONE, OpState.MAYBE_DELIVERED)
            ):
                return None
            reply: Reply = {
                "body_html": str(op.payload.get("body_html", "")),
                "cc": list(op.payload.get("cc", [])),
                "bcc": list(op.payload.get("bcc", [])),
            }
            local_id = (op.context or {}).get("local_message_id")
            if isinstance(local_id, int):
                conversation_store.delete_messages(store, [local_id])
            outbox.discard(store, op_id)
            inbox_state.save_draft(
                store, op.target_id, reply["body_html"], reply["cc"], reply["bcc"]
            )
        self._c.announce("conversations", "messages", "outbox")
        return op.target_id, reply

    def discard_reply(self, op_id: int) -> None:
        """Discard an undelivered reply (the UI asked first): gone from thread and outbox."""
        store = self._c.store
        with store.transaction():
            op = outbox.get(store, op_id)
            if op is None or op.state in (OpState.SENDING, OpState.DONE):
                return
            local_id = (op.context or {}).get("local_message_id")
            if isinstance(local_id, int):
                conversation_store.delete_messages(store, [local_id])
            outbox.discard(store, op_id)
        self._c.announce("conversations", "messages", "outbox")

    def update(self, conversation_id: int, changes: ConversationChanges) -> None:
        """Close, reopen, snooze or assign."""
        row = conversation_store.conversation(self._c.store, conversation_id)
        if row is None:
            raise KeyError(conversation_id)
        data: dict[str, Any] = {
            "id": row.id,
            "subject": row.subject,
            "status": row.status,
            "contact": {"id": row.contact_id, "name": row.contact_name, "email": row.contact_email},
            "assignee": None
            if row.assignee is None
            else {"id": row.assignee.id, "name": row.assignee.name},
            "labels": list(row.labels),
            "messages_count": row.messages_count,
            "last_message_at": row.last_message_at,
            "created_at": row.created_at,
            "updated_at": utc_now(),
            "snoozed_until": row.snoozed_until,
        }
        if "status" in changes:
            data["status"] = changes["status"]
            if changes["status"] != "snoozed":
                data["snoozed_until"] = None
        if "snoozed_until" in changes:
            data["snoozed_until"] = changes["snoozed_until"]
        if "labels" in changes:
            data["labels"] = changes["labels"]
        if "assignee_id" in changes:
            member = next(
                (
                    m
                    for m in team_store.team_members(self._c.store)
                    if m.id == changes["assignee_id"]
                ),
                None,
            )
            data["assignee"] = None if member is None else {"id": member.id, "name": member.name}
        from mailtrixy_desktop.api.models import Conversation

        model = Conversation.model_validate(data)
        with self._c.store.transaction():
            conversation_store.upsert_conversations(self._c.store, [model], overwrite_pending=True)
            conversation_store.set_conversations_pending(self._c.store, [conversation_id])
            self._c.queue(
                kind="conversation.update",
                target_type="conversation",
                target_id=conversation_id,
                payload=dict(changes),
            )
        self._c.announce("conversations")

    def close(self, conversation_id: int) -> None:
        self.update(conversation_id, {"status": "closed"})

    def reopen(self, conversation_id: int) -> None:
        self.update(conversation_id, {"status": "open"})

    def snooze_until(self, conversation_id: int, moment: Any) -> None:
        self.update(conversation_id, {"status": "snoozed", "snoozed_until": iso(moment)})

    def snooze_until_reply(self, conversation_id: int) -> None:
        """Snoozed without a time: the server reopens it when the customer writes."""
        self.update(conversation_id, {"status": "snoozed", "snoozed_until": None})

    def assign(self, conversation_id: int, member_id: int | None) -> None:
        self.update(conversation_id, {"assignee_id": member_id})


ME_KEY = "me"
ARRIVALS_KEY = "inbox_announced_up_to"
SNIPPET_LENGTH = 160


def _plain_text(html: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", html, flags=re.I | re.S)
    text = re.sub(r"<br\s*/?>|</p\s*>|</div\s*>|</li\s*>", " ", text, flags=re.I)
    return unescape(re.sub(r"<[^>]+>", "", text))


def snippet(body_html: str | None, body_text: str | None) -> str:
    """A message in one line, for the list."""
    text = " ".join((body_text or _plain_text(body_html or "")).split())
    return text if len(text) <= SNIPPET_LENGTH else text[: SNIPPET_LENGTH - 1].rstrip() + "…"
