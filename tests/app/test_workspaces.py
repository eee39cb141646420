"""The list of workspaces: add, switch, remove, sign out; JSON on disk, never the token."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyring.backends import fail

from mailtrixy_desktop.app.credentials import Credentials, KeyringUnavailable
from mailtrixy_desktop.app.workspaces import Workspaces, normalize_url
from tests.app.test_credentials import SecureKeyring

TOKEN = "mtx_workspace-test-token_d00d"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _contains(file: Path, text: str) -> bool:
    return text.encode() in file.read_bytes()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "workspaces.json"


def test_add_switch_and_reload(path: Path, tmp_path: Path) -> None:
    ws = Workspaces(path)
    assert ws.current is None
    assert ws.entries() == []
    acme = ws.add("Acme", "https://crm.acme.test/api/v1/", 1)
    assert acme.server_url == "https://crm.acme.test"
    assert acme.id == "crm.acme.test-1"
    assert ws.current == acme
    local = ws.add("Local", "http://127.0.0.1:8000", 1, make_current=False)
    assert local.id == "127.0.0.1-8000-1"
    assert ws.current == acme
    assert [e.id for e in ws.entries()] == [acme.id, local.id]

    ws.switch(local.id)
    again = Workspaces(path)
    assert again.current is not None
    assert again.current.id == local.id
    assert [e.id for e in again.entries()] == [local.id, acme.id]  # most recent first
    with pytest.raises(KeyError):
        again.switch("nope")

    # Each workspace's cache is a file of its own.
    assert acme.cache_path(tmp_path) != local.cache_path(tmp_path)
    assert acme.cache_path(tmp_path).parent == tmp_path / "workspaces"


def test_signing_in_again_keeps_the_id(path: Path) -> None:
    ws = Workspaces(path)
    first = ws.add("Acme", "https://crm.acme.test", 1)
    renamed = ws.add("Acme Ltd", "https://crm.acme.test/", 1)
    assert renamed.id == first.id
    assert renamed.name == "Acme Ltd"
    other = ws.add("Acme EU", "https://crm.acme.test", 2)
    assert other.id != first.id
    unnamed = ws.add("", "https://crm.acme.test", None)
    assert unnamed.id == "crm.acme.test"
    clash = ws.add("x", "https://crm.acme.test/other", None)
    assert clash.id == "crm.acme.test-3"  # "-2" is the workspace 2 above
    assert len(ws) == 4


@pytest.mark.anyio
async def test_sign_out_removes_token_and_entry_but_keeps_the_cache(
    path: Path, tmp_path: Path
) -> None:
    backend = SecureKeyring()
    credentials = Credentials(backend)  # type: ignore[arg-type]
    ws = Workspaces(path)
    entry = ws.add("Acme", "https://crm.acme.test", 1)
    await credentials.set(entry.id, TOKEN)
    cache = entry.cache_path(tmp_path)
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"sqlite")

    removed = await ws.sign_out(entry.id, credentials)
    assert removed == entry
    assert ws.current is None
    assert ws.get(entry.id) is None
    assert backend.secrets == {}
    assert cache.exists()
    assert Workspaces(path).entries() == []
    assert not _contains(path, TOKEN)


def test_the_file_holds_no_token_and_survives_garbage(path: Path) -> None:
    ws = Workspaces(path)
    ws.add("Acme", "https://crm.acme.test", 1)
    body = json.loads(path.read_text())
    assert set(body) == {"version", "current", "workspaces"}
    assert set(body["workspaces"][0]) == {"id", "name", "server_url", "remote_id", "last_used"}

    path.write_text("{not json")
    assert Workspaces(path).entries() == []
    assert path.with_suffix(".json.unreadable").read_text() == "{not json"


def test_normalize_url() -> None:
    assert normalize_url(" https://x.test/api/v1/ ") == "https://x.test"
    assert normalize_url("https://x.test/crm/") == "https://x.test/crm"


@pytest.mark.anyio
async def test_sign_in_keeps_the_token_first(path: Path) -> None:
    backend = SecureKeyring()
    ws = Workspaces(path)
    entry = await ws.sign_in(
        Credentials(backend),  # type: ignore[arg-type]
        name="Acme",
        server_url="https://crm.acme.test/",
        remote_id=1,
        token=TOKEN,
    )
    assert ws.current == entry
    assert backend.secrets == {("MailTrixy Desktop", entry.id): TOKEN}
    again = await ws.sign_in(
        Credentials(backend),  # type: ignore[arg-type]
        name="Acme Ltd",
        server_url="https://crm.acme.test",
        remote_id=1,
        token=TOKEN + "2",
    )
    assert again.id == entry.id
    assert again.name == "Acme Ltd"
    assert backend.secrets == {("MailTrixy Desktop", entry.id): TOKEN + "2"}

    nothing = Credentials(fail.Keyring())
    with pytest.raises(KeyringUnavailable):
        await ws.sign_in(
            nothing, name="Other", server_url="https://other.test", remote_id=1, token=TOKEN
        )
    assert [e.id for e in Workspaces(path).entries()] == [entry.id]  # unchanged
    other = await ws.sign_in(
        nothing,
        name="Other",
        server_url="https://other.test",
        remote_id=1,
        token=TOKEN,
        session_only=True,
    )
    assert await nothing.get(other.id) == TOKEN
    assert ws.current == other
    assert not _contains(path, TOKEN)
