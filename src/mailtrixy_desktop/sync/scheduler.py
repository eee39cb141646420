"""When to pull: at start, on a timer per resource, on request (F5), after coming back.

One task runs every sync in turn, so two never write the same table at once. At
start each resource is brought up to date (a full sync the first time, then
incremental ones); afterwards the inbox is polled often, the rest less often, and
a full sync now and then removes what others deleted on the server. While offline
nothing is tried: the connectivity probe says when to go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mailtrixy_desktop.sync.connectivity import Connectivity, State
from mailtrixy_desktop.sync.pull import Progress, PullEngine, SyncReport
from mailtrixy_desktop.sync.resources import RESOURCES

log = logging.getLogger("mailtrixy_desktop.sync.scheduler")

ALL = tuple(r.name for r in RESOURCES)


@dataclass
class Intervals:
    """Seconds between incremental pulls per resource, and between full ones."""

    default: float = 120.0
    per_resource: dict[str, float] = field(default_factory=lambda: {"conversations": 30.0})
    full: float = 3600.0

    def of(self, name: str) -> float:
        return self.per_resource.get(name, self.default)


@dataclass(frozen=True)
class SyncActivity:
    """What the status bar shows: running or not, progress, and the last outcome."""

    running: bool
    progress: Progress | None
    last_finished_at: dt.datetime | None
    last_error: str | None


Listener = Callable[[SyncActivity], None]


class SyncScheduler:
    def __init__(
        self,
        pull: PullEngine,
        connectivity: Connectivity | None = None,
        *,
        intervals: Intervals | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.pull = pull
        self.connectivity = connectivity
        self.intervals = intervals or Intervals()
        self.clock = clock
        self._due: dict[str, float] = {}  # resource -> when next pulled (clock)
        self._full_due = 0.0
        self._requested: set[str] = set()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._listeners: list[Listener] = []
        self._activity = SyncActivity(False, None, None, None)
        self._reports: list[SyncReport] = []
        pull.on_progress(self._on_progress)

    # ------------------------------------------------------------------ control
    def start(self) -> None:
        if self._task is None:
            now = self.clock()
            self._due = dict.fromkeys(ALL, now)
            self._full_due = now + self.intervals.full
            self._task = asyncio.get_running_loop().create_task(self._run(), name="sync")

    async def stop(self) -> None:
        if self._task is not None:
            task, self._task = self._task, None
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
            except Exception:  # it died earlier; stopping must still succeed
                log.exception("the sync task had failed")

    def request(self, names: Iterable[str] | None = None) -> None:
        """Pull these resources (all when None) as soon as the current pull ends."""
        self._requested |= set(ALL if names is None else names) & set(ALL)
        self._wake.set()

    def set_interval(self, name: str, seconds: float) -> None:
        """Pull ``name`` every ``seconds`` from now on (the inbox's polling setting)."""
        self.intervals.per_resource[name] = seconds
        if name in self._due:
            self._due[name] = min(self._due[name], self.clock() + seconds)
            self._wake.set()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @property
    def activity(self) -> SyncActivity:
        return self._activity

    @property
    def reports(self) -> list[SyncReport]:
        """Every finished run's report, newest last (tests and diagnostics read it)."""
        return self._reports

    # ------------------------------------------------------------------ the loop
    async def _run(self) -> None:
        while True:
            if self.connectivity is not None and self.connectivity.state is State.OFFLINE:
                await self.connectivity.wait_online()
            now = self.clock()
            full = now >= self._full_due
            due = sorted(
                self._requested | {n for n, at in self._due.items() if at <= now},
                key=ALL.index,
            )
            if full:
                due = list(ALL)
            if due:
                self._requested.clear()
                await self._pull(due, full=full)
                continue
            wait = min([*self._due.values(), self._full_due]) - now
            self._wake.clear()
            with contextlib.suppress(TimeoutError):  # see OutboxEngine._run
                async with asyncio.timeout(max(0.05, wait)):
                    await self._wake.wait()

    async def _pull(self, names: list[str], *, full: bool) -> None:
        self._set(SyncActivity(True, None, self._activity.last_finished_at, None))
        error: str | None = None
        try:
            if full:
                report = await self.pull.full_sync(names)
            else:
                report = await self.pull.incremental_sync(names)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug must not end syncing for the session
            log.exception("sync of %s failed", names)
            report = SyncReport()
            error = f"Sync failed: {exc}"
        self._reports.append(report)
        del self._reports[:-20]
        if report.failed:
            first = next(iter(report.failed.values()))
            error = f"Could not sync {', '.join(report.failed)}: {first.message}"
        now = self.clock()
        for name in names:
            # A failed resource is tried again sooner than its interval, but not in a loop.
            pause = self.intervals.of(name) if name not in report.failed else 15.0
            self._due[name] = now + pause
        if full:
            self._full_due = now + self.intervals.full
        finished = dt.datetime.now(dt.UTC) if not report.failed else self._activity.last_finished_at
        self._set(SyncActivity(False, None, finished, error))

    def _on_progress(self, progress: Progress) -> None:
        self._set(
            SyncActivity(True, progress, self._activity.last_finished_at, self._activity.last_error)
        )

    def _set(self, activity: SyncActivity) -> None:
        self._activity = activity
        for listener in list(self._listeners):
            try:
                listener(activity)
            except Exception:
                log.exception("sync listener failed")
