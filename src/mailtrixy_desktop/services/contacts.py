"""The contacts façade: the table's reads, and edits through the outbox."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mailtrixy_desktop.api.models import Contact, ContactFields
from mailtrixy_desktop.services.commands import Commands, utc_now
from mailtrixy_desktop.store import contact_lists, tags_groups
from mailtrixy_desktop.store import contacts as contact_store
from mailtrixy_desktop.store.contact_lists import ContactSort
from mailtrixy_desktop.store.contacts import ContactRow


class ContactsService:
    def __init__(self, commands: Commands) -> None:
        self._c = commands

    # ------------------------------------------------------------------ reads
    def ids(
        self,
        *,
        search: str | None = None,
        tag_id: int | None = None,
        group_id: int | None = None,
        custom_field: tuple[str, str] | None = None,
        sort: ContactSort = "name",
        descending: bool = False,
    ) -> list[int]:
        return contact_lists.contact_ids(
            self._c.store,
            search=search,
            tag_id=tag_id,
            group_id=group_id,
            custom_field=custom_field,
            sort=sort,
            descending=descending,
        )

    def count(self, **filters: Any) -> int:
        return contact_lists.count_contacts(self._c.store, **filters)

    def rows(self, ids: Iterable[int]) -> dict[int, ContactRow]:
        return contact_store.contacts_by_id(self._c.store, ids)

    def get(self, contact_id: int) -> ContactRow | None:
        return contact_store.contact(self._c.store, contact_id)

    # ------------------------------------------------------------------ writes
    def _model(self, row: ContactRow | None, contact_id: int, changes: ContactFields) -> Contact:
        now = utc_now()
        data: dict[str, Any] = {
            "id": contact_id,
            "name": "",
            "email": "",
            "company": None,
            "phone": None,
            "tags": [],
            "groups": [],
            "custom_fields": {},
            "created_at": now,
            "updated_at": now,
        }
        if row is not None:
            data.update(
                name=row.name,
                email=row.email,
                company=row.company,
                phone=row.phone,
                tags=[{"id": t.id, "name": t.name} for t in row.tags],
                groups=[{"id": g.id, "name": g.name} for g in row.groups or ()],
                custom_fields=dict(row.custom_fields or {}),
                created_at=row.created_at,
                conversations_count=row.conversations_count or 0,
                last_contacted_at=row.last_contacted_at,
            )
        for key in ("name", "email", "company", "phone"):
            if key in changes:
                data[key] = changes[key]
        if "custom_fields" in changes:
            merged = dict(data["custom_fields"])
            for key, value in changes["custom_fields"].items():
                if value is None:
                    merged.pop(key, None)
                else:
                    merged[key] = value
            data["custom_fields"] = merged
        if "tags" in changes:
            known = {t.name: t.id for t in tags_groups.tags(self._c.store)}
            data["tags"] = [
                {"id": known.get(name, self._c.temp_id("tags") - i), "name": name}
                for i, name in enumerate(changes["tags"])
            ]
        if "group_ids" in changes:
            names = {g.id: g.name for g in tags_groups.groups(self._c.store)}
            data["groups"] = [
                {"id": gid, "name": names.get(gid, "…")} for gid in changes["group_ids"]
            ]
        return Contact.model_validate(data)

    def update(self, contact_id: int, changes: ContactFields) -> None:
        row = contact_store.contact(self._c.store, contact_id)
        if row is None:
            raise KeyError(contact_id)
        with self._c.store.transaction():
            contact_store.upsert_contacts(
                self._c.store, [self._model(row, contact_id, changes)], overwrite_pending=True
            )
            contact_store.set_contacts_pending(self._c.store, [contact_id])
            self._c.queue(
                kind="contact.update",
                target_type="contact",
                target_id=contact_id,
                payload=dict(changes),
            )
        self._c.announce("contacts")

    def create(self, fields: ContactFields) -> int:
        temp = self._c.temp_id("contacts")
        with self._c.store.transaction():
            contact_store.upsert_contacts(
                self._c.store, [self._model(None, temp, fields)], overwrite_pending=True
            )
            contact_store.set_contacts_pending(self._c.store, [temp])
            self._c.queue(
                kind="contact.create", target_type="contact", target_id=temp, payload=dict(fields)
            )
        self._c.announce("contacts")
        return temp

    def delete(self, contact_id: int) -> None:
        with self._c.store.transaction():
            contact_store.delete_contacts(self._c.store, [contact_id])
            if contact_id < 0:
                self._c.cancel_local("contact", contact_id)
            else:
                self._c.queue(
                    kind="contact.delete", target_type="contact", target_id=contact_id, payload={}
                )
        self._c.announce("contacts")
