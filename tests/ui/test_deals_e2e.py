"""The deals board end to end: the real app against the sandbox, moves by keyboard
and by drop, a signed deal.won webhook, and moves made offline."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListView

from mailtrixy_desktop.app.runner import AppSession
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.ui.deals.column_model import ID_ROLE, DealColumnModel
from mailtrixy_desktop.ui.deals.pane import DealsPane
from mailtrixy_desktop.ui.main_window import MainWindow
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import NO_FAULTS, Admin, Api
from tests.support.receiver import Receiver
from tests.ui.conftest import run, until

pytestmark = pytest.mark.usefixtures("loop")


def deals_of(window: MainWindow) -> DealsPane:
    row = window.row_of("dealsPane")
    assert row is not None, "the Deals pane is in the sidebar"
    window.show_pane(row)
    pane = window.findChild(DealsPane, "dealsPane")
    assert pane is not None
    return pane


def column(pane: DealsPane, stage: str) -> QListView:
    view = pane.findChild(QListView, f"dealColumn-{stage}")
    assert view is not None, stage
    return view


def card(pane: DealsPane, stage: str, deal_id: int) -> QModelIndex:
    """The card in that column (fetching down to it: long columns load as they scroll)."""
    model = column(pane, stage).model()
    assert isinstance(model, DealColumnModel)
    index = model.index_of(deal_id)
    assert not index.isValid() or index.data(ID_ROLE) == deal_id
    return index


def stage_on_server(api: Api, deal_id: int) -> str:
    return str(api.data(api.get(f"/deals/{deal_id}"))["stage"])


def make_deals(api: Api, count: int, stage: str = "lead") -> list[dict[str, Any]]:
    contact = api.make_contact()
    return [
        api.make_deal(contact["id"], title=f"Deal {uuid.uuid4().hex[:6]}", stage=stage)
        for _ in range(count)
    ]


async def open_board(
    sessions: list[AppSession], sandbox: SandboxProcess, data_dir: Path
) -> tuple[MainWindow, DealsPane]:
    session = AppSession(sandbox.url, sandbox.token, data_dir, title="Test")
    sessions.append(session)
    window = await session.start()
    pane = deals_of(window)
    await until(
        lambda: window.workspace.sync.activity.last_finished_at is not None,
        within=30,
        what="the first sync",
    )
    return window, pane


def test_a_keyboard_move_and_a_drop_change_the_stage_on_the_server_and_won_is_signed(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    receiver: Receiver,
    tmp_path: Path,
    sessions: list[AppSession],
) -> None:
    hook = api.data(api.post("/webhooks", json={"url": receiver.url, "events": ["deal.won"]}), 201)
    by_keys, by_drop = make_deals(api, 2)

    async def scenario() -> None:
        window, pane = await open_board(sessions, sandbox, tmp_path / "ws")
        await until(lambda: card(pane, "lead", by_keys["id"]).isValid(), what="the lead card")

        # Keyboard: select the card, Ctrl+Shift+Right: one stage on, at once.
        lead = column(pane, "lead")
        lead.setFocus()
        lead.setCurrentIndex(card(pane, "lead", by_keys["id"]))
        QTest.keyClick(
            lead,
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert card(pane, "qualified", by_keys["id"]).isValid()
        assert not card(pane, "lead", by_keys["id"]).isValid()
        assert column(pane, "qualified").currentIndex().data(ID_ROLE) == by_keys["id"]

        # A drop of the other card's drag data on the won column.
        source = card(pane, "lead", by_drop["id"])
        data = source.model().mimeData([source])
        won = column(pane, "won").model()
        assert isinstance(won, DealColumnModel)
        assert won.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
        assert card(pane, "won", by_drop["id"]).isValid()

        await until(lambda: window.workspace.queued_count() == 0, within=30, what="the moves sent")
        assert stage_on_server(api, by_keys["id"]) == "qualified"
        assert stage_on_server(api, by_drop["id"]) == "won"

    try:
        run(loop, scenario(), timeout=90)
        (delivery,) = [
            d
            for d in receiver.wait_for(1, timeout=30)
            if d.headers.get("x-mailtrixy-event") == "deal.won"
        ]
        expected = (
            "sha256=" + hmac.new(hook["secret"].encode(), delivery.body, hashlib.sha256).hexdigest()
        )
        assert delivery.headers["x-mailtrixy-signature"] == expected
        body = json.loads(delivery.body)
        assert body["data"]["id"] == by_drop["id"]
    finally:
        api.delete(f"/webhooks/{hook['id']}")


def test_moves_made_offline_land_in_order_and_a_deleted_deal_comes_back_failed(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    tmp_path: Path,
    sessions: list[AppSession],
) -> None:
    moving, doomed = make_deals(api, 2)

    async def scenario() -> None:
        window, pane = await open_board(sessions, sandbox, tmp_path / "ws")
        await until(lambda: card(pane, "lead", doomed["id"]).isValid(), what="the cards")
        # Someone else deletes it; this app does not know yet (incremental syncs see
        # changes, not deletions).
        api.delete(f"/deals/{doomed['id']}")
        admin.faults(offline=True)
        # Two steps for one card: they must reach the server in this order.
        assert pane.move_deals([moving["id"]], "qualified") == [moving["id"]]
        assert pane.move_deals([moving["id"]], "proposal") == [moving["id"]]
        assert pane.move_deals([doomed["id"]], "negotiation") == [doomed["id"]]
        assert card(pane, "proposal", moving["id"]).isValid()
        assert card(pane, "negotiation", doomed["id"]).isValid()
        admin.faults(**NO_FAULTS)

        def settled() -> bool:
            ops = window.workspace.operations()
            return all(op.state is OpState.NEEDS_ATTENTION for op in ops) and len(ops) == 1

        await until(settled, within=60, what="the queue to settle with one failure")
        assert stage_on_server(api, moving["id"]) == "proposal"
        (failed,) = window.workspace.operations()
        assert failed.target_id == doomed["id"]
        assert "no longer exists" in (failed.last_error or "")
        # The card is back where it was before the refused move.
        await until(
            lambda: card(pane, "lead", doomed["id"]).isValid(),
            within=10,
            what="the refused card back in its column",
        )
        assert not card(pane, "negotiation", doomed["id"]).isValid()

    try:
        run(loop, scenario(), timeout=120)
    finally:
        admin.faults(**NO_FAULTS)
