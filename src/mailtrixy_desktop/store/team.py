"""Team members in the cache, for assignee pickers and filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mailtrixy_desktop.store.tables import delete_ids, remove_except, set_pending
from mailtrixy_desktop.store.values import from_text, now, to_text

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import TeamMember
    from mailtrixy_desktop.store.database import Queryable, Store


@dataclass(frozen=True, slots=True)
class TeamMemberRow:
    id: int
    name: str
    email: str | None
    role: str | None
    pending: bool
    synced_at: dt.datetime | None


_UPSERT = """
INSERT INTO team_members (id, name, email, role, pending, synced_at) VALUES (?, ?, ?, ?, 0, ?)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, email = excluded.email, role = excluded.role,
    pending = 0, synced_at = excluded.synced_at
"""


def upsert_team_members(
    store: Store, items: Iterable[TeamMember], *, synced_at: dt.datetime | None = None
) -> int:
    page = list(items)
    stamp = to_text(synced_at or now())
    with store.transaction():
        store.executemany(_UPSERT, ((m.id, m.name, m.email, m.role, stamp) for m in page))
    return len(page)


def remove_team_members_except(store: Store, keep_ids: Iterable[int]) -> int:
    return remove_except(store, "team_members", keep_ids)


def delete_team_members(store: Store, ids: Iterable[int]) -> int:
    return delete_ids(store, "team_members", ids)


def set_team_members_pending(store: Store, ids: Iterable[int], pending: bool = True) -> int:
    return set_pending(store, "team_members", ids, pending)


def team_members(store: Queryable) -> list[TeamMemberRow]:
    return [
        TeamMemberRow(r[0], r[1], r[2], r[3], bool(r[4]), from_text(r[5]))
        for r in store.all(
            "SELECT id, name, email, role, pending, synced_at FROM team_members "
            "ORDER BY name COLLATE NOCASE, id"
        )
    ]
