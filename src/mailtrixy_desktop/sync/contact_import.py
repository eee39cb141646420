"""Running a contact import job: the rows of ``store.contact_imports`` sent to the server.

Rows go with bounded concurrency. Each is marked "sending" (committed) before its
request leaves and gets its outcome after, with the server's contact written to
the cache in the same transaction; a row cut short goes again with the same
idempotency key, so the server never holds it twice. Rate limits and network
trouble never fail a row: the whole job pauses (for the server's ``Retry-After``
when it gives one, else a capped exponential backoff) and the row goes again;
there is no cap on attempts, only on each wait, so a long 429 storm slows the
job without failing or stalling it. A 422 fails the row with the server's
message per field. A 401 or 403 stops the job ("interrupted"): every other row
would fail the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.models import ContactFields
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.store import contact_imports as imports
from mailtrixy_desktop.store.contact_imports import Counts
from mailtrixy_desktop.store.contacts import upsert_contacts
from mailtrixy_desktop.store.tags_groups import upsert_groups

if TYPE_CHECKING:
    from mailtrixy_desktop.api.client import MailTrixyClient
    from mailtrixy_desktop.api.models import Contact, CustomValue
    from mailtrixy_desktop.store.contact_imports import ImportRow, JobState, RowAction
    from mailtrixy_desktop.store.database import Store

log = logging.getLogger("mailtrixy_desktop.sync.contact_import")

DEFAULT_CONCURRENCY = 4
# What the contacts table and the imports list hear while a job runs.
CHANGED = frozenset({"contacts", "tags", "contact_groups", "contact_imports"})
TRANSIENT = (errors.RateLimited, errors.ServerError, errors.NetworkError, errors.Conflict)
FATAL = (errors.Unauthenticated, errors.Forbidden)
_MISSING = object()


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """What the progress bar shows; ``done`` counts created, updated and unchanged rows."""

    done: int
    failed: int
    skipped: int
    total: int
    rate: float  # rows finished per second in this run
    seconds_left: float | None  # None until the rate is known
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    paused_for: float = 0.0  # seconds left of a pause for a rate limit or an outage

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.skipped


@dataclass(frozen=True, slots=True)
class ImportReport:
    job_id: int
    state: JobState
    counts: Counts
    seconds: float
    last_error: str | None = None


class _Stop(Exception):
    """A 401 or 403: no row can succeed until the person signs in again."""


@dataclass(frozen=True, slots=True)
class _Outcome:
    state: imports.RowState
    action: RowAction | None = None
    contact: Contact | None = None
    server_id: int | None = None
    reason: str | None = None


# Why a row was skipped or failed, as the job stores it: the English text of these
# marked templates (services.contact_csv.reason_message finds the template and its
# values again, so that the UI can say it in its language); a server's own message
# is stored as it came.
ALREADY_THERE = QT_TRANSLATE_NOOP("ImportReasons", "Already in the workspace.")
GROUP_FAILED = QT_TRANSLATE_NOOP("ImportReasons", "group {name}: {reason}")


def reason_of(exc: errors.ApiError) -> str:
    """The server's 422 message per field ("email: The email has already been taken.")."""
    if isinstance(exc, errors.ValidationFailed) and exc.field_errors:
        return "; ".join(
            f"{field}: {message}"
            for field, messages in exc.field_errors.items()
            for message in messages
        )
    return exc.message


