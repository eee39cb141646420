"""Full and incremental sync against a seeded sandbox, with and without faults."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.services.admin import AdminService
from mailtrixy_desktop.services.changes import ChangeHub
from mailtrixy_desktop.services.commands import Commands
from mailtrixy_desktop.services.contacts import ContactsService
from mailtrixy_desktop.store import (
    contact_lists,
    contacts,
    conversations,
    deals,
    outbox,
    sync_state,
    webhooks,
)
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.sync.pull import Progress, PullEngine
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import NO_FAULTS, Admin

pytestmark = pytest.mark.anyio

FAST = RetryPolicy(max_attempts=6, base_delay=0.02, max_delay=0.2, max_total=20)
SIZES = ["--contacts", "450", "--conversations", "120", "--deals", "90", "--campaigns", "10"]


@pytest.fixture(scope="module")
def seeded() -> Iterator[SandboxProcess]:
    with SandboxProcess(["--seed", "demo", *SIZES, "--rate-limit", "100000"]) as sb:
        yield sb


@pytest.fixture
def seeded_admin(seeded: SandboxProcess) -> Iterator[Admin]:
    admin = Admin(seeded)
    yield admin
    admin.faults(**NO_FAULTS)
    admin.rate_limit(100000, 60)
    admin.close()


@pytest.fixture
async def client(seeded: SandboxProcess) -> AsyncIterator[MailTrixyClient]:
    async with MailTrixyClient(seeded.url, seeded.token, retry=FAST) as c:
        yield c


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "workspace.sqlite3")
    yield s
    s.close()


def _server(seeded: SandboxProcess, path: str) -> list[dict[str, object]]:
    """Every item of a list endpoint, straight from the server."""
    items: list[dict[str, object]] = []
    page = 1
    with httpx.Client(
        base_url=seeded.api_url, headers={"Authorization": f"Bearer {seeded.token}"}
    ) as http:
        while True:
            body = http.get(path, params={"page": page, "per_page": 100}).json()
            items += body["data"]
            if page >= body["meta"]["last_page"]:
                return items
            page += 1


def assert_cache_equals_server(store: Store, seeded: SandboxProcess) -> None:
    server_contacts = {c["id"]: c for c in _server(seeded, "/contacts")}
    cached_ids = contact_lists.contact_ids(store)
    assert set(cached_ids) == set(server_contacts)
    rows = contacts.contacts_by_id(store, cached_ids)
    for cid, item in server_contacts.items():
        row = rows[cid]
        assert (row.name, row.email, row.company) == (item["name"], item["email"], item["company"])
        assert sorted(t.name for t in row.tags) == sorted(t["name"] for t in item["tags"])  # type: ignore[attr-defined]
    server_deals = {d["id"]: d for d in _server(seeded, "/deals")}
    cached_deals = deals.deals_by_id(store, deals.deal_ids(store))
    assert set(cached_deals) == set(server_deals)
    for did, item in server_deals.items():
        assert cached_deals[did].stage == item["stage"]
        assert cached_deals[did].value == Decimal(str(item["value"]))
    server_conversations = {c["id"]: c for c in _server(seeded, "/conversations")}
    cached = conversations.conversations_by_id(
        store, conversations.conversation_ids(store, status="all")
    )
    assert set(cached) == set(server_conversations)
    for cid, item in server_conversations.items():
        assert cached[cid].status == item["status"]


async def test_a_full_sync_fills_the_cache_with_what_the_server_has(
    client: MailTrixyClient, store: Store, seeded: SandboxProcess
) -> None:
    engine = PullEngine(client, store, concurrency=4)
    progress: list[Progress] = []
    changed: list[set[str]] = []
    engine.on_progress(progress.append)
    engine.on_change(changed.append)
    report = await engine.full_sync()
    assert report.ok, report.failed
    assert set(report.synced) >= {
        "contacts",
        "conversations",
        "deals",
        "campaigns",
        "tags",
        "groups",
        "team_members",
        "webhooks",
    }
    assert_cache_equals_server(store, seeded)
    contact_progress = [p for p in progress if p.resource == "contacts"]
    assert contact_progress[-1].done == contact_progress[-1].total == 450
    assert len(contact_progress) == 5  # a report per page, so a bar can move
    assert {"contacts", "deals"} <= set().union(*changed)
    assert sync_state.sync_state(store, "contacts").last_full_sync_at is not None


async def test_rows_the_server_no_longer_has_are_removed(
    client: MailTrixyClient, store: Store, seeded: SandboxProcess
) -> None:
    engine = PullEngine(client, store)
    await engine.full_sync(["contacts"])
    doomed = await client.contacts.create(
        {"name": "Soon Gone", "email": f"{uuid.uuid4().hex[:8]}@example.com"}
    )
    await engine.full_sync(["contacts"])
    assert contacts.contact(store, doomed.id) is not None
    await client.contacts.delete(doomed.id)
    await engine.full_sync(["contacts"])
    assert contacts.contact(store, doomed.id) is None


async def test_an_incremental_sync_brings_only_what_changed(
    client: MailTrixyClient, store: Store, seeded: SandboxProcess
) -> None:
    engine = PullEngine(client, store)
    await engine.full_sync(["contacts", "deals"])
    target = (await client.contacts.list(per_page=1)).items[0]
    renamed = f"Renamed {uuid.uuid4().hex[:6]}"
    await client.contacts.update(target.id, {"name": renamed})
    progress: list[Progress] = []
    engine.on_progress(progress.append)
    report = await engine.incremental_sync(["contacts"])
    assert report.ok
    row = contacts.contact(store, target.id)
    assert row is not None
    assert row.name == renamed
    fetched = [p for p in progress if p.resource == "contacts"]
    assert fetched[-1].total is not None
    assert fetched[-1].total < 50  # not the whole table again


@pytest.mark.parametrize(
    "faults",
    [
        {"latency_ms": 40, "jitter_ms": 40},
        {"error_rate": 0.3, "error_status": 500},
        {"error_rate": 0.3, "error_status": 503},
        {"drop_rate": 0.3, "drop_phase": "before"},
        {"drop_rate": 0.3, "drop_phase": "after"},
    ],
    ids=["latency", "500s", "503s", "drops-before", "drops-after"],
)
async def test_a_full_sync_under_faults_ends_with_the_cache_equal_to_the_server(
    client: MailTrixyClient,
    store: Store,
    seeded: SandboxProcess,
    seeded_admin: Admin,
    faults: dict[str, object],
) -> None:
    seeded_admin.faults(**faults)
    report = await PullEngine(client, store, concurrency=4).full_sync(
        ["tags", "groups", "contacts", "conversations", "deals"]
    )
    seeded_admin.faults(**NO_FAULTS)
    assert report.ok, report.failed
    assert_cache_equals_server(store, seeded)


async def test_rate_limits_during_a_full_sync_are_waited_out(
    client: MailTrixyClient, store: Store, seeded: SandboxProcess, seeded_admin: Admin
) -> None:
    seeded_admin.rate_limit(limit=5, window_seconds=0.5)
    report = await PullEngine(client, store, concurrency=4).full_sync(
        ["tags", "groups", "contacts", "conversations", "deals"]
    )
    seeded_admin.rate_limit(100000, 60)
    assert report.ok, report.failed
    assert_cache_equals_server(store, seeded)


async def test_offline_fails_the_sync_and_leaves_the_cache_as_it_was(
    client: MailTrixyClient, store: Store, seeded: SandboxProcess, seeded_admin: Admin
) -> None:
    engine = PullEngine(
        client, store, page_retry=RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.02)
    )
    await engine.full_sync(["contacts"])
    before = contact_lists.count_contacts(store)
    seeded_admin.faults(offline=True)
    report = await engine.full_sync(["contacts", "deals"])
    assert not report.ok
    assert "contacts" in report.failed
    assert contact_lists.count_contacts(store) == before  # nothing removed on a failed sync
    assert sync_state.sync_state(store, "contacts").last_error


async def test_resources_outside_the_tokens_scopes_are_skipped_with_a_reason(
    seeded: SandboxProcess, store: Store
) -> None:
    token = f"deals-{uuid.uuid4().hex[:6]}"
    admin = Admin(seeded)
    admin.client.post("/tokens", json={"token": token, "scopes": ["deals"]})
    admin.close()
    async with MailTrixyClient(seeded.url, token, retry=FAST) as limited:
        report = await PullEngine(limited, store).full_sync()
    assert "deals" in report.synced
    assert "contacts" in report.skipped
    assert "'contacts' scope" in report.skipped["contacts"]
    assert report.ok


def _index_names(store: Store) -> set[str]:
    return set(store.column("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"))


def _search_indexes_agree_with_the_rows(store: Store) -> None:
    for fts in ("contacts_fts", "conversations_fts", "deals_fts"):
        # Raises "database disk image is malformed" if an index and its rows disagree.
        store.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")


async def test_a_first_sync_builds_the_sort_and_search_indexes_once_at_the_end(
    client: MailTrixyClient, store: Store, seeded: SandboxProcess
) -> None:
    expected = _index_names(store)
    deferred: list[set[str]] = []
    engine = PullEngine(client, store, concurrency=4)
    # Progress comes after a page is written: mid-sync, the big tables have no sort
    # indexes and no search triggers; afterwards everything is back.
    engine.on_progress(lambda p: deferred.append(expected - _index_names(store)))
    report = await engine.full_sync(["contacts", "conversations", "deals"])
    assert report.ok, report.failed
    assert {"contacts_by_name", "contacts_fts_insert"} <= set().union(*deferred)
    assert _index_names(store) == expected
    assert not store.deferred
    _search_indexes_agree_with_the_rows(store)
    assert_cache_equals_server(store, seeded)
    name = contacts.contacts_by_id(store, [contact_lists.contact_ids(store)[0]])
    first = next(iter(name.values())).name.split()[0]
    assert contact_lists.contact_ids(store, search=first)


async def test_a_reader_keeps_working_while_a_sync_writes(
    client: MailTrixyClient, store: Store, seeded: SandboxProcess
) -> None:
    reader = store.reader()
    seen: list[int] = []

    def look(progress: Progress) -> None:
        # The UI's reads, on the event loop, while the writer thread works.
        if progress.resource == "contacts":
            seen.append(len(contact_lists.contact_ids(reader, sort="company")))
            contact_lists.contact_ids(reader, search="a")
            contacts.contacts_by_id(reader, contact_lists.contact_ids(reader)[:50])

    engine = PullEngine(client, store, concurrency=4)
    engine.on_progress(look)
    try:
        report = await engine.full_sync(["tags", "groups", "contacts"])
        assert report.ok, report.failed
        assert seen == sorted(seen)  # the reader sees pages arrive, never go away
        assert seen[-1] == 450
        assert len(contact_lists.contact_ids(reader)) == 450
    finally:
        reader.close()


async def test_a_first_sync_cut_short_still_gets_its_indexes_back(
    client: MailTrixyClient, store: Store, seeded: SandboxProcess, seeded_admin: Admin
) -> None:
    expected = _index_names(store)
    engine = PullEngine(client, store, concurrency=1, page_retry=RetryPolicy(max_attempts=1))
    await engine.full_sync(["tags", "groups"])  # /me answered: scopes are known
    seeded_admin.faults(latency_ms=50)  # the later pages are still to come

    def go_offline(progress: Progress) -> None:
        if progress.resource == "contacts" and progress.done >= 100:
            seeded_admin.faults(offline=True)

    engine.on_progress(go_offline)
    report = await engine.full_sync(["contacts"])
    seeded_admin.faults(**NO_FAULTS)
    assert "contacts" in report.failed
    kept = contact_lists.contact_ids(store)
    assert 100 <= len(kept) < 450  # pages written before the failure stay
    assert _index_names(store) == expected
    assert not store.deferred
    _search_indexes_agree_with_the_rows(store)
    row = contacts.contacts_by_id(store, kept[:1])[kept[0]]
    assert kept[0] in contact_lists.contact_ids(store, search=row.email)


async def test_a_sync_does_not_bring_back_what_was_deleted_here_and_not_yet_sent(
    client: MailTrixyClient, store: Store
) -> None:
    """A delete waits in the outbox (offline, or just not sent yet); a sync reads the
    server, which still has the rows. They stay gone here, and come back only if the
    server refuses the delete."""
    engine = PullEngine(client, store)
    await engine.full_sync(["contacts", "webhooks"])
    commands = Commands(store, ChangeHub(), lambda: None)  # no engine: nothing is sent
    contact_id = contact_lists.contact_ids(store)[0]
    ContactsService(commands).delete(contact_id)
    hook = await client.webhooks.create("https://example.com/hook", ["deal.won"])
    await engine.full_sync(["webhooks"])
    AdminService(commands, client).delete_webhook(hook.id)

    await engine.full_sync(["contacts", "webhooks"])
    await engine.incremental_sync(["contacts"])

    assert contact_id not in contact_lists.contact_ids(store)
    assert hook.id not in [w.id for w in webhooks.webhooks(store)]
    # Refused (say the server kept it): the row is the server's again at the next sync.
    for op in outbox.open_operations(store):
        outbox.set_state(store, op.id, outbox.OpState.NEEDS_ATTENTION)
    await engine.full_sync(["contacts", "webhooks"])
    assert contact_id in contact_lists.contact_ids(store)
    assert hook.id in [w.id for w in webhooks.webhooks(store)]
    await client.webhooks.delete(hook.id)
