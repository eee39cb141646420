"""Shared by every resource: typed GET/POST/PUT/DELETE with the answer parsed into a model."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.models.base import Deleted
from mailtrixy_desktop.api.pagination import MAX_PER_PAGE, Page, iterate_items, iterate_pages
from mailtrixy_desktop.api.pagination import parse_items as _parse_items
from mailtrixy_desktop.api.pagination import parse_page as _parse_page
from mailtrixy_desktop.api.session import ApiSession, Envelope

M = TypeVar("M", bound=BaseModel)


def iso(moment: dt.datetime | None) -> str | None:
    """A moment as the API wants it: ISO 8601 in UTC."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware one")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Resource:
    def __init__(self, session: ApiSession) -> None:
        self._session = session

    def _one(self, model: type[M], envelope: Envelope, method: str, path: str) -> M:
        try:
            return model.model_validate(envelope.data)
        except ValidationError as exc:
            raise errors.BadResponse(
                f"The answer to {method} {path} does not match the reference.",
                status=envelope.status,
                method=method,
                path=path,
                detail=str(exc.errors(include_url=False)[:3]),
            ) from exc

    async def _get(self, model: type[M], path: str, params: Mapping[str, Any] | None = None) -> M:
        return self._one(
            model, await self._session.request("GET", path, params=params), "GET", path
        )

    async def _post(self, model: type[M], path: str, body: object, key: str | None) -> M:
        envelope = await self._session.request("POST", path, json_body=body, idempotency_key=key)
        return self._one(model, envelope, "POST", path)

    async def _put(self, model: type[M], path: str, body: object) -> M:
        return self._one(
            model, await self._session.request("PUT", path, json_body=body), "PUT", path
        )

    async def _delete(self, path: str, body: object = None) -> Deleted:
        envelope = await self._session.request("DELETE", path, json_body=body)
        return self._one(Deleted, envelope, "DELETE", path)

    async def _list_all(
        self, model: type[M], path: str, params: Mapping[str, Any] | None = None
    ) -> list[M]:
        """An unpaginated list (tags, groups, webhooks, team members)."""
        envelope = await self._session.request("GET", path, params=params)
        items, _skipped = _parse_items(
            model, envelope.data, method="GET", path=path, status=envelope.status
        )
        return items

    async def _page(
        self,
        model: type[M],
        path: str,
        page: int,
        per_page: int,
        params: Mapping[str, Any] | None = None,
    ) -> Page[M]:
        query = {**(params or {}), "page": page, "per_page": min(per_page, MAX_PER_PAGE)}
        envelope = await self._session.request("GET", path, params=query)
        return _parse_page(model, envelope, method="GET", path=path)

    def _pages(
        self,
        model: type[M],
        path: str,
        params: Mapping[str, Any] | None = None,
        per_page: int = MAX_PER_PAGE,
    ) -> AsyncIterator[Page[M]]:
        async def fetch(number: int) -> Page[M]:
            return await self._page(model, path, number, per_page, params)

        return iterate_pages(fetch)

    def _items(
        self,
        model: type[M],
        path: str,
        params: Mapping[str, Any] | None = None,
        per_page: int = MAX_PER_PAGE,
    ) -> AsyncIterator[M]:
        async def fetch(number: int) -> Page[M]:
            return await self._page(model, path, number, per_page, params)

        return iterate_items(fetch)
