"""The board's column models over a real cache: qtmodeltester, the drag data and the drop.

A drop is a command: ``dropMimeData`` calls ``DealsService.move``, which writes the
cache and the outbox at once, and both columns show the card where it now is
before the drop returns (no event loop turn in between). Invalid drag data is
refused without exceptions, a drop on the card's own column changes nothing,
and a move to "lost" asks the pane-provided question (a reason lands in the
notes; False cancels).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QItemSelectionModel, QLocale, QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QListView

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store import outbox
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.deals import deal as cached_deal
from mailtrixy_desktop.store.deals import upsert_deals
from mailtrixy_desktop.ui.deals.column_model import (
    ID_ROLE,
    MIME_TYPE,
    PAGE,
    ROW_ROLE,
    DealColumnModel,
    DealQuery,
    PipelineModels,
    decode_ids,
    encode_ids,
)
from mailtrixy_desktop.ui.deals.formatting import format_money
from tests.store.factories import deal

MOVE = Qt.DropAction.MoveAction
NO_PARENT = QModelIndex()


@pytest.fixture
def workspace(tmp_path: Path, loop: asyncio.AbstractEventLoop) -> Iterator[Workspace]:
    store = Store.open(tmp_path / "deals.sqlite3")
    upsert_deals(
        store,
        [
            deal(1, "Acme renewal", "1200.00", currency="USD", stage="lead", day=10),
            deal(2, "Globex pilot", "800.50", stage="lead", day=9),
            deal(3, "Initech seats", "4000", currency="USD", stage="lead", day=8),
            deal(4, "Hooli expansion", "2500", stage="lead", day=7),
            deal(5, "Umbrella API", "999.99", currency="USD", stage="qualified", day=6),
            deal(6, "Soylent plan", "100", stage="qualified", day=5),
            deal(7, "Stark support", "7000", stage="won", day=4),
            deal(8, "Wayne migration", "3000", stage="negotiation", day=3, notes="Met twice."),
        ],
    )
    ws = Workspace(MailTrixyClient("http://127.0.0.1:9", "unused"), store)
    yield ws
    loop.run_until_complete(ws.client.aclose())
    store.close()


@pytest.fixture
def board(workspace: Workspace) -> PipelineModels:
    return PipelineModels(workspace.deals)


def stage_of(workspace: Workspace, deal_id: int) -> str | None:
    row = cached_deal(workspace.store, deal_id)
    return None if row is None else row.stage


def queued(workspace: Workspace) -> list[outbox.Operation]:
    return [op for op in workspace.operations() if op.kind == "deal.update"]


def raw(payload: bytes, kind: str = MIME_TYPE) -> QMimeData:
    data = QMimeData()
    data.setData(kind, QByteArray(payload))
    return data


# ---------------------------------------------------------------------- the model


def test_a_column_passes_the_model_tester(board: PipelineModels, qtmodeltester: Any) -> None:
    lead = board["lead"]
    qtmodeltester.check(lead)
    assert lead.ids() == [1, 2, 3, 4]  # newest change first
    first = lead.index(0, 0)
    assert first.data(ID_ROLE) == 1
    assert first.data(ROW_ROLE).title == "Acme renewal"
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == (
        f"Acme renewal, {format_money(Decimal('1200.00'), 'USD')}, Lead"
    )
    flags = lead.flags(first)
    assert flags & Qt.ItemFlag.ItemIsDragEnabled
    assert lead.flags(NO_PARENT) & Qt.ItemFlag.ItemIsDropEnabled
    assert lead.mimeTypes() == [MIME_TYPE]
    assert lead.supportedDragActions() == MOVE
    assert lead.supportedDropActions() == MOVE


def test_the_query_narrows_and_sorts_a_column(board: PipelineModels) -> None:
    board.set_query(DealQuery(search="globex"))
    assert board["lead"].ids() == [2]
    assert board["qualified"].ids() == []
    board.set_query(search=None, sort="value", descending=True)
    # Values in one currency are ordered; currencies are not mixed up.
    assert board["lead"].ids() == [3, 1, 4, 2]


def test_drag_data_carries_the_ids_as_json(board: PipelineModels) -> None:
    lead = board["lead"]
    data = lead.mimeData([lead.index(2, 0), lead.index(0, 0)])
    assert data is not None
    assert data.formats() == [MIME_TYPE]
    assert json.loads(bytes(data.data(MIME_TYPE).data())) == [1, 3]  # in column order
    assert decode_ids(data) == [1, 3]
    assert lead.mimeData([]) is None


# ---------------------------------------------------------------------- drops


def test_one_card_dropped_on_another_column_moves_at_once(
    workspace: Workspace, board: PipelineModels, qtmodeltester: Any
) -> None:
    lead, proposal = board["lead"], board["proposal"]
    qtmodeltester.check(lead)
    moved: list[tuple[list[int], str]] = []
    board.moved.connect(lambda ids, stage: moved.append((ids, stage)))
    data = lead.mimeData([lead.index(lead.row_of(2), 0)])

    assert proposal.canDropMimeData(data, MOVE, -1, 0, NO_PARENT)
    assert proposal.dropMimeData(data, MOVE, -1, 0, NO_PARENT)

    # Synchronously: the cache, both models and the outbox, without an event-loop turn.
    assert stage_of(workspace, 2) == "proposal"
    assert proposal.ids() == [2]
    assert lead.ids() == [1, 3, 4]  # the others keep their places
    assert proposal.index(0, 0).data(ROW_ROLE).stage == "proposal"
    assert proposal.index(0, 0).data(ROW_ROLE).pending
    assert [(op.target_id, op.payload) for op in queued(workspace)] == [(2, {"stage": "proposal"})]
    assert moved == [([2], "proposal")]


def test_a_drop_asks_the_cache_for_the_target_column_alone(
    workspace: Workspace, board: PipelineModels, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    ids = workspace.deals.ids

    def counted(**query: Any) -> list[int]:
        asked.append(query["stage"])
        return ids(**query)

    monkeypatch.setattr(workspace.deals, "ids", counted)
    before = workspace.deals.cache_token()
    assert board["won"].dropMimeData(encode_ids([2]), MOVE, -1, 0, NO_PARENT)

    assert asked == ["won"]  # the source drops the card; the others are left alone
    assert board["won"].ids() == [2, 7]
    assert board["lead"].ids() == [1, 3, 4]
    # The moved row as the service wrote it is the row the cache holds, exactly.
    assert board["won"].known_row(2) == cached_deal(workspace.store, 2)
    move = board.last_move
    assert move is not None
    assert (move.ids, move.was) == ([2], {2: "lead"})
    assert move.before == before
    assert move.after == workspace.deals.cache_token() != before


def test_several_cards_move_together_and_take_their_sorted_places(
    workspace: Workspace, board: PipelineModels
) -> None:
    lead, qualified = board["lead"], board["qualified"]
    view = QListView()
    view.setModel(qualified)
    view.selectionModel().select(
        qualified.index(qualified.row_of(6), 0), QItemSelectionModel.SelectionFlag.Select
    )
    data = lead.mimeData([lead.index(lead.row_of(1), 0), lead.index(lead.row_of(3), 0)])

    assert qualified.dropMimeData(data, MOVE, 0, 0, NO_PARENT)

    assert stage_of(workspace, 1) == stage_of(workspace, 3) == "qualified"
    assert lead.ids() == [2, 4]
    # Just updated, so first under "last update"; the cards there keep their order.
    assert qualified.ids()[2:] == [5, 6]
    assert sorted(qualified.ids()[:2]) == [1, 3]
    # A selection in the target column stays on its card.
    selected = [i.data(ID_ROLE) for i in view.selectionModel().selectedIndexes()]
    assert selected == [6]
    assert sorted(op.target_id for op in queued(workspace)) == [1, 3]


def test_a_drop_on_the_cards_own_column_changes_nothing(
    workspace: Workspace, board: PipelineModels
) -> None:
    lead = board["lead"]
    before = lead.ids()
    data = lead.mimeData([lead.index(0, 0), lead.index(1, 0)])

    assert not lead.canDropMimeData(data, MOVE, 3, 0, NO_PARENT)
    assert not lead.dropMimeData(data, MOVE, 3, 0, NO_PARENT)

    assert lead.ids() == before
    assert stage_of(workspace, 1) == "lead"
    assert queued(workspace) == []


def test_only_the_cards_from_elsewhere_move_when_some_are_already_there(
    workspace: Workspace, board: PipelineModels
) -> None:
    assert board["qualified"].dropMimeData(encode_ids([5, 4]), MOVE, -1, 0, NO_PARENT)
    assert [op.target_id for op in queued(workspace)] == [4]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(raw(b"[1, 2]", "text/plain"), id="another type"),
        pytest.param(raw(b"[1, 2"), id="bad json"),
        pytest.param(raw(b"\xff\xfe\x00"), id="not utf-8"),
        pytest.param(raw(b'{"ids": [1]}'), id="not a list"),
        pytest.param(raw(b'["1", 2]'), id="a string id"),
        pytest.param(raw(b"[true]"), id="a boolean"),
        pytest.param(raw(b"[1.5]"), id="a float"),
        pytest.param(raw(b"[]"), id="empty list"),
        pytest.param(raw(b"[404, 405]"), id="unknown ids"),
        pytest.param(raw(b""), id="no bytes"),
        pytest.param(QMimeData(), id="nothing at all"),
    ],
)
def test_invalid_drag_data_is_refused(
    workspace: Workspace, board: PipelineModels, data: QMimeData
) -> None:
    proposal = board["proposal"]
    assert decode_ids(data) == [] or all(stage_of(workspace, i) is None for i in decode_ids(data))
    assert not proposal.canDropMimeData(data, MOVE, -1, 0, NO_PARENT)
    assert not proposal.dropMimeData(data, MOVE, -1, 0, NO_PARENT)
    assert proposal.ids() == []
    assert queued(workspace) == []


def test_a_copy_is_not_a_move(workspace: Workspace, board: PipelineModels) -> None:
    data = encode_ids([1])
    assert not board["won"].canDropMimeData(data, Qt.DropAction.CopyAction, -1, 0, NO_PARENT)
    assert not board["won"].dropMimeData(data, Qt.DropAction.CopyAction, -1, 0, NO_PARENT)
    assert stage_of(workspace, 1) == "lead"


# ---------------------------------------------------------------------- lost


def test_a_lost_reason_lands_in_the_notes(workspace: Workspace, board: PipelineModels) -> None:
    asked: list[bool] = []

    def ask() -> str:
        asked.append(True)
        return "  Went with a competitor "

    board.set_lost_reason_asker(ask)
    assert board["lost"].dropMimeData(encode_ids([8]), MOVE, -1, 0, NO_PARENT)
    assert asked == [True]
    row = cached_deal(workspace.store, 8)
    assert row is not None
    assert row.stage == "lost"
    assert row.notes == "Met twice.\nLost: Went with a competitor"
    assert board["lost"].ids() == [8]
    assert board["negotiation"].ids() == []
    # The reason goes out as its own kind: the engine adds it to the server's notes.
    (op,) = [o for o in workspace.operations() if o.kind == "deal.lose"]
    assert op.payload == {"stage": "lost", "reason": "Went with a competitor"}


def test_no_reason_moves_without_a_note(workspace: Workspace, board: PipelineModels) -> None:
    board.set_lost_reason_asker(lambda: None)
    assert board["lost"].dropMimeData(encode_ids([1]), MOVE, -1, 0, NO_PARENT)
    row = cached_deal(workspace.store, 1)
    assert row is not None
    assert (row.stage, row.notes) == ("lost", None)


def test_cancelling_the_question_cancels_the_move(
    workspace: Workspace, board: PipelineModels
) -> None:
    board.set_lost_reason_asker(lambda: False)
    assert not board["lost"].dropMimeData(encode_ids([1, 2]), MOVE, -1, 0, NO_PARENT)
    assert stage_of(workspace, 1) == stage_of(workspace, 2) == "lead"
    assert board["lead"].ids() == [1, 2, 3, 4]
    assert board["lost"].ids() == []
    assert queued(workspace) == []


def test_no_question_when_nothing_can_move(workspace: Workspace, board: PipelineModels) -> None:
    asked: list[bool] = []
    board.set_lost_reason_asker(lambda: asked.append(True) or None)
    assert not board["lost"].dropMimeData(encode_ids([999]), MOVE, -1, 0, NO_PARENT)
    assert asked == []


# ---------------------------------------------------------------------- others' changes


def test_changes_from_elsewhere_keep_selection_and_order(
    workspace: Workspace, board: PipelineModels, qtmodeltester: Any
) -> None:
    lead = board["lead"]
    qtmodeltester.check(lead)
    view = QListView()
    view.setModel(lead)
    view.selectionModel().setCurrentIndex(
        lead.index(lead.row_of(3), 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    # Someone else: deal 4 went to proposal, deal 6 came to lead, deal 2 was renamed.
    upsert_deals(
        workspace.store,
        [
            deal(4, "Hooli expansion", "2500", stage="proposal", day=20),
            deal(6, "Soylent plan", "100", stage="lead", day=21),
            deal(2, "Globex pilot (2 sites)", "800.50", stage="lead", day=9),
        ],
    )
    board.reconcile()
    assert lead.ids() == [6, 1, 2, 3]
    assert board["proposal"].ids() == [4]
    assert lead.index(lead.row_of(2), 0).data(ROW_ROLE).title == "Globex pilot (2 sites)"
    assert view.currentIndex().data(ID_ROLE) == 3
    assert [i.data(ID_ROLE) for i in view.selectionModel().selectedIndexes()] == [3]


def test_a_new_order_is_a_layout_change_that_keeps_the_selection(
    workspace: Workspace, board: PipelineModels, qtmodeltester: Any
) -> None:
    board.set_query(sort="value", descending=True)
    lead = board["lead"]
    qtmodeltester.check(lead)
    assert lead.ids() == [3, 1, 4, 2]
    view = QListView()
    view.setModel(lead)
    view.selectionModel().select(
        lead.index(lead.row_of(1), 0), QItemSelectionModel.SelectionFlag.Select
    )
    layouts: list[bool] = []
    lead.layoutChanged.connect(lambda *_a: layouts.append(True))
    upsert_deals(
        workspace.store,
        [
            deal(2, "Globex pilot", "9000", stage="lead", day=22),  # now the largest
            deal(5, "Umbrella API", "50", currency="USD", stage="lead", day=22),  # came in
        ],
    )
    board.reconcile()
    assert lead.ids() == [3, 1, 5, 2, 4]  # by currency, then value (both descending)
    assert layouts == [True]
    assert [i.data(ID_ROLE) for i in view.selectionModel().selectedIndexes()] == [1]


# ---------------------------------------------------------------------- money


def test_money_is_formatted_from_the_decimal_for_the_locale() -> None:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    de = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    total = Decimal("0.10") + Decimal("0.20") + Decimal("12345678.60")
    assert format_money(total, "USD", us) == "$12,345,678.90"
    assert format_money(Decimal("12500"), "USD", us) == "$12,500"
    assert format_money(Decimal("12500"), "EUR", de) == "12.500\N{NO-BREAK SPACE}€"
    assert format_money(Decimal("0.5"), "EUR", de, cents=True) == "0,50\N{NO-BREAK SPACE}€"
    assert format_money(Decimal("99999999999999999.99"), "USD", us) == (
        "$99,999,999,999,999,999.99"  # beyond a float's 15-16 digits
    )
    assert format_money(Decimal("1200"), "CHF", us) == "CHF\N{NO-BREAK SPACE}1,200"


def test_a_column_model_needs_a_stage(workspace: Workspace) -> None:
    with pytest.raises(ValueError, match="stage"):
        DealColumnModel(workspace.deals, "archived")  # type: ignore[arg-type]


def test_updated_at_is_recent_after_a_move(workspace: Workspace, board: PipelineModels) -> None:
    board.move([4], "won")
    row = cached_deal(workspace.store, 4)
    assert row is not None
    assert dt.datetime.now(dt.UTC) - row.updated_at < dt.timedelta(minutes=1)
    assert board.index_of(4).model() is board["won"]
    assert board.find(4) == ("won", 0)


def test_a_long_column_shows_a_page_and_fetches_more(
    workspace: Workspace, qtmodeltester: Any
) -> None:
    upsert_deals(
        workspace.store,
        [deal(100 + i, f"Bulk {i}", "10", stage="proposal", day=1) for i in range(PAGE + 30)],
    )
    qtmodeltester.check(DealColumnModel(workspace.deals, "proposal"))  # it fetches all
    board = PipelineModels(workspace.deals)
    proposal = board["proposal"]
    assert proposal.total() == PAGE + 30
    assert proposal.rowCount() == PAGE
    assert proposal.canFetchMore(NO_PARENT)
    proposal.fetchMore(NO_PARENT)
    assert proposal.rowCount() == PAGE + 30
    assert not proposal.canFetchMore(NO_PARENT)

    board.reload_all()
    far = proposal.ids()[-1]
    assert proposal.row_of(far) == -1  # not fetched yet
    assert board.find(far) == ("proposal", PAGE + 29)  # finding it fetches down to it
    # A card moved out from beyond the rows shown leaves the shown ones alone.
    board.reload_all()
    assert board["won"].dropMimeData(encode_ids([far]), MOVE, -1, 0, NO_PARENT)
    assert proposal.total() == PAGE + 29
    assert proposal.rowCount() == PAGE
