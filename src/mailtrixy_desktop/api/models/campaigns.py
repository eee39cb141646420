"""Campaigns with their delivery statistics, and the email accounts they are sent from."""

from __future__ import annotations

from pydantic import AwareDatetime, Field

from mailtrixy_desktop.api.models.base import Model
from mailtrixy_desktop.api.models.fields import CampaignStatus


class CampaignStats(Model):
    delivered: int = 0
    opened: int = 0
    clicked: int = 0
    bounced: int = 0
    unsubscribed: int = 0


class Campaign(Model):
    id: int
    name: str
    subject: str
    status: CampaignStatus
    from_email: str | None = None
    from_name: str | None = None
    recipients_count: int = 0
    # A factory, not an instance: building one here would compile every model's
    # validator at import time (defer_build), on the way to the first paint.
    stats: CampaignStats = Field(default_factory=CampaignStats)
    schedule_at: AwareDatetime | None = None
    sent_at: AwareDatetime | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime | None = None
    # Only from GET /campaigns/{id} (and create/update/send answers).
    body_html: str | None = None
    recipient_groups: tuple[int, ...] | None = None
    email_account_id: int | None = None
    completed_at: AwareDatetime | None = None


class EmailAccount(Model):
    id: int
    email: str
    name: str
    verified: bool = True
