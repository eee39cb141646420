"""Desktop notifications: the tray's balloon where there is a tray (the window's one
tray icon, shared with the counts of ``ui/tray``), else the freedesktop notification
service (through notify-send) on Linux, else the status bar.

The inbox announces new conversations for the person here (``InboxAnnouncer``); it
runs whether or not the Inbox pane has been opened.
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QProcess
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.ui import icons
from mailtrixy_desktop.ui.async_bridge import ChangeBridge
from mailtrixy_desktop.ui.i18n import counted
from mailtrixy_desktop.ui.tray import shared_tray_icon

log = logging.getLogger("mailtrixy_desktop.ui")

Notify = Callable[[str, str], None]


def _notify_send(title: str, body: str) -> bool:
    # libnotify's tool speaks the freedesktop notification protocol for us (D-Bus
    # types and all); it is on nearly every Linux desktop.
    program = shutil.which("notify-send")
    if program is None:
        return False
    started, _pid = QProcess.startDetached(
        program, ["--app-name=MailTrixy Desktop", "--icon=io.mailtrixy.Desktop", title, body]
    )
    return bool(started)


class DesktopNotifier(QObject):
    def __init__(self, window: QWidget, fallback: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._fallback = fallback

    def __call__(self, title: str, body: str) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            tray = shared_tray_icon(self._window)  # the counts' icon: never a second one
            tray.show()
            tray.showMessage(title, body, icons.app_icon(), 8000)
            return
        if sys.platform.startswith("linux") and _notify_send(title, body):
            return
        self._fallback(f"{title}: {body}")


class InboxAnnouncer(QObject):
    """After each sync step that touched conversations: announce the new ones that are
    unassigned or the person's own."""

    def __init__(self, workspace: Workspace, changes: ChangeBridge, notify: Notify) -> None:
        super().__init__(changes)
        self._inbox = workspace.inbox
        self._notify = notify
        self.announced: list[int] = []
        self._inbox.arrivals()  # the mark: nothing from before this start is announced
        changes.changed.connect(self._on_changed)
        # A finished sync settles the mark even when its last page was heard of earlier.
        self._unsubscribe = workspace.sync.subscribe(
            lambda activity: None if activity.running else self.check()
        )

    def stop(self) -> None:
        self._unsubscribe()

    def _on_changed(self, names: frozenset[str]) -> None:
        if "conversations" in names:
            self.check()

    def check(self) -> None:
        try:
            arrivals = self._inbox.arrivals()
        except Exception:  # the cache is closing; nothing to announce
            log.debug("could not read new conversations", exc_info=True)
            return
        if not arrivals:
            return
        self.announced.extend(row.id for row in arrivals)
        if len(arrivals) == 1:
            row = arrivals[0]
            self._notify(
                self.tr("New conversation from {name}").format(name=row.contact_name), row.subject
            )
        else:
            names_ = ", ".join(dict.fromkeys(r.contact_name for r in arrivals[:3]))
            self._notify(
                counted(self.tr("%Ln new conversation(s)", "", len(arrivals)), len(arrivals)),
                self.tr("From {names}…").format(names=names_),
            )
