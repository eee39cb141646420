"""The contacts façade: the table's reads, and edits through the outbox."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mailtrixy_desktop.services.commands import utc_now
from mailtrixy_desktop.store import contact_lists, outbox, tags_groups
from mailtrixy_desktop.store import contacts as contact_store

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import Contact, ContactFields
    from mailtrixy_desktop.services.commands import Commands
    from mailtrixy_desktop.store.contact_lists import ContactSort
    from mailtrixy_desktop.store.contacts import ContactRow
    from mailtrixy_desktop.store.outbox import Operation

# Rows read per query in bulk changes: a bounded statement, however large the selection.
_BULK_CHUNK = 500


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

    def operation(self, op_id: int) -> Operation | None:
        """An outbox operation by id: how a form follows the save it queued."""
        return outbox.get(self._c.store, op_id)

    def open_operation(self, contact_id: int) -> Operation | None:
        """The newest operation still open on this contact (queued, refused...), if any."""
        ops = [
            op
            for op in outbox.open_operations(self._c.store)
            if op.target_type == "contact" and op.target_id == contact_id
        ]
        return ops[-1] if ops else None

    # ------------------------------------------------------------------ writes
    def _model(
        self,
        row: ContactRow | None,
        contact_id: int,
        changes: ContactFields,
        known_tags: Mapping[str, int] | None = None,
    ) -> Contact:
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
            known = (
                known_tags
                if known_tags is not None
                else {t.name: t.id for t in tags_groups.tags(self._c.store)}
            )
            data["tags"] = [
                {"id": known.get(name, self._c.temp_id("tags") - i), "name": name}
                for i, name in enumerate(changes["tags"])
            ]
        if "group_ids" in changes:
            names = {g.id: g.name for g in tags_groups.groups(self._c.store)}
            data["groups"] = [
                {"id": gid, "name": names.get(gid, "…")} for gid in changes["group_ids"]
            ]
        from mailtrixy_desktop.api.models import Contact

        return Contact.model_validate(data)

    def update(self, contact_id: int, changes: ContactFields) -> int:
        """Apply ``changes`` (only what changed) and queue them; the operation's id."""
        row = contact_store.contact(self._c.store, contact_id)
        if row is None:
            raise KeyError(contact_id)
        with self._c.store.transaction():
            contact_store.upsert_contacts(
                self._c.store, [self._model(row, contact_id, changes)], overwrite_pending=True
            )
            contact_store.set_contacts_pending(self._c.store, [contact_id])
            op = self._c.queue(
                kind="contact.update",
                target_type="contact",
                target_id=contact_id,
                payload=dict(changes),
            )
        self._c.announce("contacts")
        return op.id

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

    # ------------------------------------------------------------------ bulk
    # The API sets a contact's tags as a whole list (PUT /contacts/{id} with tag
    # names), so a bulk tag change is one update per contact, carrying that contact's
    # new list. Only contacts whose list actually changes get an operation: the
    # ids given are exactly the ones touched, and no more.

    def add_tag(self, ids: Sequence[int], name: str) -> int:
        """Give every contact in ``ids`` the tag ``name``; how many changed."""
        return self._retag(ids, name, add=True)

    def remove_tag(self, ids: Sequence[int], name: str) -> int:
        """Take the tag ``name`` off every contact in ``ids``; how many changed."""
        return self._retag(ids, name, add=False)

    def _retag(self, ids: Sequence[int], name: str, *, add: bool) -> int:
        store = self._c.store
        wanted = list(dict.fromkeys(ids))
        changed = 0
        with store.transaction():
            # Read once: a tag lookup per contact would rescan the links every time.
            known = {t.name: t.id for t in tags_groups.tags(store)}
            if add and name not in known:
                known[name] = self._c.temp_id("tags")
            for start in range(0, len(wanted), _BULK_CHUNK):
                chunk = wanted[start : start + _BULK_CHUNK]
                rows = contact_store.contacts_by_id(store, chunk)
                models: list[Contact] = []
                for contact_id in chunk:
                    row = rows.get(contact_id)
                    if row is None:
                        continue
                    names = [t.name for t in row.tags]
                    if add == (name in names):
                        continue  # already so: nothing to send
                    new = [*names, name] if add else [n for n in names if n != name]
                    changes: ContactFields = {"tags": new}
                    models.append(self._model(row, contact_id, changes, known))
                    self._c.queue(
                        kind="contact.update",
                        target_type="contact",
                        target_id=contact_id,
                        payload=dict(changes),
                    )
                if models:
                    contact_store.upsert_contacts(store, models, overwrite_pending=True)
                    contact_store.set_contacts_pending(store, [m.id for m in models])
                    changed += len(models)
        if changed:
            self._c.announce("contacts", "tags")
        return changed

    def delete_many(self, ids: Sequence[int]) -> int:
        """Delete these contacts (one operation each, in one transaction); how many."""
        store = self._c.store
        wanted = list(dict.fromkeys(ids))
        deleted = 0
        with store.transaction():
            for start in range(0, len(wanted), _BULK_CHUNK):
                chunk = wanted[start : start + _BULK_CHUNK]
                present = set(contact_store.contacts_by_id(store, chunk))
                chunk = [i for i in chunk if i in present]
                contact_store.delete_contacts(store, chunk)
                for contact_id in chunk:
                    if contact_id < 0:
                        self._c.cancel_local("contact", contact_id)
                    else:
                        self._c.queue(
                            kind="contact.delete",
                            target_type="contact",
                            target_id=contact_id,
                            payload={},
                        )
                deleted += len(chunk)
        if deleted:
            self._c.announce("contacts")
        return deleted
