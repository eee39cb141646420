"""When and how long to wait before trying a request again.

Written once, as data: exponential backoff with full jitter, honouring the
server's ``Retry-After``, bounded in attempts and in total time. ``sleep`` and
``uniform`` are injectable so tests run instantly and deterministically.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

RETRY_STATUSES = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    base_delay: float = 0.5  # seconds before the first retry, at most (full jitter)
    max_delay: float = 30.0  # cap of one wait
    max_total: float = 60.0  # no retry starts later than this after the first attempt
    statuses: frozenset[int] = RETRY_STATUSES
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, compare=False)
    uniform: Callable[[], float] = field(default=random.random, compare=False)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """The wait after failed attempt number ``attempt`` (1-based)."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))
        jittered = ceiling * self.uniform()
        if retry_after is not None:
            # The server knows best; jitter only on top, so clients don't return in step.
            return min(max(retry_after, 0.0), self.max_delay * 4) + jittered * 0.1
        return jittered

    def should_retry(self, attempt: int, elapsed: float, wait: float) -> bool:
        return attempt < self.max_attempts and elapsed + wait <= self.max_total


NO_RETRIES = RetryPolicy(max_attempts=1)
