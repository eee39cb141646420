"""Team members and the token's own identity."""

from __future__ import annotations

from mailtrixy_desktop.api.models.base import Model


class TeamMember(Model):
    id: int
    name: str
    email: str | None = None
    role: str | None = None


class Me(Model):
    member: TeamMember | None = None
    scopes: tuple[str, ...] = ()
    workspace_id: int | None = None
    workspace_name: str | None = None
    currency: str | None = None
