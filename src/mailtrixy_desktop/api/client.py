"""``MailTrixyClient``: the whole API behind one object, as openai-python and stripe do it."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from mailtrixy_desktop.api.resources.campaigns import Campaigns
from mailtrixy_desktop.api.resources.contacts import Contacts
from mailtrixy_desktop.api.resources.conversations import Conversations
from mailtrixy_desktop.api.resources.deals import Deals
from mailtrixy_desktop.api.resources.groups import Groups
from mailtrixy_desktop.api.resources.tags import Tags
from mailtrixy_desktop.api.resources.team import Team
from mailtrixy_desktop.api.resources.webhooks import Webhooks
from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.api.session import ApiSession

if TYPE_CHECKING:
    import httpx  # loaded by the session at the first request


class MailTrixyClient:
    """``client.contacts.list(...)``, ``client.deals.update(...)`` and so on.

    Create one per workspace and keep it: it owns the connection pool.
    ``transport`` is injectable (``httpx.MockTransport`` in unit tests).
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.session = ApiSession(
            base_url, token, transport=transport, timeout=timeout, retry=retry
        )
        self.contacts = Contacts(self.session)
        self.conversations = Conversations(self.session)
        self.campaigns = Campaigns(self.session)
        self.tags = Tags(self.session)
        self.groups = Groups(self.session)
        self.deals = Deals(self.session)
        self.webhooks = Webhooks(self.session)
        self.team = Team(self.session)

    @property
    def base_url(self) -> str:
        return self.session.base_url

    def __repr__(self) -> str:
        return f"MailTrixyClient(base_url={self.base_url!r})"

    async def aclose(self) -> None:
        await self.session.aclose()

    async def __aenter__(self) -> MailTrixyClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
