"""``mailtrixy-desktop --smoke``: prove an installation works without a person.

It does what ``--demo`` does on a throw-away workspace: a seeded sandbox as a child
process (this program itself when frozen, see ``main``), the main window over it,
and waits until the window has painted the contacts table with synced rows. Then it
closes everything and exits 0. Any failure, or the timeout, is one line on stderr
and a non-zero status, so a packaging script or CI can check a wheel or a frozen
build without a display (``QT_QPA_PLATFORM=offscreen``) or a keyring: the token
goes straight from the sandbox to the session, never through the keyring.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from mailtrixy_sandbox.process import SandboxProcess, SandboxStartError

OK, FAILED, HUNG = 0, 1, 3
# Past the timeout, the loop gets this long to give up on its own before the
# watchdog ends the process (a hung loop never reaches its own timeout).
WATCHDOG_GRACE_SECONDS = 20.0


class SmokeFailure(Exception):
    """What went wrong, said in one line."""


def _say(line: str) -> None:
    print(line, flush=True)


def _fail(reason: str) -> int:
    first = reason.strip().splitlines()[0] if reason.strip() else "unknown error"
    print(f"smoke: FAILED: {first}", file=sys.stderr, flush=True)
    return FAILED


def run(timeout: float = 60.0) -> int:
    started = time.monotonic()
    deadline = started + timeout
    root = Path(tempfile.mkdtemp(prefix="mailtrixy-smoke-"))
    sandbox = SandboxProcess(
        ["--data-dir", str(root / "sandbox"), "--seed", "demo"],
    )
    watchdog = _Watchdog(timeout + WATCHDOG_GRACE_SECONDS, sandbox)
    watchdog.start()
    try:
        try:
            sandbox.start(timeout=max(1.0, deadline - time.monotonic()))
        except SandboxStartError as exc:
            lines = [line for line in str(exc).splitlines() if line.strip()]
            # The first line says what happened, the last what the child said last.
            reason = lines[0] + (f" ({lines[-1].strip()})" if len(lines) > 1 else "")
            return _fail(f"the demo sandbox did not start: {reason}")
        except OSError as exc:
            return _fail(f"the demo sandbox could not be run: {exc}")
        _say(f"smoke: sandbox ready at {sandbox.url} after {time.monotonic() - started:.1f} s")
        try:
            rows = _paint_main_window(sandbox, root / "workspace", deadline)
        except SmokeFailure as exc:
            return _fail(str(exc))
        except Exception as exc:  # anything else is a broken installation: say what it was
            return _fail(f"{type(exc).__name__}: {exc}")
        from mailtrixy_desktop.ui import i18n

        qm = i18n.loaded()
        _say(f"smoke: translation loaded: {qm}" if qm else "smoke: no translation (English)")
        _say(
            f"smoke: ok, the main window painted {rows:,} contacts "
            f"in {time.monotonic() - started:.1f} s"
        )
        return OK
    finally:
        status = sandbox.stop()
        watchdog.cancel()
        shutil.rmtree(root, ignore_errors=True)
        if status not in (None, 0, -15):
            _say(f"smoke: note: the sandbox exited with status {status}")


def _paint_main_window(sandbox: SandboxProcess, data_dir: Path, deadline: float) -> int:
    """The window, shown and synced, until its contacts table paints rows; their count."""
    from mailtrixy_desktop.app.runner import AppSession, finish_qt, prepare_qt

    app, loop = prepare_qt()
    session = AppSession(
        sandbox.url, sandbox.token, data_dir, title="MailTrixy Desktop — Smoke test"
    )

    async def scenario() -> int:
        try:
            window = await session.start()
            return await _painted_rows(window, deadline)
        finally:
            await session.close()

    try:
        remaining = deadline - time.monotonic()
        try:
            return loop.run_until_complete(asyncio.wait_for(scenario(), remaining))
        except TimeoutError:
            raise SmokeFailure(
                "timed out: the main window did not paint synced contacts in time"
            ) from None
    finally:
        finish_qt(loop)
        del app


async def _painted_rows(window: object, deadline: float) -> int:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    assert isinstance(window, QWidget)
    table = window.findChild(QAbstractItemView, "contactsTable")
    if table is None:
        raise SmokeFailure("the main window has no contacts table (contactsTable)")
    model = table.model()
    painted = asyncio.Event()

    class PaintWatch(QObject):
        # A paint of the table's viewport while it has rows: the person would see them.
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and model.rowCount() > 0:
                painted.set()
            return False

    watch = PaintWatch(table)
    table.viewport().installEventFilter(watch)
    try:
        while not painted.is_set():
            if time.monotonic() > deadline:
                raise SmokeFailure(
                    f"timed out: {model.rowCount()} contacts, "
                    f"window visible={window.isVisible()}, table painted with rows=no"
                )
            if model.rowCount() > 0:
                table.viewport().update()  # rows arrived: their paint is what we wait for
            await asyncio.sleep(0.05)
        first = model.index(0, 0).data()
        if not first:
            raise SmokeFailure("the contacts table painted an empty first row")
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            raise SmokeFailure("the main window was never exposed on screen")
        return model.rowCount()
    finally:
        table.viewport().removeEventFilter(watch)


class _Watchdog:
    """Ends the process if the event loop itself hangs past the timeout, after
    stopping the sandbox child so that nothing is left running."""

    def __init__(self, seconds: float, sandbox: SandboxProcess) -> None:
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._seconds = seconds
        self._sandbox = sandbox

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        print(
            f"smoke: FAILED: hung for {self._seconds:.0f} s (the event loop stopped answering)",
            file=sys.stderr,
            flush=True,
        )
        process = self._sandbox.process
        if process is not None and process.poll() is None:
            process.kill()
        os._exit(HUNG)
