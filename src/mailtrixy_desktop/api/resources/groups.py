"""``/contact-groups`` and their members."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator

from mailtrixy_desktop.api.models import (
    ContactSummary,
    Deleted,
    Group,
    GroupFields,
    MembersAdded,
    MembersRemoved,
)
from mailtrixy_desktop.api.pagination import MAX_PER_PAGE, Page
from mailtrixy_desktop.api.resources.base import Resource


class Groups(Resource):
    async def list(self) -> builtins.list[Group]:
        return await self._list_all(Group, "/contact-groups")

    async def get(self, group_id: int) -> Group:
        return await self._get(Group, f"/contact-groups/{group_id}")

    async def create(self, fields: GroupFields, *, idempotency_key: str | None = None) -> Group:
        return await self._post(Group, "/contact-groups", fields, idempotency_key)

    async def update(self, group_id: int, changes: GroupFields) -> Group:
        return await self._put(Group, f"/contact-groups/{group_id}", changes)

    async def delete(self, group_id: int) -> Deleted:
        return await self._delete(f"/contact-groups/{group_id}")

    async def members(
        self, group_id: int, *, page: int = 1, per_page: int = MAX_PER_PAGE
    ) -> Page[ContactSummary]:
        return await self._page(
            ContactSummary, f"/contact-groups/{group_id}/members", page, per_page
        )

    def member_pages(self, group_id: int) -> AsyncIterator[Page[ContactSummary]]:
        return self._pages(ContactSummary, f"/contact-groups/{group_id}/members")

    async def add_members(
        self, group_id: int, contact_ids: builtins.list[int], *, idempotency_key: str | None = None
    ) -> MembersAdded:
        return await self._post(
            MembersAdded,
            f"/contact-groups/{group_id}/members",
            {"contact_ids": contact_ids},
            idempotency_key,
        )

    async def remove_members(
        self, group_id: int, contact_ids: builtins.list[int]
    ) -> MembersRemoved:
        path = f"/contact-groups/{group_id}/members"
        envelope = await self._session.request(
            "DELETE", path, json_body={"contact_ids": contact_ids}
        )
        return self._one(MembersRemoved, envelope, "DELETE", path)
