"""pydantic v2 models of every resource of the API, and the plain types callers send.

Names load on first use (PEP 562): ``from mailtrixy_desktop.api.models import STAGES``
costs nothing, while the first response model named imports pydantic and builds the
classes. The store, the services and the panes import the plain types freely and the
models only for typing, so the window paints before pydantic is loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models.base import ContactRef, Deleted, Model, PageMeta, Ref
    from mailtrixy_desktop.api.models.campaigns import Campaign, CampaignStats, EmailAccount
    from mailtrixy_desktop.api.models.contacts import Contact, ContactSummary
    from mailtrixy_desktop.api.models.conversations import (
        Conversation,
        Message,
        MessagePreview,
        Sender,
    )
    from mailtrixy_desktop.api.models.deals import Deal
    from mailtrixy_desktop.api.models.fields import (
        EVENTS,
        STAGES,
        CampaignFields,
        CampaignStatus,
        ContactFields,
        ConversationChanges,
        ConversationStatus,
        CustomValue,
        DealFields,
        Direction,
        GroupFields,
        Reply,
        Stage,
        TagFields,
    )
    from mailtrixy_desktop.api.models.tags_groups import Group, MembersAdded, MembersRemoved, Tag
    from mailtrixy_desktop.api.models.team import Me, TeamMember
    from mailtrixy_desktop.api.models.webhooks import CreatedWebhook, Webhook

# Where each name lives (a module of this package).
_HOME: dict[str, str] = {
    **dict.fromkeys(("ContactRef", "Deleted", "Model", "PageMeta", "Ref"), "base"),
    **dict.fromkeys(("Campaign", "CampaignStats", "EmailAccount"), "campaigns"),
    **dict.fromkeys(("Contact", "ContactSummary"), "contacts"),
    **dict.fromkeys(("Conversation", "Message", "MessagePreview", "Sender"), "conversations"),
    "Deal": "deals",
    **dict.fromkeys(
        (
            "EVENTS",
            "STAGES",
            "CampaignFields",
            "CampaignStatus",
            "ContactFields",
            "ConversationChanges",
            "ConversationStatus",
            "CustomValue",
            "DealFields",
            "Direction",
            "GroupFields",
            "Reply",
            "Stage",
            "TagFields",
        ),
        "fields",
    ),
    **dict.fromkeys(("Group", "MembersAdded", "MembersRemoved", "Tag"), "tags_groups"),
    **dict.fromkeys(("Me", "TeamMember"), "team"),
    **dict.fromkeys(("CreatedWebhook", "Webhook"), "webhooks"),
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


__all__ = [
    "EVENTS",
    "STAGES",
    "Campaign",
    "CampaignFields",
    "CampaignStats",
    "CampaignStatus",
    "Contact",
    "ContactFields",
    "ContactRef",
    "ContactSummary",
    "Conversation",
    "ConversationChanges",
    "ConversationStatus",
    "CreatedWebhook",
    "CustomValue",
    "Deal",
    "DealFields",
    "Deleted",
    "Direction",
    "EmailAccount",
    "Group",
    "GroupFields",
    "Me",
    "MembersAdded",
    "MembersRemoved",
    "Message",
    "MessagePreview",
    "Model",
    "PageMeta",
    "Ref",
    "Reply",
    "Sender",
    "Stage",
    "Tag",
    "TagFields",
    "TeamMember",
    "Webhook",
]
