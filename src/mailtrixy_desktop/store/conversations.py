"""Conversations and their messages in the cache, and the inbox's queries.

The inbox lists newest activity first (the last message, else the creation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, get_args

from mailtrixy_desktop.api.models import ConversationStatus
from mailtrixy_desktop.store.bulk import Upsert, write_rows
from mailtrixy_desktop.store.filters import ANY, assignee_clause, where
from mailtrixy_desktop.store.inbox_state import READS_JOIN, UNREAD_SQL
from mailtrixy_desktop.store.refs import NamedRef
from mailtrixy_desktop.store.search import fts_query
from mailtrixy_desktop.store.tables import delete_ids, pending_among, remove_except, set_pending
from mailtrixy_desktop.store.values import (
    from_text,
    from_text_required,
    ids_json,
    load_ids,
    load_strings,
    now,
    to_json,
    to_text,
)

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import Conversation, Message
    from mailtrixy_desktop.store.database import Queryable, Store
    from mailtrixy_desktop.store.filters import AssigneeFilter

StatusFilter = Literal["open", "snoozed", "closed", "all"]
STATUSES: tuple[ConversationStatus, ...] = get_args(ConversationStatus)


@dataclass(frozen=True, slots=True)
class ConversationRow:
    id: int
    subject: str
    status: ConversationStatus
    contact_id: int
    contact_name: str
    contact_email: str
    assignee: NamedRef | None
    labels: tuple[str, ...]
    messages_count: int
    last_message_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime | None
    snoozed_until: dt.datetime | None
    pending: bool
    synced_at: dt.datetime | None
    last_snippet: str | None = None  # the last message in brief, when known
    last_direction: Literal["inbound", "outbound"] | None = None
    unread: bool = False


@dataclass(frozen=True, slots=True)
class MessageRow:
    id: int
    conversation_id: int
    direction: Literal["inbound", "outbound"]
    body_html: str | None
    body_text: str | None
    sender: NamedRef | None
    sender_email: str | None
    cc: tuple[str, ...]
    bcc: tuple[str, ...]
    created_at: dt.datetime
    pending: bool
    synced_at: dt.datetime | None


# -- writes ---------------------------------------------------------------------

_COLUMNS = (
    "id",
    "subject",
    "status",
    "contact_id",
    "contact_name",
    "contact_email",
    "assignee_id",
    "assignee_name",
    "labels",
    "messages_count",
    "last_message_at",
    "activity_at",
    "created_at",
    "updated_at",
    "snoozed_until",
    "last_snippet",
    "last_direction",
    "pending",
    "synced_at",
)
# A list without snippets (a server without include=last_message) keeps the one the
# cache has while the last message is the same one.
_KEEP_SNIPPET = """CASE
        WHEN excluded.{0} IS NOT NULL THEN excluded.{0}
        WHEN excluded.last_message_at IS conversations.last_message_at THEN conversations.{0}
    END"""


def _assign(column: str) -> str:
    if column in ("last_snippet", "last_direction"):
        return f"{column} = {_KEEP_SNIPPET.format(column)}"
    return f"{column} = excluded.{column}"


def _incoming(column: str) -> str:
    if column in ("last_snippet", "last_direction"):
        return f"COALESCE(excluded.{column}, conversations.{column})"
    return f"excluded.{column}"


# See bulk.py; rows as they were are not rewritten.
_UPSERT = Upsert.of(
    "conversations",
    _COLUMNS,
    f"""
ON CONFLICT (id) DO UPDATE SET
    {", ".join(_assign(c) for c in _COLUMNS[1:])}
WHERE conversations.pending = 1
    -- Never an older version over a newer one (see store/contacts.py).
    OR COALESCE(excluded.updated_at >= conversations.updated_at, 1) AND (
    ({", ".join(f"conversations.{c}" for c in _COLUMNS[1:-2])})
       IS NOT ({", ".join(_incoming(c) for c in _COLUMNS[1:-2])}))
""",
)


def _row(c: Conversation, stamp: str | None) -> tuple[Any, ...]:
    """The row in ``_COLUMNS`` order."""
    assignee = c.assignee
    contact = c.contact
    last_message_at = to_text(c.last_message_at)
    created_at = to_text(c.created_at)
    return (
        c.id,
        c.subject,
        c.status,
        contact.id,
        contact.name,
        contact.email,
        None if assignee is None else assignee.id,
        None if assignee is None else assignee.name,
        to_json(list(c.labels)),
        c.messages_count,
        last_message_at,
        last_message_at or created_at,
        created_at,
        to_text(c.updated_at),
        to_text(c.snoozed_until),
        None if c.last_message is None else c.last_message.snippet,
        None if c.last_message is None else c.last_message.direction,
        0,
        stamp,
    )


@dataclass(frozen=True, slots=True)
class ConversationRows:
    """A page of conversations as plain values, ready for ``write_conversation_rows``
    (see ``contacts.ContactRows``)."""

    rows: list[tuple[Any, ...]]  # in _COLUMNS order
    labels: list[tuple[int, str]]  # (conversation id, label)


def conversation_rows(
    items: Iterable[Conversation], *, synced_at: dt.datetime | None = None
) -> ConversationRows:
    stamp = to_text(synced_at or now())
    page = list(items)
    return ConversationRows(
        [_row(c, stamp) for c in page], [(c.id, label) for c in page for label in c.labels]
    )


def upsert_conversations(
    store: Store,
    items: Iterable[Conversation],
    *,
    synced_at: dt.datetime | None = None,
    overwrite_pending: bool = False,
) -> int:
    """Write conversations; rows with a pending local change are skipped unless
    ``overwrite_pending``. Joins the caller's transaction, or makes its own."""
    page = conversation_rows(items, synced_at=synced_at)
    return write_conversation_rows(store, page, overwrite_pending=overwrite_pending)


