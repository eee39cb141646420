"""Webhook events: who is subscribed, the signed payload, delivery with retries.

``emit`` is called inside the change that causes the event and only writes a
delivery row; a background task posts due deliveries, retrying failures with
exponential backoff. Receivers off this machine are never contacted unless the
sandbox was started with ``--deliver-external-webhooks``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import ipaddress
import json
import logging
import time
from typing import Any
from urllib.parse import urlsplit

import httpx

from mailtrixy_sandbox import clock
from mailtrixy_sandbox.config import SandboxConfig
from mailtrixy_sandbox.db import Database, loads
from mailtrixy_sandbox.schemas import WEBHOOK_EVENTS

log = logging.getLogger("mailtrixy_sandbox.webhooks")

EVENTS: tuple[str, ...] = WEBHOOK_EVENTS
WORKSPACE_ID = 1


def signature(secret: str, body: bytes) -> str:
    """``X-MailTrixy-Signature``: hex HMAC-SHA256 of the raw body keyed by the secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_problem(url: str, allow_http_loopback: bool) -> str | None:
    """Why ``url`` cannot be a webhook target, or ``None``."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises for a port that is not a number from 0 to 65535
    except ValueError:
        return "The url must be a valid URL."
    if not parts.hostname or any(c.isspace() or ord(c) < 32 for c in url):
        return "The url must be a valid URL."
    if parts.scheme == "https":
        return None
    if parts.scheme == "http" and allow_http_loopback and is_loopback_host(parts.hostname):
        return None
    return "The url must use https."


class WebhookDispatcher:
    def __init__(self, db: Database, config: SandboxConfig) -> None:
        self.db = db
        self.config = config
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._client: httpx.AsyncClient | None = None

    # ------------------------------------------------------------ producing
    def emit(self, event: str, data: dict[str, Any]) -> int:
        """Queue ``event`` for every active webhook subscribed to it; returns how many."""
        hooks = self.db.all("SELECT id, events FROM webhooks WHERE is_active = 1")
        targets = [h["id"] for h in hooks if event in loads(h["events"], [])]
        if not targets:
            return 0
        body = json.dumps(
            {
                "event": event,
                "timestamp": clock.now_iso(),
                "workspace_id": WORKSPACE_ID,
                "data": data,
            }
        ).encode()
        now = clock.now_iso()
        self.db.conn.executemany(
            "INSERT INTO webhook_deliveries(webhook_id, event, body, created_at, next_attempt_at) "
            "VALUES (?, ?, ?, ?, 0)",
            [(hid, event, body, now) for hid in targets],
        )
        self._wake.set()
        return len(targets)

    def wake(self) -> None:
        """Look for due deliveries now (e.g. a paused webhook was resumed)."""
        self._wake.set()

    # ------------------------------------------------------------ delivering
    def start(self) -> None:
        self._client = httpx.AsyncClient(timeout=10.0, follow_redirects=False)
        self._task = asyncio.create_task(self._run(), name="webhook-delivery")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._client is not None:
            await self._client.aclose()

    async def _run(self) -> None:
        while True:
            try:
                wait = await self._deliver_due()
            except Exception:  # a bad row must not stop all deliveries
                log.exception("webhook delivery pass failed")
                wait = 1.0
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=wait)

    async def _deliver_due(self) -> float:
        rows = self.db.all(
            "SELECT d.id, d.webhook_id, d.event, d.body, d.attempts, w.url, w.secret "
            "FROM webhook_deliveries d "
            "JOIN webhooks w ON w.id = d.webhook_id "
            "WHERE d.state = 'pending' AND w.is_active = 1 AND d.next_attempt_at <= ? "
            "ORDER BY d.id LIMIT 20",
            (time.time(),),
        )
        if rows:
            # One receiver gets its events in the order they happened; receivers run side by side.
            by_hook: dict[int, list[Any]] = {}
            for row in rows:
                by_hook.setdefault(row["webhook_id"], []).append(row)
            await asyncio.gather(*(self._deliver_in_order(batch) for batch in by_hook.values()))
            return 0.0
        # A paused webhook's deliveries wait, untried, until it is resumed.
        next_due = self.db.scalar(
            "SELECT MIN(d.next_attempt_at) FROM webhook_deliveries d "
            "JOIN webhooks w ON w.id = d.webhook_id WHERE d.state = 'pending' AND w.is_active = 1"
        )
        return 5.0 if next_due is None else max(0.05, min(5.0, float(next_due) - time.time()))

    async def _deliver_in_order(self, rows: list[Any]) -> None:
        for row in rows:
            await self._deliver(row)

    async def _deliver(self, row: Any) -> None:
        url: str = row["url"]
        host = urlsplit(url).hostname
        if not is_loopback_host(host) and not self.config.deliver_external_webhooks:
            self.db.execute(
                "UPDATE webhook_deliveries SET state = 'skipped', last_error = ? WHERE id = ?",
                ("The sandbox delivers only to receivers on this machine.", row["id"]),
            )
            return
        body: bytes = bytes(row["body"])
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "MailTrixy-Sandbox-Webhooks/1",
            "X-MailTrixy-Event": row["event"],
            "X-MailTrixy-Signature": signature(row["secret"], body),
            "X-MailTrixy-Delivery": str(row["id"]),
        }
        attempts = row["attempts"] + 1
        status: int | None = None
        error: str | None = None
        assert self._client is not None
        try:
            response = await self._client.post(url, content=body, headers=headers)
            status = response.status_code
            if not 200 <= status < 300:
                error = f"receiver answered {status}"
        except Exception as exc:  # any failure (bad URL, TLS, network) is a failed attempt
            error = f"{type(exc).__name__}: {exc}"
        if error is None:
            self.db.execute(
                "UPDATE webhook_deliveries SET state = 'delivered', attempts = ?, last_status = ?, "
                "last_error = NULL, delivered_at = ? WHERE id = ?",
                (attempts, status, clock.now_iso(), row["id"]),
            )
            return
        if attempts >= self.config.webhook_max_attempts:
            state, next_at = "failed", 0.0
        else:
            state = "pending"
            next_at = time.time() + self.config.webhook_retry_base_seconds * 2 ** (attempts - 1)
        self.db.execute(
            "UPDATE webhook_deliveries SET state = ?, attempts = ?, last_status = ?, "
            "last_error = ?, next_attempt_at = ? WHERE id = ?",
            (state, attempts, status, error, next_at, row["id"]),
        )
