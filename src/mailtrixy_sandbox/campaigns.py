"""Campaign state changes: recipient counts, starting a send, the send's progress.

A send progresses with elapsed time, not with the number of ticks. Each send in
progress has a *leg* stored in the ``meta`` table under ``campaign_send:<id>``:
when the leg started (epoch seconds, sub-second precision), how long it takes,
and how many recipients had been processed when it started. At any moment the
processed count is interpolated linearly along the leg, so every tick (the
background one or ``/_admin/tick``) simply catches the statistics up with the
clock.

Why a leg in ``meta`` rather than a pace derived from the existing columns: the
campaigns table has no column for a send's duration, ``sent_at`` only has
second precision (too coarse for the one-second sends the tests use), and the
duration differs per send: one started through the API takes
``campaign_tick_seconds × campaign_send_steps`` (5 s by default, 1 s in the
tests), while the demo seed gives its "sending" campaigns a leg of hours, so
the demo shows a send that is still going. A resumed send gets a new leg that
starts from what was already processed. A send without a leg (a database
seeded by an older version) gets one with the API duration on its next tick.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from mailtrixy_sandbox import clock, serializers
from mailtrixy_sandbox.db import Database, dumps, loads
from mailtrixy_sandbox.webhook_delivery import WebhookDispatcher

LEG_KEY = "campaign_send:{}"


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


# ------------------------------------------------------------------ statistics
def _rates(campaign_id: int) -> tuple[float, float, float, float]:
    """Stable per-campaign rates: bounce, open, click (of opens), unsubscribe."""
    rng = random.Random(campaign_id * 7919)
    return (
        rng.uniform(0.005, 0.03),
        rng.uniform(0.18, 0.45),
        rng.uniform(0.08, 0.3),
        rng.uniform(0.001, 0.006),
    )


def stats_for(campaign_id: int, processed: int) -> dict[str, int]:
    """The statistics once ``processed`` recipients were handled; grows with ``processed``.

    The seed uses it too, so a seeded send carries on without its numbers jumping.
    """
    bounce, open_, click, unsub = _rates(campaign_id)
    bounced = round(processed * bounce)
    delivered = processed - bounced
    opened = round(delivered * open_)
    return {
        "delivered": delivered,
        "bounced": bounced,
        "opened": opened,
        "clicked": round(opened * click),
        "unsubscribed": round(delivered * unsub),
    }


# ------------------------------------------------------------------ send legs
@dataclass(frozen=True)
class Leg:
    started: float  # epoch seconds
    seconds: float  # how long the leg takes
    processed_from: int  # recipients already processed when it started

    def processed(self, total: int, at: float) -> int:
        if self.seconds <= 0:
            return total
        share = min(1.0, max(0.0, (at - self.started) / self.seconds))
        return min(total, self.processed_from + int((total - self.processed_from) * share))

    def ends_at(self) -> float:
        return self.started + max(0.0, self.seconds)


def save_leg(db: Database, campaign_id: int, leg: Leg) -> None:
    db.set_meta(
        LEG_KEY.format(campaign_id),
        dumps({"started": leg.started, "seconds": leg.seconds, "from": leg.processed_from}),
    )


def _get_leg(db: Database, campaign_id: int) -> Leg | None:
    raw = loads(db.get_meta(LEG_KEY.format(campaign_id)))
    if not isinstance(raw, dict):
        return None
    try:
        return Leg(float(raw["started"]), float(raw["seconds"]), int(raw["from"]))
    except (KeyError, TypeError, ValueError):
        return None


def _drop_leg(db: Database, campaign_id: int) -> None:
    db.execute("DELETE FROM meta WHERE key = ?", (LEG_KEY.format(campaign_id),))


def send_seconds(webhooks: WebhookDispatcher, steps: int | None = None) -> float:
    """How long a whole send started through the API takes: ``steps`` ticks."""
    config = webhooks.config
    count = config.campaign_send_steps if steps is None else steps
    return max(0.0, config.campaign_tick_seconds * max(1, count))


def _remaining_leg(webhooks: WebhookDispatcher, row: Any, steps: int | None = None) -> Leg:
    """A leg from what is already processed, at the API pace, starting now."""
    total = int(row["recipients_count"])
    done = min(total, int(row["delivered"]) + int(row["bounced"]))
    share = (total - done) / total if total else 0.0
    return Leg(time.time(), send_seconds(webhooks, steps) * share, done)


# ------------------------------------------------------------------ transitions
def start_sending(db: Database, webhooks: WebhookDispatcher, campaign_id: int) -> None:
    """Start a draft or scheduled campaign: statistics from zero, ``campaign.sent``."""
    row = load(db, campaign_id)
    now = clock.now_iso()
    count = recipients_count(db, loads(row["recipient_groups"], []))
    with db.transaction():
        db.execute(
            "UPDATE campaigns SET status = 'sending', recipients_count = ?, sent_at = ?, "
            "schedule_at = NULL, completed_at = NULL, delivered = 0, opened = 0, clicked = 0, "
            "bounced = 0, unsubscribed = 0, updated_at = ? WHERE id = ?",
            (count, now, now, campaign_id),
        )
        save_leg(db, campaign_id, Leg(time.time(), send_seconds(webhooks), 0))
        webhooks.emit("campaign.sent", serializers.campaign(load(db, campaign_id), full=False))


def resume_sending(db: Database, webhooks: WebhookDispatcher, campaign_id: int) -> None:
    """Resume a paused campaign where it stopped: statistics and audience are kept.

    ``campaign.sent`` is only emitted if the campaign had never started (no ``sent_at``).
    """
    row = load(db, campaign_id)
    now = clock.now_iso()
    first_start = row["sent_at"] is None
    with db.transaction():
        db.execute(
            "UPDATE campaigns SET status = 'sending', sent_at = COALESCE(sent_at, ?), "
            "schedule_at = NULL, completed_at = NULL, updated_at = ? WHERE id = ?",
            (now, now, campaign_id),
        )
        save_leg(db, campaign_id, _remaining_leg(webhooks, row))
        if first_start:
            webhooks.emit("campaign.sent", serializers.campaign(load(db, campaign_id), full=False))


def advance(db: Database, webhooks: WebhookDispatcher, steps: int) -> None:
    """Catch every send in progress up with the clock; start schedules that came due.

    ``steps`` is the configured number of ticks a send takes; only a send that
    has no leg yet uses it (see the module docstring).
    """
    for row in db.all(
        "SELECT id FROM campaigns WHERE status = 'scheduled' AND schedule_at <= ?",
        (clock.now_iso(),),
    ):
        start_sending(db, webhooks, row["id"])
    at = time.time()
    now = clock.to_iso(datetime.fromtimestamp(at, UTC))
    for row in db.all("SELECT * FROM campaigns WHERE status = 'sending'"):
        campaign_id = row["id"]
        leg = _get_leg(db, campaign_id)
        if leg is None:
            leg = _remaining_leg(webhooks, row, steps)
            save_leg(db, campaign_id, leg)
        total = int(row["recipients_count"])
        done = int(row["delivered"]) + int(row["bounced"])
        processed = max(done, leg.processed(total, at))
        finished = processed >= total or at >= leg.ends_at()
        if finished:
            processed = total
        elif processed == done:
            continue  # nothing new: leave updated_at alone for updated_since syncs
        stats = stats_for(campaign_id, processed)
        completed_at = None
        if finished:
            ended = datetime.fromtimestamp(min(at, leg.ends_at()), UTC)
            completed_at = max(clock.to_iso(ended), row["sent_at"] or "")
        with db.transaction():
            db.execute(
                "UPDATE campaigns SET delivered = ?, bounced = ?, opened = ?, clicked = ?, "
                "unsubscribed = ?, status = ?, completed_at = ?, updated_at = ? WHERE id = ?",
                (
                    stats["delivered"],
                    stats["bounced"],
                    stats["opened"],
                    stats["clicked"],
                    stats["unsubscribed"],
                    "sent" if finished else "sending",
                    completed_at,
                    now,
                    campaign_id,
                ),
            )
            if finished:
                _drop_leg(db, campaign_id)
                webhooks.emit(
                    "campaign.completed", serializers.campaign(load(db, campaign_id), full=False)
                )
