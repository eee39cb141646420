"""The Campaigns pane end to end: the real app against the sandbox, driven through its
widgets by objectName. A draft's distinct recipients, the merge-tag preview, a
schedule in the past, and a send watched from draft to sent."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
)

from mailtrixy_desktop.app.runner import AppSession
from mailtrixy_desktop.ui.campaigns.chart import StatsChart
from mailtrixy_desktop.ui.campaigns.editor import GROUP_ID_ROLE
from mailtrixy_desktop.ui.campaigns.list_model import ID_ROLE, ROW_ROLE
from mailtrixy_desktop.ui.campaigns.pane import CampaignsPane
from mailtrixy_desktop.ui.main_window import MainWindow
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Api
from tests.ui.conftest import run, until

pytestmark = [
    pytest.mark.usefixtures("loop"),
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]
VERIFIED_ACCOUNT_EMAIL = "newsletter@yourcompany.com"  # the empty seed's verified account


@pytest.fixture(scope="module")
def paced_sandbox() -> Iterator[SandboxProcess]:
    """A sandbox whose sends take about three seconds (the shared one takes one): long
    enough for the pane to show figures that grow on the way to sent."""
    args = ["--seed", "empty", "--campaign-tick", "0.2", "--campaign-steps", "15"]
    args += ["--rate-limit", "100000"]
    with SandboxProcess(args) as process:
        yield process


# ---------------------------------------------------------------------- driving the pane
def campaigns_of(window: MainWindow) -> CampaignsPane:
    row = window.row_of("campaignsPane")
    assert row is not None, "the Campaigns pane is in the sidebar"
    window.show_pane(row)
    pane = window.findChild(CampaignsPane, "campaignsPane")
    assert pane is not None
    return pane


async def open_pane(
    sessions: list[AppSession], sandbox: SandboxProcess, data_dir: Path
) -> tuple[MainWindow, CampaignsPane]:
    session = AppSession(sandbox.url, sandbox.token, data_dir, title="Test")
    sessions.append(session)
    window = await session.start()
    await until(
        lambda: window.workspace.sync.activity.last_finished_at is not None,
        within=30,
        what="the first sync",
    )
    return window, campaigns_of(window)


def child(parent: Any, kind: type[Any], name: str) -> Any:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


async def new_dialog(pane: CampaignsPane) -> QDialog:
    QTest.mouseClick(child(pane, QPushButton, "campaignNew"), Qt.MouseButton.LeftButton)
    dialog: QDialog = await until(
        lambda: pane.findChild(QDialog, "campaignDialog"), what="the New campaign dialog"
    )
    assert dialog.isVisible()
    return dialog


def type_into(dialog: QDialog, name: str, text: str) -> None:
    edit = child(dialog, QLineEdit, name)
    edit.clear()
    QTest.keyClicks(edit, text)


def tick_groups(dialog: QDialog, group_ids: list[int]) -> None:
    """Tick the groups' boxes, as clicks on them do."""
    model = child(dialog, QListView, "campaignGroups").model()
    for row in range(model.rowCount()):
        item = model.item(row)
        if item.data(GROUP_ID_ROLE) in group_ids:
            item.setCheckState(Qt.CheckState.Checked)


def fill_valid(dialog: QDialog, name: str, group_ids: list[int]) -> None:
    type_into(dialog, "campaignName", name)
    type_into(dialog, "campaignSubject", "News for {{contact.name}}")
    type_into(dialog, "campaignFromName", "Your Company")
    account = child(dialog, QComboBox, "campaignAccount")
    account.setCurrentIndex(
        next(
            i
            for i in range(account.count())
            if VERIFIED_ACCOUNT_EMAIL in account.itemText(i)
            and "not verified" not in account.itemText(i)
        )
    )
    type_into(dialog, "campaignFromEmail", VERIFIED_ACCOUNT_EMAIL)
    tick_groups(dialog, group_ids)


def error_under(dialog: QDialog, name: str) -> str:
    label = child(dialog, QLabel, f"{name}Error")
    return str(label.text()) if label.isVisible() else ""


def list_row(pane: CampaignsPane, campaign_id: int) -> Any:
    model = child(pane, QListView, "campaignList").model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ID_ROLE) == campaign_id:
            return index.data(ROW_ROLE)
    return None


