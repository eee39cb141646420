"""Campaigns: list, get, create (draft or scheduled), update, send or resume, delete drafts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from mailtrixy_sandbox import auth, campaigns, clock, serializers, validation
from mailtrixy_sandbox.db import Database, dumps, loads
from mailtrixy_sandbox.errors import Conflict, FieldErrors, NotFound
from mailtrixy_sandbox.routes.common import POST_ERRORS, Paging, errors, message, ok, paging
from mailtrixy_sandbox.schemas import (
    Campaign,
    CampaignCreate,
    CampaignUpdate,
    EmailAccount,
    Envelope,
    Message,
    Page,
)
from mailtrixy_sandbox.state import SandboxState, get_state

router = APIRouter(tags=["campaigns"], dependencies=[Depends(auth.require("campaigns"))])

STATUSES = ("draft", "scheduled", "sending", "sent", "paused")
EDITABLE = ("draft", "scheduled")


def _load(state: SandboxState, campaign_id: int) -> Any:
    row = campaigns.load(state.db, campaign_id)
    if row is None:
        raise NotFound("Campaign")
    return row


def _serialize(db: Database, row: Any, *, full: bool) -> dict[str, Any]:
    """The campaign as JSON; before it is sent, its recipients are counted as of now."""
    item = serializers.campaign(row, full=full)
    if row["status"] in EDITABLE:
        item["recipients_count"] = campaigns.recipients_count(
            db, loads(row["recipient_groups"], [])
        )
    return item


def _check_sender(
    db: Database, fe: FieldErrors, from_email: str | None, account_id: int | None
) -> None:
    """The from address must belong to a verified account's domain."""
    if account_id is None:
        return
    account = db.one("SELECT email, verified FROM email_accounts WHERE id = ?", (account_id,))
    if account is None:
        fe.add("email_account_id", f"Unknown email account id: {account_id}.")
        return
    if not account["verified"]:
        fe.add("email_account_id", "This email account is not verified yet.")
        return
    if (
        from_email
        and from_email.rsplit("@", 1)[-1].lower() != account["email"].rsplit("@", 1)[-1].lower()
    ):
        fe.add(
            "from_email",
            "The from email must use the verified domain of the email account ("
            + account["email"].rsplit("@", 1)[-1]
            + ").",
        )


@router.get(
    "/campaigns",
    response_model=Page[Campaign],
    response_model_exclude_unset=True,
    responses=errors(),
    summary="List campaigns with delivery statistics",
)
async def list_campaigns(
    paging: Paging = Depends(paging),
    status: str | None = Query(None, description="draft, scheduled, sending, sent, paused"),
    state: SandboxState = Depends(get_state),
) -> dict[str, Any]:
    where: list[str] = []
    params: list[Any] = []
    if status is not None:
        if status not in STATUSES:
            fe = FieldErrors()
            fe.add("status", "The status must be one of: " + ", ".join(STATUSES) + ".")
            fe.raise_if_any()
        where.append("status = ?")
        params.append(status)
    if paging.updated_since:
        where.append("updated_at >= ?")
        params.append(paging.updated_since)
    sql_where = (" WHERE " + " AND ".join(where)) if where else ""
    total = state.db.scalar(f"SELECT COUNT(*) FROM campaigns{sql_where}", params)
    rows = state.db.all(
        f"SELECT * FROM campaigns{sql_where} ORDER BY id DESC LIMIT ? OFFSET ?",
        [*params, paging.per_page, paging.offset],
    )
    return ok([_serialize(state.db, r, full=False) for r in rows], paging.meta(int(total)))


