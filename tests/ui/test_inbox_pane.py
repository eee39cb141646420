"""The inbox pane as a person uses it, end to end against the sandbox.

The real app (``AppSession``) against the real sandbox, driven through the inbox's
widgets by objectName: the filters and their counts, the keyboard (J, K, E, R, U),
snoozing until the customer writes, assigning, drafts that survive a switch and a
restart, hostile message HTML, and the polling interval. Each test makes its own
conversations and tags them with a label of its own, so the shared sandbox's other
data never changes what it sees.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

from mailtrixy_desktop.api.models import Message
from mailtrixy_desktop.app.runner import AppSession
from mailtrixy_desktop.store.conversations import ConversationRow, upsert_messages
from mailtrixy_desktop.store.inbox_state import has_baseline
from mailtrixy_desktop.ui.inbox.list_model import DRAFT_ROLE, ID_ROLE, ROW_ROLE
from mailtrixy_desktop.ui.inbox.pane import InboxPane
from mailtrixy_desktop.ui.main_window import MainWindow
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api
from tests.ui.conftest import run, until
from tests.ui.inbox_support import inbox_of, open_conversation, thread_text

pytestmark = pytest.mark.usefixtures("loop")


# ---------------------------------------------------------------------- helpers


def me_on_server(api: Api) -> dict[str, Any]:
    """The team member the sandbox token acts as ("Mine", "Me (…)")."""
    member: dict[str, Any] = api.data(api.get("/me"))["member"]
    assert member is not None, "the sandbox token acts as a team member"
    return member


def other_member(api: Api, me: dict[str, Any]) -> dict[str, Any]:
    members: list[dict[str, Any]] = api.data(api.get("/team-members"))
    return next(m for m in members if m["id"] != me["id"])


def conversation_for(
    api: Api,
    admin: Admin,
    *,
    contact_name: str,
    labels: list[str],
    assignee_id: int | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """A customer writes in; then the server gets the labels (and any status) given."""
    contact = api.make_contact(name=contact_name)
    made = admin.simulate("new_conversation", contact_id=contact["id"], assignee_id=assignee_id)
    return server_conversation(api, made["id"], labels=labels, **changes)


def server_conversation(api: Api, conversation_id: int, **changes: Any) -> dict[str, Any]:
    if changes:
        response = api.put(f"/conversations/{conversation_id}", json=changes)
        return api.data(response)  # type: ignore[no-any-return]
    return api.data(api.get(f"/conversations/{conversation_id}"))  # type: ignore[no-any-return]


async def open_app(
    sessions: list[AppSession], sandbox: SandboxProcess, data_dir: Path
) -> MainWindow:
    session = AppSession(sandbox.url, sandbox.token, data_dir, title="Test")
    sessions.append(session)
    return await session.start()


def child(pane: QWidget, kind: type[Any], name: str) -> Any:
    found = pane.findChild(kind, name)
    assert found is not None, f"{kind.__name__} {name!r} in the inbox"
    return found


async def cached(pane: InboxPane, ids: list[int]) -> None:
    """Wait for the first sync to bring these conversations into the cache."""
    await until(
        lambda: len(pane.inbox.rows(ids)) == len(ids),
        within=30,
        what=f"conversations {ids} in the cache",
    )


async def in_list(pane: InboxPane, ids: list[int]) -> None:
    """Wait for these conversations to show in the list (the first sync brings them)."""
    await until(
        lambda: all(pane.model.row_of(i) >= 0 for i in ids),
        within=30,
        what=f"conversations {ids} in the list",
    )


def choose(combo: QComboBox, data: Any) -> None:
    """Pick an item of a filter as a person would (by what it stands for)."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} in {combo.objectName()}: {items_of(combo)}"
    combo.setCurrentIndex(index)


def items_of(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def listed(pane: InboxPane) -> list[int]:
    """The conversation ids the list shows, top to bottom (as the view reads them)."""
    listing: QListView = child(pane, QListView, "conversationList")
    model = listing.model()
    if not listing.isVisible():
        return []
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def shown_row(pane: InboxPane, conversation_id: int) -> ConversationRow:
    listing: QListView = child(pane, QListView, "conversationList")
    model = listing.model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == conversation_id
    )
    value: ConversationRow = model.index(row, 0).data(ROW_ROLE)
    return value


