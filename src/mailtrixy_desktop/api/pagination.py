"""Paginated lists: one page as a value, and async iteration over pages and items."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from mailtrixy_desktop.api import errors

if TYPE_CHECKING:
    # pydantic loads with the first page parsed, not on the way to the first paint.
    from pydantic import BaseModel, TypeAdapter

    from mailtrixy_desktop.api.models.base import PageMeta
    from mailtrixy_desktop.api.session import Envelope

T = TypeVar("T", bound="BaseModel")
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class Skipped:
    """An item of a page that did not match the model: reported, not fatal."""

    item_id: int | None
    reason: str


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    meta: PageMeta
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def has_more(self) -> bool:
        return self.meta.current_page < self.meta.last_page


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    from pydantic import TypeAdapter

    return TypeAdapter(list[model])  # type: ignore[valid-type]


def parse_items(
    model: type[T], data: Any, *, method: str, path: str, status: int
) -> tuple[list[T], list[Skipped]]:
    from pydantic import ValidationError

    if not isinstance(data, list):
        raise errors.BadResponse(
            f"The list from {path} is not an array.",
            status=status,
            method=method,
            path=path,
            snippet=repr(data)[:200],
        )
    try:
        # The whole list in one call when every item is good (nearly always): about a
        # fifth cheaper than item by item, which a full sync does 100,000 times.
        return _list_adapter(model).validate_python(data), []
    except ValidationError:
        pass  # find which items are bad, and keep the others
    items: list[T] = []
    skipped: list[Skipped] = []
    for raw in data:
        try:
            items.append(model.model_validate(raw))
        except ValidationError as exc:
            item_id = raw.get("id") if isinstance(raw, dict) else None
            skipped.append(
                Skipped(
                    item_id if isinstance(item_id, int) else None,
                    exc.errors(include_url=False)[0]["msg"] if exc.errors() else str(exc),
                )
            )
    return items, skipped


def parse_page(model: type[T], envelope: Envelope, *, method: str, path: str) -> Page[T]:
    from pydantic import ValidationError

    from mailtrixy_desktop.api.models.base import PageMeta

    items, skipped = parse_items(
        model, envelope.data, method=method, path=path, status=envelope.status
    )
    try:
        meta = PageMeta.model_validate(envelope.meta)
    except ValidationError as exc:
        raise errors.BadResponse(
            f"The list from {path} has no valid pagination meta.",
            status=envelope.status,
            method=method,
            path=path,
            detail=str(exc),
        ) from exc
    return Page(items, meta, skipped)


async def iterate_pages(fetch: Callable[[int], Awaitable[Page[T]]]) -> AsyncIterator[Page[T]]:
    """Pages one after another, until the last."""
    number = 1
    while True:
        page = await fetch(number)
        yield page
        if not page.has_more or (not page.items and not page.skipped):
            return
        number += 1


async def iterate_items(fetch: Callable[[int], Awaitable[Page[T]]]) -> AsyncIterator[T]:
    async for page in iterate_pages(fetch):
        for item in page.items:
            yield item
