"""Deals in the cache, and the pipeline board's queries.

Values are exact: stored as integer units of 1/10000 (values.to_units) and
summed by SQLite as integers, so 0.10 + 0.20 is 0.30 in every total.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, get_args

from mailtrixy_desktop.api.models import STAGES
from mailtrixy_desktop.store.bulk import Upsert, write_rows
from mailtrixy_desktop.store.filters import ANY, assignee_clause, where
from mailtrixy_desktop.store.refs import NamedRef
from mailtrixy_desktop.store.search import fts_query
from mailtrixy_desktop.store.tables import delete_ids, pending_among, remove_except, set_pending
from mailtrixy_desktop.store.values import (
    date_from_text,
    date_to_text,
    from_text,
    from_text_required,
    from_units,
    given,
    ids_json,
    load_ids,
    now,
    to_text,
    to_units,
)

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import Deal, Stage
    from mailtrixy_desktop.store.database import Queryable, Store
    from mailtrixy_desktop.store.filters import AssigneeFilter

DealSort = Literal["updated_at", "created_at", "value", "title", "expected_close_date"]
DEAL_SORTS: tuple[DealSort, ...] = get_args(DealSort)
_ORDER: dict[str, str] = {
    "updated_at": "updated_at, id",
    "created_at": "created_at, id",
    # Values in different currencies are not comparable; within one, they are.
    "value": "currency, value_units, id",
    "title": "title COLLATE NOCASE, id",
    # Soonest first, and deals without a date after every dated one.
    "expected_close_date": "expected_close_date IS NULL, expected_close_date, id",
}


@dataclass(frozen=True, slots=True)
class DealRow:
    id: int
    title: str
    value: Decimal
    currency: str
    stage: Stage
    contact_id: int
    contact_name: str
    contact_email: str
    assignee: NamedRef | None
    expected_close_date: dt.date | None
    notes: str | None  # None also when only the list shape has been seen
    created_at: dt.datetime
    updated_at: dt.datetime
    pending: bool
    synced_at: dt.datetime | None


# -- writes ---------------------------------------------------------------------

_COLUMNS = (
    "id",
    "title",
    "value_units",
    "currency",
    "stage",
    "contact_id",
    "contact_name",
    "contact_email",
    "assignee_id",
    "assignee_name",
    "expected_close_date",
    "notes",
    "created_at",
    "updated_at",
    "pending",
    "synced_at",
)
_COMPARED = tuple(c for c in _COLUMNS[1:-2] if c != "notes")


def _upsert(has_notes: bool) -> Upsert:
    # See bulk.py; rows as they were are not rewritten. Notes come only with the
    # detail shape: a page without them keeps the cached ones.
    notes = "excluded.notes" if has_notes else "deals.notes"
    changed_notes = "OR deals.notes IS NOT excluded.notes" if has_notes else ""
    return Upsert.of(
        "deals",
        _COLUMNS,
        f"""
