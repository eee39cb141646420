"""The API's closed vocabularies and the bodies a caller sends: plain typing, no pydantic.

The store, the services and the panes name stages, statuses and writable fields
on the way to the first paint; keeping them here lets them do so without loading
pydantic and building the response models (a fifth of the app's start).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypedDict

CustomValue = str | int | float | bool | None

Stage = Literal["lead", "qualified", "proposal", "negotiation", "won", "lost"]
STAGES: tuple[Stage, ...] = ("lead", "qualified", "proposal", "negotiation", "won", "lost")

CampaignStatus = Literal["draft", "scheduled", "sending", "sent", "paused"]
ConversationStatus = Literal["open", "closed", "snoozed"]
Direction = Literal["inbound", "outbound"]

EVENTS: tuple[str, ...] = (
    "contact.created",
    "contact.updated",
    "contact.deleted",
    "conversation.created",
    "conversation.replied",
    "conversation.closed",
    "deal.created",
    "deal.stage_changed",
    "deal.won",
    "deal.lost",
    "campaign.sent",
    "campaign.completed",
)


class ContactFields(TypedDict, total=False):
    """The writable fields; for an update, only those that changed."""

    name: str
    email: str
    company: str | None
    phone: str | None
    tags: list[str]
    group_ids: list[int]
    custom_fields: dict[str, CustomValue]


class DealFields(TypedDict, total=False):
    title: str
    value: Decimal
    currency: str
    stage: Stage
    contact_id: int
    assignee_id: int | None
    expected_close_date: str | None  # YYYY-MM-DD
    notes: str | None


class CampaignFields(TypedDict, total=False):
    name: str
    subject: str
    from_email: str
    from_name: str
    body_html: str
    recipient_groups: list[int]
    email_account_id: int
    schedule_at: str | None  # ISO 8601, UTC; None turns a scheduled campaign back to draft


class Reply(TypedDict, total=False):
    body_html: str
    cc: list[str]
    bcc: list[str]


class ConversationChanges(TypedDict, total=False):
    status: ConversationStatus
    assignee_id: int | None
    snoozed_until: str | None  # ISO 8601, UTC
    labels: list[str]


class TagFields(TypedDict, total=False):
    name: str
    color: str


class GroupFields(TypedDict, total=False):
    name: str
    description: str | None
