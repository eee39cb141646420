"""Conversations and their messages."""

from __future__ import annotations

from pydantic import AwareDatetime

from mailtrixy_desktop.api.models.base import ContactRef, Model, Ref
from mailtrixy_desktop.api.models.fields import (
    ConversationStatus,
    Direction,
)


class MessagePreview(Model):
    """The last message in brief (a sandbox extension: ``include=last_message``)."""

    direction: Direction
    snippet: str = ""


class Conversation(Model):
    id: int
    subject: str
    status: ConversationStatus
    contact: ContactRef
    assignee: Ref | None = None
    labels: tuple[str, ...] = ()
    messages_count: int = 0
    last_message_at: AwareDatetime | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime | None = None
    snoozed_until: AwareDatetime | None = None
    last_message: MessagePreview | None = None


class Sender(Model):
    id: int
    name: str
    email: str | None = None


class Message(Model):
    id: int
    conversation_id: int
    direction: Direction
    body_html: str | None = None
    body_text: str | None = None
    sender: Sender | None = None
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    created_at: AwareDatetime
