"""``mailtrixy-desktop --demo`` starts the demo workspace's server and stops it on exit."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from mailtrixy_desktop import __version__


def _run(args: list[str], home: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(home), PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "mailtrixy_desktop", *args], env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)


def _wait_for_line(process: subprocess.Popen[str], pattern: str, timeout: float = 120) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        match = re.search(pattern, line)
        if match:
            return match.group(1)
    raise AssertionError(f"no line matching {pattern!r}; got {seen!r}")


@pytest.mark.slow
def test_demo_serves_a_seeded_workspace_and_stops_it_on_ctrl_c(tmp_path: Path) -> None:
    process = _run(["--demo"], tmp_path)
    try:
        url = _wait_for_line(process, r"Demo workspace running at (http://127\.0\.0\.1:\d+)")
        token = _wait_for_line(process, r"Token: (\S+)")
        response = httpx.get(url + "/api/v1/contacts",
                             headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200
        assert response.json()["meta"]["total"] > 1000  # the demo seed, not an empty workspace
        data_dir = tmp_path / "MailTrixy Desktop" / "demo-sandbox"
        assert (data_dir / "sandbox.sqlite3").exists()
        # The window is up on the demo data: its cache fills from the sandbox.
        cache = tmp_path / "MailTrixy Desktop" / "workspaces" / "demo" / "workspace.sqlite3"
        deadline = time.monotonic() + 60
        while not cache.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert cache.exists()

        # A second start on the same data raises the first window; no second sandbox.
        second = subprocess.run(
            [sys.executable, "-m", "mailtrixy_desktop", "--demo"],
            env=dict(os.environ, XDG_DATA_HOME=str(tmp_path)),
            capture_output=True, text=True, timeout=60,
        )
        assert second.returncode == 0
        assert "already running" in second.stdout
        assert "Starting the demo workspace" not in second.stdout
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/healthz")


def test_version_prints_the_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mailtrixy_desktop", "--version"],
        capture_output=True, text=True, timeout=60, check=True)
    assert __version__ in result.stdout
