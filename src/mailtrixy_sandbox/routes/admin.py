"""``/_admin``: faults, rate limits, simulated customers and delivery logs for tests and demos.

Outside ``/api/v1`` and guarded by its own token (``X-Admin-Token``), so the
faults it switches on never lock it out.
"""

from __future__ import annotations

import hmac
from typing import Any, Literal

from fastapi import APIRouter, Depends, Header
from pydantic import BaseModel

from mailtrixy_sandbox import auth
from mailtrixy_sandbox.config import ALL_SCOPES
from mailtrixy_sandbox.db import loads
from mailtrixy_sandbox.errors import ApiError, FieldErrors
from mailtrixy_sandbox.routes.common import ok
from mailtrixy_sandbox.state import SandboxState, get_state

router = APIRouter(prefix="/_admin", tags=["sandbox admin"])


async def admin_only(
    x_admin_token: str | None = Header(None), state: SandboxState = Depends(get_state)
) -> None:
    if not x_admin_token or not hmac.compare_digest(x_admin_token, state.admin_token):
        raise ApiError(401, "Missing or invalid X-Admin-Token.")


class RateLimitChange(BaseModel):
    limit: int | None = None
    window_seconds: float | None = None


class Simulation(BaseModel):
    kind: Literal["new_conversation", "inbound_message"]
    contact_id: int | None = None
    conversation_id: int | None = None
    assignee_id: int | None = None


class TokenCreate(BaseModel):
    scopes: list[str]
    token: str | None = None
    member_id: int = 1  # the team member the token acts as (replies are sent as them)


@router.get("/faults", dependencies=[Depends(admin_only)], summary="Current fault settings")
async def get_faults(state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    return ok(state.config.faults.as_dict())


@router.put(
    "/faults",
    dependencies=[Depends(admin_only)],
    summary="Change fault settings (latency_ms, jitter_ms, error_rate, error_status, "
    "drop_rate, drop_phase, offline)",
)
async def put_faults(
    changes: dict[str, Any], state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    problems = state.config.faults.update(changes)
    if problems:
        fe = FieldErrors()
        for problem in problems:
            name, _, text = problem.partition(": ")
            fe.add(name, text)
        fe.raise_if_any()
    return ok(state.config.faults.as_dict())


@router.put("/rate-limit", dependencies=[Depends(admin_only)], summary="Change the rate limit")
async def put_rate_limit(
    change: RateLimitChange, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    settings = state.config.rate_limit
    if change.limit is not None:
        settings.limit = max(1, change.limit)
    if change.window_seconds is not None:
        settings.window_seconds = max(0.001, change.window_seconds)
    state.limiter.reset()
    return ok({"limit": settings.limit, "window_seconds": settings.window_seconds})


@router.post(
    "/simulate",
    dependencies=[Depends(admin_only)],
    summary="A customer opens a conversation or writes again, now",
)
async def simulate(body: Simulation, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    world = state.world
    if body.kind == "new_conversation":
        data = world.new_conversation(body.contact_id, body.assignee_id)
    else:
        data = world.inbound_message(body.conversation_id)
    if data is None:
        raise ApiError(404, "Nothing to simulate on: no such contact or conversation.")
    return ok(data)


@router.post(
    "/tick",
    dependencies=[Depends(admin_only)],
    summary="Advance sends and snoozes by one step, now",
)
async def tick(state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    state.world.tick()
    return ok({"ticked": True})


@router.post("/tokens", dependencies=[Depends(admin_only)], summary="Add an API token")
async def add_token(body: TokenCreate, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    unknown = [s for s in body.scopes if s not in ALL_SCOPES]
    if unknown:
        raise ApiError(422, "Unknown scope(s).", {"scopes": [", ".join(unknown)]})
    token = body.token or auth.new_token()
    auth.add_token(state.db, token, tuple(body.scopes), body.member_id, "admin")
    return ok({"token": token, "scopes": body.scopes})


@router.get(
    "/webhook-deliveries",
    dependencies=[Depends(admin_only)],
    summary="Webhook deliveries, newest first",
)
async def deliveries(state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    rows = state.db.all("SELECT * FROM webhook_deliveries ORDER BY id DESC LIMIT 200")
    return ok(
        [
            {
                "id": r["id"],
                "webhook_id": r["webhook_id"],
                "event": r["event"],
                "state": r["state"],
                "attempts": r["attempts"],
                "last_status": r["last_status"],
                "last_error": r["last_error"],
                "payload": loads(bytes(r["body"])),
                "created_at": r["created_at"],
                "delivered_at": r["delivered_at"],
            }
            for r in rows
        ]
    )


@router.get(
    "/idempotency",
    dependencies=[Depends(admin_only)],
    summary="How many idempotent requests are stored, and how many are still running",
)
async def idempotency(state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    rows = state.db.all("SELECT state, COUNT(*) AS n FROM idempotency GROUP BY state")
    counts = {r["state"]: r["n"] for r in rows}
    return ok({"in_flight": counts.get("in_flight", 0), "done": counts.get("done", 0)})
