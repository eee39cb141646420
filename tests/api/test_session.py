"""The request core against a mock transport: retries, errors, envelopes, secrecy."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest

from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.retry import RetryPolicy

pytestmark = pytest.mark.anyio

TOKEN = "mtx_super-secret-token-value"
NOW = "2026-03-25T10:00:00Z"


class Recorder:
    """A mock server: answers from a list, records every request and every wait."""

    def __init__(self, *answers: httpx.Response | Callable[[httpx.Request], httpx.Response]
                 | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.waits: list[float] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(request)
        return answer

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)

    def client(self, **retry: object) -> MailTrixyClient:
        policy = RetryPolicy(sleep=self.sleep, uniform=lambda: 0.5, **retry)  # type: ignore[arg-type]
        return MailTrixyClient("https://api.example.test", TOKEN,
                               transport=httpx.MockTransport(self.handler), retry=policy)


def ok(data: object, status: int = 200, meta: object = None) -> httpx.Response:
    body: dict[str, object] = {"success": True, "data": data}
    if meta is not None:
        body["meta"] = meta
    return httpx.Response(status, json=body)


def fail(status: int, message: str = "nope", headers: dict[str, str] | None = None,
         **extra: object) -> httpx.Response:
    return httpx.Response(status, json={"success": False, "message": message, **extra},
                          headers=headers)


TAG = {"id": 1, "name": "lead", "color": "#3B82F6", "contacts_count": 45}


async def test_the_token_goes_in_the_authorization_header_and_nowhere_else() -> None:
    server = Recorder(ok([TAG]))
    async with server.client() as client:
        await client.tags.list()
        assert TOKEN not in repr(client)
        assert TOKEN not in repr(client.session)
    request = server.requests[0]
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in str(request.url)
    assert request.url.path == "/api/v1/tags"


async def test_every_post_carries_an_idempotency_key_and_reuses_it_on_retry() -> None:
    server = Recorder(fail(503), ok(TAG, 201))
    async with server.client() as client:
        await client.tags.create({"name": "lead"})
    keys = [r.headers["idempotency-key"] for r in server.requests]
    assert len(keys) == 2
    assert keys[0] == keys[1]
    assert len(keys[0]) >= 32


async def test_a_given_idempotency_key_is_used_as_is() -> None:
    server = Recorder(ok(TAG, 201))
    async with server.client() as client:
        await client.tags.create({"name": "lead"}, idempotency_key="op-123")
    assert server.requests[0].headers["idempotency-key"] == "op-123"


@pytest.mark.parametrize("status", [429, 502, 503, 504])
async def test_transient_statuses_are_retried_with_backoff(status: int) -> None:
    server = Recorder(fail(status), fail(status), ok([TAG]))
    async with server.client(base_delay=1.0) as client:
        tags = await client.tags.list()
    assert [t.name for t in tags] == ["lead"]
    assert len(server.requests) == 3
    # Full jitter (uniform fixed at 0.5 here): half of 1 s, then half of 2 s.
    assert server.waits == [0.5, 1.0]


async def test_retry_after_is_honoured() -> None:
    server = Recorder(fail(429, headers={"Retry-After": "7"}), ok([TAG]))
    async with server.client(base_delay=1.0) as client:
        await client.tags.list()
    assert server.waits[0] >= 7


async def test_retries_are_bounded_and_end_in_a_typed_error() -> None:
    server = Recorder(fail(429, "slow down", headers={"Retry-After": "2"}))
    async with server.client(max_attempts=3) as client:
        with pytest.raises(errors.RateLimited) as caught:
            await client.tags.list()
    assert caught.value.retry_after == 2
    assert len(server.requests) == 3


async def test_retries_stop_when_the_total_time_budget_is_spent() -> None:
    server = Recorder(fail(503, headers={"Retry-After": "40"}))
    async with server.client(max_attempts=10, max_total=60) as client:
        with pytest.raises(errors.ServerError):
            await client.tags.list()
    assert len(server.requests) == 2  # 40 s, then another 40 s would pass the 60 s budget


async def test_a_500_is_not_retried_by_the_client() -> None:
    server = Recorder(fail(500, "boom"))
    async with server.client() as client:
        with pytest.raises(errors.ServerError) as caught:
            await client.tags.list()
    assert caught.value.status == 500
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("response", "kind"),
    [
        (fail(401), errors.Unauthenticated),
        (fail(403, "This token lacks the 'deals' scope.", required_scope="deals"),
         errors.Forbidden),
        (fail(404), errors.NotFound),
        (fail(409), errors.Conflict),
        (fail(400), errors.BadRequest),
        (fail(422, errors={"email": ["The email has already been taken."]}),
         errors.ValidationFailed),
        (fail(418), errors.UnexpectedStatus),
    ],
)
async def test_error_statuses_become_typed_errors(response: httpx.Response,
                                                  kind: type[errors.ApiError]) -> None:
    server = Recorder(response)
    async with server.client() as client:
        with pytest.raises(kind) as caught:
            await client.deals.get(1)
    assert caught.value.status == response.status_code
    if isinstance(caught.value, errors.Forbidden):
        assert caught.value.scope == "deals"
    if isinstance(caught.value, errors.ValidationFailed):
        assert caught.value.for_field("email") == ["The email has already been taken."]


async def test_connect_errors_are_retried_then_reported_as_unreachable() -> None:
    server = Recorder(httpx.ConnectError("refused"))
    async with server.client(max_attempts=3) as client:
        with pytest.raises(errors.Unreachable) as caught:
            await client.tags.list()
    assert len(server.requests) == 3
    assert "api.example.test" in str(caught.value)


async def test_a_broken_connection_after_sending_is_an_unknown_outcome_not_a_failure() -> None:
    server = Recorder(httpx.RemoteProtocolError("Server disconnected"))
    async with server.client(max_attempts=2) as client:
        with pytest.raises(errors.OutcomeUnknown) as caught:
            await client.tags.create({"name": "lead"}, idempotency_key="k-1")
    assert "may have taken effect" in str(caught.value)
    assert [r.headers["idempotency-key"] for r in server.requests] == ["k-1", "k-1"]


async def test_a_lost_answer_is_recovered_by_retrying_with_the_same_key() -> None:
    server = Recorder(httpx.ReadTimeout("slow"), ok(TAG, 201))
    async with server.client() as client:
        tag = await client.tags.create({"name": "lead"})
    assert tag.id == 1
    assert len({r.headers["idempotency-key"] for r in server.requests}) == 1


@pytest.mark.parametrize(
    ("response", "detail"),
    [
        (httpx.Response(200, text='{"success": true, "data": [{"id": 1, "na'), "not JSON"),
        (httpx.Response(200, html="<html><body>Welcome to the proxy</body></html>"), "not JSON"),
        (httpx.Response(200, json={"data": []}), "envelope"),
        (httpx.Response(200, json=[1, 2]), "envelope"),
        (ok({"id": "x", "name": 5}), "does not match"),
    ],
    ids=["truncated", "html", "no-success", "not-an-object", "wrong-types"],
)
async def test_answers_that_break_the_reference_become_bad_response(
        response: httpx.Response, detail: str) -> None:
    server = Recorder(response)
    async with server.client() as client:
        with pytest.raises(errors.BadResponse) as caught:
            await client.tags.get(1)
    assert detail in str(caught.value)
    report = caught.value.report()
    assert "GET /tags/1" in report
    assert "status 200" in report


async def test_a_page_skips_and_reports_items_of_the_wrong_shape() -> None:
    good = {"id": 1, "name": "Jane", "email": "jane@acme.com", "company": None, "phone": None,
            "tags": [], "created_at": NOW, "updated_at": NOW}
    bad = {"id": 2, "name": "Broken", "email": None, "created_at": "yesterday"}
    meta = {"current_page": 1, "per_page": 100, "total": 2, "last_page": 1}
    server = Recorder(ok([good, bad], meta=meta))
    async with server.client() as client:
        page = await client.contacts.list()
    assert [c.id for c in page.items] == [1]
    assert [s.item_id for s in page.skipped] == [2]


def _contact(contact_id: int) -> dict[str, object]:
    return {"id": contact_id, "name": "x", "email": f"{contact_id}@example.com", "tags": [],
            "created_at": NOW, "updated_at": NOW}


async def test_pages_and_items_iterate_to_the_last_page() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        assert request.url.params["per_page"] == "100"
        assert request.url.params["search"] == "acme"
        return ok([_contact(number * 10 + i) for i in range(2)],
                  meta={"current_page": number, "per_page": 100, "total": 6, "last_page": 3})

    server = Recorder(answer)
    async with server.client() as client:
        pages = [p async for p in client.contacts.pages(search="acme")]
        ids = [c.id async for c in client.contacts.iterate(search="acme")]
    assert [p.meta.current_page for p in pages] == [1, 2, 3]
    assert ids == [10, 11, 20, 21, 30, 31]


async def test_money_is_decimal_both_ways() -> None:
    deal = {"id": 10, "title": "Acme", "value": 75000.1, "currency": "USD", "stage": "proposal",
            "contact": {"id": 42, "name": "Jane", "email": "jane@acme.com"}, "assignee": None,
            "expected_close_date": "2026-04-15", "created_at": NOW, "updated_at": NOW}
    server = Recorder(ok(deal))
    async with server.client() as client:
        got = await client.deals.update(10, {"value": Decimal("80000.50")})
    assert got.value == Decimal("75000.1")
    assert got.created_at.tzinfo is not None
    assert json.loads(server.requests[0].content) == {"value": 80000.5}


async def test_nothing_in_the_logs_carries_the_token(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server = Recorder(fail(503), ok([TAG]), fail(401))
    async with server.client() as client:
        await client.tags.list()
        with pytest.raises(errors.Unauthenticated) as caught:
            await client.tags.list()
    assert caplog.records  # httpx and our own logger both spoke
    assert all(TOKEN not in record.getMessage() for record in caplog.records)
    assert TOKEN not in str(caught.value)
    assert TOKEN not in repr(caught.value)
