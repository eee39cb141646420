"""Start and stop a sandbox as a child process (stdlib only).

Used by the tests, the benchmarks and the desktop app's demo mode: it runs
``python -m mailtrixy_sandbox`` on a free loopback port, waits for the lines
that say it is ready, and stops it with SIGTERM (then SIGKILL if it hangs).
"""

from __future__ import annotations

import collections
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from types import TracebackType

READY_KEYS = ("MAILTRIXY_SANDBOX_URL", "MAILTRIXY_SANDBOX_TOKEN", "MAILTRIXY_SANDBOX_ADMIN_TOKEN")


class SandboxStartError(RuntimeError):
    pass


class SandboxProcess:
    def __init__(
        self,
        args: list[str] | None = None,
        *,
        python: str | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.args = list(args or [])
        self.python = python or sys.executable
        self.env = env
        self.process: subprocess.Popen[str] | None = None
        self.url = ""
        self.token = ""
        self.admin_token = ""
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=200)

    @property
    def api_url(self) -> str:
        return self.url + "/api/v1"

    def start(self, timeout: float = 120.0) -> SandboxProcess:
        command = [
            self.python,
            "-m",
            "mailtrixy_sandbox",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            *self.args,
        ]
        env = dict(os.environ if self.env is None else self.env)
        env.setdefault("PYTHONUNBUFFERED", "1")
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(self.process.stdout, lines), daemon=True).start()
        threading.Thread(target=self._pump, args=(self.process.stderr, None), daemon=True).start()
        found: dict[str, str] = {}
        deadline = time.monotonic() + timeout
        while len(found) < len(READY_KEYS):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise SandboxStartError(
                    "the sandbox did not become ready in time:\n" + "\n".join(self.stderr_tail)
                )
            try:
                line = lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            if line is None:
                self.process.wait(timeout=5)
                raise SandboxStartError(
                    f"the sandbox exited with status {self.process.returncode}:\n"
                    + "\n".join(self.stderr_tail)
                )
            key, sep, value = line.strip().partition("=")
            if sep and key in READY_KEYS:
                found[key] = value
        self.url = found["MAILTRIXY_SANDBOX_URL"]
        self.token = found["MAILTRIXY_SANDBOX_TOKEN"]
        self.admin_token = found["MAILTRIXY_SANDBOX_ADMIN_TOKEN"]
        return self

    def _pump(self, stream: object, sink: queue.Queue[str | None] | None) -> None:
        for line in iter(stream.readline, ""):  # type: ignore[attr-defined]
            if sink is not None:
                sink.put(line)
            else:
                self.stderr_tail.append(line.rstrip("\n"))
        if sink is not None:
            sink.put(None)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 15.0) -> int | None:
        """Stop gracefully; returns the exit status."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        return self.process.returncode

    def __enter__(self) -> SandboxProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
