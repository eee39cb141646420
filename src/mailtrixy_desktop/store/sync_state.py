"""Where each resource's sync stands: the last full sync, the incremental cursor, the
last error. Written by the sync engines, read by the status bar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mailtrixy_desktop.store.database import Queryable, Row, Store
from mailtrixy_desktop.store.values import from_text, now, to_text


@dataclass(frozen=True, slots=True)
class SyncState:
    resource: str
    last_full_sync_at: dt.datetime | None = None
    cursor: dt.datetime | None = None  # pass as ``updated_since`` next time
    last_error: str | None = None
    last_error_at: dt.datetime | None = None


_COLUMNS = "resource, last_full_sync_at, cursor, last_error, last_error_at"


def _state(r: Row) -> SyncState:
    return SyncState(
        resource=r["resource"],
        last_full_sync_at=from_text(r["last_full_sync_at"]),
        cursor=from_text(r["cursor"]),
        last_error=r["last_error"],
        last_error_at=from_text(r["last_error_at"]),
    )


def sync_state(store: Queryable, resource: str) -> SyncState:
    """The resource's state; an empty one (never synced) if there is none."""
    row = store.one(f"SELECT {_COLUMNS} FROM sync_state WHERE resource = ?", (resource,))
    return SyncState(resource) if row is None else _state(row)


def sync_states(store: Queryable) -> dict[str, SyncState]:
    return {
        state.resource: state
        for state in map(_state, store.all(f"SELECT {_COLUMNS} FROM sync_state"))
    }


def record_full_sync(
    store: Store, resource: str, *, finished_at: dt.datetime, cursor: dt.datetime | None
) -> None:
    """A full sync ended well: its time, the cursor for the next incremental one, no error."""
    store.execute(
        """INSERT INTO sync_state (resource, last_full_sync_at, cursor, updated_at)
           VALUES (?, ?, ?, ?)
           ON CONFLICT (resource) DO UPDATE SET
               last_full_sync_at = excluded.last_full_sync_at, cursor = excluded.cursor,
               last_error = NULL, last_error_at = NULL, updated_at = excluded.updated_at""",
        (resource, to_text(finished_at), to_text(cursor), to_text(now())),
    )


def record_incremental_sync(store: Store, resource: str, *, cursor: dt.datetime) -> None:
    store.execute(
        """INSERT INTO sync_state (resource, cursor, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (resource) DO UPDATE SET
               cursor = excluded.cursor, last_error = NULL, last_error_at = NULL,
               updated_at = excluded.updated_at""",
        (resource, to_text(cursor), to_text(now())),
    )


def record_sync_error(
    store: Store, resource: str, message: str, *, at: dt.datetime | None = None
) -> None:
    """The last attempt failed; the previous cursor and full-sync time stay."""
    moment = to_text(at or now())
    store.execute(
        """INSERT INTO sync_state (resource, last_error, last_error_at, updated_at)
           VALUES (?, ?, ?, ?)
           ON CONFLICT (resource) DO UPDATE SET
               last_error = excluded.last_error, last_error_at = excluded.last_error_at,
               updated_at = excluded.updated_at""",
        (resource, message, moment, moment),
    )


def reset_sync_state(store: Store, resource: str | None = None) -> None:
    """Forget one resource's state (or all), so the next sync is a full one."""
    if resource is None:
        store.execute("DELETE FROM sync_state")
    else:
        store.execute("DELETE FROM sync_state WHERE resource = ?", (resource,))
