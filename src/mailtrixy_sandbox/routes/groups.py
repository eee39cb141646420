"""Contact groups and their members."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends

from mailtrixy_sandbox import auth, clock, serializers, validation
from mailtrixy_sandbox.errors import FieldErrors, NotFound
from mailtrixy_sandbox.routes.common import POST_ERRORS, Paging, errors, message, ok, paging
from mailtrixy_sandbox.schemas import (
    ContactSummary,
    Envelope,
    Group,
    GroupCreate,
    GroupUpdate,
    MemberIds,
    MembersAdded,
    MembersRemoved,
    Message,
    Page,
)
from mailtrixy_sandbox.state import SandboxState, get_state

router = APIRouter(tags=["contact groups"], dependencies=[Depends(auth.require("contacts"))])


def _load(state: SandboxState, group_id: int) -> Any:
    row = state.db.one(serializers.GROUP_SELECT + " WHERE g.id = ?", (group_id,))
    if row is None:
        raise NotFound("Contact group")
    return row


def _members_count(state: SandboxState, group_id: int) -> int:
    return int(
        state.db.scalar("SELECT COUNT(*) FROM group_members WHERE group_id = ?", (group_id,)) or 0
    )


def _members_among(state: SandboxState, group_id: int, contact_ids: list[int]) -> set[int]:
    """Which of ``contact_ids`` are members of the group now."""
    if not contact_ids:
        return set()
    rows = state.db.all(
        f"SELECT contact_id FROM group_members WHERE group_id = ? AND contact_id IN "
        f"({','.join('?' * len(contact_ids))})",
        [group_id, *contact_ids],
    )
    return {int(row[0]) for row in rows}


def _touch_contacts(state: SandboxState, contact_ids: list[int]) -> None:
    """Membership shows on the contact, so the contact counts as updated."""
    if contact_ids:
        state.db.execute(
            f"UPDATE contacts SET updated_at = ? WHERE id IN ({','.join('?' * len(contact_ids))})",
            [clock.now_iso(), *contact_ids],
        )


@router.get(
    "/contact-groups",
    response_model=Envelope[list[Group]],
    responses=errors(),
    summary="List contact groups with member counts",
)
async def list_groups(state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    rows = state.db.all(serializers.GROUP_SELECT + " ORDER BY g.id")
    return ok([serializers.group(r) for r in rows])


@router.get(
    "/contact-groups/{group_id}",
    response_model=Envelope[Group],
    responses=errors(404),
    summary="Get a contact group",
)
async def get_group(group_id: int, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    return ok(serializers.group(_load(state, group_id)))


@router.post(
    "/contact-groups",
    status_code=201,
    response_model=Envelope[Group],
    responses=errors(*POST_ERRORS),
    summary="Create a contact group",
)
async def create_group(
    body: GroupCreate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    fe = FieldErrors()
    name = validation.required_text(fe, "name", body.name)
    description = validation.optional_text(fe, "description", body.description, max_length=1000)
    fe.raise_if_any()
    now = clock.now_iso()
    cursor = state.db.execute(
        "INSERT INTO contact_groups(name, description, created_at, updated_at) VALUES (?,?,?,?)",
        (name, description, now, now),
    )
    return ok(serializers.group(_load(state, int(cursor.lastrowid or 0))))


@router.put(
    "/contact-groups/{group_id}",
    response_model=Envelope[Group],
    responses=errors(400, 404),
    summary="Rename or describe a contact group",
)
async def update_group(
    group_id: int, body: GroupUpdate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    _load(state, group_id)
    given = body.model_fields_set
    fe = FieldErrors()
    changes: dict[str, Any] = {}
    if "name" in given:
        changes["name"] = validation.required_text(fe, "name", body.name)
    if "description" in given:
        changes["description"] = validation.optional_text(
            fe, "description", body.description, max_length=1000
        )
    fe.raise_if_any()
    changes["updated_at"] = clock.now_iso()
    assignments = ", ".join(f"{column} = ?" for column in changes)
    with state.db.transaction():
        state.db.execute(
            f"UPDATE contact_groups SET {assignments} WHERE id = ?", [*changes.values(), group_id]
        )
        if "name" in changes:  # members show the group's name, so they changed too
            state.db.execute(
                "UPDATE contacts SET updated_at = ? WHERE id IN "
                "(SELECT contact_id FROM group_members WHERE group_id = ?)",
                (changes["updated_at"], group_id),
            )
    return ok(serializers.group(_load(state, group_id)))


@router.delete(
    "/contact-groups/{group_id}",
    response_model=Envelope[Message],
    responses=errors(404),
    summary="Delete a group; its members stay",
)
async def delete_group(group_id: int, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    _load(state, group_id)
    with state.db.transaction():
        members = [
            r[0]
            for r in state.db.all(
                "SELECT contact_id FROM group_members WHERE group_id = ?", (group_id,)
            )
        ]
        _touch_contacts(state, members)
        state.db.execute("DELETE FROM contact_groups WHERE id = ?", (group_id,))
    return message("Contact group deleted successfully.")


@router.get(
    "/contact-groups/{group_id}/members",
    response_model=Page[ContactSummary],
    response_model_exclude_unset=True,
    responses=errors(404),
    summary="The group's contacts (paginated)",
)
async def list_members(
    group_id: int, paging: Paging = Depends(paging), state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    _load(state, group_id)
    where = "gm.group_id = ?"
    params: list[Any] = [group_id]
    if paging.updated_since:
        where += " AND c.updated_at >= ?"
        params.append(paging.updated_since)
    join = "FROM group_members gm JOIN contacts c ON c.id = gm.contact_id"
    total = state.db.scalar(f"SELECT COUNT(*) {join} WHERE {where}", params)
    rows = state.db.all(
        f"SELECT c.* {join} WHERE {where} ORDER BY c.id LIMIT ? OFFSET ?",
        [*params, paging.per_page, paging.offset],
    )
    return ok(serializers.contact_summaries(state.db, rows), paging.meta(int(total)))


@router.post(
    "/contact-groups/{group_id}/members",
    response_model=Envelope[MembersAdded],
    responses=errors(404, *POST_ERRORS),
    summary="Add contacts to the group",
)
async def add_members(
    group_id: int, body: MemberIds, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    _load(state, group_id)
    fe = FieldErrors()
    if not body.contact_ids:
        fe.add("contact_ids", "The contact ids field must list at least one contact.")
    ids = validation.existing_ids(
        state.db, fe, "contact_ids", "contacts", body.contact_ids, "contact"
    )
    fe.raise_if_any()
    now = clock.now_iso()
    with state.db.transaction():
        already = _members_among(state, group_id, ids)
        new = [cid for cid in ids if cid not in already]
        state.db.conn.executemany(
            "INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) VALUES (?,?,?)",
            [(group_id, cid, now) for cid in new],
        )
        _touch_contacts(state, new)  # contacts that were members already did not change
        after = _members_count(state, group_id)
    return ok({"added": len(new), "already_members": len(already), "members_count": after})


@router.delete(
    "/contact-groups/{group_id}/members",
    response_model=Envelope[MembersRemoved],
    responses=errors(400, 404),
    summary="Remove contacts from the group",
)
async def remove_members(
    group_id: int, body: MemberIds = Body(...), state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    _load(state, group_id)
    fe = FieldErrors()
    if not body.contact_ids:
        fe.add("contact_ids", "The contact ids field must list at least one contact.")
    fe.raise_if_any()
    ids = list(dict.fromkeys(body.contact_ids))
    with state.db.transaction():
        removed = sorted(_members_among(state, group_id, ids))
        if removed:
            state.db.execute(
                f"DELETE FROM group_members WHERE group_id = ? AND contact_id IN "
                f"({','.join('?' * len(removed))})",
                [group_id, *removed],
            )
        _touch_contacts(state, removed)  # only contacts that really left the group changed
        after = _members_count(state, group_id)
    return ok({"removed": len(removed), "members_count": after})
