"""Drain a workspace's outbox in a process of its own, for the crash test.

    python tests/sync/outbox_worker.py <store path> <server url> <token>

Runs the outbox engine over the cache file until nothing is waiting (queued or
sending), then exits 0. The crash test kills it with SIGKILL half-way and starts
another. The helpers the outbox tests share live here too, so that the child
and the tests build clients and engines the same way.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.store import outbox
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.sync.outbox_engine import OutboxEngine

FAST_RETRY = RetryPolicy(max_attempts=3, base_delay=0.02, max_delay=0.2, max_total=5)
WAITING = (OpState.QUEUED, OpState.SENDING)


def make_client(url: str, token: str, retry: RetryPolicy = FAST_RETRY) -> MailTrixyClient:
    return MailTrixyClient(url, token, retry=retry)


def make_engine(client: MailTrixyClient, store: Store) -> OutboxEngine:
    return OutboxEngine(client, store, backoff_base=0.01, backoff_cap=0.2)


def waiting(store: Store) -> int:
    return len(outbox.open_operations(store, WAITING))


async def eventually(
    check: Callable[[], bool | Awaitable[bool]],
    *,
    within: float = 30.0,
    what: str = "the condition",
) -> None:
    """Poll ``check`` until it holds; fail after ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        outcome = check()
        if not isinstance(outcome, bool):
            outcome = await outcome
        if outcome:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {within} s waiting for {what}")
        await asyncio.sleep(0.02)


async def run(store_path: str, url: str, token: str) -> int:
    store = Store.open(store_path)
    client = make_client(url, token)
    engine = make_engine(client, store)
    engine.start()
    try:
        while waiting(store):  # noqa: ASYNC110 - another process may add work too
            await asyncio.sleep(0.05)
    finally:
        await engine.stop()
        await client.aclose()
        store.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(asyncio.run(run(sys.argv[1], sys.argv[2], sys.argv[3])))
