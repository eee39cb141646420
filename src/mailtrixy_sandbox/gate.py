"""The gate in front of ``/api/v1``: authentication, rate limiting, idempotency.

A plain ASGI middleware (not Starlette's BaseHTTPMiddleware) so that it can
read the request body once for the idempotency fingerprint and hand it on.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mailtrixy_sandbox import auth
from mailtrixy_sandbox.errors import error_body
from mailtrixy_sandbox.idempotency import IdempotencyStore, Stored, fingerprint
from mailtrixy_sandbox.ratelimit import RateLimiter

API_PREFIX = "/api/v1"
MAX_KEY_LENGTH = 255


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


async def _send_json(
    send: Send, status: int, body: dict[str, Any], headers: list[tuple[str, str]]
) -> None:
    raw = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(raw)).encode()),
            ]
            + [(k.encode(), v.encode()) for k, v in headers],
        }
    )
    await send({"type": "http.response.body", "body": raw})


class ApiGate:
    def __init__(self, app: ASGIApp, *, state: Any) -> None:
        self.app = app
        self.state = state  # mailtrixy_sandbox.app.SandboxState

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or not (path == API_PREFIX or path.startswith(API_PREFIX + "/")):
            await self.app(scope, receive, send)
            return

        token = auth.bearer_token(_header(scope, b"authorization"))
        principal = auth.lookup(self.state.db, token) if token else None
        limiter: RateLimiter = self.state.limiter
        if principal is None:
            # Callers without a valid token share a bucket per address, so guessing is limited.
            client = scope.get("client") or ("unknown", 0)
            decision = limiter.hit(f"address:{client[0]}")
        else:
            scope.setdefault("state", {})["principal"] = principal
            decision = limiter.hit(principal.token)
        rate_headers = [
            ("x-ratelimit-limit", str(decision.limit)),
            ("x-ratelimit-remaining", str(decision.remaining)),
        ]
        if not decision.allowed:
            await _send_json(
                send,
                429,
                error_body(f"Too many requests. Retry after {decision.retry_after} seconds."),
                [*rate_headers, ("retry-after", str(decision.retry_after))],
            )
            return
        if principal is None:
            await _send_json(
                send,
                401,
                error_body("Missing or invalid API token."),
                [*rate_headers, ("www-authenticate", "Bearer")],
            )
            return

        async def send_with_rate_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + [
                    (k.encode(), v.encode()) for k, v in rate_headers
                ]
            await send(message)

        faults = self.state.config.faults
        if faults.error_rate and self.state.rng.random() < faults.error_rate:
            # An injected server error: nothing runs, so it has no effect.
            await _send_json(
                send_with_rate_headers,
                faults.error_status,
                error_body("Injected server error."),
                [],
            )
            return

        key = _header(scope, b"idempotency-key")
        if scope.get("method") != "POST" or key is None:
            await self._slow_down()
            await self.app(scope, receive, send_with_rate_headers)
            return
        if not key.strip() or len(key) > MAX_KEY_LENGTH:
            await _send_json(
                send_with_rate_headers,
                400,
                error_body(f"The Idempotency-Key header must be 1 to {MAX_KEY_LENGTH} characters."),
                [],
            )
            return
        await self._idempotent(scope, receive, send_with_rate_headers, principal.token, key)

    async def _slow_down(self) -> None:
        processing_ms = self.state.config.faults.processing_ms
        if processing_ms:
            await asyncio.sleep(processing_ms / 1000)

    async def _idempotent(
        self, scope: Scope, receive: Receive, send: Send, token: str, key: str
    ) -> None:
        body = b""
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break

        store: IdempotencyStore = self.state.idempotency
        print_ = fingerprint(
            scope["method"], scope["path"], scope.get("query_string", b"").decode("latin-1"), body
        )
        begun = store.begin(token, key, print_)
        if begun.outcome == "mismatch":
            await _send_json(
                send,
                422,
                error_body(
                    "This Idempotency-Key was already used with a different request.",
                    {"Idempotency-Key": ["Reused with a different request body."]},
                ),
                [],
            )
            return
        if begun.outcome == "in_flight":
            await _send_json(
                send,
                409,
                error_body("A request with this Idempotency-Key is still being processed."),
                [],
            )
            return
        if begun.outcome == "replay" and begun.stored is not None:
            stored = begun.stored
            await send(
                {
                    "type": "http.response.start",
                    "status": stored.status,
                    "headers": [(k.encode(), v.encode()) for k, v in stored.headers]
                    + [(b"idempotent-replayed", b"true")],
                }
            )
            await send({"type": "http.response.body", "body": stored.body})
            return

        replayed = False

        async def replay_receive() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        status = 500
        headers: list[tuple[str, str]] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [
                    (k.decode("latin-1"), v.decode("latin-1"))
                    for k, v in message.get("headers", [])
                    if k.lower() in (b"content-type", b"content-length", b"location")
                ]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self._slow_down()
            await self.app(scope, replay_receive, capture)
        except BaseException:
            store.abandon(token, key)
            raise
        if status >= 500 or status in (400, 422):
            store.abandon(token, key)
        else:
            store.complete(token, key, Stored(status, headers, b"".join(chunks)))
