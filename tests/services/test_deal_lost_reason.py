"""A deal moved to lost with a reason: the reason joins the notes the server has."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.services.workspace import Workspace
from mailtrixy_desktop.store.database import Store
from mailtrixy_desktop.store.outbox import OpState
from mailtrixy_sandbox.process import SandboxProcess
from tests.support.fixtures import Api

pytestmark = pytest.mark.anyio


@pytest.fixture
async def workspace(sandbox: SandboxProcess, tmp_path: Path) -> AsyncIterator[Workspace]:
    client = MailTrixyClient(sandbox.url, sandbox.token)
    store = Store.open(tmp_path / "ws.sqlite3")
    ws = Workspace(client, store)
    yield ws
    await ws.close()
    await client.aclose()
    store.close()


async def test_the_reason_is_added_to_notes_the_cache_never_saw(
    workspace: Workspace, api: Api
) -> None:
    contact = api.make_contact()
    deal = api.make_deal(
        contact["id"], title=f"Lose {uuid.uuid4().hex[:6]}", notes="Met twice; liked the demo."
    )
    await workspace.pull.full_sync(["team_members", "contacts", "deals"])
    cached = workspace.deals.get(deal["id"])
    assert cached is not None
    assert cached.notes is None  # the list does not carry notes

    assert workspace.deals.move([deal["id"]], "lost", reason="Went with a competitor") == 1
    assert workspace.deals.get(deal["id"]).stage == "lost"  # type: ignore[union-attr]
    for _ in range(3):
        await workspace.outbox.drain()
    assert [op.state for op in workspace.operations() if op.state != OpState.DONE] == []
    on_server = api.data(api.get(f"/deals/{deal['id']}"))
    assert on_server["stage"] == "lost"
    assert on_server["notes"] == "Met twice; liked the demo.\nLost: Went with a competitor"
