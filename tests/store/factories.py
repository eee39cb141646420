"""API model objects for store tests, built the way the api layer builds them."""

from __future__ import annotations

from typing import Any

from mailtrixy_desktop.api.models import (
    Campaign,
    Contact,
    ContactSummary,
    Conversation,
    Deal,
    Group,
    Message,
    Tag,
    TeamMember,
    Webhook,
)

T0 = "2026-03-01T09:00:00Z"


def _at(day: int) -> str:
    return f"2026-03-{day:02d}T09:00:00Z"


def contact(contact_id: int, name: str, email: str | None = None, **extra: Any) -> ContactSummary:
    """The list shape: tags always (as the server sends them), no groups or custom
    fields unless given."""
    data: dict[str, Any] = {
        "id": contact_id,
        "name": name,
        "email": email or f"{name.split()[0].lower()}{contact_id}@example.org",
        "tags": [],
        "created_at": T0,
        "updated_at": T0,
        **extra,
    }
    return ContactSummary.model_validate(data)


def contact_full(contact_id: int, name: str, **extra: Any) -> Contact:
    """The detail shape, with groups and custom fields."""
    data: dict[str, Any] = {
        "id": contact_id,
        "name": name,
        "email": f"{name.split()[0].lower()}{contact_id}@example.org",
        "created_at": T0,
        "updated_at": T0,
        "groups": [],
        "custom_fields": {},
        "conversations_count": 0,
        **extra,
    }
    return Contact.model_validate(data)


def tag_ref(tag_id: int, name: str) -> dict[str, Any]:
    return {"id": tag_id, "name": name}


def conversation(
    conversation_id: int,
    subject: str,
    *,
    status: str = "open",
    contact: tuple[int, str, str] = (1, "Jane Smith", "jane@acme.test"),
    assignee: tuple[int, str] | None = None,
    labels: tuple[str, ...] = (),
    day: int = 1,
) -> Conversation:
    return Conversation.model_validate(
        {
            "id": conversation_id,
            "subject": subject,
            "status": status,
            "contact": {"id": contact[0], "name": contact[1], "email": contact[2]},
            "assignee": None if assignee is None else {"id": assignee[0], "name": assignee[1]},
            "labels": list(labels),
            "messages_count": 1,
            "last_message_at": _at(day),
            "created_at": T0,
            "updated_at": _at(day),
        }
    )


def message(message_id: int, conversation_id: int, text: str, *, day: int = 1) -> Message:
    return Message.model_validate(
        {
            "id": message_id,
            "conversation_id": conversation_id,
            "direction": "inbound",
            "body_text": text,
            "body_html": f"<p>{text}</p>",
            "sender": {"id": 1, "name": "Jane Smith", "email": "jane@acme.test"},
            "cc": ["boss@acme.test"],
            "created_at": _at(day),
        }
    )


def deal(
    deal_id: int,
    title: str,
    value: str,
    *,
    currency: str = "EUR",
    stage: str = "lead",
    contact: tuple[int, str, str] = (1, "Jane Smith", "jane@acme.test"),
    assignee: tuple[int, str] | None = None,
    day: int = 1,
    **extra: Any,
) -> Deal:
    return Deal.model_validate(
        {
            "id": deal_id,
            "title": title,
            "value": value,
            "currency": currency,
            "stage": stage,
            "contact": {"id": contact[0], "name": contact[1], "email": contact[2]},
            "assignee": None if assignee is None else {"id": assignee[0], "name": assignee[1]},
            "created_at": T0,
            "updated_at": _at(day),
            **extra,
        }
    )


def campaign(campaign_id: int, name: str, *, status: str = "draft", **extra: Any) -> Campaign:
    return Campaign.model_validate(
        {
            "id": campaign_id,
            "name": name,
            "subject": f"About {name}",
            "status": status,
            "created_at": _at(campaign_id % 28 + 1),
            **extra,
        }
    )


def tag(tag_id: int, name: str, contacts_count: int = 0) -> Tag:
    return Tag.model_validate({"id": tag_id, "name": name, "contacts_count": contacts_count})


def group(group_id: int, name: str, members_count: int = 0) -> Group:
    return Group.model_validate({"id": group_id, "name": name, "members_count": members_count})


def member(member_id: int, name: str) -> TeamMember:
    return TeamMember.model_validate({"id": member_id, "name": name, "role": "agent"})


def webhook(webhook_id: int, url: str, **extra: Any) -> Webhook:
    return Webhook.model_validate({"id": webhook_id, "url": url, "events": ["deal.won"], **extra})
