"""Bearer tokens, scopes and per-token rate limiting."""

from __future__ import annotations

import time

import httpx
import pytest

from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer not-a-real-token"}, {"Authorization": "Basic dXNlcjpwYXNz"}],
    ids=["missing", "unknown", "not-bearer"],
)
def test_requests_without_a_valid_token_are_401(
    sandbox: SandboxProcess, headers: dict[str, str]
) -> None:
    response = httpx.get(sandbox.api_url + "/contacts", headers=headers)
    assert response.status_code == 401
    body = response.json()
    assert body["success"] is False
    assert "token" in body["message"].lower()
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("path", "scope"),
    [
        ("/contacts", "contacts"),
        ("/tags", "contacts"),
        ("/contact-groups", "contacts"),
        ("/conversations", "conversations"),
        ("/campaigns", "campaigns"),
        ("/deals", "deals"),
        ("/webhooks", "webhooks"),
    ],
)
def test_a_token_without_the_scope_gets_403_naming_it(api_as, path: str, scope: str) -> None:  # type: ignore[no-untyped-def]
    client: Api = api_as("no-scope-token")
    response = client.get(path)
    assert response.status_code == 403
    body = response.json()
    assert body["success"] is False
    assert body["required_scope"] == scope
    assert f"'{scope}'" in body["message"]


def test_a_scoped_token_reaches_only_its_resources(api_as) -> None:  # type: ignore[no-untyped-def]
    deals_only: Api = api_as("deals-only-token")
    assert deals_only.get("/deals").status_code == 200
    assert deals_only.get("/contacts").status_code == 403
    me = deals_only.data(deals_only.get("/me"))
    assert me["scopes"] == ["deals"]


def test_team_members_and_me_need_only_a_valid_token(api_as, api: Api) -> None:  # type: ignore[no-untyped-def]
    bare: Api = api_as("no-scope-token")
    assert bare.get("/team-members").status_code == 200
    me = api.data(api.get("/me"))
    assert set(me["scopes"]) == {"contacts", "conversations", "campaigns", "deals", "webhooks"}
    assert me["member"]["id"] == 1


def test_every_api_response_carries_rate_limit_headers(api: Api) -> None:
    for response in (
        api.get("/contacts"),
        api.get("/contacts/999999"),
        api.post("/tags", json={"name": "Bad Name"}),
    ):
        assert int(response.headers["x-ratelimit-limit"]) > 0
        assert int(response.headers["x-ratelimit-remaining"]) >= 0


def test_rate_limited_requests_get_429_then_succeed_after_retry_after(
    admin: Admin, api: Api
) -> None:
    admin.rate_limit(limit=3, window_seconds=3)
    statuses = []
    remaining = []
    for _ in range(4):
        response = api.get("/team-members")
        statuses.append(response.status_code)
        remaining.append(int(response.headers["x-ratelimit-remaining"]))
    assert statuses == [200, 200, 200, 429]
    assert remaining == [2, 1, 0, 0]
    limited = api.get("/team-members")
    assert limited.status_code == 429
    body = limited.json()
    assert body["success"] is False
    retry_after = int(limited.headers["retry-after"])
    assert 1 <= retry_after <= 3
    assert limited.headers["x-ratelimit-limit"] == "3"

    # Honouring Retry-After is enough: the next request goes through.
    deadline = time.monotonic() + retry_after
    while time.monotonic() < deadline:
        time.sleep(deadline - time.monotonic())
    assert api.get("/team-members").status_code == 200


def test_rate_limits_are_per_token(admin: Admin, api: Api, api_as) -> None:  # type: ignore[no-untyped-def]
    admin.rate_limit(limit=2, window_seconds=60)
    assert [api.get("/team-members").status_code for _ in range(3)] == [200, 200, 429]
    other: Api = api_as("deals-only-token")
    assert other.get("/team-members").status_code == 200


def test_admin_api_needs_its_own_token(sandbox: SandboxProcess) -> None:
    for headers in ({}, {"X-Admin-Token": "wrong"}, {"X-Admin-Token": sandbox.token}):
        response = httpx.get(sandbox.url + "/_admin/faults", headers=headers)
        assert response.status_code == 401


def test_unknown_paths_and_wrong_methods(api: Api) -> None:
    missing = api.get("/no-such-thing")
    assert missing.status_code == 404
    assert missing.json()["success"] is False
    wrong = api.request("PATCH", "/contacts")
    assert wrong.status_code == 405
    assert wrong.json()["success"] is False


def test_unauthenticated_calls_are_rate_limited_by_address(
    admin: Admin, sandbox: SandboxProcess
) -> None:
    admin.rate_limit(limit=2, window_seconds=60)
    statuses = [httpx.get(sandbox.api_url + "/contacts").status_code for _ in range(3)]
    assert statuses == [401, 401, 429]
