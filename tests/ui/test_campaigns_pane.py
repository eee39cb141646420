"""The Campaigns pane offscreen over a real cache (no server): the list and its rates,
the filter, the detail, the editor's checks, a refused send, and the pane's state.
End-to-end tests against the sandbox are in test_campaigns_e2e.py."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QWidget,
)

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.models import EmailAccount
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store import outbox
from mailtrixy_desktop.store.campaigns import upsert_campaigns, upsert_email_accounts
from mailtrixy_desktop.store.contacts import upsert_contacts
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.ui.async_bridge import ChangeBridge
from mailtrixy_desktop.ui.campaigns.chart import StatsChart
from mailtrixy_desktop.ui.campaigns.editor import CampaignDialog
from mailtrixy_desktop.ui.campaigns.list_model import ID_ROLE, CampaignListModel
from mailtrixy_desktop.ui.campaigns.pane import CampaignsPane
from mailtrixy_desktop.ui.pane import PaneContext
from tests.store.factories import campaign, contact

pytestmark = [
    pytest.mark.usefixtures("loop"),
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]
CUSTOMERS = {"id": 10, "name": "Customers"}
PARTNERS = {"id": 11, "name": "Partners"}


@dataclass
class Env:
    pane: CampaignsPane
    workspace: Workspace
    settings: QSettings
    context: PaneContext
    notes: list[str] = field(default_factory=list)

    def ids(self) -> list[int]:
        model = self.pane.findChild(QListView, "campaignList").model()
        return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]

    def child(self, kind: type[Any], name: str, parent: QWidget | None = None) -> Any:
        found = (parent or self.pane).findChild(kind, name)
        assert found is not None, name
        return found


def _campaigns() -> list[Any]:
    return [
        campaign(
            1,
            "March newsletter",
            status="sent",
            recipients_count=1200,
            sent_at="2026-03-20T09:00:00Z",
            stats={
                "delivered": 1180,
                "opened": 384,
                "clicked": 98,
                "bounced": 20,
                "unsubscribed": 3,
            },
        ),
        campaign(
            2,
            "April update",
            status="draft",
            recipients_count=3,
            body_html="<p>Hello {{contact.name}}</p>",
            recipient_groups=[10],
            email_account_id=1,
            from_email="news@acme.test",
            from_name="Acme",
        ),
        campaign(3, "Webinar", status="scheduled", schedule_at="2030-01-01T08:00:00Z"),
    ]


@pytest.fixture
def env(tmp_path: Path, qtbot: Any, loop: asyncio.AbstractEventLoop) -> Iterator[Env]:
    store = Store.open(tmp_path / "campaigns.sqlite3")
    upsert_campaigns(store, _campaigns())
    upsert_email_accounts(
        store,
        [
            EmailAccount(id=1, email="news@acme.test", name="News", verified=True),
            EmailAccount(id=2, email="hello@other.test", name="Other", verified=False),
        ],
    )
    upsert_contacts(
        store,
        [
            contact(1, "Ana Lima", groups=[CUSTOMERS], custom_fields={"plan": "Pro"}),
            contact(2, "Bo Keller", groups=[CUSTOMERS, PARTNERS]),
            contact(3, "Cy Dorn", groups=[PARTNERS]),
        ],
    )
    workspace = Workspace(MailTrixyClient("http://127.0.0.1:9", "unused"), store)
    bridge = ChangeBridge(workspace.changes)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    notes: list[str] = []
    context = PaneContext(workspace, bridge, settings, notes.append, lambda _names: None)
    pane = CampaignsPane(context)
    qtbot.addWidget(pane)
    pane.restore_state()
    pane.resize(1300, 820)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activate()
    try:
        yield Env(pane, workspace, settings, context, notes)
    finally:
        for dialog in pane.findChildren(QDialog):
            dialog.reject()
        pane.close()
        bridge.close()
        loop.run_until_complete(workspace.client.aclose())
        store.close()


def test_the_item_models_keep_qts_rules(qtmodeltester: Any, env: Env) -> None:
    model = CampaignListModel()
    rows = env.workspace.campaigns.all()
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.set_rows(list(reversed(rows)))  # a reset
    model.set_rows(rows[:1])
    qtmodeltester.check(model)


def test_the_list_shows_status_time_and_rates_with_counts_in_the_tooltip(env: Env) -> None:
    assert env.ids() == [3, 2, 1]  # newest first
    assert env.child(QLabel, "campaignCount").text() == "3 campaigns"
    listing = env.child(QListView, "campaignList")
    sent = listing.model().index(2, 0)
    spoken = sent.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Sent" in spoken
    assert "Delivered 98.3%" in spoken  # of the recipients
    assert "Opened 32.5%" in spoken  # of what was delivered, not of the recipients
    assert "Clicked 8.3%" in spoken
    assert "Bounced 1.7%" in spoken
    assert "Unsubscribed 0.3%" in spoken
    tip = sent.data(Qt.ItemDataRole.ToolTipRole)
    assert "384 opened of 1180 delivered (32.5%)" in tip.replace(",", "")
    assert "20 bounced of 1200 recipients (1.7%)" in tip.replace(",", "")
    draft_tip = listing.model().index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "no statistics before it is sent" in draft_tip
    # The first campaign is open in the detail without a click.
    assert env.child(QLabel, "campaignDetailName").text() == "Webinar"


def test_the_status_filter_and_the_search_narrow_the_list(env: Env) -> None:
    status = env.child(QComboBox, "campaignStatusFilter")
    assert [status.itemData(i) for i in range(status.count())] == [
        None,
        "draft",
        "scheduled",
        "sending",
        "sent",
        "paused",
    ]
    assert status.itemText(4) == "Sent (1)"
    status.setCurrentIndex(status.findData("sent"))
    assert env.ids() == [1]
    status.setCurrentIndex(status.findData("sending"))
    assert env.ids() == []
    assert "No campaign matches" in env.pane.list.empty_text
    assert env.child(QLabel, "campaignDetailEmpty").text() == "No campaign matches"
    status.setCurrentIndex(0)
    env.pane.focus_search()
    search = env.child(QLineEdit, "campaignSearch")
    assert search.hasFocus()
    QTest.keyClicks(search, "april")
    env.pane.reload()  # what the debounce does a moment later
    assert env.ids() == [2]


def test_a_sent_campaign_has_a_chart_and_a_draft_shows_its_email(env: Env) -> None:
    assert env.pane.select(1)
    chart = env.child(StatsChart, "campaignChart")
    assert chart.isVisible()
    assert chart.figures() == {
        "recipients": 1200,
        "delivered": 1180,
        "opened": 384,
        "clicked": 98,
        "bounced": 20,
        "unsubscribed": 3,
    }
    labels = chart.category_labels()
    assert labels[0].startswith("Recipients")  # the funnel reads from the top
    assert labels[2].startswith("Opened")
    assert labels[2].endswith("32.5%")
    assert env.child(QLabel, "campaignRateValue-opened").text() == "32.5%"
    assert not env.child(QPushButton, "campaignSendNow").isVisible()
    assert env.pane.select(2)
    assert not chart.isVisible()
    preview = env.child(QWidget, "campaignDetailPreview")
    assert "Hello {{contact.name}}" in preview.toPlainText()
    assert env.child(QPushButton, "campaignDelete").isVisible()
    assert "3 recipients in Customers" in env.child(QLabel, "campaignDetailRecipients").text()


def test_the_chart_follows_the_palette(env: Env) -> None:
    assert env.pane.select(1)
    chart = env.child(StatsChart, "campaignChart")
    dark = QPalette(QApplication.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1E1F24"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#E6E6EA"))
    chart.setPalette(dark)
    assert chart.chart().backgroundBrush().color() == QColor("#1E1F24")
    assert chart.categories.labelsColor() == QColor("#E6E6EA")


def test_ctrl_n_opens_the_editor_whose_checks_speak_beside_the_fields(env: Env) -> None:
    env.pane.new_item()
    dialog = env.child(CampaignDialog, "campaignDialog")
    assert dialog.isVisible()
    assert dialog.windowTitle() == "New campaign"
    env.child(QLineEdit, "campaignName", dialog).clear()
    QTest.mouseClick(env.child(QPushButton, "campaignSave", dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "name" in dialog.error_text("name")
    assert dialog.error_text("subject")
    assert dialog.error_text("from_name")
    assert "at least one group" in dialog.error_text("recipient_groups")
    # The unverified account is refused; a sender outside the account's domain too.
    account = env.child(QComboBox, "campaignAccount", dialog)
    account.setCurrentIndex(account.findData(2))
    dialog.save()
    assert "not verified" in dialog.error_text("email_account_id")
    account.setCurrentIndex(account.findData(1))
    env.child(QLineEdit, "campaignFromEmail", dialog).setText("me@elsewhere.test")
    dialog.save()
    assert "acme.test" in dialog.error_text("from_email")
    # Ticking groups counts distinct people live: Bo is in both.
    dialog.set_groups_checked([10, 11])
    assert "3 distinct recipients" in env.child(QLabel, "campaignRecipientCount", dialog).text()
    assert env.workspace.queued_count() == 0
    dialog.reject()


def test_a_refused_send_says_why_in_the_detail_and_can_be_discarded(env: Env) -> None:
    env.workspace.campaigns.send_now(2)
    (op,) = env.workspace.operations()
    outbox.set_state(
        env.workspace.store,
        op.id,
        OpState.NEEDS_ATTENTION,
        error="The sender's domain is not verified.",
    )
    env.workspace.changes.publish({"outbox", "campaigns"})
    env.pane.reload()
    assert env.pane.select(2)
    problem = env.child(QFrame, "campaignProblem")
    assert problem.isVisible()
    assert "Not sent" in env.child(QLabel, "campaignProblemText").text()
    assert "domain is not verified" in env.child(QLabel, "campaignProblemText").text()
    QTest.mouseClick(env.child(QPushButton, "campaignProblemDiscard"), Qt.MouseButton.LeftButton)
    assert env.workspace.queued_count() == 0
    assert not problem.isVisible()


def test_the_splitter_and_the_filter_come_back(env: Env, qtbot: Any) -> None:
    splitter = env.child(QSplitter, "campaignsSplitter")
    splitter.setSizes([400, 880])
    sizes = splitter.sizes()
    status = env.child(QComboBox, "campaignStatusFilter")
    status.setCurrentIndex(status.findData("draft"))
    env.pane.save_state()
    again = CampaignsPane(env.context)
    qtbot.addWidget(again)
    again.resize(env.pane.size())
    again.restore_state()
    again.show()
    qtbot.waitExposed(again)
    assert again.findChild(QComboBox, "campaignStatusFilter").currentData() == "draft"
    assert again.findChild(QSplitter, "campaignsSplitter").sizes() == sizes
    again.close()
