"""The one place requests are made: auth header, timeouts, retries, errors, envelopes.

Every POST carries an ``Idempotency-Key`` (the caller's, or a fresh one), which
is what makes retrying a POST safe. The token travels only in the
``Authorization`` header: never in a URL, a log line, a ``repr`` or an error.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from mailtrixy_desktop import __version__
from mailtrixy_desktop.api import errors
from mailtrixy_desktop.api.retry import RetryPolicy

if TYPE_CHECKING:
    # httpx is imported when the first request is made: its ~60 ms stay off the
    # way to the first painted window, which reads the cache only.
    import httpx

log = logging.getLogger("mailtrixy_desktop.api")


def default_timeout() -> httpx.Timeout:
    import httpx

    return httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=10.0)


API_PREFIX = "/api/v1"
SNIPPET = 200


@dataclass(frozen=True)
class Envelope:
    """A successful answer: ``data`` still raw JSON, ``meta`` when the server sent one."""

    status: int
    data: Any
    meta: Any
    headers: Mapping[str, str]


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def encode_json(payload: object) -> bytes:
    return json.dumps(payload, default=_json_default, ensure_ascii=False).encode()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, moment.timestamp() - time.time())


class ApiSession:
    """Long-lived: one ``httpx.AsyncClient`` and its connection pool for the app's lifetime."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self._options: dict[str, Any] = {
            "base_url": self.base_url + API_PREFIX,
            "transport": transport,
            "timeout": timeout,
            "headers": {
                "Authorization": f"Bearer {token}",
                "Accept": "application/json",
                "User-Agent": f"MailTrixyDesktop/{__version__}",
            },
            "follow_redirects": False,
        }
        self._http: httpx.AsyncClient | None = None

    @property
    def _client(self) -> httpx.AsyncClient:
        # Made at the first request: building the transport (TLS context, connection
        # pool) costs a tenth of a second the window should not wait for.
        if self._http is None:
            import httpx

            options = dict(self._options)
            options["timeout"] = options["timeout"] or default_timeout()
            self._http = httpx.AsyncClient(**options)
        return self._http

    def __repr__(self) -> str:  # the token must not leak through a repr
        return f"ApiSession(base_url={self.base_url!r})"

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json_body: object = None,
        idempotency_key: str | None = None,
    ) -> Envelope:
        import httpx  # already loaded by ``_client`` below after the first call

        method = method.upper()
        headers: dict[str, str] = {}
        content: bytes | None = None
        if json_body is not None:
            content = encode_json(json_body)
            headers["Content-Type"] = "application/json"
        if method == "POST":
            headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        clean_params = {k: v for k, v in (params or {}).items() if v is not None}
        started = time.monotonic()
        waited = 0.0  # the waits alone: the budget holds even with an injected sleep
        attempt = 0
        while True:
            attempt += 1
            failure: errors.ApiError
            retry_after: float | None = None
            try:
                response = await self._client.request(
                    method, path, params=clean_params, content=content, headers=headers
                )
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                # Nothing reached the server: safe to retry whatever the method.
                failure = (
                    errors.TimedOut
                    if isinstance(exc, httpx.TimeoutException)
                    else errors.Unreachable
                )(self._network_message(exc, sent=False))
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                # The request may have arrived: only a retry with the same key (POST) or an
                # idempotent method can settle it.
                failure = errors.OutcomeUnknown(self._network_message(exc, sent=True))
            else:
                log.debug(
                    "%s %s -> %s in %.0f ms (attempt %d)",
                    method,
                    path,
                    response.status_code,
                    (time.monotonic() - started) * 1000,
                    attempt,
                )
                if response.status_code < 400:
                    return self._envelope(method, path, response)
                failure = self._error(method, path, response)
                if response.status_code not in self.retry.statuses:
                    raise failure
                retry_after = _retry_after(response)
            wait = self.retry.delay(attempt, retry_after)
            elapsed = max(time.monotonic() - started, waited)
            if not self.retry.should_retry(attempt, elapsed, wait):
                log.info(
                    "%s %s failed after %d attempt(s): %s",
                    method,
                    path,
                    attempt,
                    type(failure).__name__,
                )
                raise failure
            log.info("%s %s: %s; retrying in %.2f s", method, path, type(failure).__name__, wait)
            await self.retry.sleep(wait)
            waited += wait

    # ------------------------------------------------------------------ helpers
    def _network_message(self, exc: Exception, *, sent: bool) -> str:
        import httpx

        kind = "timed out" if isinstance(exc, httpx.TimeoutException) else "failed"
        if sent:
            return (
                f"The connection to {self.base_url} {kind} after the request was sent; "
                "it may have taken effect."
            )
        return f"Could not reach {self.base_url} ({type(exc).__name__})."

    def _decode(self, method: str, path: str, response: httpx.Response) -> Any:
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            kind = response.headers.get("content-type", "no content type")
            raise errors.BadResponse(
                f"The server's answer to {method} {path} is not JSON ({kind}).",
                status=response.status_code,
                method=method,
                path=path,
                detail=str(exc),
                snippet=response.text[:SNIPPET],
            ) from exc

    def _envelope(self, method: str, path: str, response: httpx.Response) -> Envelope:
        body = self._decode(method, path, response)
        if not isinstance(body, dict) or body.get("success") is not True or "data" not in body:
            raise errors.BadResponse(
                f"The server's answer to {method} {path} is not the documented envelope.",
                status=response.status_code,
                method=method,
                path=path,
                snippet=response.text[:SNIPPET],
            )
        return Envelope(response.status_code, body["data"], body.get("meta"), response.headers)

    def _error(self, method: str, path: str, response: httpx.Response) -> errors.ApiError:
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            body = None
        message = ""
        field_errors: dict[str, list[str]] = {}
        scope: str | None = None
        if isinstance(body, dict):
            message = str(body.get("message") or "")
            raw = body.get("errors")
            if isinstance(raw, dict):
                field_errors = {
                    str(k): [str(m) for m in (v if isinstance(v, list) else [v])]
                    for k, v in raw.items()
                }
            if isinstance(body.get("required_scope"), str):
                scope = body["required_scope"]
        if status == 401:
            return errors.Unauthenticated(message or "The API token was not accepted.")
        if status == 403:
            return errors.Forbidden(message or "The API token lacks a permission.", scope=scope)
        if status == 404:
            return errors.NotFound(message or f"{path} was not found.")
        if status == 409:
            return errors.Conflict(message or "The change conflicts with the current state.")
        if status == 400:
            return errors.BadRequest(message or "The server could not read the request.")
        if status == 422:
            return errors.ValidationFailed(message or "Some fields are not valid.", field_errors)
        if status == 429:
            wait = _retry_after(response)
            return errors.RateLimited(
                message or "Too many requests; wait a moment.", retry_after=wait
            )
        if status >= 500:
            return errors.ServerError(message or f"The server failed ({status}).", status=status)
        return errors.UnexpectedStatus(message or f"Unexpected status {status}.", status=status)
