"""The connectivity state: what failures mean, and the probe that brings it back online."""

from __future__ import annotations

import asyncio

import pytest

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.sync.connectivity import Connectivity, State, Status

pytestmark = pytest.mark.anyio


class FlakyProbe:
    """Fails ``failures`` times with a network error, then answers."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    async def __call__(self) -> object:
        self.calls += 1
        if self.calls <= self.failures:
            raise errors.Unreachable("no route")
        return {}


async def test_network_failures_go_offline_and_the_probe_comes_back_with_growing_pauses() -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.sleep(0)

    probe = FlakyProbe(failures=3)
    connectivity = Connectivity(probe, first_pause=1.0, max_pause=4.0, sleep=sleep)
    seen: list[Status] = []
    connectivity.subscribe(seen.append)

    connectivity.record_failure(errors.Unreachable("down"))
    assert connectivity.state is State.OFFLINE
    assert "outbox" in connectivity.status.reason  # the status bar says what happens to work
    await asyncio.wait_for(connectivity.wait_online(), timeout=5)
    assert connectivity.state is State.ONLINE
    assert probe.calls == 4
    # Each pause is jittered within [half, whole] of 1, 2, 4, 4 seconds.
    ceilings = [1.0, 2.0, 4.0, 4.0]
    assert all(c / 2 <= w <= c for w, c in zip(waits, ceilings, strict=True))
    assert [s.state for s in seen] == [State.OFFLINE, State.ONLINE]
    await connectivity.close()


@pytest.mark.parametrize(
    ("error", "state"),
    [
        (errors.ServerError("boom", status=503), State.DEGRADED),
        (errors.RateLimited("slow", retry_after=3), State.DEGRADED),
        (errors.OutcomeUnknown("lost"), State.DEGRADED),
        (errors.TimedOut("slow"), State.OFFLINE),
    ],
)
async def test_what_each_failure_means(error: errors.ApiError, state: State) -> None:
    connectivity = Connectivity(FlakyProbe(0))
    connectivity.record_failure(error)
    assert connectivity.state is state
    connectivity.record_success()
    await asyncio.wait_for(connectivity.wait_online(), timeout=5)
    assert connectivity.state is State.ONLINE
    await connectivity.close()


async def test_connections_lost_again_and_again_with_nothing_answered_mean_offline() -> None:
    async def sleep(_seconds: float) -> None:
        await asyncio.sleep(0)

    connectivity = Connectivity(FlakyProbe(0), sleep=sleep)
    connectivity.record_failure(errors.OutcomeUnknown("lost"))
    connectivity.record_success()  # an answer in between: still just unreliable
    connectivity.record_failure(errors.OutcomeUnknown("lost"))
    connectivity.record_failure(errors.OutcomeUnknown("lost"))
    assert connectivity.state is State.DEGRADED
    connectivity.record_failure(errors.OutcomeUnknown("lost"))
    assert connectivity.state is State.OFFLINE
    assert "No connection" in connectivity.status.reason
    await asyncio.wait_for(connectivity.wait_online(), timeout=5)  # the probe answers
    assert connectivity.state is State.ONLINE
    await connectivity.close()


async def test_a_refusal_is_not_a_connection_problem() -> None:
    connectivity = Connectivity(FlakyProbe(0))
    connectivity.record_failure(errors.ValidationFailed("bad", {"email": ["taken"]}))
    assert connectivity.state is State.ONLINE


async def test_an_error_answer_to_the_probe_still_means_reachable() -> None:
    async def probe() -> object:
        raise errors.Unauthenticated("token revoked")

    async def sleep(_seconds: float) -> None:
        await asyncio.sleep(0)

    connectivity = Connectivity(probe, sleep=sleep)
    connectivity.record_failure(errors.Unreachable("down"))
    await asyncio.wait_for(connectivity.wait_online(), timeout=5)
    assert connectivity.state is State.ONLINE
    await connectivity.close()
