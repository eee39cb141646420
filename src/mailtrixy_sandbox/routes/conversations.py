"""Conversations: list with filters, get, status and assignee, thread, reply."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from fastapi import APIRouter, Depends, Query

from mailtrixy_sandbox import auth, clock, conversations, serializers, validation
from mailtrixy_sandbox.auth import Principal
from mailtrixy_sandbox.db import dumps
from mailtrixy_sandbox.errors import FieldErrors, NotFound
from mailtrixy_sandbox.routes.common import POST_ERRORS, Paging, errors, ok, paging
from mailtrixy_sandbox.schemas import (
    Conversation,
    ConversationMessage,
    ConversationUpdate,
    Envelope,
    Page,
    ReplyCreate,
)
from mailtrixy_sandbox.state import SandboxState, get_state

router = APIRouter(tags=["conversations"])
needs_scope = auth.require("conversations")

STATUSES = ("open", "closed", "snoozed", "all")


def _load(state: SandboxState, conversation_id: int) -> Any:
    row = conversations.load(state.db, conversation_id)
    if row is None:
        raise NotFound("Conversation")
    return row


@router.get(
    "/conversations",
    response_model=Page[Conversation],
    # last_message only when asked for: the reference's shape otherwise.
    response_model_exclude_unset=True,
    responses=errors(),
    dependencies=[Depends(needs_scope)],
    summary="List conversations",
)
async def list_conversations(
    paging: Paging = Depends(paging),
    status: str = Query("all", description="open, closed, snoozed, all"),
    assignee_id: int | None = Query(None, description="Filter by assigned team member ID"),
    contact_id: int | None = Query(None, description="Filter by contact ID"),
    label: str | None = Query(None, description="Filter by conversation label"),
    include: str | None = Query(
        None, description="Comma-separated extras for each item: last_message"
    ),
    state: SandboxState = Depends(get_state),
) -> dict[str, Any]:
    extras = {p.strip() for p in (include or "").split(",") if p.strip()}
    if extras - {"last_message"}:
        fe = FieldErrors()
        fe.add("include", "Unknown include: " + ", ".join(sorted(extras - {"last_message"})) + ".")
        fe.raise_if_any()
    if status not in STATUSES:
        fe = FieldErrors()
        fe.add("status", "The status must be one of: " + ", ".join(STATUSES) + ".")
        fe.raise_if_any()
    where: list[str] = []
    params: list[Any] = []
    if status != "all":
        where.append("cv.status = ?")
        params.append(status)
    if assignee_id is not None:
        where.append("cv.assignee_id = ?")
        params.append(assignee_id)
    if contact_id is not None:
        where.append("cv.contact_id = ?")
        params.append(contact_id)
    if label:
        where.append("EXISTS (SELECT 1 FROM json_each(cv.labels) WHERE json_each.value = ?)")
        params.append(label)
    if paging.updated_since:
        where.append("cv.updated_at >= ?")
        params.append(paging.updated_since)
    sql_where = (" WHERE " + " AND ".join(where)) if where else ""
    total = state.db.scalar(f"SELECT COUNT(*) FROM conversations cv{sql_where}", params)
    rows = state.db.all(
        f"{serializers.CONVERSATION_SELECT}{sql_where} ORDER BY cv.id LIMIT ? OFFSET ?",
        [*params, paging.per_page, paging.offset],
    )
    items = [serializers.conversation(r) for r in rows]
    if "last_message" in extras:
        previews = serializers.last_messages(state.db, [item["id"] for item in items])
        for item in items:
            item["last_message"] = previews.get(item["id"])
    return ok(items, paging.meta(int(total)))


@router.get(
    "/conversations/{conversation_id}",
    response_model=Envelope[Conversation],
    response_model_exclude_unset=True,  # last_message is a list extra
    responses=errors(404),
    dependencies=[Depends(needs_scope)],
    summary="Get a conversation",
)
async def get_conversation(
    conversation_id: int, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    return ok(serializers.conversation(_load(state, conversation_id)))


@router.put(
    "/conversations/{conversation_id}",
    response_model=Envelope[Conversation],
    response_model_exclude_unset=True,  # last_message is a list extra
    responses=errors(400, 404),
    dependencies=[Depends(needs_scope)],
    summary="Change a conversation's status, assignee or labels",
)
async def update_conversation(
    conversation_id: int, body: ConversationUpdate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    db = state.db
    row = _load(state, conversation_id)
    given = body.model_fields_set
    fe = FieldErrors()
    changes: dict[str, Any] = {}
    if "status" in given:
        if body.status is None:
            fe.add("status", "The status must be one of: open, closed, snoozed.")
        else:
            changes["status"] = body.status
            if body.status != "snoozed":
                changes["snoozed_until"] = None
    if "snoozed_until" in given and body.snoozed_until is not None:
        # A time without an offset is UTC, as everywhere else in the API.
        until = body.snoozed_until
        if until.tzinfo is None:
            until = until.replace(tzinfo=UTC)
        if (body.status or row["status"]) != "snoozed":
            fe.add("snoozed_until", "Only a snoozed conversation has a snooze time.")
        elif until <= clock.now():
            fe.add("snoozed_until", "The snoozed until must be in the future.")
        else:
            changes["snoozed_until"] = clock.to_iso(until)
    if "assignee_id" in given:
        changes["assignee_id"] = validation.existing_id(
            db, fe, "assignee_id", "team_members", body.assignee_id, "team member"
        )
    if "labels" in given:
        labels = [label.strip() for label in body.labels or [] if label.strip()]
        changes["labels"] = dumps(list(dict.fromkeys(labels)))
    fe.raise_if_any()
    if not changes:
        return ok(serializers.conversation(row))
    with db.transaction():
        changes["updated_at"] = clock.now_iso()
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(
            f"UPDATE conversations SET {assignments} WHERE id = ?",
            [*changes.values(), conversation_id],
        )
        updated = _load(state, conversation_id)
        if changes.get("status") == "closed" and row["status"] != "closed":
            state.webhooks.emit("conversation.closed", serializers.conversation(updated))
    return ok(serializers.conversation(updated))


@router.get(
    "/conversations/{conversation_id}/messages",
    response_model=Page[ConversationMessage],
    responses=errors(404),
    dependencies=[Depends(needs_scope)],
    summary="The conversation's messages, oldest first",
)
async def list_messages(
    conversation_id: int, paging: Paging = Depends(paging), state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    _load(state, conversation_id)
    where = "ms.conversation_id = ?"
    params: list[Any] = [conversation_id]
    if paging.updated_since:
        where += " AND ms.created_at >= ?"
        params.append(paging.updated_since)
    total = state.db.scalar(f"SELECT COUNT(*) FROM messages ms WHERE {where}", params)
    rows = state.db.all(
        f"{serializers.MESSAGE_SELECT} WHERE {where} ORDER BY ms.id LIMIT ? OFFSET ?",
        [*params, paging.per_page, paging.offset],
    )
    return ok([serializers.message(r) for r in rows], paging.meta(int(total)))


@router.post(
    "/conversations/{conversation_id}/reply",
    status_code=201,
    response_model=Envelope[ConversationMessage],
    responses=errors(404, *POST_ERRORS),
    summary="Reply to a conversation",
)
async def reply(
    conversation_id: int,
    body: ReplyCreate,
    principal: Principal = Depends(needs_scope),
    state: SandboxState = Depends(get_state),
) -> dict[str, Any]:
    db = state.db
    _load(state, conversation_id)
    fe = FieldErrors()
    html = validation.required_text(fe, "body_html", body.body_html, max_length=1_000_000)
    cc = validation.email_list(fe, "cc", body.cc)
    bcc = validation.email_list(fe, "bcc", body.bcc)
    if body.attachments:
        fe.add("attachments", "The sandbox does not accept attachments.")
    fe.raise_if_any()
    with db.transaction():
        message_id = conversations.add_message(
            db,
            conversation_id,
            direction="outbound",
            body_html=html,
            body_text=conversations.html_to_text(html or ""),
            sender_member_id=principal.member_id,
            cc=cc,
            bcc=bcc,
        )
        data = serializers.message(conversations.load_message(db, message_id))
        state.webhooks.emit("conversation.replied", data)
    return ok(data)