def selected_id(pane: InboxPane) -> int | None:
    listing: QListView = child(pane, QListView, "conversationList")
    index = listing.currentIndex()
    return index.data(ID_ROLE) if index.isValid() else None


def editor_of(pane: InboxPane) -> QTextEdit:
    editor: QTextEdit = child(pane, QTextEdit, "replyEditor")
    return editor


def activate(window: MainWindow) -> None:
    """Keyboard shortcuts need the window active (offscreen: say so to the application)."""
    window.activateWindow()
    if QApplication.activeWindow() is not window:
        QApplication.setActiveWindow(window)


def menu_action(menu: QMenu, name: str) -> QAction:
    """An action of ``menu`` or its submenus by objectName (the live menu, not a stale one)."""
    for action in menu.actions():
        if action.objectName() == name:
            return action
        sub = action.menu()
        if isinstance(sub, QMenu):
            try:
                return menu_action(sub, name)
            except LookupError:
                pass
    raise LookupError(name)


async def drained(window: MainWindow, what: str) -> None:
    await until(lambda: window.workspace.queued_count() == 0, within=30, what=what)


# ---------------------------------------------------------------------- filters


def test_filters_show_counts_and_narrow_the_list(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    marker = uuid.uuid4().hex[:8]
    tag, vip = f"batch{marker}", f"vip{marker}"
    me = me_on_server(api)
    other = other_member(api, me)
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=3)).isoformat()
    mine = conversation_for(
        api, admin, contact_name=f"Mina Q{marker}", labels=[tag, vip], assignee_id=me["id"]
    )
    nobody = conversation_for(api, admin, contact_name=f"Nobo Z{marker}", labels=[tag])
    theirs = conversation_for(
        api,
        admin,
        contact_name=f"Theo Q{marker}",
        labels=[tag],
        assignee_id=other["id"],
        status="closed",
    )
    later = conversation_for(
        api,
        admin,
        contact_name=f"Lara Q{marker}",
        labels=[tag],
        status="snoozed",
        snoozed_until=future,
    )
    everything = {c["id"] for c in (mine, nobody, theirs, later)}

    async def scenario() -> None:
        window = await open_app(sessions, sandbox, tmp_path / "ws")
        pane = inbox_of(window)
        await cached(pane, sorted(everything))
        status = child(pane, QComboBox, "conversationStatusFilter")
        assignee = child(pane, QComboBox, "conversationAssigneeFilter")
        label = child(pane, QComboBox, "conversationLabelFilter")
        search = child(pane, QLineEdit, "conversationSearch")
        unread = child(pane, QPushButton, "conversationUnreadFilter")
        count = child(pane, QLabel, "conversationCount")

        # The whole workspace: the open item's count is what the open list shows.
        await until(lambda: label.findData(tag) >= 0, what="the test's label in the filter")
        assert status.currentData() == "open"
        assert status.currentText() == f"Open ({len(listed(pane)):,})"

        # Narrowed to this test's label, each status item counts its own.
        choose(label, tag)
        assert items_of(status) == ["Open (2)", "Snoozed (1)", "Closed (1)", "All (4)"]
        assert set(listed(pane)) == {mine["id"], nobody["id"]}
        assert count.text() == "2 conversations"
        choose(status, "snoozed")
        assert listed(pane) == [later["id"]]
        assert count.text() == "1 conversation"
        choose(status, "closed")
        assert listed(pane) == [theirs["id"]]
        choose(status, "all")
        assert set(listed(pane)) == everything

        # Assignee: "Mine" appears once the app knows who the token is.
        await until(lambda: assignee.findData("mine") >= 0, what='"Mine" in the assignee filter')
        choose(assignee, "mine")
        assert listed(pane) == [mine["id"]]
        assert items_of(status) == ["Open (1)", "Snoozed (0)", "Closed (0)", "All (1)"]
        choose(assignee, "unassigned")
        assert set(listed(pane)) == {nobody["id"], later["id"]}
        choose(assignee, "anyone")

        # A second label narrows to the one conversation that has it.
        choose(label, vip)
        assert listed(pane) == [mine["id"]]
        label.setCurrentIndex(0)
        assert label.currentText() == "All labels"

        # Search: the contact's name, by prefix, after the debounce; the label too.
        search.setFocus()
        QTest.keyClicks(search, f"z{marker}")
        await until(lambda: listed(pane) == [nobody["id"]], what="the search to narrow")
        assert items_of(status)[3] == "All (1)"
        search.clear()
        QTest.keyClicks(search, tag)
        await until(lambda: set(listed(pane)) == everything, what="a search by label")
        search.clear()
        QTest.keyClicks(search, f"nothing{marker}")
        await until(lambda: not listed(pane), what="a search that matches nothing")
        empty = child(pane, QLabel, "conversationListEmpty")
        assert empty.isVisible()
        assert "No conversation matches" in empty.text()
        search.clear()
        choose(label, tag)
        await until(lambda: set(listed(pane)) == everything, what="the search cleared")

        # Unread: what was there at the first sync is read; a customer writing again is not.
        await until(
            lambda: has_baseline(window.workspace.store), what="the first sync's read baseline"
        )
        first_synced = int(time.time())
        assert not any(shown_row(pane, cid).unread for cid in everything)
        unread.setChecked(True)
        assert listed(pane) == []
        assert "Nothing unread" in empty.text()
        # The sandbox stamps times in whole seconds, and "unread" means newer than what
        # the first sync saw: the customer writes in a later second than that sync.
        await until(lambda: int(time.time()) > first_synced, within=3, what="the next second")
        admin.simulate("inbound_message", conversation_id=nobody["id"])
        window.refresh(["conversations"])
        await until(lambda: listed(pane) == [nobody["id"]], within=20, what="the new message")
        assert shown_row(pane, nobody["id"]).unread  # painted bold
        unread.setChecked(False)
        assert set(listed(pane)) == everything

        # Started again: the filters are as they were left, and the team is in the cache,
        # so a named member can be chosen (see the next test for a first start).
        await sessions[-1].close()
        sessions.pop()
        window = await open_app(sessions, sandbox, tmp_path / "ws")
        pane = inbox_of(window)
        status = child(pane, QComboBox, "conversationStatusFilter")
        assert status.currentData() == "all"
        assert child(pane, QComboBox, "conversationLabelFilter").currentData() == tag
        assert set(listed(pane)) == everything
        assignee = child(pane, QComboBox, "conversationAssigneeFilter")
        choose(assignee, other["id"])
        assert assignee.currentText() == other["name"]
        assert listed(pane) == [theirs["id"]]

    run(loop, scenario(), timeout=90)


