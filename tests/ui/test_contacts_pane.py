"""The contacts pane end to end: widgets by objectName, a real cache, the sandbox over HTTP."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store import contact_lists
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.ui.async_bridge import ChangeBridge
from mailtrixy_desktop.ui.contacts import pane as pane_module
from mailtrixy_desktop.ui.contacts.pane import ContactsPane
from mailtrixy_desktop.ui.pane import PaneContext
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Api
from tests.ui.conftest import run, until

FAST = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05, max_total=2)


class Harness:
    """One workspace on a fresh cache file and settings file, and the pane over it."""

    def __init__(self, sandbox: SandboxProcess, tmp_path: Path, qtbot: QtBot) -> None:
        self.client = MailTrixyClient(sandbox.url, sandbox.token, retry=FAST)
        self.store = Store.open(tmp_path / "ws.sqlite3")
        self.workspace = Workspace(self.client, self.store)
        self.workspace.outbox.backoff_base = 0.01
        self.workspace.outbox.backoff_cap = 0.05
        self.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        self.qtbot = qtbot
        self.notes: list[str] = []
        self.bridge: ChangeBridge | None = None
        self.panes: list[ContactsPane] = []

    async def open(self) -> ContactsPane:
        await self.workspace.pull.full_sync()
        self.workspace.start()
        self.bridge = ChangeBridge(self.workspace.changes)
        return self.pane()

    def pane(self) -> ContactsPane:
        assert self.bridge is not None
        context = PaneContext(
            self.workspace, self.bridge, self.settings, self.notes.append, lambda _names: None
        )
        pane = ContactsPane(context)
        self.qtbot.addWidget(pane)
        pane.resize(1280, 760)
        pane.show()
        self.panes.append(pane)
        return pane

    async def close(self) -> None:
        for pane in self.panes:
            pane.close()
        if self.bridge is not None:
            self.bridge.close()
        await self.workspace.close()
        await self.client.aclose()
        self.store.close()


def scenario(
    loop: asyncio.AbstractEventLoop,
    harness: Harness,
    body: Callable[[ContactsPane], Any],
) -> None:
    async def go() -> None:
        try:
            pane = await harness.open()
            await body(pane)
        finally:
            await harness.close()

    run(loop, go(), timeout=120)


def widget(pane: ContactsPane, kind: type[Any], name: str) -> Any:
    found = pane.findChild(kind, name)
    assert found is not None, name
    return found


def table(pane: ContactsPane) -> QTableView:
    return widget(pane, QTableView, "contactsTable")  # type: ignore[no-any-return]


def count(pane: ContactsPane) -> str:
    return pane.count_label.text()


def shown_ids(pane: ContactsPane) -> set[int]:
    return set(pane.model.ids())


def click_row(pane: ContactsPane, qtbot: QtBot, contact_id: int, *, add: bool = False) -> None:
    view = table(pane)
    row = pane.model.row_of(contact_id)
    assert row >= 0, contact_id
    index = pane.model.index(row, 0)
    view.scrollTo(index)
    center: QPoint = view.visualRect(index).center()
    modifier = Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, center)


def word() -> str:
    return "zq" + uuid.uuid4().hex[:8]


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def server_tagged(api: Api, tag: str) -> set[int]:
    rows = api.data(api.get("/contacts", params={"tag": tag, "per_page": 100}))
    return {row["id"] for row in rows}


# --------------------------------------------------------------------------------------


def test_search_and_filters_narrow_the_table_and_the_count(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path, qtbot: QtBot
) -> None:
    key, tag = word(), word()
    group = api.make_group("Filter")
    a = api.make_contact(name="Ada Filter", company=f"{key} Labs", tags=[tag])
    b = api.make_contact(
        name="Bo Filter", company=f"{key} Labs", tags=[tag], group_ids=[group["id"]]
    )
    c = api.make_contact(name="Cy Filter", company=f"{key} Labs")
    harness = Harness(sandbox, tmp_path, qtbot)

    async def body(pane: ContactsPane) -> None:
        total = pane.model.rowCount()
        assert total >= 3
        assert count(pane) == f"{total:,} contacts"
        search = widget(pane, QLineEdit, "contactsSearch")
        assert search.placeholderText() == "Search name, email, company"
        qtbot.keyClicks(search, key)
        await until(lambda: count(pane) == f"3 of {total:,} contacts", what="the search")
        assert shown_ids(pane) == {a["id"], b["id"], c["id"]}

        choose(widget(pane, QComboBox, "contactsTagFilter"), tag)
        await until(lambda: count(pane) == f"2 of {total:,} contacts", what="the tag filter")
        assert shown_ids(pane) == {a["id"], b["id"]}
        choose(widget(pane, QComboBox, "contactsGroupFilter"), group["name"])
        await until(lambda: count(pane) == f"1 of {total:,} contacts", what="the group filter")
        assert shown_ids(pane) == {b["id"]}

        search.setText(key + "nothing")
        await until(lambda: count(pane).startswith("0 of"), what="no match")
        empty = widget(pane, QLabel, "contactsEmpty")
        assert empty.isVisible()
        assert "No contacts match" in empty.text()
        widget(pane, QPushButton, "contactsClearFilters").click()
        await until(lambda: count(pane) == f"{total:,} contacts", what="everyone again")
        assert widget(pane, QComboBox, "contactsTagFilter").currentText() == "All tags"
        assert widget(pane, QComboBox, "contactsGroupFilter").currentText() == "All groups"
        assert table(pane).isVisible()

    scenario(loop, harness, body)


def test_an_edit_saved_reaches_the_server(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path, qtbot: QtBot
) -> None:
    key, tag = word(), word()
    person = api.make_contact(name="Edit Me", company=f"{key} Old")
    harness = Harness(sandbox, tmp_path, qtbot)

    async def body(pane: ContactsPane) -> None:
        widget(pane, QLineEdit, "contactsSearch").setText(key)
        await until(lambda: shown_ids(pane) == {person["id"]}, what="the contact")
        click_row(pane, qtbot, person["id"])
        detail = pane.detail
        await until(lambda: detail.contact_id() == person["id"], what="the detail panel")
        company = widget(detail, QLineEdit, "contactCompany")
        assert company.text() == f"{key} Old"
        company.setText(f"{key} New")
        tag_input = widget(detail, QLineEdit, "contactTagInput")
        tag_input.setText(tag)  # typed keys would open the completer's popup window
        qtbot.keyClick(tag_input, Qt.Key.Key_Return)
        detail.custom.add_field("seats", 42)
        detail.custom.add_field("active", True)
        save = widget(detail, QPushButton, "contactSave")
        assert save.isEnabled()
        save.click()
        assert not widget(detail, QLabel, "contactDetailPending").isHidden()

        def on_server() -> bool:
            data = api.data(api.get(f"/contacts/{person['id']}"))
            return bool(data["company"] == f"{key} New")

        await until(on_server, what="the edit on the server")
        data = api.data(api.get(f"/contacts/{person['id']}"))
        assert [t["name"] for t in data["tags"]] == [tag]
        assert data["custom_fields"] == {"seats": 42, "active": True}
        assert data["name"] == "Edit Me"  # not sent, not changed
        await until(lambda: widget(detail, QLabel, "contactDetailPending").isHidden())

        def shown_company() -> str | None:
            row = pane.model.contact(pane.model.row_of(person["id"]))
            return row.company if row is not None else None

        await until(lambda: shown_company() == f"{key} New", what="the table to show it")

    scenario(loop, harness, body)


def test_a_duplicate_email_shows_the_servers_message_beside_the_email_field(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path, qtbot: QtBot
) -> None:
    key = word()
    first = api.make_contact(name="First Dup", company=key)
    second = api.make_contact(name="Second Dup", company=key)
    harness = Harness(sandbox, tmp_path, qtbot)

    async def body(pane: ContactsPane) -> None:
        widget(pane, QLineEdit, "contactsSearch").setText(key)
        await until(lambda: len(shown_ids(pane)) == 2, what="the two contacts")
        click_row(pane, qtbot, second["id"])
        detail = pane.detail
        await until(lambda: detail.contact_id() == second["id"])
        email = widget(detail, QLineEdit, "contactEmail")
        email.setText(first["email"])
        widget(detail, QPushButton, "contactSave").click()
        error = widget(detail, QLabel, "contactDetailError-email")
        await until(lambda: error.isVisible(), what="the email error")
        assert "already been taken" in error.text()
        assert email.text() == first["email"]  # what was typed stays, to be corrected
        assert widget(detail, QLabel, "contactDetailPending").isHidden()
        assert api.data(api.get(f"/contacts/{second['id']}"))["email"] == second["email"]
        # Corrected and saved again: the refusal gives way, the new email arrives.
        fixed = f"fixed-{uuid.uuid4().hex[:8]}@example.com"
        email.setText(fixed)
        widget(detail, QPushButton, "contactSave").click()
        assert error.isHidden()
        await until(
            lambda: api.data(api.get(f"/contacts/{second['id']}"))["email"] == fixed,
            what="the corrected email on the server",
        )

    scenario(loop, harness, body)


def test_a_bulk_tag_on_3_of_a_filter_of_50_tags_exactly_those_3(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path, qtbot: QtBot
) -> None:
    key, picked = word(), word()
    made = [api.make_contact(name=f"Bulk {i:02d}", company=f"{key} Co") for i in range(50)]
    harness = Harness(sandbox, tmp_path, qtbot)
    asked: list[str] = []

    async def body(pane: ContactsPane) -> None:
        pane.confirm = lambda _title, text, _ok: asked.append(text) or True  # type: ignore[method-assign]
        pane.ask_text = lambda _title, _label: picked  # type: ignore[method-assign]
        widget(pane, QLineEdit, "contactsSearch").setText(key)
        await until(lambda: len(shown_ids(pane)) == 50, what="the filter of 50")
        assert shown_ids(pane) == {m["id"] for m in made}
        chosen = [pane.model.id_at(row) for row in (1, 4, 8)]
        click_row(pane, qtbot, chosen[0])
        click_row(pane, qtbot, chosen[1], add=True)
        click_row(pane, qtbot, chosen[2], add=True)
        assert sorted(pane.selected_ids()) == sorted(chosen)
        assert pane.selection_label.text() == "3 selected."
        assert pane.select_all_button.text() == "Select all 50 matching this filter"

        add_tag = widget(pane, QPushButton, "contactsBulkAddTag")
        new_tag = next(a for a in add_tag.menu().actions() if a.text() == "New tag…")
        new_tag.trigger()
        assert asked == [f"Add the tag “{picked}” to 3 contacts?"]
        await until(lambda: server_tagged(api, picked) == set(chosen), within=30)
        await until(lambda: harness.workspace.queued_count() == 0, what="the outbox drained")
        assert server_tagged(api, picked) == set(chosen)  # exactly those, no more

    scenario(loop, harness, body)


def test_a_large_answer_paints_its_first_rows_at_once_and_makes_the_rest_after(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With 100,000 contacts a first letter matches tens of thousands: the answer comes
    as its first ids and its count, the rest after the paint. Here every answer is
    "large" and brings 3 ids first, so a handful of contacts shows it."""
    key = word()
    made = [api.make_contact(name=f"Part {i:02d}", company=f"{key} Co") for i in range(12)]
    monkeypatch.setattr(pane_module, "FIRST_IDS", 3)
    monkeypatch.setattr(pane_module, "FINISH_STEP", 2)  # a few steps even here
    monkeypatch.setattr(contact_lists, "_HEAD_SHARE", 10**9)
    harness = Harness(sandbox, tmp_path, qtbot)
    seen: list[tuple[bool, int, list[int]]] = []

    async def body(pane: ContactsPane) -> None:
        pane.viewUpdated.connect(
            lambda: seen.append(
                (pane.model.complete, pane.model.rowCount(), pane.model.ids(up_to=3)[:3])
            )
        )
        expected = [m["id"] for m in sorted(made, key=lambda m: m["name"])]
        search = widget(pane, QLineEdit, "contactsSearch")
        search.setText(key)
        await until(lambda: seen and seen[-1][1] == 12, what="the answer")
        assert seen[-1] == (False, 12, expected[:3])  # every row counted, 3 ids known
        assert count(pane).startswith("12 of")
        names = [pane.model.index(row, 0).data() for row in range(3)]
        assert names == ["Part 00", "Part 01", "Part 02"]
        await until(lambda: pane.model.complete, what="the rest of the ids")
        assert pane.model.ids() == expected

        # Something that needs every id (selecting all of them) makes the rest at once.
        answered = pane.answered
        search.setText(f"{key} co")  # the same contacts, by another question
        await until(lambda: pane.answered > answered, what="the next answer")
        assert seen[-1] == (False, 12, expected[:3])
        pane.select_all_matching()
        assert pane.selected_ids() == expected
        assert pane.model.complete

    scenario(loop, harness, body)


