"""The Deals pane offscreen over a real cache (no server): the board a person sees.

Six columns by their fixed objectNames, headers with counts and one total per
currency, the keyboard moving cards between stages (focus and selection follow),
filters narrowing every column, folding won and lost, the lost reason, deleting
with a confirmation, and the notice when the server refuses a move.
End-to-end tests against the sandbox and the real mouse drag live elsewhere.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QWidget,
)

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.models import STAGES, TeamMember
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store import outbox
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.deals import deal as cached_deal
from mailtrixy_desktop.store.deals import upsert_deals
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.store.team import upsert_team_members
from mailtrixy_desktop.ui.async_bridge import ChangeBridge
from mailtrixy_desktop.ui.deals.column_model import ID_ROLE, encode_ids
from mailtrixy_desktop.ui.deals.pane import DealsPane, LostReasonDialog
from mailtrixy_desktop.ui.pane import PaneContext
from tests.store.factories import deal

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NBSP = "\N{NO-BREAK SPACE}"

pytestmark = [
    pytest.mark.usefixtures("loop"),
    # The offscreen platform says this whenever a window's size limits change.
    pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)$"),
]


@dataclass
class Board:
    pane: DealsPane
    workspace: Workspace
    settings: QSettings
    notes: list[str] = field(default_factory=list)

    def view(self, stage: str) -> QListView:
        found = self.pane.findChild(QListView, f"dealColumn-{stage}")
        assert found is not None, f"dealColumn-{stage}"
        return found

    def ids(self, stage: str) -> list[int]:
        model = self.view(stage).model()
        return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]

    def selected(self, stage: str) -> list[int]:
        return [i.data(ID_ROLE) for i in self.view(stage).selectionModel().selectedIndexes()]

    def label(self, name: str) -> str:
        found = self.pane.findChild(QLabel, name)
        assert found is not None, name
        return found.text()


def _deals() -> list[Any]:
    ana, bo = (1, "Ana Lima"), (2, "Bo Keller")
    return [
        deal(1, "Acme renewal", "1200", currency="USD", stage="lead", assignee=ana, day=10),
        deal(2, "Globex pilot", "800.50", currency="EUR", stage="lead", assignee=bo, day=9),
        deal(3, "Initech seats", "4000", currency="USD", stage="lead", day=8),
        deal(4, "Hooli expansion", "2500", currency="EUR", stage="qualified", assignee=ana, day=7),
        deal(5, "Umbrella API", "0.10", currency="USD", stage="proposal", day=6),
        deal(6, "Soylent plan", "0.20", currency="USD", stage="proposal", day=5),
        deal(7, "Stark support", "7000", currency="GBP", stage="won", assignee=bo, day=4),
        deal(
            8,
            "Wayne migration",
            "3000",
            currency="USD",
            stage="negotiation",
            contact=(9, "Bruce Wayne", "bruce@wayne.test"),
            day=3,
        ),
    ]


@pytest.fixture
def board(tmp_path: Path, qtbot: Any, loop: asyncio.AbstractEventLoop) -> Iterator[Board]:
    store = Store.open(tmp_path / "deals.sqlite3")
    upsert_team_members(
        store,
        [
            TeamMember(id=1, name="Ana Lima", email="ana@x.test", role="agent"),
            TeamMember(id=2, name="Bo Keller", email="bo@x.test", role="agent"),
        ],
    )
    upsert_deals(store, _deals())
    workspace = Workspace(MailTrixyClient("http://127.0.0.1:9", "unused"), store)
    bridge = ChangeBridge(workspace.changes)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    notes: list[str] = []
    context = PaneContext(workspace, bridge, settings, notes.append, lambda _names: None)
    pane = DealsPane(context)
    qtbot.addWidget(pane)
    pane.restore_state()
    pane.resize(1360, 860)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane)
    try:
        yield Board(pane, workspace, settings, notes)
    finally:
        pane.close()
        bridge.close()
        loop.run_until_complete(workspace.client.aclose())
        store.close()


def test_six_columns_in_pipeline_order(board: Board) -> None:
    views = [board.view(stage) for stage in STAGES]
    lefts = [v.mapTo(board.pane, v.rect().topLeft()).x() for v in views]
    assert lefts == sorted(lefts)
    assert all(v.isVisible() for v in views)
    assert board.ids("lead") == [1, 2, 3]
    assert board.ids("qualified") == [4]
    assert board.ids("lost") == []
    for view in views:
        assert view.accessibleName().endswith(" deals")
        assert view.dragEnabled()
        assert view.acceptDrops()
        assert view.viewport().acceptDrops()
        assert view.defaultDropAction() == Qt.DropAction.MoveAction
        assert view.selectionMode() == QListView.SelectionMode.ExtendedSelection
    assert board.pane.findChild(QComboBox, "dealAssigneeFilter") is not None
    assert board.pane.findChild(QLineEdit, "dealSearch") is not None
    assert board.label("dealCount") == "8 deals"
    assert {"dealsPane"} == {board.pane.objectName()}
    assert board.pane.resources == ("deals", "team")


def test_headers_show_counts_and_a_total_per_currency(board: Board) -> None:
    assert board.label("dealColumnCount-lead") == "3"
    lead = board.label("dealColumnTotals-lead")
    assert "€800.50" in lead
    assert "$5,200" in lead  # 1,200 + 4,000 in dollars, never added to the euros
    assert board.label("dealColumnCount-proposal") == "2"
    assert board.label("dealColumnTotals-proposal") == "$0.30"  # exact: Decimal, not float
    assert board.label("dealColumnTotals-won") == "£7,000"
    assert board.label("dealColumnCount-lost") == "0"


def test_cards_say_title_value_and_stage_to_screen_readers(board: Board) -> None:
    index = board.view("negotiation").model().index(0, 0)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Wayne migration, $3,000, Negotiation"
    )


def test_ctrl_shift_right_moves_the_card_and_selection_follows(board: Board, qtbot: Any) -> None:
    lead = board.view("lead")
    lead.setFocus()
    lead.setCurrentIndex(lead.model().index(1, 0))  # Globex pilot
    assert board.selected("lead") == [2]

    qtbot.keyClick(lead, Qt.Key.Key_Right, CTRL_SHIFT)

    assert cached_deal(board.workspace.store, 2).stage == "qualified"  # type: ignore[union-attr]
    assert board.ids("lead") == [1, 3]
    assert board.ids("qualified") == [2, 4]  # just updated: first under "last update"
    qualified = board.view("qualified")
    assert board.selected("qualified") == [2]
    assert qualified.currentIndex().data(ID_ROLE) == 2
    assert qualified.hasFocus()
    assert board.notes[-1] == "“Globex pilot” moved to Qualified."
    assert qualified.accessibleDescription() == "“Globex pilot” moved to Qualified."
    # The headers catch up too.
    assert board.label("dealColumnCount-lead") == "2"
    assert board.label("dealColumnCount-qualified") == "2"

    # And back, from where focus now is.
    qtbot.keyClick(qualified, Qt.Key.Key_Left, CTRL_SHIFT)
    assert cached_deal(board.workspace.store, 2).stage == "lead"  # type: ignore[union-attr]
    assert board.selected("lead") == [2]
    assert board.view("lead").hasFocus()


def test_several_selected_cards_move_together(board: Board, qtbot: Any) -> None:
    lead = board.view("lead")
    lead.setFocus()
    lead.selectAll()
    qtbot.keyClick(lead, Qt.Key.Key_Right, CTRL_SHIFT)
    assert board.ids("lead") == []
    assert sorted(board.ids("qualified")) == [1, 2, 3, 4]
    assert sorted(board.selected("qualified")) == [1, 2, 3]
    assert board.notes[-1] == "3 deals moved to Qualified."


def test_moving_to_lost_asks_why(board: Board, qtbot: Any) -> None:
    won = board.view("won")
    won.setFocus()
    won.setCurrentIndex(won.model().index(0, 0))
    board.pane.ask_lost_reason = lambda: "Budget cut"  # type: ignore[method-assign]
    qtbot.keyClick(won, Qt.Key.Key_Right, CTRL_SHIFT)
    assert cached_deal(board.workspace.store, 7).stage == "lost"  # type: ignore[union-attr]
    (op,) = [o for o in board.workspace.operations() if o.target_id == 7]
    assert (op.kind, op.payload) == ("deal.lose", {"stage": "lost", "reason": "Budget cut"})
    assert board.ids("lost") == [7]

    board.pane.ask_lost_reason = lambda: False  # type: ignore[method-assign]
    negotiation = board.view("negotiation")
    negotiation.setFocus()
    negotiation.setCurrentIndex(negotiation.model().index(0, 0))
    assert board.pane.move_deals([8], "lost") == []
    assert board.ids("negotiation") == [8]


def test_the_lost_reason_dialog(qtbot: Any) -> None:
    dialog = LostReasonDialog(["Acme renewal"])
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "lostReasonDialog"
    dialog.reason.setText("  Chose a competitor  ")
    dialog.move_button.click()
    assert dialog.answer() == "Chose a competitor"
    dialog.skip_button.click()
    assert dialog.answer() is None
    dialog.reject()
    assert dialog.answer() is False


def test_the_last_stage_goes_no_further(board: Board, qtbot: Any) -> None:
    board.pane.move_deals([1], "lost", reason="")
    lost = board.view("lost")
    lost.setFocus()
    lost.setCurrentIndex(lost.model().index(0, 0))
    qtbot.keyClick(lost, Qt.Key.Key_Right, CTRL_SHIFT)
    assert board.ids("lost") == [1]
    assert board.notes[-1] == "This is already the last stage."


def test_filters_narrow_every_column(board: Board, qtbot: Any) -> None:
    assignee = board.pane.findChild(QComboBox, "dealAssigneeFilter")
    assert [assignee.itemText(i) for i in range(assignee.count())] == [
        "Anyone",
        "Unassigned",
        "Ana Lima",
        "Bo Keller",
    ]
    assignee.setCurrentIndex(assignee.findText("Ana Lima"))
    assert board.ids("lead") == [1]
    assert board.ids("qualified") == [4]
    assert board.ids("won") == []
    assert board.label("dealCount") == "2 deals"
    assert board.label("dealColumnTotals-qualified") == "€2,500"

    assignee.setCurrentIndex(assignee.findText("Unassigned"))
    assert board.ids("lead") == [3]
    assert board.ids("proposal") == [5, 6]

    assignee.setCurrentIndex(0)
    search = board.pane.findChild(QLineEdit, "dealSearch")
    qtbot.keyClicks(search, "wayne")
    qtbot.waitUntil(lambda: board.ids("negotiation") == [8] and board.ids("lead") == [])
    assert all(board.ids(s) == [] for s in STAGES if s != "negotiation")
    search.setText("bruce")  # the contact's name
    qtbot.waitUntil(lambda: board.label("dealCount") == "1 deal")
    assert board.ids("negotiation") == [8]
    search.clear()
    qtbot.waitUntil(lambda: board.label("dealCount") == "8 deals")


def test_sort_by_value(board: Board) -> None:
    sort = board.pane.findChild(QComboBox, "dealSort")
    sort.setCurrentIndex(sort.findData("value"))
    assert board.ids("lead") == [3, 1, 2]  # dollars by value, then euros


def test_folding_won_hides_its_list_and_is_remembered(board: Board, qtbot: Any) -> None:
    toggle = board.pane.findChild(QToolButton, "dealColumnToggle-won")
    assert toggle is not None
    assert board.pane.findChild(QToolButton, "dealColumnToggle-lead") is None
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert not board.view("won").isVisible()
    assert board.view("lost").isVisible()
    assert board.pane.board.column("won").width() < 80
    assert "won" in str(board.settings.value("panes/dealsPane/collapsed"))

    pane = DealsPane(board.pane.context)
    qtbot.addWidget(pane)
    pane.restore_state()
    assert pane.board.column("won").is_collapsed()
    assert not pane.board.column("lost").is_collapsed()

    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert board.view("won").isVisible()


def test_stale_days_are_a_setting(board: Board) -> None:
    assert board.pane.stale_days() == 14
    board.pane.set_stale_days(30)
    assert board.settings.value("panes/dealsPane/stale_days") in (30, "30")
    assert board.view("lead").itemDelegate().stale_days == 30  # type: ignore[attr-defined]


def test_delete_asks_naming_the_deal(board: Board, qtbot: Any) -> None:
    asked: list[list[str]] = []
    answer = [False]

    def confirm(rows: Any) -> bool:
        asked.append([r.title for r in rows])
        return answer[0]

    board.pane.confirm_delete = confirm  # type: ignore[method-assign]
    negotiation = board.view("negotiation")
    negotiation.setFocus()
    negotiation.setCurrentIndex(negotiation.model().index(0, 0))
    qtbot.keyClick(negotiation, Qt.Key.Key_Delete)
    assert asked == [["Wayne migration"]]
    assert board.ids("negotiation") == [8]
    answer[0] = True
    qtbot.keyClick(negotiation, Qt.Key.Key_Delete)
    assert board.ids("negotiation") == []
    assert cached_deal(board.workspace.store, 8) is None
    assert [op.kind for op in board.workspace.operations()] == ["deal.delete"]


def test_moves_by_others_keep_selection_and_scroll(board: Board, qtbot: Any) -> None:
    upsert_deals(
        board.workspace.store,
        [deal(100 + i, f"Bulk {i}", "10", stage="lead", day=1) for i in range(40)],
    )
    board.pane.refresh()
    lead = board.view("lead")
    lead.setFocus()
    lead.setCurrentIndex(lead.model().index(lead.model().row_of(120), 0))
    lead.verticalScrollBar().setValue(400)
    scrolled = lead.verticalScrollBar().value()
    assert scrolled > 0

    # Someone else moves deal 1 to won; the poll brings it and announces "deals".
    upsert_deals(board.workspace.store, [deal(1, "Acme renewal", "1200", stage="won", day=20)])
    board.workspace.changes.publish({"deals"})
    qtbot.waitUntil(lambda: 1 in board.ids("won"))
    assert 1 not in board.ids("lead")
    assert board.selected("lead") == [120]
    assert lead.verticalScrollBar().value() == scrolled


def test_a_refused_move_comes_back_with_a_notice(board: Board, qtbot: Any) -> None:
    board.pane.move_deals([3], "proposal")
    assert board.ids("proposal")[0] == 3
    (op,) = [o for o in board.workspace.operations() if o.kind == "deal.update"]

    # What the outbox engine does on a 422: the server's version back, the op refused.
    store = board.workspace.store
    server = deal(3, "Initech seats", "4000", currency="USD", stage="lead", day=8)
    upsert_deals(store, [server], overwrite_pending=True)
    outbox.set_state(
        store, op.id, OpState.NEEDS_ATTENTION, error="Stage cannot change on a closed deal."
    )
    board.workspace.changes.publish({"outbox", "deals"})

    qtbot.waitUntil(lambda: 3 in board.ids("lead"))
    assert 3 not in board.ids("proposal")
    qtbot.waitUntil(
        lambda: (
            "“Initech seats” could not be moved: Stage cannot change on a closed deal."
            in board.notes
        )
    )
    # Told once, not again on the next change.
    count = len(board.notes)
    board.workspace.changes.publish({"outbox"})
    qtbot.wait(50)  # let the coalesced broadcast arrive; nothing new must be said
    assert len(board.notes) == count


def test_new_deal_without_the_editor_says_so(board: Board, monkeypatch: Any) -> None:
    import builtins

    real_import = builtins.__import__

    def no_dialog(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "mailtrixy_desktop.ui.deals.deal_dialog":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dialog)
    board.pane.new_item()
    assert board.notes[-1] == "The deal editor is not available in this build."


def test_stale_and_overdue(board: Board) -> None:
    from mailtrixy_desktop.ui.deals.card_delegate import is_overdue, is_stale

    row = cached_deal(board.workspace.store, 8)
    assert row is not None
    later = row.updated_at + dt.timedelta(days=15)
    assert is_stale(row, 14, later)
    assert not is_stale(row, 20, later)
    past = dt.date(2020, 1, 1)
    assert not is_overdue(row, past)


def drop_on(view: QListView, ids: list[int]) -> bool:
    """What a mouse drop does, without a mouse: drag enter, move and drop events with
    the cards' drag data on the column's viewport."""
    data = encode_ids(ids)
    viewport = view.viewport()
    point = viewport.rect().center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move = Qt.DropAction.MoveAction
    enter = QDragEnterEvent(point, move, data, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    hover = QDragMoveEvent(point, move, data, buttons, keys)
    QApplication.sendEvent(viewport, hover)
    drop = QDropEvent(QPointF(point), move, data, buttons, keys)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_a_drop_event_on_a_column_moves_the_cards(board: Board) -> None:
    assert drop_on(board.view("proposal"), [1, 3])
    assert board.ids("lead") == [2]
    assert sorted(board.ids("proposal")[:2]) == [1, 3]
    assert sorted(board.selected("proposal")) == [1, 3]
    assert board.label("dealColumnCount-proposal") == "4"
    assert not drop_on(board.view("proposal"), [1])  # already there
    assert not drop_on(board.view("won"), [404])


def test_a_folded_column_takes_drops(board: Board) -> None:
    board.pane.board.set_collapsed("won", True)
    column = board.pane.board.column("won")
    data = encode_ids([4])
    point = column.rect().center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.MoveAction, data, buttons, keys)
    QApplication.sendEvent(column, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(point), Qt.DropAction.MoveAction, data, buttons, keys)
    QApplication.sendEvent(column, drop)
    assert drop.isAccepted()
    assert cached_deal(board.workspace.store, 4).stage == "won"  # type: ignore[union-attr]
    assert column.is_collapsed()


def test_enter_and_new_deal_open_the_editor(board: Board, qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialog, QPushButton

    negotiation = board.view("negotiation")
    negotiation.setFocus()
    negotiation.setCurrentIndex(negotiation.model().index(0, 0))
    qtbot.keyClick(negotiation, Qt.Key.Key_Return)
    dialog = board.pane.findChild(QDialog, "dealDialog")
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.deal_id == 8  # type: ignore[attr-defined]
    dialog.reject()
    qtbot.waitUntil(lambda: board.pane.findChild(QDialog, "dealDialog") is None)

    new = board.pane.findChild(QPushButton, "dealNew")
    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)
    dialog = board.pane.findChild(QDialog, "dealDialog")
    assert dialog is not None
    assert dialog.deal_id is None  # type: ignore[attr-defined]
    dialog.reject()


# ---------------------------------------------------------------------- what a move costs


def test_a_move_made_here_leaves_the_catch_up_only_its_stages_totals(
    board: Board, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    reconciled: list[bool] = []
    monkeypatch.setattr(board.pane.models, "reconcile", lambda: reconciled.append(True))
    asked: list[object] = []
    totals = board.workspace.deals.totals

    def counted(**query: Any) -> Any:
        asked.append(query.get("stages"))
        return totals(**query)

    monkeypatch.setattr(board.workspace.deals, "totals", counted)
    board.pane.move_deals([5], "won")  # Umbrella API, $0.10, from proposal

    qtbot.waitUntil(lambda: board.label("dealColumnTotals-proposal") == "$0.20")
    assert board.label("dealColumnTotals-won") == "£7,000\n$0.10"  # GBP, then USD
    assert reconciled == []  # the columns already show the move
    assert asked == [{"proposal", "won"}]
    assert board.ids("won") == [5, 7]


def test_a_change_from_elsewhere_after_a_move_is_still_caught_up(board: Board, qtbot: Any) -> None:
    board.pane.move_deals([5], "won")
    # A sync writes before the move's broadcast has been handled.
    upsert_deals(
        board.workspace.store,
        [deal(6, "Soylent plan", "0.20", currency="USD", stage="lost", day=30)],
    )
    board.workspace.changes.publish({"deals"})
    qtbot.waitUntil(lambda: board.ids("lost") == [6])
    assert board.ids("proposal") == []
    assert board.ids("won") == [5, 7]
    qtbot.waitUntil(lambda: board.label("dealColumnTotals-lost") == "$0.20")
    assert board.label("dealColumnTotals-proposal") == "—"


def test_only_operations_newly_refused_are_read(
    board: Board, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    board.pane.move_deals([3], "proposal")
    (op,) = [o for o in board.workspace.operations() if o.kind == "deal.update"]
    read: list[int] = []
    get = outbox.get

    def counted(store: Store, op_id: int) -> Any:
        read.append(op_id)
        return get(store, op_id)

    monkeypatch.setattr(outbox, "get", counted)
    monkeypatch.setattr(board.workspace, "operations", lambda: pytest.fail("read them all"))
    board.workspace.changes.publish({"outbox"})
    qtbot.wait(30)
    assert read == []

    outbox.set_state(board.workspace.store, op.id, OpState.NEEDS_ATTENTION, error="No.")
    board.workspace.changes.publish({"outbox"})
    qtbot.waitUntil(lambda: "“Initech seats” could not be moved: No." in board.notes)
    assert read == [op.id]
    board.workspace.changes.publish({"outbox"})
    qtbot.wait(30)
    assert read == [op.id]


def _painted(widget: QWidget) -> tuple[list[QRect], QObject]:
    rects: list[QRect] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                rects.append(QRect(event.rect()))  # type: ignore[attr-defined]
            return False

    watch = Watch(widget)
    widget.installEventFilter(watch)
    return rects, watch


def test_a_column_losing_focus_repaints_its_current_card_alone(board: Board, qtbot: Any) -> None:
    lead = board.view("lead")
    lead.setFocus()
    lead.setCurrentIndex(lead.model().index(1, 0))
    qtbot.waitUntil(lead.hasFocus)
    card = lead.visualRect(lead.model().index(1, 0))
    QApplication.processEvents()
    rects, _watch = _painted(lead.viewport())

    board.view("won").setFocus()
    qtbot.waitUntil(lambda: bool(rects))
    QApplication.processEvents()
    assert board.selected("lead") == []  # one column's cards selected at a time
    assert all(card.contains(rect) for rect in rects), (card, rects)


def test_the_cards_a_next_move_paints_anew_are_drawn_ahead(
    board: Board, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mailtrixy_desktop.ui.deals.board import ColumnView
    from mailtrixy_desktop.ui.deals.card_delegate import DealCardDelegate

    upsert_deals(
        board.workspace.store,
        [deal(100 + i, f"Bulk {i}", "10", stage="lead", day=1) for i in range(20)],
    )
    board.pane.refresh()
    lead = board.view("lead")
    lead.setFocus()
    lead.setCurrentIndex(lead.model().index(0, 0))  # Acme renewal, newest
    qtbot.keyClick(lead, Qt.Key.Key_Right, CTRL_SHIFT)
    assert board.ids("qualified")[0] == 1
    timer = board.pane.board._ahead_timer
    qtbot.waitUntil(lambda: not timer.isActive())

    drawn: list[int] = []
    render = DealCardDelegate.render

    def counted(self: DealCardDelegate, painter: Any, option: Any, row: Any) -> None:
        drawn.append(row.id)
        render(self, painter, option, row)

    monkeypatch.setattr(DealCardDelegate, "render", counted)

    def in_view(view: ColumnView) -> set[int | None]:
        model = view.model()
        return {
            model.id_at(row)
            for row in range(model.rowCount())
            if view.visualRect(model.index(row, 0)).intersects(view.viewport().rect())
        }

    # The moved card, no longer selected; and the lead cards scrolled into view.
    board.view("qualified").clearSelection()
    lead.setFocus()
    lead.clearSelection()
    column = board.pane.board.view("lead")
    shown = in_view(column)
    bar = lead.verticalScrollBar()
    bar.setValue(bar.value() + lead.visualRect(lead.model().index(0, 0)).height())
    for stage in ("lead", "qualified"):
        board.view(stage).viewport().repaint()
    came = in_view(column) - shown
    assert came
    assert 1 not in drawn
    assert not came & set(drawn), (came, drawn)
