"""What every resource table shares: removing rows the server no longer has,
deleting by id, and the pending mark. The domain modules wrap these by name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.values import ids_json

Table = Literal[
    "team_members",
    "tags",
    "contact_groups",
    "contacts",
    "conversations",
    "messages",
    "deals",
    "campaigns",
    "webhooks",
    "email_accounts",
]
_TABLES: frozenset[str] = frozenset(get_args(Table))


def _checked(table: Table) -> str:
    # Table names are ours, never input; the check makes that hold at run time too.
    if table not in _TABLES:
        raise ValueError(f"not a resource table: {table!r}")
    return table


def remove_except(store: Store, table: Table, keep_ids: Iterable[int]) -> int:
    """Delete the rows whose ids are not in ``keep_ids`` (the end of a full sync), except
    rows with a pending local change. The number of rows removed.

    The ids travel as one JSON parameter; SQLite turns ``IN (SELECT ... json_each)``
    into one temporary index, so 100,000 ids cost one pass over the table.
    """
    name = _checked(table)
    with store.transaction():
        return store.execute(
            f"DELETE FROM {name} WHERE pending = 0 AND id NOT IN (SELECT value FROM json_each(?))",
            (ids_json(keep_ids),),
        ).rowcount


def delete_ids(store: Store, table: Table, ids: Iterable[int]) -> int:
    name = _checked(table)
    with store.transaction():
        return store.execute(
            f"DELETE FROM {name} WHERE id IN (SELECT value FROM json_each(?))",
            (ids_json(ids),),
        ).rowcount


def set_pending(store: Store, table: Table, ids: Iterable[int], pending: bool = True) -> int:
    name = _checked(table)
    with store.transaction():
        return store.execute(
            f"UPDATE {name} SET pending = ? WHERE id IN (SELECT value FROM json_each(?))",
            (int(pending), ids_json(ids)),
        ).rowcount


def pending_among(store: Store, table: Table, ids: Iterable[int]) -> set[int]:
    """Which of ``ids`` carry a pending local change (that a sync must not overwrite)."""
    name = _checked(table)
    return set(
        store.column(
            f"SELECT id FROM {name} WHERE pending = 1 AND id IN (SELECT value FROM json_each(?))",
            (ids_json(ids),),
        )
    )
