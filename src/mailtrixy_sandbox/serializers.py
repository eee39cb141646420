"""Database rows turned into the reference's JSON objects.

Shared by the routes and the webhook payloads, so an object looks the same
wherever it appears. List helpers fetch related rows for a whole page at once.
"""

from __future__ import annotations

import re
import sqlite3
from decimal import Decimal
from html import unescape
from typing import Any

from mailtrixy_sandbox.db import Database, loads


def _placeholders(ids: list[int]) -> str:
    return ",".join("?" * len(ids))


def tags_by_contact(db: Database, contact_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    result: dict[int, list[dict[str, Any]]] = {cid: [] for cid in contact_ids}
    if not contact_ids:
        return result
    rows = db.all(
        "SELECT ct.contact_id, t.id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
        f"WHERE ct.contact_id IN ({_placeholders(contact_ids)}) ORDER BY t.id",
        contact_ids,
    )
    for row in rows:
        result[row["contact_id"]].append({"id": row["id"], "name": row["name"]})
    return result


def groups_by_contact(db: Database, contact_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    result: dict[int, list[dict[str, Any]]] = {cid: [] for cid in contact_ids}
    if not contact_ids:
        return result
    rows = db.all(
        "SELECT gm.contact_id, g.id, g.name FROM group_members gm "
        "JOIN contact_groups g ON g.id = gm.group_id "
        f"WHERE gm.contact_id IN ({_placeholders(contact_ids)}) ORDER BY g.id",
        contact_ids,
    )
    for row in rows:
        result[row["contact_id"]].append({"id": row["id"], "name": row["name"]})
    return result


def contact_summaries(
    db: Database, rows: list[sqlite3.Row], include: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    ids = [row["id"] for row in rows]
    tags = tags_by_contact(db, ids)
    groups = groups_by_contact(db, ids) if "groups" in include else {}
    out = []
    for row in rows:
        item: dict[str, Any] = {
            "id": row["id"],
            "name": row["name"],
            "email": row["email"],
            "company": row["company"],
            "phone": row["phone"],
            "tags": tags[row["id"]],
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
        }
        if "groups" in include:
            item["groups"] = groups[row["id"]]
        if "custom_fields" in include:
            item["custom_fields"] = loads(row["custom_fields"], {})
        out.append(item)
    return out


def contact_full(db: Database, row: sqlite3.Row) -> dict[str, Any]:
    cid = row["id"]
    return {
        "id": cid,
        "name": row["name"],
        "email": row["email"],
        "company": row["company"],
        "phone": row["phone"],
        "tags": tags_by_contact(db, [cid])[cid],
        "groups": groups_by_contact(db, [cid])[cid],
        "custom_fields": loads(row["custom_fields"], {}),
        "conversations_count": db.scalar(
            "SELECT COUNT(*) FROM conversations WHERE contact_id = ?", (cid,)
        ),
        "last_contacted_at": row["last_contacted_at"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def contact_event_data(db: Database, row: sqlite3.Row) -> dict[str, Any]:
    """The webhook payload's ``data`` for contact events (tags as names, as the reference shows)."""
    cid = row["id"]
    return {
        "id": cid,
        "name": row["name"],
        "email": row["email"],
        "company": row["company"],
        "phone": row["phone"],
        "tags": [t["name"] for t in tags_by_contact(db, [cid])[cid]],
        "custom_fields": loads(row["custom_fields"], {}),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def _member_ref(row: sqlite3.Row, prefix: str = "assignee_") -> dict[str, Any] | None:
    if row[f"{prefix}id"] is None:
        return None
    return {"id": row[f"{prefix}id"], "name": row[f"{prefix}name"]}


CONVERSATION_SELECT = (
    "SELECT cv.*, c.name AS contact_name, c.email AS contact_email, "
    "m.name AS assignee_name FROM conversations cv "
    "JOIN contacts c ON c.id = cv.contact_id "
    "LEFT JOIN team_members m ON m.id = cv.assignee_id"
)


def conversation(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "subject": row["subject"],
        "status": row["status"],
        "contact": {
            "id": row["contact_id"],
            "name": row["contact_name"],
            "email": row["contact_email"],
        },
        "assignee": _member_ref(row),
        "labels": loads(row["labels"], []),
        "messages_count": row["messages_count"],
        "last_message_at": row["last_message_at"],
        "snoozed_until": row["snoozed_until"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


SNIPPET_LENGTH = 160


def _plain(html: str) -> str:
    # Enough for a one-line preview: tags out, entities decoded, whitespace collapsed.
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", html, flags=re.I | re.S)
    text = re.sub(r"<br\s*/?>|</p\s*>|</div\s*>|</li\s*>", " ", text, flags=re.I)
    return unescape(re.sub(r"<[^>]+>", "", text))


def last_messages(db: Database, conversation_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Each conversation's last message in brief, for ``include=last_message``."""
    found: dict[int, dict[str, Any]] = {}
    for conversation_id in conversation_ids:
        row = db.one(
            "SELECT direction, body_text, body_html FROM messages WHERE conversation_id = ? "
            "ORDER BY id DESC LIMIT 1",
            [conversation_id],
        )
        if row is None:
            continue
        text = row["body_text"] or _plain(row["body_html"] or "")
        text = " ".join(text.split())
        if len(text) > SNIPPET_LENGTH:
            text = text[: SNIPPET_LENGTH - 1].rstrip() + "…"
        found[conversation_id] = {"direction": row["direction"], "snippet": text}
    return found


MESSAGE_SELECT = (
    "SELECT ms.*, m.name AS member_name, m.email AS member_email, "
    "c.id AS contact_id, c.name AS contact_name, c.email AS contact_email "
    "FROM messages ms JOIN conversations cv ON cv.id = ms.conversation_id "
    "JOIN contacts c ON c.id = cv.contact_id "
    "LEFT JOIN team_members m ON m.id = ms.sender_member_id"
)


def message(row: sqlite3.Row) -> dict[str, Any]:
    sender: dict[str, Any] | None
    if row["direction"] == "outbound":
        sender = (
            {
                "id": row["sender_member_id"],
                "name": row["member_name"],
                "email": row["member_email"],
            }
            if row["sender_member_id"] is not None
            else None
        )
    else:
        sender = {
            "id": row["contact_id"],
            "name": row["contact_name"],
            "email": row["contact_email"],
        }
    return {
        "id": row["id"],
        "conversation_id": row["conversation_id"],
        "direction": row["direction"],
        "body_html": row["body_html"],
        "body_text": row["body_text"],
        "sender": sender,
        "cc": loads(row["cc"], []),
        "bcc": loads(row["bcc"], []),
        "created_at": row["created_at"],
    }


DEAL_SELECT = (
    "SELECT d.*, c.name AS contact_name, c.email AS contact_email, m.name AS assignee_name "
    "FROM deals d JOIN contacts c ON c.id = d.contact_id "
    "LEFT JOIN team_members m ON m.id = d.assignee_id"
)


def money(text: str) -> int | float:
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)


def deal(row: sqlite3.Row, *, full: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": row["id"],
        "title": row["title"],
        "value": money(row["value"]),
        "currency": row["currency"],
        "stage": row["stage"],
        "contact": {
            "id": row["contact_id"],
            "name": row["contact_name"],
            "email": row["contact_email"],
        },
        "assignee": _member_ref(row),
        "expected_close_date": row["expected_close_date"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }
    if full:
        item["notes"] = row["notes"]
    return item


def campaign(row: sqlite3.Row, *, full: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": row["id"],
        "name": row["name"],
        "subject": row["subject"],
        "status": row["status"],
        "from_email": row["from_email"],
        "from_name": row["from_name"],
        "recipients_count": row["recipients_count"],
        "stats": {
            "delivered": row["delivered"],
            "opened": row["opened"],
            "clicked": row["clicked"],
            "bounced": row["bounced"],
            "unsubscribed": row["unsubscribed"],
        },
        "schedule_at": row["schedule_at"],
        "sent_at": row["sent_at"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }
    if full:
        item["body_html"] = row["body_html"]
        item["recipient_groups"] = loads(row["recipient_groups"], [])
        item["email_account_id"] = row["email_account_id"]
        item["completed_at"] = row["completed_at"]
    return item


TAG_SELECT = (
    "SELECT t.*, (SELECT COUNT(*) FROM contact_tags ct WHERE ct.tag_id = t.id) AS contacts_count "
    "FROM tags t"
)


def tag(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "color": row["color"],
        "contacts_count": row["contacts_count"],
    }


GROUP_SELECT = (
    "SELECT g.*, (SELECT COUNT(*) FROM group_members gm WHERE gm.group_id = g.id) "
    "AS members_count FROM contact_groups g"
)


def group(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "description": row["description"],
        "members_count": row["members_count"],
        "created_at": row["created_at"],
    }


def webhook(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "url": row["url"],
        "events": loads(row["events"], []),
        "is_active": bool(row["is_active"]),
        "created_at": row["created_at"],
    }


def team_member(row: sqlite3.Row) -> dict[str, Any]:
    return {"id": row["id"], "name": row["name"], "email": row["email"], "role": row["role"]}