def server_campaign(api: Api, name: str) -> dict[str, Any] | None:
    listing = api.data(api.get("/campaigns", params={"per_page": 100}))
    return next((c for c in listing if c["name"] == name), None)


# ---------------------------------------------------------------------- the tests
def test_a_draft_made_with_two_groups_shows_the_servers_distinct_recipient_count(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    tmp_path: Path,
    sessions: list[AppSession],
) -> None:
    # Two groups of three that share one contact: five people, not six.
    customers = api.make_group("Customers")
    newsletter = api.make_group("Newsletter")
    for groups in ([customers], [customers], [customers, newsletter], [newsletter], [newsletter]):
        api.make_contact(group_ids=[g["id"] for g in groups])
    name = f"Spring update {uuid.uuid4().hex[:6]}"

    async def scenario() -> None:
        window, pane = await open_pane(sessions, sandbox, tmp_path / "ws")
        dialog = await new_dialog(pane)
        fill_valid(dialog, name, [customers["id"], newsletter["id"]])
        count = child(dialog, QLabel, "campaignRecipientCount")
        assert "5 distinct recipients" in count.text()
        assert "in 2 groups" in count.text()
        QTest.mouseClick(child(dialog, QPushButton, "campaignSave"), Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()

        await until(lambda: window.workspace.queued_count() == 0, within=30, what="the draft sent")
        created = server_campaign(api, name)
        assert created is not None
        assert created["status"] == "draft"
        assert created["recipients_count"] == 5
        row = await until(
            lambda: (r := list_row(pane, created["id"])) is not None and not r.pending and r,
            what="the server's draft in the list",
        )
        assert row.recipients_count == 5
        assert pane.select(created["id"])
        assert "5 recipients" in child(pane, QLabel, "campaignDetailRecipients").text()
        assert child(pane, QLabel, "campaignDetailStatus").text() == "Draft"

    run(loop, scenario(), timeout=90)


def test_the_preview_fills_the_chosen_contacts_name_and_flags_an_unknown_tag(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    tmp_path: Path,
    sessions: list[AppSession],
) -> None:
    surname = uuid.uuid4().hex[:8]
    contact = api.make_contact(name=f"Zelda {surname}", company="Hyrule Ltd")

    async def scenario() -> None:
        _window, pane = await open_pane(sessions, sandbox, tmp_path / "ws")
        dialog = await new_dialog(pane)
        type_into(dialog, "campaignSubject", "A gift for {{contact.nmae}}")
        body = child(dialog, QPlainTextEdit, "campaignBody")
        body.clear()
        QTest.keyClicks(body, "<p>Hello {{contact.name}} of {{ contact.company }}!</p>")
        QTest.keyClicks(body, "<p>Your size: {{contact.shoe_size}}</p>")
        # Pick the contact by searching, as a person does: type, then Enter takes the match.
        picker = child(dialog, QLineEdit, "campaignPreviewContact")
        picker.setFocus()
        QTest.keyClicks(picker, surname)
        QTest.keyClick(picker, Qt.Key.Key_Return)
        assert contact["name"] in picker.text()
        tabs = child(dialog, QTabWidget, "campaignBodyTabs")
        preview = child(dialog, QTextBrowser, "campaignPreview")
        tabs.setCurrentWidget(preview)
        shown = await until(
            lambda: "Hello Zelda" in preview.toPlainText() and preview.toPlainText(),
            what="the filled preview",
        )
        assert f"Hello Zelda {surname} of Hyrule Ltd!" in shown
        assert "{{contact.name}}" not in shown
        # The unknown tags stay as written in the preview, and are flagged beside their fields.
        assert "{{contact.shoe_size}}" in shown
        assert "{{contact.nmae}}" in shown  # the subject line of the preview
        assert "{{contact.nmae}}" in error_under(dialog, "campaignSubject")
        assert "{{contact.shoe_size}}" in error_under(dialog, "campaignBody")
        assert "{{contact.name}}" not in error_under(dialog, "campaignBody")
        dialog.reject()

    run(loop, scenario(), timeout=90)


def test_a_schedule_in_the_past_is_refused_beside_the_field_and_a_future_one_goes_as_utc(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    tmp_path: Path,
    sessions: list[AppSession],
) -> None:
    group = api.make_group("Webinar")
    api.make_contact(group_ids=[group["id"]])
    name = f"Webinar {uuid.uuid4().hex[:6]}"

    async def scenario() -> None:
        window, pane = await open_pane(sessions, sandbox, tmp_path / "ws")
        dialog = await new_dialog(pane)
        fill_valid(dialog, name, [group["id"]])
        child(dialog, QCheckBox, "campaignScheduleOn").setChecked(True)
        picker = child(dialog, QDateTimeEdit, "campaignSchedule")
        picker.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
        save = child(dialog, QPushButton, "campaignSave")
        assert save.text() == "Schedule"
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), "refused: the dialog stays open"
        assert "passed" in error_under(dialog, "campaignSchedule")
        assert window.workspace.queued_count() == 0
        assert server_campaign(api, name) is None

        # A time tomorrow, in the person's zone, reaches the server as that moment in UTC.
        later = QDateTime.currentDateTime().addDays(1)
        later = later.addSecs(-later.time().second())
        picker.setDateTime(later)
        assert error_under(dialog, "campaignSchedule") == ""
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        await until(lambda: window.workspace.queued_count() == 0, within=30, what="the schedule")
        created = server_campaign(api, name)
        assert created is not None
        full = api.data(api.get(f"/campaigns/{created['id']}"))
        assert full["status"] == "scheduled"
        expected = dt.datetime.fromtimestamp(later.toSecsSinceEpoch(), dt.UTC)
        assert dt.datetime.fromisoformat(full["schedule_at"].replace("Z", "+00:00")) == expected

    run(loop, scenario(), timeout=90)


