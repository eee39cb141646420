"""What can be synced: for each resource, how to fetch it and where it goes in the store.

A table of data, so the pull engine has one code path for every resource.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.pagination import MAX_PER_PAGE, Page
from mailtrixy_desktop.store import (
    campaigns,
    contacts,
    conversations,
    deals,
    tags_groups,
    team,
    webhooks,
)
from mailtrixy_desktop.store.database import Store

FetchPage = Callable[[MailTrixyClient, int, dt.datetime | None], Awaitable[Page[Any]]]
FetchAll = Callable[[MailTrixyClient], Awaitable[Sequence[Any]]]
Write = Callable[[Store, Iterable[Any]], int]
RemoveExcept = Callable[[Store, Iterable[int]], int]
ToRows = Callable[[Sequence[Any]], Any]
WriteRows = Callable[[Store, Any], int]


@dataclass(frozen=True)
class SyncedResource:
    name: str
    scope: str | None  # the token scope it needs; None: any valid token
    write: Write
    remove_except: RemoveExcept
    fetch_page: FetchPage | None = None  # paginated lists (support updated_since)
    fetch_all: FetchAll | None = None  # small unpaginated lists, always fetched whole
    # The store table whose sort and search indexes a first sync may defer to its end
    # (see store.indexing): the big ones.
    table: str | None = None
    # The big ones also split writing a page in two: ``to_rows`` turns the models into
    # plain values where the page arrives, so the models go at once, and
    # ``write_rows`` writes those (in the sync's writer thread). Others are written
    # from the models with ``write``.
    to_rows: ToRows | None = None
    write_rows: WriteRows | None = None
    # The outbox's name for one of these ("contact"), when the app can delete them: a
    # page read before a local delete was sent must not put the row back.
    target_type: str | None = None

    @property
    def paginated(self) -> bool:
        return self.fetch_page is not None


def _contacts(c: MailTrixyClient, page: int, since: dt.datetime | None) -> Awaitable[Page[Any]]:
    # include= is a sandbox extension; a server without it simply omits the extras,
    # and the store keeps what it had.
    return c.contacts.list(
        page=page, per_page=MAX_PER_PAGE, updated_since=since, include=("groups", "custom_fields")
    )


def _conversations(
    c: MailTrixyClient, page: int, since: dt.datetime | None
) -> Awaitable[Page[Any]]:
    # include= as for contacts: the list's snippets; a server without it leaves them out.
    return c.conversations.list(
        page=page, per_page=MAX_PER_PAGE, updated_since=since, include=("last_message",)
    )


def _deals(c: MailTrixyClient, page: int, since: dt.datetime | None) -> Awaitable[Page[Any]]:
    return c.deals.list(page=page, per_page=MAX_PER_PAGE, updated_since=since)


def _campaigns(c: MailTrixyClient, page: int, since: dt.datetime | None) -> Awaitable[Page[Any]]:
    return c.campaigns.list(page=page, per_page=MAX_PER_PAGE, updated_since=since)


async def _tags(c: MailTrixyClient) -> Sequence[Any]:
    return await c.tags.list()


async def _groups(c: MailTrixyClient) -> Sequence[Any]:
    return await c.groups.list()


async def _team(c: MailTrixyClient) -> Sequence[Any]:
    return await c.team.members()


async def _webhooks(c: MailTrixyClient) -> Sequence[Any]:
    return await c.webhooks.list()


async def _email_accounts(c: MailTrixyClient) -> Sequence[Any]:
    return await c.campaigns.email_accounts()


# In dependency order: tags, groups and members before the rows that name them.
RESOURCES: tuple[SyncedResource, ...] = (
    SyncedResource(
        "team_members",
        None,
        team.upsert_team_members,
        team.remove_team_members_except,
        fetch_all=_team,
    ),
    SyncedResource(
        "tags",
        "contacts",
        tags_groups.upsert_tags,
        tags_groups.remove_tags_except,
        fetch_all=_tags,
        target_type="tag",
    ),
    SyncedResource(
        "groups",
        "contacts",
        tags_groups.upsert_groups,
        tags_groups.remove_groups_except,
        fetch_all=_groups,
        target_type="group",
    ),
    SyncedResource(
        "contacts",
        "contacts",
        contacts.upsert_contacts,
        contacts.remove_contacts_except,
        fetch_page=_contacts,
        table="contacts",
        to_rows=contacts.contact_rows,
        write_rows=contacts.write_contact_rows,
        target_type="contact",
    ),
    SyncedResource(
        "conversations",
        "conversations",
        conversations.upsert_conversations,
        conversations.remove_conversations_except,
        fetch_page=_conversations,
        table="conversations",
        to_rows=conversations.conversation_rows,
        write_rows=conversations.write_conversation_rows,
    ),
    SyncedResource(
        "deals",
        "deals",
        deals.upsert_deals,
        deals.remove_deals_except,
        fetch_page=_deals,
        table="deals",
        to_rows=deals.deal_rows,
        write_rows=deals.write_deal_rows,
        target_type="deal",
    ),
    SyncedResource(
        "campaigns",
        "campaigns",
        campaigns.upsert_campaigns,
        campaigns.remove_campaigns_except,
        fetch_page=_campaigns,
        target_type="campaign",
    ),
    SyncedResource(
        "email_accounts",
        "campaigns",
        campaigns.upsert_email_accounts,
        campaigns.remove_email_accounts_except,
        fetch_all=_email_accounts,
    ),
    SyncedResource(
        "webhooks",
        "webhooks",
        webhooks.upsert_webhooks,
        webhooks.remove_webhooks_except,
        fetch_all=_webhooks,
        target_type="webhook",
    ),
)
BY_NAME = {r.name: r for r in RESOURCES}
