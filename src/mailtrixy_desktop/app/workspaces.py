"""The workspaces a person has signed in to, and which one is open.

Kept as JSON in the platform's config directory (``workspaces.json``): id,
display name, server URL, the server's own workspace id, when it was last used,
and which is current. Never the token: that is in the keyring
(:mod:`mailtrixy_desktop.app.credentials`), under the same id. Each workspace's
cache is its own SQLite file in the data directory, named after the id
(:func:`mailtrixy_desktop.store.paths.workspace_db_path`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mailtrixy_desktop.app import paths
from mailtrixy_desktop.app.credentials import Credentials
from mailtrixy_desktop.store.paths import workspace_db_path

log = logging.getLogger("mailtrixy_desktop.app.workspaces")

FORMAT_VERSION = 1
_ID_UNSAFE = re.compile(r"[^a-z0-9.-]+")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def normalize_url(url: str) -> str:
    """The server's base URL as stored: no trailing slash, no ``/api/v1`` (the client adds it)."""
    url = url.strip().rstrip("/")
    if url.lower().endswith("/api/v1"):
        url = url[: -len("/api/v1")].rstrip("/")
    return url


@dataclass(frozen=True)
class WorkspaceEntry:
    id: str  # also the keyring username and the cache file's key
    name: str
    server_url: str
    remote_id: int | None = None  # the server's workspace_id, from /me
    last_used: str | None = None  # ISO 8601, UTC

    def cache_path(self, data_dir: Path | None = None) -> Path:
        """This workspace's SQLite cache; ``data_dir`` overrides the platform's."""
        base = data_dir / "workspaces" if data_dir is not None else None
        return workspace_db_path(self.id, base)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> WorkspaceEntry:
        remote = raw.get("remote_id")
        return cls(
            id=str(raw["id"]),
            name=str(raw.get("name") or raw["server_url"]),
            server_url=normalize_url(str(raw["server_url"])),
            remote_id=int(remote) if isinstance(remote, int) else None,
            last_used=str(raw["last_used"]) if raw.get("last_used") else None,
        )


