"""``/campaigns`` and ``/email-accounts``."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import AsyncIterator

from mailtrixy_desktop.api.models import Campaign, CampaignFields, Deleted, EmailAccount
from mailtrixy_desktop.api.pagination import MAX_PER_PAGE, Page
from mailtrixy_desktop.api.resources.base import Resource, iso


class Campaigns(Resource):
    async def list(
        self,
        *,
        page: int = 1,
        per_page: int = MAX_PER_PAGE,
        status: str | None = None,
        updated_since: dt.datetime | None = None,
    ) -> Page[Campaign]:
        return await self._page(
            Campaign,
            "/campaigns",
            page,
            per_page,
            {"status": status, "updated_since": iso(updated_since)},
        )

    def pages(
        self, *, status: str | None = None, updated_since: dt.datetime | None = None
    ) -> AsyncIterator[Page[Campaign]]:
        return self._pages(
            Campaign, "/campaigns", {"status": status, "updated_since": iso(updated_since)}
        )

    async def get(self, campaign_id: int) -> Campaign:
        return await self._get(Campaign, f"/campaigns/{campaign_id}")

    async def create(
        self, fields: CampaignFields, *, idempotency_key: str | None = None
    ) -> Campaign:
        return await self._post(Campaign, "/campaigns", fields, idempotency_key)

    async def update(self, campaign_id: int, changes: CampaignFields) -> Campaign:
        return await self._put(Campaign, f"/campaigns/{campaign_id}", changes)

    async def send(self, campaign_id: int, *, idempotency_key: str | None = None) -> Campaign:
        return await self._post(Campaign, f"/campaigns/{campaign_id}/send", None, idempotency_key)

    async def delete(self, campaign_id: int) -> Deleted:
        return await self._delete(f"/campaigns/{campaign_id}")

    async def email_accounts(self) -> builtins.list[EmailAccount]:
        return await self._list_all(EmailAccount, "/email-accounts")
