"""Contacts in the cache: writing pages from the server, and reading rows by id.

The list endpoint and the detail endpoint send different shapes: groups and
custom fields only come with ``include=`` or from the detail view. A field the
server did not send keeps its cached value; see ``values.given``. Which ids a
view shows, filtered and sorted, is in ``contact_lists``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from mailtrixy_desktop.store.bulk import Upsert, write_rows
from mailtrixy_desktop.store.refs import NamedRef
from mailtrixy_desktop.store.tables import delete_ids, pending_among, remove_except, set_pending
from mailtrixy_desktop.store.values import (
    fold,
    from_text,
    from_text_required,
    ids_json,
    load_custom_fields,
    now,
    to_json,
    to_text,
)

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import Contact, ContactSummary, CustomValue
    from mailtrixy_desktop.store.database import Queryable, Store


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: int
    name: str
    email: str
    company: str | None
    phone: str | None
    tags: tuple[NamedRef, ...]
    groups: tuple[NamedRef, ...] | None  # None: membership not fetched yet
    custom_fields: Mapping[str, CustomValue] | None  # None: not fetched yet
    conversations_count: int | None
    last_contacted_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    pending: bool
    synced_at: dt.datetime | None


# -- writes ---------------------------------------------------------------------

_COLUMNS = (
    "id",
    "name",
    "email",
    "company",
    "phone",
    "sort_name",
    "sort_company",
    "custom_fields",
    "groups_known",
    "conversations_count",
    "last_contacted_at",
    "created_at",
    "updated_at",
    "pending",
    "synced_at",
)
# conversations_count is NULL in the list shape and set in the detail shape, so it
# also says whether last_contacted_at was sent.
_UPSERT = Upsert.of(
    "contacts",
    _COLUMNS,
    """
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name,
    email = excluded.email,
    company = excluded.company,
    phone = excluded.phone,
    sort_name = excluded.sort_name,
    sort_company = excluded.sort_company,
    custom_fields = COALESCE(excluded.custom_fields, contacts.custom_fields),
    groups_known = MAX(excluded.groups_known, contacts.groups_known),
    conversations_count = COALESCE(excluded.conversations_count, contacts.conversations_count),
    last_contacted_at = CASE WHEN excluded.conversations_count IS NULL
        THEN contacts.last_contacted_at ELSE excluded.last_contacted_at END,
    created_at = excluded.created_at,
    updated_at = excluded.updated_at,
    pending = 0,
    synced_at = excluded.synced_at
-- Only when something changes: a full re-sync then rewrites no index entries for the
-- many rows that are as they were (so synced_at says when a row last changed).
WHERE contacts.pending = 1
    -- Never an older version over a newer one: a sync page read before an edit
    -- landed may be written after the outbox stored the server's answer.
    OR COALESCE(excluded.updated_at >= contacts.updated_at, 1) AND (
       (contacts.name, contacts.email, contacts.company, contacts.phone,
        contacts.created_at, contacts.updated_at)
       IS NOT (excluded.name, excluded.email, excluded.company, excluded.phone,
               excluded.created_at, excluded.updated_at)
    OR (excluded.custom_fields IS NOT NULL
        AND excluded.custom_fields IS NOT contacts.custom_fields)
    OR excluded.groups_known > contacts.groups_known
    OR (excluded.conversations_count IS NOT NULL
        AND (contacts.conversations_count, contacts.last_contacted_at)
            IS NOT (excluded.conversations_count, excluded.last_contacted_at)))
