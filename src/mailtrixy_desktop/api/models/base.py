"""What every model shares: leniency toward newer servers, and the envelope's meta."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """A server object. Unknown fields (a newer server's) are ignored; models are immutable."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class PageMeta(Model):
    current_page: int
    per_page: int
    total: int
    last_page: int


class Ref(Model):
    """``{"id": ..., "name": ...}`` as tags, groups and team members appear inside others."""

    id: int
    name: str


class ContactRef(Model):
    id: int
    name: str
    email: str


class Deleted(Model):
    message: str
