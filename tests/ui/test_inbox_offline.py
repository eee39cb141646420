"""Replies written offline arrive exactly once: across a restart, and across a crash.

The issue's promise, end to end: the real app (``AppSession``) against the real
sandbox, driven through the inbox's widgets by objectName.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTextEdit,
    QToolButton,
)

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.app.runner import AppSession
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store import outbox
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.sync.pull import PullEngine
from mailtrixy_desktop.ui.inbox.pane import InboxPane
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import NO_FAULTS, Admin, Api
from tests.ui.conftest import run, until
from tests.ui.inbox_support import inbox_of, open_conversation, thread_text

pytestmark = pytest.mark.usefixtures("loop")


def new_conversations(api: Api, admin: Admin, count: int) -> list[dict[str, Any]]:
    found = []
    for _ in range(count):
        contact = api.make_contact(name=f"Customer {uuid.uuid4().hex[:6]}")
        found.append(admin.simulate("new_conversation", contact_id=contact["id"]))
    return found


def server_messages(api: Api, conversation_id: int) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = api.data(
        api.get(f"/conversations/{conversation_id}/messages", params={"per_page": 100})
    )
    return data


def texts_on_server(api: Api, conversation_id: int, marker: str) -> list[tuple[int, str]]:
    return [
        (m["id"], m["body_html"])
        for m in server_messages(api, conversation_id)
        if marker in (m["body_html"] or "")
    ]


def write_reply(pane: InboxPane, text: str) -> None:
    editor = pane.findChild(QTextEdit, "replyEditor")
    send = pane.findChild(QPushButton, "replySend")
    assert editor is not None
    assert send is not None
    editor.setFocus()
    QTest.keyClicks(editor, text)
    assert send.isEnabled()
    QTest.mouseClick(send, Qt.MouseButton.LeftButton)


def test_replies_and_a_close_made_offline_arrive_once_after_a_restart(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    first, second, third = new_conversations(api, admin, 3)
    marker = uuid.uuid4().hex[:8]
    data_dir = tmp_path / "ws"

    async def scenario() -> None:
        session = AppSession(sandbox.url, sandbox.token, data_dir, title="Test")
        sessions.append(session)
        window = await session.start()
        pane = inbox_of(window)
        await until(
            lambda: all(pane.model.row_of(c["id"]) >= 0 for c in (first, second, third)),
            within=30,
            what="the three conversations in the inbox",
        )
        admin.faults(offline=True)

        open_conversation(pane, first["id"])
        write_reply(pane, f"First answer {marker}")
        await until(lambda: f"First answer {marker}" in thread_text(pane), what="the reply shown")
        assert "Queued" in thread_text(pane)
        open_conversation(pane, second["id"])
        write_reply(pane, f"Second answer {marker}")
        await until(lambda: "Queued" in thread_text(pane), what="the second reply queued")
        open_conversation(pane, third["id"])
        close = pane.findChild(QToolButton, "conversationClose")
        assert close is not None
        QTest.mouseClick(close, Qt.MouseButton.LeftButton)
        await until(lambda: window.workspace.queued_count() == 3, what="three queued changes")
        status = window.findChild(QLabel, "outboxStatus")
        assert status is not None
        await until(
            lambda: "Offline — 3 queued" in status.text(),
            within=60,
            what="the status bar to say the work waits offline",
        )
        await session.close()

        # Started again on the same data, still offline: the work is still there.
        again = AppSession(sandbox.url, sandbox.token, data_dir, title="Test")
        sessions.append(again)
        window = await again.start()
        assert window.workspace.queued_count() == 3
        pane = inbox_of(window)
        open_conversation(pane, first["id"])
        assert f"First answer {marker}" in thread_text(pane)
        # Queued, or "Sending…" when the quit came while it was on its way.
        assert "Queued" in thread_text(pane) or "Sending" in thread_text(pane)

        admin.faults(offline=False)
        await until(
            lambda: window.workspace.queued_count() == 0,
            within=90,
            what="the outbox to drain once the server is back",
        )
        one = texts_on_server(api, first["id"], marker)
        two = texts_on_server(api, second["id"], marker)
        assert len(one) == 1, one  # exactly once
        assert len(two) == 1, two
        assert one[0][0] < two[0][0], "delivered in the order they were written"
        closed = api.data(api.get(f"/conversations/{third['id']}"))
        assert closed["status"] == "closed"
        await until(
            lambda: (
                "Queued" not in thread_text(pane)
                and "Sending" not in thread_text(pane)
                and f"First answer {marker}" in thread_text(pane)
            ),
            within=30,
            what="the thread to show the reply as sent",
        )

    try:
        run(loop, scenario(), timeout=180)
    finally:
        admin.faults(**NO_FAULTS)


def queue_replies(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    data_dir: Path,
    replies: list[tuple[int, str]],
) -> None:
    """As the app would have left them: the cache synced, the replies in the outbox."""

    data_dir.mkdir(parents=True, exist_ok=True)

    async def go() -> None:
        store = Store.open(data_dir / "workspace.sqlite3")
        client = MailTrixyClient(sandbox.url, sandbox.token)
        try:
            await PullEngine(client, store).full_sync()
            inbox = Workspace(client, store).inbox
            for conversation_id, text in replies:
                inbox.reply(conversation_id, {"body_html": f"<p>{text}</p>", "cc": [], "bcc": []})
        finally:
            await client.aclose()
            store.close()

    run(loop, go())


def test_a_crash_while_the_outbox_drains_still_delivers_each_reply_once(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    first, second = new_conversations(api, admin, 2)
    marker = uuid.uuid4().hex[:8]
    data_dir = tmp_path / "ws"
    planned = [
        (first["id"], f"one {marker}"),
        (second["id"], f"two {marker}"),
        (first["id"], f"three {marker}"),
        (second["id"], f"four {marker}"),
    ]
    queue_replies(loop, sandbox, data_dir, planned)

    def delivered() -> int:
        return len(texts_on_server(api, first["id"], marker)) + len(
            texts_on_server(api, second["id"], marker)
        )

    # A slow server: each request spends a while "working" after it is accepted, so the
    # kill lands while one is in flight.
    admin.faults(processing_ms=700)
    env = dict(os.environ, MAILTRIXY_TEST_TOKEN=sandbox.token, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.app_process", sandbox.url, str(data_dir)],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 90
        while delivered() < 1 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
        assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
        assert 1 <= delivered() < len(planned), "killed part-way through the drain"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        if child.stderr is not None:
            child.stderr.close()
        admin.faults(**NO_FAULTS)

    store = Store.open(data_dir / "workspace.sqlite3")
    left = outbox.count_open(store)
    store.close()
    assert left >= 1, "the crash left work to do"

    async def restart() -> None:
        session = AppSession(sandbox.url, sandbox.token, data_dir, title="Test")
        sessions.append(session)
        window = await session.start()
        await until(
            lambda: window.workspace.queued_count() == 0,
            within=90,
            what="the rest of the outbox to go out after the restart",
        )

    run(loop, restart(), timeout=120)
    for conversation_id in (first["id"], second["id"]):
        mine = texts_on_server(api, conversation_id, marker)
        expected = [text for cid, text in planned if cid == conversation_id]
        assert [body for _id, body in mine] == [f"<p>{text}</p>" for text in expected], mine


def test_the_status_bar_and_list_say_what_is_unread_and_queued(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    """A conversation that arrives while the app runs is unread (bold) until opened for a
    moment; marking it unread brings the mark back; the sidebar counts open ones."""

    async def scenario() -> None:
        session = AppSession(sandbox.url, sandbox.token, tmp_path / "ws", title="Test")
        sessions.append(session)
        window = await session.start()
        pane = inbox_of(window)
        await until(
            lambda: window.workspace.sync.activity.last_finished_at is not None,
            what="the first sync",
        )
        (fresh,) = new_conversations(api, admin, 1)
        window.refresh(["conversations"])
        await until(lambda: pane.model.row_of(fresh["id"]) >= 0, within=30, what="the arrival")
        assert pane.inbox.rows([fresh["id"]])[fresh["id"]].unread
        assert fresh["id"] in session.announcer.announced  # type: ignore[union-attr]
        unread = pane.findChild(QPushButton, "conversationUnreadFilter")
        assert unread is not None
        unread.setChecked(True)
        assert pane.model.ids() == [fresh["id"]] or fresh["id"] in pane.model.ids()
        unread.setChecked(False)
        open_conversation(pane, fresh["id"])
        await until(
            lambda: not pane.inbox.rows([fresh["id"]])[fresh["id"]].unread,
            within=10,
            what="the conversation to count as read after a moment open",
        )
        mark = pane.findChild(QToolButton, "conversationMarkUnread")
        assert mark is not None
        QTest.mouseClick(mark, Qt.MouseButton.LeftButton)
        assert pane.inbox.rows([fresh["id"]])[fresh["id"]].unread
        count = pane.findChild(QLabel, "conversationCount")
        assert count is not None
        assert "conversation" in count.text()

    run(loop, scenario(), timeout=120)
