"""Tags: list with contact counts, get, create, update, delete."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from mailtrixy_sandbox import auth, clock, serializers, validation
from mailtrixy_sandbox.errors import FieldErrors, NotFound
from mailtrixy_sandbox.routes.common import POST_ERRORS, errors, message, ok
from mailtrixy_sandbox.schemas import Envelope, Message, Tag, TagCreate, TagUpdate
from mailtrixy_sandbox.state import SandboxState, get_state
from mailtrixy_sandbox.tagging import auto_color

router = APIRouter(tags=["tags"], dependencies=[Depends(auth.require("contacts"))])


def _load(state: SandboxState, tag_id: int) -> Any:
    row = state.db.one(serializers.TAG_SELECT + " WHERE t.id = ?", (tag_id,))
    if row is None:
        raise NotFound("Tag")
    return row


def _name_taken(state: SandboxState, name: str, except_id: int | None = None) -> bool:
    row = state.db.one("SELECT id FROM tags WHERE name = ?", (name,))
    return row is not None and row["id"] != except_id


@router.get(
    "/tags",
    response_model=Envelope[list[Tag]],
    responses=errors(),
    summary="List tags with contact counts",
)
async def list_tags(state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    rows = state.db.all(serializers.TAG_SELECT + " ORDER BY t.id")
    return ok([serializers.tag(r) for r in rows])


@router.get(
    "/tags/{tag_id}", response_model=Envelope[Tag], responses=errors(404), summary="Get a tag"
)
async def get_tag(tag_id: int, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    return ok(serializers.tag(_load(state, tag_id)))


@router.post(
    "/tags",
    status_code=201,
    response_model=Envelope[Tag],
    responses=errors(*POST_ERRORS),
    summary="Create a tag",
)
async def create_tag(body: TagCreate, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    fe = FieldErrors()
    name = validation.tag_name(fe, "name", body.name)
    if name and _name_taken(state, name):
        fe.add("name", "The name has already been taken.")
    color = validation.color(fe, "color", body.color)
    fe.raise_if_any()
    now = clock.now_iso()
    cursor = state.db.execute(
        "INSERT INTO tags(name, color, created_at, updated_at) VALUES (?, ?, ?, ?)",
        (name, color or auto_color(state.db), now, now),
    )
    return ok(serializers.tag(_load(state, int(cursor.lastrowid or 0))))


@router.put(
    "/tags/{tag_id}",
    response_model=Envelope[Tag],
    responses=errors(400, 404),
    summary="Rename or recolour a tag",
)
async def update_tag(
    tag_id: int, body: TagUpdate, state: SandboxState = Depends(get_state)
) -> dict[str, Any]:
    _load(state, tag_id)
    given = body.model_fields_set
    fe = FieldErrors()
    changes: dict[str, Any] = {}
    if "name" in given:
        name = validation.tag_name(fe, "name", body.name)
        if name and _name_taken(state, name, except_id=tag_id):
            fe.add("name", "The name has already been taken.")
        changes["name"] = name
    if "color" in given:
        if body.color is None:
            fe.add("color", "The color must be a hex color code such as #3B82F6.")
        changes["color"] = validation.color(fe, "color", body.color)
    fe.raise_if_any()
    changes["updated_at"] = clock.now_iso()
    assignments = ", ".join(f"{column} = ?" for column in changes)
    with state.db.transaction():
        state.db.execute(f"UPDATE tags SET {assignments} WHERE id = ?", [*changes.values(), tag_id])
        if "name" in changes:  # contacts show tag names, so they changed too
            state.db.execute(
                "UPDATE contacts SET updated_at = ? WHERE id IN "
                "(SELECT contact_id FROM contact_tags WHERE tag_id = ?)",
                (changes["updated_at"], tag_id),
            )
    return ok(serializers.tag(_load(state, tag_id)))


@router.delete(
    "/tags/{tag_id}",
    response_model=Envelope[Message],
    responses=errors(404),
    summary="Delete a tag; it is removed from every contact",
)
async def delete_tag(tag_id: int, state: SandboxState = Depends(get_state)) -> dict[str, Any]:
    _load(state, tag_id)
    with state.db.transaction():
        state.db.execute(
            "UPDATE contacts SET updated_at = ? WHERE id IN "
            "(SELECT contact_id FROM contact_tags WHERE tag_id = ?)",
            (clock.now_iso(), tag_id),
        )
        state.db.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
    return message("Tag deleted successfully.")
