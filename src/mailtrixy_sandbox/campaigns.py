"""Campaign state changes: recipient counts, starting a send, the send's progress."""

from __future__ import annotations

import random
from typing import Any

from mailtrixy_sandbox import clock, serializers
from mailtrixy_sandbox.db import Database, loads
from mailtrixy_sandbox.webhook_delivery import WebhookDispatcher


def recipients_count(db: Database, group_ids: list[int]) -> int:
    """Distinct contacts across the groups: a contact in two groups gets one email."""
    if not group_ids:
        return 0
    return int(
        db.scalar(
            "SELECT COUNT(DISTINCT contact_id) FROM group_members "
            f"WHERE group_id IN ({','.join('?' * len(group_ids))})",
            group_ids,
        )
        or 0
    )


def load(db: Database, campaign_id: int) -> Any:
    return db.one("SELECT * FROM campaigns WHERE id = ?", (campaign_id,))


def start_sending(db: Database, webhooks: WebhookDispatcher, campaign_id: int) -> None:
    row = load(db, campaign_id)
    now = clock.now_iso()
    count = recipients_count(db, loads(row["recipient_groups"], []))
    with db.transaction():
        db.execute(
            "UPDATE campaigns SET status = 'sending', recipients_count = ?, sent_at = ?, "
            "schedule_at = NULL, delivered = 0, opened = 0, clicked = 0, bounced = 0, "
            "unsubscribed = 0, updated_at = ? WHERE id = ?",
            (count, now, now, campaign_id),
        )
        webhooks.emit("campaign.sent", serializers.campaign(load(db, campaign_id), full=False))


def _rates(campaign_id: int) -> tuple[float, float, float, float]:
    """Stable per-campaign rates: bounce, open, click (of opens), unsubscribe."""
    rng = random.Random(campaign_id * 7919)
    return (
        rng.uniform(0.005, 0.03),
        rng.uniform(0.18, 0.45),
        rng.uniform(0.08, 0.3),
        rng.uniform(0.001, 0.006),
    )


def advance(db: Database, webhooks: WebhookDispatcher, steps: int) -> None:
    """One tick of every send in progress, and of schedules that came due."""
    now = clock.now_iso()
    for row in db.all(
        "SELECT id FROM campaigns WHERE status = 'scheduled' AND schedule_at <= ?", (now,)
    ):
        start_sending(db, webhooks, row["id"])
    for row in db.all("SELECT * FROM campaigns WHERE status = 'sending'"):
        total = row["recipients_count"]
        done = row["delivered"] + row["bounced"]
        chunk = max(1, -(-total // max(1, steps)))
        processed = min(total, done + chunk)
        bounce, open_, click, unsub = _rates(row["id"])
        bounced = round(processed * bounce)
        delivered = processed - bounced
        opened = round(delivered * open_)
        clicked = round(opened * click)
        unsubscribed = round(delivered * unsub)
        finished = processed >= total
        with db.transaction():
            db.execute(
                "UPDATE campaigns SET delivered = ?, bounced = ?, opened = ?, clicked = ?, "
                "unsubscribed = ?, status = ?, completed_at = ?, updated_at = ? WHERE id = ?",
                (
                    delivered,
                    bounced,
                    opened,
                    clicked,
                    unsubscribed,
                    "sent" if finished else "sending",
                    now if finished else None,
                    now,
                    row["id"],
                ),
            )
            if finished:
                webhooks.emit(
                    "campaign.completed", serializers.campaign(load(db, row["id"]), full=False)
                )
