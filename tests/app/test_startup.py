"""A normal start end to end: first run signs in, the window opens, sign-out forgets the token.

No keyring here (a fail backend): the token is kept for the session only, which is
also the path a headless Linux box takes.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPushButton

from mailtrixy_desktop.app.credentials import Credentials
from mailtrixy_desktop.app.startup import Shell
from mailtrixy_desktop.app.workspaces import Workspaces
from mailtrixy_desktop.ui.signin_dialog import SignInDialog
from mailtrixy_sandbox.process import SandboxProcess
from tests.ui.conftest import run, until

pytestmark = pytest.mark.usefixtures("loop")


def visible_dialog() -> SignInDialog | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, SignInDialog) and w.isVisible()
        ),
        None,
    )


def files_holding(root: Path, secret: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_first_run_signs_in_opens_the_window_and_sign_out_forgets_the_token(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, tmp_path: Path
) -> None:
    credentials = Credentials(backend=fail.Keyring())
    workspaces = Workspaces(tmp_path / "config" / "workspaces.json")
    shell = Shell(credentials, workspaces, data_dir=tmp_path / "data")

    async def scenario() -> None:
        running = asyncio.ensure_future(shell.run())
        dialog = await until(visible_dialog, what="the first-run sign-in dialog")
        url = dialog.findChild(QLineEdit, "signInServerUrl")
        token = dialog.findChild(QLineEdit, "signInToken")
        session_only = dialog.findChild(QCheckBox, "signInSessionOnly")
        assert url is not None
        assert token is not None
        assert session_only is not None
        url.setText(sandbox.url)
        token.setText(sandbox.token)
        session_only.setChecked(True)  # no keyring on this machine: the dialog offers it
        check = dialog.findChild(QPushButton, "signInCheck")
        assert check is not None
        check.click()
        accept = dialog.findChild(QPushButton, "signInAccept")
        assert accept is not None
        await until(accept.isEnabled, what="the check to pass")
        accept.click()

        window = await until(
            lambda: shell.session.window if shell.session else None, what="the main window"
        )
        assert window.isVisible()
        entry = workspaces.current
        assert entry is not None
        assert entry.server_url.startswith(sandbox.url)
        assert await credentials.get(entry.id) == sandbox.token
        # Nothing of the token on disk: not in the workspace list, not in the cache dir.
        assert files_holding(tmp_path, sandbox.token) == []

        window.signOutRequested.emit()
        await until(visible_dialog, what="the sign-in dialog after signing out")
        assert await credentials.get(entry.id) is None
        assert workspaces.entries() == []
        dialog = visible_dialog()
        assert dialog is not None
        dialog.reject()
        assert await running == 0

    run(loop, scenario(), timeout=90)


def test_switching_workspace_opens_the_other_one_with_its_own_cache(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, tmp_path: Path
) -> None:
    credentials = Credentials(backend=fail.Keyring())
    workspaces = Workspaces(tmp_path / "config" / "workspaces.json")
    shell = Shell(credentials, workspaces, data_dir=tmp_path / "data")
    port = sandbox.url.rsplit(":", 1)[1]

    async def scenario() -> None:
        # Two workspaces (the same sandbox under two names), signed in for the session.
        first = await workspaces.sign_in(
            credentials,
            name="Alpha",
            server_url=f"http://127.0.0.1:{port}",
            remote_id=None,
            token=sandbox.token,
            session_only=True,
        )
        second = await workspaces.sign_in(
            credentials,
            name="Beta",
            server_url=f"http://localhost:{port}",
            remote_id=None,
            token=sandbox.token,
            session_only=True,
        )
        assert first.id != second.id
        running = asyncio.ensure_future(shell.run())
        window = await until(
            lambda: shell.session.window if shell.session else None, what="the main window"
        )
        assert "Beta" in window.windowTitle()  # the current one: signed in last
        beta_dir = shell.session.data_dir if shell.session else None

        shell.request("switch", first.id)
        other = await until(
            lambda: (
                shell.session.window
                if shell.session and shell.session.window is not window
                else None
            ),
            what="the other workspace's window",
        )
        assert "Alpha" in other.windowTitle()
        assert shell.session is not None
        assert shell.session.data_dir != beta_dir
        current = workspaces.current
        assert current is not None
        assert current.id == first.id
        other.close()  # the person closes the window: the app ends
        assert await running == 0

    run(loop, scenario(), timeout=90)


def test_cancelling_sign_in_again_keeps_the_open_window_and_its_work(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, tmp_path: Path
) -> None:
    credentials = Credentials(backend=fail.Keyring())
    workspaces = Workspaces(tmp_path / "config" / "workspaces.json")
    shell = Shell(credentials, workspaces, data_dir=tmp_path / "data")

    async def scenario() -> None:
        await workspaces.sign_in(
            credentials,
            name="Alpha",
            server_url=sandbox.url,
            remote_id=None,
            token=sandbox.token,
            session_only=True,
        )
        running = asyncio.ensure_future(shell.run())
        window = await until(
            lambda: shell.session.window if shell.session else None, what="the main window"
        )
        session = shell.session
        window.signInRequested.emit()  # "Sign in again…" after a 401
        dialog = await until(visible_dialog, what="the sign-in dialog")
        dialog.reject()
        await until(lambda: visible_dialog() is None, what="the dialog to close")
        # Same session, same window, nothing reopened.
        assert shell.session is session
        assert session is not None
        assert session.window is window
        assert window.isVisible()
        window.close()
        assert await running == 0

    run(loop, scenario(), timeout=90)
