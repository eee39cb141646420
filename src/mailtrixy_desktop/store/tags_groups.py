"""Tags and contact groups in the cache, with their counts.

Each row shows two counts: the server's (as of the last sync, covering contacts
the cache may not hold) and the cache's own (which follows local changes at once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mailtrixy_desktop.store.tables import delete_ids, pending_among, remove_except, set_pending
from mailtrixy_desktop.store.values import from_text, now, to_text

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import Group, Tag
    from mailtrixy_desktop.store.database import Queryable, Store


@dataclass(frozen=True, slots=True)
class TagRow:
    id: int
    name: str
    color: str | None
    contacts_count: int  # the server's count
    cached_contacts: int  # contacts in the cache with this tag
    pending: bool
    synced_at: dt.datetime | None  # None: known only from a contact's tag list


@dataclass(frozen=True, slots=True)
class GroupRow:
    id: int
    name: str
    description: str | None
    members_count: int  # the server's count
    cached_members: int  # contacts in the cache in this group
    created_at: dt.datetime | None
    pending: bool
    synced_at: dt.datetime | None


# -- writes ---------------------------------------------------------------------

_UPSERT_TAG = """
INSERT INTO tags (id, name, color, contacts_count, pending, synced_at)
VALUES (?, ?, ?, ?, 0, ?)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, color = excluded.color, contacts_count = excluded.contacts_count,
    pending = 0, synced_at = excluded.synced_at
"""


def upsert_tags(
    store: Store,
    items: Iterable[Tag],
    *,
    synced_at: dt.datetime | None = None,
    overwrite_pending: bool = False,
) -> int:
    page = list(items)
    stamp = to_text(synced_at or now())
    with store.transaction():
        if not overwrite_pending:
            held = pending_among(store, "tags", (t.id for t in page))
            page = [t for t in page if t.id not in held]
        store.executemany(
            _UPSERT_TAG, ((t.id, t.name, t.color, t.contacts_count, stamp) for t in page)
        )
    return len(page)


def remove_tags_except(store: Store, keep_ids: Iterable[int]) -> int:
    """End of a full sync of tags; contacts lose the removed tags with them."""
    return remove_except(store, "tags", keep_ids)


def delete_tags(store: Store, ids: Iterable[int]) -> int:
    return delete_ids(store, "tags", ids)


def set_tags_pending(store: Store, ids: Iterable[int], pending: bool = True) -> int:
    return set_pending(store, "tags", ids, pending)


_UPSERT_GROUP = """
INSERT INTO contact_groups (id, name, description, members_count, created_at, pending, synced_at)
VALUES (?, ?, ?, ?, ?, 0, ?)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, description = excluded.description,
    members_count = excluded.members_count, created_at = excluded.created_at,
    pending = 0, synced_at = excluded.synced_at
"""


def upsert_groups(
    store: Store,
    items: Iterable[Group],
    *,
    synced_at: dt.datetime | None = None,
    overwrite_pending: bool = False,
) -> int:
    page = list(items)
    stamp = to_text(synced_at or now())
    with store.transaction():
        if not overwrite_pending:
            held = pending_among(store, "contact_groups", (g.id for g in page))
            page = [g for g in page if g.id not in held]
        store.executemany(
            _UPSERT_GROUP,
            (
                (g.id, g.name, g.description, g.members_count, to_text(g.created_at), stamp)
                for g in page
            ),
        )
    return len(page)


def remove_groups_except(store: Store, keep_ids: Iterable[int]) -> int:
    return remove_except(store, "contact_groups", keep_ids)


def delete_groups(store: Store, ids: Iterable[int]) -> int:
    return delete_ids(store, "contact_groups", ids)


def set_groups_pending(store: Store, ids: Iterable[int], pending: bool = True) -> int:
    return set_pending(store, "contact_groups", ids, pending)


def adjust_members_count(store: Store, group_id: int, delta: int) -> None:
    """An optimistic change to the server's member count (members added or removed here)."""
    if delta:
        store.execute(
            "UPDATE contact_groups SET members_count = max(0, members_count + ?) WHERE id = ?",
            (delta, group_id),
        )


# -- reads ----------------------------------------------------------------------


def tags(store: Queryable) -> list[TagRow]:
    """Every tag by name, with both counts (one grouped pass over the links)."""
    return [
        TagRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), from_text(r[6]))
        for r in store.all(
            """SELECT t.id, t.name, t.color, t.contacts_count, coalesce(n.cached, 0),
                      t.pending, t.synced_at
               FROM tags AS t
               LEFT JOIN (SELECT tag_id, count(*) AS cached FROM contact_tags
                          GROUP BY tag_id) AS n ON n.tag_id = t.id
               ORDER BY t.name COLLATE NOCASE, t.id"""
        )
    ]


def groups(store: Queryable) -> list[GroupRow]:
    """Every group by name, with both member counts."""
    return [
        GroupRow(r[0], r[1], r[2], r[3], r[4], from_text(r[5]), bool(r[6]), from_text(r[7]))
        for r in store.all(
            """SELECT g.id, g.name, g.description, g.members_count, coalesce(n.cached, 0),
                      g.created_at, g.pending, g.synced_at
               FROM contact_groups AS g
               LEFT JOIN (SELECT group_id, count(*) AS cached FROM group_members
                          GROUP BY group_id) AS n ON n.group_id = g.id
               ORDER BY g.name COLLATE NOCASE, g.id"""
        )
    ]


@dataclass(frozen=True, slots=True)
class TagChoice:
    id: int
    name: str
    color: str | None


def tag_choices(store: Queryable) -> list[TagChoice]:
    """Tags by name with their colours, without the counts: what pickers, filters and
    chip painting need, at the cost of one small table read."""
    return [
        TagChoice(r[0], r[1], r[2])
        for r in store.all("SELECT id, name, color FROM tags ORDER BY name COLLATE NOCASE, id")
    ]


def group_choices(store: Queryable) -> list[tuple[int, str]]:
    """(id, name) of every group by name, without the member counts."""
    return [
        (int(r[0]), str(r[1]))
        for r in store.all("SELECT id, name FROM contact_groups ORDER BY name COLLATE NOCASE, id")
    ]
