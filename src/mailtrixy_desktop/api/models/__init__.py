"""pydantic v2 models of every resource of the API."""

from mailtrixy_desktop.api.models.base import ContactRef, Deleted, Model, PageMeta, Ref
from mailtrixy_desktop.api.models.campaigns import (
    Campaign,
    CampaignFields,
    CampaignStats,
    CampaignStatus,
    EmailAccount,
)
from mailtrixy_desktop.api.models.contacts import (
    Contact,
    ContactFields,
    ContactSummary,
    CustomValue,
)
from mailtrixy_desktop.api.models.conversations import (
    Conversation,
    ConversationChanges,
    ConversationStatus,
    Message,
    MessagePreview,
    Reply,
    Sender,
)
from mailtrixy_desktop.api.models.deals import STAGES, Deal, DealFields, Stage
from mailtrixy_desktop.api.models.tags_groups import (
    Group,
    GroupFields,
    MembersAdded,
    MembersRemoved,
    Tag,
    TagFields,
)
from mailtrixy_desktop.api.models.team import Me, TeamMember
from mailtrixy_desktop.api.models.webhooks import EVENTS, CreatedWebhook, Webhook

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
