"""Team members (assignee pickers) and the token's own identity."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from mailtrixy_sandbox import auth, serializers
from mailtrixy_sandbox.auth import Principal
from mailtrixy_sandbox.config import ALL_SCOPES
from mailtrixy_sandbox.routes.common import errors, ok
from mailtrixy_sandbox.schemas import Envelope, Me, TeamMember
from mailtrixy_sandbox.state import SandboxState, get_state

router = APIRouter(tags=["team"])
any_token = auth.require(None)


@router.get(
    "/team-members",
    response_model=Envelope[list[TeamMember]],
    responses=errors(),
    summary="List the workspace's team members",
)
async def list_team_members(
    _principal: Principal = Depends(any_token), state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    rows = state.db.all("SELECT * FROM team_members ORDER BY id")
    return ok([serializers.team_member(r) for r in rows])


@router.get(
    "/me",
    response_model=Envelope[Me],
    responses=errors(),
    summary="Who this token acts as, and its scopes",
)
async def me(
    principal: Principal = Depends(any_token), state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    row = state.db.one("SELECT * FROM team_members WHERE id = ?", (principal.member_id,))
    return ok(
        {
            "member": serializers.team_member(row) if row is not None else None,
            "scopes": [s for s in ALL_SCOPES if s in principal.scopes],
            "workspace_id": 1,
            "workspace_name": state.db.get_meta("workspace_name") or "MailTrixy Sandbox",
            "currency": "USD",
        }
    )
