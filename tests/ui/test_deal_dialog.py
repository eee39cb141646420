"""The deal editor over a real cache: validation beside the fields, saves through the
outbox (exact Decimal values, changed fields only), the contact search, delete with a
confirmation, and reopening a change the server refused. No server: the workspace's
client points at a closed port and its outbox engine is never started, so every
change stays queued where the test can read it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import NO_RETRIES
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store import outbox as outbox_store
from mailtrixy_desktop.store.contacts import upsert_contacts
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.deals import delete_deals, upsert_deals
from mailtrixy_desktop.store.outbox import Operation, OpState
from mailtrixy_desktop.store.team import upsert_team_members
from mailtrixy_desktop.ui.deals.deal_dialog import (
    CurrencyCodeRole,
    DealDialog,
    MoneyError,
    format_money,
    parse_money,
)
from tests.store import factories as f
from tests.ui.conftest import run, until

# The offscreen platform cannot raise a popup or grab the keyboard for it.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support propagateSizeHints\(\)$",
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
)

ACME = (1, "Jane Smith", "jane@acme.test")
RENEWAL_NOTES = "Talked to procurement."


def _deals() -> list[Any]:
    return [
        f.deal(
            10,
            "Acme renewal",
            "75000.50",
            currency="EUR",
            stage="proposal",
            contact=ACME,
            assignee=(3, "Sam Sales"),
            expected_close_date="2026-04-15",
            notes=RENEWAL_NOTES,
        ),
        f.deal(11, "Acme add-on", "1200", currency="EUR", stage="lead", contact=ACME, notes=""),
        f.deal(12, "Globex pilot", "300", currency="USD", stage="lead", contact=ACME, notes=""),
    ]


def _fill(store: Store) -> None:
    upsert_contacts(
        store,
        [
            f.contact(1, "Jane Smith", "jane@acme.test", company="Acme Corp"),
            # The company's word is nowhere in the name or the email.
            f.contact(2, "Bob Jones", "bjones@example.org", company="Globex Industries"),
            f.contact(4, "Carla Diaz", "carla@example.org", company="Initech"),
        ],
    )
    upsert_team_members(store, [f.member(3, "Sam Sales"), f.member(5, "Alex Account")])
    upsert_deals(store, _deals())


def _workspace(store: Store, transport: httpx.AsyncBaseTransport | None = None) -> Workspace:
    client = MailTrixyClient("http://127.0.0.1:9", "unused", transport=transport, retry=NO_RETRIES)
    return Workspace(client, store)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Separators and dates as in the assertions, whatever the machine's locale."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "workspace.sqlite3") as opened:
        _fill(opened)
        yield opened


@pytest.fixture
def workspace(store: Store) -> Workspace:
    return _workspace(store)


def _dialog(qtbot: Any, workspace: Workspace, deal_id: int | None) -> DealDialog:
    dialog = DealDialog(workspace, deal_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    return dialog


def _error(dialog: DealDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisible() else ""


def _type(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def _ops(workspace: Workspace) -> list[Operation]:
    return workspace.operations()


def _choose_contact(qtbot: Any, dialog: DealDialog, search: str) -> None:
    """Type into the contact field, wait for the matches, take the first from the popup."""
    _type(qtbot, dialog.contact, search)
    qtbot.waitUntil(lambda: dialog.matches.rowCount() > 0 and dialog.matches_popup.isVisible())
    QTest.keyClick(dialog.matches_popup, Qt.Key.Key_Down)
    QTest.keyClick(dialog.matches_popup, Qt.Key.Key_Return)


# ---------------------------------------------------------------------- money
def test_money_is_read_from_the_locale_text_exactly() -> None:
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert str(parse_money("1234.50", english)) == "1234.50"
    assert str(parse_money("1,234.5", english)) == "1234.50"
    assert str(parse_money(" 0.1 ", english)) == "0.10"
    assert str(parse_money("1.234,50", german)) == "1234.50"
    assert str(parse_money("12.50", german)) == "12.50"  # a keypad's point, not a group
    assert str(parse_money("1.234", german)) == "1234.00"
    assert format_money(Decimal("1234567.5"), english) == "1,234,567.50"
    assert format_money(Decimal("1234567.5"), german) == "1.234.567,50"
    for text, why in [
        ("", "value"),
        ("-5", "negative"),
        ("1.234", "two decimals"),
        ("12,34,5", "not an amount"),
        ("1e3", "not an amount"),
        ("10000000000000", "less than"),
    ]:
        with pytest.raises(MoneyError, match=why):
            parse_money(text, english)


# ---------------------------------------------------------------------- new deals
def test_a_new_deal_without_title_or_contact_shows_both_messages_and_saves_nothing(
    qtbot: Any, workspace: Workspace
) -> None:
    before = workspace.deals.ids()
    dialog = _dialog(qtbot, workspace, None)
    assert dialog.objectName() == "dealDialog"
    _type(qtbot, dialog.value, "10")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert "title" in _error(dialog, "dealTitleError")
    assert "contact" in _error(dialog, "dealContactError")
    assert _error(dialog, "dealValueError") == ""
    assert dialog.isVisible()
    assert workspace.deals.ids() == before
    assert _ops(workspace) == []
    # Each message sits right under its own field.
    title_error = dialog.findChild(QLabel, "dealTitleError")
    assert title_error is not None
    assert title_error.mapTo(dialog, title_error.rect().topLeft()).y() >= (
        dialog.title.mapTo(dialog, dialog.title.rect().bottomLeft()).y()
    )
    # Typing a title takes its message away.
    _type(qtbot, dialog.title, "x")
    assert _error(dialog, "dealTitleError") == ""


def test_a_valid_new_deal_is_cached_pending_with_the_exact_value_and_queued_once(
    qtbot: Any, workspace: Workspace
) -> None:
    dialog = _dialog(qtbot, workspace, None)
    _type(qtbot, dialog.title, "Initech onboarding")
    _type(qtbot, dialog.value, "1234.50")
    _choose_contact(qtbot, dialog, "carla")
    dialog.stage.setCurrentIndex(dialog.stage.findData("qualified"))
    dialog.assignee.setCurrentIndex(dialog.assignee.findData(5))
    dialog.has_close_date.setChecked(True)
    dialog.close_date.setDate(QDate(2026, 6, 30))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert dialog.result() == DealDialog.DialogCode.Accepted
    assert dialog.outcome == "created"
    assert dialog.deal_id is not None
    assert dialog.deal_id < 0
    row = workspace.deals.get(dialog.deal_id)
    assert row is not None
    assert row.pending
    assert row.value == Decimal("1234.50")
    assert str(row.value) == "1234.50"
    assert (row.title, row.currency, row.stage, row.contact_id) == (
        "Initech onboarding",
        "EUR",  # the workspace's most used currency comes first
        "qualified",
        4,
    )
    [op] = _ops(workspace)
    assert op.kind == "deal.create"
    assert op.target_id == dialog.deal_id
    assert op.payload == {
        "title": "Initech onboarding",
        "value": "1234.50",
        "currency": "EUR",
        "stage": "qualified",
        "contact_id": 4,
        "assignee_id": 5,
        "expected_close_date": "2026-06-30",
    }


def test_the_contact_search_finds_a_contact_by_a_prefix_of_their_company(
    qtbot: Any, workspace: Workspace
) -> None:
    dialog = _dialog(qtbot, workspace, None)
    _type(qtbot, dialog.contact, "glob")
    qtbot.waitUntil(lambda: dialog.matches_popup.isVisible())
    assert [dialog.matches.index(r).data() for r in range(dialog.matches.rowCount())] == [
        "Bob Jones <bjones@example.org>"
    ]
    QTest.keyClick(dialog.matches_popup, Qt.Key.Key_Down)
    QTest.keyClick(dialog.matches_popup, Qt.Key.Key_Return)
    assert dialog.contact_id == 2
    assert dialog.contact.text() == "Bob Jones <bjones@example.org>"
    # Changing the text afterwards un-chooses the contact; Enter with one match takes it.
    _type(qtbot, dialog.contact, "initech")
    assert dialog.contact_id is None
    QTest.keyClick(dialog.contact, Qt.Key.Key_Return)
    assert dialog.contact_id == 4
    assert dialog.isVisible()  # Enter in the contact field chose; it did not save


def test_currencies_in_use_come_first_and_only_iso_codes_are_taken(
    qtbot: Any, workspace: Workspace
) -> None:
    dialog = _dialog(qtbot, workspace, None)
    codes = [dialog.currency.itemText(i) for i in range(3)]
    assert codes == ["EUR", "USD", ""]  # in use (EUR in more stages), a separator, the rest
    assert dialog.currency.findData("JPY", CurrencyCodeRole) > 2
    _type(qtbot, dialog.title, "Yen deal")
    _type(qtbot, dialog.value, "5")
    _choose_contact(qtbot, dialog, "jane")
    dialog.currency.setEditText("Euro")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "ISO 4217" in _error(dialog, "dealCurrencyError")
    assert _ops(workspace) == []
    dialog.currency.setEditText("jpy")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [op] = _ops(workspace)
    assert op.payload["currency"] == "JPY"


# ---------------------------------------------------------------------- edits
def test_an_edit_queues_only_the_changed_fields(qtbot: Any, workspace: Workspace) -> None:
    dialog = _dialog(qtbot, workspace, 10)
    assert dialog.title.text() == "Acme renewal"
    assert dialog.value.text() == "75,000.50"
    assert dialog.contact_id == 1
    assert dialog.notes.toPlainText() == RENEWAL_NOTES
    _type(qtbot, dialog.value, "80000")
    dialog.stage.setCurrentIndex(dialog.stage.findData("negotiation"))
    dialog.has_close_date.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert dialog.outcome == "updated"
    [op] = _ops(workspace)
    assert (op.kind, op.target_id) == ("deal.update", 10)
    assert op.payload == {
        "value": "80000.00",
        "stage": "negotiation",
        "expected_close_date": None,
    }
    row = workspace.deals.get(10)
    assert row is not None
    assert row.pending
    assert (row.value, row.stage, row.expected_close_date) == (
        Decimal("80000.00"),
        "negotiation",
        None,
    )
    assert row.assignee is not None
    assert (row.title, row.notes, row.assignee.id) == (
        "Acme renewal",
        RENEWAL_NOTES,
        3,
    )

    again = _dialog(qtbot, workspace, 10)
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.outcome == "unchanged"
    assert len(_ops(workspace)) == 1


def test_delete_asks_naming_the_deal_and_cancel_keeps_it(qtbot: Any, workspace: Workspace) -> None:
    dialog = _dialog(qtbot, workspace, 10)
    assert dialog.findChild(QWidget, "dealDelete") is dialog.delete_button
    assert _dialog(qtbot, workspace, None).delete_button is None

    def confirm() -> QMessageBox:
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible())
        box = dialog.findChild(QMessageBox, "confirmDeleteDeal")
        assert box is not None
        assert box is dialog.confirm_box
        return box

    box = confirm()
    assert "Acme renewal" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirm_box is None)
    assert workspace.deals.get(10) is not None
    assert _ops(workspace) == []
    assert dialog.isVisible()

    box = confirm()
    qtbot.mouseClick(box.findChild(QWidget, "confirmDeleteDealButton"), Qt.MouseButton.LeftButton)
    assert workspace.deals.get(10) is None
    assert [(op.kind, op.target_id) for op in _ops(workspace)] == [("deal.delete", 10)]
    assert not dialog.isVisible()
    assert dialog.outcome == "deleted"


# ---------------------------------------------------------------------- refusals
def _refuse(store: Store, op: Operation, field_errors: dict[str, list[str]]) -> Operation:
    """What the outbox engine does with a 422 (sync/outbox_engine.py: _refuse)."""
    with store.transaction():
        if op.target_id is not None and op.target_id < 0:
            delete_deals(store, [op.target_id])
        else:
            upsert_deals(
                store, [d for d in _deals() if d.id == op.target_id], overwrite_pending=True
            )
        outbox_store.set_state(
            store,
            op.id,
            OpState.NEEDS_ATTENTION,
            error="The server did not accept the values: " + json.dumps(field_errors),
            count_attempt=True,
            result={"field_errors": field_errors},
        )
    refused = outbox_store.get(store, op.id)
    assert refused is not None
    return refused


def test_a_refused_edit_reopens_with_the_message_beside_the_value_and_saving_replaces_it(
    qtbot: Any, store: Store, workspace: Workspace
) -> None:
    workspace.deals.update(10, {"value": Decimal("20000000000000"), "title": "Acme renewal 2027"})
    [op] = _ops(workspace)
    message = "The value must be a number from 0 up to 10,000,000,000,000."
    op = _refuse(store, op, {"value": [message]})

    dialog = DealDialog.for_refused(workspace, op)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    assert outbox_store.get(store, op.id).state is OpState.EDITING  # type: ignore[union-attr]
    assert _error(dialog, "dealValueError") == message
    assert _error(dialog, "dealTitleError") == ""
    assert dialog.title.text() == "Acme renewal 2027"  # what the person wrote, kept
    assert dialog.value.text() == "20,000,000,000,000.00"

    _type(qtbot, dialog.value, "90000")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [again] = _ops(workspace)  # the same operation, not a second one
    assert again.id == op.id
    assert again.state is OpState.QUEUED
    assert again.result is None
    assert again.payload == {"title": "Acme renewal 2027", "value": "90000.00"}


def test_a_refused_new_deal_reopens_prefilled_and_cancel_leaves_it_refused(
    qtbot: Any, store: Store, workspace: Workspace
) -> None:
    temp = workspace.deals.create(
        {
            "title": "Initech onboarding",
            "value": Decimal("10.00"),
            "currency": "USD",
            "stage": "lead",
            "contact_id": 4,
        }
    )
    [op] = _ops(workspace)
    op = _refuse(store, op, {"contact_id": ["The selected contact does not exist."]})
    assert workspace.deals.get(temp) is None

    dialog = DealDialog.for_refused(workspace, op)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.delete_button is None
    assert dialog.title.text() == "Initech onboarding"
    assert dialog.currency.currentText() == "USD"
    assert dialog.contact.text() == "Carla Diaz <carla@example.org>"
    assert _error(dialog, "dealContactError") == "The selected contact does not exist."
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    after = outbox_store.get(store, op.id)
    assert after is not None
    assert after.state is OpState.NEEDS_ATTENTION
    assert after.payload == op.payload

    # Reopened and saved with another contact: the create goes again, replaced.
    dialog = DealDialog.for_refused(workspace, after)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    _choose_contact(qtbot, dialog, "jane")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [again] = _ops(workspace)
    assert again.id == op.id
    assert again.state is OpState.QUEUED
    assert again.payload["contact_id"] == 1
    assert again.payload["value"] == "10.00"


# ---------------------------------------------------------------------- notes
def test_notes_the_sync_did_not_bring_are_fetched_and_not_sent_unless_changed(
    qtbot: Any, store: Store, loop: Any
) -> None:
    upsert_deals(store, [f.deal(20, "Hooli", "5", contact=ACME)])  # the list shape: no notes

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api/v1/deals/20"
        data = f.deal(20, "Hooli", "5", contact=ACME, notes="Call after lunch.")
        return httpx.Response(200, json={"success": True, "data": data.model_dump(mode="json")})

    workspace = _workspace(store, httpx.MockTransport(answer))

    async def scenario() -> None:
        dialog = _dialog(qtbot, workspace, 20)
        await until(lambda: dialog.notes.toPlainText() == "Call after lunch.", what="the notes")
        _type(qtbot, dialog.title, "Hooli 2")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        [op] = _ops(workspace)
        assert op.payload == {"title": "Hooli 2"}

    run(loop, scenario())
    QApplication.processEvents()
