"""The Tags & Groups pane end to end: widgets by objectName, a real sandbox over HTTP."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QListView, QMessageBox, QPushButton, QTableView
from shiboken6 import isValid

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.ui.async_bridge import ChangeBridge
from mailtrixy_desktop.ui.pane import PaneContext
from mailtrixy_desktop.ui.tags_groups.dialogs import GroupDialog, TagDialog
from mailtrixy_desktop.ui.tags_groups.models import IdRole
from mailtrixy_desktop.ui.tags_groups.pane import TagsGroupsPane
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Api
from tests.ui.conftest import run, until

# The offscreen platform plugin says this whenever a window's size limits change (any
# dialog with a layout): a limit of the test platform, not a problem of the pane.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$")

FAST = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05, max_total=2)


def _unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@asynccontextmanager
async def _pane(
    sandbox: SandboxProcess, tmp_path: Path, qtbot: Any
) -> AsyncIterator[tuple[TagsGroupsPane, list[str]]]:
    client = MailTrixyClient(sandbox.url, sandbox.token, retry=FAST)
    store = Store.open(tmp_path / "ws.sqlite3")
    workspace = Workspace(client, store)
    workspace.outbox.backoff_base = 0.01
    workspace.outbox.backoff_cap = 0.05
    await workspace.pull.full_sync()
    workspace.start()
    bridge = ChangeBridge(workspace.changes)
    notes: list[str] = []
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = PaneContext(workspace, bridge, settings, notes.append, lambda _names: None)
    pane = TagsGroupsPane(context)
    qtbot.addWidget(pane)
    pane.resize(1200, 640)
    pane.show()
    try:
        yield pane, notes
    finally:
        bridge.close()
        await workspace.close()
        await client.aclose()
        # Last, with nothing left to await: closing the last window quits the Qt loop.
        pane.close()
        store.close()


def _server_tag(api: Api, name: str) -> dict[str, Any] | None:
    return next((t for t in api.data(api.get("/tags")) if t["name"] == name), None)


def _server_group(api: Api, name: str) -> dict[str, Any] | None:
    return next((g for g in api.data(api.get("/contact-groups")) if g["name"] == name), None)


def _server_member_ids(api: Api, group_id: int) -> set[int]:
    return {c["id"] for c in api.data(api.get(f"/contact-groups/{group_id}/members"))}


def _visible(pane: TagsGroupsPane, kind: type[Any]) -> Any:
    return next((w for w in pane.findChildren(kind) if w.isVisible()), None)


def _select(view: QListView, item_id: int) -> None:
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(IdRole) == item_id:
            view.setCurrentIndex(index)
            return
    raise AssertionError(f"{item_id} is not in {view.objectName()}")


def _click(pane: TagsGroupsPane, qtbot: Any, name: str) -> None:
    button = pane.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_tags_create_rename_recolour_delete_reach_the_server(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path, qtbot: Any
) -> None:
    carried = _unique("carried")
    for _ in range(2):
        api.make_contact(tags=[carried])

    async def scenario() -> None:
        async with _pane(sandbox, tmp_path, qtbot) as (pane, notes):
            tags_list = pane.findChild(QListView, "tagsList")
            assert tags_list is not None

            # Create.
            name = _unique("new")
            _click(pane, qtbot, "tagNew")
            form = await until(lambda: _visible(pane, TagDialog), what="the new-tag form")
            qtbot.keyClicks(form.name, name)
            form.set_color(QColor("#F59E0B"))
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
            created = await until(lambda: _server_tag(api, name), what="the tag on the server")
            assert created["color"] == "#F59E0B"
            await until(lambda: not isValid(form) or not form.isVisible(), what="the form to close")

            # Rename: the new tag stays selected under its server id.
            await until(lambda: pane.current_tag() and pane.current_tag().id == created["id"])
            renamed = _unique("renamed")
            _click(pane, qtbot, "tagRename")
            form = await until(lambda: _visible(pane, TagDialog), what="the edit form")
            form.name.clear()
            qtbot.keyClicks(form.name, renamed)
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
            await until(
                lambda: api.data(api.get(f"/tags/{created['id']}"))["name"] == renamed,
                what="the new name on the server",
            )

            # Recolour.
            _click(pane, qtbot, "tagColor")
            picker = await until(lambda: _visible(pane, QColorDialog), what="the colour picker")
            picker.setCurrentColor(QColor("#10B981"))
            picker.accept()
            await until(
                lambda: api.data(api.get(f"/tags/{created['id']}"))["color"] == "#10B981",
                what="the new colour on the server",
            )

            # Delete: the confirmation names how many contacts carry the tag.
            carried_id = _server_tag(api, carried)["id"]  # type: ignore[index]
            _select(tags_list, carried_id)
            _click(pane, qtbot, "tagDelete")
            box = await until(lambda: _visible(pane, QMessageBox), what="the confirmation")
            assert box.objectName() == "tagDeleteConfirm"
            assert box.text() == (
                f"Delete the tag “{carried}”? It is on 2 contacts; they keep everything else."
            )
            delete = box.findChild(QPushButton, "confirmDelete")
            qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
            await until(lambda: _server_tag(api, carried) is None, what="the tag to go")
            assert tags_list.model().rowCount() >= 1
            assert any("Deleted the tag" in n for n in notes)

    run(loop, scenario())


def test_a_refused_tag_name_is_shown_beside_the_field(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path, qtbot: Any
) -> None:
    async def scenario() -> None:
        async with _pane(sandbox, tmp_path, qtbot) as (pane, _notes):
            # Taken on the server after the last sync: only the server can say so.
            taken = _unique("taken")
            api.data(api.post("/tags", json={"name": taken}), 201)
            _click(pane, qtbot, "tagNew")
            form = await until(lambda: _visible(pane, TagDialog))
            qtbot.keyClicks(form.name, taken)
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
            await until(lambda: form.error_text("name"), what="the server's message")
            assert "already been taken" in form.error_text("name")
            assert form.isVisible()
            # Local checks speak before anything is sent.
            form.name.setText("Has Spaces")
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
            assert "lowercase" in form.error_text("name")
            form.reject()

    run(loop, scenario())


def test_group_create_add_two_members_by_search_remove_one(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path, qtbot: Any
) -> None:
    word = uuid.uuid4().hex[:8]
    people = [api.make_contact(name=f"Member{word} {who}") for who in ("Ada", "Bea", "Cyd")]

    async def scenario() -> None:
        async with _pane(sandbox, tmp_path, qtbot) as (pane, _notes):
            name = f"Group {word}"
            _click(pane, qtbot, "groupNew")
            form = await until(lambda: _visible(pane, GroupDialog), what="the new-group form")
            qtbot.keyClicks(form.name, name)
            qtbot.keyClicks(form.description, "Made by the pane test")
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
            group = await until(lambda: _server_group(api, name), what="the group on the server")
            assert group["description"] == "Made by the pane test"
            await until(lambda: pane.current_group() and pane.current_group().id == group["id"])

            members = pane.findChild(QTableView, "groupMembers")
            assert members is not None
            search = pane.member_search
            for person in people[:2]:
                search.setFocus()
                qtbot.keyClicks(search, person["email"])
                await until(lambda: pane.matches_model.rowCount() == 1, what="one match")
                _click(pane, qtbot, "groupMembersAdd")
            # From the cache, on the next turn of the loop (the change broadcast is queued).
            await until(lambda: members.model().rowCount() == 2, within=2, what="2 rows")
            await until(
                lambda: _server_member_ids(api, group["id"]) == {people[0]["id"], people[1]["id"]},
                what="two members on the server",
            )

            # Remove the first (members are in name order: Ada, then Bea).
            members.selectRow(0)
            _click(pane, qtbot, "groupMembersRemove")
            await until(lambda: members.model().rowCount() == 1, within=2, what="1 row")
            await until(
                lambda: _server_member_ids(api, group["id"]) == {people[1]["id"]},
                what="only Bea left on the server",
            )
            assert "1 member" in pane.members_info.text()

            # Edit and delete reach the server too.
            _click(pane, qtbot, "groupEdit")
            form = await until(lambda: _visible(pane, GroupDialog), what="the edit form")
            form.name.setText(name + " renamed")
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
            await until(lambda: _server_group(api, name + " renamed"), what="the new name")
            _click(pane, qtbot, "groupDelete")
            box = await until(lambda: _visible(pane, QMessageBox), what="the confirmation")
            assert "1 member stay contacts" in box.text()
            qtbot.mouseClick(box.findChild(QPushButton, "confirmDelete"), Qt.MouseButton.LeftButton)
            await until(lambda: _server_group(api, name + " renamed") is None, what="gone")

    run(loop, scenario())


def test_state_and_shortcuts(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, tmp_path: Path, qtbot: Any
) -> None:
    async def scenario() -> None:
        async with _pane(sandbox, tmp_path, qtbot) as (pane, _notes):
            pane.splitter.setSizes([300, 300, 600])
            pane.save_state()
            sizes = pane.splitter.sizes()
            pane.splitter.setSizes([600, 300, 300])
            pane.restore_state()
            assert pane.splitter.sizes() == sizes
            # Ctrl+N makes a group when the groups list has the focus, a tag otherwise.
            pane.activateWindow()
            pane.groups_list.setFocus()
            await until(lambda: pane.groups_list.hasFocus(), what="focus on the groups")
            pane.new_item()
            form = await until(lambda: _visible(pane, GroupDialog), what="the new-group form")
            form.reject()
            pane.tags_list.setFocus()
            await until(lambda: pane.tags_list.hasFocus(), what="focus on the tags")
            pane.new_item()
            form = await until(lambda: _visible(pane, TagDialog), what="the new-tag form")
            form.reject()

    run(loop, scenario())
