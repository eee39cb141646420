"""The whole app in this process, against one server: the in-process entry point.

``AppSession`` is what the command line, the demo mode and the end-to-end tests
all use::

    session = AppSession(url, token, data_dir)
    window = await session.start()      # paints from the cache, then syncs
    ...                                  # drive window's widgets by objectName
    await session.close()                # saves window state, stops the engines

It must run on a qasync loop over a ``QApplication`` (``prepare_qt()`` makes both;
tests use their ``loop`` fixture). ``run_session`` is the blocking form for a
real start: it returns when the last window closes or on SIGINT/SIGTERM.
"""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from mailtrixy_desktop import __version__
from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP, Number
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.ui import async_bridge, i18n, icons, theme
from mailtrixy_desktop.ui.main_window import MainWindow
from mailtrixy_desktop.ui.notifications import DesktopNotifier, InboxAnnouncer

if TYPE_CHECKING:
    from mailtrixy_desktop.sync.contact_import import ImportProgress

log = logging.getLogger("mailtrixy_desktop.app")

CACHE_FILE = "workspace.sqlite3"
SETTINGS_FILE = "settings.ini"


def prepare_qt(
    argv: list[str] | None = None, *, lang: str | None = None
) -> tuple[QApplication, asyncio.AbstractEventLoop]:
    """The QApplication (made once), its language, its look, and a qasync loop over it.

    The language is ``lang``, else ``$MAILTRIXY_LANG`` (``de``), else the system's
    (``ui/i18n.py``)."""
    QCoreApplication.setOrganizationName("MailTrixy")
    QCoreApplication.setApplicationName("MailTrixy Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    # The desktop entry's id (packaging/linux/io.mailtrixy.Desktop.desktop): Wayland and
    # the task bar match the window to its entry, and so to its icon, by this name.
    app.setDesktopFileName("io.mailtrixy.Desktop")
    # Closing the window ends a session, not the loop: run_session decides when to stop.
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(icons.app_icon())
    i18n.install(lang)
    theme.follow_system(app)
    global _loop
    if _loop is None or _loop.is_closed():
        _loop = async_bridge.install_loop(app)
    if existing is None:
        async_bridge.collect_garbage_on_ui_thread(app)  # for the app's lifetime
    return app, _loop


_loop: asyncio.AbstractEventLoop | None = None  # one per process: prepare_qt may be called twice


def log_to(directory: Path) -> logging.Handler:
    """A rotating log file for the app's own loggers (never a token: see api/session)."""
    directory.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        directory / "mailtrixy-desktop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("mailtrixy_desktop", "httpx"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO)
    return handler


class AppSession:
    def __init__(
        self,
        url: str,
        token: str,
        data_dir: Path,
        *,
        title: str = "MailTrixy Desktop",
        client: MailTrixyClient | None = None,
    ) -> None:
        self.url = url
        self._token = token
        self.data_dir = Path(data_dir)
        self.title = title
        self._client = client
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None
        self.announcer: InboxAnnouncer | None = None
        self._log_handler: logging.Handler | None = None

    def __repr__(self) -> str:  # the token stays out of every repr
        return f"AppSession(url={self.url!r}, data_dir={str(self.data_dir)!r})"

    @property
    def settings(self) -> QSettings:
        return QSettings(str(self.data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)

    async def start(self, *, show: bool = True, sync: bool = True) -> MainWindow:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Closing this window ends the session, never the event loop under it.
            app.setQuitOnLastWindowClosed(False)
        self._log_handler = log_to(self.data_dir / "logs")
        client = self._client or MailTrixyClient(self.url, self._token)
        self._token = ""  # the client holds it from here on; nothing else needs it
        store = Store.open(self.data_dir / CACHE_FILE)
        self.workspace = Workspace(client, store)
        settings = self.settings
        self.window = MainWindow(self.workspace, settings, title=self.title)
        if show:
            self.window.show()
        poll = settings.value("inbox/poll_seconds")
        if poll is not None:
            self.workspace.sync.set_interval("conversations", float(str(poll)))
        self.announcer = InboxAnnouncer(
            self.workspace,
            self.window.changes,
            DesktopNotifier(self.window, self.window.notify),
        )
        self.workspace.start(sync=sync)
        self._resume_imports()
        log.info("workspace %s opened", self.url)
        return self.window

    def _resume_imports(self) -> None:
        """A CSV import cut short by the app closing carries on where it stopped."""
        assert self.workspace is not None
        assert self.window is not None
        service, window = self.workspace.contact_csv, self.window

        def progress(p: ImportProgress) -> None:
            finished = p.done + p.failed + p.skipped
            window.notify(
                i18n.translated(
                    QT_TRANSLATE_NOOP(
                        "AppSession", "Importing contacts: {finished} of {total}…"
                    ).format(finished=Number(finished), total=Number(p.total))
                )
            )

        for job in service.jobs():
            if job.state == "interrupted" and job.counts.unfinished > 0:
                log.info("resuming contact import %s", job.id)
                async_bridge.spawn(service.run(job.id, progress), name=f"import-{job.id}")

    async def close(self) -> None:
        if self.announcer is not None:
            self.announcer.stop()
            self.announcer = None
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.workspace is not None:
            workspace, self.workspace = self.workspace, None
            await workspace.close()
            await workspace.client.aclose()
            workspace.store.close()
        await async_bridge.cancel_all()
        images = sys.modules.get("mailtrixy_desktop.api.remote_images")
        if images is not None:  # loaded only if someone allowed remote images
            await images.aclose()
        if self._log_handler is not None:
            for name in ("mailtrixy_desktop", "httpx"):
                logging.getLogger(name).removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None


def run_session(session: AppSession) -> int:
    """Start ``session`` on a new qasync loop and block until the app quits."""
    app, loop = prepare_qt()
    quitting = asyncio.Event()
    app.lastWindowClosed.connect(quitting.set)
    app.aboutToQuit.connect(quitting.set)

    def on_signal(*_: object) -> None:
        loop.call_soon_threadsafe(quitting.set)

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    # Python runs signal handlers only between bytecodes; a light timer gives it turns
    # while Qt waits for events.
    ticker = QTimer(interval=250)
    ticker.timeout.connect(lambda: None)
    ticker.start()

    async def main() -> None:
        window = await session.start()
        window.closing.connect(quitting.set)
        await quitting.wait()
        await session.close()

    try:
        loop.run_until_complete(main())
    finally:
        ticker.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)
        finish_qt(loop)
    return 0


def finish_qt(loop: asyncio.AbstractEventLoop) -> None:
    """Stop the loop's worker threads (QThreads) before Python exits; left running,
    Qt aborts the process on the way out."""
    loop.close()
    asyncio.set_event_loop(None)