def write_conversation_rows(
    store: Store, page: ConversationRows, *, overwrite_pending: bool = False
) -> int:
    """``upsert_conversations`` of a page made by ``conversation_rows``."""
    rows, labels = page.rows, page.labels
    if not rows:
        return 0
    with store.transaction():
        if not overwrite_pending:
            held = pending_among(store, "conversations", (r[0] for r in rows))
            if held:
                rows = [r for r in rows if r[0] not in held]
                labels = [pair for pair in labels if pair[0] not in held]
        write_rows(store, _UPSERT, rows)
        store.execute(
            "DELETE FROM conversation_labels "
            "WHERE conversation_id IN (SELECT value FROM json_each(?))",
            (ids_json(r[0] for r in rows),),
        )
        store.executemany(
            "INSERT OR IGNORE INTO conversation_labels (conversation_id, label) VALUES (?, ?)",
            labels,
        )
    return len(rows)


def remove_conversations_except(store: Store, keep_ids: Iterable[int]) -> int:
    """End of a full sync; their messages go with them. Pending ones stay."""
    return remove_except(store, "conversations", keep_ids)


def delete_conversations(store: Store, ids: Iterable[int]) -> int:
    return delete_ids(store, "conversations", ids)


def set_conversations_pending(store: Store, ids: Iterable[int], pending: bool = True) -> int:
    return set_pending(store, "conversations", ids, pending)


_UPSERT_MESSAGE = """
INSERT INTO messages (
    id, conversation_id, direction, body_html, body_text, sender_id, sender_name,
    sender_email, cc, bcc, created_at, pending, synced_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
ON CONFLICT (id) DO UPDATE SET
    conversation_id = excluded.conversation_id,
    direction = excluded.direction,
    body_html = excluded.body_html,
    body_text = excluded.body_text,
    sender_id = excluded.sender_id,
    sender_name = excluded.sender_name,
    sender_email = excluded.sender_email,
    cc = excluded.cc,
    bcc = excluded.bcc,
    created_at = excluded.created_at,
    pending = 0,
    synced_at = excluded.synced_at
"""


def upsert_messages(
    store: Store,
    items: Iterable[Message],
    *,
    synced_at: dt.datetime | None = None,
    overwrite_pending: bool = False,
) -> int:
    """Write messages; their conversations must be in the cache (foreign key)."""
    page = list(items)
    if not page:
        return 0
    stamp = to_text(synced_at or now())
    with store.transaction():
        if not overwrite_pending:
            held = pending_among(store, "messages", (m.id for m in page))
            page = [m for m in page if m.id not in held]
        store.executemany(
            _UPSERT_MESSAGE,
            (
                (
                    m.id,
                    m.conversation_id,
                    m.direction,
                    m.body_html,
                    m.body_text,
                    None if m.sender is None else m.sender.id,
                    None if m.sender is None else m.sender.name,
                    None if m.sender is None else m.sender.email,
                    to_json(list(m.cc)),
                    to_json(list(m.bcc)),
                    to_text(m.created_at),
                    stamp,
                )
                for m in page
            ),
        )
    return len(page)


def remove_messages_except(store: Store, conversation_id: int, keep_ids: Iterable[int]) -> int:
    """After fetching a whole thread: drop its messages the server no longer has."""
    with store.transaction():
        return store.execute(
            "DELETE FROM messages WHERE conversation_id = ? AND pending = 0 "
            "AND id NOT IN (SELECT value FROM json_each(?))",
            (conversation_id, ids_json(keep_ids)),
        ).rowcount


def delete_messages(store: Store, ids: Iterable[int]) -> int:
    return delete_ids(store, "messages", ids)


def set_messages_pending(store: Store, ids: Iterable[int], pending: bool = True) -> int:
    return set_pending(store, "messages", ids, pending)


# -- reads ----------------------------------------------------------------------


