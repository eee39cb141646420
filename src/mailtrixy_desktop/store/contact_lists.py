"""Which contacts a view shows, in which order: ids only, for a thin item model.

A view holds the ordered ids and asks ``contacts.contacts_by_id`` for the rows it
paints. Producing up to 100,000 sorted ids must stay within the search budget
(DESIGN.md: 30 ms at the 95th percentile), and two costs dominate: sorting a
large match set, and turning rows into Python objects. So:

- ids come back as one ``json_group_array`` string, not one row object per id;
- the order of every contact under a sort key is read once through its index
  and remembered until the database changes (``Queryable.memo``); a large match
  set is then filtered in that order, with no sort at all;
- a small match set (most searches past the first letter) is sorted by SQLite.
"""

from __future__ import annotations

from typing import Literal, get_args

from mailtrixy_desktop.api.models import CustomValue
from mailtrixy_desktop.store.database import Params, Queryable
from mailtrixy_desktop.store.search import fts_query
from mailtrixy_desktop.store.values import load_ids

ContactSort = Literal["name", "email", "company", "created_at", "updated_at"]
CONTACT_SORTS: tuple[ContactSort, ...] = get_args(ContactSort)

# Each order ends in id so it is total (ties cannot shuffle between reads), and
# each has an index of the same columns (schema.py), so no sort is needed.
_ORDER: dict[str, str] = {
    "name": "sort_name, id",
    "email": "email COLLATE NOCASE, id",
    "company": "sort_company, sort_name, id",
    "created_at": "created_at, id",
    "updated_at": "updated_at, id",
}
# Below this many matches SQLite sorts them faster than a pass over the whole order.
_SORT_IN_SQL_BELOW = 4_000


def contact_ids(
    store: Queryable,
    *,
    search: str | None = None,
    tag_id: int | None = None,
    group_id: int | None = None,
    custom_field: tuple[str, CustomValue] | None = None,
    sort: ContactSort = "name",
    descending: bool = False,
) -> list[int]:
    """The ids of the contacts that match every given filter, in order.

    ``search`` matches words by prefix in name, email, company and phone (``jan acm``
    finds "Jane Smith, Acme"); case and accents are ignored; text with no words
    filters nothing. ``custom_field`` is (name, value): a string value matches the
    field's text case-insensitively ("42" matches 42, "true" matches true); other
    values match by JSON type and value. Descending order is the exact reverse.
    """
    order = _order(sort)
    matching = _matching_sql(search, tag_id, group_id, custom_field)
    if matching is None:
        ids = list(_all_in_order(store, sort))
    else:
        sql, params = matching
        found: str | None = store.scalar(f"SELECT json_group_array(id) FROM ({sql})", params)
        wanted = load_ids(found)
        if len(wanted) < _SORT_IN_SQL_BELOW:
            ids = load_ids(
                store.scalar(
                    "SELECT json_group_array(id) FROM (SELECT id FROM contacts "
                    f"WHERE id IN (SELECT value FROM json_each(?)) ORDER BY {order})",
                    (found,),
                )
            )
        else:
            members = set(wanted)
            ids = [i for i in _all_in_order(store, sort) if i in members]
    if descending:
        ids.reverse()
    return ids


def count_contacts(
    store: Queryable,
    *,
    search: str | None = None,
    tag_id: int | None = None,
    group_id: int | None = None,
    custom_field: tuple[str, CustomValue] | None = None,
) -> int:
    matching = _matching_sql(search, tag_id, group_id, custom_field)
    if matching is None:
        return int(store.scalar("SELECT count(*) FROM contacts"))
    sql, params = matching
    return int(store.scalar(f"SELECT count(*) FROM ({sql})", params))


def _order(sort: str) -> str:
    try:
        return _ORDER[sort]
    except KeyError:
        raise ValueError(f"unknown contact sort {sort!r}; one of {CONTACT_SORTS}") from None


def _all_in_order(store: Queryable, sort: ContactSort) -> tuple[int, ...]:
    order = _order(sort)

    def read() -> tuple[int, ...]:
        text = store.scalar(
            f"SELECT json_group_array(id) FROM (SELECT id FROM contacts ORDER BY {order})"
        )
        return tuple(load_ids(text))

    return store.memo(("contact_ids", sort), read)


def _matching_sql(
    search: str | None,
    tag_id: int | None,
    group_id: int | None,
    custom_field: tuple[str, CustomValue] | None,
) -> tuple[str, Params] | None:
    """A query of the matching ids (as ``id``, unordered), or None for "every contact".
    Built only from fixed fragments; every value is a parameter."""
    match = fts_query(search)
    clauses: list[str] = []
    params: list[object] = []
    if tag_id is not None:
        clauses.append("id IN (SELECT contact_id FROM contact_tags WHERE tag_id = ?)")
        params.append(int(tag_id))
    if group_id is not None:
        clauses.append("id IN (SELECT contact_id FROM group_members WHERE group_id = ?)")
        params.append(int(group_id))
    if custom_field is not None:
        clause, values = _custom_field_clause(*custom_field)
        clauses.append(clause)
        params.extend(values)
    if match is None and not clauses:
        return None
    if match is not None and not clauses:
        # The search index alone answers it; no need to touch the contacts table.
        return "SELECT rowid AS id FROM contacts_fts WHERE contacts_fts MATCH ?", (match,)
    if match is not None:
        clauses.insert(0, "id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)")
        params.insert(0, match)
    return "SELECT id FROM contacts WHERE " + " AND ".join(clauses), params


