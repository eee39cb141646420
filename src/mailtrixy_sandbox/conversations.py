"""Changes to conversations shared by the routes, the simulator and the admin API."""

from __future__ import annotations

import re
import sqlite3
from html import escape, unescape
from typing import Any

from mailtrixy_sandbox import clock, serializers
from mailtrixy_sandbox.db import Database, dumps
from mailtrixy_sandbox.webhook_delivery import WebhookDispatcher

_TAGS = re.compile(r"<[^>]+>")
_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6])\s*/?>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """A plain-text rendering of an HTML body, good enough for previews."""
    text = _BREAKS.sub("\n", html)
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", text, flags=re.IGNORECASE | re.DOTALL)
    text = unescape(_TAGS.sub("", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def text_to_html(text: str) -> str:
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"


def load(db: Database, conversation_id: int) -> Any:
    return db.one(serializers.CONVERSATION_SELECT + " WHERE cv.id = ?", (conversation_id,))


def load_message(db: Database, message_id: int) -> sqlite3.Row:
    """A message just written in this process; it must exist."""
    row = db.one(serializers.MESSAGE_SELECT + " WHERE ms.id = ?", (message_id,))
    if row is None:
        raise LookupError(f"message {message_id} vanished")
    return row


def add_message(
    db: Database,
    conversation_id: int,
    *,
    direction: str,
    body_html: str | None,
    body_text: str,
    sender_member_id: int | None = None,
    cc: list[str] | None = None,
    bcc: list[str] | None = None,
) -> int:
    """Append a message and update the conversation's counters; returns the message id."""
    now = clock.now_iso()
    cursor = db.execute(
        "INSERT INTO messages(conversation_id, direction, body_html, body_text, sender_member_id, "
        "cc, bcc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conversation_id,
            direction,
            body_html,
            body_text,
            sender_member_id,
            dumps(cc or []),
            dumps(bcc or []),
            now,
        ),
    )
    if direction == "inbound":
        # The customer wrote again: a snoozed or closed conversation needs attention.
        db.execute(
            "UPDATE conversations SET messages_count = messages_count + 1, last_message_at = ?, "
            "updated_at = ?, status = 'open', snoozed_until = NULL WHERE id = ?",
            (now, now, conversation_id),
        )
    else:
        db.execute(
            "UPDATE conversations SET messages_count = messages_count + 1, last_message_at = ?, "
            "updated_at = ? WHERE id = ?",
            (now, now, conversation_id),
        )
        # last_contacted_at is part of the contact, so the contact counts as updated.
        db.execute(
            "UPDATE contacts SET last_contacted_at = ?, updated_at = ? WHERE id = "
            "(SELECT contact_id FROM conversations WHERE id = ?)",
            (now, now, conversation_id),
        )
    return int(cursor.lastrowid or 0)


def open_conversation(
    db: Database,
    webhooks: WebhookDispatcher,
    *,
    contact_id: int,
    subject: str,
    body_html: str | None,
    body_text: str,
    labels: list[str],
    assignee_id: int | None,
) -> int:
    """A customer starts a new conversation."""
    now = clock.now_iso()
    with db.transaction():
        cursor = db.execute(
            "INSERT INTO conversations(subject, status, contact_id, assignee_id, labels, "
            "created_at, updated_at) VALUES (?, 'open', ?, ?, ?, ?, ?)",
            (subject, contact_id, assignee_id, dumps(labels), now, now),
        )
        conversation_id = int(cursor.lastrowid or 0)
        # conversations_count is part of the contact, so the contact counts as updated.
        db.execute("UPDATE contacts SET updated_at = ? WHERE id = ?", (now, contact_id))
        add_message(
            db, conversation_id, direction="inbound", body_html=body_html, body_text=body_text
        )
        webhooks.emit("conversation.created", serializers.conversation(load(db, conversation_id)))
    return conversation_id


def reopen_expired_snoozes(db: Database) -> int:
    now = clock.now_iso()
    cursor = db.execute(
        "UPDATE conversations SET status = 'open', snoozed_until = NULL, updated_at = ? "
        "WHERE status = 'snoozed' AND snoozed_until IS NOT NULL AND snoozed_until <= ?",
        (now, now),
    )
    return cursor.rowcount
