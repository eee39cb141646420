"""Everything one running sandbox holds, reachable from a request."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request

from mailtrixy_sandbox.config import SandboxConfig
from mailtrixy_sandbox.db import Database
from mailtrixy_sandbox.idempotency import IdempotencyStore
from mailtrixy_sandbox.ratelimit import RateLimiter
from mailtrixy_sandbox.webhook_delivery import WebhookDispatcher

if TYPE_CHECKING:
    from mailtrixy_sandbox.simulator import World


@dataclass
class SandboxState:
    config: SandboxConfig
    db: Database
    limiter: RateLimiter
    idempotency: IdempotencyStore
    webhooks: WebhookDispatcher
    default_token: str
    admin_token: str
    world: World
    rng: random.Random = field(default_factory=random.Random)


async def get_state(request: Request) -> SandboxState:
    state: SandboxState = request.app.state.sandbox
    return state