ON CONFLICT (id) DO UPDATE SET
    {", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:] if c != "notes")},
    notes = {notes}
WHERE deals.pending = 1
    -- Never an older version over a newer one (see store/contacts.py).
    OR COALESCE(excluded.updated_at >= deals.updated_at, 1) AND (
    ({", ".join(f"deals.{c}" for c in _COMPARED)})
       IS NOT ({", ".join(f"excluded.{c}" for c in _COMPARED)})
    {changed_notes})
""",
    )


_UPSERT = {has_notes: _upsert(has_notes) for has_notes in (False, True)}


def _row(d: Deal, stamp: str | None) -> tuple[Any, ...]:
    """The row in ``_COLUMNS`` order."""
    assignee = d.assignee
    contact = d.contact
    return (
        d.id,
        d.title,
        to_units(d.value),
        d.currency,
        d.stage,
        contact.id,
        contact.name,
        contact.email,
        None if assignee is None else assignee.id,
        None if assignee is None else assignee.name,
        date_to_text(d.expected_close_date),
        d.notes,
        to_text(d.created_at),
        to_text(d.updated_at),
        0,
        stamp,
    )


@dataclass(frozen=True, slots=True)
class DealRows:
    """A page of deals as plain values, ready for ``write_deal_rows`` (see
    ``contacts.ContactRows``). Split by shape: only the detail shape carries notes."""

    without_notes: list[tuple[Any, ...]]  # in _COLUMNS order
    with_notes: list[tuple[Any, ...]]


def deal_rows(items: Iterable[Deal], *, synced_at: dt.datetime | None = None) -> DealRows:
    stamp = to_text(synced_at or now())
    page = DealRows([], [])
    for d in items:
        (page.with_notes if given(d, "notes") else page.without_notes).append(_row(d, stamp))
    return page


def upsert_deals(
    store: Store,
    items: Iterable[Deal],
    *,
    synced_at: dt.datetime | None = None,
    overwrite_pending: bool = False,
) -> int:
    """Write deals; rows with a pending local change are skipped unless
    ``overwrite_pending``. Joins the caller's transaction, or makes its own."""
    page = deal_rows(items, synced_at=synced_at)
    return write_deal_rows(store, page, overwrite_pending=overwrite_pending)


def write_deal_rows(store: Store, page: DealRows, *, overwrite_pending: bool = False) -> int:
    """``upsert_deals`` of a page made by ``deal_rows``."""
    shapes = {False: page.without_notes, True: page.with_notes}
    if not any(shapes.values()):
        return 0
    with store.transaction():
        if not overwrite_pending:
            ids = [r[0] for rows in shapes.values() for r in rows]
            held = pending_among(store, "deals", ids)
            if held:
                shapes = {k: [r for r in rows if r[0] not in held] for k, rows in shapes.items()}
        for has_notes, rows in shapes.items():
            write_rows(store, _UPSERT[has_notes], rows)
    return sum(len(rows) for rows in shapes.values())


def remove_deals_except(store: Store, keep_ids: Iterable[int]) -> int:
    return remove_except(store, "deals", keep_ids)


def delete_deals(store: Store, ids: Iterable[int]) -> int:
    return delete_ids(store, "deals", ids)


def set_deals_pending(store: Store, ids: Iterable[int], pending: bool = True) -> int:
    return set_pending(store, "deals", ids, pending)


def move_deals(
    store: Store,
    ids: Iterable[int],
    stage: Stage,
    *,
    updated_at: dt.datetime,
    notes: Mapping[int, str] | None = None,
) -> int:
    """A local stage change: ``stage``, ``updated_at`` and the pending mark (and, for the
    deals in ``notes``, their notes) in one UPDATE, the other columns as they are. No
    other column changes, so the search index is left alone. Joins the caller's
    transaction, or makes its own. How many rows changed."""
    if stage not in STAGES:
        raise ValueError(f"unknown deal stage {stage!r}")
    notes = notes or {}
    ids = [int(i) for i in ids]
    plain = [i for i in ids if i not in notes]
    stamp = to_text(updated_at)
    changed = 0
    with store.transaction():
        if plain:
            changed += store.execute(
                "UPDATE deals SET stage = ?, updated_at = ?, pending = 1 "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (stage, stamp, ids_json(plain)),
            ).rowcount
        for deal_id in ids:
            if deal_id in notes:
                changed += store.execute(
                    "UPDATE deals SET stage = ?, updated_at = ?, pending = 1, notes = ? "
                    "WHERE id = ?",
                    (stage, stamp, notes[deal_id], deal_id),
                ).rowcount
    return changed


# -- reads ----------------------------------------------------------------------


def _filters(
    stage: Stage | None, assignee: AssigneeFilter, search: str | None, contact_id: int | None
) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if stage is not None:
        if stage not in STAGES:
            raise ValueError(f"unknown deal stage {stage!r}")
        clauses.append("stage = ?")
        params.append(stage)
    clause, values = assignee_clause("assignee_id", assignee)
    if clause is not None:
        clauses.append(clause)
        params.extend(values)
    if contact_id is not None:
        clauses.append("contact_id = ?")
        params.append(int(contact_id))
    match = fts_query(search)
    if match is not None:
        clauses.append("id IN (SELECT rowid FROM deals_fts WHERE deals_fts MATCH ?)")
        params.append(match)
    return clauses, params


def deal_ids(
    store: Queryable,
    *,
    stage: Stage | None = None,
    assignee: AssigneeFilter = ANY,
    search: str | None = None,
    contact_id: int | None = None,
    sort: DealSort = "updated_at",
    descending: bool = True,
) -> list[int]:
    """Ids of the matching deals in order (newest change first by default). ``search``
    matches words by prefix in the title and the contact's name and email."""
    try:
        order = _ORDER[sort]
    except KeyError:
        raise ValueError(f"unknown deal sort {sort!r}; one of {DEAL_SORTS}") from None
    clauses, params = _filters(stage, assignee, search, contact_id)
    ids = load_ids(
        store.scalar(
            f"SELECT json_group_array(id) FROM (SELECT id FROM deals{where(clauses)} "
            f"ORDER BY {order})",
            params,
        )
    )
    if descending:
        ids.reverse()
    return ids


_SELECT = """
SELECT id, title, value_units, currency, stage, contact_id, contact_name, contact_email,
       assignee_id, assignee_name, expected_close_date, notes, created_at, updated_at,
       pending, synced_at
FROM deals WHERE id IN (SELECT value FROM json_each(?))
"""


# The same stored values always make the same DealRow, and the board reads the same
# rows again and again (a column re-read after a sync that changed nothing in it):
# rows made are kept by their stored values, so reading one again costs a lookup
# instead of parsing its money and moments (more than half of a read). Bounded: the
# board keeps a few hundred rows; the dict starts over when full.
_KEPT_ROWS = 2_048
_made: dict[tuple[Any, ...], DealRow] = {}


def _deal_row(r: Sequence[Any]) -> DealRow:
    values = tuple(r)
    row = _made.get(values)
    if row is None:
        row = DealRow(
            id=r[0],
            title=r[1],
            value=from_units(r[2]),
            currency=r[3],
            stage=r[4],
            contact_id=r[5],
            contact_name=r[6],
            contact_email=r[7],
            assignee=None if r[8] is None else NamedRef(r[8], r[9] or ""),
            expected_close_date=date_from_text(r[10]),
            notes=r[11],
            created_at=from_text_required(r[12]),
            updated_at=from_text_required(r[13]),
            pending=bool(r[14]),
            synced_at=from_text(r[15]),
        )
        if len(_made) >= _KEPT_ROWS:
            _made.clear()
        _made[values] = row
    return row


def deals_by_id(store: Queryable, ids: Iterable[int]) -> dict[int, DealRow]:
    return {r[0]: _deal_row(r) for r in store.all(_SELECT, (ids_json(ids),))}


def deal_stages(store: Queryable, ids: Iterable[int]) -> dict[int, Stage]:
    """The stage of each of ``ids`` the cache holds (what a drop needs to know: a
    deal's whole row costs twenty times as much to read)."""
    return {
        r[0]: r[1]
        for r in store.all(
            "SELECT id, stage FROM deals WHERE id IN (SELECT value FROM json_each(?))",
            (ids_json(ids),),
        )
    }


def deal(store: Queryable, deal_id: int) -> DealRow | None:
    return deals_by_id(store, (deal_id,)).get(deal_id)


def deals_in_stage(
    store: Queryable,
    stage: Stage,
    *,
    assignee: AssigneeFilter = ANY,
    search: str | None = None,
    sort: DealSort = "updated_at",
    descending: bool = True,
) -> list[DealRow]:
    """One board column's rows, in order."""
    ids = deal_ids(
        store, stage=stage, assignee=assignee, search=search, sort=sort, descending=descending
    )
    rows = deals_by_id(store, ids)
    return [rows[i] for i in ids if i in rows]


def stage_totals(
    store: Queryable,
    *,
    assignee: AssigneeFilter = ANY,
    search: str | None = None,
    stages: Iterable[Stage] | None = None,
) -> dict[Stage, dict[str, Decimal]]:
    """The sum of deal values per stage and currency, exact, summed by SQLite (from the
    index ``deals_by_stage_value`` alone when there is no filter). Every stage is
    present (an empty dict when it has no deals); with ``stages``, only those."""
    clauses, params = _filters(None, assignee, search, None)
    wanted = STAGES if stages is None else tuple(dict.fromkeys(stages))
    if stages is not None:
        for stage in wanted:
            if stage not in STAGES:
                raise ValueError(f"unknown deal stage {stage!r}")
        clauses.append(f"stage IN ({', '.join('?' * len(wanted))})")
        params.extend(wanted)
    totals: dict[Stage, dict[str, Decimal]] = {stage: {} for stage in wanted}
    for stage, currency, units in store.all(
        f"SELECT stage, currency, sum(value_units) FROM deals{where(clauses)} "
        "GROUP BY stage, currency ORDER BY stage, currency",
        params,
    ):
        totals[stage][currency] = from_units(units)
    return totals


def stage_counts(
    store: Queryable,
    *,
    assignee: AssigneeFilter = ANY,
    search: str | None = None,
) -> dict[Stage, int]:
    clauses, params = _filters(None, assignee, search, None)
    counts: dict[Stage, int] = dict.fromkeys(STAGES, 0)
    for stage, count in store.all(
        f"SELECT stage, count(*) FROM deals{where(clauses)} GROUP BY stage", params
    ):
        counts[stage] = count
    return counts


def restore_stage(store: Store, deal_id: int, fields: Mapping[str, Any]) -> int:
    """A refused move undone in the cache: the card back in its stage, nothing pending."""
    stage = fields.get("stage")
    if stage not in STAGES:
        return 0
    with store.transaction():
        return store.execute(
            "UPDATE deals SET stage = ?, pending = 0 WHERE id = ?", (stage, deal_id)
        ).rowcount
