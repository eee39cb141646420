"""Sandbox fixtures: one shared server for the session, fresh clients and clean faults per test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from mailtrixy_sandbox.process import SandboxProcess
from tests.support.receiver import Receiver, start_receiver

# Tokens with fewer scopes, for the 403 tests.
LIMITED_TOKENS = {
    "contacts-only-token": "contacts",
    "deals-only-token": "deals",
    "no-scope-token": "",
}


@pytest.fixture(scope="session")
def sandbox() -> Iterator[SandboxProcess]:
    """An empty workspace shared by the session; tests make the data they need."""
    args = [
        "--seed",
        "empty",
        "--allow-http-webhooks",
        "--webhook-retry-base",
        "0.2",
        "--campaign-tick",
        "0.1",
        "--rate-limit",
        "100000",
    ]
    for token, scopes in LIMITED_TOKENS.items():
        args += ["--token", f"{token}:{scopes}" if scopes else f"{token}:"]
    with SandboxProcess(args) as process:
        yield process


class Api:
    """An httpx client for ``/api/v1`` with helpers that check the envelope."""

    def __init__(self, sandbox: SandboxProcess, token: str | None = None) -> None:
        self.sandbox = sandbox
        self.client = httpx.Client(
            base_url=sandbox.api_url,
            timeout=30.0,
            headers={"Authorization": f"Bearer {token or sandbox.token}"},
        )

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.request(method, path, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.get(path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.post(path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.put(path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.delete(path, **kwargs)

    def data(self, response: httpx.Response, status: int = 200) -> Any:
        """The ``data`` of a successful envelope, after checking status and shape."""
        assert response.status_code == status, response.text
        body = response.json()
        assert body["success"] is True
        return body["data"]

    def errors(self, response: httpx.Response, status: int = 422) -> dict[str, list[str]]:
        """The per-field errors of a failed envelope."""
        assert response.status_code == status, response.text
        body = response.json()
        assert body["success"] is False
        assert isinstance(body["message"], str)
        assert body["message"]
        errors: dict[str, list[str]] = body.get("errors") or {}
        return errors

    # -- builders for the data tests need -------------------------------------
    def make_contact(self, **fields: Any) -> dict[str, Any]:
        body = {"name": "Test Person", "email": f"{uuid.uuid4().hex[:12]}@example.com", **fields}
        return self.data(self.post("/contacts", json=body), 201)  # type: ignore[no-any-return]

    def make_group(self, name: str = "Group", **fields: Any) -> dict[str, Any]:
        body = {"name": f"{name} {uuid.uuid4().hex[:6]}", **fields}
        return self.data(self.post("/contact-groups", json=body), 201)  # type: ignore[no-any-return]

    def make_deal(self, contact_id: int, **fields: Any) -> dict[str, Any]:
        body = {"title": "Test deal", "value": 1000, "contact_id": contact_id, **fields}
        return self.data(self.post("/deals", json=body), 201)  # type: ignore[no-any-return]

    def close(self) -> None:
        self.client.close()


class Admin:
    """The sandbox's ``/_admin`` API."""

    def __init__(self, sandbox: SandboxProcess) -> None:
        self.client = httpx.Client(
            base_url=sandbox.url + "/_admin",
            timeout=30.0,
            headers={"X-Admin-Token": sandbox.admin_token},
        )

    def faults(self, **changes: Any) -> dict[str, Any]:
        response = self.client.put("/faults", json=changes)
        assert response.status_code == 200, response.text
        return response.json()["data"]  # type: ignore[no-any-return]

    def rate_limit(self, limit: int, window_seconds: float) -> None:
        response = self.client.put(
            "/rate-limit", json={"limit": limit, "window_seconds": window_seconds}
        )
        assert response.status_code == 200, response.text

    def simulate(self, kind: str, **fields: Any) -> dict[str, Any]:
        response = self.client.post("/simulate", json={"kind": kind, **fields})
        assert response.status_code == 200, response.text
        return response.json()["data"]  # type: ignore[no-any-return]

    def tick(self) -> None:
        assert self.client.post("/tick").status_code == 200

    def deliveries(self) -> list[dict[str, Any]]:
        return self.client.get("/webhook-deliveries").json()["data"]  # type: ignore[no-any-return]

    def close(self) -> None:
        self.client.close()


NO_FAULTS = {
    "latency_ms": 0,
    "jitter_ms": 0,
    "error_rate": 0.0,
    "error_status": 500,
    "drop_rate": 0.0,
    "drop_phase": "before",
    "offline": False,
    "processing_ms": 0,
}


@pytest.fixture
def admin(sandbox: SandboxProcess) -> Iterator[Admin]:
    """The admin API; faults and rate limits are reset after the test."""
    client = Admin(sandbox)
    yield client
    client.faults(**NO_FAULTS)
    client.rate_limit(100000, 60)
    client.close()


@pytest.fixture
def api(sandbox: SandboxProcess) -> Iterator[Api]:
    client = Api(sandbox)
    yield client
    client.close()


@pytest.fixture
def api_as(sandbox: SandboxProcess) -> Iterator[Any]:
    """``api_as(token)``: a client that uses another token."""
    clients: list[Api] = []

    def make(token: str) -> Api:
        client = Api(sandbox, token)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    rec, server = start_receiver()
    yield rec
    server.shutdown()
    server.server_close()
