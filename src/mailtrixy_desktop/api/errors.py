"""One error hierarchy for everything that can go wrong talking to the server.

Callers branch on the class, never on message text. Messages are sentences a
person can act on, and never contain the token (it is never in a URL either).
"""

from __future__ import annotations

from collections.abc import Mapping


class ApiError(Exception):
    """Base of every error the api layer raises."""

    status: int | None = None

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


# --- the server answered with an error status ---------------------------------
class Unauthenticated(ApiError):
    """401: the token is missing, wrong or revoked; sign in again."""

    status = 401


class Forbidden(ApiError):
    """403: the token lacks a scope; ``scope`` names it when the server says."""

    status = 403

    def __init__(self, message: str, *, scope: str | None = None) -> None:
        super().__init__(message)
        self.scope = scope


class NotFound(ApiError):
    status = 404


class Conflict(ApiError):
    """409: the resource's state does not allow this (or the same key is in flight)."""

    status = 409


class BadRequest(ApiError):
    status = 400


class ValidationFailed(ApiError):
    """422: messages per field, for showing beside the fields they concern."""

    status = 422

    def __init__(self, message: str, field_errors: Mapping[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.field_errors: dict[str, list[str]] = {
            k: list(v) for k, v in (field_errors or {}).items()
        }

    def for_field(self, name: str) -> list[str]:
        return self.field_errors.get(name, [])


class RateLimited(ApiError):
    """429 after the retries allowed; ``retry_after`` is the server's wait in seconds."""

    status = 429

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServerError(ApiError):
    """5xx."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message, status=status)


class UnexpectedStatus(ApiError):
    """A status the reference does not describe for this call."""


# --- the network failed -------------------------------------------------------
class NetworkError(ApiError):
    """No usable answer arrived."""


class Unreachable(NetworkError):
    """The server could not be reached; the request was not sent."""


class TimedOut(NetworkError):
    """The server took too long to answer."""


class OutcomeUnknown(NetworkError):
    """The request was sent but the answer was lost: it may have taken effect.

    Never report this as a failure to the person; retry it with the same
    idempotency key, or mark the operation "may have been delivered".
    """


# --- the server answered with something the reference does not promise --------
class BadResponse(ApiError):
    """Not JSON, not the envelope, or data of the wrong shape."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None,
        method: str,
        path: str,
        detail: str = "",
        snippet: str = "",
    ) -> None:
        super().__init__(message, status=status)
        self.method = method
        self.path = path
        self.detail = detail
        self.snippet = snippet

    def report(self) -> str:
        """Everything useful for a bug report, in one paragraph."""
        parts = [f"{self.method} {self.path}", f"status {self.status}", self.message]
        if self.detail:
            parts.append(self.detail)
        if self.snippet:
            parts.append(f"body starts: {self.snippet!r}")
        return "; ".join(parts)
