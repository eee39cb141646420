"""Campaigns with their delivery statistics, and the email accounts they are sent from.

A workspace has tens of campaigns, not thousands, so the list reads whole rows;
the HTML body, which can be large, is read on its own for the detail view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mailtrixy_desktop.store.database import Queryable, Row, Store
from mailtrixy_desktop.store.filters import where
from mailtrixy_desktop.store.search import LIKE_ESCAPE, like_contains
from mailtrixy_desktop.store.tables import delete_ids, pending_among, remove_except, set_pending
from mailtrixy_desktop.store.values import (
    from_text,
    from_text_required,
    given,
    load_ids,
    now,
    to_json,
    to_text,
)

if TYPE_CHECKING:  # pydantic stays off the way to the first paint
    from mailtrixy_desktop.api.models import Campaign, CampaignStatus, EmailAccount


@dataclass(frozen=True, slots=True)
class CampaignRow:
    id: int
    name: str
    subject: str
    status: CampaignStatus
    from_email: str | None
    from_name: str | None
    recipients_count: int
    delivered: int
    opened: int
    clicked: int
    bounced: int
    unsubscribed: int
    schedule_at: dt.datetime | None
    sent_at: dt.datetime | None
    completed_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime | None
    recipient_groups: tuple[int, ...] | None  # None: detail not fetched yet
    email_account_id: int | None
    pending: bool
    synced_at: dt.datetime | None

    @property
    def open_rate(self) -> float | None:
        return self.opened / self.delivered if self.delivered else None

    @property
    def click_rate(self) -> float | None:
        return self.clicked / self.delivered if self.delivered else None


@dataclass(frozen=True, slots=True)
class EmailAccountRow:
    id: int
    email: str
    name: str
    verified: bool
    pending: bool
    synced_at: dt.datetime | None


# -- writes ---------------------------------------------------------------------

# The detail-only fields keep their cached value when a list page lacks them.
_UPSERT = """
INSERT INTO campaigns (
    id, name, subject, status, from_email, from_name, recipients_count, delivered,
    opened, clicked, bounced, unsubscribed, schedule_at, sent_at, created_at, updated_at,
    body_html, recipient_groups, email_account_id, completed_at, pending, synced_at)
VALUES (
    :id, :name, :subject, :status, :from_email, :from_name, :recipients_count, :delivered,
    :opened, :clicked, :bounced, :unsubscribed, :schedule_at, :sent_at, :created_at,
    :updated_at, :body_html, :recipient_groups, :email_account_id, :completed_at, 0,
    :synced_at)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name,
    subject = excluded.subject,
    status = excluded.status,
    from_email = excluded.from_email,
    from_name = excluded.from_name,
    recipients_count = excluded.recipients_count,
    delivered = excluded.delivered,
    opened = excluded.opened,
    clicked = excluded.clicked,
    bounced = excluded.bounced,
    unsubscribed = excluded.unsubscribed,
    schedule_at = excluded.schedule_at,
    sent_at = excluded.sent_at,
    created_at = excluded.created_at,
    updated_at = excluded.updated_at,
    body_html = CASE WHEN :has_body_html
        THEN excluded.body_html ELSE campaigns.body_html END,
    recipient_groups = CASE WHEN :has_recipient_groups
        THEN excluded.recipient_groups ELSE campaigns.recipient_groups END,
    email_account_id = CASE WHEN :has_email_account_id
        THEN excluded.email_account_id ELSE campaigns.email_account_id END,
    completed_at = CASE WHEN :has_completed_at
        THEN excluded.completed_at ELSE campaigns.completed_at END,
    pending = 0,
    synced_at = excluded.synced_at
"""


def _row(c: Campaign, stamp: str | None) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "subject": c.subject,
        "status": c.status,
        "from_email": c.from_email,
        "from_name": c.from_name,
        "recipients_count": c.recipients_count,
        "delivered": c.stats.delivered,
        "opened": c.stats.opened,
        "clicked": c.stats.clicked,
        "bounced": c.stats.bounced,
        "unsubscribed": c.stats.unsubscribed,
        "schedule_at": to_text(c.schedule_at),
        "sent_at": to_text(c.sent_at),
        "created_at": to_text(c.created_at),
        "updated_at": to_text(c.updated_at),
        "body_html": c.body_html,
        "recipient_groups": (
            None if c.recipient_groups is None else to_json(list(c.recipient_groups))
        ),
        "email_account_id": c.email_account_id,
        "completed_at": to_text(c.completed_at),
        "has_body_html": int(given(c, "body_html")),
        "has_recipient_groups": int(given(c, "recipient_groups")),
        "has_email_account_id": int(given(c, "email_account_id")),
        "has_completed_at": int(given(c, "completed_at")),
        "synced_at": stamp,
    }


def upsert_campaigns(
    store: Store,
    items: Iterable[Campaign],
    *,
    synced_at: dt.datetime | None = None,
    overwrite_pending: bool = False,
) -> int:
    page = list(items)
    if not page:
        return 0
    stamp = to_text(synced_at or now())
    with store.transaction():
        if not overwrite_pending:
            held = pending_among(store, "campaigns", (c.id for c in page))
            page = [c for c in page if c.id not in held]
        store.executemany(_UPSERT, (_row(c, stamp) for c in page))
    return len(page)


def remove_campaigns_except(store: Store, keep_ids: Iterable[int]) -> int:
    return remove_except(store, "campaigns", keep_ids)


def delete_campaigns(store: Store, ids: Iterable[int]) -> int:
    return delete_ids(store, "campaigns", ids)


def set_campaigns_pending(store: Store, ids: Iterable[int], pending: bool = True) -> int:
    return set_pending(store, "campaigns", ids, pending)


_UPSERT_ACCOUNT = """
INSERT INTO email_accounts (id, email, name, verified, pending, synced_at)
VALUES (?, ?, ?, ?, 0, ?)
ON CONFLICT (id) DO UPDATE SET
    email = excluded.email, name = excluded.name, verified = excluded.verified,
    pending = 0, synced_at = excluded.synced_at