@router.get(
    "/campaigns/{campaign_id}",
    response_model=Envelope[Campaign],
    response_model_exclude_unset=True,
    responses=errors(404),
    summary="Get a campaign",
)
async def get_campaign(
    campaign_id: int, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    return ok(_serialize(state.db, _load(state, campaign_id), full=True))


@router.post(
    "/campaigns",
    status_code=201,
    response_model=Envelope[Campaign],
    response_model_exclude_unset=True,
    responses=errors(*POST_ERRORS),
    summary="Create a campaign (draft, or scheduled with schedule_at)",
)
async def create_campaign(
    body: CampaignCreate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    db = state.db
    fe = FieldErrors()
    name = validation.required_text(fe, "name", body.name)
    subject = validation.required_text(fe, "subject", body.subject, max_length=998)
    from_email = validation.email(fe, "from_email", body.from_email)
    from_name = validation.required_text(fe, "from_name", body.from_name)
    html = validation.required_text(fe, "body_html", body.body_html, max_length=2_000_000)
    groups = validation.existing_ids(
        db, fe, "recipient_groups", "contact_groups", body.recipient_groups, "contact group"
    )
    if not body.recipient_groups:
        fe.add("recipient_groups", "Choose at least one contact group.")
    _check_sender(db, fe, from_email, body.email_account_id)
    schedule_at = validation.future_datetime(fe, "schedule_at", body.schedule_at)
    fe.raise_if_any()
    now = clock.now_iso()
    with db.transaction():
        cursor = db.execute(
            "INSERT INTO campaigns(name, subject, status, from_email, from_name, body_html, "
            "recipient_groups, email_account_id, recipients_count, schedule_at, created_at, "
            "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                name,
                subject,
                "scheduled" if schedule_at else "draft",
                from_email,
                from_name,
                html,
                dumps(groups),
                body.email_account_id,
                campaigns.recipients_count(db, groups),
                schedule_at,
                now,
                now,
            ),
        )
        row = campaigns.load(db, int(cursor.lastrowid or 0))
    return ok(serializers.campaign(row, full=True))


@router.put(
    "/campaigns/{campaign_id}",
    response_model=Envelope[Campaign],
    response_model_exclude_unset=True,
    responses=errors(400, 404, 409),
    summary="Update a draft or scheduled campaign (partial)",
)
async def update_campaign(
    campaign_id: int, body: CampaignUpdate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    db = state.db
    row = _load(state, campaign_id)
    if row["status"] not in EDITABLE:
        raise Conflict(f"A {row['status']} campaign can no longer be edited.")
    given = body.model_fields_set
    fe = FieldErrors()
    changes: dict[str, Any] = {}
    for field in ("name", "from_name"):
        if field in given:
            changes[field] = validation.required_text(fe, field, getattr(body, field))
    if "subject" in given:
        changes["subject"] = validation.required_text(fe, "subject", body.subject, max_length=998)
    if "body_html" in given:
        changes["body_html"] = validation.required_text(
            fe, "body_html", body.body_html, max_length=2_000_000
        )
    if "from_email" in given:
        changes["from_email"] = validation.email(fe, "from_email", body.from_email)
    if "email_account_id" in given:
        if body.email_account_id is None:
            fe.add("email_account_id", "The email account id field is required.")
        changes["email_account_id"] = body.email_account_id
    if "from_email" in given or "email_account_id" in given:
        _check_sender(
            db,
            fe,
            changes.get("from_email", row["from_email"]),
            changes.get("email_account_id", row["email_account_id"]),
        )
    if "recipient_groups" in given:
        groups = validation.existing_ids(
            db, fe, "recipient_groups", "contact_groups", body.recipient_groups, "contact group"
        )
        if not body.recipient_groups:
            fe.add("recipient_groups", "Choose at least one contact group.")
        changes["recipient_groups"] = dumps(groups)
        changes["recipients_count"] = campaigns.recipients_count(db, groups)
    if "schedule_at" in given:
        schedule_at = validation.future_datetime(fe, "schedule_at", body.schedule_at)
        changes["schedule_at"] = schedule_at
        changes["status"] = "scheduled" if schedule_at else "draft"
    fe.raise_if_any()
    with db.transaction():
        changes["updated_at"] = clock.now_iso()
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(
            f"UPDATE campaigns SET {assignments} WHERE id = ?", [*changes.values(), campaign_id]
        )
    return ok(_serialize(state.db, _load(state, campaign_id), full=True))


@router.post(
    "/campaigns/{campaign_id}/send",
    response_model=Envelope[Campaign],
    response_model_exclude_unset=True,
    responses=errors(404, *POST_ERRORS),
    summary="Send a draft or scheduled campaign now, or resume a paused one",
)
async def send_campaign(
    campaign_id: int, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    row = _load(state, campaign_id)
    if row["status"] == "paused":
        # Carries on where it stopped: statistics kept, no second campaign.sent.
        campaigns.resume_sending(state.db, state.webhooks, campaign_id)
    elif row["status"] in EDITABLE:
        campaigns.start_sending(state.db, state.webhooks, campaign_id)
    else:
        raise Conflict(f"A {row['status']} campaign cannot be sent again.")
    return ok(_serialize(state.db, _load(state, campaign_id), full=True))


@router.delete(
    "/campaigns/{campaign_id}",
    response_model=Envelope[Message],
    responses=errors(404, 409),
    summary="Delete a draft campaign",
)
async def delete_campaign(
    campaign_id: int, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    row = _load(state, campaign_id)
    if row["status"] != "draft":
        raise Conflict("Only draft campaigns can be deleted.")
    state.db.execute("DELETE FROM campaigns WHERE id = ?", (campaign_id,))
    return message("Campaign deleted successfully.")


@router.get(
    "/email-accounts",
    response_model=Envelope[list[EmailAccount]],
    responses=errors(),
    summary="Connected email accounts a campaign can be sent from",
)
async def list_email_accounts(state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    rows = state.db.all("SELECT * FROM email_accounts ORDER BY id")
    return ok(
        [
            {"id": r["id"], "email": r["email"], "name": r["name"], "verified": bool(r["verified"])}
            for r in rows
        ]
    )
