"""CSV import jobs and their rows, so an import survives the app closing.

A job is written whole before anything is sent: one row per line of the file,
with the fields to send, the original cells (for the failed-rows CSV), a state
and an idempotency key made once. The runner (``sync.contact_import``) marks a
row "sending" before its request leaves and records the outcome after; a job
cut short resumes with the rows still pending or sending, and a row that was
"sending" goes again with the same key, so the server never gets it twice.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from mailtrixy_desktop.store.database import Queryable, Store
from mailtrixy_desktop.store.values import from_text, from_text_required, now, to_json, to_text

JobState = Literal["ready", "running", "interrupted", "cancelled", "finished"]
RowState = Literal["pending", "sending", "done", "skipped", "failed"]
Policy = Literal["update", "skip"]
# What a "done" row did on the server.
RowAction = Literal["created", "updated", "unchanged"]

UNFINISHED: tuple[RowState, ...] = ("pending", "sending")


@dataclass(frozen=True, slots=True)
class NewRow:
    """A line of the file as the validation preview decided it."""

    line: int
    state: RowState  # pending (to send), skipped or failed (never sent)
    email: str
    fields: Mapping[str, Any]  # what to send: ContactFields, groups still by name
    raw: Sequence[str]  # the file's cells
    target_id: int | None = None  # the existing contact to update
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ImportRow:
    job_id: int
    line: int
    state: RowState
    action: RowAction | None
    email: str
    fields: dict[str, Any]
    raw: list[str]
    target_id: int | None
    server_id: int | None
    reason: str | None
    idempotency_key: str


@dataclass(frozen=True, slots=True)
class Counts:
    total: int = 0
    pending: int = 0
    sending: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def unfinished(self) -> int:
        return self.pending + self.sending


@dataclass(frozen=True, slots=True)
class ImportJob:
    id: int
    file_name: str
    state: JobState
    policy: Policy
    options: dict[str, Any]  # header, encoding, delimiter, mapping: what the person chose
    total: int
    last_error: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    finished_at: dt.datetime | None
    counts: Counts

    @property
    def resumable(self) -> bool:
        return self.state in ("ready", "interrupted", "cancelled") and self.counts.unfinished > 0


# -- writes ---------------------------------------------------------------------


def create_job(
    store: Store,
    *,
    file_name: str,
    policy: Policy,
    options: Mapping[str, Any],
    rows: Iterable[NewRow],
) -> int:
    """The job and all its rows in one transaction: a job exists whole or not at all."""
    stamp = to_text(now())
    with store.transaction():
        cursor = store.execute(
            "INSERT INTO import_jobs (file_name, state, policy, options, created_at, updated_at)"
            " VALUES (?, 'ready', ?, ?, ?, ?)",
            (file_name, policy, to_json(dict(options)), stamp, stamp),
        )
        job_id = int(cursor.lastrowid or 0)
        store.executemany(
            "INSERT INTO import_rows (job_id, line, state, email, fields, raw, target_id, reason,"
            " idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    job_id,
                    r.line,
                    r.state,
                    r.email,
                    to_json(dict(r.fields)),
                    to_json(list(r.raw)),
                    r.target_id,
                    r.reason,
                    str(uuid.uuid4()),
                )
                for r in rows
            ),
        )
        store.execute(
            "UPDATE import_jobs SET total = (SELECT count(*) FROM import_rows WHERE job_id = ?)"
            " WHERE id = ?",
            (job_id, job_id),
        )
    return job_id


def set_job_state(
    store: Store, job_id: int, state: JobState, *, last_error: str | None = None
) -> None:
    stamp = to_text(now())
    store.execute(
        "UPDATE import_jobs SET state = ?, last_error = ?, updated_at = ?,"
        " finished_at = CASE WHEN ? = 'finished' THEN ? ELSE finished_at END WHERE id = ?",
        (state, last_error, stamp, state, stamp, job_id),
    )


def mark_interrupted(store: Store) -> int:
    """At start-up: a job still "running" was cut short by the app closing."""
    return store.execute(
        "UPDATE import_jobs SET state = 'interrupted', updated_at = ? WHERE state = 'running'",
        (to_text(now()),),
    ).rowcount


def mark_sending(store: Store, job_id: int, line: int) -> None:
    """Committed before the request leaves, so a crash after it means "send again"."""
    store.execute(
        "UPDATE import_rows SET state = 'sending' WHERE job_id = ? AND line = ?",
        (job_id, line),
    )


def finish_row(
    store: Store,
    job_id: int,
    line: int,
    state: RowState,
    *,
    action: RowAction | None = None,
    server_id: int | None = None,
    reason: str | None = None,
) -> None:
    store.execute(
        "UPDATE import_rows SET state = ?, action = ?, server_id = ?, reason = ?"
        " WHERE job_id = ? AND line = ?",
        (state, action, server_id, reason, job_id, line),
    )


def set_target(store: Store, job_id: int, line: int, target_id: int | None) -> None:
    """The row turned out to update an existing contact (found on the server)."""
    store.execute(
        "UPDATE import_rows SET target_id = ? WHERE job_id = ? AND line = ?",
        (target_id, job_id, line),
    )


def delete_job(store: Store, job_id: int) -> None:
    store.execute("DELETE FROM import_jobs WHERE id = ?", (job_id,))


# -- reads ----------------------------------------------------------------------

_JOB_COLUMNS = (
    "id, file_name, state, policy, options, total, last_error, created_at, updated_at, finished_at"
)
_COUNTS = """
SELECT count(*),
       sum(state = 'pending'), sum(state = 'sending'), sum(state = 'done'),
       sum(state = 'skipped'), sum(state = 'failed'),
       sum(action = 'created' AND state = 'done'), sum(action = 'updated' AND state = 'done'),
       sum(action = 'unchanged' AND state = 'done')
