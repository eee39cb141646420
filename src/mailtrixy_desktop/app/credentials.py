"""API tokens in the system keyring, or for this session only when there is none.

One keyring entry per workspace: service ``"MailTrixy Desktop"``, username the
workspace's id. Keyring calls can take tens of milliseconds (D-Bus, an unlock
prompt), so every one runs in a worker thread (``asyncio.to_thread``) and the UI
thread only awaits.

"Secure" means a backend that hands the secret to the operating system's store
(Secret Service, macOS Keychain, Windows Credential Locker, KWallet). Anything
else -- keyring's ``fail`` and ``null`` backends, an empty chain, and the
``keyrings.alt`` backends that write the secret to a file in plain text or with a
guessable key -- counts as "no keyring": the app then offers to keep the token in
memory for this session only. The token is never written to a file, never logged,
and never part of a ``repr`` or an exception message.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import threading
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

log = logging.getLogger("mailtrixy_desktop.app.credentials")

SERVICE = "MailTrixy Desktop"

# keyring's own rule (keyring.core.recommended): below 1 is "not recommended".
_RECOMMENDED_PRIORITY = 1.0
_INSECURE_PACKAGES = ("keyrings.alt",)
_INSECURE_NAMES = frozenset({"PlaintextKeyring", "EncryptedKeyring", "EscrowCallback"})
# Raised by a backend that exists but cannot be used right now (no D-Bus session,
# the collection stays locked, the user dismissed the prompt...).
_UNUSABLE_ERRORS: tuple[type[BaseException], ...] = (
    keyring.errors.NoKeyringError,
    keyring.errors.KeyringLocked,
    keyring.errors.InitError,
)


class Storage(enum.Enum):
    """Where a token ended up."""

    KEYRING = "keyring"
    SESSION = "session"  # in memory, gone when the app quits


class KeyringUnavailable(Exception):
    """No secure keyring can take the token; offer "this session only" instead.

    The message is a sentence for a person and never contains the token.
    """


class CredentialsError(Exception):
    """The keyring refused an operation for another reason (its message names the type only)."""


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    backend: str  # the backend's class, for the About window and bug reports
    reason: str = ""  # why it is not available, as a sentence


def backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_secure(backend: KeyringBackend) -> bool:
    """True when ``backend`` keeps secrets in the OS's store rather than a file of ours."""
    if isinstance(backend, fail.Keyring | null.Keyring | chainer.ChainerBackend):
        return False
    cls = type(backend)
    for klass in cls.__mro__:
        module = klass.__module__ or ""
        if any(module == p or module.startswith(p + ".") for p in _INSECURE_PACKAGES):
            return False
    if cls.__name__ in _INSECURE_NAMES:
        return False
    # keyrings.alt's file backends (and look-alikes) say where their file is.
    if hasattr(backend, "file_path"):
        return False
    try:
        priority = float(backend.priority)
    except Exception:  # a backend reports non-viability by raising here
        return False
    return priority >= _RECOMMENDED_PRIORITY


def pick_backend(candidate: KeyringBackend | None = None) -> KeyringBackend | None:
    """The secure backend to use, or None. Unwraps keyring's chainer.

    A chain is not used as such: its ``set_password`` falls through to the next
    backend when one fails, which may be a plaintext file. The best secure member
    is used on its own instead.
    """
    backend = candidate if candidate is not None else keyring.get_keyring()
    if isinstance(backend, chainer.ChainerBackend):
        members = [b for b in backend.backends if is_secure(b)]
        return members[0] if members else None
    return backend if is_secure(backend) else None


class _SessionTokens:
    """Tokens kept in memory only; the repr shows which workspaces, never a token."""

    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, workspace_id: str) -> str | None:
        with self._lock:
            return self._tokens.get(workspace_id)

    def set(self, workspace_id: str, token: str) -> None:
        with self._lock:
            self._tokens[workspace_id] = token

    def pop(self, workspace_id: str) -> bool:
        with self._lock:
            return self._tokens.pop(workspace_id, None) is not None

    def __contains__(self, workspace_id: object) -> bool:
        with self._lock:
            return workspace_id in self._tokens

    def __repr__(self) -> str:
        with self._lock:
            return f"<session tokens for {sorted(self._tokens)!r}>"


