"""``Idempotency-Key`` as Stripe and the IETF draft define it.

A POST with a key already seen from the same token gets the first response
(status and body) again and has no second effect. As with Stripe, a request that
failed validation (400, 422) or on the server (5xx) is not stored: nothing took
effect, so a corrected retry with the same key runs anew. The same key with another
body is refused (422); a key whose first request is still running is a 409.
Keys live in the database, so a replay works across restarts, for at least
``ttl`` hours.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Literal

from mailtrixy_sandbox.db import Database, dumps, loads


@dataclass
class Stored:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class Begin:
    outcome: Literal["new", "replay", "in_flight", "mismatch"]
    stored: Stored | None = None


def canonical_body(body: bytes) -> bytes:
    """JSON re-serialised with sorted keys, so spacing and key order don't make a new request."""
    try:
        return json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, UnicodeDecodeError):
        return body


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query.encode(), canonical_body(body)):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class IdempotencyStore:
    def __init__(self, db: Database, ttl_hours: int) -> None:
        self.db = db
        self.ttl_seconds = ttl_hours * 3600
        # A request "in flight" when the server stopped will never finish.
        db.execute("DELETE FROM idempotency WHERE state = 'in_flight'")

    def begin(self, token: str, key: str, print_: str) -> Begin:
        self.purge()
        row = self.db.one(
            "SELECT fingerprint, state, status, headers, body FROM idempotency "
            "WHERE token = ? AND key = ?",
            (token, key),
        )
        if row is None:
            self.db.execute(
                "INSERT INTO idempotency(token, key, fingerprint, state, created_at) "
                "VALUES (?, ?, ?, 'in_flight', ?)",
                (token, key, print_, time.time()),
            )
            return Begin("new")
        if row["fingerprint"] != print_:
            return Begin("mismatch")
        if row["state"] == "in_flight":
            return Begin("in_flight")
        headers = [(str(k), str(v)) for k, v in loads(row["headers"], [])]
        return Begin("replay", Stored(row["status"], headers, bytes(row["body"])))

    def complete(self, token: str, key: str, stored: Stored) -> None:
        self.db.execute(
            "UPDATE idempotency SET state = 'done', status = ?, headers = ?, body = ? "
            "WHERE token = ? AND key = ?",
            (stored.status, dumps(stored.headers), stored.body, token, key),
        )

    def abandon(self, token: str, key: str) -> None:
        """Forget a key whose request failed on the server's side, so a retry runs anew."""
        self.db.execute("DELETE FROM idempotency WHERE token = ? AND key = ?", (token, key))

    def purge(self) -> None:
        self.db.execute(
            "DELETE FROM idempotency WHERE created_at < ?", (time.time() - self.ttl_seconds,)
        )
