"""Contacts, as listed and in full."""

from __future__ import annotations

from pydantic import AwareDatetime

from mailtrixy_desktop.api.models.base import Model, Ref
from mailtrixy_desktop.api.models.fields import CustomValue


class ContactSummary(Model):
    """A contact as the list endpoint returns it."""

    id: int
    name: str
    email: str
    company: str | None = None
    phone: str | None = None
    tags: tuple[Ref, ...] = ()
    created_at: AwareDatetime
    updated_at: AwareDatetime
    # Present only when the server supports ``include=groups,custom_fields``.
    groups: tuple[Ref, ...] | None = None
    custom_fields: dict[str, CustomValue] | None = None


class Contact(ContactSummary):
    """A contact with everything ``GET /contacts/{id}`` gives."""

    groups: tuple[Ref, ...] | None = ()
    custom_fields: dict[str, CustomValue] | None = None
    conversations_count: int = 0
    last_contacted_at: AwareDatetime | None = None
