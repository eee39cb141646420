"""Writing a page of rows in one statement.

The tables with a search index (contacts, conversations, deals) are written as
``INSERT ... SELECT ... FROM json_each(:rows)``: the page travels as one JSON
parameter and the whole page is one statement. FTS5 flushes its pending terms
at every statement's savepoint, so ``executemany`` (one statement per row, each
firing the index triggers) costs about three times as much per row.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any


def select_rows(columns: Sequence[str]) -> str:
    """``SELECT`` of ``columns`` from each object of the JSON array bound as ``:rows``.
    Column names are the caller's constants. ``WHERE true`` lets an upsert follow."""
    fields = ", ".join(f"json_extract(r.value, '$.{column}')" for column in columns)
    return f"SELECT {fields} FROM json_each(:rows) AS r WHERE true"


def rows_json(rows: Sequence[Mapping[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
