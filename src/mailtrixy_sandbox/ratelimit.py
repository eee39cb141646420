"""Per-token rate limiting as a token bucket.

A bucket holds ``limit`` requests and refills at ``limit / window`` per second,
so a client that waits the ``Retry-After`` it was given always gets through.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from mailtrixy_sandbox.config import RateLimitSettings


@dataclass
class Decision:
    allowed: bool
    limit: int
    remaining: int
    retry_after: int  # whole seconds; 0 when allowed


class RateLimiter:
    def __init__(self, settings: RateLimitSettings) -> None:
        self.settings = settings
        self._buckets: dict[str, tuple[float, float]] = {}  # token -> (tokens, last refill)

    def reset(self) -> None:
        self._buckets.clear()

    def hit(self, key: str, now: float | None = None) -> Decision:
        limit = max(1, self.settings.limit)
        rate = limit / max(self.settings.window_seconds, 0.001)
        moment = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(key, (float(limit), moment))
        tokens = min(float(limit), tokens + (moment - last) * rate)
        if tokens >= 1.0:
            tokens -= 1.0
            self._buckets[key] = (tokens, moment)
            return Decision(True, limit, int(tokens), 0)
        self._buckets[key] = (tokens, moment)
        wait = math.ceil((1.0 - tokens) / rate)
        return Decision(False, limit, 0, max(1, wait))
