"""Is the server reachable? Online, degraded or offline, and a probe that finds out.

Every request's outcome feeds ``record``; a run of network failures turns the
state offline, server errors or rate limits make it degraded. While offline a
probe (a cheap GET) runs with growing pauses and brings the state back to
online by itself. Listeners are plain callbacks; the ui layer turns them into
Qt signals.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP

log = logging.getLogger("mailtrixy_desktop.sync.connectivity")


class State(StrEnum):
    ONLINE = "online"
    DEGRADED = "degraded"  # reachable, but failing or slowing us down (5xx, 429)
    OFFLINE = "offline"


@dataclass(frozen=True)
class Status:
    state: State
    reason: str  # a sentence for the status bar
    since: float  # time.time() of the change


Listener = Callable[[Status], None]
DROPS_MEAN_OFFLINE = 3

# The reasons are shown in the status bar; the UI translates them (i18n_marks).

CONNECTED = QT_TRANSLATE_NOOP("Connectivity", "Connected.")
NO_CONNECTION = QT_TRANSLATE_NOOP(
    "Connectivity",
    "No connection to the server. Changes are kept in the outbox and sent when it is back.",
)
Probe = Callable[[], Awaitable[object]]


class Connectivity:
    def __init__(
        self,
        probe: Probe,
        *,
        first_pause: float = 1.0,
        max_pause: float = 60.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._probe = probe
        self._first_pause = first_pause
        self._max_pause = max_pause
        self._sleep = sleep
        self._status = Status(State.ONLINE, CONNECTED, time.time())
        self._listeners: list[Listener] = []
        self._probe_task: asyncio.Task[None] | None = None
        self._online = asyncio.Event()
        self._online.set()
        self._dropped = 0  # connections lost in a row since the last answer

    @property
    def status(self) -> Status:
        return self._status

    @property
    def state(self) -> State:
        return self._status.state

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    async def wait_online(self) -> None:
        await self._online.wait()

    def record_success(self) -> None:
        self._dropped = 0
        if self._status.state is not State.ONLINE:
            self._set(State.ONLINE, CONNECTED)

    def record_failure(self, error: BaseException) -> None:
        """Feed the outcome of a request that failed."""
        if isinstance(error, errors.NetworkError) and not isinstance(error, errors.OutcomeUnknown):
            self._set(State.OFFLINE, NO_CONNECTION)
        elif isinstance(error, errors.OutcomeUnknown):
            # Connections that are accepted and then lost, again and again with nothing
            # getting through (a dead proxy, a captive portal), are no connection at all.
            self._dropped += 1
            if self._dropped >= DROPS_MEAN_OFFLINE:
                self._set(State.OFFLINE, NO_CONNECTION)
            else:
                self._set(
                    State.DEGRADED,
                    QT_TRANSLATE_NOOP("Connectivity", "The connection is unreliable; retrying."),
                )
        elif isinstance(error, errors.RateLimited):
            self._set(
                State.DEGRADED,
                QT_TRANSLATE_NOOP(
                    "Connectivity", "The server asked us to slow down; retrying shortly."
                ),
            )
        elif isinstance(error, errors.ServerError):
            self._set(
                State.DEGRADED,
                QT_TRANSLATE_NOOP(
                    "Connectivity", "The server is having trouble ({status}); retrying."
                ).format(status=error.status),
            )

    def _set(self, state: State, reason: str) -> None:
        if state is self._status.state and reason == self._status.reason:
            return
        self._status = Status(state, reason, time.time())
        log.info("connectivity: %s (%s)", state.value, reason)
        if state is State.OFFLINE:
            self._online.clear()
            self._start_probe()
        else:
            self._online.set()
        for listener in list(self._listeners):
            listener(self._status)

    def _start_probe(self) -> None:
        if self._probe_task is None or self._probe_task.done():
            self._probe_task = asyncio.get_running_loop().create_task(
                self._probe_loop(), name="connectivity-probe"
            )

    async def _probe_loop(self) -> None:
        pause = self._first_pause
        while self._status.state is State.OFFLINE:
            await self._sleep(pause * (0.5 + random.random() / 2))
            try:
                await self._probe()
            except errors.ApiError as exc:
                if not isinstance(exc, errors.NetworkError):
                    # An answer, even an error, means the server is reachable.
                    self.record_success()
                    return
                pause = min(self._max_pause, pause * 2)
                continue
            self.record_success()

    async def close(self) -> None:
        if self._probe_task is not None:
            self._probe_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._probe_task
