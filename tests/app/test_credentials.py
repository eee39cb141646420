"""Tokens in the keyring: the real Secret Service, no keyring at all, and plaintext look-alikes.

The Secret Service test runs gnome-keyring on a private D-Bus session bus in a child
process (the test process's keyring choice is made once per process). The others
use stand-in backends that are plain classes, not ``KeyringBackend`` subclasses:
keyring registers every subclass for its own detection, and a test's fake must
not become some later test's default keyring.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from mailtrixy_desktop.app import credentials as creds
from mailtrixy_desktop.app.credentials import (
    SERVICE,
    Credentials,
    CredentialsError,
    KeyringUnavailable,
    Storage,
)
from mailtrixy_desktop.app.workspaces import Workspaces

TOKEN = "mtx_S3cret-token-that-must-not-leak_8c1f"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# --------------------------------------------------------------------- stand-ins
class SecureKeyring:
    """Behaves like an OS keyring (priority 5), keeps secrets in a dict."""

    priority = 5.0

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}
        self.threads: set[int] = set()

    def get_password(self, service: str, username: str) -> str | None:
        self._note()
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._note()
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._note()
        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")

    def _note(self) -> None:
        self.threads.add(threading.get_ident())


class PlaintextKeyring(SecureKeyring):
    """Looks like keyrings.alt's file backend, which writes secrets in plain text."""

    priority = 0.5


PlaintextKeyring.__module__ = "keyrings.alt.file"


class EncryptedKeyring(SecureKeyring):
    priority = 0.6


EncryptedKeyring.__module__ = "keyrings.alt.file"


class HighPriorityFileKeyring(SecureKeyring):
    """A third-party file backend claiming a high priority: it says where its file is."""

    priority = 9.0
    file_path = "secrets.cfg"


