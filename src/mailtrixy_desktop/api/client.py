"""``MailTrixyClient``: the whole API behind one object, as openai-python and stripe do it."""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING

from mailtrixy_desktop.api.retry import RetryPolicy
from mailtrixy_desktop.api.session import ApiSession

if TYPE_CHECKING:
    import httpx  # loaded by the session at the first request

    from mailtrixy_desktop.api.resources.campaigns import Campaigns
    from mailtrixy_desktop.api.resources.contacts import Contacts
    from mailtrixy_desktop.api.resources.conversations import Conversations
    from mailtrixy_desktop.api.resources.deals import Deals
    from mailtrixy_desktop.api.resources.groups import Groups
    from mailtrixy_desktop.api.resources.tags import Tags
    from mailtrixy_desktop.api.resources.team import Team
    from mailtrixy_desktop.api.resources.webhooks import Webhooks


class MailTrixyClient:
    """``client.contacts.list(...)``, ``client.deals.update(...)`` and so on.

    Create one per workspace and keep it: it owns the connection pool.
    ``transport`` is injectable (``httpx.MockTransport`` in unit tests).

    Each resource (and with it pydantic and the response models) is loaded the first
    time it is used, so a client costs nothing on the way to the window's first paint.
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

    @cached_property
    def contacts(self) -> Contacts:
        from mailtrixy_desktop.api.resources.contacts import Contacts

        return Contacts(self.session)

    @cached_property
    def conversations(self) -> Conversations:
        from mailtrixy_desktop.api.resources.conversations import Conversations

        return Conversations(self.session)

    @cached_property
    def campaigns(self) -> Campaigns:
        from mailtrixy_desktop.api.resources.campaigns import Campaigns

        return Campaigns(self.session)

    @cached_property
    def tags(self) -> Tags:
        from mailtrixy_desktop.api.resources.tags import Tags

        return Tags(self.session)

    @cached_property
    def groups(self) -> Groups:
        from mailtrixy_desktop.api.resources.groups import Groups

        return Groups(self.session)

    @cached_property
    def deals(self) -> Deals:
        from mailtrixy_desktop.api.resources.deals import Deals

        return Deals(self.session)

    @cached_property
    def webhooks(self) -> Webhooks:
        from mailtrixy_desktop.api.resources.webhooks import Webhooks

        return Webhooks(self.session)

    @cached_property
    def team(self) -> Team:
        from mailtrixy_desktop.api.resources.team import Team

        return Team(self.session)

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
