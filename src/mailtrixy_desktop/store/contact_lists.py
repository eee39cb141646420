"""Which contacts a view shows, in which order: ids only, for a thin item model.

A view holds the ordered ids and asks ``contacts.contacts_by_id`` for the rows it
paints. Producing up to 100,000 sorted ids must stay within the search budget
(DESIGN.md: 30 ms at the 95th percentile), and two costs dominate: sorting a
match set, and turning rows into Python objects. So:

- ids come back as one ``json_group_array`` string, not one row object per id;
- the order of every contact under a sort key is read once through its index
  and remembered until the database changes (``Queryable.memo``), with each
  contact's position in it; a match set is then put in that order without
  SQLite: a small one sorted by position, a large one (past a sixth of every
  contact) picked out of the whole order by one pass;
- the answers to the last few queries are remembered too, until the database
  changes: typing back, or a filter chosen again, asks nothing of SQLite.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal, get_args

from mailtrixy_desktop.store.search import fts_query
from mailtrixy_desktop.store.values import load_ids

if TYPE_CHECKING:
    from mailtrixy_desktop.api.models import CustomValue
    from mailtrixy_desktop.store.database import Params, Queryable

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
# Up to len(order) // _PASS_SHARE matches, sorting them by their places in the order
# is faster than a pass over the whole order; past it, the pass is.
_PASS_SHARE = 6
# Past len(order) // _HEAD_SHARE matches (2% of everyone), an answer asked for its
# first ids gives those alone, found in a few hundred steps of the order, and leaves
# the rest (a pass) for later; its matches are kept as a dear answer (_Answers).
_HEAD_SHARE = 50
# Answers remembered until the database changes (see _Answers); 0 keeps none.
CHEAP_ANSWERS_KEPT = 32
DEAR_ANSWERS_KEPT = 64
_DEAR_BYTES_KEPT = 8_000_000  # about, in all the dear answers kept
_ATTEMPTS = 3  # reads that met a commit between them, before SQLite sorts instead


class ContactIds:
    """The ids a query selects, in order: all of them, or, when putting a large match
    set in order is the dear part, the first ones and how many there are.

    The rest is then made by one pass over a remembered order (no SQLite): all at
    once by ``all()``, or a step at a time by ``advance``, so that it can wait for
    moments with nothing else to do. The lists handed out are shared: read them, do
    not change them.
    """

    __slots__ = ("_lock", "_pass", "count", "first")

    def __init__(self, first: list[int], count: int | None = None, rest: _Pass | None = None):
        self.first = first  # every id when complete, else the first ones
        self.count = len(first) if count is None else count
        self._pass = rest
        self._lock = threading.Lock()

    @property
    def complete(self) -> bool:
        return self._pass is None

    def all(self) -> list[int]:
        """Every id, in order."""
        self.advance(None)
        return self.first

    def advance(self, step: int | None) -> bool:
        """Take the pass ``step`` ids further (None: to its end); whether it is done."""
        with self._lock:
            rest = self._pass
            if rest is None:
                return True
            ids = rest.run(step)
            if ids is None:
                return False
            self.first, self._pass = ids, None
            return True

    def may_hold(self, contact_id: int) -> bool:
        """False when ``contact_id`` is surely not among the ids (cheap, without the rest)."""
        rest = self._pass
        return True if rest is None else contact_id in rest.members


class _Pass:
    """The ids in ``members``, picked out of ``order`` in its order, a step at a time."""

    __slots__ = ("_at", "_keep", "_picked", "descending", "members", "order")

    def __init__(
        self,
        order: tuple[int, ...],
        members: set[int],
        descending: bool,
        keep: Callable[[tuple[int, ...]], None],
    ) -> None:
        self.order, self.members, self.descending = order, members, descending
        self._keep = keep
        self._picked: list[int] = []
        self._at = 0

    def run(self, step: int | None) -> list[int] | None:
        """``step`` more ids of the order looked at; every id picked, once at the end."""
        order, start = self.order, self._at
        end = len(order) if step is None else min(len(order), start + step)
        part = order if start == 0 and end == len(order) else order[start:end]
        self._picked.extend(filter(self.members.__contains__, part))
        self._at = end
        if end < len(order):
            return None
        picked = self._picked
        self._keep(tuple(picked))
        if self.descending:
            picked.reverse()
        return picked


class _Order:
    """Every contact's id in one order, and (made when first needed) each id's place."""

    __slots__ = ("_places", "answers", "ids")

    def __init__(self, ids: Sequence[int]) -> None:
        self.ids = tuple(ids)
        self._places: dict[int, int] | None = None
        self.answers = _Answers()  # to queries, in this order: gone with it

    def sort(self, found: list[int]) -> bool:
        """Sort ``found`` into this order in place; False if one of them is not in it."""
        if self._places is None:
            self._places = dict(zip(self.ids, range(len(self.ids)), strict=True))
        try:
            found.sort(key=self._places.__getitem__)
        except KeyError:
            return False
        return True

    def first(self, members: set[int], count: int, descending: bool) -> list[int]:
        ids = reversed(self.ids) if descending else self.ids
        return list(islice(filter(members.__contains__, ids), count))


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
    found = ordered_contact_ids(
        store,
        search=search,
        tag_id=tag_id,
        group_id=group_id,
        custom_field=custom_field,
        sort=sort,
        descending=descending,
    )
    return list(found.all())


def ordered_contact_ids(
    store: Queryable,
    *,
    search: str | None = None,
    tag_id: int | None = None,
    group_id: int | None = None,
    custom_field: tuple[str, CustomValue] | None = None,
    sort: ContactSort = "name",
    descending: bool = False,
    first: int | None = None,
) -> ContactIds:
    """``contact_ids`` as a ``ContactIds``. With ``first``, a large match set comes back
    as its first ``first`` ids and its count, and the rest is made when asked for:
    the dear part of a short search (a pass over every contact) is then not in the
    way of showing its first screenful."""
    order_sql = _order(sort)
    matching = _matching_sql(search, tag_id, group_id, custom_field)
    order = _all_in_order(store, sort)
    if matching is None:
        ids = list(order.ids)
        if descending:
            ids.reverse()
        return ContactIds(ids)
    sql, params = matching
    key = (sql, _key_of(params))
    known = order.answers.recall(key)
    if isinstance(known, tuple):
        ids = list(known)
        if descending:
            ids.reverse()
        return ContactIds(ids)
    if known is not None:  # the matches of a large answer, not in order yet
        return _in_pass(order, key, set(load_ids(known)), first, descending)
    return _matches_in_order(
        store,
        sql,
        params,
        lambda: _all_in_order(store, sort),
        "SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?)) "
        f"ORDER BY {order_sql}",
        key=key,
        first=first,
        descending=descending,
    )


def _matches_in_order(
    store: Queryable,
    sql: str,
    params: Params,
    order_of: Callable[[], _Order],
    sorted_sql: str,
    *,
    key: Hashable,
    first: int | None,
    descending: bool,
) -> ContactIds:
    """The ids ``sql`` selects, in the remembered order ``order_of()``.

    The order and the matches come from separate statements. A commit between them
    shows as a new order (or a match the order lacks): both are read again, so the
    answer always comes from one state of the cache.
    """
    found_text = "[]"
    for _attempt in range(_ATTEMPTS):
        order = order_of()
        found_text = store.scalar(f"SELECT json_group_array(id) FROM ({sql})", params)
        found = load_ids(found_text)
        large = len(found) * _HEAD_SHARE > len(order.ids)
        if len(found) * _PASS_SHARE <= len(order.ids) and not (large and first is not None):
            if order.sort(found) and order_of() is order:
                order.answers.keep(key, tuple(found), dear=large)
                if descending:
                    found.reverse()
                return ContactIds(found)
            continue
        if order_of() is order:
            order.answers.keep(key, found_text, dear=True)  # as it came: no cost now
            return _in_pass(order, key, set(found), first, descending)
    # The cache keeps changing under us (a sync writing pages): SQLite sorts them.
    text = store.scalar(f"SELECT json_group_array(id) FROM ({sorted_sql})", (found_text,))
    ids = load_ids(text)
    if descending:
        ids.reverse()
    return ContactIds(ids)


def _in_pass(
    order: _Order, key: Hashable, members: set[int], first: int | None, descending: bool
) -> ContactIds:
    """A large answer: its first ``first`` ids now, the rest by a pass over ``order``
    when asked for (all at once when ``first`` is None or holds them all). The pass
    keeps the answer, in order, for the next time."""
    rest = _Pass(
        order.ids, members, descending, lambda ids: order.answers.keep(key, ids, dear=True)
    )
    if first is None or len(members) <= first:
        return ContactIds(rest.run(None) or [])
    return ContactIds(order.first(members, first, descending), len(members), rest)


class _Answers:
    """Answers to recent queries while the cache stays as it is: typing back to an
    earlier search, or choosing a filter again, reads nothing.

    An answer is its ids in order, or, for a large match set not put in order yet,
    the JSON text of its ids as SQLite gave it (which keeping costs nothing, and
    saves the search on the next time). Large answers are the dear ones to make (a
    first letter matches a tenth of everyone or more), and there are few of them
    (about as many as letters): they are kept apart, so that many cheap answers do
    not push them out.
    """

    __slots__ = ("_cheap", "_dear", "_lock")

    def __init__(self) -> None:
        self._lock = threading.Lock()  # threads share the answers of a connection
        self._cheap: OrderedDict[Hashable, tuple[int, ...]] = OrderedDict()
        self._dear: OrderedDict[Hashable, tuple[int, ...] | str] = OrderedDict()

    def recall(self, key: Hashable) -> tuple[int, ...] | str | None:
        with self._lock:
            for kept in (self._dear, self._cheap):
                found = kept.get(key)
                if found is not None:
                    kept.move_to_end(key)
                    return found
            return None

    def keep(self, key: Hashable, ids: tuple[int, ...] | str, *, dear: bool) -> None:
        with self._lock:
            if dear:
                _keep(self._dear, key, ids, DEAR_ANSWERS_KEPT, _DEAR_BYTES_KEPT)
            elif isinstance(ids, tuple):
                _keep(self._cheap, key, ids, CHEAP_ANSWERS_KEPT, None)


def _keep(
    kept: OrderedDict[Hashable, Any], key: Hashable, ids: Any, most: int, most_bytes: int | None
) -> None:
    """``ids`` kept as the newest answer, the oldest ones let go past ``most`` answers
    or about ``most_bytes`` in all."""
    if most <= 0:
        return
    kept[key] = ids
    kept.move_to_end(key)
    total = sum(map(_size, kept.values())) if most_bytes is not None else 0
    while len(kept) > most or (most_bytes is not None and total > most_bytes and len(kept) > 1):
        _key, gone = kept.popitem(last=False)
        total -= _size(gone)


def _size(ids: tuple[int, ...] | str) -> int:
    # A tuple holds pointers to ints the order holds already; the text is ASCII.
    return 8 * len(ids) if isinstance(ids, tuple) else len(ids)


def _key_of(params: Params) -> Hashable:
    # True == 1 and they hash alike, but bind differently: the type is part of the key.
    values = params.values() if isinstance(params, Mapping) else params
    return tuple((type(v).__name__, v) for v in values)


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
        return int(
            store.memo(("contact_count",), lambda: store.scalar("SELECT count(*) FROM contacts"))
        )
    sql, params = matching
    return int(store.scalar(f"SELECT count(*) FROM ({sql})", params))


def _order(sort: str) -> str:
    try:
        return _ORDER[sort]
    except KeyError:
        raise ValueError(f"unknown contact sort {sort!r}; one of {CONTACT_SORTS}") from None


def _all_in_order(store: Queryable, sort: str) -> _Order:
    order = _order(sort)

    def read() -> _Order:
        text = store.scalar(
            f"SELECT json_group_array(id) FROM (SELECT id FROM contacts ORDER BY {order})"
        )
        return _Order(load_ids(text))

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
# indexed ones until the database changes; a filtered list is then put in that
# order as above, with no SQLite sort per keystroke.

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
    order = store.memo(key, lambda: _Order(load_ids(store.scalar(sql, params))))
    if ids is None:
        result = list(order.ids)
    else:
        result = list(ids)
        if len(result) * _PASS_SHARE > len(order.ids) or not order.sort(result):
            # A pass; it also drops ids read before a change this order has seen.
            members = set(ids)
            result = list(filter(members.__contains__, order.ids))
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
