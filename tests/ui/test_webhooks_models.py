"""The Webhooks pane's parts without a server: the list model (qtmodeltester), the
events summary, the URL rule and the New webhook dialog's checkboxes and errors."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from mailtrixy_desktop.api.models import EVENTS
from mailtrixy_desktop.store.webhooks import WebhookRow
from mailtrixy_desktop.ui.webhooks.dialog import WebhookDialog, is_loopback_http, url_problem
from mailtrixy_desktop.ui.webhooks.guide import snippet_text
from mailtrixy_desktop.ui.webhooks.models import (
    ActiveRole,
    EventsTextRole,
    IdRole,
    WebhooksModel,
    events_summary,
)


def row(webhook_id: int, url: str, *events: str, active: bool = True) -> WebhookRow:
    return WebhookRow(
        webhook_id, url, tuple(events), active, dt.datetime(2026, 3, 20, tzinfo=dt.UTC), False, None
    )


ROWS = [
    row(1, "https://hooks.zapier.com/a", "contact.created", "deal.won"),
    row(2, "https://hook.make.com/b", *EVENTS[:5], active=False),
    row(3, "https://n8n.example.com/webhook/c"),
]


def test_the_list_model_passes_qtmodeltester_through_resets_and_updates(
    qtmodeltester: ModelTester,
) -> None:
    model = WebhooksModel()
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    # Same ids, one changed: an update in place, not a reset.
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_rows([ROWS[0], row(2, "https://hook.make.com/b", "deal.lost"), ROWS[2]])
    assert not resets
    qtmodeltester.check(model)
    model.set_rows(ROWS[1:])
    assert resets
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_the_model_gives_each_webhook_by_role() -> None:
    model = WebhooksModel()
    model.set_rows(ROWS)
    first, second = model.index(0), model.index(1)
    assert first.data() == "https://hooks.zapier.com/a"
    assert first.data(IdRole) == 1
    assert first.data(EventsTextRole) == "contact.created, deal.won"
    assert second.data(EventsTextRole) == "contact.created, contact.updated +3"
    assert second.data(ActiveRole) is False
    assert "Paused" in second.data(Qt.ItemDataRole.AccessibleTextRole)
    assert model.row_of(3) == 2
    assert model.row_of(99) == -1


def test_events_summary_reads_as_the_first_two_and_a_count() -> None:
    assert events_summary([]) == "No events"
    assert events_summary(["deal.won"]) == "deal.won"
    assert events_summary(["a", "b", "c", "d", "e"]) == "a, b +3"


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://hooks.zapier.com/hooks/catch/1/abc/", True),
        ("HTTPS://Example.com", True),
        ("http://127.0.0.1:8123/hook", True),
        ("http://localhost/hook", True),
        ("http://[::1]:9000/", True),
        ("http://example.com/hook", False),
        ("http://10.0.0.5/hook", False),
        ("ftp://example.com", False),
        ("hooks.zapier.com/abc", False),
        ("https://exa mple.com", False),
        ("https://example.com:99999/", False),
        ("", False),
    ],
)
def test_urls_must_be_https_except_a_receiver_on_this_computer(url: str, allowed: bool) -> None:
    assert (url_problem(url) is None) is allowed


def test_only_loopback_http_gets_the_note() -> None:
    assert is_loopback_http("http://127.0.0.1:1/x")
    assert not is_loopback_http("https://127.0.0.1:1/x")
    assert not is_loopback_http("http://example.com")


def _dialog(qtbot: QtBot) -> WebhookDialog:
    dialog = WebhookDialog(EVENTS)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click(box: QCheckBox) -> None:
    # On the box's indicator and label, as a person clicks it (the widget may be wider).
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))


def test_select_all_per_group_and_overall(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    everything = dialog.findChild(QCheckBox, "webhookEventsAll")
    deals = dialog.findChild(QCheckBox, "webhookEventsGroup-deal")
    won = dialog.findChild(QCheckBox, "webhookEvent-deal.won")
    assert everything is not None
    assert deals is not None
    assert won is not None
    assert set(dialog.group_boxes) == {"contact", "conversation", "deal", "campaign"}
    assert dialog.chosen_events() == []

    _click(deals)
    assert dialog.chosen_events() == [e for e in EVENTS if e.startswith("deal.")]
    assert deals.checkState() == Qt.CheckState.Checked
    assert everything.checkState() == Qt.CheckState.PartiallyChecked

    _click(won)
    assert deals.checkState() == Qt.CheckState.PartiallyChecked
    _click(deals)  # from "some": all of the group
    assert deals.checkState() == Qt.CheckState.Checked

    _click(everything)  # from "some": everything
    assert dialog.chosen_events() == list(EVENTS)
    assert all(b.checkState() == Qt.CheckState.Checked for b in dialog.group_boxes.values())
    _click(everything)
    assert dialog.chosen_events() == []
    assert deals.checkState() == Qt.CheckState.Unchecked


def test_the_form_refuses_before_sending_and_places_server_errors(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    sent: list[dict[str, object]] = []
    dialog.submitted.connect(sent.append)
    QTest.keyClicks(dialog.url, "http://example.com/hook")
    QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert not sent
    assert "https" in dialog.error_text("url")
    assert "at least one event" in dialog.error_text("events")

    dialog.url.setText("https://example.com/hook")
    _click(dialog.event_boxes["campaign.sent"])
    assert dialog.error_text("events") == ""
    QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert sent == [{"url": "https://example.com/hook", "events": ["campaign.sent"]}]
    assert dialog.error_text("url") == ""

    dialog.set_busy(True)
    assert dialog.show_errors({"url": ["The url must use https."]})
    assert dialog.error_text("url") == "The url must use https."
    assert dialog.create_button.isEnabled()
    assert not dialog.show_errors({"other": ["?"]})


def test_the_secret_page_copies_and_forgets_the_secret(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.show_secret("https://example.com/hook", "whsec_test123")
    assert dialog.secret.text() == "whsec_test123"
    assert dialog.secret.isReadOnly()
    QTest.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "whsec_test123"
    clipboard.clear()
    dialog.accept()
    assert dialog.secret.text() == ""


def test_the_guide_code_is_the_packaged_file() -> None:
    code = snippet_text()
    assert "def verify_signature(" in code
    assert "X-MailTrixy-Signature" in code
    compile(code, "verify_signature_snippet.py", "exec")