""",
)

# A tag or group seen on a contact before (or without) its own list: a stub row
# (synced_at NULL) so the link has something to point at. A later sync of the tags
# fills it in, or removes it with its links if the server has no such tag.
_TAG_STUB = """
INSERT INTO tags (id, name) VALUES (?, ?)
ON CONFLICT (id) DO UPDATE SET name = excluded.name
WHERE tags.pending = 0 AND tags.name IS NOT excluded.name
"""
_GROUP_STUB = """
INSERT INTO contact_groups (id, name) VALUES (?, ?)
ON CONFLICT (id) DO UPDATE SET name = excluded.name
WHERE contact_groups.pending = 0 AND contact_groups.name IS NOT excluded.name
"""


def _row(item: ContactSummary, synced_at: str | None, sent: set[str]) -> tuple[Any, ...]:
    """The row in ``_COLUMNS`` order; ``sent`` is the item's ``model_fields_set``."""
    # Only a full contact (GET /contacts/{id}) has these fields; checking the class
    # would import the models on the way to the first paint.
    detail = cast("Contact", item) if hasattr(item, "conversations_count") else None
    company = item.company
    custom = item.custom_fields if "custom_fields" in sent else None
    return (
        item.id,
        item.name,
        item.email,
        company,
        item.phone,
        fold(item.name),
        None if company is None else fold(company),
        None if custom is None else to_json(custom),
        int("groups" in sent and item.groups is not None),
        detail.conversations_count if detail else None,
        to_text(detail.last_contacted_at) if detail else None,
        to_text(item.created_at),
        to_text(item.updated_at),
        0,
        synced_at,
    )


Refs = tuple[tuple[int, str], ...]  # (id, name) of tags or groups


@dataclass(frozen=True, slots=True)
class ContactRows:
    """A page of contacts as plain values, ready for ``write_contact_rows``: made
    where the page arrives, so the models can go at once (plain tuples of text and
    numbers are nothing the garbage collector has to walk)."""

    rows: list[tuple[Any, ...]]  # in _COLUMNS order
    tags: dict[int, Refs]  # contact id -> its tags, for contacts whose tags were sent
    groups: dict[int, Refs]  # contact id -> its groups, when membership was sent


def contact_rows(
    items: Iterable[ContactSummary], *, synced_at: dt.datetime | None = None
) -> ContactRows:
    stamp = to_text(synced_at or now())
    rows: list[tuple[Any, ...]] = []
    tags: dict[int, Refs] = {}
    groups: dict[int, Refs] = {}
    for item in items:
        sent = item.model_fields_set
        rows.append(_row(item, stamp, sent))
        if "tags" in sent:
            tags[item.id] = tuple((t.id, t.name) for t in item.tags)
        if "groups" in sent and item.groups is not None:
            groups[item.id] = tuple((g.id, g.name) for g in item.groups)
    return ContactRows(rows, tags, groups)


def upsert_contacts(
    store: Store,
    items: Iterable[ContactSummary],
    *,
    synced_at: dt.datetime | None = None,
    overwrite_pending: bool = False,
) -> int:
    """Write contacts as the server sent them (list or detail shape); how many were written.

    Rows with a pending local change are skipped unless ``overwrite_pending`` (the
    outbox storing the server's answer to that change, which also clears the mark).
    Joins the caller's transaction, or makes its own.
    """
    page = contact_rows(items, synced_at=synced_at)
    return write_contact_rows(store, page, overwrite_pending=overwrite_pending)


def write_contact_rows(store: Store, page: ContactRows, *, overwrite_pending: bool = False) -> int:
    """``upsert_contacts`` of a page made by ``contact_rows``."""
    rows, tags, groups = page.rows, page.tags, page.groups
    if not rows:
        return 0
    with store.transaction():
        if not overwrite_pending:
            held = pending_among(store, "contacts", (r[0] for r in rows))
            if held:
                rows = [r for r in rows if r[0] not in held]
                tags = {cid: refs for cid, refs in tags.items() if cid not in held}
                groups = {cid: refs for cid, refs in groups.items() if cid not in held}
        store.executemany(_TAG_STUB, _named(tags).items())
        store.executemany(_GROUP_STUB, _named(groups).items())
        write_rows(store, _UPSERT, rows)
        _replace_links(store, "contact_tags", tags)
        _replace_links(store, "group_members", groups)
    return len(rows)


def _named(links: Mapping[int, Refs]) -> dict[int, str]:
    return {ref_id: name for refs in links.values() for ref_id, name in refs}


_LINK_SQL = {
    # (delete the contacts' links, insert one link); fixed text per link table.
    "contact_tags": (
        "DELETE FROM contact_tags WHERE contact_id IN (SELECT value FROM json_each(?))",
        "INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) VALUES (?, ?)",
    ),
    "group_members": (
        "DELETE FROM group_members WHERE contact_id IN (SELECT value FROM json_each(?))",
        "INSERT OR IGNORE INTO group_members (contact_id, group_id) VALUES (?, ?)",
    ),
}