FROM import_rows WHERE job_id = ?
"""


def counts(store: Queryable, job_id: int) -> Counts:
    r = store.one(_COUNTS, (job_id,))
    if r is None:
        return Counts()
    return Counts(*(int(v or 0) for v in r))


def _job(store: Queryable, r: Any) -> ImportJob:
    return ImportJob(
        id=r[0],
        file_name=r[1],
        state=r[2],
        policy=r[3],
        options=json.loads(r[4]),
        total=r[5],
        last_error=r[6],
        created_at=from_text_required(r[7]),
        updated_at=from_text_required(r[8]),
        finished_at=from_text(r[9]),
        counts=counts(store, r[0]),
    )


def job(store: Queryable, job_id: int) -> ImportJob | None:
    r = store.one(f"SELECT {_JOB_COLUMNS} FROM import_jobs WHERE id = ?", (job_id,))
    return None if r is None else _job(store, r)


def jobs(store: Queryable) -> list[ImportJob]:
    """Past and current imports, newest first."""
    return [
        _job(store, r)
        for r in store.all(f"SELECT {_JOB_COLUMNS} FROM import_jobs ORDER BY id DESC")
    ]


def _row(r: Any) -> ImportRow:
    return ImportRow(
        job_id=r[0],
        line=r[1],
        state=r[2],
        action=r[3],
        email=r[4],
        fields=json.loads(r[5]),
        raw=json.loads(r[6]),
        target_id=r[7],
        server_id=r[8],
        reason=r[9],
        idempotency_key=r[10],
    )


_ROW_COLUMNS = (
    "job_id, line, state, action, email, fields, raw, target_id, server_id, reason, idempotency_key"
)


def unfinished_rows(store: Queryable, job_id: int) -> list[ImportRow]:
    """What is left to send, in file order; "sending" rows first went before a stop."""
    return [
        _row(r)
        for r in store.all(
            f"SELECT {_ROW_COLUMNS} FROM import_rows"
            " WHERE job_id = ? AND state IN ('pending', 'sending') ORDER BY line",
            (job_id,),
        )
    ]


def rows_in_state(
    store: Queryable, job_id: int, states: Sequence[RowState], *, chunk: int = 1000
) -> Iterator[ImportRow]:
    """Rows in file order, read a chunk at a time (a job may hold 50,000)."""
    after = -1
    wanted = json.dumps(list(states))
    while True:
        batch = store.all(
            f"SELECT {_ROW_COLUMNS} FROM import_rows WHERE job_id = ? AND line > ?"
            " AND state IN (SELECT value FROM json_each(?)) ORDER BY line LIMIT ?",
            (job_id, after, wanted, chunk),
        )
        if not batch:
            return
        for r in batch:
            yield _row(r)
        after = batch[-1][1]


# -- what the preview and the export ask of the contacts ------------------------


def existing_emails(store: Queryable, emails: Iterable[str]) -> dict[str, int]:
    """Contacts already in the cache with these emails: casefolded email -> id.

    Compared without case as the server does; contacts created offline (negative
    ids) are left out, since the server does not have them yet.
    """
    # NOCASE folds ASCII only: the casefolded forms find "ZOË@…" stored as "zoë@…".
    wanted = list(dict.fromkeys(f for e in emails if e for f in (e, e.casefold())))
    if not wanted:
        return {}
    found: dict[str, int] = {}
    for email, contact_id in store.all(
        "SELECT c.email, c.id FROM contacts AS c"
        " WHERE c.email COLLATE NOCASE IN (SELECT value FROM json_each(?)) AND c.id > 0",
        (json.dumps(wanted),),
    ):
        found.setdefault(str(email).casefold(), int(contact_id))
    return found


def custom_field_keys(store: Queryable) -> list[str]:
    """Every custom field key the cached contacts carry, by name."""
    return [
        str(k)
        for k in store.column(
            "SELECT DISTINCT j.key FROM contacts AS c, json_each(c.custom_fields) AS j"
            " WHERE c.custom_fields IS NOT NULL ORDER BY j.key COLLATE NOCASE"
        )
    ]