def test_the_assignee_filter_lists_members_on_a_first_start(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    other = other_member(api, me_on_server(api))

    async def scenario() -> None:
        window = await open_app(sessions, sandbox, tmp_path / "ws")
        pane = inbox_of(window)
        await until(
            lambda: window.workspace.sync.activity.last_finished_at is not None,
            within=30,
            what="the first sync",
        )
        await until(lambda: pane.inbox.me is not None, what="the app to know who it is")
        assignee = child(pane, QComboBox, "conversationAssigneeFilter")
        await until(
            lambda: assignee.findData(other["id"]) >= 0,
            within=3,
            what=f"{other['name']} in the assignee filter: {items_of(assignee)}",
        )

    run(loop, scenario(), timeout=60)


# ---------------------------------------------------------------------- keyboard


def test_keyboard_moves_closes_replies_and_marks_unread(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    marker = uuid.uuid4().hex[:8]
    tag = f"keys{marker}"
    made = [
        conversation_for(api, admin, contact_name=f"Kay{i}{marker} Doe", labels=[tag])
        for i in range(4)
    ]

    async def scenario() -> None:
        window = await open_app(sessions, sandbox, tmp_path / "ws")
        pane = inbox_of(window)
        await cached(pane, [c["id"] for c in made])
        await until(lambda: pane.label_filter.findData(tag) >= 0, what="the label filter")
        choose(child(pane, QComboBox, "conversationLabelFilter"), tag)
        order = listed(pane)
        assert set(order) == {c["id"] for c in made}
        names = {c["id"]: c["contact"]["name"] for c in made}
        listing: QListView = child(pane, QListView, "conversationList")
        activate(window)
        pane.setFocus()
        await until(lambda: QApplication.focusWidget() is pane, what="focus in the inbox")
        assert selected_id(pane) is None

        # J with nothing selected opens the first; J and K step; the thread follows.
        QTest.keyClick(pane, Qt.Key.Key_J)
        assert selected_id(pane) == order[0]
        await until(lambda: names[order[0]] in thread_text(pane), what="the first thread")
        listing.setFocus()  # where a person's focus is after clicking a conversation
        assert selected_id(pane) == order[0]
        QTest.keyClick(listing, Qt.Key.Key_J)
        QTest.keyClick(listing, Qt.Key.Key_J)
        assert selected_id(pane) == order[2]
        await until(lambda: names[order[2]] in thread_text(pane), what="the third thread")
        assert names[order[0]] not in thread_text(pane)
        QTest.keyClick(listing, Qt.Key.Key_K)
        assert selected_id(pane) == order[1]
        await until(lambda: names[order[1]] in thread_text(pane), what="the second thread")
        subject = child(pane, QLabel, "conversationSubject")
        assert subject.text() == next(c["subject"] for c in made if c["id"] == order[1])

        # E closes it; the list drops it and the selection moves on to the next one.
        QTest.keyClick(listing, Qt.Key.Key_E)
        assert order[1] not in listed(pane)
        assert selected_id(pane) == order[2]
        assert pane.current_id == order[2]
        await until(lambda: names[order[2]] in thread_text(pane), what="the next thread")
        await drained(window, "the close to reach the server")
        assert server_conversation(api, order[1])["status"] == "closed"

        # R puts the cursor in the reply.
        QTest.keyClick(listing, Qt.Key.Key_R)
        editor = editor_of(pane)
        await until(lambda: QApplication.focusWidget() is editor, what="focus in the reply")

        # U marks the open conversation unread again (bold in the list).
        listing.setFocus()
        assert not shown_row(pane, order[2]).unread
        QTest.keyClick(listing, Qt.Key.Key_U)
        await until(lambda: shown_row(pane, order[2]).unread, what="the unread mark")

    run(loop, scenario(), timeout=90)


# ---------------------------------------------------------------------- actions


def test_snooze_until_the_customer_writes_again(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    marker = uuid.uuid4().hex[:8]
    tag = f"snz{marker}"
    made = conversation_for(api, admin, contact_name=f"Sam{marker} Ray", labels=[tag])

    async def scenario() -> None:
        window = await open_app(sessions, sandbox, tmp_path / "ws")
        pane = inbox_of(window)
        await cached(pane, [made["id"]])
        await until(lambda: pane.label_filter.findData(tag) >= 0, what="the label filter")
        choose(child(pane, QComboBox, "conversationLabelFilter"), tag)
        open_conversation(pane, made["id"])
        snooze: QToolButton = child(pane, QToolButton, "conversationSnooze")
        menu = snooze.menu()
        assert menu is not None
        menu_action(menu, "snoozeUntilReply").trigger()

        # Gone from the open list straight away; the header says why.
        await until(lambda: listed(pane) == [], what="it gone from Open")
        status = child(pane, QComboBox, "conversationStatusFilter")
        assert status.itemText(1) == "Snoozed (1)"
        assert "Snoozed until the customer writes" in child(pane, QLabel, "conversationWho").text()
        await drained(window, "the snooze to reach the server")
        on_server = server_conversation(api, made["id"])
        assert on_server["status"] == "snoozed"
        assert on_server["snoozed_until"] is None

        # The customer writes: the server reopens it, and the list follows on a refresh.
        admin.simulate("inbound_message", conversation_id=made["id"])
        assert server_conversation(api, made["id"])["status"] == "open"
        window.refresh(["conversations"])
        await until(lambda: listed(pane) == [made["id"]], within=20, what="it back in Open")
        assert status.itemText(0) == "Open (1)"
        assert status.itemText(1) == "Snoozed (0)"

    run(loop, scenario(), timeout=60)


def test_assign_to_a_member_from_the_assign_menu(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    marker = uuid.uuid4().hex[:8]
    me = me_on_server(api)
    other = other_member(api, me)
    made = conversation_for(api, admin, contact_name=f"Ada{marker} Byron", labels=[])
    assert made["assignee"] is None

    async def scenario() -> None:
        window = await open_app(sessions, sandbox, tmp_path / "ws")
        pane = inbox_of(window)
        await in_list(pane, [made["id"]])
        open_conversation(pane, made["id"])
        assign: QToolButton = child(pane, QToolButton, "conversationAssign")
        menu = assign.menu()
        assert menu is not None
        await until(lambda: pane.inbox.me is not None, what="the app to know who it is")
        menu.aboutToShow.emit()  # what opening the menu does; exec() would block the test
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert f"Me ({me['name']})" in texts
        assert other["name"] in texts
        assert "Unassign" in texts
        next(a for a in menu.actions() if a.text() == other["name"]).trigger()

        who = child(pane, QLabel, "conversationWho")
        await until(lambda: f"Assigned to {other['name']}" in who.text(), what="the header")
        shown = shown_row(pane, made["id"]).assignee
        assert shown is not None
        assert shown.id == other["id"]
        await drained(window, "the assignment to reach the server")
        assert server_conversation(api, made["id"])["assignee"]["id"] == other["id"]
        await until(lambda: "changes waiting" not in who.text(), what="the pending mark gone")

        # And to me, from the same menu rebuilt: the previous choice is ticked.
        menu.aboutToShow.emit()
        ticked = [a.text() for a in menu.actions() if a.isChecked()]
        assert ticked == [other["name"]]
        next(a for a in menu.actions() if a.text().startswith("Me (")).trigger()
        await drained(window, "the second assignment")
        assert server_conversation(api, made["id"])["assignee"]["id"] == me["id"]

    run(loop, scenario(), timeout=60)


# ---------------------------------------------------------------------- drafts


def test_a_draft_is_kept_across_switching_and_a_restart(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    marker = uuid.uuid4().hex[:8]
    first, second = (
        conversation_for(api, admin, contact_name=f"Dee{i}{marker} Raft", labels=[])
        for i in range(2)
    )
    data_dir = tmp_path / "ws"
    one, two = f"Half-written answer {marker}", f"Second thoughts {marker}"

    async def scenario() -> None:
        window = await open_app(sessions, sandbox, data_dir)
        pane = inbox_of(window)
        await in_list(pane, [first["id"], second["id"]])
        editor = editor_of(pane)
        open_conversation(pane, first["id"])
        editor.setFocus()
        QTest.keyClicks(editor, one)

        # Switching keeps it (and the list marks the conversation as drafted).
        open_conversation(pane, second["id"])
        assert editor.toPlainText() == ""
        listing: QListView = child(pane, QListView, "conversationList")
        row = pane.model.row_of(first["id"])
        assert listing.model().index(row, 0).data(DRAFT_ROLE) is True
        open_conversation(pane, first["id"])
        assert editor.toPlainText() == one

        # Typed just before quitting, with no pause: kept too.
        open_conversation(pane, second["id"])
        editor.setFocus()
        QTest.keyClicks(editor, two)
        await sessions[-1].close()
        sessions.pop()

        window = await open_app(sessions, sandbox, data_dir)
        pane = inbox_of(window)
        editor = editor_of(pane)
        open_conversation(pane, first["id"])
        assert editor.toPlainText() == one
        open_conversation(pane, second["id"])
        assert editor.toPlainText() == two
        assert window.workspace.queued_count() == 0, "a draft is not sent"

    run(loop, scenario(), timeout=60)


# ---------------------------------------------------------------------- hostile HTML

HOSTILE = (
    "<p>Hello {marker}</p>"
    "<script>alert('script-{marker}')</script>"
    '<img src="x" onerror="alert(\'img-{marker}\')">'
    "<p><a href=\"javascript:alert('link-{marker}')\">press here {marker}</a></p>"
    "<p>Bye {marker}</p>"
)


def hostile_parts_absent(html: str, marker: str) -> None:
    lowered = html.lower()
    assert "<script" not in lowered
    assert "onerror" not in lowered
    assert "javascript:" not in lowered
    for kind in ("script", "img", "link"):
        assert f"{kind}-{marker}" not in html
    assert "alert(" not in lowered


def test_hostile_message_html_is_shown_without_its_hostile_parts(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    """The sandbox's simulated customers write plain text only, so the hostile message
    comes two ways: a reply posted through the API (a colleague's client, on the
    server), and an inbound message put straight into the app's cache (a customer's)."""
    sent, received = uuid.uuid4().hex[:8], uuid.uuid4().hex[:8]
    made = conversation_for(api, admin, contact_name=f"Mal{sent} Ory", labels=[])
    posted = api.post(
        f"/conversations/{made['id']}/reply", json={"body_html": HOSTILE.format(marker=sent)}
    )
    api.data(posted, 201)

    async def scenario() -> None:
        window = await open_app(sessions, sandbox, tmp_path / "ws")
        pane = inbox_of(window)
        await in_list(pane, [made["id"]])
        open_conversation(pane, made["id"])
        await until(lambda: f"Bye {sent}" in thread_text(pane), what="the posted message")
        await until(lambda: not pane._loading_thread, what="the thread fetched")
        thread: QTextBrowser = child(pane, QTextBrowser, "conversationThread")
        assert f"Hello {sent}" in thread.toPlainText()
        assert f"press here {sent}" in thread.toPlainText()  # the text of the link stays
        hostile_parts_absent(thread.toHtml(), sent)

        # A customer's message with the same parts, as if synced: into the cache, shown.
        message = Message.model_validate(
            {
                "id": 2_000_000_000 + int(received[:6], 16) % 1_000_000,
                "conversation_id": made["id"],
                "direction": "inbound",
                "body_html": HOSTILE.format(marker=received),
                "body_text": None,
                "sender": None,
                "cc": [],
                "bcc": [],
                "created_at": dt.datetime.now(dt.UTC),
            }
        )
        upsert_messages(window.workspace.store, [message])
        window.workspace.changes.publish({"messages"})
        await until(lambda: f"Bye {received}" in thread_text(pane), what="the inbound message")
        assert f"Hello {received}" in thread.toPlainText()
        hostile_parts_absent(thread.toHtml(), received)
        hostile_parts_absent(thread.toHtml(), sent)

    run(loop, scenario(), timeout=60)


# ---------------------------------------------------------------------- polling


def test_the_poll_interval_is_set_from_the_menu_and_kept(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    sessions: list[AppSession],
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "ws"

    async def scenario() -> None:
        window = await open_app(sessions, sandbox, data_dir)
        pane = inbox_of(window)
        intervals = window.workspace.sync.intervals.per_resource
        assert intervals["conversations"] == 30  # the default
        more: QToolButton = child(pane, QToolButton, "inboxMore")
        menu = more.menu()
        assert menu is not None
        assert menu_action(menu, "inboxPoll30").isChecked()
        menu_action(menu, "inboxPoll15").trigger()
        assert intervals["conversations"] == 15
        menu = more.menu()
        assert menu is not None
        assert menu_action(menu, "inboxPoll15").isChecked()
        assert not menu_action(menu, "inboxPoll30").isChecked()
        await sessions[-1].close()
        sessions.pop()

        window = await open_app(sessions, sandbox, data_dir)
        assert window.workspace.sync.intervals.per_resource["conversations"] == 15
        pane = inbox_of(window)
        menu = child(pane, QToolButton, "inboxMore").menu()
        assert menu_action(menu, "inboxPoll15").isChecked()
        menu_action(menu, "inboxPoll300").trigger()
        assert window.workspace.sync.intervals.per_resource["conversations"] == 300

    run(loop, scenario(), timeout=60)
