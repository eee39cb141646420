"""The sync scheduler against the sandbox: first start, polling, F5, and failures."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.store import contact_lists, sync_state
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.sync.pull import PullEngine
from mailtrixy_desktop.sync.scheduler import Intervals, SyncActivity, SyncScheduler
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api

pytestmark = pytest.mark.anyio

FAST = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05, max_total=1)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "workspace.sqlite3")
    yield s
    s.close()


@pytest.fixture
async def client(sandbox: SandboxProcess) -> AsyncIterator[MailTrixyClient]:
    async with MailTrixyClient(sandbox.url, sandbox.token, retry=FAST) as c:
        yield c


async def eventually(condition: object, what: str, within: float = 20.0) -> None:
    deadline = time.monotonic() + within
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def test_first_start_syncs_everything_then_f5_pulls_what_changed(
    api: Api, client: MailTrixyClient, store: Store
) -> None:
    seen: list[SyncActivity] = []
    scheduler = SyncScheduler(
        PullEngine(client, store), intervals=Intervals(default=3600, per_resource={})
    )
    scheduler.subscribe(seen.append)
    scheduler.start()
    try:
        await eventually(lambda: scheduler.reports, "the first sync")
        assert scheduler.reports[0].ok
        assert sync_state.sync_state(store, "contacts").last_full_sync_at is not None
        assert seen[0].running
        assert not seen[-1].running
        assert seen[-1].last_finished_at is not None
        assert any(a.progress is not None and a.progress.resource == "contacts" for a in seen)

        # Someone adds a contact; F5 brings it without waiting for the hour.
        marker = uuid.uuid4().hex[:10]
        api.make_contact(name=f"Scheduler {marker}")
        scheduler.request(["contacts"])
        await eventually(
            lambda: contact_lists.count_contacts(store, search=marker) == 1, "the new contact"
        )
    finally:
        await scheduler.stop()


async def test_a_failing_server_is_reported_and_tried_again(
    admin: Admin, client: MailTrixyClient, store: Store
) -> None:
    scheduler = SyncScheduler(
        PullEngine(client, store), intervals=Intervals(default=3600, per_resource={})
    )
    admin.faults(error_rate=1.0, error_status=500)
    try:
        scheduler.start()
        await eventually(lambda: scheduler.activity.last_error is not None, "the error")
        assert scheduler.activity.last_finished_at is None
        assert "Could not sync" in (scheduler.activity.last_error or "")
    finally:
        admin.faults(error_rate=0.0)
    scheduler.request()
    try:
        await eventually(
            lambda: scheduler.activity.last_finished_at is not None, "a sync after recovery"
        )
        assert scheduler.activity.last_error is None
    finally:
        await scheduler.stop()