def _replace_links(store: Store, table: str, links: Mapping[int, Refs]) -> None:
    if not links:
        return
    delete, insert = _LINK_SQL[table]
    store.execute(delete, (ids_json(links),))
    store.executemany(insert, ((cid, ref_id) for cid, refs in links.items() for ref_id, _ in refs))


def remove_contacts_except(store: Store, keep_ids: Iterable[int]) -> int:
    """End of a full sync: drop contacts the server no longer has (pending ones stay)."""
    return remove_except(store, "contacts", keep_ids)


def delete_contacts(store: Store, ids: Iterable[int]) -> int:
    return delete_ids(store, "contacts", ids)


def set_contacts_pending(store: Store, ids: Iterable[int], pending: bool = True) -> int:
    return set_pending(store, "contacts", ids, pending)


def add_group_members(store: Store, group_id: int, contact_ids: Iterable[int]) -> int:
    """Put contacts into a group in the cache (an optimistic change, or the server's answer)."""
    with store.transaction():
        return store.execute(
            "INSERT OR IGNORE INTO group_members (contact_id, group_id) "
            "SELECT c.id, ? FROM contacts AS c WHERE c.id IN (SELECT value FROM json_each(?))",
            (group_id, ids_json(contact_ids)),
        ).rowcount


def remove_group_members(store: Store, group_id: int, contact_ids: Iterable[int]) -> int:
    with store.transaction():
        return store.execute(
            "DELETE FROM group_members WHERE group_id = ? "
            "AND contact_id IN (SELECT value FROM json_each(?))",
            (group_id, ids_json(contact_ids)),
        ).rowcount


# -- reads ----------------------------------------------------------------------

_SELECT = """
SELECT id, name, email, company, phone, custom_fields, groups_known,
       conversations_count, last_contacted_at, created_at, updated_at, pending, synced_at
FROM contacts WHERE id IN (SELECT value FROM json_each(?))
"""
_TAGS_OF = """
SELECT ct.contact_id, t.id, t.name FROM contact_tags AS ct JOIN tags AS t ON t.id = ct.tag_id
WHERE ct.contact_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE, t.id
"""
_GROUPS_OF = """
SELECT gm.contact_id, g.id, g.name FROM group_members AS gm
JOIN contact_groups AS g ON g.id = gm.group_id
WHERE gm.contact_id IN (SELECT value FROM json_each(?)) ORDER BY g.name COLLATE NOCASE, g.id
"""


def contacts_by_id(store: Queryable, ids: Iterable[int]) -> dict[int, ContactRow]:
    """The rows a view shows, with their tags and groups: three queries in all,
    however many ids. Ids not in the cache are absent from the answer."""
    wanted = ids_json(ids)
    tags: defaultdict[int, list[NamedRef]] = defaultdict(list)
    for contact_id, tag_id, tag_name in store.all(_TAGS_OF, (wanted,)):
        tags[contact_id].append(NamedRef(tag_id, tag_name))
    groups: defaultdict[int, list[NamedRef]] = defaultdict(list)
    for contact_id, group_id, group_name in store.all(_GROUPS_OF, (wanted,)):
        groups[contact_id].append(NamedRef(group_id, group_name))
    rows: dict[int, ContactRow] = {}
    for r in store.all(_SELECT, (wanted,)):
        cid = r[0]
        rows[cid] = ContactRow(
            id=cid,
            name=r[1],
            email=r[2],
            company=r[3],
            phone=r[4],
            tags=tuple(tags.get(cid, ())),
            groups=tuple(groups.get(cid, ())) if r[6] else None,
            custom_fields=load_custom_fields(r[5]),
            conversations_count=r[7],
            last_contacted_at=from_text(r[8]),
            created_at=from_text_required(r[9]),
            updated_at=from_text_required(r[10]),
            pending=bool(r[11]),
            synced_at=from_text(r[12]),
        )
    return rows


def contact(store: Queryable, contact_id: int) -> ContactRow | None:
    return contacts_by_id(store, (contact_id,)).get(contact_id)
