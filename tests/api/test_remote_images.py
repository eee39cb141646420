"""Remote images are fetched as little as possible: images only, capped, and without identity."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from mailtrixy_desktop.api.remote_images import ImageFetcher

pytestmark = pytest.mark.anyio

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


class Server:
    """A mock image host that records every request."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response]) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)


def png(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=PNG, headers={"Content-Type": "image/png"})


@pytest.fixture
async def fetcher_for() -> AsyncIterator[Callable[[Server], ImageFetcher]]:
    made: list[ImageFetcher] = []

    def make(server: Server) -> ImageFetcher:
        made.append(ImageFetcher(transport=httpx.MockTransport(server.handler)))
        return made[-1]

    yield make
    for fetcher in made:
        await fetcher.aclose()


async def test_an_image_is_fetched(fetcher_for: Callable[[Server], ImageFetcher]) -> None:
    server = Server(png)
    assert await fetcher_for(server).fetch("https://img.example/logo.png") == PNG
    assert server.requests[0].headers["accept"].startswith("image/")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "data:image/png;base64,AAAA",
        "ftp://img.example/a.png",
        "cid:logo@mail",
        "javascript:alert(1)",
        "https://user:secret@img.example/a.png",
        "http://localhost:8080/a.png",
        "http://127.0.0.1/a.png",
        "http://192.168.1.1/reboot",
        "http://[::1]/a.png",
        "not a url",
    ],
)
async def test_urls_that_are_never_requested(
    fetcher_for: Callable[[Server], ImageFetcher], url: str
) -> None:
    server = Server(png)
    assert await fetcher_for(server).fetch(url) is None
    assert server.requests == []


async def test_private_addresses_can_be_allowed_explicitly() -> None:
    server = Server(png)
    fetcher = ImageFetcher(transport=httpx.MockTransport(server.handler), allow_private=True)
    try:
        assert await fetcher.fetch("http://127.0.0.1:8000/a.png") == PNG
    finally:
        await fetcher.aclose()


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, content=b"<html>", headers={"Content-Type": "text/html"}),
        httpx.Response(200, content=b"<svg/>", headers={"Content-Type": "image/svg+xml"}),
        httpx.Response(200, content=PNG),  # no type at all
        httpx.Response(404, content=PNG, headers={"Content-Type": "image/png"}),
        httpx.Response(500),
    ],
    ids=["html", "svg", "untyped", "404", "500"],
)
async def test_what_is_not_an_image_gives_none(
    fetcher_for: Callable[[Server], ImageFetcher], response: httpx.Response
) -> None:
    assert await fetcher_for(Server(lambda _: response)).fetch("https://img.example/a") is None


async def test_a_declared_size_over_the_cap_is_not_read(
    fetcher_for: Callable[[Server], ImageFetcher],
) -> None:
    server = Server(png)
    fetcher = fetcher_for(server)
    assert await fetcher.fetch("https://img.example/a.png", max_bytes=len(PNG) - 1) is None
    assert await fetcher.fetch("https://img.example/a.png", max_bytes=len(PNG)) == PNG


async def test_a_streamed_body_over_the_cap_is_cut_off(
    fetcher_for: Callable[[Server], ImageFetcher],
) -> None:
    async def endless() -> AsyncIterator[bytes]:
        while True:  # a body that never ends, with no length declared
            yield b"\0" * 1024

    server = Server(
        lambda _: httpx.Response(200, content=endless(), headers={"Content-Type": "image/gif"})
    )
    assert await fetcher_for(server).fetch("https://img.example/a.gif", max_bytes=10_000) is None


async def test_a_slow_server_gives_none_at_the_deadline() -> None:
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(30)  # the server, not the test, is slow
        return png(request)

    fetcher = ImageFetcher(transport=httpx.MockTransport(slow))
    try:
        assert await fetcher.fetch("https://img.example/a.png", timeout=0.05) is None
    finally:
        await fetcher.aclose()


async def test_redirects_are_followed_a_few_times(
    fetcher_for: Callable[[Server], ImageFetcher],
) -> None:
    def hops(request: httpx.Request) -> httpx.Response:
        step = int(request.url.params.get("n", "0"))
        if step < int(request.url.params["until"]):
            return httpx.Response(
                302, headers={"Location": f"/a?n={step + 1}&until={request.url.params['until']}"}
            )
        return png(request)

    server = Server(hops)
    fetcher = fetcher_for(server)
    assert await fetcher.fetch("https://img.example/a?until=3") == PNG
    assert await fetcher.fetch("https://img.example/a?until=5") is None


@pytest.mark.parametrize("target", ["http://127.0.0.1/admin", "file:///etc/passwd"])
async def test_a_redirect_cannot_lead_where_a_request_could_not(
    fetcher_for: Callable[[Server], ImageFetcher], target: str
) -> None:
    server = Server(
        lambda r: (
            httpx.Response(302, headers={"Location": target})
            if r.url.host == "img.example"
            else png(r)
        )
    )
    assert await fetcher_for(server).fetch("https://img.example/a.png") is None
    assert [str(r.url) for r in server.requests] == ["https://img.example/a.png"]


async def test_cookies_are_never_kept_or_sent(
    fetcher_for: Callable[[Server], ImageFetcher],
) -> None:
    def tracker(request: httpx.Request) -> httpx.Response:
        response = png(request)
        response.headers["Set-Cookie"] = "uid=42; Path=/; Domain=img.example"
        return response

    server = Server(tracker)
    fetcher = fetcher_for(server)
    assert await fetcher.fetch("https://img.example/a.png") == PNG
    assert await fetcher.fetch("https://img.example/b.png") == PNG
    for request in server.requests:
        assert "cookie" not in request.headers
        assert "authorization" not in request.headers
        assert "referer" not in request.headers


async def test_a_transport_failure_gives_none(
    fetcher_for: Callable[[Server], ImageFetcher],
) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    assert await fetcher_for(Server(down)).fetch("https://img.example/a.png") is None
