"""Deliver the outbox: in creation order per target, exactly once, across crashes.

The rules are DESIGN.md's "Writes and the outbox":
- an operation is marked ``sending`` (committed) before its request leaves;
  after a crash it is sent again with the same idempotency key, so the server
  applies it once;
- success stores the server's version and clears the pending mark;
- a network failure, 5xx or 429 leaves it queued, retried with capped
  exponential backoff and jitter, with no cap on attempts;
- a refusal retrying cannot fix (400, 403, 404, 409, 422) moves it to
  "needs attention" and rolls the optimistic change back to the server's state;
  only later operations on the same target wait behind it;
- a reply whose conversation changed since it was written is held for review;
- an answer lost after the key may have expired is "may have been delivered".
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.pagination import MAX_PER_PAGE
from mailtrixy_desktop.store import outbox as outbox_store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_desktop.sync.connectivity import State
from mailtrixy_desktop.sync.operations import DELETES, KINDS, TARGETS

if TYPE_CHECKING:
    from mailtrixy_desktop.api.client import MailTrixyClient
    from mailtrixy_desktop.store.database import Store
    from mailtrixy_desktop.store.outbox import Operation
    from mailtrixy_desktop.sync.connectivity import Connectivity, Status

log = logging.getLogger("mailtrixy_desktop.sync.outbox")

# Servers keep idempotency keys for 24 hours; past that a resend could apply twice.
KEY_LIFETIME = dt.timedelta(hours=23)
REFUSALS = (
    errors.BadRequest,
    errors.Forbidden,
    errors.NotFound,
    errors.Conflict,
    errors.ValidationFailed,
    errors.UnexpectedStatus,
)
TRANSIENT = (errors.NetworkError, errors.ServerError, errors.RateLimited)
# A 409 to a request sent with a key the server saw before may only mean that the
# first request with that key is still running: asked again this many times before
# it is taken as a real conflict.
IN_FLIGHT_RETRIES = 5

ChangeListener = Callable[[set[str]], None]


def describe_refusal(error: errors.ApiError) -> str:
    if isinstance(error, errors.ValidationFailed) and error.field_errors:
        details = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.field_errors.items()
        )
        return f"{error.message} ({details})"
    if isinstance(error, errors.Forbidden):
        scope = f" the '{error.scope}' scope" if error.scope else " a permission"
        return f"The API token lacks{scope}, so this change cannot be made."
    if isinstance(error, errors.NotFound):
        return "It no longer exists on the server."
    return error.message


class OutboxEngine:
    def __init__(
        self,
        client: MailTrixyClient,
        store: Store,
        *,
        connectivity: Connectivity | None = None,
        backoff_base: float = 1.0,
        backoff_cap: float = 300.0,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.client = client
        self.store = store
        self.connectivity = connectivity
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.clock = clock
        self.sleep = sleep
        self._listeners: list[ChangeListener] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._auth_failed = False
        self._in_flight: dict[int, int] = {}  # op id -> 409s met with its key
        # conversation id -> (last message id, messages before it and it) of a scan that
        # found no customer message: the next check of that thread reads only what came
        # after, so a thousand replies queued to one thread cost one page each, not a
        # rescan of a growing thread.
        self._scanned: dict[int, tuple[int, int]] = {}
        self.on_auth_required: Callable[[], None] | None = None
        # Until then nothing is sent: the last attempt met no network. Newer changes
        # wait with the one that failed rather than overtake it, so what was written
        # offline arrives in the order it was written.
        self._network_hold_until = 0.0
        if connectivity is not None:
            self._last_state = connectivity.state
            connectivity.subscribe(self._on_connectivity)

    def on_change(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def wake(self) -> None:
        """Something was queued or released: look again now."""
        self._auth_failed = False
        self._wake.set()

    def retry_now(self, op_id: int | None = None) -> None:
        """The person said "retry now": what waits for its next attempt goes at once."""
        outbox_store.retry_now(self.store, op_id)
        self._network_hold_until = 0.0
        self.wake()

    def _on_connectivity(self, status: Status) -> None:
        # Back from offline: what waited out a long backoff goes now, not minutes later.
        came_back = self._last_state is State.OFFLINE and status.state is not State.OFFLINE
        self._last_state = status.state
        if came_back:
            outbox_store.retry_now(self.store)
            self._network_hold_until = 0.0
            self._wake.set()

    # ------------------------------------------------------------------ running
    def start(self) -> None:
        if self._task is None or self._task.done():
            # A backoff from the last run means nothing now; waiting it out would let
            # newer changes (never tried, so due at once) overtake older ones.
            outbox_store.retry_now(self.store)
            self._task = asyncio.get_running_loop().create_task(self._run(), name="outbox")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                await self.drain()
            except Exception:  # the engine must outlive any one bad operation
                log.exception("outbox pass failed")
            due = outbox_store.next_due_at(self.store)
            if due is not None:
                due = max(due, self._network_hold_until)
            timeout = None if due is None or self._auth_failed else max(0.05, due - self.clock())
            # asyncio.timeout, not wait_for: no inner task, so a stop that cancels this
            # one never leaves an unstarted Event.wait() behind.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()

    async def drain(self) -> int:
        """Send every operation that may go now; returns how many were settled."""
        settled = 0
        while not self._auth_failed and self.clock() >= self._network_hold_until:
            op = outbox_store.next_ready(self.store, self.clock())
            if op is None:
                return settled
            if await self.send(op):
                settled += 1
            elif self.connectivity is not None and self.connectivity.state.value == "offline":
                return settled  # nothing else will get through either
        return settled

    # ------------------------------------------------------------------ one operation
    async def send(self, op: Operation) -> bool:
        """Try ``op`` once. True when it left the queue (done, refused or held)."""
        kind = KINDS.get(op.kind)
        if kind is None:
            self._settle(op, OpState.NEEDS_ATTENTION, f"Unknown operation {op.kind!r}.")
            return True
        if op.target_id is not None and op.target_id < 0 and not op.kind.endswith(".create"):
            # Its target was created offline and has no server id yet.
            self._settle(
                op,
                OpState.NEEDS_ATTENTION,
                "What this change applies to was never created on the server.",
            )
            return True
        # A reply found "sending" may already be out (a crash, a lost answer): it was
        # checked before it first left, and goes again with its key, never held.
        if (
            op.kind == "conversation.reply"
            and op.state is not OpState.SENDING
            and await self._hold_if_changed(op)
        ):
            return True
        outbox_store.set_state(self.store, op.id, OpState.SENDING)
        try:
            result = await kind.send(self.client, op)
        except errors.Unauthenticated as exc:
            outbox_store.set_state(self.store, op.id, op.state, error=exc.message)
            self._auth_failed = True
            if self.on_auth_required is not None:
                self.on_auth_required()
            return False
        except errors.NotFound as exc:
            if op.kind in DELETES:
                self._done(op, None)  # already gone: what the person wanted
                return True
            await self._refuse(op, exc)
            return True
        except errors.Conflict as exc:
            if kind.keyed and self._in_flight.get(op.id, 0) < IN_FLIGHT_RETRIES:
                # Perhaps our own earlier attempt with this key is still being processed.
                self._in_flight[op.id] = self._in_flight.get(op.id, 0) + 1
                self._retry_later(op, exc, OpState.SENDING)
                return False
            self._in_flight.pop(op.id, None)
            await self._refuse(op, exc)
            return True
        except REFUSALS as exc:
            await self._refuse(op, exc)
            return True
        except errors.OutcomeUnknown as exc:
            self._feed(exc)
            if self._key_expired(op):
                self._settle(
                    op,
                    OpState.MAYBE_DELIVERED,
                    "The server's answer was lost and can no longer be checked; "
                    "it may have been delivered.",
                )
                return True
            self._network_hold_until = self._retry_later(op, exc)
            return False
        except TRANSIENT as exc:
            self._feed(exc)
            again_at = self._retry_later(op, exc)
            if isinstance(exc, errors.NetworkError):
                self._network_hold_until = again_at
            return False
        except errors.BadResponse as exc:
            # The server said yes in a shape we cannot read: it most likely took effect.
            self._settle(op, OpState.MAYBE_DELIVERED, exc.report())
            return True
        except errors.ApiError as exc:
            await self._refuse(op, exc)
            return True
        except Exception as exc:
            # A bad operation (a payload the sender cannot use) must not stop the
            # queue: it needs the person's attention, and the rest goes on.
            log.exception("outbox operation %s (%s) could not be sent", op.id, op.kind)
            self._settle(op, OpState.NEEDS_ATTENTION, f"This change could not be sent ({exc}).")
            return True
        self._in_flight.pop(op.id, None)
        self._feed(None)
        self._done(op, result)
        return True

    def _done(self, op: Operation, result: Any) -> None:
        # The webhook secret must never be stored; other answers are kept for the pane.
        keep = (
            None
            if op.kind.startswith("webhook.") or result is None
            else {"id": getattr(result, "id", None)}
        )
        with self.store.transaction():
            try:
                with self.store.transaction():  # a savepoint: undone alone if it fails
                    KINDS[op.kind].apply(self.store, op, result)
            except Exception:
                # The server has it: done all the same. The next sync brings the
                # server's version into the cache; sending it again would not.
                log.exception("outbox operation %s (%s): answer not cached", op.id, op.kind)
            outbox_store.set_state(self.store, op.id, OpState.DONE, result=keep)
        self._changed(op)

    async def _refuse(self, op: Operation, error: errors.ApiError) -> None:
        """Needs attention: the person sees why; the cache goes back to the server's truth."""
        await self._roll_back(op)
        # Field errors stay structured so the form that made the change can put each
        # message beside its field.
        fields = getattr(error, "field_errors", None)
        outbox_store.set_state(
            self.store,
            op.id,
            OpState.NEEDS_ATTENTION,
            error=describe_refusal(error),
            count_attempt=True,
            result={"field_errors": {k: list(v) for k, v in fields.items()}} if fields else None,
        )
        self._changed(op)

    async def _roll_back(self, op: Operation) -> None:
        target = TARGETS.get(op.target_type)
        if target is None or op.target_id is None:
            return
        if op.target_id < 0:
            target.delete(self.store, [op.target_id])  # created offline, refused: gone
            return
        if op.kind == "conversation.reply":
            return  # the thread keeps the text, marked failed, ready to edit and resend
        if target.fetch is None:
            return
        try:
            current = await target.fetch(self.client, op.target_id)
        except errors.NotFound:
            if target.restore is not None and op.rollback:
                target.restore(self.store, op.target_id, op.rollback)
            else:
                target.delete(self.store, [op.target_id])
        except errors.ApiError as exc:
            log.info(
                "could not refresh %s %s after a refusal: %s", op.target_type, op.target_id, exc
            )
        else:
            target.upsert(self.store, [current], overwrite_pending=True)

    async def _hold_if_changed(self, op: Operation) -> bool:
        """DESIGN.md 6: the customer wrote again, or someone closed or reassigned it."""
        context = op.context or {}
        if context.get("checked") or op.target_id is None:
            return False
        try:
            now = await self.client.conversations.get(op.target_id)
        except errors.NotFound as exc:
            await self._refuse(op, exc)
            return True
        except errors.ApiError:
            return False  # no verdict: the send below will meet the same problem
        changes: list[str] = []
        if now.messages_count > int(
            context.get("messages_count", now.messages_count)
        ) and await self._customer_wrote_since(op.target_id, context, op.created_at):
            changes.append("the customer wrote again")
        if now.status == "closed" and context.get("status") != "closed":
            changes.append("someone closed the conversation")
        assignee = now.assignee.id if now.assignee else None
        if "assignee_id" in context and assignee != context.get("assignee_id"):
            name = now.assignee.name if now.assignee else "nobody"
            changes.append(f"it was reassigned to {name}")
        if not changes:
            return False
        self._settle(
            op,
            OpState.HELD,
            "Held for review: since you wrote this, " + ", and ".join(changes) + ".",
        )
        return True

    async def _customer_wrote_since(
        self, conversation_id: int, context: dict[str, Any], written_at: str
    ) -> bool:
        """More messages can be our own reply (an earlier attempt that landed): look at them.

        Message ids grow, so "after the last message the writer saw" is exact when the
        thread was loaded. Otherwise by position: the thread is listed oldest first and
        nothing is taken out of it, so what came after the first ``messages_count`` is
        new. Never by time: the server's clock (whole seconds) is not ours.
        """
        last_seen = context.get("last_message_id")
        seen_id = last_seen if isinstance(last_seen, int) else None
        start = int(context.get("messages_count", 0))
        if seen_id is not None:
            start = 0  # the count may be newer than the thread the writer saw: go by id
        scanned = self._scanned.get(conversation_id)
        if scanned is not None and (seen_id is None or scanned[0] >= seen_id):
            # Everything up to that message was looked at and none was the customer's.
            seen_id, start = scanned[0], scanned[1]
        page = start // MAX_PER_PAGE + 1
        index = (page - 1) * MAX_PER_PAGE
        last: tuple[int, int] | None = None
        try:
            while True:
                found = await self.client.conversations.messages(
                    conversation_id, page=page, per_page=MAX_PER_PAGE
                )
                for message in found.items:
                    new = index >= start and (seen_id is None or message.id > seen_id)
                    if new and message.direction == "inbound":
                        return True
                    index += 1
                    last = (message.id, index)
                if not found.has_more or not found.items:
                    if last is not None:
                        self._scanned[conversation_id] = last
                    return False
                page += 1
        except errors.ApiError:
            return False

    def _retry_later(
        self, op: Operation, error: errors.ApiError, state: OpState = OpState.QUEUED
    ) -> float:
        """Back to waiting, with a capped, jittered backoff; returns when it may go again."""
        attempts = op.attempts + 1
        ceiling = min(self.backoff_cap, self.backoff_base * 2.0 ** min(attempts - 1, 20))
        wait = ceiling * (0.5 + random.random() / 2)
        retry_after = getattr(error, "retry_after", None)
        if isinstance(retry_after, int | float):
            wait = max(wait, float(retry_after))
        again_at = self.clock() + wait
        outbox_store.set_state(
            self.store,
            op.id,
            state,
            error=error.message,
            next_attempt_at=again_at,
            count_attempt=True,
        )
        self._notify({"outbox"})
        return again_at

    def _key_expired(self, op: Operation) -> bool:
        created = dt.datetime.fromisoformat(op.created_at)
        return dt.datetime.now(dt.UTC) - created > KEY_LIFETIME

    def _settle(self, op: Operation, state: OpState, message: str) -> None:
        outbox_store.set_state(self.store, op.id, state, error=message, count_attempt=True)
        self._changed(op)

    # ------------------------------------------------------------------ notifications
    def _feed(self, error: BaseException | None) -> None:
        if self.connectivity is None:
            return
        if error is None:
            self.connectivity.record_success()
        else:
            self.connectivity.record_failure(error)

    def _changed(self, op: Operation) -> None:
        self._notify({"outbox", RESOURCE_OF.get(op.target_type, op.target_type)})

    def _notify(self, names: set[str]) -> None:
        for listener in list(self._listeners):
            listener(names)


RESOURCE_OF = {
    "contact": "contacts",
    "deal": "deals",
    "conversation": "conversations",
    "campaign": "campaigns",
    "tag": "tags",
    "group": "groups",
    "webhook": "webhooks",
}