class Credentials:
    """Get, set and delete workspace tokens; every keyring call runs off the calling thread.

    ``backend`` is for tests; by default keyring's own choice (which honours
    ``PYTHON_KEYRING_BACKEND`` and keyring's config file) is checked with
    :func:`pick_backend` on first use.
    """

    def __init__(self, backend: KeyringBackend | None = None, *, service: str = SERVICE) -> None:
        self.service = service
        self._candidate = backend
        self._backend: KeyringBackend | None = None
        self._status: KeyringStatus | None = None
        self._session = _SessionTokens()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        status = self._status.backend if self._status else "not checked yet"
        return f"Credentials(service={self.service!r}, backend={status}, session={self._session!r})"

    # ------------------------------------------------------------------ status
    async def status(self) -> KeyringStatus:
        """Whether a secure keyring is there (checked once, off the UI thread)."""
        if self._status is None:
            await asyncio.to_thread(self._resolve)
        assert self._status is not None
        return self._status

    async def available(self) -> bool:
        return (await self.status()).available

    def _resolve(self) -> None:
        with self._lock:
            if self._status is not None:
                return
            try:
                chosen = pick_backend(self._candidate)
                raw = self._candidate if self._candidate is not None else keyring.get_keyring()
            except Exception as exc:  # any failure to load means "no keyring"
                self._set_unavailable("unknown", f"the keyring could not be loaded ({_kind(exc)})")
                return
            if chosen is None:
                self._set_unavailable(
                    backend_name(raw),
                    "this computer has no secure keyring"
                    + (" (only one that stores secrets in a plain file)" if _is_alt(raw) else ""),
                )
                return
            self._backend = chosen
            self._status = KeyringStatus(True, backend_name(chosen))
            log.info("tokens are kept in %s", self._status.backend)

    def _set_unavailable(self, name: str, reason: str) -> None:
        self._backend = None
        self._status = KeyringStatus(False, name, reason)
        log.warning(
            "no usable keyring (%s): %s; tokens can be kept for this session only", name, reason
        )

    def _fail(self, exc: BaseException) -> None:
        """A call showed the keyring is not usable after all (locked, no D-Bus...)."""
        with self._lock:
            name = backend_name(self._backend) if self._backend else "unknown"
            self._set_unavailable(name, f"the keyring cannot be used ({_kind(exc)})")

    # ------------------------------------------------------------------ tokens
    async def get(self, workspace_id: str) -> str | None:
        """The workspace's token, from this session's memory or the keyring; None if unknown.

        A keyring that turns out to be unusable is reported by :meth:`status`
        afterwards, not raised: the caller asks for the token again.
        """
        if workspace_id in self._session:
            return self._session.get(workspace_id)
        if not await self.available():
            return None
        try:
            return await asyncio.to_thread(self._keyring_get, workspace_id)
        except _UNUSABLE_ERRORS as exc:
            self._fail(exc)
            return None
        except keyring.errors.KeyringError as exc:
            log.warning("reading the token of workspace %s failed: %s", workspace_id, _kind(exc))
            return None

    async def set(self, workspace_id: str, token: str, *, session_only: bool = False) -> Storage:
        """Keep ``token`` for ``workspace_id``: in the keyring, or in memory if ``session_only``.

        Raises :class:`KeyringUnavailable` when there is no secure keyring and the
        person has not chosen "this session only".
        """
        if not token:
            raise ValueError("an empty token cannot be stored")
        if session_only:
            self._session.set(workspace_id, token)
            # A stale keyring entry must not come back on the next start.
            await self._keyring_delete_quietly(workspace_id)
            return Storage.SESSION
        status = await self.status()
        if not status.available:
            raise KeyringUnavailable(_unavailable_sentence(status))
        try:
            await asyncio.to_thread(self._keyring_set, workspace_id, token)
        except _UNUSABLE_ERRORS as exc:
            self._fail(exc)
            raise KeyringUnavailable(_unavailable_sentence(self._status)) from None
        except keyring.errors.KeyringError as exc:
            # from None: the backend's exception is not ours to vouch for.
            raise CredentialsError(f"The keyring did not store the token ({_kind(exc)}).") from None
        self._session.pop(workspace_id)
        return Storage.KEYRING

    async def delete(self, workspace_id: str) -> None:
        """Forget the workspace's token everywhere; a token that is not there is fine."""
        self._session.pop(workspace_id)
        await self._keyring_delete_quietly(workspace_id)

    async def _keyring_delete_quietly(self, workspace_id: str) -> None:
        if not await self.available():
            return
        try:
            await asyncio.to_thread(self._keyring_delete, workspace_id)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already signed out
        except _UNUSABLE_ERRORS as exc:
            self._fail(exc)
        except keyring.errors.KeyringError as exc:
            log.warning("removing the token of workspace %s failed: %s", workspace_id, _kind(exc))

    def stored_in_session(self, workspace_id: str) -> bool:
        return workspace_id in self._session

    # ------------------------------------------------------------------ worker thread
    def _keyring_get(self, workspace_id: str) -> str | None:
        assert self._backend is not None
        return self._backend.get_password(self.service, workspace_id)

    def _keyring_set(self, workspace_id: str, token: str) -> None:
        assert self._backend is not None
        self._backend.set_password(self.service, workspace_id, token)

    def _keyring_delete(self, workspace_id: str) -> None:
        assert self._backend is not None
        self._backend.delete_password(self.service, workspace_id)


def _kind(exc: BaseException) -> str:
    # The type only: a backend's message is not ours to vouch for.
    return type(exc).__name__


def _is_alt(backend: KeyringBackend) -> bool:
    if isinstance(backend, chainer.ChainerBackend):
        return any(_is_alt(b) for b in backend.backends)
    return not isinstance(backend, fail.Keyring | null.Keyring) and not is_secure(backend)


def _unavailable_sentence(status: KeyringStatus | None) -> str:
    reason = status.reason if status and status.reason else "there is no secure keyring"
    return f"The token cannot be saved: {reason}."
