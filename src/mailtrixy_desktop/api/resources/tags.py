"""``/tags``."""

from __future__ import annotations

from mailtrixy_desktop.api.models import Deleted, Tag, TagFields
from mailtrixy_desktop.api.resources.base import Resource


class Tags(Resource):
    async def list(self) -> list[Tag]:
        return await self._list_all(Tag, "/tags")

    async def get(self, tag_id: int) -> Tag:
        return await self._get(Tag, f"/tags/{tag_id}")

    async def create(self, fields: TagFields, *, idempotency_key: str | None = None) -> Tag:
        return await self._post(Tag, "/tags", fields, idempotency_key)

    async def update(self, tag_id: int, changes: TagFields) -> Tag:
        return await self._put(Tag, f"/tags/{tag_id}", changes)

    async def delete(self, tag_id: int) -> Deleted:
        return await self._delete(f"/tags/{tag_id}")
