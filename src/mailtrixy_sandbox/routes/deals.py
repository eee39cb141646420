"""Deals: list with filters, get, create, partial update (stage moves), delete."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Query

from mailtrixy_sandbox import auth, clock, serializers, validation
from mailtrixy_sandbox.errors import FieldErrors, NotFound
from mailtrixy_sandbox.routes.common import POST_ERRORS, Paging, errors, message, ok, paging
from mailtrixy_sandbox.schemas import (
    Deal,
    DealCreate,
    DealSummary,
    DealUpdate,
    Envelope,
    Message,
    Page,
)
from mailtrixy_sandbox.state import SandboxState, get_state

router = APIRouter(tags=["deals"], dependencies=[Depends(auth.require("deals"))])

WORKSPACE_CURRENCY = "USD"
MAX_VALUE = Decimal("1e13")


def _load(state: SandboxState, deal_id: int) -> Any:
    row = state.db.one(serializers.DEAL_SELECT + " WHERE d.id = ?", (deal_id,))
    if row is None:
        raise NotFound("Deal")
    return row


def _value(fe: FieldErrors, value: float | int | None) -> str | None:
    if value is None:
        fe.add("value", "The value field is required.")
        return None
    amount = Decimal(str(value))
    if not amount.is_finite() or amount < 0 or amount >= MAX_VALUE:
        fe.add("value", "The value must be a number from 0 up to 10,000,000,000,000.")
        return None
    return str(amount.quantize(Decimal("0.01")).normalize()) if amount % 1 else str(int(amount))


def _emit_stage(state: SandboxState, before: str | None, row: Any) -> None:
    data = serializers.deal(row, full=True)
    if before is None:
        state.webhooks.emit("deal.created", data)
        return
    if before == row["stage"]:
        return
    state.webhooks.emit("deal.stage_changed", {**data, "previous_stage": before})
    if row["stage"] in ("won", "lost"):
        state.webhooks.emit(f"deal.{row['stage']}", data)


@router.get("/deals", response_model=Page[DealSummary], responses=errors(), summary="List deals")
async def list_deals(
    paging: Paging = Depends(paging),
    stage: str | None = Query(
        None, description="lead, qualified, proposal, negotiation, won, lost"
    ),
    assignee_id: int | None = Query(None, description="Filter by assigned team member"),
    contact_id: int | None = Query(None, description="Filter by associated contact"),
    state: SandboxState = Depends(get_state),
) -> dict[str, Any]:
    fe = FieldErrors()
    validation.stage(fe, "stage", stage)
    fe.raise_if_any()
    where: list[str] = []
    params: list[Any] = []
    for column, value in (
        ("d.stage", stage),
        ("d.assignee_id", assignee_id),
        ("d.contact_id", contact_id),
    ):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if paging.updated_since:
        where.append("d.updated_at >= ?")
        params.append(paging.updated_since)
    sql_where = (" WHERE " + " AND ".join(where)) if where else ""
    total = state.db.scalar(f"SELECT COUNT(*) FROM deals d{sql_where}", params)
    rows = state.db.all(
        f"{serializers.DEAL_SELECT}{sql_where} ORDER BY d.id LIMIT ? OFFSET ?",
        [*params, paging.per_page, paging.offset],
    )
    return ok([serializers.deal(r, full=False) for r in rows], paging.meta(int(total)))


@router.get(
    "/deals/{deal_id}",
    response_model=Envelope[Deal],
    responses=errors(404),
    summary="Get a deal with its notes",
)
async def get_deal(deal_id: int, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    return ok(serializers.deal(_load(state, deal_id), full=True))


@router.post(
    "/deals",
    status_code=201,
    response_model=Envelope[Deal],
    responses=errors(*POST_ERRORS),
    summary="Create a deal",
)
async def create_deal(body: DealCreate, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    db = state.db
    fe = FieldErrors()
    title = validation.required_text(fe, "title", body.title)
    value = _value(fe, body.value)
    currency = validation.currency(fe, "currency", body.currency) or WORKSPACE_CURRENCY
    stage = validation.stage(fe, "stage", body.stage) or "lead"
    contact_id = validation.existing_id(
        db, fe, "contact_id", "contacts", body.contact_id, "contact"
    )
    assignee_id = validation.existing_id(
        db, fe, "assignee_id", "team_members", body.assignee_id, "team member"
    )
    close = validation.ymd(fe, "expected_close_date", body.expected_close_date)
    notes = validation.optional_text(fe, "notes", body.notes, max_length=20_000)
    fe.raise_if_any()
    now = clock.now_iso()
    with db.transaction():
        cursor = db.execute(
            "INSERT INTO deals(title, value, currency, stage, contact_id, assignee_id, "
            "expected_close_date, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (title, value, currency, stage, contact_id, assignee_id, close, notes, now, now),
        )
        row = _load(state, int(cursor.lastrowid or 0))
        _emit_stage(state, None, row)
    return ok(serializers.deal(row, full=True))


@router.put(
    "/deals/{deal_id}",
    response_model=Envelope[Deal],
    responses=errors(400, 404),
    summary="Update a deal (partial); a new stage moves it in the pipeline",
)
async def update_deal(
    deal_id: int, body: DealUpdate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    db = state.db
    before = _load(state, deal_id)
    given = body.model_fields_set
    fe = FieldErrors()
    changes: dict[str, Any] = {}
    if "title" in given:
        changes["title"] = validation.required_text(fe, "title", body.title)
    if "value" in given:
        changes["value"] = _value(fe, body.value)
    if "currency" in given:
        if body.currency is None:
            fe.add("currency", "The currency must be an ISO 4217 code such as USD or EUR.")
        changes["currency"] = validation.currency(fe, "currency", body.currency)
    if "stage" in given:
        if body.stage is None:
            fe.add(
                "stage",
                "The stage must be one of: lead, qualified, proposal, negotiation, won, lost.",
            )
        changes["stage"] = validation.stage(fe, "stage", body.stage)
    if "contact_id" in given:
        if body.contact_id is None:
            fe.add("contact_id", "The contact id field is required.")
        changes["contact_id"] = validation.existing_id(
            db, fe, "contact_id", "contacts", body.contact_id, "contact"
        )
    if "assignee_id" in given:
        changes["assignee_id"] = validation.existing_id(
            db, fe, "assignee_id", "team_members", body.assignee_id, "team member"
        )
    if "expected_close_date" in given:
        changes["expected_close_date"] = validation.ymd(
            fe, "expected_close_date", body.expected_close_date
        )
    if "notes" in given:
        changes["notes"] = validation.optional_text(fe, "notes", body.notes, max_length=20_000)
    fe.raise_if_any()
    if not changes:
        return ok(serializers.deal(before, full=True))
    with db.transaction():
        changes["updated_at"] = clock.now_iso()
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(f"UPDATE deals SET {assignments} WHERE id = ?", [*changes.values(), deal_id])
        row = _load(state, deal_id)
        _emit_stage(state, before["stage"], row)
    return ok(serializers.deal(row, full=True))


@router.delete(
    "/deals/{deal_id}",
    response_model=Envelope[Message],
    responses=errors(404),
    summary="Delete a deal",
)
async def delete_deal(deal_id: int, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    _load(state, deal_id)
    state.db.execute("DELETE FROM deals WHERE id = ?", (deal_id,))
    return message("Deal deleted successfully.")
