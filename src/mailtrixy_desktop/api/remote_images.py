"""Fetching a message's remote images, once the person has allowed them.

The request is the least a tracker can learn from: no cookies (the jar refuses every
one, so none is ever sent back), no credentials (no auth, no .netrc), no referrer,
and only http/https. A response must say it is a raster image and stay under a size
cap while it streams; a whole fetch has one deadline. Anything else gives ``None``:
the view then keeps its placeholder, which is all a failed image deserves.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.parse import urlsplit

import httpx

__all__ = ["ImageFetcher", "aclose", "fetch_image"]

log = logging.getLogger(__name__)

MAX_REDIRECTS = 3
_IMAGE_TYPES = ("image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/bmp")


def _allowed_url(url: str, *, allow_private: bool) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return False
    if parts.username is not None or parts.password is not None:
        return False  # credentials in a URL are never sent on a message's behalf
    if allow_private:
        return True
    # A message must not make the app poke at the person's own machine or network
    # (a router's admin page, a local service); names are not resolved here.
    host = parts.hostname.lower()
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True
    return address.is_global


class _Refused(Exception):
    """A request (or a redirect) to somewhere images may not come from."""


class ImageFetcher:
    """One HTTP client for images, made at the first fetch on the running loop."""

    def __init__(
        self, *, transport: httpx.AsyncBaseTransport | None = None, allow_private: bool = False
    ) -> None:
        self._transport = transport
        self._allow_private = allow_private
        self._client: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _client_for_this_loop(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop or self._client.is_closed:
            # A client's connections belong to the loop they were opened on; one made on
            # an earlier loop (a closed test loop) is dropped, not reused.
            self._client = httpx.AsyncClient(
                transport=self._transport,
                cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                trust_env=False,  # no .netrc credentials; no proxy settings from outside
                headers={"Accept": ", ".join(_IMAGE_TYPES), "User-Agent": "MailTrixy-Desktop"},
                # Runs before every request, redirects included, so a redirect cannot
                # lead somewhere a first request could not go.
                event_hooks={"request": [self._check_request]},
            )
            self._loop = loop
        return self._client

    async def _check_request(self, request: httpx.Request) -> None:
        if not _allowed_url(str(request.url), allow_private=self._allow_private):
            raise _Refused(str(request.url))

    async def fetch(
        self,
        url: str,
        *,
        max_bytes: int = 5_000_000,
        # One deadline over the whole fetch (redirects and a trickling body included),
        # which httpx's per-operation timeouts do not give.
        timeout: float = 10,  # noqa: ASYNC109
    ) -> bytes | None:
        """The image's bytes, or None when it is not allowed, not an image, too big or late."""
        if not _allowed_url(url, allow_private=self._allow_private):
            return None
        client = self._client_for_this_loop()
        try:
            async with asyncio.timeout(timeout):
                return await self._fetch(client, url, max_bytes)
        except (
            httpx.HTTPError,
            httpx.InvalidURL,
            httpx.StreamError,
            _Refused,
            TimeoutError,
            OSError,
            ValueError,
        ) as error:
            log.debug("remote image %s not loaded: %r", url, error)
        return None

    async def _fetch(self, client: httpx.AsyncClient, url: str, max_bytes: int) -> bytes | None:
        async with client.stream("GET", url) as response:
            if response.status_code != httpx.codes.OK:
                return None
            kind = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if kind not in _IMAGE_TYPES:
                return None
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                return None
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    return None
            return bytes(body)

    async def aclose(self) -> None:
        client, self._client = self._client, None
        if client is not None and not client.is_closed:
            await client.aclose()


_default = ImageFetcher()


async def fetch_image(
    url: str,
    *,
    max_bytes: int = 5_000_000,
    timeout: float = 10,  # noqa: ASYNC109 - see ImageFetcher.fetch
) -> bytes | None:
    """Fetch one remote image with the shared fetcher (see ``ImageFetcher.fetch``)."""
    return await _default.fetch(url, max_bytes=max_bytes, timeout=timeout)


async def aclose() -> None:
    """Close the shared fetcher's client (at shutdown)."""
    await _default.aclose()
