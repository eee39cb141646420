"""Request and response shapes, as the reference writes them.

They drive FastAPI's validation and ``/openapi.json``. Checks that need the
database (uniqueness, existing ids) live in the routes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    WithJsonSchema,
    field_validator,
)

T = TypeVar("T")

Scalar = str | int | float | bool | None

# Request numbers are strict: a JSON number, never a boolean or a numeric string
# (lax pydantic would take ``true`` as 1). Request models avoid unions, whose
# errors pydantic reports under the member's name (``value.float``), not the field.
#
# An integer SQLite can store (64-bit); ids beyond it cannot exist.
DbInt = Annotated[int, Strict(), Field(ge=-(2**63), le=2**63 - 1)]
# Any JSON number; integers arrive as floats.
Number = Annotated[float, Strict()]
StrictBool = Annotated[bool, Strict()]


def _scalars_only(fields: dict[str, Any]) -> dict[str, Any]:
    for key, value in fields.items():
        if isinstance(value, (list, dict)):
            raise ValueError(f"The custom field '{key}' must be a string, number, boolean or null.")
    return fields


CustomFieldValues = Annotated[
    dict[str, Any],
    AfterValidator(_scalars_only),
    WithJsonSchema(
        {
            "type": "object",
            "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
        }
    ),
]


def _check_text(value: Any) -> None:
    """Reject strings that cannot be stored as UTF-8 (JSON allows lone surrogates)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("The text must be valid Unicode (no unpaired surrogates).") from None
    elif isinstance(value, list):
        for item in value:
            _check_text(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_text(item)


class _Request(BaseModel):
    # Unknown fields are ignored, as a lenient server does.
    model_config = ConfigDict(extra="ignore")

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: Any) -> Any:
        _check_text(value)
        return value


# ---------------------------------------------------------------- envelopes
class PageMeta(BaseModel):
    current_page: int
    per_page: int
    total: int
    last_page: int


class Envelope(BaseModel, Generic[T]):
    success: bool
    data: T


class Page(BaseModel, Generic[T]):
    success: bool
    data: list[T]
    meta: PageMeta


class ErrorBody(BaseModel):
    success: Literal[False]
    message: str
    errors: dict[str, list[str]] | None = None
    required_scope: str | None = None


class Message(BaseModel):
    message: str


# ---------------------------------------------------------------- references
class TagRef(BaseModel):
    id: int
    name: str


class GroupRef(BaseModel):
    id: int
    name: str


class ContactRef(BaseModel):
    id: int
    name: str
    email: str


class MemberRef(BaseModel):
    id: int
    name: str


# ---------------------------------------------------------------- contacts
class ContactSummary(BaseModel):
    id: int
    name: str
    email: str
    company: str | None
    phone: str | None
    tags: list[TagRef]
    created_at: datetime
    updated_at: datetime
    # Only with ``include=groups`` / ``include=custom_fields`` (a sandbox extension).
    groups: list[GroupRef] | None = None
    custom_fields: dict[str, Scalar] | None = None


class Contact(BaseModel):
    id: int
    name: str
    email: str
    company: str | None
    phone: str | None
    tags: list[TagRef]
    groups: list[GroupRef]
    custom_fields: dict[str, Scalar]
    conversations_count: int
    last_contacted_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ContactCreate(_Request):
    name: str
    email: str
    company: str | None = None
    phone: str | None = None
    tags: list[str] | None = None
    group_ids: list[DbInt] | None = None
    custom_fields: CustomFieldValues | None = None


class ContactUpdate(_Request):
    name: str | None = None
    email: str | None = None
    company: str | None = None
    phone: str | None = None
    tags: list[str] | None = Field(default=None, description="Replaces the contact's tags.")
    group_ids: list[DbInt] | None = Field(default=None, description="Replaces the groups.")
    custom_fields: CustomFieldValues | None = Field(
        default=None, description="Merged into the stored fields; a null value removes a key."
    )


# ---------------------------------------------------------------- conversations
ConversationStatus = Literal["open", "closed", "snoozed"]


class MessagePreview(BaseModel):
    direction: Literal["inbound", "outbound"]
    snippet: str


class Conversation(BaseModel):
    id: int
    subject: str
    status: ConversationStatus
    contact: ContactRef
    assignee: MemberRef | None
    labels: list[str]
    messages_count: int
    last_message_at: datetime | None
    snoozed_until: datetime | None
    created_at: datetime
    updated_at: datetime
    last_message: MessagePreview | None = Field(
        default=None, description="Only with include=last_message (a sandbox extension)."
    )


class ConversationUpdate(_Request):
    status: ConversationStatus | None = None
    assignee_id: DbInt | None = Field(default=None, description="null unassigns.")
    snoozed_until: datetime | None = Field(
        default=None, description="With status snoozed; omitted: until the customer writes."
    )
    labels: list[str] | None = None


class MessageSender(BaseModel):
    id: int
    name: str
    email: str | None = None