"""


def upsert_email_accounts(
    store: Store, items: Iterable[EmailAccount], *, synced_at: dt.datetime | None = None
) -> int:
    page = list(items)
    stamp = to_text(synced_at or now())
    with store.transaction():
        store.executemany(
            _UPSERT_ACCOUNT, ((a.id, a.email, a.name, int(a.verified), stamp) for a in page)
        )
    return len(page)


def remove_email_accounts_except(store: Store, keep_ids: Iterable[int]) -> int:
    return remove_except(store, "email_accounts", keep_ids)


# -- reads ----------------------------------------------------------------------

_COLUMNS = """
id, name, subject, status, from_email, from_name, recipients_count, delivered, opened,
clicked, bounced, unsubscribed, schedule_at, sent_at, completed_at, created_at, updated_at,
recipient_groups, email_account_id, pending, synced_at
"""


def _campaign(r: Row) -> CampaignRow:
    groups = r[17]
    return CampaignRow(
        id=r[0],
        name=r[1],
        subject=r[2],
        status=r[3],
        from_email=r[4],
        from_name=r[5],
        recipients_count=r[6],
        delivered=r[7],
        opened=r[8],
        clicked=r[9],
        bounced=r[10],
        unsubscribed=r[11],
        schedule_at=from_text(r[12]),
        sent_at=from_text(r[13]),
        completed_at=from_text(r[14]),
        created_at=from_text_required(r[15]),
        updated_at=from_text(r[16]),
        recipient_groups=None if groups is None else tuple(load_ids(groups)),
        email_account_id=r[18],
        pending=bool(r[19]),
        synced_at=from_text(r[20]),
    )


def campaigns(
    store: Queryable,
    *,
    status: CampaignStatus | None = None,
    search: str | None = None,
) -> list[CampaignRow]:
    """Newest first; ``search`` is a plain substring of the name or subject."""
    clauses: list[str] = []
    params: list[object] = []
    if status is not None:
        clauses.append("status = ?")
        params.append(status)
    if search and search.strip():
        pattern = like_contains(search.strip())
        clauses.append(
            f"(name LIKE ? ESCAPE '{LIKE_ESCAPE}' OR subject LIKE ? ESCAPE '{LIKE_ESCAPE}')"
        )
        params += [pattern, pattern]
    return [
        _campaign(r)
        for r in store.all(
            f"SELECT {_COLUMNS} FROM campaigns{where(clauses)} ORDER BY created_at DESC, id DESC",
            params,
        )
    ]


def campaign(store: Queryable, campaign_id: int) -> CampaignRow | None:
    row = store.one(f"SELECT {_COLUMNS} FROM campaigns WHERE id = ?", (campaign_id,))
    return None if row is None else _campaign(row)


def campaign_body_html(store: Queryable, campaign_id: int) -> str | None:
    """None when the campaign is unknown or its detail has not been fetched."""
    body: str | None = store.scalar("SELECT body_html FROM campaigns WHERE id = ?", (campaign_id,))
    return body


def campaign_status_counts(store: Queryable) -> dict[CampaignStatus, int]:
    return {
        status: count
        for status, count in store.all("SELECT status, count(*) FROM campaigns GROUP BY status")
    }


def email_accounts(store: Queryable) -> list[EmailAccountRow]:
    return [
        EmailAccountRow(r[0], r[1], r[2], bool(r[3]), bool(r[4]), from_text(r[5]))
        for r in store.all(
            "SELECT id, email, name, verified, pending, synced_at FROM email_accounts "
            "ORDER BY email COLLATE NOCASE, id"
        )
    ]


def distinct_recipients(store: Queryable, group_ids: Iterable[int]) -> int:
    """How many contacts the groups hold together: one in two groups counts once, as
    the server counts a campaign's recipients (from the cached memberships)."""
    ids = sorted(set(group_ids))
    if not ids:
        return 0
    count: int = store.scalar(
        "SELECT count(DISTINCT contact_id) FROM group_members "
        "WHERE group_id IN (SELECT value FROM json_each(?))",
        (to_json(ids),),
    )
    return count
