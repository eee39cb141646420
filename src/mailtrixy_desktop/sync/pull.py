"""Pull the server's state into the store: full syncs and incremental ones.

A full sync reads the first page, learns how many there are, then reads the
rest several at a time; each page is written in its own transaction as it
arrives, so the UI can paint partial results and a failure loses at most a
page. Rows the server no longer has are removed only after every page came
back. An incremental sync asks for ``updated_since`` the newest change seen.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.pagination import Page
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.store import sync_state
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.sync.connectivity import Connectivity
from mailtrixy_desktop.sync.resources import BY_NAME, RESOURCES, SyncedResource

log = logging.getLogger("mailtrixy_desktop.sync.pull")

# Pages are retried here too: the api layer does not retry a plain 500 or an
# answer lost mid-way, but re-reading a page is always safe.
PAGE_RETRY = RetryPolicy(
    max_attempts=5, base_delay=0.5, max_delay=10.0, max_total=60.0, statuses=frozenset()
)


@dataclass(frozen=True)
class Progress:
    resource: str
    done: int
    total: int | None  # None until the server says


@dataclass
class SyncReport:
    synced: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # resource -> why (scope)
    failed: dict[str, errors.ApiError] = field(default_factory=dict)
    bad_items: dict[str, int] = field(default_factory=dict)  # reported and skipped

    @property
    def ok(self) -> bool:
        return not self.failed


ProgressListener = Callable[[Progress], None]
ChangeListener = Callable[[set[str]], None]


def _updated(item: Any) -> dt.datetime | None:
    value = getattr(item, "updated_at", None)
    return value if isinstance(value, dt.datetime) else None


class PullEngine:
    def __init__(
        self,
        client: MailTrixyClient,
        store: Store,
        *,
        connectivity: Connectivity | None = None,
        concurrency: int = 4,
        page_retry: RetryPolicy = PAGE_RETRY,
    ) -> None:
        self.client = client
        self.store = store
        self.connectivity = connectivity
        self.concurrency = max(1, concurrency)
        self.page_retry = page_retry
        self._progress: list[ProgressListener] = []
        self._changes: list[ChangeListener] = []
        self._scopes: frozenset[str] | None = None

    def on_progress(self, listener: ProgressListener) -> None:
        self._progress.append(listener)

    def on_change(self, listener: ChangeListener) -> None:
        self._changes.append(listener)

    # ------------------------------------------------------------ entry points
    async def full_sync(self, names: Iterable[str] | None = None) -> SyncReport:
        return await self._run(names, full=True)

    async def incremental_sync(self, names: Iterable[str] | None = None) -> SyncReport:
        return await self._run(names, full=False)

    async def _run(self, names: Iterable[str] | None, *, full: bool) -> SyncReport:
        chosen = [BY_NAME[n] for n in names] if names is not None else list(RESOURCES)
        report = SyncReport()
        try:
            scopes = await self._token_scopes()
        except errors.ApiError as exc:
            # Not even /me answered: every resource would fail the same way.
            self._feed(exc)
            for resource in chosen:
                report.failed[resource.name] = exc
                sync_state.record_sync_error(self.store, resource.name, exc.message)
            return report
        for resource in chosen:
            if scopes is not None and resource.scope is not None and resource.scope not in scopes:
                report.skipped[resource.name] = f"The API token has no '{resource.scope}' scope."
                continue
            try:
                bad = await self._sync(resource, full=full)
            except errors.Forbidden as exc:
                report.skipped[resource.name] = exc.message
            except errors.NotFound as exc:
                # An older server without this endpoint: the feature is hidden, not broken.
                report.skipped[resource.name] = f"The server does not offer {resource.name}."
                log.info("%s: %s", resource.name, exc.message)
            except errors.ApiError as exc:
                report.failed[resource.name] = exc
                sync_state.record_sync_error(self.store, resource.name, exc.message)
                self._feed(exc)
                if isinstance(exc, errors.Unauthenticated | errors.NetworkError):
                    break  # every other resource would fail the same way
            else:
                report.synced.append(resource.name)
                if bad:
                    report.bad_items[resource.name] = bad
        return report

    async def _token_scopes(self) -> frozenset[str] | None:
        if self._scopes is None:
            try:
                me = await self._with_retry(self.client.team.me)
            except errors.NotFound:
                return None  # no /me: try everything, and skip what is forbidden
            self._feed(None)
            self._scopes = frozenset(me.scopes)
        return self._scopes

    # ------------------------------------------------------------ one resource
    async def _sync(self, resource: SyncedResource, *, full: bool) -> int:
        started = dt.datetime.now(dt.UTC)
        if resource.fetch_all is not None:
            items = await self._with_retry(resource.fetch_all, self.client)
            with self.store.transaction():
                resource.write(self.store, items)
                resource.remove_except(self.store, (i.id for i in items))
                sync_state.record_full_sync(
                    self.store, resource.name, finished_at=started, cursor=None
                )
            self._emit(Progress(resource.name, len(items), len(items)))
            self._changed({resource.name})
            return 0
        since = None if full else sync_state.sync_state(self.store, resource.name).cursor
        seen, newest, bad = await self._pages(resource, since)
        with self.store.transaction():
            if since is None:
                resource.remove_except(self.store, seen)
                sync_state.record_full_sync(
                    self.store, resource.name, finished_at=started, cursor=newest
                )
            elif newest is not None:
                sync_state.record_incremental_sync(self.store, resource.name, cursor=newest)
        self._changed({resource.name})
        return bad

    async def _pages(
        self, resource: SyncedResource, since: dt.datetime | None
    ) -> tuple[set[int], dt.datetime | None, int]:
        assert resource.fetch_page is not None
        fetch = resource.fetch_page
        seen: set[int] = set()
        newest: list[dt.datetime] = []
        bad = 0
        done = 0

        def absorb(page: Page[Any]) -> None:
            nonlocal bad, done
            resource.write(self.store, page.items)  # one transaction per page
            seen.update(item.id for item in page.items)
            # A malformed item is reported and skipped, but it still exists on the
            # server: keep its cached row rather than deleting it at the end.
            seen.update(s.item_id for s in page.skipped if s.item_id is not None)
            bad += len(page.skipped)
            newest.extend(u for item in page.items if (u := _updated(item)) is not None)
            done += len(page.items) + len(page.skipped)
            self._emit(Progress(resource.name, done, page.meta.total))

        first = await self._with_retry(fetch, self.client, 1, since)
        absorb(first)
        semaphore = asyncio.Semaphore(self.concurrency)

        async def one(number: int) -> None:
            async with semaphore:
                absorb(await self._with_retry(fetch, self.client, number, since))

        remaining = range(2, first.meta.last_page + 1)
        tasks = [asyncio.ensure_future(one(n)) for n in remaining]
        try:
            await asyncio.gather(*tasks)
        except BaseException:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
        return seen, max(newest, default=None), bad

    async def _with_retry(self, fn: Callable[..., Any], *args: Any) -> Any:
        attempt = 0
        waited = 0.0
        while True:
            attempt += 1
            try:
                result = await fn(*args)
            except (errors.ServerError, errors.NetworkError, errors.RateLimited) as exc:
                self._feed(exc)
                wait = self.page_retry.delay(attempt, getattr(exc, "retry_after", None))
                if not self.page_retry.should_retry(attempt, waited, wait):
                    raise
                await self.page_retry.sleep(wait)
                waited += wait
                continue
            self._feed(None)
            return result

    # ------------------------------------------------------------ notifications
    def _feed(self, error: BaseException | None) -> None:
        if self.connectivity is None:
            return
        if error is None:
            self.connectivity.record_success()
        else:
            self.connectivity.record_failure(error)

    def _emit(self, progress: Progress) -> None:
        for listener in list(self._progress):
            listener(progress)

    def _changed(self, names: set[str]) -> None:
        for listener in list(self._changes):
            listener(names)


def resource_names() -> Sequence[str]:
    return [r.name for r in RESOURCES]
