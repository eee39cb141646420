"""``/deals``."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

from mailtrixy_desktop.api.models import Deal, DealFields, Deleted
from mailtrixy_desktop.api.pagination import MAX_PER_PAGE, Page
from mailtrixy_desktop.api.resources.base import Resource, iso


class Deals(Resource):
    async def list(
        self,
        *,
        page: int = 1,
        per_page: int = MAX_PER_PAGE,
        stage: str | None = None,
        assignee_id: int | None = None,
        contact_id: int | None = None,
        updated_since: dt.datetime | None = None,
    ) -> Page[Deal]:
        return await self._page(
            Deal,
            "/deals",
            page,
            per_page,
            {
                "stage": stage,
                "assignee_id": assignee_id,
                "contact_id": contact_id,
                "updated_since": iso(updated_since),
            },
        )

    def pages(
        self, *, stage: str | None = None, updated_since: dt.datetime | None = None
    ) -> AsyncIterator[Page[Deal]]:
        return self._pages(Deal, "/deals", {"stage": stage, "updated_since": iso(updated_since)})

    async def get(self, deal_id: int) -> Deal:
        return await self._get(Deal, f"/deals/{deal_id}")

    async def create(self, fields: DealFields, *, idempotency_key: str | None = None) -> Deal:
        return await self._post(Deal, "/deals", fields, idempotency_key)

    async def update(self, deal_id: int, changes: DealFields) -> Deal:
        return await self._put(Deal, f"/deals/{deal_id}", changes)

    async def delete(self, deal_id: int) -> Deleted:
        return await self._delete(f"/deals/{deal_id}")