class ConversationMessage(BaseModel):
    id: int
    conversation_id: int
    direction: Literal["inbound", "outbound"]
    body_html: str | None
    body_text: str
    sender: MessageSender | None
    cc: list[str]
    bcc: list[str]
    created_at: datetime


class ReplyCreate(_Request):
    body_html: str
    cc: list[str] | None = None
    bcc: list[str] | None = None
    attachments: list[Any] | None = None


# ---------------------------------------------------------------- campaigns
CampaignStatus = Literal["draft", "scheduled", "sending", "sent", "paused"]


class CampaignStats(BaseModel):
    delivered: int
    opened: int
    clicked: int
    bounced: int
    unsubscribed: int


class Campaign(BaseModel):
    id: int
    name: str
    subject: str
    status: CampaignStatus
    from_email: str
    from_name: str
    recipients_count: int
    stats: CampaignStats
    schedule_at: datetime | None
    sent_at: datetime | None
    created_at: datetime
    updated_at: datetime
    # Detail only.
    body_html: str | None = None
    recipient_groups: list[int] | None = None
    email_account_id: int | None = None
    completed_at: datetime | None = None


class CampaignCreate(_Request):
    name: str
    subject: str
    from_email: str
    from_name: str
    body_html: str
    recipient_groups: list[DbInt]
    email_account_id: DbInt
    schedule_at: str | None = None


class CampaignUpdate(_Request):
    name: str | None = None
    subject: str | None = None
    from_email: str | None = None
    from_name: str | None = None
    body_html: str | None = None
    recipient_groups: list[DbInt] | None = None
    email_account_id: DbInt | None = None
    schedule_at: str | None = Field(default=None, description="null turns it back into a draft.")


class EmailAccount(BaseModel):
    id: int
    email: str
    name: str
    verified: bool


# ---------------------------------------------------------------- tags and groups
class Tag(BaseModel):
    id: int
    name: str
    color: str
    contacts_count: int


class TagCreate(_Request):
    name: str
    color: str | None = None


class TagUpdate(_Request):
    name: str | None = None
    color: str | None = None


class Group(BaseModel):
    id: int
    name: str
    description: str | None
    members_count: int
    created_at: datetime


class GroupCreate(_Request):
    name: str
    description: str | None = None


class GroupUpdate(_Request):
    name: str | None = None
    description: str | None = None


class MemberIds(_Request):
    contact_ids: list[DbInt]


class MembersAdded(BaseModel):
    added: int
    already_members: int
    members_count: int


class MembersRemoved(BaseModel):
    removed: int
    members_count: int


# ---------------------------------------------------------------- deals
DealStage = Literal["lead", "qualified", "proposal", "negotiation", "won", "lost"]


class DealSummary(BaseModel):
    id: int
    title: str
    value: int | float
    currency: str
    stage: DealStage
    contact: ContactRef
    assignee: MemberRef | None
    expected_close_date: str | None
    created_at: datetime
    updated_at: datetime


class Deal(DealSummary):
    notes: str | None


class DealCreate(_Request):
    title: str
    value: Number
    currency: str | None = None
    stage: str | None = None
    contact_id: DbInt
    assignee_id: DbInt | None = None
    expected_close_date: str | None = None
    notes: str | None = None


class DealUpdate(_Request):
    title: str | None = None
    value: Number | None = None
    currency: str | None = None
    stage: str | None = None
    contact_id: DbInt | None = None
    assignee_id: DbInt | None = None
    expected_close_date: str | None = None
    notes: str | None = None


# ---------------------------------------------------------------- webhooks
class Webhook(BaseModel):
    id: int
    url: str
    events: list[str]
    is_active: bool
    created_at: datetime


class WebhookCreated(Webhook):
    secret: str


# Kept in step with webhook_delivery.EVENTS (the reference's table); documented here,
# checked by the route so that an unknown name is reported on ``events``.
WEBHOOK_EVENTS: tuple[str, ...] = (
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
_EVENTS_SCHEMA: dict[str, Any] = {"minItems": 1, "items": {"enum": list(WEBHOOK_EVENTS)}}


class WebhookCreate(_Request):
    url: str = Field(description="HTTPS URL to receive webhook POST requests")
    events: list[str] = Field(
        description="Event types to subscribe to", json_schema_extra=_EVENTS_SCHEMA
    )


class WebhookUpdate(_Request):
    """A sandbox extension: pause (``is_active: false``) or change a webhook."""

    url: str | None = None
    events: list[str] | None = Field(default=None, json_schema_extra=_EVENTS_SCHEMA)
    is_active: StrictBool | None = None


# ---------------------------------------------------------------- team
class TeamMember(BaseModel):
    id: int
    name: str
    email: str
    role: str


class Me(BaseModel):
    member: TeamMember | None
    scopes: list[str]
    workspace_id: int
    workspace_name: str
    currency: str
