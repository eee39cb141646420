"""Webhooks: list, create (the secret is shown only here), update, delete.

``PUT /webhooks/{id}`` is a sandbox extension (the reference has no update): it
pauses a webhook with ``is_active: false`` or changes its url or events.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Depends

from mailtrixy_sandbox import auth, clock, serializers
from mailtrixy_sandbox.db import dumps
from mailtrixy_sandbox.errors import FieldErrors, NotFound
from mailtrixy_sandbox.routes.common import POST_ERRORS, errors, message, ok
from mailtrixy_sandbox.schemas import (
    Envelope,
    Message,
    Webhook,
    WebhookCreate,
    WebhookCreated,
    WebhookUpdate,
)
from mailtrixy_sandbox.state import SandboxState, get_state
from mailtrixy_sandbox.webhook_delivery import EVENTS, url_problem

router = APIRouter(tags=["webhooks"], dependencies=[Depends(auth.require("webhooks"))])


def _checked_url(fe: FieldErrors, url: str, state: SandboxState) -> str:
    url = url.strip()
    problem = url_problem(url, state.config.allow_http_webhooks)
    if problem:
        fe.add("url", problem)
    return url


def _checked_events(fe: FieldErrors, events: list[str]) -> list[str]:
    """The events without duplicates, in the caller's order; complaints go to ``events``."""
    if not events:
        fe.add("events", "Subscribe to at least one event.")
    unknown = [e for e in dict.fromkeys(events) if e not in EVENTS]
    if unknown:
        fe.add("events", "Unknown event(s): " + ", ".join(unknown) + ".")
    return list(dict.fromkeys(events))


@router.get(
    "/webhooks", response_model=Envelope[list[Webhook]], responses=errors(), summary="List webhooks"
)
async def list_webhooks(state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    rows = state.db.all("SELECT * FROM webhooks ORDER BY id")
    return ok([serializers.webhook(r) for r in rows])


@router.post(
    "/webhooks",
    status_code=201,
    response_model=Envelope[WebhookCreated],
    responses=errors(*POST_ERRORS),
    summary="Create a webhook; returns its secret once",
)
async def create_webhook(
    body: WebhookCreate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    fe = FieldErrors()
    url = _checked_url(fe, body.url, state)
    events = _checked_events(fe, body.events)
    fe.raise_if_any()
    secret = "whsec_" + secrets.token_hex(20)
    cursor = state.db.execute(
        "INSERT INTO webhooks(url, events, secret, is_active, created_at) VALUES (?,?,?,1,?)",
        (url, dumps(events), secret, clock.now_iso()),
    )
    row = state.db.one("SELECT * FROM webhooks WHERE id = ?", (cursor.lastrowid,))
    assert row is not None
    return ok({**serializers.webhook(row), "secret": secret})


@router.put(
    "/webhooks/{webhook_id}",
    response_model=Envelope[Webhook],
    responses=errors(400, 404),
    summary="Pause, resume or change a webhook (a sandbox extension)",
)
async def update_webhook(
    webhook_id: int, body: WebhookUpdate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    row = state.db.one("SELECT * FROM webhooks WHERE id = ?", (webhook_id,))
    if row is None:
        raise NotFound("Webhook")
    fe = FieldErrors()
    changes: dict[str, Any] = {}
    if body.url is not None:
        changes["url"] = _checked_url(fe, body.url, state)
    if body.events is not None:
        changes["events"] = dumps(_checked_events(fe, body.events))
    if body.is_active is not None:
        changes["is_active"] = int(body.is_active)
    fe.raise_if_any()
    if changes:
        state.db.execute(
            "UPDATE webhooks SET " + ", ".join(f"{k} = ?" for k in changes) + " WHERE id = ?",
            (*changes.values(), webhook_id),
        )
        state.webhooks.wake()  # a resumed webhook's waiting deliveries go out now
    row = state.db.one("SELECT * FROM webhooks WHERE id = ?", (webhook_id,))
    assert row is not None
    return ok(serializers.webhook(row))


@router.delete(
    "/webhooks/{webhook_id}",
    response_model=Envelope[Message],
    responses=errors(404),
    summary="Delete a webhook",
)
async def delete_webhook(
    webhook_id: int, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    cursor = state.db.execute("DELETE FROM webhooks WHERE id = ?", (webhook_id,))
    if cursor.rowcount == 0:
        raise NotFound("Webhook")
    return message("Webhook deleted successfully.")
