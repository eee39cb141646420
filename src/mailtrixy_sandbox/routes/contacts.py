"""Contacts: list with search and filters, get, create, partial update, delete."""

from __future__ import annotations

import unicodedata
from typing import Any

from fastapi import APIRouter, Depends, Query

from mailtrixy_sandbox import auth, clock, serializers, validation
from mailtrixy_sandbox.db import dumps, like_pattern, loads
from mailtrixy_sandbox.errors import FieldErrors, NotFound
from mailtrixy_sandbox.routes.common import POST_ERRORS, Paging, errors, message, ok, paging
from mailtrixy_sandbox.schemas import (
    Contact,
    ContactCreate,
    ContactSummary,
    ContactUpdate,
    Envelope,
    Message,
    Page,
)
from mailtrixy_sandbox.state import SandboxState, get_state
from mailtrixy_sandbox.tagging import set_contact_groups, set_contact_tags

router = APIRouter(tags=["contacts"], dependencies=[Depends(auth.require("contacts"))])

INCLUDABLE = frozenset({"groups", "custom_fields"})


def search_clause(search: str) -> tuple[str, list[Any]]:
    """Name, email or company containing ``search``, case-insensitively."""
    # "ë" typed as "e" plus a combining diaeresis is the same text as the stored "ë".
    search = unicodedata.normalize("NFC", search)
    if search.isascii():  # SQLite's LIKE folds ASCII case itself, and quickly
        pattern = like_pattern(search)
        return (
            "(c.name LIKE ? ESCAPE '\\' OR c.email LIKE ? ESCAPE '\\' "
            "OR c.company LIKE ? ESCAPE '\\')",
            [pattern] * 3,
        )
    pattern = like_pattern(search.casefold())
    return (
        "(fold(c.name) LIKE ? ESCAPE '\\' OR fold(c.email) LIKE ? ESCAPE '\\' "
        "OR fold(c.company) LIKE ? ESCAPE '\\')",
        [pattern] * 3,
    )


def load_contact(state: SandboxState, contact_id: int) -> Any:
    row = state.db.one("SELECT * FROM contacts c WHERE id = ?", (contact_id,))
    if row is None:
        raise NotFound("Contact")
    return row


@router.get(
    "/contacts",
    response_model=Page[ContactSummary],
    response_model_exclude_unset=True,
    responses=errors(),
    summary="List contacts",
)
async def list_contacts(
    paging: Paging = Depends(paging),
    search: str | None = Query(None, description="Search by name, email, or company"),
    tag: str | None = Query(None, description="Filter by tag name"),
    group_id: int | None = Query(None, description="Filter by contact group ID"),
    include: str | None = Query(
        None, description="Comma-separated extras for each item: groups, custom_fields"
    ),
    state: SandboxState = Depends(get_state),
) -> dict[str, Any]:
    where: list[str] = []
    params: list[Any] = []
    if search:
        clause, values = search_clause(search)
        where.append(clause)
        params += values
    if tag:
        where.append(
            "c.id IN (SELECT ct.contact_id FROM contact_tags ct "
            "JOIN tags t ON t.id = ct.tag_id WHERE t.name = lower(?))"
        )
        params.append(tag)
    if group_id is not None:
        where.append("c.id IN (SELECT contact_id FROM group_members WHERE group_id = ?)")
        params.append(group_id)
    if paging.updated_since:
        where.append("c.updated_at >= ?")
        params.append(paging.updated_since)
    sql_where = (" WHERE " + " AND ".join(where)) if where else ""
    extras = frozenset(p.strip() for p in (include or "").split(",") if p.strip())
    unknown = extras - INCLUDABLE
    if unknown:
        fe = FieldErrors()
        fe.add("include", "Unknown include: " + ", ".join(sorted(unknown)) + ".")
        fe.raise_if_any()
    total = state.db.scalar(f"SELECT COUNT(*) FROM contacts c{sql_where}", params)
    rows = state.db.all(
        f"SELECT c.* FROM contacts c{sql_where} ORDER BY c.id LIMIT ? OFFSET ?",
        [*params, paging.per_page, paging.offset],
    )
    return ok(serializers.contact_summaries(state.db, rows, extras), paging.meta(int(total)))