def test_send_now_asks_then_the_pane_shows_sending_with_growing_figures_then_sent(
    loop: asyncio.AbstractEventLoop,
    paced_sandbox: SandboxProcess,
    tmp_path: Path,
    sessions: list[AppSession],
) -> None:
    api = Api(paced_sandbox)
    try:
        group = api.make_group("Launch")
        for _ in range(30):
            api.make_contact(group_ids=[group["id"]])
        draft = api.data(
            api.post(
                "/campaigns",
                json={
                    "name": f"Launch {uuid.uuid4().hex[:6]}",
                    "subject": "It is here, {{contact.name}}",
                    "from_email": VERIFIED_ACCOUNT_EMAIL,
                    "from_name": "Your Company",
                    "body_html": "<p>Hello {{contact.name}}</p>",
                    "recipient_groups": [group["id"]],
                    "email_account_id": 1,
                },
            ),
            201,
        )

        async def scenario() -> None:
            _window, pane = await open_pane(sessions, paced_sandbox, tmp_path / "ws")
            pane.POLL_SECONDS = 0.25  # the sandbox sends in about three seconds
            await until(lambda: list_row(pane, draft["id"]) is not None, what="the draft")
            assert pane.select(draft["id"])
            QTest.mouseClick(child(pane, QPushButton, "campaignSendNow"), Qt.MouseButton.LeftButton)
            box = await until(lambda: pane.confirm_box, what="the confirmation")
            assert isinstance(box, QMessageBox)
            assert "30 recipients" in box.text()  # it says how many get it
            QTest.mouseClick(
                child(box, QPushButton, "confirmSendCampaignButton"), Qt.MouseButton.LeftButton
            )
            status = child(pane, QLabel, "campaignDetailStatus")
            assert status.text() == "Sending"  # at once, from the cache

            chart = child(pane, StatsChart, "campaignChart")
            seen: list[int] = []

            def sent() -> bool:
                delivered = chart.figures()["delivered"] if chart.isVisible() else 0
                if status.text() == "Sending" and (not seen or delivered != seen[-1]):
                    seen.append(delivered)
                return status.text() == "Sent"

            await until(sent, within=40, what="the campaign sent")
            final = api.data(api.get(f"/campaigns/{draft['id']}"))
            assert final["status"] == "sent"
            assert chart.figures()["delivered"] == final["stats"]["delivered"]
            assert chart.figures()["recipients"] == 30
            # On the way, the pane showed figures that grew by themselves.
            growing = [v for v in seen if 0 < v < final["stats"]["delivered"]]
            assert growing, f"no figures between none and all while sending: {seen}"
            assert seen == sorted(seen)
            rate = child(pane, QLabel, "campaignRateValue-delivered").text()
            assert rate.endswith("%")
            assert list_row(pane, draft["id"]).status == "sent"
            await until(lambda: not pane._poll.isActive(), what="the polling to stop")

        run(loop, scenario(), timeout=120)
    finally:
        api.close()
