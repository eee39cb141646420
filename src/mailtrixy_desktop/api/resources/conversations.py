"""``/conversations``, their messages and replies."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

from mailtrixy_desktop.api.models import Conversation, ConversationChanges, Message, Reply
from mailtrixy_desktop.api.pagination import MAX_PER_PAGE, Page
from mailtrixy_desktop.api.resources.base import Resource, iso


class Conversations(Resource):
    @staticmethod
    def _filters(
        status: str,
        assignee_id: int | None,
        contact_id: int | None,
        label: str | None,
        updated_since: dt.datetime | None,
        include: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        return {
            "status": status,
            "assignee_id": assignee_id,
            "contact_id": contact_id,
            "label": label,
            "updated_since": iso(updated_since),
            "include": ",".join(include) if include else None,
        }

    async def list(
        self,
        *,
        page: int = 1,
        per_page: int = MAX_PER_PAGE,
        status: str = "all",
        assignee_id: int | None = None,
        contact_id: int | None = None,
        label: str | None = None,
        updated_since: dt.datetime | None = None,
        include: tuple[str, ...] = (),
    ) -> Page[Conversation]:
        """``include=("last_message",)`` asks for each one's last message in brief (a
        sandbox extension; other servers leave ``last_message`` out)."""
        return await self._page(
            Conversation,
            "/conversations",
            page,
            per_page,
            self._filters(status, assignee_id, contact_id, label, updated_since, include),
        )

    def pages(
        self,
        *,
        status: str = "all",
        assignee_id: int | None = None,
        contact_id: int | None = None,
        label: str | None = None,
        updated_since: dt.datetime | None = None,
    ) -> AsyncIterator[Page[Conversation]]:
        return self._pages(
            Conversation,
            "/conversations",
            self._filters(status, assignee_id, contact_id, label, updated_since),
        )

    async def get(self, conversation_id: int) -> Conversation:
        return await self._get(Conversation, f"/conversations/{conversation_id}")

    async def update(self, conversation_id: int, changes: ConversationChanges) -> Conversation:
        return await self._put(Conversation, f"/conversations/{conversation_id}", changes)

    async def messages(
        self, conversation_id: int, *, page: int = 1, per_page: int = MAX_PER_PAGE
    ) -> Page[Message]:
        return await self._page(
            Message, f"/conversations/{conversation_id}/messages", page, per_page
        )

    def all_messages(
        self, conversation_id: int, *, since: dt.datetime | None = None
    ) -> AsyncIterator[Message]:
        """The thread, oldest first; with ``since``, a server that supports it sends only
        newer messages (one that does not sends all, which is still correct)."""
        return self._items(
            Message,
            f"/conversations/{conversation_id}/messages",
            {"updated_since": iso(since)} if since is not None else None,
        )

    async def reply(
        self, conversation_id: int, reply: Reply, *, idempotency_key: str | None = None
    ) -> Message:
        return await self._post(
            Message, f"/conversations/{conversation_id}/reply", reply, idempotency_key
        )
