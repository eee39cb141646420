"""The outbox: every change a person makes, waiting to be delivered, in order.

DESIGN.md, "Writes and the outbox": a service applies a change to the cache and
appends an operation here in the same transaction; the sync layer's engine
sends operations in creation order, one target at a time, each with the
idempotency key it was given when it was created.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, cast

from mailtrixy_desktop.store.database import Store


class OpState(StrEnum):
    QUEUED = "queued"  # waiting its turn (or its next retry)
    SENDING = "sending"  # the request may be on the wire; after a crash it is sent again
    HELD = "held"  # held for review: the conversation changed since the reply was written
    NEEDS_ATTENTION = "needs_attention"  # the server refused it; rolled back in the cache
    EDITING = "editing"  # the person is changing it; not sent until saved
    MAYBE_DELIVERED = "maybe_delivered"  # its outcome is unknown and can no longer be settled
    DONE = "done"


# States that keep later operations on the same target waiting.
BLOCKING = (OpState.QUEUED, OpState.SENDING, OpState.HELD, OpState.NEEDS_ATTENTION, OpState.EDITING)
OPEN = (*BLOCKING, OpState.MAYBE_DELIVERED)


@dataclass(frozen=True)
class Operation:
    id: int
    kind: str
    target_type: str
    target_id: int | None
    payload: dict[str, Any]
    rollback: dict[str, Any] | None
    context: dict[str, Any] | None
    idempotency_key: str
    state: OpState
    attempts: int
    next_attempt_at: float
    last_error: str | None
    result: dict[str, Any] | None
    created_at: str
    updated_at: str


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _dumps(value: object) -> str | None:
    return None if value is None else json.dumps(value, default=str, ensure_ascii=False)


def _loads(text: str | None) -> dict[str, Any] | None:
    return None if text is None else cast(dict[str, Any], json.loads(text))


def _row(row: Any) -> Operation:
    return Operation(
        id=row["id"],
        kind=row["kind"],
        target_type=row["target_type"],
        target_id=row["target_id"],
        payload=_loads(row["payload"]) or {},
        rollback=_loads(row["rollback"]),
        context=_loads(row["context"]),
        idempotency_key=row["idempotency_key"],
        state=OpState(row["state"]),
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        last_error=row["last_error"],
        result=_loads(row["result"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def enqueue(
    store: Store,
    *,
    kind: str,
    target_type: str,
    target_id: int | None,
    payload: Mapping[str, Any],
    rollback: Mapping[str, Any] | None = None,
    context: Mapping[str, Any] | None = None,
) -> Operation:
    """Append an operation; call inside the transaction that applies the change to the cache."""
    now = _now()
    cursor = store.execute(
        "INSERT INTO outbox(kind, target_type, target_id, payload, rollback, context, "
        "idempotency_key, state, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            kind,
            target_type,
            target_id,
            _dumps(dict(payload)),
            _dumps(dict(rollback)) if rollback is not None else None,
            _dumps(dict(context)) if context is not None else None,
            str(uuid.uuid4()),
            OpState.QUEUED.value,
            now,
            now,
        ),
    )
    op = get(store, int(cursor.lastrowid or 0))
    assert op is not None
    return op


def get(store: Store, op_id: int) -> Operation | None:
    row = store.one("SELECT * FROM outbox WHERE id = ?", (op_id,))
    return None if row is None else _row(row)


# How payloads name other things, and what those things are: an operation that names
# a thing created offline (a negative id) waits until that thing has been created.
REFERENCES: dict[str, str] = {
    "contact_id": "contact",
    "contact_ids": "contact",
    "deal_id": "deal",
    "conversation_id": "conversation",
    "campaign_id": "campaign",
    "tag_ids": "tag",
    "group_id": "group",
    "group_ids": "group",
}
_REFERENCE_TYPE = (
    "CASE (CASE WHEN j.path = '$' THEN j.key ELSE substr(j.path, 3) END) "
    + " ".join(f"WHEN '{field}' THEN '{kind}'" for field, kind in REFERENCES.items())
    + " END"
)
_BLOCKING_LIST = ", ".join(f"'{s.value}'" for s in BLOCKING)
# An operation may go when it is waiting (queued, or sending after a crash), nothing
# older is open on its own target, and nothing it names is still to be created.
_MAY_GO = f"""
o.state IN ('{OpState.QUEUED.value}', '{OpState.SENDING.value}')
AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.target_type = o.target_type
    AND e.target_id IS o.target_id AND e.id < o.id AND e.state IN ({_BLOCKING_LIST}))
AND NOT EXISTS (SELECT 1 FROM json_tree(o.payload) j JOIN outbox c
    ON c.target_type = {_REFERENCE_TYPE} AND c.target_id = j.atom
    WHERE j.type = 'integer' AND j.atom < 0 AND c.id < o.id
    AND c.state IN ({_BLOCKING_LIST}))
