"""Pull the server's state into the store: full syncs and incremental ones.

A full sync reads the first page, learns how many there are, then reads the
rest several at a time; each page is written in its own transaction as it
arrives, so the UI can paint partial results and a failure loses at most a
page. Rows the server no longer has are removed only after every page came
back. An incremental sync asks for ``updated_since`` the newest change seen.

Every store call of a sync runs in one writer thread of its own (``_Writer``),
in the order it was handed in, never on the event loop: SQLite works without
the GIL, so pages keep arriving and the UI keeps painting while a page is
written. Pages may therefore commit in any order; each is still one
transaction. The first sync of an empty table defers its sort and search
indexes and builds them once at the end (``store.indexing``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.store import indexing, outbox, sync_state
from mailtrixy_desktop.sync.operations import TARGETS
from mailtrixy_desktop.sync.resources import BY_NAME, RESOURCES

if TYPE_CHECKING:
    from mailtrixy_desktop.api.client import MailTrixyClient
    from mailtrixy_desktop.api.pagination import Page
    from mailtrixy_desktop.store.database import Store
    from mailtrixy_desktop.sync.connectivity import Connectivity
    from mailtrixy_desktop.sync.resources import SyncedResource

log = logging.getLogger("mailtrixy_desktop.sync.pull")

# Pages read but not yet written, per concurrent request: enough that fetching goes on
# while a page is written; more only holds more objects for the garbage collector to
# walk (longer pauses of the event loop) without making the sync faster.
BACKLOG_PER_REQUEST = 2

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


T = TypeVar("T")
ProgressListener = Callable[[Progress], None]
ChangeListener = Callable[[set[str]], None]


def _latest(items: Sequence[Any]) -> dt.datetime | None:
    """The newest ``updated_at`` among the items (None when they have none)."""
    stamps = [
        value
        for item in items
        if isinstance(value := getattr(item, "updated_at", None), dt.datetime)
    ]
    return max(stamps) if stamps else None


@dataclass(frozen=True, slots=True)
class _Digest:
    """A page as the writer and the bookkeeping need it."""

    payload: Any  # what the resource writes: plain rows, or the models
    ids: list[int]  # every item's id, the skipped ones' too
    bad: int
    latest: dt.datetime | None
    count: int
    total: int


def _restore_if_deferred(store: Store, table: str) -> None:
    """In the writer, after ``indexing.defer`` ran there: build the indexes again if it
    deferred them (it did not if the table had rows)."""
    if table in store.deferred:
        indexing.restore(store, table)


def _keep_local_deletes(store: Store, resource: SyncedResource) -> None:
    """Drop again what a page just wrote back although its delete waits in the outbox:
    the page was read before the delete reached the server, and an incremental sync
    would never say it is gone."""
    if resource.target_type is None:
        return
    ids = outbox.deleting(store, resource.target_type)
    if ids:
        TARGETS[resource.target_type].delete(store, ids)


def _write_page(
    write: Callable[[Store, Any], Any], resource: SyncedResource, store: Store, payload: Any
) -> None:
    with store.transaction():
        write(store, payload)
        _keep_local_deletes(store, resource)


def _log_failure(job: asyncio.Future[Any]) -> None:
    if not job.cancelled() and (exc := job.exception()) is not None:
        log.error("store work of a sync failed", exc_info=exc)


class _Writer:
    """The one thread that runs a sync's store work, a job at a time, in the order
    the jobs were handed in. A job is a whole synchronous call (a page in its
    transaction), so no transaction ever spans an ``await``."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mailtrixy-sync-writer")

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in the writer thread. Cancelling the caller drops a job that
        has not started yet; one that has started finishes."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, *args))

    def submit(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """Hand in ``fn(*args)`` without waiting; it runs whatever happens to the caller
        (await the answer through ``asyncio.shield``)."""
        return asyncio.wrap_future(self._pool.submit(fn, *args))

    def hand_in(self, fn: Callable[..., Any], *args: Any) -> None:
        """Hand in ``fn(*args)`` for its effect alone; a failure is logged."""
        self.submit(fn, *args).add_done_callback(_log_failure)

    async def run_surely(self, fn: Callable[..., T], *args: Any) -> T:
        """As ``run``, but the job runs even if the caller is cancelled meanwhile."""
        return await asyncio.shield(self.submit(fn, *args))

    async def close(self) -> None:
        """Once every job handed in so far has finished, let the thread go."""
        try:
            await self.run_surely(lambda: None)
        finally:
            self._pool.shutdown(wait=False)


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
        writer = _Writer()
        try:
            return await self._run_with(writer, chosen, full=full)
        finally:
            await writer.close()

    async def _run_with(
        self, writer: _Writer, chosen: list[SyncedResource], *, full: bool
    ) -> SyncReport:
        report = SyncReport()
        try:
            scopes = await self._token_scopes()
        except errors.ApiError as exc:
            # Not even /me answered: every resource would fail the same way.
            self._feed(exc)
            for resource in chosen:
                report.failed[resource.name] = exc
                await writer.run(
                    sync_state.record_sync_error, self.store, resource.name, exc.message
                )
            return report
        # A resource's last store work (indexes built again, stale rows removed) runs in
        # the writer while the next resource is already being fetched.
        tails: list[asyncio.Future[None]] = []
        try:
            await self._each(writer, chosen, scopes, report, tails, full=full)
        finally:
            await asyncio.gather(*tails)
        return report

    async def _each(
        self,
        writer: _Writer,
        chosen: list[SyncedResource],
        scopes: frozenset[str] | None,
        report: SyncReport,
        tails: list[asyncio.Future[None]],
        *,
        full: bool,
    ) -> None:
        for resource in chosen:
            if scopes is not None and resource.scope is not None and resource.scope not in scopes:
                report.skipped[resource.name] = f"The API token has no '{resource.scope}' scope."
                continue
            try:
                bad, tail = await self._sync(writer, resource, full=full)
            except errors.Forbidden as exc:
                report.skipped[resource.name] = exc.message
            except errors.NotFound as exc:
                # An older server without this endpoint: the feature is hidden, not broken.
                report.skipped[resource.name] = f"The server does not offer {resource.name}."
                log.info("%s: %s", resource.name, exc.message)
            except errors.ApiError as exc:
                report.failed[resource.name] = exc
                await writer.run(
                    sync_state.record_sync_error, self.store, resource.name, exc.message
                )
                self._feed(exc)
                if isinstance(exc, errors.Unauthenticated | errors.NetworkError):
                    break  # every other resource would fail the same way
            else:
                if tail is not None:
                    tails.append(tail)
                report.synced.append(resource.name)
                if bad:
                    report.bad_items[resource.name] = bad

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
    async def _sync(
        self, writer: _Writer, resource: SyncedResource, *, full: bool
    ) -> tuple[int, asyncio.Future[None] | None]:
        """Fetch and write one resource: how many items were bad, and what finishes
        when its last store work is done and the change has been announced (None
        when that has already happened)."""
        started = dt.datetime.now(dt.UTC)
        if resource.fetch_all is not None:
            items = await self._with_retry(resource.fetch_all, self.client)

            def write_all() -> None:
                with self.store.transaction():
                    resource.write(self.store, items)
                    _keep_local_deletes(self.store, resource)
                    resource.remove_except(self.store, (i.id for i in items))
                    sync_state.record_full_sync(
                        self.store, resource.name, finished_at=started, cursor=None
                    )

            await writer.run(write_all)
            self._emit(Progress(resource.name, len(items), len(items)))
            self._changed({resource.name})
            return 0, None
        since = None
        if not full:
            state = await writer.run(sync_state.sync_state, self.store, resource.name)
            since = state.cursor
        seen, newest, bad = await self._pages(writer, resource, since)

        def finish() -> None:
            with self.store.transaction():
                if since is None:
                    resource.remove_except(self.store, seen)
                    sync_state.record_full_sync(
                        self.store, resource.name, finished_at=started, cursor=newest
                    )
                elif newest is not None:
                    sync_state.record_incremental_sync(self.store, resource.name, cursor=newest)

        finishing = writer.submit(finish)  # after the indexes, if any were deferred

        async def tail() -> None:
            await asyncio.shield(finishing)
            self._changed({resource.name})

        return bad, asyncio.ensure_future(tail())

    async def _pages(
        self, writer: _Writer, resource: SyncedResource, since: dt.datetime | None
    ) -> tuple[set[int], dt.datetime | None, int]:
        assert resource.fetch_page is not None
        fetch = resource.fetch_page
        seen: set[int] = set()
        # The newest change so far, not every one: 100,000 datetimes (each with its own
        # tzinfo object) would make every full garbage collection of the sync dearer.
        newest: dt.datetime | None = None
        bad = 0
        done = 0

        write = resource.write_rows or resource.write
        to_rows = resource.to_rows

        def digest(page: Page[Any]) -> _Digest:
            # On the loop, as the page arrives; the models are dropped right after, so
            # only plain values wait for the writer (see SyncedResource.to_rows).
            items = page.items
            return _Digest(
                to_rows(items) if to_rows is not None else items,
                # A malformed item is reported and skipped, but it still exists on the
                # server: keep its cached row rather than deleting it at the end.
                [i.id for i in items] + [s.item_id for s in page.skipped if s.item_id is not None],
                len(page.skipped),
                _latest(items),
                len(items) + len(page.skipped),
                page.meta.total,
            )

        async def absorb(page: _Digest) -> None:
            nonlocal bad, done, newest
            # One transaction per page, in the writer thread; the loop goes on meanwhile.
            await writer.run(_write_page, write, resource, self.store, page.payload)
            seen.update(page.ids)
            bad += page.bad
            if page.latest is not None and (newest is None or page.latest > newest):
                newest = page.latest
            done += page.count
            self._emit(Progress(resource.name, done, page.total))

        first = await self._with_retry(fetch, self.client, 1, since)
        last_page = first.meta.last_page
        table = resource.table if since is None and last_page > 1 else None
        if table is not None:
            # A first sync of an empty table: indexes once at the end, not row by row.
            # Not awaited: the pages queue behind it in the writer.
            writer.hand_in(indexing.defer, self.store, table)
        try:
            # At most ``concurrency`` requests in flight, and at most BACKLOG_PER_REQUEST
            # times that many pages read but not yet written: memory stays flat when
            # the disk is slower than the network. A few workers take the page numbers
            # in turn (not a task per page: fewer objects for the garbage collector to
            # walk, and no burst of task creation on the loop).
            fetching = asyncio.Semaphore(self.concurrency)
            numbers = iter(range(2, last_page + 1))

            async def worker() -> None:
                for number in numbers:  # shared: each page is taken once
                    async with fetching:
                        fetched = await self._with_retry(fetch, self.client, number, since)
                    page = digest(fetched)
                    del fetched  # the models: only the digest waits for the writer
                    await absorb(page)

            workers = min(self.concurrency * BACKLOG_PER_REQUEST, last_page - 1)
            tasks = [asyncio.ensure_future(absorb(digest(first)))]
            del first
            tasks += [asyncio.ensure_future(worker()) for _ in range(workers)]
            try:
                await asyncio.gather(*tasks)
            except BaseException:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                raise
        finally:
            if table is not None:
                # Whether the sync worked or not; a crash before it is repaired on open.
                # Not awaited either: what comes next queues behind it.
                writer.hand_in(_restore_if_deferred, self.store, table)
        return seen, newest, bad

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
