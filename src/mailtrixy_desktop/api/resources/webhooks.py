"""``/webhooks``."""

from __future__ import annotations

import builtins

from mailtrixy_desktop.api.models import CreatedWebhook, Deleted, Webhook
from mailtrixy_desktop.api.resources.base import Resource


class Webhooks(Resource):
    async def list(self) -> builtins.list[Webhook]:
        return await self._list_all(Webhook, "/webhooks")

    async def create(
        self, url: str, events: builtins.list[str], *, idempotency_key: str | None = None
    ) -> CreatedWebhook:
        return await self._post(
            CreatedWebhook, "/webhooks", {"url": url, "events": events}, idempotency_key
        )

    async def delete(self, webhook_id: int) -> Deleted:
        return await self._delete(f"/webhooks/{webhook_id}")