def test_delete_asks_naming_the_number_and_select_all_matching_reaches_every_match(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path, qtbot: QtBot
) -> None:
    key = word()
    made = [api.make_contact(name=f"Gone {i}", company=f"{key} Co") for i in range(4)]
    harness = Harness(sandbox, tmp_path, qtbot)
    answers: list[bool] = []
    asked: list[str] = []

    def confirm(_title: str, text: str, _ok: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    async def body(pane: ContactsPane) -> None:
        pane.confirm = confirm  # type: ignore[method-assign]
        widget(pane, QLineEdit, "contactsSearch").setText(key)
        await until(lambda: len(shown_ids(pane)) == 4, what="the four contacts")
        click_row(pane, qtbot, made[0]["id"])
        pane.select_all_button.click()
        assert pane.selected_ids() == pane.model.ids()
        assert pane.selection_label.text() == "All 4 matching contacts selected."

        answers.append(False)
        widget(pane, QPushButton, "contactsDelete").click()
        assert asked[-1] == "Delete 4 contacts? This cannot be undone."
        assert len(shown_ids(pane)) == 4  # said no: nothing happened
        assert harness.workspace.queued_count() == 0

        keep = {made[0]["id"], made[1]["id"]}
        click_row(pane, qtbot, made[2]["id"])
        click_row(pane, qtbot, made[3]["id"], add=True)
        answers.append(True)
        widget(pane, QPushButton, "contactsDelete").click()
        assert asked[-1] == "Delete 2 contacts? This cannot be undone."
        await until(lambda: shown_ids(pane) == keep, what="the table without them")
        assert count(pane).startswith("2 of ")

        def gone() -> bool:
            return all(api.get(f"/contacts/{m['id']}").status_code == 404 for m in made[2:])

        await until(gone, within=30, what="the deletes on the server")
        for m in made[:2]:
            assert api.get(f"/contacts/{m['id']}").status_code == 200

    scenario(loop, harness, body)


def test_columns_splitter_and_order_come_back(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxProcess, api: Api, tmp_path: Path, qtbot: QtBot
) -> None:
    api.make_contact(name="Custom Person", custom_fields={"plan": "pro", "seats": 3})
    harness = Harness(sandbox, tmp_path, qtbot)

    async def body(pane: ContactsPane) -> None:
        await until(lambda: pane.model.column_of("custom:seats") >= 0, what="custom columns")
        header = table(pane).horizontalHeader()
        seats = pane.model.column_of("custom:seats")
        assert header.isSectionHidden(seats)  # hidden until chosen
        menu = pane.header_menu()
        action = next(a for a in menu.actions() if a.data() == "custom:seats")
        action.setChecked(True)
        assert not header.isSectionHidden(seats)
        pane.set_column_visible("phone", False)
        header.resizeSection(pane.model.column_of("email"), 321)
        header.moveSection(header.visualIndex(pane.model.column_of("company")), 0)
        header.setSortIndicator(pane.model.column_of("company"), Qt.SortOrder.DescendingOrder)
        await until(lambda: pane._applied is not None and pane._applied.sort_key == "company")
        pane.splitter.setSizes([900, 380])
        sizes = pane.splitter.sizes()
        pane.save_state()
        pane.close()

        again = harness.pane()
        again.restore_state()
        await until(lambda: again.model.column_of("custom:seats") >= 0)
        h = table(again).horizontalHeader()
        assert not h.isSectionHidden(again.model.column_of("custom:seats"))
        assert h.isSectionHidden(again.model.column_of("phone"))
        assert h.sectionSize(again.model.column_of("email")) == 321
        assert h.visualIndex(again.model.column_of("company")) == 0
        assert (again.model.sort_key, again.model.descending) == ("company", True)
        assert again.splitter.sizes() == sizes
        await until(lambda: again._applied is not None and again._applied.sort_key == "company")

    scenario(loop, harness, body)