def same_value(a: object, b: object) -> bool:
    """Equal and of the same kind: True is not 1, though Python says so; 2 is 2.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def changes_for(
    current: Contact, fields: Mapping[str, Any], group_ids: list[int] | None
) -> ContactFields:
    """Only what differs from the server's contact, so re-importing an export sends nothing.

    Tags and groups given in the file replace the contact's; custom fields given are
    set one by one (the server merges them); fields the file leaves empty stay as they
    are.
    """
    changes: ContactFields = {}
    if "name" in fields and fields["name"] != current.name:
        changes["name"] = fields["name"]
    if "email" in fields and fields["email"].casefold() != current.email.casefold():
        changes["email"] = fields["email"]
    if "company" in fields and fields["company"] != current.company:
        changes["company"] = fields["company"]
    if "phone" in fields and fields["phone"] != current.phone:
        changes["phone"] = fields["phone"]
    if "tags" in fields and set(fields["tags"]) != {t.name for t in current.tags}:
        changes["tags"] = list(fields["tags"])
    if group_ids is not None and set(group_ids) != {g.id for g in current.groups or ()}:
        changes["group_ids"] = group_ids
    if "custom_fields" in fields:
        have: Mapping[str, CustomValue] = current.custom_fields or {}
        differing = {
            k: v
            for k, v in fields["custom_fields"].items()
            if not same_value(have.get(k, _MISSING), v)
        }
        if differing:
            changes["custom_fields"] = differing
    return changes


class ImportRunner:
    """Sends one job's unfinished rows; ``run()`` once, ``cancel()`` from anywhere on the loop."""

    def __init__(
        self,
        client: MailTrixyClient,
        store: Store,
        job_id: int,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        on_progress: Callable[[ImportProgress], None] | None = None,
        on_change: Callable[[frozenset[str]], None] | None = None,
        backoff_base: float = 0.5,
        backoff_cap: float = 30.0,
        progress_interval: float = 0.1,
        change_interval: float = 0.5,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.client = client
        self.store = store
        self.job_id = job_id
        self.concurrency = concurrency
        self._on_progress = on_progress
        self._on_change = on_change
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._progress_interval = progress_interval
        self._change_interval = change_interval
        self._cancelled = False
        self._work: asyncio.Task[None] | None = None
        self._not_before = 0.0  # monotonic time before which nothing is sent
        self._streak = 0  # transient failures in a row, for the backoff
        self._policy: imports.Policy = "update"
        self._group_ids: dict[str, int] = {}
        self._group_errors: dict[str, str] = {}
        self._counts = Counts()
        self._finished_this_run = 0
        self._started = 0.0
        self._last_progress = 0.0
        self._last_change = 0.0
        self._unpublished = False
        self._last_error: str | None = None

    # ------------------------------------------------------------------ control
    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        """Stop sending; rows in flight stay "sending" and go again (same key) on resume."""
        self._cancelled = True
        if self._work is not None and not self._work.done():
            self._work.cancel()

    async def run(self) -> ImportReport:
        job = imports.job(self.store, self.job_id)
        if job is None:
            raise LookupError(f"no import job {self.job_id}")
        self._policy = job.policy
        self._counts = job.counts
        self._started = time.monotonic()
        if job.state == "finished" or self._cancelled:
            return self._report(job.state)
        imports.set_job_state(self.store, self.job_id, "running")
        self._changed()
        self._progress(force=True)
        self._work = asyncio.get_running_loop().create_task(self._send_all())
        state: JobState
        try:
            await asyncio.wait({self._work})
        except asyncio.CancelledError:
            # The runner itself was cancelled (the app closing): resumable next time.
            self._work.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._work
            imports.set_job_state(self.store, self.job_id, "interrupted")
            self._changed(force=True)
            raise
        if self._work.cancelled():
            state = "cancelled"
        elif (failure := self._work.exception()) is not None:
            self._last_error = (
                failure.message if isinstance(failure, errors.ApiError) else str(failure)
            )
            if not isinstance(failure, _Stop):
                log.error("import job %d failed", self.job_id, exc_info=failure)
            state = "interrupted"
        else:
            left = imports.counts(self.store, self.job_id).unfinished
            state = "finished" if left == 0 else ("cancelled" if self._cancelled else "interrupted")
        imports.set_job_state(self.store, self.job_id, state, last_error=self._last_error)
        self._counts = imports.counts(self.store, self.job_id)
        self._progress(force=True)
        self._changed(force=True)
        return self._report(state)

    def _report(self, state: JobState) -> ImportReport:
        return ImportReport(
            self.job_id,
            state,
            imports.counts(self.store, self.job_id),
            time.monotonic() - self._started,
            self._last_error,
        )

    # ------------------------------------------------------------------ sending
    async def _send_all(self) -> None:
        # Read and decoded in a worker: 50,000 rows take over a second, which on the
        # loop would freeze the window at every start and resume of a large job.
        rows = await asyncio.to_thread(imports.unfinished_rows, self.store, self.job_id)
        await self._resolve_groups(rows)
        queue = deque(rows)
        workers = [
            asyncio.get_running_loop().create_task(self._worker(queue))
            for _ in range(min(self.concurrency, len(queue)))
        ]
        try:
            # The first worker to stop on a 401/403 ends the others too.
            done, _ = await asyncio.wait(workers, return_when=asyncio.FIRST_EXCEPTION)
            for task in done:
                failure = None if task.cancelled() else task.exception()
                if failure is not None:
                    raise failure
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)

    async def _worker(self, queue: deque[ImportRow]) -> None:
        while queue and not self._cancelled:
            await self._wait_for_gate()
            if not queue:
                return
            row = queue.popleft()
            imports.mark_sending(self.store, self.job_id, row.line)
            try:
                outcome = await self._send(row)
            except TRANSIENT as exc:
                queue.appendleft(row)  # again later, with the same key
                self._pause(exc)
                continue
            except FATAL as exc:
                queue.appendleft(row)
                raise _Stop(exc.message) from exc
            self._streak = 0
            self._record(row, outcome)

    async def _wait_for_gate(self) -> None:
        while (wait := self._not_before - time.monotonic()) > 0:
            self._progress(force=True)
            await asyncio.sleep(wait)

    def _pause(self, exc: errors.ApiError) -> None:
        self._streak += 1
        retry_after = exc.retry_after if isinstance(exc, errors.RateLimited) else None
        if retry_after is not None:
            # The server knows best; a little jitter keeps the workers out of step.
            wait = min(retry_after, self._backoff_cap * 4) + random.uniform(0, 0.1)
        else:
            ceiling = min(self._backoff_cap, self._backoff_base * 2.0 ** (self._streak - 1))
            wait = random.uniform(ceiling / 2, ceiling)
        self._not_before = max(self._not_before, time.monotonic() + wait)
        log.info("import job %d: %s; pausing %.1f s", self.job_id, type(exc).__name__, wait)

    def _record(self, row: ImportRow, outcome: _Outcome) -> None:
        with self.store.transaction():
            if outcome.contact is not None:
                upsert_contacts(self.store, [outcome.contact])
            imports.finish_row(
                self.store,
                self.job_id,
                row.line,
                outcome.state,
                action=outcome.action,
                server_id=outcome.server_id,
                reason=outcome.reason,
            )
        c = self._counts
        if outcome.state == "done":
            c = replace(
                c,
                done=c.done + 1,
                created=c.created + (outcome.action == "created"),
                updated=c.updated + (outcome.action == "updated"),
                unchanged=c.unchanged + (outcome.action == "unchanged"),
            )
        elif outcome.state == "failed":
            c = replace(c, failed=c.failed + 1)
        else:
            c = replace(c, skipped=c.skipped + 1)
        self._counts = c
        self._finished_this_run += 1
        self._unpublished = True
        self._progress()
        self._changed()

    async def _send(self, row: ImportRow) -> _Outcome:
        fields = dict(row.fields)
        group_names: list[str] | None = fields.pop("groups", None)
        group_ids: list[int] | None = None
        if group_names is not None:
            broken = [self._group_errors[n] for n in group_names if n in self._group_errors]
            if broken:
                return _Outcome("failed", reason="; ".join(broken))
            group_ids = [self._group_ids[n] for n in group_names]
        if row.target_id is not None:
            return await self._update(row, row.target_id, fields, group_ids)
        return await self._create(row, fields, group_ids)

    async def _create(
        self, row: ImportRow, fields: dict[str, Any], group_ids: list[int] | None
    ) -> _Outcome:
        payload: dict[str, Any] = dict(fields)
        if group_ids is not None:
            payload["group_ids"] = group_ids
        try:
            contact = await self.client.contacts.create(
                cast(ContactFields, payload), idempotency_key=row.idempotency_key
            )
        except errors.ValidationFailed as exc:
            if exc.for_field("email") and len(exc.field_errors) == 1:
                # Taken by a contact the cache did not know (not synced yet).
                existing = await self._find_on_server(row.email)
                if existing is not None:
                    if self._policy == "skip":
                        return _Outcome("skipped", server_id=existing, reason=str(ALREADY_THERE))
                    imports.set_target(self.store, self.job_id, row.line, existing)
                    return await self._update(row, existing, fields, group_ids)
            return _Outcome("failed", reason=reason_of(exc))
        except (errors.BadRequest, errors.NotFound, errors.UnexpectedStatus) as exc:
            return _Outcome("failed", reason=reason_of(exc))
        return _Outcome("done", "created", contact, contact.id)

    async def _update(
        self,
        row: ImportRow,
        contact_id: int,
        fields: dict[str, Any],
        group_ids: list[int] | None,
    ) -> _Outcome:
        # Compared with the server's contact, not the cache's: the cache may be stale or
        # lack groups and custom fields, and an unneeded PUT would still touch updated_at.
        try:
            current = await self.client.contacts.get(contact_id)
        except errors.NotFound:
            # Deleted on the server since the preview: the row creates it again.
            imports.set_target(self.store, self.job_id, row.line, None)
            return await self._create(row, fields, group_ids)
        changes = changes_for(current, fields, group_ids)
        log.debug("import job %d row %d: changes %s", self.job_id, row.line, changes)
        if not changes:
            return _Outcome("done", "unchanged", current, current.id)
        try:
            contact = await self.client.contacts.update(contact_id, changes)
        except errors.ValidationFailed as exc:
            return _Outcome("failed", contact=current, reason=reason_of(exc))
        except errors.NotFound:
            imports.set_target(self.store, self.job_id, row.line, None)
            return await self._create(row, fields, group_ids)
        except (errors.BadRequest, errors.UnexpectedStatus) as exc:
            return _Outcome("failed", reason=reason_of(exc))
        return _Outcome("done", "updated", contact, contact.id)

    async def _find_on_server(self, email: str) -> int | None:
        wanted = email.casefold()
        page = await self.client.contacts.list(search=email, per_page=20)
        for item in page.items:
            if item.email.casefold() == wanted:
                return item.id
        return None

    # ------------------------------------------------------------------ groups
    async def _resolve_groups(self, rows: Iterable[ImportRow]) -> None:
        """Group names to ids, creating the groups the workspace lacks (once each)."""
        names = list(dict.fromkeys(n for r in rows for n in r.fields.get("groups") or ()))
        if not names:
            return
        while True:
            try:
                await self._resolve_group_names(names)
                return
            except TRANSIENT as exc:
                self._pause(exc)
                await self._wait_for_gate()
            except FATAL as exc:
                raise _Stop(exc.message) from exc

    async def _resolve_group_names(self, names: list[str]) -> None:
        # Listed first each time: a group made by a run cut short is found, not made twice.
        groups = await self.client.groups.list()
        upsert_groups(self.store, groups)
        exact = {g.name: g.id for g in groups}
        folded = {g.name.casefold(): g.id for g in groups}
        for name in names:
            if name in self._group_ids or name in self._group_errors:
                continue
            found = exact.get(name, folded.get(name.casefold()))
            if found is None:
                try:
                    group = await self.client.groups.create(
                        {"name": name}, idempotency_key=str(uuid.uuid4())
                    )
                except errors.ValidationFailed as exc:
                    self._group_errors[name] = str.format(
                        GROUP_FAILED, name=repr(name), reason=reason_of(exc)
                    )
                    continue
                upsert_groups(self.store, [group])
                found = group.id
            self._group_ids[name] = found
        self._changed(force=True)

    # ------------------------------------------------------------------ reporting
    def _progress(self, *, force: bool = False) -> None:
        if self._on_progress is None:
            return
        now = time.monotonic()
        if not force and now - self._last_progress < self._progress_interval:
            return
        self._last_progress = now
        c = self._counts
        elapsed = max(now - self._started, 1e-6)
        rate = self._finished_this_run / elapsed
        left = c.total - c.done - c.failed - c.skipped
        seconds_left = left / rate if rate > 0 else (0.0 if left == 0 else None)
        self._on_progress(
            ImportProgress(
                done=c.done,
                failed=c.failed,
                skipped=c.skipped,
                total=c.total,
                rate=rate,
                seconds_left=seconds_left,
                created=c.created,
                updated=c.updated,
                unchanged=c.unchanged,
                paused_for=max(0.0, self._not_before - now),
            )
        )

    def _changed(self, *, force: bool = False) -> None:
        if self._on_change is None:
            return
        now = time.monotonic()
        if not force and now - self._last_change < self._change_interval:
            return
        self._last_change = now
        self._unpublished = False
        self._on_change(CHANGED)
