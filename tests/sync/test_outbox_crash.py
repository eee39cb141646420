"""A real process drains a large outbox and is killed with SIGKILL half-way.

A second process finishes the job from the same cache file. Whatever the
first was doing when it died (a request on the wire, an answer not yet
recorded), the sandbox ends with every reply exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mailtrixy_desktop.api.models import Conversation
from mailtrixy_desktop.store import conversations, outbox
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Admin, Api

REPLIES = 300
WORKER = Path(__file__).with_name("outbox_worker.py")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def start_worker(store_path: Path, sandbox: SandboxProcess, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as output:
        return subprocess.Popen(
            [sys.executable, str(WORKER), str(store_path), sandbox.url, sandbox.token],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def messages_count(api: Api, conversation_id: int) -> int:
    return int(api.data(api.get(f"/conversations/{conversation_id}"))["messages_count"])


def bodies(api: Api, conversation_id: int) -> list[str]:
    found: list[str] = []
    page = 1
    while True:
        response = api.get(
            f"/conversations/{conversation_id}/messages", params={"page": page, "per_page": 100}
        )
        found += [m["body_html"] or "" for m in api.data(response)]
        if page >= response.json()["meta"]["last_page"]:
            return found
        page += 1


def test_a_killed_drain_is_finished_by_the_next_process_exactly_once(
    sandbox: SandboxProcess,
    api: Api,
    admin: Admin,
    tmp_path: Path,
    processes: list[subprocess.Popen[bytes]],
) -> None:
    contact = api.make_contact(name="Patient Customer")
    conversation: dict[str, Any] = admin.simulate("new_conversation", contact_id=contact["id"])
    before = conversation["messages_count"]
    run = uuid.uuid4().hex[:10]
    tokens = [f"crash-{run}-{i:04d}" for i in range(REPLIES)]

    store_path = tmp_path / "ws.sqlite3"
    store = Store.open(store_path)
    conversations.upsert_conversations(store, [Conversation.model_validate(conversation)])
    with store.transaction():
        for token in tokens:
            outbox.enqueue(
                store,
                kind="conversation.reply",
                target_type="conversation",
                target_id=conversation["id"],
                payload={"body_html": f"<p>{token}</p>"},
            )

    # A slow server: each reply takes a while, so the kill finds one on the wire.
    admin.faults(processing_ms=10)
    log = tmp_path / "workers.log"
    first = start_worker(store_path, sandbox, log)
    processes.append(first)
    deadline = time.monotonic() + 60
    while messages_count(api, conversation["id"]) - before < REPLIES // 5:
        assert first.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the first process delivered too little"
        time.sleep(0.01)
    os.kill(first.pid, signal.SIGKILL)
    assert first.wait(timeout=10) == -signal.SIGKILL

    landed = messages_count(api, conversation["id"]) - before
    states = Counter(op.state for op in outbox.open_operations(store, (*OpState,)))
    assert 0 < landed < REPLIES, "killed too late: nothing was left to finish"
    assert states[OpState.DONE] > 0
    assert states[OpState.QUEUED] + states[OpState.SENDING] > 0

    second = start_worker(store_path, sandbox, log)
    processes.append(second)
    assert second.wait(timeout=120) == 0, log.read_text()

    found = bodies(api, conversation["id"])
    seen = Counter(token for body in found for token in tokens if token in body)
    assert seen == Counter(tokens)  # each reply exactly once
    order = [next(i for i, b in enumerate(found) if t in b) for t in tokens]
    assert order == sorted(order)  # and in the order they were written
    assert outbox.open_operations(store) == []
    cached = conversations.conversation_messages(store, conversation["id"])
    assert Counter(t for m in cached for t in tokens if t in (m.body_html or "")) == Counter(tokens)
    store.close()
