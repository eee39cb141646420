"""``/contacts``."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

from mailtrixy_desktop.api.models import Contact, ContactFields, ContactSummary, Deleted
from mailtrixy_desktop.api.pagination import MAX_PER_PAGE, Page
from mailtrixy_desktop.api.resources.base import Resource, iso


class Contacts(Resource):
    @staticmethod
    def _filters(
        search: str | None,
        tag: str | None,
        group_id: int | None,
        updated_since: dt.datetime | None,
        include: tuple[str, ...],
    ) -> dict[str, Any]:
        return {
            "search": search,
            "tag": tag,
            "group_id": group_id,
            "updated_since": iso(updated_since),
            "include": ",".join(include) if include else None,
        }

    async def list(
        self,
        *,
        page: int = 1,
        per_page: int = MAX_PER_PAGE,
        search: str | None = None,
        tag: str | None = None,
        group_id: int | None = None,
        updated_since: dt.datetime | None = None,
        include: tuple[str, ...] = (),
    ) -> Page[ContactSummary]:
        return await self._page(
            ContactSummary,
            "/contacts",
            page,
            per_page,
            self._filters(search, tag, group_id, updated_since, include),
        )

    def pages(
        self,
        *,
        search: str | None = None,
        tag: str | None = None,
        group_id: int | None = None,
        updated_since: dt.datetime | None = None,
        include: tuple[str, ...] = (),
    ) -> AsyncIterator[Page[ContactSummary]]:
        return self._pages(
            ContactSummary,
            "/contacts",
            self._filters(search, tag, group_id, updated_since, include),
        )

    def iterate(
        self, *, search: str | None = None, tag: str | None = None, group_id: int | None = None
    ) -> AsyncIterator[ContactSummary]:
        return self._items(
            ContactSummary, "/contacts", self._filters(search, tag, group_id, None, ())
        )

    async def get(self, contact_id: int) -> Contact:
        return await self._get(Contact, f"/contacts/{contact_id}")

    async def create(self, fields: ContactFields, *, idempotency_key: str | None = None) -> Contact:
        return await self._post(Contact, "/contacts", fields, idempotency_key)

    async def update(self, contact_id: int, changes: ContactFields) -> Contact:
        return await self._put(Contact, f"/contacts/{contact_id}", changes)

    async def delete(self, contact_id: int) -> Deleted:
        return await self._delete(f"/contacts/{contact_id}")
