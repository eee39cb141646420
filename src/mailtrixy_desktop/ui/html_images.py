"""The images of sanitised mail HTML in a ``QTextBrowser`` (a thread, a campaign preview).

``data:`` images are decoded in place; remote ones are shown only once the person
allowed them, fetched without cookies or credentials (``api.remote_images``,
imported on first use so httpx stays off the way to the first paint), a few at a
time, kept by URL, and laid out once for each batch that arrives. Anything else a
message names (style sheets, files) is never loaded.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import re
from collections.abc import Awaitable, Callable

import shiboken6
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from mailtrixy_desktop.ui.async_bridge import spawn

Fetch = Callable[[str], Awaitable[bytes | None]]

MAX_IMAGE_WIDTH = 640  # wider images are scaled down to fit a reading column
CONCURRENT_FETCHES = 4
_DATA_IMAGE = re.compile(r"^data:image/(png|jpe?g|gif|webp|bmp);base64,(.*)$", re.I | re.S)
IMAGE_RESOURCE = QTextDocument.ResourceType.ImageResource.value


async def fetch_default(url: str) -> bytes | None:
    from mailtrixy_desktop.api.remote_images import fetch_image

    return await fetch_image(url)


def _fitted(image: QImage) -> QImage:
    if image.width() > MAX_IMAGE_WIDTH:
        return image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


def decode_data_image(text: str) -> QImage | None:
    match = _DATA_IMAGE.match(text)
    if match is None:
        return None
    try:
        data = base64.b64decode(re.sub(r"\s+", "", match.group(2)), validate=True)
    except (binascii.Error, ValueError):
        return None
    image = QImage.fromData(data)
    return None if image.isNull() else _fitted(image)


class RemoteImages:
    """The remote images of one view's document: what ``loadResource`` answers for
    an http(s) image once they are allowed, and the fetching of the rest."""

    def __init__(self, view: QTextBrowser, fetch: Fetch | None = None, *, task: str) -> None:
        self._view = view
        self._fetch = fetch or fetch_default
        self._task = task
        self.allowed = False
        self._images: dict[str, QImage] = {}  # fetched, by URL as QUrl prints it
        self._fetching: set[str] = set()
        self._failed: set[str] = set()
        self._relayout_queued = False

    def resource(self, kind: int, name: QUrl | str) -> QImage | None:
        """What the view's ``loadResource`` gives for an image: a ``data:`` image, or a
        remote one fetched since it was allowed; None for anything else."""
        if kind != IMAGE_RESOURCE:
            return None  # no style sheets or anything else from a message
        url = QUrl(name) if isinstance(name, str) else name
        scheme = url.scheme().lower()
        if scheme == "data":
            return decode_data_image(url.toString())
        if scheme in ("http", "https") and self.allowed:
            return self._images.get(url.toString())
        return None

    def forget(self) -> None:
        """Drop what was fetched (another conversation is shown)."""
        self._images.clear()
        self._failed.clear()

    def fetch(self, urls: list[str]) -> None:
        """Fetch the allowed images not fetched (or failed) yet; each one shows as it comes."""
        wanted = [
            u
            for u in urls
            if u not in self._images and u not in self._fetching and u not in self._failed
        ]
        if wanted:
            self._fetching.update(wanted)
            spawn(self._fetch_all(wanted), name=self._task)

    async def _fetch_all(self, urls: list[str]) -> None:
        gate = asyncio.Semaphore(CONCURRENT_FETCHES)

        async def one(url: str) -> None:
            try:
                async with gate:
                    data = await self._fetch(url)
            except Exception:  # a failed image keeps its placeholder; nothing to tell
                data = None
            finally:
                self._fetching.discard(url)
            if not shiboken6.isValid(self._view):
                return  # the view closed while the image was on its way
            image = QImage.fromData(data) if data else QImage()
            if image.isNull():
                self._failed.add(url)
                return
            image = _fitted(image)
            self._images[QUrl(url).toString()] = image
            self._view.document().addResource(IMAGE_RESOURCE, QUrl(url), image)
            if not self._relayout_queued:  # several arriving together: one new layout
                self._relayout_queued = True
                QTimer.singleShot(0, self._view, self._relayout)  # dropped if the view is gone

        await asyncio.gather(*(one(url) for url in urls))

    def _relayout(self) -> None:
        self._relayout_queued = False
        document = self._view.document()
        document.markContentsDirty(0, document.characterCount())
