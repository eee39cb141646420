"""Faults on demand, outermost around the whole app.

Latency with jitter, dropped connections (before the request is handled, or
after it took effect), and an offline switch. Injected 5xx answers come from
the gate, after authentication and rate limiting, so they carry the rate-limit
headers like every other answer. Only
``/api/v1`` is affected; ``/_admin`` and ``/openapi.json`` stay reachable so a
test can turn the faults off again.

A "dropped" connection is cut at the TCP level: uvicorn's ``send`` is a bound
method of its request cycle, which holds the transport. Where that is not
available the response is started and then abandoned, which a client also sees
as a broken connection.
"""

from __future__ import annotations

import asyncio
import random
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mailtrixy_sandbox.config import FaultSettings

API_PREFIX = "/api/v1"


class ConnectionDropped(Exception):
    """Raised when a connection could only be cut by abandoning a started response."""


def _abort(send: Send) -> bool:
    cycle: Any = getattr(send, "__self__", None)
    transport: Any = getattr(cycle, "transport", None)
    if transport is None or not hasattr(transport, "abort"):
        return False
    transport.abort()
    # Tell uvicorn's request cycle the exchange is over, so it neither writes a
    # 500 into the dead socket nor logs the request as a broken application.
    for flag in ("response_started", "response_complete"):
        if hasattr(cycle, flag):
            setattr(cycle, flag, True)
    return True


async def _cut(send: Send) -> bool:
    """Cut the connection. True when done cleanly; the caller must then return."""
    if _abort(send):
        return True
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100000")]}
    )
    raise ConnectionDropped()


class FaultInjector:
    def __init__(self, app: ASGIApp, settings: FaultSettings, rng: random.Random) -> None:
        self.app = app
        self.settings = settings
        self.rng = rng

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        s = self.settings
        if s.offline and await _cut(send):
            return
        if s.latency_ms or s.jitter_ms:
            delay = s.latency_ms + (self.rng.uniform(0, s.jitter_ms) if s.jitter_ms else 0)
            await asyncio.sleep(delay / 1000)
        if s.drop_rate and self.rng.random() < s.drop_rate:
            phase = s.drop_phase
            if phase == "random":
                phase = self.rng.choice(("before", "after"))
            if phase == "before" and await _cut(send):
                return
            await self._run_then_cut(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _run_then_cut(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def swallow(_message: Message) -> None:
            return None

        await self.app(scope, receive, swallow)
        await _cut(send)
