"""Bearer tokens and their scopes."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from mailtrixy_sandbox import clock
from mailtrixy_sandbox.config import ALL_SCOPES
from mailtrixy_sandbox.db import Database
from mailtrixy_sandbox.errors import ApiError


@dataclass(frozen=True)
class Principal:
    token: str
    scopes: frozenset[str]
    member_id: int | None


def new_token() -> str:
    return "mtx_" + secrets.token_urlsafe(24)


def add_token(
    db: Database, token: str, scopes: tuple[str, ...], member_id: int | None, label: str = ""
) -> None:
    db.execute(
        "INSERT INTO tokens(token, scopes, member_id, label, created_at) VALUES (?,?,?,?,?) "
        "ON CONFLICT(token) DO UPDATE SET scopes = excluded.scopes",
        (token, ",".join(scopes), member_id, label, clock.now_iso()),
    )


def lookup(db: Database, token: str) -> Principal | None:
    row = db.one("SELECT token, scopes, member_id FROM tokens WHERE token = ?", (token,))
    if row is None:
        return None
    scopes = frozenset(s for s in row["scopes"].split(",") if s)
    return Principal(token=row["token"], scopes=scopes, member_id=row["member_id"])


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    kind, _, value = authorization.partition(" ")
    if kind.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


# Documents the scheme in /openapi.json; the gate middleware has already authenticated.
_bearer = HTTPBearer(auto_error=False, description="An API token, sent as a Bearer token.")


def current(request: Request) -> Principal:
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is None:  # the gate lets nothing through without one
        raise ApiError(401)
    return principal


def require(scope: str | None) -> Callable[..., Awaitable[Principal]]:
    """A dependency that needs ``scope`` (or only a valid token, when ``None``)."""
    if scope is not None and scope not in ALL_SCOPES:
        raise ValueError(scope)

    async def dependency(
        request: Request,
        _credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    ) -> Principal:
        principal = current(request)
        if scope is not None and scope not in principal.scopes:
            raise ApiError(
                403,
                f"This token lacks the '{scope}' scope.",
                extra={"required_scope": scope},
            )
        return principal

    return dependency
