"""The sandbox as a program: start-up lines, persistence across restarts, clean shutdown."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from mailtrixy_sandbox.process import SandboxProcess


def _client(sb: SandboxProcess) -> httpx.Client:
    return httpx.Client(base_url=sb.api_url, headers={"Authorization": f"Bearer {sb.token}"})


def test_ready_lines_name_a_loopback_url_and_working_tokens() -> None:
    with SandboxProcess() as sb:
        assert sb.url.startswith("http://127.0.0.1:")
        assert int(sb.url.rsplit(":", 1)[1]) > 0
        with _client(sb) as client:
            assert client.get("/me").json()["data"]["scopes"] == [
                "contacts",
                "conversations",
                "campaigns",
                "deals",
                "webhooks",
            ]
        admin = httpx.get(sb.url + "/_admin/faults", headers={"X-Admin-Token": sb.admin_token})
        assert admin.status_code == 200


def test_a_data_directory_keeps_data_and_tokens_across_restarts(tmp_path: Path) -> None:
    args = ["--data-dir", str(tmp_path), "--seed", "empty"]
    with SandboxProcess(args) as first, _client(first) as client:
        created = client.post(
            "/contacts", json={"name": "Kept Person", "email": "kept@example.com"}
        )
        assert created.status_code == 201
        key_reply = client.post(
            "/tags", json={"name": "kept-tag"}, headers={"Idempotency-Key": "restart-key"}
        )
        assert key_reply.status_code == 201
        token = first.token
    with SandboxProcess(args) as second, _client(second) as client:
        assert second.token == token
        contact = client.get(f"/contacts/{created.json()['data']['id']}")
        assert contact.status_code == 200
        assert contact.json()["data"]["email"] == "kept@example.com"
        replay = client.post(
            "/tags", json={"name": "kept-tag"}, headers={"Idempotency-Key": "restart-key"}
        )
        assert replay.json() == key_reply.json()


def test_a_demo_seed_happens_once_per_data_directory(tmp_path: Path) -> None:
    args = [
        "--data-dir",
        str(tmp_path),
        "--seed",
        "demo",
        "--contacts",
        "40",
        "--conversations",
        "10",
        "--deals",
        "10",
        "--campaigns",
        "5",
    ]
    with SandboxProcess(args) as first, _client(first) as client:
        total = client.get("/contacts").json()["meta"]["total"]
        assert total == 40
        assert client.delete("/contacts/1").status_code == 200
    with SandboxProcess(args) as second, _client(second) as client:
        assert client.get("/contacts").json()["meta"]["total"] == 39


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_it_shuts_down_cleanly_on_a_signal(sig: signal.Signals) -> None:
    sb = SandboxProcess().start()
    assert sb.process is not None
    sb.process.send_signal(sig)
    assert sb.process.wait(timeout=15) == 0
    assert not any("Traceback" in line for line in sb.stderr_tail)


def test_it_refuses_a_non_loopback_host_unless_told() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mailtrixy_sandbox", "--host", "0.0.0.0", "--port", "0"],  # noqa: S104
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "not a loopback address" in result.stderr


def test_bad_command_line_values_are_refused() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mailtrixy_sandbox", "--token", "abc:contacts,nonsense"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "scopes" in result.stderr