"""


def next_ready(store: Store, now: float) -> Operation | None:
    """The oldest operation that may go now: due, nothing older open on its target, and
    nothing it refers to still waiting to be created."""
    row = store.one(
        f"SELECT o.* FROM outbox o WHERE o.next_attempt_at <= ? AND {_MAY_GO} "
        "ORDER BY o.id LIMIT 1",
        (now,),
    )
    return None if row is None else _row(row)


def next_due_at(store: Store) -> float | None:
    """When the earliest operation that may go becomes due (None: nothing can go).

    Operations held back behind another (one that needs attention, a held reply, a
    create still waiting) are not counted: only releasing that one lets them go, and
    that wakes the engine."""
    value = store.scalar(f"SELECT MIN(o.next_attempt_at) FROM outbox o WHERE {_MAY_GO}")
    return None if value is None else float(value)


def retry_now(store: Store, op_id: int | None = None) -> int:
    """Retry now: the waiting operations (or just ``op_id``) are due at once; how many."""
    cursor = store.execute(
        "UPDATE outbox SET next_attempt_at = 0 WHERE state IN (?, ?) AND (? IS NULL OR id = ?)",
        (OpState.QUEUED.value, OpState.SENDING.value, op_id, op_id),
    )
    return cursor.rowcount


def set_state(
    store: Store,
    op_id: int,
    state: OpState,
    *,
    error: str | None = None,
    next_attempt_at: float | None = None,
    count_attempt: bool = False,
    result: Mapping[str, Any] | None = None,
) -> None:
    store.execute(
        "UPDATE outbox SET state = ?, last_error = ?, "
        "next_attempt_at = COALESCE(?, next_attempt_at), attempts = attempts + ?, "
        "result = COALESCE(?, result), updated_at = ? WHERE id = ?",
        (
            state.value,
            error,
            next_attempt_at,
            1 if count_attempt else 0,
            _dumps(dict(result)) if result is not None else None,
            _now(),
            op_id,
        ),
    )


def rewrite_target(store: Store, target_type: str, temp_id: int, server_id: int) -> None:
    """A thing created offline got its server id: later operations on it follow."""
    store.execute(
        "UPDATE outbox SET target_id = ? WHERE target_type = ? AND target_id = ?",
        (server_id, target_type, temp_id),
    )


def rewrite_references(store: Store, target_type: str, temp_id: int, server_id: int) -> None:
    """Payloads that name the temporary id (a deal's ``contact_id``, a group's
    ``contact_ids``) name the real one."""
    fields = {field for field, kind in REFERENCES.items() if kind == target_type}
    marks = ",".join("?" * len(BLOCKING))
    rows = store.all(
        f"SELECT id, payload FROM outbox WHERE state IN ({marks}) AND instr(payload, ?) > 0",
        (*[s.value for s in BLOCKING], str(temp_id)),
    )
    for row in rows:
        payload = json.loads(row["payload"])
        changed = False
        for field in fields & payload.keys():
            value = payload[field]
            if value == temp_id and not isinstance(value, bool):
                payload[field] = server_id
                changed = True
            elif isinstance(value, list) and temp_id in value:
                payload[field] = [server_id if v == temp_id else v for v in value]
                changed = True
        if changed:
            store.execute(
                "UPDATE outbox SET payload = ? WHERE id = ?", (_dumps(payload), row["id"])
            )


def has_open_after(store: Store, target_type: str, target_id: int, op_id: int) -> bool:
    """Whether a later operation on the same target still waits (its change is in the cache)."""
    marks = ",".join("?" * len(BLOCKING))
    return (
        store.scalar(
            f"SELECT 1 FROM outbox WHERE target_type = ? AND target_id = ? AND id > ? "
            f"AND state IN ({marks}) LIMIT 1",
            (target_type, target_id, op_id, *[s.value for s in BLOCKING]),
        )
        is not None
    )


def update_payload(store: Store, op_id: int, payload: Mapping[str, Any]) -> None:
    store.execute(
        "UPDATE outbox SET payload = ?, updated_at = ? WHERE id = ?",
        (_dumps(dict(payload)), _now(), op_id),
    )


def open_operations(store: Store, states: Sequence[OpState] = OPEN) -> list[Operation]:
    """What the Outbox pane shows, oldest first."""
    marks = ",".join("?" * len(states))
    rows = store.all(
        f"SELECT * FROM outbox WHERE state IN ({marks}) ORDER BY id", tuple(s.value for s in states)
    )
    return [_row(r) for r in rows]


def deleting(store: Store, target_type: str) -> list[int]:
    """Targets of ``target_type`` whose delete waits in the outbox (or its outcome is
    unknown): a sync that read them before the delete landed must not bring them back.
    A refused delete is not among them: its row was put back on purpose."""
    states = [s.value for s in OPEN if s is not OpState.NEEDS_ATTENTION]
    marks = ",".join("?" * len(states))
    return store.column(
        f"SELECT target_id FROM outbox WHERE kind = ? AND state IN ({marks})",
        (f"{target_type}.delete", *states),
    )


def count_open(store: Store) -> int:
    marks = ",".join("?" * len(OPEN))
    return int(
        store.scalar(
            f"SELECT COUNT(*) FROM outbox WHERE state IN ({marks})", tuple(s.value for s in OPEN)
        )
        or 0
    )


def discard(store: Store, op_id: int) -> None:
    store.execute("DELETE FROM outbox WHERE id = ?", (op_id,))


def prune_done(store: Store, older_than: str) -> int:
    cursor = store.execute(
        "DELETE FROM outbox WHERE state = ? AND updated_at < ?", (OpState.DONE.value, older_than)
    )
    return cursor.rowcount


def update_context(store: Store, op_id: int, context: Mapping[str, Any]) -> None:
    store.execute(
        "UPDATE outbox SET context = ?, updated_at = ? WHERE id = ?",
        (_dumps(dict(context)), _now(), op_id),
    )
