"""The write path every service shares: change the cache, queue the operation, announce it.

DESIGN.md, "Writes and the outbox", steps 1 and 2: the optimistic change and
the outbox operation are written in one SQLite transaction, the cache row is
marked pending, and the UI hears about it at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mailtrixy_desktop.services.changes import ChangeHub
from mailtrixy_desktop.store import outbox
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import Operation

# Tables whose rows can be created offline, with a temporary negative id.
_TEMP_TABLES = frozenset({"contacts", "deals", "campaigns", "tags", "contact_groups", "messages"})


@dataclass
class Commands:
    store: Store
    changes: ChangeHub
    wake: Callable[[], None]  # tell the outbox engine there is work

    def temp_id(self, table: str) -> int:
        """A negative id no server row has, for something created offline."""
        if table not in _TEMP_TABLES:
            raise ValueError(table)
        lowest = self.store.scalar(f"SELECT MIN(id) FROM {table}")
        return min(int(lowest or 0), 0) - 1

    def queue(
        self,
        *,
        kind: str,
        target_type: str,
        target_id: int | None,
        payload: Mapping[str, Any],
        context: Mapping[str, Any] | None = None,
        rollback: Mapping[str, Any] | None = None,
    ) -> Operation:
        """Append the operation; call inside the transaction that changed the cache.
        ``rollback``: the fields as they were, put back if the server refuses the change
        and has nothing to read back (the target is gone there)."""
        return outbox.enqueue(
            self.store,
            kind=kind,
            target_type=target_type,
            target_id=target_id,
            payload=payload,
            context=context,
            rollback=rollback,
        )

    def cancel_local(self, target_type: str, temp_id: int) -> None:
        """Drop the queued operations of something created offline and deleted before sending."""
        self.store.execute(
            "DELETE FROM outbox WHERE target_type = ? AND target_id = ? AND state <> 'sending'",
            (target_type, temp_id),
        )

    def announce(self, *names: str) -> None:
        self.changes.publish({*names, "outbox"})
        self.wake()


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
