"""Qt tests: a qasync loop over pytest-qt's QApplication, and async waiting.

DESIGN.md, "Testing async Qt code": httpx needs a running asyncio loop, so a test
runs its scenario as a coroutine with ``run(loop, scenario())`` and waits inside
it with ``await until(condition)``; never a fixed sleep.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from PySide6.QtWidgets import QApplication

from mailtrixy_desktop.ui import async_bridge

if TYPE_CHECKING:
    from mailtrixy_desktop.app.runner import AppSession

T = TypeVar("T")


@pytest.fixture
def loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    # A test closing its last window must not end the loop its scenario runs on.
    qapp.setQuitOnLastWindowClosed(False)
    event_loop = async_bridge.install_loop(qapp)
    stop_collecting = async_bridge.collect_garbage_on_ui_thread(qapp)
    yield event_loop
    event_loop.run_until_complete(async_bridge.cancel_all())
    event_loop.close()
    asyncio.set_event_loop(None)
    stop_collecting()


def run(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T], timeout: float = 60) -> T:
    return loop.run_until_complete(asyncio.wait_for(coro, timeout))


async def until(
    condition: Callable[[], Any], *, within: float = 15.0, what: str = "the condition"
) -> Any:
    """Poll ``condition`` (letting Qt and asyncio run) until it is truthy or time is up."""
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {within} s waiting for {what}")
        await asyncio.sleep(0.01)


@pytest.fixture
def sessions(loop: asyncio.AbstractEventLoop) -> Iterator[list[AppSession]]:
    """App sessions a test starts (``AppSession``); each is closed at the end, even when
    the test failed half-way.

    On the test's own Qt loop, which is closed only after this: a close run on a
    fresh asyncio loop, with Qt's events not handled, waited forever."""
    made: list[AppSession] = []
    yield made
    for session in made:
        loop.run_until_complete(asyncio.wait_for(session.close(), 60))
