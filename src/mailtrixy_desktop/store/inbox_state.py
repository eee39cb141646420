"""What the inbox keeps that the server does not: read marks and reply drafts.

A conversation is unread when something happened in it after the person last had
it open, unless the last word was ours. Conversations that were already there when
the workspace first synced count as read (the server keeps no read state, and a
first start showing thousands of unread threads helps nobody): each gets a read
mark when the first sync is done.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from mailtrixy_desktop.store.database import Queryable, Store
from mailtrixy_desktop.store.values import now, to_text

BASELINE_KEY = "inbox_read_baseline"

# An SQL expression over ``conversations c LEFT JOIN conversation_reads r``.
UNREAD_SQL = """(CASE
    WHEN r.read_activity = '' THEN 1
    WHEN c.last_direction = 'outbound' THEN 0
    ELSE COALESCE(c.activity_at > COALESCE(r.read_activity,
        (SELECT value FROM local_state WHERE key = 'inbox_read_baseline')), 0)
END)"""
READS_JOIN = " LEFT JOIN conversation_reads r ON r.conversation_id = c.id"


def has_baseline(store: Queryable) -> bool:
    return store.scalar("SELECT 1 FROM local_state WHERE key = ?", (BASELINE_KEY,)) is not None


def set_baseline(store: Store) -> None:
    """Everything the first sync brought counts as read (called once, after it): each
    gets a read mark at its activity, and whatever arrives later has none."""
    with store.transaction():
        # By row, not by time: the server's clock has whole seconds, and a conversation
        # created in the same second as the newest one already there is still new.
        store.execute(
            "INSERT OR IGNORE INTO conversation_reads (conversation_id, read_activity) "
            "SELECT id, activity_at FROM conversations"
        )
        store.execute(
            "INSERT OR IGNORE INTO local_state (key, value) VALUES (?, '')", (BASELINE_KEY,)
        )


def mark_read(store: Store, conversation_ids: list[int]) -> None:
    with store.transaction():
        store.executemany(
            "INSERT INTO conversation_reads (conversation_id, read_activity) "
            "SELECT id, activity_at FROM conversations WHERE id = ? "
            "ON CONFLICT (conversation_id) DO UPDATE SET read_activity = excluded.read_activity",
            [(i,) for i in conversation_ids],
        )


def mark_unread(store: Store, conversation_ids: list[int]) -> None:
    with store.transaction():
        store.executemany(
            "INSERT INTO conversation_reads (conversation_id, read_activity) VALUES (?, '') "
            "ON CONFLICT (conversation_id) DO UPDATE SET read_activity = ''",
            [(i,) for i in conversation_ids],
        )


def unread_count(store: Queryable, *, status: str | None = "open") -> int:
    where = " WHERE c.status = ?" if status else ""
    return int(
        store.scalar(
            f"SELECT count(*) FROM conversations c{READS_JOIN}{where}"
            f"{' AND' if where else ' WHERE'} {UNREAD_SQL}",
            (status,) if status else (),
        )
        or 0
    )


# -- drafts -----------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    conversation_id: int
    body_html: str
    cc: tuple[str, ...]
    bcc: tuple[str, ...]
    updated_at: dt.datetime


def save_draft(
    store: Store, conversation_id: int, body_html: str, cc: list[str], bcc: list[str]
) -> None:
    with store.transaction():
        store.execute(
            "INSERT INTO reply_drafts (conversation_id, body_html, cc, bcc, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET "
            "body_html = excluded.body_html, cc = excluded.cc, bcc = excluded.bcc, "
            "updated_at = excluded.updated_at",
            (conversation_id, body_html, json.dumps(cc), json.dumps(bcc), to_text(now())),
        )


def draft(store: Queryable, conversation_id: int) -> Draft | None:
    row = store.one(
        "SELECT body_html, cc, bcc, updated_at FROM reply_drafts WHERE conversation_id = ?",
        (conversation_id,),
    )
    if row is None:
        return None
    return Draft(
        conversation_id,
        row[0],
        tuple(json.loads(row[1])),
        tuple(json.loads(row[2])),
        dt.datetime.fromisoformat(row[3]),
    )


def delete_draft(store: Store, conversation_id: int) -> None:
    with store.transaction():
        store.execute("DELETE FROM reply_drafts WHERE conversation_id = ?", (conversation_id,))


def drafted_ids(store: Queryable) -> set[int]:
    return set(store.column("SELECT conversation_id FROM reply_drafts"))


def set_snippet(store: Store, conversation_id: int, snippet: str, direction: str) -> None:
    """The list's preview after a reply written here or a thread loaded from the server."""
    with store.transaction():
        store.execute(
            "UPDATE conversations SET last_snippet = ?, last_direction = ? WHERE id = ?",
            (snippet, direction, conversation_id),
        )
