"""The admin façade: tags, contact groups and their members, webhooks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mailtrixy_desktop.api import errors, models
from mailtrixy_desktop.api.client import MailTrixyClient
from mailtrixy_desktop.api.models import GroupFields, TagFields
from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP
from mailtrixy_desktop.services.commands import Commands
from mailtrixy_desktop.store import contact_lists, local_state, tags_groups
from mailtrixy_desktop.store import contacts as contact_store
from mailtrixy_desktop.store import outbox as outbox_store
from mailtrixy_desktop.store import webhooks as webhook_store
from mailtrixy_desktop.store.tags_groups import GroupRow, TagRow
from mailtrixy_desktop.store.webhooks import WebhookRow

if TYPE_CHECKING:  # pydantic stays off the path to the first paint
    from mailtrixy_desktop.api.models import CreatedWebhook

WEBHOOKS_SCOPE = "webhooks"
# Marked (i18n_marks): the webhooks pane shows them in the app's language.
NO_WEBHOOKS_SCOPE = QT_TRANSLATE_NOOP(
    "AdminService",
    "This workspace's API token has no “webhooks” scope, so webhooks cannot be "
    "created or deleted here. Ask an admin for a token with that scope.",
)
OFFLINE_CREATE = QT_TRANSLATE_NOOP(
    "AdminService",
    "You are offline. A webhook's secret comes only from the server, once, so a "
    "webhook cannot be created offline; try again when the connection is back.",
)


class AdminService:
    def __init__(self, commands: Commands, client: MailTrixyClient | None = None) -> None:
        self._c = commands
        self._client = client

    # ------------------------------------------------------------------ tags
    def tags(self) -> list[TagRow]:
        return tags_groups.tags(self._c.store)

    def create_tag(self, name: str, color: str | None = None) -> int:
        temp = self._c.temp_id("tags")
        fields: TagFields = {"name": name}
        if color:
            fields["color"] = color
        with self._c.store.transaction():
            tags_groups.upsert_tags(
                self._c.store, [models.Tag(id=temp, name=name, color=color)], overwrite_pending=True
            )
            tags_groups.set_tags_pending(self._c.store, [temp])
            self._c.queue(
                kind="tag.create", target_type="tag", target_id=temp, payload=dict(fields)
            )
        self._c.announce("tags")
        return temp

    def update_tag(self, tag_id: int, changes: TagFields) -> None:
        current = next((t for t in self.tags() if t.id == tag_id), None)
        if current is None:
            raise KeyError(tag_id)
        model = models.Tag(
            id=tag_id,
            name=changes.get("name", current.name),
            color=changes.get("color", current.color),
            contacts_count=current.contacts_count,
        )
        with self._c.store.transaction():
            tags_groups.upsert_tags(self._c.store, [model], overwrite_pending=True)
            tags_groups.set_tags_pending(self._c.store, [tag_id])
            self._c.queue(
                kind="tag.update", target_type="tag", target_id=tag_id, payload=dict(changes)
            )
        self._c.announce("tags", "contacts")

    def delete_tag(self, tag_id: int) -> None:
        with self._c.store.transaction():
            tags_groups.delete_tags(self._c.store, [tag_id])
            if tag_id < 0:
                self._c.cancel_local("tag", tag_id)
            else:
                self._c.queue(kind="tag.delete", target_type="tag", target_id=tag_id, payload={})
        self._c.announce("tags", "contacts")

    # ------------------------------------------------------------------ groups
    def groups(self) -> list[GroupRow]:
        return tags_groups.groups(self._c.store)

    def create_group(self, name: str, description: str | None = None) -> int:
        temp = self._c.temp_id("contact_groups")
        with self._c.store.transaction():
            tags_groups.upsert_groups(
                self._c.store,
                [models.Group(id=temp, name=name, description=description)],
                overwrite_pending=True,
            )
            tags_groups.set_groups_pending(self._c.store, [temp])
            self._c.queue(
                kind="group.create",
                target_type="group",
                target_id=temp,
                payload={"name": name, "description": description},
            )
        self._c.announce("groups")
        return temp

    def update_group(self, group_id: int, changes: GroupFields) -> None:
        current = next((g for g in self.groups() if g.id == group_id), None)
        if current is None:
            raise KeyError(group_id)
        model = models.Group(
            id=group_id,
            name=changes.get("name", current.name),
            description=changes.get("description", current.description),
            members_count=current.members_count,
            created_at=current.created_at,
        )
        with self._c.store.transaction():
            tags_groups.upsert_groups(self._c.store, [model], overwrite_pending=True)
            tags_groups.set_groups_pending(self._c.store, [group_id])
            self._c.queue(
                kind="group.update",
                target_type="group",
                target_id=group_id,
                payload=dict(changes),
            )
        # Contacts show their groups by name.
        self._c.announce("groups", "contacts")

    def group_member_ids(self, group_id: int) -> list[int]:
        """The cached members of a group, by name: ids only, rows are read per window."""
        return contact_lists.contact_ids(self._c.store, group_id=group_id)

    def delete_group(self, group_id: int) -> None:
        with self._c.store.transaction():
            tags_groups.delete_groups(self._c.store, [group_id])
            if group_id < 0:
                self._c.cancel_local("group", group_id)
            else:
                self._c.queue(
                    kind="group.delete", target_type="group", target_id=group_id, payload={}
                )
        self._c.announce("groups", "contacts")

    def add_members(self, group_id: int, contact_ids: Sequence[int]) -> None:
        with self._c.store.transaction():
            added = contact_store.add_group_members(self._c.store, group_id, contact_ids)
            # The server's count moves with the cache until the next sync brings it.
            tags_groups.adjust_members_count(self._c.store, group_id, added)
            self._c.queue(
                kind="group.add_members",
                target_type="group",
                target_id=group_id,
                payload={"contact_ids": list(contact_ids)},
            )
        self._c.announce("groups", "contacts")

    def remove_members(self, group_id: int, contact_ids: Sequence[int]) -> None:
        with self._c.store.transaction():
            removed = contact_store.remove_group_members(self._c.store, group_id, contact_ids)
            tags_groups.adjust_members_count(self._c.store, group_id, -removed)
            self._c.queue(
                kind="group.remove_members",
                target_type="group",
                target_id=group_id,
                payload={"contact_ids": list(contact_ids)},
            )
        self._c.announce("groups", "contacts")

    # ------------------------------------------------------------------ webhooks
    def webhooks(self) -> list[WebhookRow]:
        return webhook_store.webhooks(self._c.store)

    def webhooks_blocked(self) -> str | None:
        """None when the token may manage webhooks; else the sentence saying why not.

        Known from this session's refresh, or from the scopes the inbox remembered
        (``local_state["me"]``) so the answer is there offline too.
        """
        if self._webhooks_forbidden is not None:
            return self._webhooks_forbidden
        known = local_state.get(self._c.store, "me")
        scopes = known.get("scopes") if isinstance(known, dict) else None
        if isinstance(scopes, list) and scopes and WEBHOOKS_SCOPE not in scopes:
            return NO_WEBHOOKS_SCOPE
        return None

    _webhooks_forbidden: str | None = None

    async def refresh_webhooks(self) -> None:
        """Read the whole list from the server (small, unpaginated) into the cache.

        A 403 is remembered as the reason management is off, not raised.
        """
        if self._client is None:
            raise RuntimeError("refreshing webhooks needs a connection to the server")
        try:
            listed = await self._client.webhooks.list()
        except errors.Forbidden:
            self._webhooks_forbidden = NO_WEBHOOKS_SCOPE
            self._c.changes.publish({"webhooks"})
            return
        self._webhooks_forbidden = None
        store = self._c.store
        with store.transaction():
            # A delete still in the outbox is not undone by a list read before it landed
            # (the same rule as the sync's).
            deleting = set(outbox_store.deleting(store, "webhook"))
            webhook_store.upsert_webhooks(store, [w for w in listed if w.id not in deleting])
            webhook_store.remove_webhooks_except(store, [w.id for w in listed])
        self._c.changes.publish({"webhooks"})

    async def create_webhook(self, url: str, events: list[str]) -> CreatedWebhook:
        """Online only: the secret exists once, in this answer, and is never stored.

        Raises the api's errors (``ValidationFailed`` with field errors, ``NetworkError``…)
        for the caller to show; nothing is queued.
        """
        if self._client is None:
            raise RuntimeError("creating a webhook needs a connection to the server")
        created = await self._client.webhooks.create(url, events)
        # The row is cached without the secret (the table has no column for it).
        webhook_store.upsert_webhooks(self._c.store, [created], overwrite_pending=True)
        self._c.changes.publish({"webhooks"})
        return created

    def delete_webhook(self, webhook_id: int) -> None:
        with self._c.store.transaction():
            webhook_store.delete_webhooks(self._c.store, [webhook_id])
            self._c.queue(
                kind="webhook.delete", target_type="webhook", target_id=webhook_id, payload={}
            )
        self._c.announce("webhooks")
