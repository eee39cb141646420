"""Tags attached to contacts by name, as contact create and update do it."""

from __future__ import annotations

from mailtrixy_sandbox import clock
from mailtrixy_sandbox.db import Database

PALETTE = (
    "#3B82F6",
    "#8B5CF6",
    "#EF4444",
    "#F59E0B",
    "#10B981",
    "#EC4899",
    "#06B6D4",
    "#84CC16",
    "#F97316",
    "#6366F1",
    "#14B8A6",
    "#A855F7",
)


def auto_color(db: Database) -> str:
    count = int(db.scalar("SELECT COUNT(*) FROM tags") or 0)
    return PALETTE[count % len(PALETTE)]


def ensure_tags(db: Database, names: list[str]) -> list[int]:
    """Ids of the named tags, creating those that do not exist yet."""
    ids: list[int] = []
    for name in dict.fromkeys(names):
        row = db.one("SELECT id FROM tags WHERE name = ?", (name,))
        if row is None:
            now = clock.now_iso()
            cursor = db.execute(
                "INSERT INTO tags(name, color, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (name, auto_color(db), now, now),
            )
            ids.append(int(cursor.lastrowid or 0))
        else:
            ids.append(int(row["id"]))
    return ids


def set_contact_tags(db: Database, contact_id: int, names: list[str]) -> None:
    ids = ensure_tags(db, names)
    db.execute("DELETE FROM contact_tags WHERE contact_id = ?", (contact_id,))
    db.conn.executemany(
        "INSERT OR IGNORE INTO contact_tags(contact_id, tag_id) VALUES (?, ?)",
        [(contact_id, tid) for tid in ids],
    )


def set_contact_groups(db: Database, contact_id: int, group_ids: list[int]) -> None:
    db.execute("DELETE FROM group_members WHERE contact_id = ?", (contact_id,))
    now = clock.now_iso()
    db.conn.executemany(
        "INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) VALUES (?, ?, ?)",
        [(gid, contact_id, now) for gid in group_ids],
    )
