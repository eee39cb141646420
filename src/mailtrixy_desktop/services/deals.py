"""The deals façade: the board's reads, and moves and edits through the outbox."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from mailtrixy_desktop.services.commands import utc_now
from mailtrixy_desktop.store import contacts as contact_store
from mailtrixy_desktop.store import deals as deal_store
from mailtrixy_desktop.store import team as team_store
from mailtrixy_desktop.store.deals import DealRow
from mailtrixy_desktop.store.filters import ANY

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import Deal, DealFields, Stage
    from mailtrixy_desktop.services.commands import Commands
    from mailtrixy_desktop.store.deals import DealSort


def _model(row: DealRow, changes: DealFields, commands: Commands) -> Deal:
    """The deal as it will be once the server agrees: the cached row with the changes."""
    data: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "value": row.value,
        "currency": row.currency,
        "stage": row.stage,
        "contact": {"id": row.contact_id, "name": row.contact_name, "email": row.contact_email},
        "assignee": None
        if row.assignee is None
        else {"id": row.assignee.id, "name": row.assignee.name},
        "expected_close_date": row.expected_close_date,
        "notes": row.notes,
        "created_at": row.created_at,
        "updated_at": utc_now(),
    }
    for key in ("title", "value", "currency", "stage", "expected_close_date", "notes"):
        if key in changes:
            data[key] = changes[key]
    if "contact_id" in changes:
        contact = contact_store.contact(commands.store, changes["contact_id"])
        data["contact"] = {
            "id": changes["contact_id"],
            "name": contact.name if contact else "…",
            "email": contact.email if contact else "",
        }
    if "assignee_id" in changes:
        member = next(
            (m for m in team_store.team_members(commands.store) if m.id == changes["assignee_id"]),
            None,
        )
        data["assignee"] = None if member is None else {"id": member.id, "name": member.name}
    from mailtrixy_desktop.api.models import Deal

    return Deal.model_validate(data)


CacheToken = tuple[int, int]


@dataclass(frozen=True)
class Moved:
    """What ``DealsService.moves`` did: the deals that moved, as the cache now holds
    them (in the order asked), each one's stage before, and the cache's change token
    (``DealsService.cache_token``) just before the move's writes and just after them,
    read inside its transaction: when ``before`` is the token a view last caught up
    at, the view plus this move is the cache at ``after``."""

    rows: dict[int, DealRow]
    was: dict[int, Stage]
    before: CacheToken
    after: CacheToken

    @property
    def ids(self) -> list[int]:
        return list(self.rows)


class DealsService:
    def __init__(self, commands: Commands) -> None:
        self._c = commands

    def cache_token(self) -> CacheToken:
        """Changes whenever anything in the cache changes (rows written by this
        connection, or a commit by another): equal tokens, the same cache."""
        row = self._c.store.one(
            "SELECT (SELECT data_version FROM pragma_data_version), total_changes()"
        )
        assert row is not None
        return int(row[0]), int(row[1])

    # ------------------------------------------------------------------ reads
    def ids(
        self,
        *,
        stage: Stage | None = None,
        assignee: Any = ANY,
        search: str | None = None,
        sort: DealSort = "updated_at",
        descending: bool = True,
    ) -> list[int]:
        return deal_store.deal_ids(
            self._c.store,
            stage=stage,
            assignee=assignee,
            search=search,
            sort=sort,
            descending=descending,
        )

    def rows(self, ids: Iterable[int]) -> dict[int, DealRow]:
        return deal_store.deals_by_id(self._c.store, ids)

    def get(self, deal_id: int) -> DealRow | None:
        return deal_store.deal(self._c.store, deal_id)

    def stages(self, ids: Iterable[int]) -> dict[int, Stage]:
        """The stage of each of ``ids`` the cache holds."""
        return deal_store.deal_stages(self._c.store, ids)

    def totals(
        self,
        *,
        assignee: Any = ANY,
        search: str | None = None,
        stages: Iterable[Stage] | None = None,
    ) -> dict[Stage, dict[str, Decimal]]:
        """Exact sums per stage and currency: every stage, or only ``stages``."""
        return deal_store.stage_totals(
            self._c.store, assignee=assignee, search=search, stages=stages
        )

    # ------------------------------------------------------------------ writes
    def update(self, deal_id: int, changes: DealFields) -> None:
        """Change fields now in the cache; the server hears through the outbox."""
        row = deal_store.deal(self._c.store, deal_id)
        if row is None:
            raise KeyError(deal_id)
        with self._c.store.transaction():
            deal_store.upsert_deals(
                self._c.store, [_model(row, changes, self._c)], overwrite_pending=True
            )
            deal_store.set_deals_pending(self._c.store, [deal_id])
            self._c.queue(
                kind="deal.update", target_type="deal", target_id=deal_id, payload=dict(changes)
            )
        self._c.announce("deals")

    def move(self, deal_ids: Sequence[int], stage: Stage, *, reason: str | None = None) -> int:
        """Drag-and-drop: several cards to one stage; the same column changes nothing.
        How many moved."""
        return len(self.moves(deal_ids, stage, reason=reason).rows)

    def moves(self, deal_ids: Sequence[int], stage: Stage, *, reason: str | None = None) -> Moved:
        """``move``, telling what it did (see ``Moved``).

        One transaction: the rows read, each one's stage (and, for a lost reason, notes)
        written with a direct UPDATE, and an outbox operation per deal. A pure stage
        move touches nothing else, so no model is built and the search index is left
        alone."""
        store = self._c.store
        wanted = list(dict.fromkeys(deal_ids))
        rows: dict[int, DealRow] = {}
        was: dict[int, Stage] = {}
        with store.transaction():
            before = self.cache_token()
            found = deal_store.deals_by_id(store, wanted)
            stamp = utc_now()
            notes: dict[int, str] = {}
            for deal_id in wanted:
                row = found.get(deal_id)
                if row is None or row.stage == stage:
                    continue
                kind: str = "deal.update"
                payload: dict[str, Any] = {"stage": stage}
                new_notes = row.notes
                if stage == "lost" and reason:
                    # Sent as its own kind: the note is added to the server's notes when
                    # it goes out (sync/operations.py), not to the cache's copy.
                    kind, payload = "deal.lose", {"stage": "lost", "reason": reason}
                    if row.notes is not None:
                        note = f"Lost: {reason}"
                        new_notes = notes[deal_id] = f"{row.notes}\n{note}" if row.notes else note
                rows[deal_id] = replace(
                    row, stage=stage, updated_at=stamp, pending=True, notes=new_notes
                )
                was[deal_id] = row.stage
                self._c.queue(
                    kind=kind,
                    target_type="deal",
                    target_id=deal_id,
                    payload=payload,
                    rollback={"stage": row.stage},
                )
            if rows:
                deal_store.move_deals(store, rows, stage, updated_at=stamp, notes=notes)
            after = self.cache_token()
        if rows:
            self._c.announce("deals")
        return Moved(rows, was, before, after)

    def create(self, fields: DealFields) -> int:
        """A new deal, shown at once under a temporary id until the server gives its own."""
        temp = self._c.temp_id("deals")
        now = utc_now()
        blank = DealRow(
            id=temp,
            title="",
            value=Decimal(0),
            currency="USD",
            stage="lead",
            contact_id=0,
            contact_name="",
            contact_email="",
            assignee=None,
            expected_close_date=None,
            notes=None,
            created_at=now,
            updated_at=now,
            pending=True,
            synced_at=None,
        )
        with self._c.store.transaction():
            deal_store.upsert_deals(
                self._c.store, [_model(blank, fields, self._c)], overwrite_pending=True
            )
            deal_store.set_deals_pending(self._c.store, [temp])
            self._c.queue(
                kind="deal.create", target_type="deal", target_id=temp, payload=dict(fields)
            )
        self._c.announce("deals")
        return temp

    def delete(self, deal_id: int) -> None:
        with self._c.store.transaction():
            deal_store.delete_deals(self._c.store, [deal_id])
            if deal_id < 0:  # never reached the server: forget it instead of deleting it there
                self._c.cancel_local("deal", deal_id)
            else:
                self._c.queue(kind="deal.delete", target_type="deal", target_id=deal_id, payload={})
        self._c.announce("deals")
