"""A webhook receiver on loopback that records what it is sent."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Delivery:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Collects POSTs; the first ``fail_first`` of them are answered with 503."""

    url: str = ""
    deliveries: list[Delivery] = field(default_factory=list)
    attempts: int = 0
    fail_first: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_for(self, count: int = 1, timeout: float = 15.0) -> list[Delivery]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.deliveries) >= count:
                    return list(self.deliveries)
            time.sleep(0.02)
        raise AssertionError(
            f"expected {count} deliveries, got {len(self.deliveries)} "
            f"after {timeout}s ({self.attempts} attempts)"
        )

    def events(self) -> list[str]:
        with self._lock:
            return [d.headers.get("x-mailtrixy-event", "") for d in self.deliveries]


def start_receiver() -> tuple[Receiver, ThreadingHTTPServer]:
    receiver = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            with receiver._lock:
                receiver.attempts += 1
                failing = receiver.attempts <= receiver.fail_first
                if not failing:
                    receiver.deliveries.append(
                        Delivery(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
            self.send_response(503 if failing else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    return receiver, server
