"""Webhooks: list, create (the secret is shown only here), delete."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Depends

from mailtrixy_sandbox import auth, clock, serializers
from mailtrixy_sandbox.db import dumps
from mailtrixy_sandbox.errors import FieldErrors, NotFound
from mailtrixy_sandbox.routes.common import POST_ERRORS, errors, message, ok
from mailtrixy_sandbox.schemas import Envelope, Message, Webhook, WebhookCreate, WebhookCreated
from mailtrixy_sandbox.state import SandboxState, get_state
from mailtrixy_sandbox.webhook_delivery import EVENTS, url_problem

router = APIRouter(tags=["webhooks"], dependencies=[Depends(auth.require("webhooks"))])


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
    problem = url_problem(body.url.strip(), state.config.allow_http_webhooks)
    if problem:
        fe.add("url", problem)
    if not body.events:
        fe.add("events", "Subscribe to at least one event.")
    unknown = [e for e in body.events if e not in EVENTS]
    if unknown:
        fe.add("events", "Unknown event(s): " + ", ".join(unknown) + ".")
    fe.raise_if_any()
    secret = "whsec_" + secrets.token_hex(20)
    cursor = state.db.execute(
        "INSERT INTO webhooks(url, events, secret, is_active, created_at) VALUES (?,?,?,1,?)",
        (body.url.strip(), dumps(list(dict.fromkeys(body.events))), secret, clock.now_iso()),
    )
    row = state.db.one("SELECT * FROM webhooks WHERE id = ?", (cursor.lastrowid,))
    return ok({**serializers.webhook(row), "secret": secret})


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
