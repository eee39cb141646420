"""Tags and contact groups."""

from __future__ import annotations

from pydantic import AwareDatetime

from mailtrixy_desktop.api.models.base import Model


class Tag(Model):
    id: int
    name: str
    color: str | None = None
    contacts_count: int = 0


class Group(Model):
    id: int
    name: str
    description: str | None = None
    members_count: int = 0
    created_at: AwareDatetime | None = None


class MembersAdded(Model):
    added: int
    already_members: int
    members_count: int


class MembersRemoved(Model):
    removed: int
    members_count: int
