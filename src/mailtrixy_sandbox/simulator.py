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
from mailtrixy_sandbox.seed import INBOUND_BODIES, INBOUND_OPENERS, LABELS, PLANS, SUBJECTS
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
    def _text(self) -> str:
        rng = self.rng
        opener = rng.choice(INBOUND_OPENERS).format(agent="there")
        body = rng.choice(INBOUND_BODIES).format(
            plan=rng.choice(PLANS), seats=rng.randint(3, 80), n=rng.randint(10_000, 99_999)
        )
        return f"{opener}\n\n{body}"

    def new_conversation(
        self, contact_id: int | None = None, assignee_id: int | None = None
    ) -> dict[str, Any] | None:
        if contact_id is None:
            row = self.db.one("SELECT id FROM contacts ORDER BY random() LIMIT 1")
            if row is None:
                return None
            contact_id = int(row["id"])
        text = self._text()
        subject = self.rng.choice(SUBJECTS).format(
            n=self.rng.randint(1000, 99999),
            plan=self.rng.choice(PLANS),
            seats=self.rng.randint(5, 200),
        )
        conversation_id = conversations.open_conversation(
            self.db,
            self.webhooks,
            contact_id=contact_id,
            subject=subject,
            body_html=conversations.text_to_html(text),
            body_text=text,
            labels=self.rng.sample(LABELS, k=self.rng.randint(0, 2)),
            assignee_id=assignee_id,
        )
        return serializers.conversation(conversations.load(self.db, conversation_id))

    def inbound_message(self, conversation_id: int | None = None) -> dict[str, Any] | None:
        if conversation_id is None:
            row = self.db.one("SELECT id FROM conversations ORDER BY random() LIMIT 1")
            if row is None:
                return None
            conversation_id = int(row["id"])
        if conversations.load(self.db, conversation_id) is None:
            return None
        text = self._text()
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
