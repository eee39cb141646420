"""Faults on demand: latency, 5xx, dropped connections and offline, switched at run time."""

from __future__ import annotations

import time
import uuid

import httpx
import pytest

from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api

# What a client sees when a connection is cut: no HTTP response at all.
CUT = (httpx.RemoteProtocolError, httpx.ReadError, httpx.ConnectError, httpx.WriteError)


def test_latency_with_jitter_slows_api_calls_only(admin: Admin, api: Api) -> None:
    admin.faults(latency_ms=300, jitter_ms=100)
    started = time.monotonic()
    assert api.get("/team-members").status_code == 200
    elapsed = time.monotonic() - started
    assert elapsed >= 0.3
    started = time.monotonic()
    assert admin.client.get("/faults").status_code == 200
    assert time.monotonic() - started < 0.3


def test_an_error_rate_of_one_answers_every_call_with_the_chosen_5xx(
    admin: Admin, api: Api
) -> None:
    admin.faults(error_rate=1.0, error_status=503)
    response = api.get("/team-members")
    assert response.status_code == 503
    assert response.json() == {"success": False, "message": "Injected server error."}
    assert int(response.headers["x-ratelimit-remaining"]) >= 0  # like every other answer
    admin.faults(error_rate=0.0)
    assert api.get("/team-members").status_code == 200


def test_an_injected_error_has_no_effect(admin: Admin, api: Api) -> None:
    name = f"err-{uuid.uuid4().hex[:8]}"
    admin.faults(error_rate=1.0)
    assert api.post("/tags", json={"name": name}).status_code == 500
    admin.faults(error_rate=0.0)
    assert name not in [t["name"] for t in api.data(api.get("/tags"))]


def test_a_partial_error_rate_fails_some_calls(admin: Admin, api: Api) -> None:
    admin.faults(error_rate=0.5)
    statuses = {api.get("/team-members").status_code for _ in range(40)}
    assert statuses == {200, 500}


def test_a_connection_dropped_before_handling_has_no_effect(admin: Admin, api: Api) -> None:
    name = f"drop-before-{uuid.uuid4().hex[:8]}"
    admin.faults(drop_rate=1.0, drop_phase="before")
    with pytest.raises(CUT):
        api.post("/tags", json={"name": name})
    admin.faults(drop_rate=0.0)
    assert name not in [t["name"] for t in api.data(api.get("/tags"))]


def test_a_connection_dropped_after_handling_took_effect(admin: Admin, api: Api) -> None:
    """The classic unknown outcome: the client saw nothing, but the server did the work."""
    name = f"drop-after-{uuid.uuid4().hex[:8]}"
    key = str(uuid.uuid4())
    admin.faults(drop_rate=1.0, drop_phase="after")
    with pytest.raises(CUT):
        api.post("/tags", json={"name": name}, headers={"Idempotency-Key": key})
    admin.faults(drop_rate=0.0)
    assert [t["name"] for t in api.data(api.get("/tags"))].count(name) == 1
    # Retrying with the same key gets the answer that was lost, and no second tag.
    retry = api.post("/tags", json={"name": name}, headers={"Idempotency-Key": key})
    assert retry.status_code == 201
    assert retry.json()["data"]["name"] == name
    assert [t["name"] for t in api.data(api.get("/tags"))].count(name) == 1


def test_offline_refuses_every_api_call_but_admin_stays_reachable(
    admin: Admin, api: Api, sandbox: SandboxProcess
) -> None:
    admin.faults(offline=True)
    for _ in range(3):  # new connections and kept-alive ones alike
        with pytest.raises(CUT):
            api.get("/team-members")
    with pytest.raises(CUT):
        httpx.get(
            sandbox.api_url + "/contacts", headers={"Authorization": f"Bearer {sandbox.token}"}
        )
    assert admin.client.get("/faults").json()["data"]["offline"] is True
    admin.faults(offline=False)
    assert api.get("/team-members").status_code == 200


def test_fault_settings_are_validated(admin: Admin) -> None:
    response = admin.client.put(
        "/faults",
        json={"error_rate": 2, "drop_phase": "sideways", "nonsense": 1, "error_status": 404},
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"error_rate", "drop_phase", "nonsense", "error_status"}
    assert admin.client.get("/faults").json()["data"]["error_rate"] == 0.0


def test_faults_can_be_set_on_the_command_line() -> None:
    with SandboxProcess(["--error-rate", "1", "--error-status", "502", "--latency-ms", "50"]) as sb:
        response = httpx.get(
            sb.api_url + "/team-members", headers={"Authorization": f"Bearer {sb.token}"}
        )
        assert response.status_code == 502
        faults = httpx.get(
            sb.url + "/_admin/faults", headers={"X-Admin-Token": sb.admin_token}
        ).json()["data"]
        assert faults["latency_ms"] == 50
    with SandboxProcess(["--offline"]) as sb, pytest.raises(CUT):
        httpx.get(sb.api_url + "/team-members", headers={"Authorization": f"Bearer {sb.token}"})