def _filters(
    status: StatusFilter | None,
    assignee: AssigneeFilter,
    label: str | None,
    search: str | None,
    contact_id: int | None,
    unread: bool = False,
) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if unread:
        clauses.append(UNREAD_SQL)
    if status is not None and status != "all":
        if status not in STATUSES:
            raise ValueError(f"unknown conversation status {status!r}")
        clauses.append("status = ?")
        params.append(status)
    clause, values = assignee_clause("assignee_id", assignee)
    if clause is not None:
        clauses.append(clause)
        params.extend(values)
    if label is not None:
        clauses.append("id IN (SELECT conversation_id FROM conversation_labels WHERE label = ?)")
        params.append(label)
    if contact_id is not None:
        clauses.append("contact_id = ?")
        params.append(int(contact_id))
    match = fts_query(search)
    if match is not None:
        clauses.append(
            "id IN (SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ?)"
        )
        params.append(match)
    return clauses, params


def conversation_ids(
    store: Queryable,
    *,
    status: StatusFilter = "open",
    assignee: AssigneeFilter = ANY,
    label: str | None = None,
    search: str | None = None,
    contact_id: int | None = None,
    unread: bool = False,
) -> list[int]:
    """Ids for the inbox list, newest activity first. ``assignee``: a member's id,
    None for unassigned, ``ANY`` for everyone. ``search`` matches words by prefix in
    the subject, the contact's name and email, and the labels. ``unread``: only those
    with something the person has not seen (store/inbox_state.py)."""
    clauses, params = _filters(status, assignee, label, search, contact_id, unread)
    return load_ids(
        store.scalar(
            "SELECT json_group_array(id) FROM (SELECT id FROM conversations c"
            f"{READS_JOIN if unread else ''}{where(clauses)} ORDER BY activity_at DESC, id DESC)",
            params,
        )
    )


def count_conversations(
    store: Queryable,
    *,
    assignee: AssigneeFilter = ANY,
    label: str | None = None,
    search: str | None = None,
    contact_id: int | None = None,
    unread: bool = False,
) -> dict[StatusFilter, int]:
    """How many conversations each status filter would show, "all" included."""
    clauses, params = _filters(None, assignee, label, search, contact_id, unread)
    counts: dict[StatusFilter, int] = {"open": 0, "snoozed": 0, "closed": 0}
    for status, count in store.all(
        f"SELECT status, count(*) FROM conversations c{READS_JOIN if unread else ''}"
        f"{where(clauses)} GROUP BY status",
        params,
    ):
        counts[status] = count
    counts["all"] = sum(counts.values())
    return counts


_SELECT = f"""
SELECT id, subject, status, contact_id, contact_name, contact_email, assignee_id,
       assignee_name, labels, messages_count, last_message_at, created_at, updated_at,
       snoozed_until, pending, synced_at, last_snippet, last_direction, {UNREAD_SQL}
FROM conversations c{READS_JOIN} WHERE id IN (SELECT value FROM json_each(?))
"""


def conversations_by_id(store: Queryable, ids: Iterable[int]) -> dict[int, ConversationRow]:
    return {
        r[0]: ConversationRow(
            id=r[0],
            subject=r[1],
            status=r[2],
            contact_id=r[3],
            contact_name=r[4],
            contact_email=r[5],
            assignee=None if r[6] is None else NamedRef(r[6], r[7] or ""),
            labels=load_strings(r[8]),
            messages_count=r[9],
            last_message_at=from_text(r[10]),
            created_at=from_text_required(r[11]),
            updated_at=from_text(r[12]),
            snoozed_until=from_text(r[13]),
            pending=bool(r[14]),
            synced_at=from_text(r[15]),
            last_snippet=r[16],
            last_direction=r[17],
            unread=bool(r[18]),
        )
        for r in store.all(_SELECT, (ids_json(ids),))
    }


def conversation(store: Queryable, conversation_id: int) -> ConversationRow | None:
    return conversations_by_id(store, (conversation_id,)).get(conversation_id)


def conversation_messages(store: Queryable, conversation_id: int) -> list[MessageRow]:
    """A thread's messages, oldest first."""
    return [
        MessageRow(
            id=r[0],
            conversation_id=r[1],
            direction=r[2],
            body_html=r[3],
            body_text=r[4],
            sender=None if r[5] is None else NamedRef(r[5], r[6] or ""),
            sender_email=r[7],
            cc=load_strings(r[8]),
            bcc=load_strings(r[9]),
            created_at=from_text_required(r[10]),
            pending=bool(r[11]),
            synced_at=from_text(r[12]),
        )
        for r in store.all(
            "SELECT id, conversation_id, direction, body_html, body_text, sender_id, "
            "sender_name, sender_email, cc, bcc, created_at, pending, synced_at "
            "FROM messages WHERE conversation_id = ? ORDER BY created_at, id",
            (conversation_id,),
        )
    ]


def conversation_labels(store: Queryable) -> list[str]:
    """Every label in use, for the label filter."""
    return store.column(
        "SELECT DISTINCT label FROM conversation_labels ORDER BY label COLLATE NOCASE"
    )


def conversation_ids_after(store: Queryable, last_id: int) -> list[int]:
    """Conversations that arrived after ``last_id`` (ids grow), oldest first."""
    return store.column("SELECT id FROM conversations WHERE id > ? ORDER BY id", (last_id,))


def newest_conversation_id(store: Queryable) -> int:
    return int(store.scalar("SELECT COALESCE(max(id), 0) FROM conversations"))
