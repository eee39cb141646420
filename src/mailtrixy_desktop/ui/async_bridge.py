"""The one place Qt meets asyncio (qasync), and service callbacks become Qt signals.

Panes never touch the event loop directly: they ``spawn`` coroutines (kept alive
here, their failures logged, never raised into Qt) and listen to
``ChangeBridge.changed`` for what the services say changed. Swapping the loop
integration means changing this module only.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable, Coroutine, Iterable
from typing import Any, TypeVar

import qasync
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from mailtrixy_desktop.services.changes import ChangeHub

log = logging.getLogger("mailtrixy_desktop.ui")
T = TypeVar("T")

_tasks: set[asyncio.Task[Any]] = set()


def install_loop(app: QApplication) -> asyncio.AbstractEventLoop:
    """Make a qasync loop over ``app`` the current asyncio loop."""
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


def collect_garbage_on_ui_thread(app: QApplication) -> Callable[[], None]:
    """Run Python's cycle collector only on the UI thread; returns a function that
    gives collection back to Python.

    Left automatic, it runs in whichever thread happens to allocate (the store's
    writer, the loop's executor) and may destroy a QObject there: Qt then warns
    "Timers cannot be stopped from another thread" or aborts. pyqtgraph's
    GarbageCollector does the same for the same reason.
    """
    gc.disable()
    timer = QTimer(app)
    timer.setInterval(200)

    def collect() -> None:
        # Only the generations Python itself would have collected by now.
        thresholds, counts = gc.get_threshold(), gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                break

    timer.timeout.connect(collect)
    timer.start()

    def stop() -> None:
        timer.stop()
        timer.deleteLater()
        gc.enable()

    return stop


def spawn(coro: Coroutine[Any, Any, T], *, name: str | None = None) -> asyncio.Task[T]:
    """Run ``coro`` on the loop without awaiting it; a failure is logged, not lost."""
    task = asyncio.get_event_loop().create_task(coro, name=name)
    _tasks.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _tasks.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("background task %s failed", task.get_name(), exc_info=task.exception())


async def cancel_all() -> None:
    """Cancel what ``spawn`` started (at shutdown) and wait for it to end."""
    pending = [t for t in _tasks if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)


class ChangeBridge(QObject):
    """The services' change broadcast as one Qt signal, coalesced per event-loop turn.

    ``changed`` carries a frozenset of names ("contacts", "tags", "outbox"...). The hub
    may publish from a worker thread (the sync writer); the raw signal is queued to
    this object's thread, and a burst of publications becomes one emission.
    """

    changed = Signal(object)
    _raw = Signal(object)

    def __init__(self, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: set[str] = set()
        self._raw.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = hub.subscribe(self._publish)

    def _publish(self, names: Iterable[str]) -> None:
        self._raw.emit(frozenset(names))

    @Slot(object)
    def _collect(self, names: frozenset[str]) -> None:
        if not self._pending:
            # With self as the context: dropped if the window (and this) is gone first.
            QTimer.singleShot(0, self, self._flush)
        self._pending |= names

    def _flush(self) -> None:
        names, self._pending = frozenset(self._pending), set()
        if names:
            self.changed.emit(names)

    def close(self) -> None:
        self._unsubscribe()
