"""Small values this client keeps about the workspace (who "me" is, the inbox's read
baseline…): a key-value table, JSON values."""

from __future__ import annotations

import json
from typing import Any

from mailtrixy_desktop.store.database import Queryable, Store


def get(store: Queryable, key: str, default: Any = None) -> Any:
    text = store.scalar("SELECT value FROM local_state WHERE key = ?", (key,))
    if text is None:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return text  # written as plain text (the read baseline is a bare timestamp)


def put(store: Store, key: str, value: Any) -> None:
    with store.transaction():
        store.execute(
            "INSERT INTO local_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )
