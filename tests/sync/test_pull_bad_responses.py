"""Answers that break the reference fail the sync as api errors and leave the cache alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.store import contact_lists, contacts
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.sync.pull import PullEngine

pytestmark = pytest.mark.anyio

NOW = "2026-03-25T10:00:00Z"
NO_RETRY = RetryPolicy(max_attempts=1)


def contact(contact_id: int, name: str = "Jane") -> dict[str, object]:
    return {
        "id": contact_id,
        "name": name,
        "email": f"{contact_id}@example.com",
        "company": None,
        "phone": None,
        "tags": [],
        "created_at": NOW,
        "updated_at": NOW,
    }


def page(items: list[dict[str, object]], number: int = 1, last: int = 1) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "success": True,
            "data": items,
            "meta": {
                "current_page": number,
                "per_page": 100,
                "total": len(items) * last,
                "last_page": last,
            },
        },
    )


def server(contacts_page: Callable[[httpx.Request], httpx.Response]) -> MailTrixyClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/me"):
            return httpx.Response(404, json={"success": False, "message": "no"})
        return contacts_page(request)

    return MailTrixyClient(
        "https://api.example.test", "token", transport=httpx.MockTransport(handler), retry=NO_RETRY
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "ws.sqlite3")
    yield s
    s.close()


async def _seed(store: Store) -> None:
    async with server(lambda _r: page([contact(1), contact(2)])) as client:
        report = await PullEngine(client, store).full_sync(["contacts"])
    assert report.ok
    assert contact_lists.count_contacts(store) == 2


@pytest.mark.parametrize(
    "bad",
    [
        httpx.Response(200, text='{"success": true, "data": [{"id": 1'),
        httpx.Response(200, html="<html><body>Captive portal: please log in</body></html>"),
        httpx.Response(
            200, json={"success": True, "data": {"not": "a list"}, "meta": {"current_page": 1}}
        ),
        httpx.Response(200, json={"success": True, "data": []}),
    ],
    ids=["truncated-json", "html-page", "data-not-a-list", "missing-meta"],
)
async def test_a_bad_page_fails_the_sync_and_keeps_the_cache(
    store: Store, bad: httpx.Response
) -> None:
    await _seed(store)

    def answer(request: httpx.Request) -> httpx.Response:
        return page([contact(1, "Changed")], 1, 2) if request.url.params["page"] == "1" else bad

    async with server(answer) as client:
        report = await PullEngine(client, store, page_retry=NO_RETRY).full_sync(["contacts"])
    assert isinstance(report.failed["contacts"], errors.BadResponse)
    assert contact_lists.count_contacts(store) == 2  # contact 2 was not removed
    assert "GET /contacts" in report.failed["contacts"].report()


async def test_items_of_the_wrong_shape_are_skipped_reported_and_kept(store: Store) -> None:
    await _seed(store)
    broken = {"id": 2, "name": None, "email": 7, "created_at": "never"}
    async with server(lambda _r: page([contact(1, "Fresh"), broken, contact(3)])) as client:
        report = await PullEngine(client, store).full_sync(["contacts"])
    assert report.ok
    assert report.bad_items == {"contacts": 1}
    rows = contacts.contacts_by_id(store, [1, 2, 3])
    assert rows[1].name == "Fresh"
    assert 2 in rows  # the malformed item still exists on the server: its row stays
    assert 3 in rows