class Workspaces:
    """The list, loaded from and saved to one JSON file (written atomically)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.workspaces_file()
        self._entries: dict[str, WorkspaceEntry] = {}
        self._current: str | None = None
        self._load()

    def __repr__(self) -> str:
        count = len(self._entries)
        return f"Workspaces({str(self.path)!r}, {count} entries, current={self._current!r})"

    # ------------------------------------------------------------------ reading
    def __iter__(self) -> Iterator[WorkspaceEntry]:
        return iter(self.entries())

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> list[WorkspaceEntry]:
        """Most recently used first; never-used ones after, by name."""
        used = sorted(
            (e for e in self._entries.values() if e.last_used),
            key=lambda e: e.last_used or "",
            reverse=True,
        )
        unused = sorted(
            (e for e in self._entries.values() if not e.last_used), key=lambda e: e.name.lower()
        )
        return used + unused

    def get(self, workspace_id: str) -> WorkspaceEntry | None:
        return self._entries.get(workspace_id)

    @property
    def current(self) -> WorkspaceEntry | None:
        return self._entries.get(self._current) if self._current else None

    def find(self, server_url: str, remote_id: int | None) -> WorkspaceEntry | None:
        url = normalize_url(server_url)
        for entry in self._entries.values():
            if entry.server_url == url and entry.remote_id == remote_id:
                return entry
        return None

    # ------------------------------------------------------------------ changing
    def add(
        self, name: str, server_url: str, remote_id: int | None = None, *, make_current: bool = True
    ) -> WorkspaceEntry:
        """Add a workspace, or update the one already there for the same server and workspace.

        Signing in again to a known workspace keeps its id, so its cache and
        keyring entry carry on.
        """
        url = normalize_url(server_url)
        existing = self.find(url, remote_id)
        if existing is not None:
            entry = replace(existing, name=name or existing.name)
        else:
            entry = WorkspaceEntry(
                id=self._new_id(url, remote_id),
                name=name or url,
                server_url=url,
                remote_id=remote_id,
            )
        self._entries[entry.id] = entry
        if make_current:
            entry = self._touch(entry.id)
        self.save()
        return entry

    def switch(self, workspace_id: str) -> WorkspaceEntry:
        """Make a workspace the current one (and note that it was used now)."""
        if workspace_id not in self._entries:
            raise KeyError(workspace_id)
        entry = self._touch(workspace_id)
        self.save()
        return entry

    def rename(self, workspace_id: str, name: str) -> WorkspaceEntry:
        entry = replace(self._entries[workspace_id], name=name)
        self._entries[workspace_id] = entry
        self.save()
        return entry

    def remove(self, workspace_id: str) -> WorkspaceEntry | None:
        """Drop the entry (the cache file stays); if it was current, none is current."""
        entry = self._entries.pop(workspace_id, None)
        if self._current == workspace_id:
            self._current = None
        self.save()
        return entry

    async def sign_in(
        self,
        credentials: Credentials,
        *,
        name: str,
        server_url: str,
        remote_id: int | None,
        token: str,
        session_only: bool = False,
    ) -> WorkspaceEntry:
        """Keep the token, then add (or update) the entry and make it current.

        The token goes first: when the keyring refuses it
        (``credentials.KeyringUnavailable``), the list is left as it was and the
        caller offers "this session only" again.
        """
        url = normalize_url(server_url)
        existing = self.find(url, remote_id)
        workspace_id = existing.id if existing is not None else self._new_id(url, remote_id)
        await credentials.set(workspace_id, token, session_only=session_only)
        if existing is None:
            self._entries[workspace_id] = WorkspaceEntry(
                id=workspace_id, name=name or url, server_url=url, remote_id=remote_id
            )
        return self.add(name, url, remote_id)

    async def sign_out(self, workspace_id: str, credentials: Credentials) -> WorkspaceEntry | None:
        """Delete the token from the keyring, then the entry. The cache file stays.

        The token goes first: a crash in between leaves an entry that asks to sign in
        again, never a token nobody can see.
        """
        await credentials.delete(workspace_id)
        return self.remove(workspace_id)

    def _touch(self, workspace_id: str) -> WorkspaceEntry:
        entry = replace(self._entries[workspace_id], last_used=_now())
        self._entries[workspace_id] = entry
        self._current = workspace_id
        return entry

    def _new_id(self, url: str, remote_id: int | None) -> str:
        # Readable where people may see it (a keyring manager lists it).
        parts = urlsplit(url)
        host = (parts.hostname or "server") + (f"-{parts.port}" if parts.port else "")
        stem = _ID_UNSAFE.sub("-", host.lower()).strip("-.") or "server"
        stem = f"{stem}-{remote_id}" if remote_id is not None else stem
        candidate, n = stem, 1
        while candidate in self._entries:
            n += 1
            candidate = f"{stem}-{n}"
        return candidate

    # ------------------------------------------------------------------ file
    def _load(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        try:
            raw = json.loads(text)
            entries = [WorkspaceEntry.from_json(item) for item in raw.get("workspaces", [])]
            current = raw.get("current")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            # Keep the unreadable file for a look; the list starts empty (tokens and caches remain).
            aside = self.path.with_suffix(".json.unreadable")
            log.warning("%s is unreadable (%s); moved to %s", self.path, type(exc).__name__, aside)
            os.replace(self.path, aside)
            return
        self._entries = {e.id: e for e in entries}
        self._current = current if isinstance(current, str) and current in self._entries else None

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "version": FORMAT_VERSION,
            "current": self._current,
            "workspaces": [e.to_json() for e in self.entries()],
        }
        fd, tmp = tempfile.mkstemp(prefix=".workspaces-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(body, handle, indent=2, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
