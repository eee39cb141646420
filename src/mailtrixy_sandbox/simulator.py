"""The living workspace: customers who write in, sends that progress, snoozes that end.

``World`` runs two background loops on the server's event loop: a fast tick
(campaign sends, expired snoozes) and, when enabled, simulated customers who
open a conversation or write again every so often. Both are also callable on
demand from the admin API.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from typing import Any

from mailtrixy_sandbox import campaigns, conversations, serializers
from mailtrixy_sandbox.config import SandboxConfig
from mailtrixy_sandbox.db import Database
from mailtrixy_sandbox.seed import FOLLOW_UPS, INBOUND_OPENERS, LABELS, PLANS, TOPICS
from mailtrixy_sandbox.webhook_delivery import WebhookDispatcher

log = logging.getLogger("mailtrixy_sandbox.world")


class World:
    def __init__(
        self, db: Database, webhooks: WebhookDispatcher, config: SandboxConfig, rng: random.Random
    ) -> None:
        self.db = db
        self.webhooks = webhooks
        self.config = config
        self.rng = rng
        self._tasks: list[asyncio.Task[None]] = []

    # ------------------------------------------------------------ on demand
    def _first_name(self, contact_id: int) -> str:
        name = self.db.scalar("SELECT name FROM contacts WHERE id = ?", (contact_id,))
        return str(name or "").split(" ")[0] or "there"

    def new_conversation(
        self, contact_id: int | None = None, assignee_id: int | None = None
    ) -> dict[str, Any] | None:
        """A customer writes about one of the seed's topics, signed with their own name."""
        if contact_id is None:
            row = self.db.one("SELECT id FROM contacts ORDER BY random() LIMIT 1")
            if row is None:
                return None
            contact_id = int(row["id"])
        rng = self.rng
        subject, question, _answer = rng.choice(TOPICS)
        values = {
            "n": rng.randint(10_000, 99_999),
            "plan": rng.choice(PLANS),
            "seats": rng.randint(3, 80),
        }
        opener = rng.choice(INBOUND_OPENERS).format(agent="there")
        text = f"{opener}\n\n{question.format(**values)}\n\nThanks,\n{self._first_name(contact_id)}"
        conversation_id = conversations.open_conversation(
            self.db,
            self.webhooks,
            contact_id=contact_id,
            subject=subject.format(**values),
            body_html=conversations.text_to_html(text),
            body_text=text,
            labels=rng.sample(LABELS, k=rng.randint(0, 2)),
            assignee_id=assignee_id,
        )
        return serializers.conversation(conversations.load(self.db, conversation_id))

    def inbound_message(self, conversation_id: int | None = None) -> dict[str, Any] | None:
        """The customer of a conversation writes again (a follow-up, signed by them)."""
        if conversation_id is None:
            row = self.db.one("SELECT id FROM conversations ORDER BY random() LIMIT 1")
            if row is None:
                return None
            conversation_id = int(row["id"])
        conversation = conversations.load(self.db, conversation_id)
        if conversation is None:
            return None
        follow_up, _reply = self.rng.choice(FOLLOW_UPS)
        agent = (conversation["assignee_name"] or "there").split(" ")[0]
        text = f"Hi {agent},\n\n{follow_up}\n\n{self._first_name(conversation['contact_id'])}"
        with self.db.transaction():
            message_id = conversations.add_message(
                self.db,
                conversation_id,
                direction="inbound",
                body_html=conversations.text_to_html(text),
                body_text=text,
            )
        return serializers.message(conversations.load_message(self.db, message_id))

    def tick(self) -> None:
        campaigns.advance(self.db, self.webhooks, self.config.campaign_send_steps)
        conversations.reopen_expired_snoozes(self.db)

    # ------------------------------------------------------------ background
    def start(self) -> None:
        self._tasks.append(asyncio.create_task(self._ticker(), name="world-tick"))
        if self.config.simulate_every_seconds > 0:
            self._tasks.append(asyncio.create_task(self._customers(), name="customers"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()

    async def _ticker(self) -> None:
        while True:
            await asyncio.sleep(self.config.campaign_tick_seconds)
            try:
                self.tick()
            except Exception:
                log.exception("world tick failed")

    async def _customers(self) -> None:
        while True:
            every = self.config.simulate_every_seconds
            await asyncio.sleep(self.rng.uniform(0.5 * every, 1.5 * every))
            try:
                if self.rng.random() < 0.5:
                    self.new_conversation()
                else:
                    self.inbound_message()
            except Exception:
                log.exception("customer simulation failed")
