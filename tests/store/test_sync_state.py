"""Where each resource's sync stands."""

from __future__ import annotations

import datetime as dt

from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.sync_state import (
    SyncState,
    record_full_sync,
    record_incremental_sync,
    record_sync_error,
    reset_sync_state,
    sync_state,
    sync_states,
)

T1 = dt.datetime(2026, 3, 25, 10, 0, tzinfo=dt.UTC)
T2 = dt.datetime(2026, 3, 25, 11, 30, 15, 250000, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def test_a_resource_never_synced_has_an_empty_state(store: Store) -> None:
    assert sync_state(store, "contacts") == SyncState("contacts")
    assert sync_states(store) == {}


def test_full_then_incremental_then_error(store: Store) -> None:
    record_full_sync(store, "contacts", finished_at=T1, cursor=T1)
    record_incremental_sync(store, "contacts", cursor=T2)
    state = sync_state(store, "contacts")
    assert (state.last_full_sync_at, state.cursor, state.last_error) == (T1, T2, None)
    assert state.cursor is not None
    assert state.cursor.utcoffset() is not None

    record_sync_error(store, "contacts", "503 Service Unavailable", at=T2)
    state = sync_state(store, "contacts")
    assert (state.cursor, state.last_error, state.last_error_at) == (
        T2,
        "503 Service Unavailable",
        T2,
    )

    record_incremental_sync(store, "contacts", cursor=T2 + dt.timedelta(minutes=1))
    assert sync_state(store, "contacts").last_error is None


def test_the_cursor_is_kept_as_iso_text(store: Store) -> None:
    record_full_sync(store, "deals", finished_at=T1, cursor=T2)
    text = store.scalar("SELECT cursor FROM sync_state WHERE resource = 'deals'")
    assert dt.datetime.fromisoformat(text) == T2
    assert text.endswith("+00:00")


def test_reset_forgets_one_or_all(store: Store) -> None:
    for resource in ("contacts", "deals", "tags"):
        record_full_sync(store, resource, finished_at=T1, cursor=None)
    reset_sync_state(store, "deals")
    assert set(sync_states(store)) == {"contacts", "tags"}
    reset_sync_state(store)
    assert sync_states(store) == {}
