"""CSV import jobs end to end against the sandbox.

Each test imports a real file through ``ContactCsvService`` and checks what a
person would notice: how many contacts the server holds afterwards (counted by a
marker unique to the test), the counts in the report, the failed rows with the
server's reasons, and that a job cut short resumes without sending a row twice.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.services.changes import ChangeHub
from mailtrixy_desktop.services.commands import Commands
from mailtrixy_desktop.services.contact_csv import ContactCsvService, Preview
from mailtrixy_desktop.store import contact_imports as imports
from mailtrixy_desktop.store.contacts import contacts_by_id, upsert_contacts
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.sync.contact_import import ImportProgress
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api
from tests.sync.outbox_worker import make_client

pytestmark = pytest.mark.anyio

# No retries in the api layer: every 429 and lost answer reaches the runner, which
# is what these tests are about (the app's client retries a few times first).
ONE_ATTEMPT = RetryPolicy(max_attempts=1)
FAST_BACKOFF: dict[str, Any] = {"backoff_base": 0.02, "backoff_cap": 0.2}


# ---------------------------------------------------------------- fixtures
@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "ws.sqlite3")
    yield s
    s.close()


@pytest.fixture
async def client(sandbox: SandboxProcess) -> AsyncIterator[MailTrixyClient]:
    c = make_client(sandbox.url, sandbox.token, retry=ONE_ATTEMPT)
    yield c
    await c.aclose()


@pytest.fixture
def hub() -> ChangeHub:
    return ChangeHub()


@pytest.fixture
def service(store: Store, client: MailTrixyClient, hub: ChangeHub) -> ContactCsvService:
    return ContactCsvService(Commands(store, hub, lambda: None), client, **FAST_BACKOFF)


# ---------------------------------------------------------------- helpers
def write_csv(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def server_count(api: Api, marker: str) -> int:
    meta = api.get("/contacts", params={"search": marker, "per_page": 1}).json()["meta"]
    return int(meta["total"])


async def preview_of(service: ContactCsvService, path: Path) -> Preview:
    inspection = await service.inspect(path)
    return await service.preview(inspection, inspection.mapping)


def marked_rows(marker: str, count: int) -> list[list[object]]:
    return [
        [f"Person {i}", f"imp-{marker}-{i}@example.com", f"Co {marker}", "", "", ""]
        for i in range(count)
    ]


HEADER = ["name", "email", "company", "phone", "tags", "score"]


# ---------------------------------------------------------------- tests
async def test_thousand_rows_with_five_percent_bad_under_rate_limiting(
    service: ContactCsvService,
    store: Store,
    hub: ChangeHub,
    api: Api,
    admin: Admin,
    tmp_path: Path,
) -> None:
    marker = uuid.uuid4().hex[:10]
    rows: list[list[object]] = [HEADER]
    for i in range(1000):
        email = f"imp-{marker}-{i}@example.com"
        phone = ""
        if i % 40 == 1:
            email = f"imp-{marker}-{i}-at-example.com"  # caught before sending
        elif i % 40 == 2:
            phone = "+1 " + "5" * 60  # the server refuses it: 50 characters at most
        rows.append([f"Person {i}", email, f"Co {marker}", phone, f"import-{marker[:6]}", i])
    path = write_csv(tmp_path / "people.csv", rows)
    heard: list[frozenset[str]] = []
    hub.subscribe(heard.append)

    preview = await preview_of(service, path)
    assert (preview.total, preview.bad, preview.duplicates, preview.existing) == (1000, 25, 0, 0)

    # 80 requests a second at most, below what four workers send: 429s all along.
    admin.rate_limit(limit=40, window_seconds=0.5)
    progress: list[ImportProgress] = []
    job_id, task = await service.start(preview, "update", progress.append)
    report = await task
    admin.rate_limit(100000, 60)

    assert report.state == "finished"
    c = report.counts
    assert (c.total, c.done, c.created, c.failed, c.skipped, c.unfinished) == (
        1000,
        950,
        950,
        50,
        0,
        0,
    )
    assert server_count(api, marker) == 950
    # The runner itself waited out rate limits (the client does not retry here).
    assert any(p.paused_for > 0 for p in progress)
    last = progress[-1]
    assert (last.done, last.failed, last.total, last.seconds_left) == (950, 50, 1000, 0.0)
    assert last.rate > 0
    # The new contacts are in the cache, with their custom field as a number.
    cached = store.column(
        "SELECT custom_fields FROM contacts WHERE company = ? ORDER BY id", (f"Co {marker}",)
    )
    assert len(cached) == 950
    score = store.scalar(
        "SELECT custom_fields FROM contacts WHERE email = ?", (f"imp-{marker}-7@example.com",)
    )
    assert json.loads(score) == {"score": 7}
    assert any("contacts" in names for names in heard)

    out = tmp_path / "failed.csv"
    assert service.save_failed_rows(job_id, out) == 50
    with out.open(encoding="utf-8", newline="") as f:
        failed = list(csv.reader(f))
    assert failed[0] == [*HEADER, "row", "error"]
    reasons = {int(r[-2]): r[-1] for r in failed[1:]}
    assert len(reasons) == 50
    assert reasons[3].startswith("The email is not valid")  # i == 1 is row 3
    assert reasons[4].startswith("phone: ")  # the server's message for the field
    jobs = service.jobs()
    assert jobs[0].id == job_id
    assert jobs[0].state == "finished"


async def test_cancelled_job_resumes_in_a_new_runner_and_sends_each_row_once(
    sandbox: SandboxProcess,
    api: Api,
    tmp_path: Path,
) -> None:
    marker = uuid.uuid4().hex[:10]
    path = write_csv(tmp_path / "people.csv", [HEADER, *marked_rows(marker, 300)])
    file = tmp_path / "ws.sqlite3"

    store = Store.open(file)
    client = make_client(sandbox.url, sandbox.token, retry=ONE_ATTEMPT)
    service = ContactCsvService(Commands(store, ChangeHub(), lambda: None), client)
    preview = await preview_of(service, path)
    job_id = await service.create_job(preview, "skip")

    def cancel_at_100(p: ImportProgress) -> None:
        if p.done >= 100:
            service.cancel(job_id)

    first = await service.run(job_id, cancel_at_100)
    assert first.state == "cancelled"
    assert 100 <= first.counts.done < 300
    # As if the app had stopped right after some requests left: the server has these
    # three rows, but the job still says "sending".
    resend = list(imports.unfinished_rows(store, job_id))[:3]
    for row in resend:
        imports.mark_sending(store, job_id, row.line)
        response = api.post(
            "/contacts", json=row.fields, headers={"Idempotency-Key": row.idempotency_key}
        )
        assert response.status_code == 201, response.text
    await client.aclose()
    store.close()

    store = Store.open(file)
    client = make_client(sandbox.url, sandbox.token, retry=ONE_ATTEMPT)
    try:
        service = ContactCsvService(Commands(store, ChangeHub(), lambda: None), client)
        job = service.job(job_id)
        assert job is not None
        assert job.state == "cancelled"
        assert job.resumable
        second = await service.run(job_id)
    finally:
        await client.aclose()
    assert second.state == "finished"
    c = second.counts
    # Not one "email already taken": the three rows sent before went again with their
    # keys and the server answered with what it had made.
    assert (c.created, c.failed, c.skipped, c.unfinished) == (300, 0, 0, 0)
    assert server_count(api, marker) == 300
    store.close()


async def test_lost_answers_are_sent_again_with_the_same_key(
    service: ContactCsvService, api: Api, admin: Admin, tmp_path: Path
) -> None:
    marker = uuid.uuid4().hex[:10]
    path = write_csv(tmp_path / "people.csv", [HEADER, *marked_rows(marker, 120)])
    preview = await preview_of(service, path)
    # The connection is cut after the server made the contact, for a third of requests.
    admin.faults(drop_rate=0.3, drop_phase="after")
    _, task = await service.start(preview, "update")
    report = await task
    admin.faults(drop_rate=0.0)
    assert report.state == "finished"
    assert (report.counts.created, report.counts.failed) == (120, 0)
    assert server_count(api, marker) == 120


async def test_a_rejected_token_interrupts_the_job_and_sends_nothing(
    sandbox: SandboxProcess, store: Store, api: Api, tmp_path: Path
) -> None:
    marker = uuid.uuid4().hex[:10]
    path = write_csv(tmp_path / "people.csv", [HEADER, *marked_rows(marker, 10)])
    bad = MailTrixyClient(sandbox.url, "not-a-token", retry=ONE_ATTEMPT)
    try:
        service = ContactCsvService(Commands(store, ChangeHub(), lambda: None), bad)
        preview = await preview_of(service, path)
        _, task = await service.start(preview, "update")
        report = await task
    finally:
        await bad.aclose()
    assert report.state == "interrupted"
    assert report.last_error
    assert report.counts.unfinished == 10
    assert server_count(api, marker) == 0
    job = service.jobs()[0]
    assert job.resumable


async def test_export_then_reimport_with_update_changes_nothing(
    service: ContactCsvService,
    client: MailTrixyClient,
    store: Store,
    api: Api,
    tmp_path: Path,
) -> None:
    marker = uuid.uuid4().hex[:10]
    group = api.make_group(f"Export {marker}")
    made = []
    for i in range(20):
        made.append(
            api.make_contact(
                name=f"Round Trip {i}",
                email=f"rt-{marker}-{i}@example.com",
                company=f"Co {marker}" if i % 2 else None,
                phone="+1-555-0100" if i % 3 else None,
                tags=["lead", f"rt-{marker[:6]}"] if i % 2 else [],
                group_ids=[group["id"]] if i % 4 == 0 else [],
                custom_fields={"deal": 1000 * i, "ratio": i / 4, "vip": i % 2 == 0, "zip": "0042"},
            )
        )
    ids = [m["id"] for m in made]
    upsert_contacts(store, [await client.contacts.get(i) for i in ids])

    def server_state() -> list[dict[str, Any]]:
        return [api.data(api.get(f"/contacts/{i}")) for i in ids]

    before_server = server_state()
    before_cache = contacts_by_id(store, ids)

    out = tmp_path / "export.csv"
    columns = service.export_columns()
    assert {"custom:deal", "custom:vip"} <= set(columns)
    assert await service.export(ids, columns, out, bom=True) == 20

    preview = await preview_of(service, out)
    assert (preview.total, preview.bad, preview.existing) == (20, 0, 20)
    _, task = await service.start(preview, "update")
    report = await task
    assert report.state == "finished"
    assert (report.counts.unchanged, report.counts.updated, report.counts.created) == (20, 0, 0)
    assert server_state() == before_server
    after_cache = contacts_by_id(store, ids)
    assert {
        i: (r.name, r.tags, r.groups, r.custom_fields, r.updated_at) for i, r in after_cache.items()
    } == {
        i: (r.name, r.tags, r.groups, r.custom_fields, r.updated_at)
        for i, r in before_cache.items()
    }
