"""The main window end to end: the real app in this process against the sandbox.

Driven through ``AppSession`` (the documented in-process entry point) and found by
objectName, as DESIGN.md's "Names the tests rely on" fixes them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QListView, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from mailtrixy_desktop import __version__
from mailtrixy_desktop.app.runner import AppSession
from mailtrixy_desktop.ui.main_window import MainWindow
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import NO_FAULTS, Admin
from tests.ui.conftest import run, until

pytestmark = pytest.mark.usefixtures("loop")


@pytest.fixture
def sessions(sandbox: SandboxProcess, tmp_path: Path) -> Iterator[list[AppSession]]:
    """Sessions made by a test; each is closed at the end even if the test failed."""
    made: list[AppSession] = []
    yield made
    loop = asyncio.get_event_loop()
    for session in made:
        loop.run_until_complete(session.close())


def open_session(
    sessions: list[AppSession], sandbox: SandboxProcess, data_dir: Path, token: str | None = None
) -> AppSession:
    session = AppSession(sandbox.url, token or sandbox.token, data_dir, title="MailTrixy — Test")
    sessions.append(session)
    return session


def text_of(window: MainWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def modal_dialogs() -> list[QDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog | QMessageBox) and w.isVisible() and w.isModal()
    ]


def test_the_window_opens_syncs_and_says_so(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    sessions: list[AppSession],
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    session = open_session(sessions, sandbox, tmp_path / "ws")

    async def scenario() -> None:
        window = await session.start()
        assert window.objectName() == "MainWindow"
        assert window.isVisible()
        navigation = window.findChild(QListView, "navigation")
        assert navigation is not None
        titles = [
            navigation.model().index(r, 0).data() for r in range(navigation.model().rowCount())
        ]
        assert titles[0] == "Contacts"
        assert "Tags & Groups" in titles
        await until(lambda: "Synced" in text_of(window, "syncStatus"), what="the first sync")
        assert "Online" in text_of(window, "connectionStatus")
        assert text_of(window, "outboxStatus") == "All changes sent"

        # Ctrl+<n> goes to the pane at that place in the sidebar.
        row = titles.index("Tags & Groups")
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        await until(
            lambda: (
                window.current_pane is not None
                and window.current_pane.objectName() == "tagsGroupsPane"
            ),
            what="the pane",
        )
        assert navigation.currentIndex().row() == row

    run(loop, scenario())


def test_window_state_and_the_last_pane_come_back_after_a_restart(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "ws"

    async def scenario() -> None:
        first = open_session(sessions, sandbox, data_dir)
        window = await first.start(sync=False)
        window.resize(1211, 777)
        total = sum(window.splitter.sizes())
        window.splitter.setSizes([250, total - 250])
        assert window.splitter.sizes()[0] == 250
        size = (window.width(), window.height())  # what the screen allowed
        assert [p.objectName() for p in window.panes] == ["contactsPane"]  # others: on first show
        row = window.row_of("tagsGroupsPane")
        assert row is not None
        window.show_pane(row)
        await first.close()

        second = open_session(sessions, sandbox, data_dir)
        again = await second.start(sync=False)
        assert (again.width(), again.height()) == size
        assert again.splitter.sizes()[0] == 250
        assert again.current_pane is not None
        assert again.current_pane.objectName() == "tagsGroupsPane"

    run(loop, scenario())


def test_losing_the_server_is_said_in_the_status_bar_not_in_dialogs(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    session = open_session(sessions, sandbox, tmp_path / "ws")

    async def scenario() -> None:
        window = await session.start()
        await until(lambda: "Synced" in text_of(window, "syncStatus"), what="the first sync")
        admin.faults(offline=True)
        try:
            for _ in range(3):  # F5 again and again: still one calm sentence
                window.refresh()
            await until(
                lambda: (
                    "Offline" in text_of(window, "connectionStatus")
                    or "trouble" in text_of(window, "connectionStatus")
                ),
                within=30,
                what="the status bar to say the connection is lost",
            )
            assert modal_dialogs() == []
        finally:
            admin.faults(**NO_FAULTS)
        await until(
            lambda: "Online" in text_of(window, "connectionStatus"),
            within=60,
            what="the connection to come back by itself",
        )
        await session.close()

    run(loop, scenario(), timeout=120)


def test_a_refused_token_asks_to_sign_in_again_and_keeps_unsent_work(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    session = open_session(sessions, sandbox, tmp_path / "ws", token="mtx_not_a_real_token")

    async def scenario() -> None:
        window = await session.start()
        button = window.findChild(QPushButton, "signInAgain")
        assert button is not None
        await until(button.isVisible, what="the sign-in-again button")
        assert "token" in window.statusBar().currentMessage()
        assert modal_dialogs() == []

    run(loop, scenario())


def test_help_lists_the_shortcuts_and_about_names_the_version(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    session = open_session(sessions, sandbox, tmp_path / "ws")

    async def scenario() -> None:
        window = await session.start(sync=False)
        shortcuts = window.show_shortcuts()
        from PySide6.QtWidgets import QTableWidget

        table = shortcuts.findChild(QTableWidget, "shortcutsTable")
        assert table is not None
        actions = {table.item(r, 1).text() for r in range(table.rowCount()) if table.item(r, 1)}
        assert "Search in the current pane" in actions
        assert "Refresh the current pane from the server" in actions
        assert "Delete the selected contacts (asks first)" in actions  # a pane's own
        shortcuts.close()
        about = window.show_about()
        version = about.findChild(QLabel, "aboutVersion")
        assert version is not None
        assert __version__ in version.text()
        about.close()

    run(loop, scenario())


def test_the_token_is_in_no_file_of_the_data_directory_nor_the_log(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    sessions: list[AppSession],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    data_dir = tmp_path / "ws"
    session = open_session(sessions, sandbox, data_dir)
    caplog.set_level(logging.DEBUG)

    async def scenario() -> None:
        window = await session.start()
        await until(lambda: "Synced" in text_of(window, "syncStatus"), what="the first sync")
        await session.close()

    run(loop, scenario())
    token = sandbox.token.encode()
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files)  # there is a log, and it was looked at
    assert [p for p in files if token in p.read_bytes()] == []
    assert sandbox.token not in caplog.text
    assert sandbox.token not in repr(session)
