"""Webhooks. The secret exists only in the creation answer, and never shows in a repr."""

from __future__ import annotations

from pydantic import AwareDatetime, SecretStr

from mailtrixy_desktop.api.models.base import Model


class Webhook(Model):
    id: int
    url: str
    events: tuple[str, ...] = ()
    is_active: bool = True
    created_at: AwareDatetime | None = None


class CreatedWebhook(Webhook):
    secret: SecretStr
