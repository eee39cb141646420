"""The pipeline board: deals per stage, filters, exact totals per currency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from mailtrixy_desktop.api.models import STAGES
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.deals import (
    deal,
    deal_ids,
    deal_stages,
    deals_by_id,
    deals_in_stage,
    move_deals,
    remove_deals_except,
    set_deals_pending,
    stage_counts,
    stage_totals,
    upsert_deals,
)
from mailtrixy_desktop.store.refs import NamedRef
from tests.store.factories import deal as make

ALICE = (10, "Alice Agent")


@pytest.fixture
def board(store: Store) -> Store:
    upsert_deals(
        store,
        [
            make(1, "Acme renewal", "0.10", assignee=ALICE, day=3),
            make(2, "Acme upsell", "0.20", day=5),
            make(3, "Globex pilot", "1999.99", currency="USD", assignee=ALICE, day=4),
            make(4, "Initech licences", "12500.00", stage="won",
                 contact=(2, "Jürgen Müller", "jm@example.de"), day=2),
            make(5, "Tiny", "0.0001", stage="won", currency="USD", day=1),
        ],
    )  # fmt: skip
    return store


def test_totals_per_stage_and_currency_are_exact(board: Store) -> None:
    totals = stage_totals(board)
    assert set(totals) == set(STAGES)
    assert totals["lead"] == {"EUR": Decimal("0.30"), "USD": Decimal("1999.99")}
    assert totals["lead"]["EUR"] == Decimal("0.10") + Decimal("0.20")
    assert totals["won"] == {"EUR": Decimal("12500.00"), "USD": Decimal("0.0001")}
    assert totals["lost"] == {}
    assert all(isinstance(v, Decimal) for t in totals.values() for v in t.values())


def test_totals_follow_the_filters(board: Store) -> None:
    assert stage_totals(board, assignee=ALICE[0])["lead"] == {
        "EUR": Decimal("0.10"), "USD": Decimal("1999.99"),
    }  # fmt: skip
    assert stage_totals(board, assignee=None)["lead"] == {"EUR": Decimal("0.20")}
    assert stage_totals(board, search="muller")["won"] == {"EUR": Decimal("12500.00")}
    assert stage_counts(board) == {"lead": 3, "qualified": 0, "proposal": 0,
                                   "negotiation": 0, "won": 2, "lost": 0}  # fmt: skip


def test_many_small_values_add_up_exactly(store: Store) -> None:
    upsert_deals(store, [make(i, f"D{i}", "0.10") for i in range(1, 1001)])
    assert stage_totals(store)["lead"] == {"EUR": Decimal("100.00")}


def test_a_column_lists_its_deals_newest_change_first(board: Store) -> None:
    column = deals_in_stage(board, "lead")
    assert [d.id for d in column] == [2, 3, 1]
    assert column[0].value == Decimal("0.20")
    assert deal_ids(board, stage="lead", sort="title", descending=False) == [1, 2, 3]
    assert deal_ids(board, stage="lead", sort="value", descending=False) == [1, 2, 3]


def test_search_over_title_and_contact(board: Store) -> None:
    assert deal_ids(board, search="globex") == [3]
    assert sorted(deal_ids(board, search="jane")) == [1, 2, 3, 5]  # the contact's name
    assert deal_ids(board, search="jm@example") == [4]
    assert deal_ids(board, search="acme ren") == [1]
    assert deal_ids(board, search='acme" OR "1') == []


def test_a_deal_row_has_exact_money_and_its_people(board: Store) -> None:
    row = deal(board, 3)
    assert row is not None
    assert (row.value, row.currency, row.assignee) == (Decimal("1999.99"), "USD", NamedRef(*ALICE))
    assert row.updated_at == dt.datetime(2026, 3, 4, 9, tzinfo=dt.UTC)
    assert deals_by_id(board, [404]) == {}


def test_a_stage_change_from_the_server_moves_the_card(board: Store) -> None:
    upsert_deals(board, [make(1, "Acme renewal", "0.10", stage="won", assignee=ALICE, day=9)])
    assert [d.id for d in deals_in_stage(board, "won")] == [1, 4, 5]
    assert stage_totals(board)["lead"]["EUR"] == Decimal("0.20")


def test_notes_from_the_detail_survive_a_list_page(board: Store) -> None:
    upsert_deals(board, [make(1, "Acme renewal", "0.10", notes="call Tuesday", day=7)])
    upsert_deals(board, [make(1, "Acme renewal", "0.10", day=8)])  # list shape, no notes
    row = deal(board, 1)
    assert row is not None
    assert row.notes == "call Tuesday"
    upsert_deals(board, [make(1, "Acme renewal", "0.10", notes=None, day=9)])  # cleared later
    row = deal(board, 1)
    assert row is not None
    assert row.notes is None


def test_a_dragged_card_stays_put_until_the_outbox_answers(board: Store) -> None:
    upsert_deals(board, [make(2, "Acme upsell", "0.20", stage="proposal", day=6)],
                 overwrite_pending=True)  # fmt: skip
    set_deals_pending(board, [2])
    upsert_deals(board, [make(2, "Acme upsell", "0.20", stage="lead", day=5)])  # stale sync
    assert deal_ids(board, stage="proposal") == [2]
    remove_deals_except(board, [1])  # a full sync does not remove it either
    assert sorted(deal_ids(board)) == [1, 2]


def test_totals_of_some_stages_only(board: Store) -> None:
    assert stage_totals(board, stages=["won", "lost"]) == {
        "won": {"EUR": Decimal("12500.00"), "USD": Decimal("0.0001")}, "lost": {},
    }  # fmt: skip
    assert stage_totals(board, assignee=ALICE[0], stages=["lead"]) == {
        "lead": {"EUR": Decimal("0.10"), "USD": Decimal("1999.99")},
    }  # fmt: skip
    with pytest.raises(ValueError, match="stage"):
        stage_totals(board, stages=["archived"])  # type: ignore[list-item]


def test_totals_are_read_from_an_index_not_the_rows(board: Store) -> None:
    for stages in (None, ["lead", "won"]):
        where = "" if stages is None else " WHERE stage IN ('lead', 'won')"
        plan = " ".join(
            row["detail"]
            for row in board.all(
                f"EXPLAIN QUERY PLAN SELECT stage, currency, sum(value_units) FROM deals{where} "
                "GROUP BY stage, currency ORDER BY stage, currency"
            )
        )
        assert "COVERING INDEX deals_by_stage_value" in plan, plan


def _raw(store: Store, deal_id: int) -> dict[str, object]:
    row = store.one("SELECT * FROM deals WHERE id = ?", (deal_id,))
    assert row is not None
    return dict(zip(row.keys(), tuple(row), strict=True))


def test_a_local_move_changes_the_stage_and_the_pending_mark_and_nothing_else(
    board: Store,
) -> None:
    before = {i: _raw(board, i) for i in (1, 2, 3)}
    moment = dt.datetime(2026, 3, 20, 8, 30, tzinfo=dt.UTC)
    assert move_deals(board, [1, 3], "proposal", updated_at=moment) == 2
    for deal_id in (1, 3):
        after = _raw(board, deal_id)
        changed = {k for k in after if after[k] != before[deal_id][k]}
        assert changed == {"stage", "updated_at", "pending"}
        assert (after["stage"], after["pending"]) == ("proposal", 1)
        row = deal(board, deal_id)
        assert row is not None
        assert row.updated_at == moment
    assert _raw(board, 2) == before[2]
    assert deal_ids(board, search="globex") == [3]  # still found: the index is untouched
    assert deal_stages(board, [1, 2, 3, 404]) == {1: "proposal", 2: "lead", 3: "proposal"}

    assert move_deals(board, [2], "lost", updated_at=moment, notes={2: "Lost: too late"}) == 1
    row = deal(board, 2)
    assert row is not None
    assert (row.stage, row.notes, row.pending) == ("lost", "Lost: too late", True)
    with pytest.raises(ValueError, match="stage"):
        move_deals(board, [2], "archived", updated_at=moment)  # type: ignore[arg-type]
