"""Helpers every router uses: envelopes, pagination, documented error statuses."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from fastapi import Query

from mailtrixy_sandbox import clock
from mailtrixy_sandbox.errors import Invalid
from mailtrixy_sandbox.schemas import ErrorBody

_DESCRIPTIONS = {
    400: "Malformed request body",
    401: "Missing or invalid Bearer token",
    403: "The token lacks the required scope",
    404: "Not found",
    409: "Conflicts with the resource's state, or the Idempotency-Key is in use",
    422: "Validation error, with messages per field",
    429: "Rate limited; see Retry-After",
}
_ALWAYS = (401, 403, 422, 429)


_RATE_HEADERS: dict[str, dict[str, Any]] = {
    "X-RateLimit-Limit": {
        "description": "Requests allowed per window for this token",
        "schema": {"type": "integer"},
    },
    "X-RateLimit-Remaining": {
        "description": "Requests left in the current window",
        "schema": {"type": "integer"},
    },
}
_HEADERS: dict[int, dict[str, dict[str, Any]]] = {
    401: {"WWW-Authenticate": {"description": "Always `Bearer`", "schema": {"type": "string"}}},
    429: {
        "Retry-After": {
            "description": "Seconds to wait before retrying",
            "required": True,
            "schema": {"type": "integer"},
        },
        **_RATE_HEADERS,
    },
}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the error statuses an operation can return."""
    responses: dict[int | str, dict[str, Any]] = {}
    for code in sorted(set(_ALWAYS) | set(codes)):
        responses[code] = {"model": ErrorBody, "description": _DESCRIPTIONS[code]}
        if code in _HEADERS:
            responses[code]["headers"] = _HEADERS[code]
    return responses


# Every POST honours Idempotency-Key, so a replayed key can also give 400 or 409.
POST_ERRORS = (400, 409)


def ok(data: Any, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"success": True, "data": data}
    if meta is not None:
        body["meta"] = meta
    return body


def message(text: str) -> dict[str, Any]:
    return ok({"message": text})


# Keeps (page - 1) * per_page well inside SQLite's 64-bit integers.
MAX_PAGE = 2**31 - 1


@dataclass
class Paging:
    page: int
    per_page: int
    updated_since: str | None

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def meta(self, total: int) -> dict[str, Any]:
        return {
            "current_page": self.page,
            "per_page": self.per_page,
            "total": total,
            "last_page": max(1, math.ceil(total / self.per_page)),
        }


async def paging(
    page: int = Query(1, ge=1, le=MAX_PAGE, description="Page number"),
    per_page: int = Query(25, ge=1, le=100, description="Items per page, max 100"),
    updated_since: str | None = Query(
        None, description="ISO 8601; only items updated at or after this moment"
    ),
) -> Paging:
    since = None
    if updated_since is not None:
        try:
            moment = clock.parse_iso(updated_since)
            since = None if moment is None else clock.to_iso(moment)
        except OverflowError:  # e.g. 0001-01-01T00:00:00+01:00 is before year 1 in UTC
            since = None
        if since is None:
            raise Invalid({"updated_since": ["The updated since must be an ISO 8601 date-time."]})
    return Paging(page, per_page, since)
