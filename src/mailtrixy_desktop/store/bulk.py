"""Writing a page of rows: one statement per page, or one per row when that is cheaper.

The tables with a search index (contacts, conversations, deals) are written as
``INSERT ... SELECT ... FROM json_each(?)``: the page travels as one JSON
array of row arrays and the whole page is one statement. FTS5 flushes its
pending terms at every statement's savepoint, so ``executemany`` (one statement
per row, each firing the index triggers) costs about three times as much per
row. Without the triggers (a first load with the indexes deferred, see
``indexing``) it is the other way round: binding values directly is about twice
as cheap as encoding and extracting JSON. ``write_rows`` picks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.values import to_json


@dataclass(frozen=True)
class Upsert:
    """One upsert in both forms; rows are tuples in ``columns`` order."""

    table: str
    per_page: str  # one statement, the page bound as one JSON parameter
    per_row: str  # for executemany

    @classmethod
    def of(cls, table: str, columns: Sequence[str], conflict: str) -> Upsert:
        """``conflict``: the ``ON CONFLICT`` clause. Names are the caller's constants.
        ``WHERE true`` lets the upsert follow a ``SELECT``."""
        names = ", ".join(columns)
        fields = ", ".join(f"json_extract(r.value, '$[{i}]')" for i in range(len(columns)))
        marks = ", ".join("?" for _ in columns)
        return cls(
            table,
            f"INSERT INTO {table} ({names}) SELECT {fields} "
            f"FROM json_each(?) AS r WHERE true {conflict}",
            f"INSERT INTO {table} ({names}) VALUES ({marks}) {conflict}",
        )


def rows_json(rows: Sequence[Sequence[Any]]) -> str:
    return to_json(rows)


def write_rows(store: Store, upsert: Upsert, rows: Sequence[Sequence[Any]]) -> None:
    """The rows in one statement, or row by row while the table's search triggers are
    deferred."""
    if not rows:
        return
    if upsert.table in store.deferred:
        store.executemany(upsert.per_row, rows)
    else:
        store.execute(upsert.per_page, (rows_json(rows),))