class LockedKeyring(SecureKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection stays locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the collection stays locked")


class LeakyKeyring(SecureKeyring):
    """Fails with the password in its message, as a careless backend might."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError(f"could not store {password!r}")


def _chain(*members: Any) -> chainer.ChainerBackend:
    class Chain(chainer.ChainerBackend):
        backends = tuple(members)  # type: ignore[assignment]

    # keyring registers every subclass for its detection; this one is not for it.
    KeyringBackend._classes.discard(Chain)  # type: ignore[attr-defined]
    return Chain()


def _files_containing(root: Path, needle: str) -> list[Path]:
    data = needle.encode()
    return [p for p in root.rglob("*") if p.is_file() and data in p.read_bytes()]


# --------------------------------------------------------------------- (a) Secret Service
CHILD = textwrap.dedent(
    """
    import asyncio, json, sys
    from mailtrixy_desktop.app.credentials import Credentials, Storage

    async def main():
        token = sys.argv[1]
        c = Credentials()
        status = await c.status()
        out = {"available": status.available, "backend": status.backend}
        out["stored"] = (await c.set("ws-1", token)).value
        out["read_back"] = await c.get("ws-1") == token
        out["other"] = await c.get("ws-2")
        again = Credentials()  # as on the next start: from the keyring, not memory
        out["read_fresh"] = await again.get("ws-1") == token
        await c.delete("ws-1")
        out["after_delete"] = await Credentials().get("ws-1")
        await c.delete("ws-1")  # signing out twice is fine
        print(json.dumps(out))

    asyncio.run(main())
    """
)


def _isolated_env(root: Path, **extra: str) -> dict[str, str]:
    """A home of its own: no real keyring, config or data of the person running the tests."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "XDG_"))}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    run = root / "run"
    run.mkdir(mode=0o700, exist_ok=True)
    env.update(
        HOME=str(root),
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_DATA_HOME=str(root / "data"),
        XDG_CACHE_HOME=str(root / "cache"),
        XDG_RUNTIME_DIR=str(run),
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def test_secret_service_round_trip_with_gnome_keyring(tmp_path: Path) -> None:
    tools = ["dbus-run-session", "gnome-keyring-daemon"]
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Secret Service test; missing: {', '.join(missing)}")
        pytest.skip(
            f"{', '.join(missing)} not installed (scripts/bootstrap.sh test installs them); "
            "on CI this test must run"
        )
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    # gnome-keyring creates and unlocks a "login" collection with the password on stdin.
    shell = (
        "printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null "
        '&& exec "$0" "$1" "$2"'
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", shell, sys.executable, str(script), TOKEN],
        env=_isolated_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out == {
        "available": True,
        "backend": "keyring.backends.SecretService.Keyring",
        "stored": "keyring",
        "read_back": True,
        "other": None,
        "read_fresh": True,
        "after_delete": None,
    }
    # gnome-keyring encrypts its file; the token is nowhere in plain text.
    assert _files_containing(tmp_path, TOKEN) == []
    assert TOKEN not in result.stderr


# --------------------------------------------------------------------- (b) no backend
def test_no_backend_from_the_environment_offers_the_session_only(tmp_path: Path) -> None:
    """keyring's own choice, as a headless box makes it: the ``fail`` backend."""
    code = textwrap.dedent(
        """
        import asyncio, json, sys
        from mailtrixy_desktop.app.credentials import Credentials, KeyringUnavailable
        from mailtrixy_desktop.app.workspaces import Workspaces

        async def main():
            token = sys.argv[1]
            c = Credentials()
            status = await c.status()
            out = {"available": status.available, "backend": status.backend}
            try:
                await c.set("ws-1", token)
            except KeyringUnavailable as exc:
                out["refused"] = str(exc)
            out["stored"] = (await c.set("ws-1", token, session_only=True)).value
            out["read_back"] = await c.get("ws-1") == token
            ws = Workspaces()
            ws.add("Acme", "https://crm.example.com", 1)
            out["fresh"] = await Credentials().get("ws-1")
            print(json.dumps(out))

        asyncio.run(main())
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, TOKEN],
        env=_isolated_env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["available"] is False
    assert out["backend"] == "keyring.backends.fail.Keyring"
    assert out["refused"] == "The token cannot be saved: this computer has no secure keyring."
    assert out["stored"] == "session"
    assert out["read_back"] is True
    assert out["fresh"] is None  # gone with the process
    assert (tmp_path / "config" / "MailTrixy Desktop" / "workspaces.json").is_file()
    assert _files_containing(tmp_path, TOKEN) == []
    assert TOKEN not in result.stderr


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), _chain(), _chain(PlaintextKeyring())],
    ids=["fail", "null", "empty-chain", "chain-of-plaintext"],
)
@pytest.mark.anyio
async def test_no_usable_backend_keeps_the_token_in_memory_only(
    backend: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    c = Credentials(backend)
    status = await c.status()
    assert not status.available
    assert status.reason
    with pytest.raises(KeyringUnavailable) as refused:
        await c.set("ws-1", TOKEN)
    assert TOKEN not in str(refused.value)
    assert await c.get("ws-1") is None

    assert await c.set("ws-1", TOKEN, session_only=True) is Storage.SESSION
    assert await c.get("ws-1") == TOKEN
    assert c.stored_in_session("ws-1")
    workspaces = Workspaces()
    entry = workspaces.add("Acme", "https://crm.example.com/", 7)
    entry.cache_path().parent.mkdir(parents=True)
    entry.cache_path().write_bytes(b"cache")
    assert _files_containing(tmp_path, TOKEN) == []
    assert workspaces.path.is_relative_to(tmp_path / "config")

    await workspaces.sign_out(entry.id, c)
    assert await c.get("ws-1") == TOKEN  # another workspace's token is untouched
    await c.delete("ws-1")
    assert await c.get("ws-1") is None


@pytest.mark.anyio
async def test_a_keyring_that_turns_out_locked_becomes_unavailable() -> None:
    c = Credentials(LockedKeyring())  # type: ignore[arg-type]
    assert await c.available()
    assert await c.get("ws-1") is None
    assert not await c.available()
    assert "KeyringLocked" in (await c.status()).reason
    with pytest.raises(KeyringUnavailable):
        await c.set("ws-1", TOKEN)
    assert await c.set("ws-1", TOKEN, session_only=True) is Storage.SESSION


# --------------------------------------------------------------------- (c) plaintext refused
@pytest.mark.parametrize(
    "backend",
    [PlaintextKeyring(), EncryptedKeyring(), HighPriorityFileKeyring()],
    ids=lambda b: type(b).__name__,
)
@pytest.mark.anyio
async def test_file_backends_are_refused(backend: SecureKeyring) -> None:
    assert not creds.is_secure(backend)  # type: ignore[arg-type]
    c = Credentials(backend)  # type: ignore[arg-type]
    status = await c.status()
    assert not status.available
    assert "plain file" in status.reason
    with pytest.raises(KeyringUnavailable):
        await c.set("ws-1", TOKEN)
    await c.set("ws-1", TOKEN, session_only=True)
    await c.get("ws-1")
    await c.delete("ws-1")
    assert backend.secrets == {}
    assert backend.threads == set()  # never even asked


def test_a_chain_uses_its_secure_member_alone() -> None:
    secure, plain = SecureKeyring(), PlaintextKeyring()
    assert creds.pick_backend(_chain(plain, secure)) is secure
    assert creds.pick_backend(_chain(plain)) is None
    assert creds.pick_backend(secure) is secure  # type: ignore[arg-type]


@pytest.mark.anyio
async def test_a_secure_backend_is_used_off_the_calling_thread() -> None:
    backend = SecureKeyring()
    c = Credentials(backend)  # type: ignore[arg-type]
    assert await c.set("ws-1", TOKEN) is Storage.KEYRING
    assert backend.secrets == {(SERVICE, "ws-1"): TOKEN}
    assert await c.get("ws-1") == TOKEN
    await c.delete("ws-1")
    await c.delete("ws-1")  # already gone: fine
    assert backend.secrets == {}
    assert threading.get_ident() not in backend.threads


@pytest.mark.anyio
async def test_choosing_session_only_removes_an_old_keyring_entry() -> None:
    backend = SecureKeyring()
    c = Credentials(backend)  # type: ignore[arg-type]
    await c.set("ws-1", "old-token")
    await c.set("ws-1", TOKEN, session_only=True)
    assert backend.secrets == {}
    assert await c.get("ws-1") == TOKEN


# --------------------------------------------------------------------- (d) never shown
@pytest.mark.anyio
async def test_the_token_never_shows_in_logs_reprs_or_errors(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[str] = []
    for backend in (SecureKeyring(), LockedKeyring(), PlaintextKeyring(), fail.Keyring()):
        c = Credentials(backend)  # type: ignore[arg-type]
        try:
            await c.set("ws-1", TOKEN)
        except (KeyringUnavailable, CredentialsError) as exc:
            seen.append(str(exc))
        await c.set("ws-2", TOKEN, session_only=True)
        await c.get("ws-1")
        seen += [repr(c), str(await c.status())]
        await c.delete("ws-1")

    leaky = Credentials(LeakyKeyring())  # type: ignore[arg-type]
    with pytest.raises(CredentialsError) as failed:
        await leaky.set("ws-1", TOKEN)
    assert failed.value.__cause__ is None
    assert failed.value.__suppress_context__  # the backend's message is not in the traceback
    seen += [str(failed.value), repr(failed.value), repr(leaky)]

    assert caplog.records  # the paths above do log
    text = "\n".join(seen + [r.getMessage() for r in caplog.records])
    assert TOKEN not in text
