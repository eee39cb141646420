"""Webhooks in the cache. The secret is never written: it is shown once, at creation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mailtrixy_desktop.store.database import Queryable, Store
from mailtrixy_desktop.store.tables import delete_ids, pending_among, remove_except, set_pending
from mailtrixy_desktop.store.values import from_text, load_strings, now, to_json, to_text

if TYPE_CHECKING:  # pydantic stays off the path to the first paint
    from mailtrixy_desktop.api.models import Webhook


@dataclass(frozen=True, slots=True)
class WebhookRow:
    id: int
    url: str
    events: tuple[str, ...]
    is_active: bool
    created_at: dt.datetime | None
    pending: bool
    synced_at: dt.datetime | None


_UPSERT = """
INSERT INTO webhooks (id, url, events, is_active, created_at, pending, synced_at)
VALUES (?, ?, ?, ?, ?, 0, ?)
ON CONFLICT (id) DO UPDATE SET
    url = excluded.url, events = excluded.events, is_active = excluded.is_active,
    created_at = excluded.created_at, pending = 0, synced_at = excluded.synced_at
"""


def upsert_webhooks(
    store: Store,
    items: Iterable[Webhook],
    *,
    synced_at: dt.datetime | None = None,
    overwrite_pending: bool = False,
) -> int:
    page = list(items)
    stamp = to_text(synced_at or now())
    with store.transaction():
        if not overwrite_pending:
            held = pending_among(store, "webhooks", (w.id for w in page))
            page = [w for w in page if w.id not in held]
        store.executemany(
            _UPSERT,
            (
                (
                    w.id,
                    w.url,
                    to_json(list(w.events)),
                    int(w.is_active),
                    to_text(w.created_at),
                    stamp,
                )
                for w in page
            ),
        )
    return len(page)


def remove_webhooks_except(store: Store, keep_ids: Iterable[int]) -> int:
    return remove_except(store, "webhooks", keep_ids)


def delete_webhooks(store: Store, ids: Iterable[int]) -> int:
    return delete_ids(store, "webhooks", ids)


def set_webhooks_pending(store: Store, ids: Iterable[int], pending: bool = True) -> int:
    return set_pending(store, "webhooks", ids, pending)


def webhooks(store: Queryable) -> list[WebhookRow]:
    return [
        WebhookRow(
            r[0], r[1], load_strings(r[2]), bool(r[3]), from_text(r[4]), bool(r[5]), from_text(r[6])
        )
        for r in store.all(
            "SELECT id, url, events, is_active, created_at, pending, synced_at FROM webhooks "
            "ORDER BY url, id"
        )
    ]
