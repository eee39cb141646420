"""Deferring a table's sort indexes and search index while a first sync fills it.

Writing a row into ``contacts`` also writes five sort indexes and, through the
triggers, the FTS5 index: on a first sync of 100,000 contacts that upkeep costs
more than the rows themselves, because every page lands at random places in
every index. Building each index once over the finished table is a sort, which
is several times cheaper.

So when a full sync starts on an EMPTY table, ``defer`` drops the table's plain
secondary indexes (unique and partial ones stay: they enforce or stay tiny) and
the triggers that keep its FTS tables, and ``restore`` builds them all again at
the end, whether the sync worked or not: the indexes from their definitions and
each FTS table with FTS5's ``'rebuild'``. Until then, rows are readable and
sortable (more slowly) but not found by search; the table was empty anyway.

A crash in between leaves the file without them; ``repair``, run on every open
(see ``Store.open``), puts back whatever the migrations define and the file
lacks. The migrations are the one source: they are applied to a scratch
database in memory, and its schema is the reference.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mailtrixy_desktop.store.schema import Migration, migrate

if TYPE_CHECKING:
    from mailtrixy_desktop.store.database import Store

_CONTENT = re.compile(r"content\s*=\s*'(\w+)'")


@dataclass(frozen=True)
class Upkeep:
    """What keeps one table sorted and searchable, as the migrations define it."""

    table: str
    # The table and those whose rows hang off it by foreign key (contact_tags off
    # contacts): all empty when the table is, so their indexes can wait too.
    tables: tuple[str, ...]
    indexes: tuple[tuple[str, str], ...]  # (name, CREATE INDEX ...): the deferrable ones
    triggers: tuple[tuple[str, str], ...]  # (name, CREATE TRIGGER ...) that feed fts
    fts: tuple[str, ...]  # external-content FTS tables over the table


@functools.cache
def expected(migrations: tuple[Migration, ...]) -> dict[str, Upkeep]:
    """Per table, its deferrable indexes and search triggers after ``migrations``."""
    scratch = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(scratch, migrations)
        return _upkeeps(scratch)
    finally:
        scratch.close()


def _upkeeps(db: sqlite3.Connection) -> dict[str, Upkeep]:
    tables = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    fts_of: dict[str, list[str]] = {}
    for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"
    ):
        found = _CONTENT.search(sql)
        if found:
            fts_of.setdefault(found.group(1), []).append(name)
    children: dict[str, list[str]] = {}
    for child in tables:
        for (parent,) in db.execute(
            'SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)', (child,)
        ):
            children.setdefault(parent, []).append(child)
    indexes: dict[str, list[tuple[str, str]]] = {}
    for table, name, sql in db.execute(
        "SELECT tbl_name, name, sql FROM sqlite_master "
        "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
    ):
        flags = {
            row[1]: (row[2], row[4])  # name: (unique, partial)
            for row in db.execute("SELECT * FROM pragma_index_list(?)", (table,))
        }
        unique, partial = flags.get(name, (1, 1))
        if not unique and not partial:
            indexes.setdefault(table, []).append((name, sql))
    triggers: dict[str, list[tuple[str, str]]] = {}
    for table, name, sql in db.execute(
        "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ):
        if any(re.search(rf"\b{f}\b", sql) for f in fts_of.get(table, ())):
            triggers.setdefault(table, []).append((name, sql))
    upkeeps: dict[str, Upkeep] = {}
    for table in tables:
        family = (table, *children.get(table, ()))
        upkeep = Upkeep(
            table,
            family,
            tuple(index for t in family for index in indexes.get(t, ())),
            tuple(triggers.get(table, ())),
            tuple(fts_of.get(table, ())) if table in triggers else (),
        )
        if upkeep.indexes or upkeep.triggers:
            upkeeps[table] = upkeep
    return upkeeps


_PRESENT = "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"


def _present(store: Store) -> set[str]:
    return set(store.column(_PRESENT))


def defer(store: Store, table: str) -> bool:
    """If ``table`` (and what hangs off it) is empty, drop its sort indexes and search
    triggers, and say so.

    One transaction: the emptiness check and the drops, so no row can arrive between
    them. Pair every ``True`` with ``restore`` (in a ``finally``)."""
    upkeep = expected(store.migrations).get(table)
    if upkeep is None:
        return False
    # Table names come from the migrations, never from input.
    occupied = " OR ".join(f"EXISTS (SELECT 1 FROM {t})" for t in upkeep.tables)
    with store.transaction():
        if store.scalar(f"SELECT {occupied}"):
            return False
        for name, _sql in upkeep.indexes:
            store.execute(f"DROP INDEX IF EXISTS {name}")
        for name, _sql in upkeep.triggers:
            store.execute(f"DROP TRIGGER IF EXISTS {name}")
    store.deferred.add(table)
    return True


def restore(store: Store, table: str) -> None:
    """Build again what ``defer`` dropped (or a crash left missing): each index in a
    transaction of its own, so other writers wait for one index at a time; then the
    triggers and each FTS table from the rows as they are, together, so no write can
    fall between them."""
    upkeep = expected(store.migrations).get(table)
    if upkeep is not None:
        for name, sql in upkeep.indexes:
            with store.transaction():
                if name not in _present(store):
                    store.execute(sql)
        with store.transaction():
            for sql in _missing_search(_present(store), upkeep):
                store.execute(sql)
    store.deferred.discard(table)


def _missing_search(present: set[str], upkeep: Upkeep) -> list[str]:
    missing = [sql for name, sql in upkeep.triggers if name not in present]
    if not missing:
        return []
    # The rows written without the triggers are indexed in one pass.
    return [*missing, *(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')" for fts in upkeep.fts)]


def repair(connection: sqlite3.Connection, migrations: Sequence[Migration]) -> bool:
    """At open: put back every deferrable index and search trigger the file lacks
    (a first sync cut short by a crash). Whether anything was missing.

    The connection must be in autocommit mode and already migrated."""
    upkeeps = expected(tuple(migrations)).values()
    present = {row[0] for row in connection.execute(_PRESENT)}
    statements = [sql for upkeep in upkeeps for name, sql in upkeep.indexes if name not in present]
    for upkeep in upkeeps:
        statements += _missing_search(present, upkeep)
    if not statements:
        return False
    connection.execute("BEGIN IMMEDIATE")
    try:
        done: set[str] = set()
        for sql in statements:
            if sql not in done:  # a link table's index is in more than one upkeep
                connection.execute(sql)
                done.add(sql)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return True
