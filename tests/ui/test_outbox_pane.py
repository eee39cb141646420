"""The Outbox pane, the status bar's outbox count and quitting with unsent work, end to end.

The real app in this process (``AppSession``) against the sandbox over HTTP; a
transport that refuses every connection stands in for a train without a network.
Widgets are found by objectName.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.app.runner import AppSession
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store import contacts as contact_store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.sync.connectivity import State
from mailtrixy_desktop.ui.main_window import MainWindow
from mailtrixy_desktop.ui.outbox.edit_dialog import EditDialog
from mailtrixy_desktop.ui.outbox.model import ATTEMPTS, ERROR, STATE, WHAT, OpIdRole
from mailtrixy_desktop.ui.outbox.pane import EMPTY_TEXT, OutboxPane
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api
from tests.ui.conftest import run, until

pytestmark = [
    pytest.mark.usefixtures("loop"),
    # The offscreen platform says this whenever a window's size limits change (any
    # dialog with a layout): a limit of the test platform, not of the pane.
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]

FAST = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05, max_total=2)


class Network(httpx.AsyncBaseTransport):
    """This computer's network: up, or down with every connection refused (a train).

    The sandbox's own offline switch cuts connections it has already accepted, which
    the app rightly reads as an unreliable connection rather than as being offline."""

    def __init__(self) -> None:
        self.up = True
        self._real = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not self.up:
            raise httpx.ConnectError("Network is unreachable", request=request)
        return await self._real.handle_async_request(request)

    async def aclose(self) -> None:
        await self._real.aclose()


@pytest.fixture
def network() -> Network:
    return Network()


@pytest.fixture
def sessions(sandbox: SandboxProcess) -> Iterator[list[AppSession]]:
    """Sessions made by a test; each is closed at the end even if the test failed."""
    made: list[AppSession] = []
    yield made
    loop = asyncio.get_event_loop()
    for session in made:
        loop.run_until_complete(session.close())


def open_session(
    sessions: list[AppSession], sandbox: SandboxProcess, data_dir: Path, network: Network
) -> AppSession:
    client = MailTrixyClient(sandbox.url, sandbox.token, retry=FAST, transport=network)
    session = AppSession(
        sandbox.url, sandbox.token, data_dir, title="MailTrixy — Test", client=client
    )
    sessions.append(session)
    return session


async def start(session: AppSession) -> tuple[MainWindow, Workspace]:
    window = await session.start()
    workspace = session.workspace
    assert workspace is not None
    # Retries within milliseconds, so that "back online" is seen at once.
    workspace.outbox.backoff_base = 0.01
    workspace.outbox.backoff_cap = 0.05
    await until(lambda: "Synced" in text_of(window, "syncStatus"), what="the first sync")
    return window, workspace


def text_of(window: MainWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def show_outbox(window: MainWindow) -> OutboxPane:
    row = window.row_of("outboxPane")
    assert row is not None
    window.show_pane(row)
    pane = window.current_pane
    assert isinstance(pane, OutboxPane)
    return pane


def descriptions(pane: OutboxPane) -> list[str]:
    model = pane.model
    return [model.index(r, WHAT).data() for r in range(model.rowCount())]


def column(pane: OutboxPane, col: int) -> list[str]:
    model = pane.model
    return [model.index(r, col).data() for r in range(model.rowCount())]


def click(widget: Any, qtbot: Any, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visible_box(parent: Any, name: str) -> QMessageBox | None:
    box = parent.findChild(QMessageBox, name)
    return box if box is not None and box.isVisible() else None


def select_op(pane: OutboxPane, op_id: int) -> None:
    pane.select([op_id])
    table = pane.findChild(QTableView, "outboxTable")
    assert table is not None
    assert [i.data(OpIdRole) for i in table.selectionModel().selectedRows()] == [op_id]


def offline(workspace: Workspace) -> bool:
    return workspace.connectivity.state is State.OFFLINE


def test_offline_changes_wait_in_order_discard_asks_and_the_rest_goes_when_back_online(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    network: Network,
    sessions: list[AppSession],
    tmp_path: Path,
    qtbot: Any,
    qtmodeltester: Any,
) -> None:
    jane = api.make_contact(name=f"Jane {uuid.uuid4().hex[:6]}")
    bo = api.make_contact(name=f"Bo {uuid.uuid4().hex[:6]}", company="Acme")
    conversation = Admin(sandbox).simulate("new_conversation", contact_id=jane["id"])
    session = open_session(sessions, sandbox, tmp_path / "ws", network)

    async def scenario() -> None:
        window, ws = await start(session)
        await until(lambda: ws.inbox.rows([conversation["id"]]), what="the conversation")
        pane = show_outbox(window)
        qtmodeltester.check(pane.model)
        empty = pane.findChild(QLabel, "outboxEmpty")
        assert empty is not None
        assert empty.isVisible()
        assert empty.text() == EMPTY_TEXT

        network.up = False
        renamed = f"Jane Renamed {uuid.uuid4().hex[:6]}"
        ws.contacts.update(jane["id"], {"name": renamed})
        ws.inbox.close(conversation["id"])
        discard_id = ws.contacts.update(bo["id"], {"company": "Nobody"})
        await until(lambda: offline(ws), what="the app to notice it is offline")

        # Listed oldest first, each in words.
        await until(lambda: pane.model.rowCount() == 3, what="three rows")
        assert not empty.isVisible()
        assert descriptions(pane) == [
            f"Edit contact {renamed}: name",
            f"Close conversation “{conversation['subject']}”",
            f"Edit contact {bo['name']}: company",
        ]
        assert set(column(pane, STATE)) <= {"Queued", "Sending"}  # tried again and again
        qtmodeltester.check(pane.model)
        await until(
            lambda: text_of(window, "outboxStatus") == "Offline — 3 queued",
            what="the status bar to count the queue",
        )

        # Discard asks first, naming what; Cancel is the default.
        select_op(pane, discard_id)
        detail = pane.findChild(QLabel, "outboxDetail")
        assert detail is not None
        assert "Nobody" in detail.text()  # the changed field and its new value
        table = pane.findChild(QTableView, "outboxTable")
        assert table is not None
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Delete)  # the Del key asks as the button does
        box = await until(lambda: visible_box(pane, "confirmDiscard"), what="the confirmation")
        assert bo["name"] in box.text()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
        await until(lambda: visible_box(pane, "confirmDiscard") is None, what="the box to go")
        assert pane.model.rowCount() == 3
        click(pane, qtbot, "outboxDiscard")
        box = await until(lambda: visible_box(pane, "confirmDiscard"), what="the confirmation")
        confirm = box.findChild(QPushButton, "confirmDiscardButton")
        assert confirm is not None
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
        await until(lambda: pane.model.rowCount() == 2, what="the discarded row to go")
        assert discard_id not in pane.model.ids()
        await until(
            lambda: text_of(window, "outboxStatus") == "Offline — 2 queued",
            what="the status bar to count one less",
        )
        row = contact_store.contact(ws.store, bo["id"])
        assert row is not None
        assert not row.pending  # the server's version may come back
        qtmodeltester.check(pane.model)

        # Back online: the queue drains by itself, in order, and the pane empties.
        network.up = True
        await until(lambda: pane.model.rowCount() == 0, within=30, what="the queue to drain")
        assert empty.isVisible()
        await until(
            lambda: text_of(window, "outboxStatus") == "All changes sent",
            what="the status bar to stop saying queued",
        )
        assert api.data(api.get(f"/contacts/{jane['id']}"))["name"] == renamed
        assert api.data(api.get(f"/conversations/{conversation['id']}"))["status"] == "closed"
        assert api.data(api.get(f"/contacts/{bo['id']}"))["company"] == "Acme"
        # The discarded change's contact shows the server's version again.
        await until(
            lambda: (r := contact_store.contact(ws.store, bo["id"])) and r.company == "Acme",
            what="the server's version of the discarded change",
        )
        await session.close()  # here, on the running loop: its engines stop cleanly

    run(loop, scenario(), timeout=120)


def test_a_change_the_server_refuses_needs_attention_and_says_why(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    network: Network,
    sessions: list[AppSession],
    tmp_path: Path,
    qtbot: Any,
    qtmodeltester: Any,
) -> None:
    gone = api.make_contact(name=f"Gone {uuid.uuid4().hex[:6]}")
    session = open_session(sessions, sandbox, tmp_path / "ws", network)

    async def scenario() -> None:
        window, ws = await start(session)
        await until(lambda: ws.contacts.get(gone["id"]), what="the contact in the cache")
        pane = show_outbox(window)
        api.delete(f"/contacts/{gone['id']}")  # someone else deletes it meanwhile
        op_id = ws.contacts.update(gone["id"], {"phone": "+44 20 7946 0000"})

        await until(
            lambda: column(pane, STATE) == ["Needs attention"], what="the refusal in the pane"
        )
        qtmodeltester.check(pane.model)
        assert column(pane, ERROR) == ["It no longer exists on the server."]
        assert text_of(window, "outboxStatus") == "⚠ 1 needs attention"
        select_op(pane, op_id)
        detail = pane.findChild(QLabel, "outboxDetail")
        assert detail is not None
        assert "It no longer exists on the server." in detail.text()
        for name, enabled in (
            ("outboxRetry", True),
            ("outboxEdit", True),
            ("outboxDiscard", True),
            ("outboxSendAsIs", False),  # only for a held reply
        ):
            button = pane.findChild(QPushButton, name)
            assert button is not None
            assert button.isEnabled() is enabled, name
        assert pane.badge() == 1

        # Ctrl+R tries again at once; the server still says no.
        table = pane.findChild(QTableView, "outboxTable")
        assert table is not None
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: column(pane, ATTEMPTS) == ["2"], what="a second attempt")
        await until(lambda: column(pane, STATE) == ["Needs attention"], what="the refusal")
        await session.close()

    run(loop, scenario())


def test_editing_a_refused_change_shows_the_server_messages_and_sends_the_fix(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    network: Network,
    sessions: list[AppSession],
    tmp_path: Path,
    qtbot: Any,
) -> None:
    person = api.make_contact(name=f"Fix {uuid.uuid4().hex[:6]}")
    session = open_session(sessions, sandbox, tmp_path / "ws", network)

    async def scenario() -> None:
        window, ws = await start(session)
        await until(lambda: ws.contacts.get(person["id"]), what="the contact in the cache")
        pane = show_outbox(window)
        op_id = ws.contacts.update(person["id"], {"email": "not an address"})
        await until(lambda: column(pane, STATE) == ["Needs attention"], what="the 422")
        select_op(pane, op_id)

        # Cancel puts it back as it was.
        click(pane, qtbot, "outboxEdit")
        dialog = await until(lambda: pane.findChild(EditDialog), what="the edit form")
        await until(dialog.isVisible, what="the edit form to show")
        await until(lambda: column(pane, STATE) == ["Being edited"], what="the edit to show")
        assert dialog.error_text("email")  # the server's message beside its field
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        await until(lambda: column(pane, STATE) == ["Needs attention"], what="the edit undone")

        # Save sends the new payload (Enter on the table edits, as the button does).
        table = pane.findChild(QTableView, "outboxTable")
        assert table is not None
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Return)
        dialog = await until(
            lambda: next((d for d in pane.findChildren(EditDialog) if d.isVisible()), None),
            what="the edit form again",
        )
        field = dialog.findChild(QLineEdit, "outboxField-email")
        assert field is not None
        assert field.text() == "not an address"
        fixed = f"fixed-{uuid.uuid4().hex[:8]}@example.com"
        field.clear()
        qtbot.keyClicks(field, fixed)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: pane.model.rowCount() == 0, within=30, what="the fix to be sent")
        assert api.data(api.get(f"/contacts/{person['id']}"))["email"] == fixed
        await session.close()

    run(loop, scenario())


def test_quitting_with_queued_work_asks_and_nothing_is_lost(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    network: Network,
    sessions: list[AppSession],
    tmp_path: Path,
    qtbot: Any,
) -> None:
    person = api.make_contact(name=f"Quit {uuid.uuid4().hex[:6]}")
    data_dir = tmp_path / "ws"

    async def scenario() -> None:
        first = open_session(sessions, sandbox, data_dir, network)
        window, ws = await start(first)
        await until(lambda: ws.contacts.get(person["id"]), what="the contact in the cache")
        network.up = False
        ws.contacts.update(person["id"], {"company": "Kept Ltd"})
        ws.contacts.update(person["id"], {"phone": "+1 555 0100"})
        closings: list[bool] = []
        window.closing.connect(lambda: closings.append(True))

        # Ctrl+Q asks; Cancel (the default) keeps the window.
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        box = await until(lambda: visible_box(window, "quitWithQueued"), what="the question")
        assert box.text() == (
            "2 changes have not been sent yet. They are kept on this computer and go out "
            "the next time you start MailTrixy Desktop."
        )
        cancel = box.button(QMessageBox.StandardButton.Cancel)
        assert box.defaultButton() is cancel
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        await until(lambda: visible_box(window, "quitWithQueued") is None, what="the answer")
        assert window.isVisible()
        assert closings == []

        # The window's close button (a close from the window system) asks too.
        handle = window.windowHandle()
        assert handle is not None
        QApplication.sendEvent(handle, QCloseEvent())
        box = await until(lambda: visible_box(window, "quitWithQueued"), what="the question")
        quit_anyway = box.findChild(QPushButton, "quitAnyway")
        assert quit_anyway is not None
        qtbot.mouseClick(quit_anyway, Qt.MouseButton.LeftButton)
        await until(lambda: not window.isVisible(), what="the window to close")
        assert closings == [True]
        await first.close()

        # Next start: the work is still there, and goes out once the server is back.
        second = open_session(sessions, sandbox, data_dir, network)
        again = await second.start()
        assert second.workspace is not None
        assert second.workspace.queued_count() == 2
        second.workspace.outbox.backoff_cap = 0.05
        network.up = True
        await until(
            lambda: text_of(again, "outboxStatus") == "All changes sent",
            within=30,
            what="the queue to drain after the restart",
        )
        server = api.data(api.get(f"/contacts/{person['id']}"))
        assert (server["company"], server["phone"]) == ("Kept Ltd", "+1 555 0100")
        # Nothing queued: Ctrl+Q quits without a question.
        qtbot.keyClick(again, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: not again.isVisible(), what="the window to close at once")
        assert visible_box(again, "quitWithQueued") is None
        await second.close()

    run(loop, scenario(), timeout=120)


def test_the_app_closing_a_window_never_asks(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    network: Network,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    person = api.make_contact(name=f"Teardown {uuid.uuid4().hex[:6]}")
    session = open_session(sessions, sandbox, tmp_path / "ws", network)

    async def scenario() -> None:
        _window, ws = await start(session)
        await until(lambda: ws.contacts.get(person["id"]), what="the contact in the cache")
        network.up = False
        ws.contacts.update(person["id"], {"company": "Queued Inc"})
        assert ws.queued_count() == 1
        await session.close()  # a workspace switch or the end of a test: no question
        assert session.window is None
        assert [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)] == []

    run(loop, scenario())


def test_the_status_bar_counts_down_while_draining(qtbot: Any) -> None:
    from mailtrixy_desktop.sync.connectivity import Status
    from mailtrixy_desktop.ui.status_bar import StatusBar

    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.set_connection(Status(State.OFFLINE, "No connection.", 0.0))
    bar.set_outbox(3, 0, 3)
    assert bar.outbox.text() == "Offline — 3 queued"
    bar.set_connection(Status(State.ONLINE, "Connected.", 0.0))
    assert bar.outbox.text() == "Sending 3…"
    bar.set_outbox(2, 0, 2)
    assert bar.outbox.text() == "Sending 2…"
    bar.set_outbox(2, 1, 1)
    assert bar.outbox.text() == "Sending 1… · ⚠ 1 needs attention"
    bar.set_outbox(1, 1, 0)
    assert bar.outbox.text() == "⚠ 1 needs attention"
    bar.set_outbox(1, 0, 0)
    assert bar.outbox.text() == "1 waiting"  # being edited, or behind a refused change
    bar.set_connection(Status(State.DEGRADED, "The server is having trouble.", 0.0))
    bar.set_outbox(2, 0, 2)
    assert bar.outbox.text() == "Retrying — 2 queued"
    bar.set_outbox(0)
    assert bar.outbox.text() == "All changes sent"


def test_operation_states_are_named_and_coloured(qtbot: Any, qtmodeltester: Any) -> None:
    from mailtrixy_desktop.store.outbox import Operation
    from mailtrixy_desktop.ui.outbox.model import OutboxModel

    def op(op_id: int, state: OpState, error: str | None = None) -> Operation:
        return Operation(
            op_id, "contact.update", "contact", 1, {"name": "x"}, None, None, "k", state,
            1, 0.0, error, None, "2026-03-01T09:00:00+00:00", f"u{op_id}{state}",
        )  # fmt: skip

    model = OutboxModel(lambda o: f"change {o.id}")
    model.set_operations([op(i + 1, s) for i, s in enumerate(OpState) if s is not OpState.DONE])
    qtmodeltester.check(model)
    assert column_of(model, STATE) == [
        "Queued",
        "Sending",
        "Held for review",
        "Needs attention",
        "Being edited",
        "Outcome unknown",
    ]
    assert all(not model.index(r, STATE).data(Qt.ItemDataRole.DecorationRole).isNull()
               for r in range(model.rowCount()))  # fmt: skip
    # A reload merges: rows that stay keep their place, new ones are inserted in order.
    model.set_operations(
        [op(2, OpState.SENDING), op(4, OpState.QUEUED, "Timed out"), op(9, OpState.QUEUED)]
    )
    qtmodeltester.check(model)
    assert model.ids() == [2, 4, 9]
    assert model.index(1, ERROR).data() == "Timed out"


def column_of(model: Any, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]