@router.get(
    "/contacts/{contact_id}",
    response_model=Envelope[Contact],
    responses=errors(404),
    summary="Get a contact with groups, custom fields and conversation figures",
)
async def get_contact(contact_id: int, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    return ok(serializers.contact_full(state.db, load_contact(state, contact_id)))


def _check_custom_fields(fe: FieldErrors, fields: dict[str, Any] | None) -> None:
    if any(not key or len(key) > 64 for key in fields or {}):
        fe.add("custom_fields", "Custom field names are 1 to 64 characters.")


def _email_taken(state: SandboxState, email: str, except_id: int | None = None) -> bool:
    """Whether another contact has ``email``, compared case-insensitively.

    The column's NOCASE collation folds ASCII only, so an address with other
    letters ("ZOË@…" against "zoë@…") is compared by Unicode case folding.
    """
    if email.isascii():
        sql = "SELECT id FROM contacts WHERE email = ? COLLATE NOCASE AND id IS NOT ? LIMIT 1"
        return state.db.one(sql, (email, except_id)) is not None
    sql = "SELECT id FROM contacts WHERE fold(email) = ? AND id IS NOT ? LIMIT 1"
    return state.db.one(sql, (email.casefold(), except_id)) is not None


@router.post(
    "/contacts",
    status_code=201,
    response_model=Envelope[Contact],
    responses=errors(*POST_ERRORS),
    summary="Create a contact",
)
async def create_contact(
    body: ContactCreate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    db = state.db
    fe = FieldErrors()
    name = validation.required_text(fe, "name", body.name)
    email = validation.email(fe, "email", body.email)
    if email and _email_taken(state, email):
        fe.add("email", "The email has already been taken.")
    company = validation.optional_text(fe, "company", body.company)
    phone = validation.optional_text(fe, "phone", body.phone, max_length=50)
    tags = [
        t
        for i, t in enumerate(body.tags or [])
        if validation.tag_name(fe, f"tags.{i}", t) is not None
    ]
    group_ids = validation.existing_ids(
        db, fe, "group_ids", "contact_groups", body.group_ids, "contact group"
    )
    _check_custom_fields(fe, body.custom_fields)
    fe.raise_if_any()
    now = clock.now_iso()
    custom = {k: v for k, v in (body.custom_fields or {}).items() if v is not None}
    with db.transaction():
        cursor = db.execute(
            "INSERT INTO contacts(name, email, company, phone, custom_fields, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (name, email, company, phone, dumps(custom), now, now),
        )
        contact_id = int(cursor.lastrowid or 0)
        set_contact_tags(db, contact_id, tags)
        set_contact_groups(db, contact_id, group_ids)
        row = load_contact(state, contact_id)
        state.webhooks.emit("contact.created", serializers.contact_event_data(db, row))
    return ok(serializers.contact_full(db, row))


@router.put(
    "/contacts/{contact_id}",
    response_model=Envelope[Contact],
    responses=errors(400, 404),
    summary="Update a contact (partial)",
)
async def update_contact(
    contact_id: int, body: ContactUpdate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    db = state.db
    row = load_contact(state, contact_id)
    given = body.model_fields_set
    if not given:  # nothing provided, so nothing changes: updated_at stays, no webhook
        return ok(serializers.contact_full(db, row))
    fe = FieldErrors()
    changes: dict[str, Any] = {}
    if "name" in given:
        changes["name"] = validation.required_text(fe, "name", body.name)
    if "email" in given:
        email = validation.email(fe, "email", body.email)
        if email and _email_taken(state, email, except_id=contact_id):
            fe.add("email", "The email has already been taken.")
        changes["email"] = email
    if "company" in given:
        changes["company"] = validation.optional_text(fe, "company", body.company)
    if "phone" in given:
        changes["phone"] = validation.optional_text(fe, "phone", body.phone, max_length=50)
    tags: list[str] | None = None
    if "tags" in given:
        tags = [
            t
            for i, t in enumerate(body.tags or [])
            if validation.tag_name(fe, f"tags.{i}", t) is not None
        ]
    group_ids: list[int] | None = None
    if "group_ids" in given:
        group_ids = validation.existing_ids(
            db, fe, "group_ids", "contact_groups", body.group_ids, "contact group"
        )
    if "custom_fields" in given:
        _check_custom_fields(fe, body.custom_fields)
        merged = dict(loads(row["custom_fields"], {}))
        for key, value in (body.custom_fields or {}).items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = value
        changes["custom_fields"] = dumps(merged)
    fe.raise_if_any()
    with db.transaction():
        changes["updated_at"] = clock.now_iso()
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(
            f"UPDATE contacts SET {assignments} WHERE id = ?", [*changes.values(), contact_id]
        )
        if "name" in changes or "email" in changes:
            # Conversations and deals show the contact's name and email.
            for table in ("conversations", "deals"):
                db.execute(
                    f"UPDATE {table} SET updated_at = ? WHERE contact_id = ?",
                    (changes["updated_at"], contact_id),
                )
        if tags is not None:
            set_contact_tags(db, contact_id, tags)
        if group_ids is not None:
            set_contact_groups(db, contact_id, group_ids)
        row = load_contact(state, contact_id)
        state.webhooks.emit("contact.updated", serializers.contact_event_data(db, row))
    return ok(serializers.contact_full(db, row))


@router.delete(
    "/contacts/{contact_id}",
    response_model=Envelope[Message],
    responses=errors(404),
    summary="Delete a contact and all associated data",
)
async def delete_contact(
    contact_id: int, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    db = state.db
    row = load_contact(state, contact_id)
    data = serializers.contact_event_data(db, row)
    with db.transaction():
        # Conversations, messages, deals, tag links and memberships go by cascade.
        db.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
        state.webhooks.emit("contact.deleted", data)
    return message("Contact deleted successfully.")
