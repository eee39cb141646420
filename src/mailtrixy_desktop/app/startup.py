"""A normal start: the current workspace with its token from the keyring, or sign in.

``Shell`` runs one ``AppSession`` at a time and moves between them: switching
workspace, adding one, signing out, and signing in again after a 401 each close
the running session (its outbox stays in its cache file, so nothing unsent is
lost) and open the next.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from mailtrixy_desktop.app.credentials import Credentials, KeyringUnavailable
from mailtrixy_desktop.app.runner import AppSession, finish_qt, prepare_qt
from mailtrixy_desktop.app.workspaces import WorkspaceEntry, Workspaces
from mailtrixy_desktop.ui.main_window import MainWindow
from mailtrixy_desktop.ui.signin_dialog import ask_sign_in
from mailtrixy_desktop.ui.workspace_menu import WorkspaceMenu

log = logging.getLogger("mailtrixy_desktop.app")


def session_dir(entry: WorkspaceEntry, data_dir: Path | None = None) -> Path:
    """The workspace's own directory: its cache, window settings and logs."""
    return entry.cache_path(data_dir).with_suffix("")


@dataclass
class _Next:
    """What the running session was asked to do when it ends."""

    action: str  # "quit", "switch", "add", "sign_out", "reauth"
    workspace_id: str | None = None


class Shell:
    def __init__(
        self,
        credentials: Credentials | None = None,
        workspaces: Workspaces | None = None,
        *,
        data_dir: Path | None = None,
    ) -> None:
        self.credentials = credentials if credentials is not None else Credentials()
        self.workspaces = workspaces if workspaces is not None else Workspaces()
        self.data_dir = data_dir
        self.session: AppSession | None = None
        self._next: asyncio.Future[_Next] | None = None
        self._queued: list[_Next] = []

    def request(self, action: str, workspace_id: str | None = None) -> None:
        step = _Next(action, workspace_id)
        if self._next is not None and not self._next.done():
            self._next.set_result(step)
        else:
            # Asked while the last request is still being handled (a dialog just
            # closed): it is taken up as soon as the shell waits again.
            self._queued.append(step)

    def _arm(self) -> asyncio.Future[_Next]:
        self._next = asyncio.get_running_loop().create_future()
        if self._queued:
            self._next.set_result(self._queued.pop(0))
        return self._next

    async def _sign_in(
        self, server_url: str = "", *, first_run: bool
    ) -> tuple[WorkspaceEntry, str] | None:
        status = await self.credentials.status()
        parent = self.session.window if self.session else None
        while True:
            answer = await ask_sign_in(
                parent,
                server_url=server_url,
                keyring_available=status.available,
                keyring_reason=status.reason,
                first_run=first_run,
            )
            if answer is None:
                return None
            try:
                entry = await self.workspaces.sign_in(
                    self.credentials,
                    name=answer.workspace_name,
                    server_url=answer.server_url,
                    remote_id=answer.remote_id,
                    token=answer.token,
                    session_only=answer.session_only,
                )
            except KeyringUnavailable as exc:
                # The keyring went away between the check and the save: say so, ask again.
                QMessageBox.warning(parent, "Could not keep the token", str(exc))
                status = await self.credentials.status()
                continue
            return entry, answer.token

    async def _open(self, entry: WorkspaceEntry, token: str) -> None:
        self._queued.clear()  # requests were for the session that has gone
        self._arm()
        self.session = AppSession(
            entry.server_url,
            token,
            session_dir(entry, self.data_dir),
            title=f"MailTrixy Desktop — {entry.name}",
        )
        window = await self.session.start()
        self._attach_menu(window, entry)
        window.signInRequested.connect(lambda: self.request("reauth", entry.id))
        window.addWorkspaceRequested.connect(lambda: self.request("add"))
        window.signOutRequested.connect(lambda: self.request("sign_out", entry.id))
        window.closing.connect(lambda: self.request("quit"))

    def _attach_menu(self, window: MainWindow, entry: WorkspaceEntry) -> None:
        menu = WorkspaceMenu(window)
        menu.set_workspaces(self.workspaces.entries(), entry.id)
        menu.switchRequested.connect(lambda wid: self.request("switch", wid))
        menu.addRequested.connect(lambda: self.request("add"))
        menu.signOutRequested.connect(lambda wid: self.request("sign_out", wid))
        window.set_workspace_menu(menu)

    async def run(self) -> int:
        entry = self.workspaces.current
        token = await self.credentials.get(entry.id) if entry else None
        if entry is None or token is None:
            signed = await self._sign_in(entry.server_url if entry else "", first_run=entry is None)
            if signed is None:
                return 0
            entry, token = signed
        opened = False
        while True:
            if not opened:
                await self._open(entry, token)
                opened = True
            else:
                # Nothing changed (a dialog was cancelled): the running session stays.
                self._arm()
            assert self._next is not None
            step = await self._next
            if step.action == "quit":
                await self._close()
                return 0
            if step.action in ("reauth", "add"):
                url = entry.server_url if step.action == "reauth" else ""
                signed = await self._sign_in(url, first_run=False)
                if signed is None:
                    continue  # reauth cancelled: keep working on the cache, changes queued
                await self._close()
                entry, token = signed
                opened = False
            elif step.action == "switch" and step.workspace_id is not None:
                target = self.workspaces.get(step.workspace_id)
                if target is None or target.id == entry.id:
                    continue
                stored = await self.credentials.get(target.id)
                if stored is None:
                    signed = await self._sign_in(target.server_url, first_run=False)
                    if signed is None:
                        continue
                    target, stored = signed
                await self._close()
                self.workspaces.switch(target.id)
                entry, token = target, stored
                opened = False
            elif step.action == "sign_out" and step.workspace_id is not None:
                await self._close()
                await self.workspaces.sign_out(step.workspace_id, self.credentials)
                nxt = self.workspaces.current
                stored = await self.credentials.get(nxt.id) if nxt else None
                if nxt is None or stored is None:
                    signed = await self._sign_in(
                        nxt.server_url if nxt else "", first_run=nxt is None
                    )
                    if signed is None:
                        return 0
                    entry, token = signed
                else:
                    entry, token = nxt, stored
                opened = False

    async def _close(self) -> None:
        if self.session is not None:
            session, self.session = self.session, None
            await session.close()


def run_signed_in(data_dir: Path | None = None) -> int:
    app, loop = prepare_qt()
    app.setQuitOnLastWindowClosed(False)  # the sign-in dialog may be the only window
    shell = Shell(data_dir=data_dir)

    def on_signal(*_: object) -> None:
        loop.call_soon_threadsafe(shell.request, "quit")

    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, on_signal)
    ticker = QTimer(interval=250)  # gives Python's signal handlers a turn
    ticker.timeout.connect(lambda: None)
    ticker.start()
    try:
        return loop.run_until_complete(shell.run())
    finally:
        ticker.stop()
        finish_qt(loop)
