"""The inbox façade: conversations and threads from the cache; replies and status changes
through the outbox, each remembering what the conversation looked like when it was made."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.models import Conversation, ConversationChanges, Message, Reply
from mailtrixy_desktop.services.commands import Commands, iso, utc_now
from mailtrixy_desktop.store import conversations as conversation_store
from mailtrixy_desktop.store import team as team_store
from mailtrixy_desktop.store.conversations import ConversationRow, MessageRow
from mailtrixy_desktop.store.filters import ANY


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

    # ------------------------------------------------------------------ reads
    def ids(
        self,
        *,
        status: str = "open",
        assignee: Any = ANY,
        label: str | None = None,
        search: str | None = None,
    ) -> list[int]:
        return conversation_store.conversation_ids(
            self._c.store,
            status=status,  # type: ignore[arg-type]
            assignee=assignee,
            label=label,
            search=search,
        )

    def counts(self, **filters: Any) -> dict[str, int]:
        counts = conversation_store.count_conversations(self._c.store, **filters)
        return {str(status): count for status, count in counts.items()}

    def rows(self, ids: Iterable[int]) -> dict[int, ConversationRow]:
        return conversation_store.conversations_by_id(self._c.store, ids)

    def thread(self, conversation_id: int) -> list[MessageRow]:
        return conversation_store.conversation_messages(self._c.store, conversation_id)

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
        self._c.changes.publish({"messages"})
        return self.thread(conversation_id)

    # ------------------------------------------------------------------ writes
    def reply(self, conversation_id: int, reply: Reply) -> int:
        """Queue a reply; it shows in the thread at once, marked pending. Returns its local id."""
        row = conversation_store.conversation(self._c.store, conversation_id)
        if row is None:
            raise KeyError(conversation_id)
        local_id = self._c.temp_id("messages")
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
            self._c.queue(
                kind="conversation.reply",
                target_type="conversation",
                target_id=conversation_id,
                payload=dict(reply),
                context=context,
            )
        self._c.announce("conversations", "messages")
        return local_id

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
        with self._c.store.transaction():
            conversation_store.upsert_conversations(
                self._c.store, [Conversation.model_validate(data)], overwrite_pending=True
            )
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

    def snooze_until(self, conversation_id: int, moment: Any) -> None:
        self.update(conversation_id, {"status": "snoozed", "snoozed_until": iso(moment)})