def _custom_field_clause(name: str, value: CustomValue) -> tuple[str, list[object]]:
    # json_each with the key bound as a value: no JSON path is built from the name.
    head = "EXISTS (SELECT 1 FROM json_each(contacts.custom_fields) AS f WHERE f.key = ? AND "
    if isinstance(value, bool):
        return head + "f.type = ?)", [name, "true" if value else "false"]
    if value is None:
        return head + "f.type = 'null')", [name]
    if isinstance(value, int | float):
        return head + "f.type IN ('integer', 'real') AND f.value = ?)", [name, value]
    text = (
        "(CASE f.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
        "ELSE CAST(f.value AS TEXT) END) = ? COLLATE NOCASE)"
    )
    return head + text, [name, value]


# -- orders the indexes do not cover, and the custom field names ------------------
# A table view sorts by any column: phone, tags, groups and each custom field too.
# None of these has an index, so the whole order under such a key is built once
# (one SQLite sort of every contact, ~100 ms at 100,000) and remembered like the
# indexed ones until the database changes; a filtered list is then that order
# filtered, with no sort per keystroke.

ExtraSort = Literal["phone", "tags", "groups"]
EXTRA_SORTS: tuple[ExtraSort, ...] = get_args(ExtraSort)
_EXTRA_ORDER: dict[str, str] = {
    # NULLs (no phone, no tag) after every value, as a person expects.
    "phone": "phone IS NULL, phone COLLATE NOCASE, sort_name, id",
    "tags": (
        "(SELECT min(t.name COLLATE NOCASE) FROM contact_tags AS ct JOIN tags AS t "
        "ON t.id = ct.tag_id WHERE ct.contact_id = contacts.id) IS NULL, "
        "(SELECT min(t.name COLLATE NOCASE) FROM contact_tags AS ct JOIN tags AS t "
        "ON t.id = ct.tag_id WHERE ct.contact_id = contacts.id) COLLATE NOCASE, sort_name, id"
    ),
    "groups": (
        "(SELECT min(g.name COLLATE NOCASE) FROM group_members AS gm JOIN contact_groups AS g "
        "ON g.id = gm.group_id WHERE gm.contact_id = contacts.id) IS NULL, "
        "(SELECT min(g.name COLLATE NOCASE) FROM group_members AS gm JOIN contact_groups AS g "
        "ON g.id = gm.group_id WHERE gm.contact_id = contacts.id) COLLATE NOCASE, sort_name, id"
    ),
}
# A custom field's value, looked up with the name bound (no JSON path from input).
_CUSTOM_VALUE = "(SELECT f.value FROM json_each(contacts.custom_fields) AS f WHERE f.key = ?)"


def order_by_extra(
    store: Queryable,
    ids: list[int] | None,
    *,
    sort: ExtraSort | None = None,
    custom_field: str | None = None,
    descending: bool = False,
) -> list[int]:
    """``ids`` (or every contact, for None) in the order of a column without an index:
    ``sort`` (phone, tags, groups) or the value of the custom field ``custom_field``
    (numbers before text, contacts without it last). Ties go by name, then id."""
    if (sort is None) == (custom_field is None):
        raise ValueError("give exactly one of sort and custom_field")
    if sort is not None:
        if sort not in _EXTRA_ORDER:
            raise ValueError(f"unknown contact sort {sort!r}; one of {EXTRA_SORTS}")
        key: tuple[str, ...] = ("contact_order", sort)
        sql = (
            "SELECT json_group_array(id) FROM (SELECT id FROM contacts "
            f"ORDER BY {_EXTRA_ORDER[sort]})"
        )
        params: tuple[object, ...] = ()
    else:
        key = ("contact_order_custom", str(custom_field))
        sql = (
            "SELECT json_group_array(id) FROM (SELECT id FROM contacts ORDER BY "
            f"{_CUSTOM_VALUE} IS NULL, {_CUSTOM_VALUE}, sort_name, id)"
        )
        params = (custom_field, custom_field)
    order = store.memo(key, lambda: tuple(load_ids(store.scalar(sql, params))))
    if ids is None:
        result = list(order)
    else:
        members = set(ids)
        result = [i for i in order if i in members] if members else []
    if descending:
        result.reverse()
    return result


def custom_field_names(store: Queryable) -> list[str]:
    """Every custom field name some cached contact has, sorted case-insensitively."""

    def read() -> list[str]:
        names = store.column(
            "SELECT DISTINCT f.key FROM contacts, json_each(contacts.custom_fields) AS f "
            "WHERE contacts.custom_fields IS NOT NULL"
        )
        return sorted((str(n) for n in names), key=lambda n: (n.casefold(), n))

    return list(store.memo(("contact_custom_field_names",), read))
