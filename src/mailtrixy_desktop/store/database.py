"""Connections to a workspace's cache file: the writer (``Store``) and readers.

Threading rule: every connection object serialises its own calls with a lock,
so it may be handed from one thread to another (``asyncio.to_thread``), but it
never runs two statements at once. For reading while writing, give each
thread its own connection: the writer (sync, outbox, services) keeps the
``Store``; the UI reads through ``store.reader()``. WAL lets a reader see the
last committed state while a write transaction is open.

Never ``await`` inside ``transaction()``: the lock is per thread, so another
coroutine on the same thread would slip its writes into the open transaction.
Write a page in one synchronous call.

A sync does its writes in a thread of its own (``sync.pull``), so a call on the
``Store`` from the event loop during a sync waits for the page being written (a
few milliseconds; up to about a second while a first sync of 100,000 contacts
builds their search index at the end). The UI reads through a ``Reader``, which
never waits for the writer.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, TypeVar

from mailtrixy_desktop.store import indexing
from mailtrixy_desktop.store.schema import MIGRATIONS, Migration, migrate

Params = Sequence[Any] | Mapping[str, Any]
# Rows answer both row[0] and row["name"]; built in C, so hardly dearer than tuples.
Row = sqlite3.Row
T = TypeVar("T")

BUSY_TIMEOUT_MS = 5_000
# Enough page cache for the contacts table and its indexes at 100,000 rows, so a
# search does not go back to the OS for pages (negative = KiB).
CACHE_KIB = 65_536


class Queryable:
    """The read helpers shared by the writer and the readers. Readers of each
    domain module take one of these, so they run on either connection."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        connection.row_factory = sqlite3.Row
        self._conn = connection
        self._lock = threading.RLock()
        self._memo: dict[Hashable, tuple[Hashable, Any]] = {}
        self.path = path

    # -- queries ---------------------------------------------------------------

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> Row | None:
        with self._lock:
            row: Row | None = self._conn.execute(sql, params).fetchone()
            return row

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    def column(self, sql: str, params: Params = ()) -> list[Any]:
        return [row[0] for row in self.all(sql, params)]

    # -- memo ------------------------------------------------------------------

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, remembered until the database changes (by this connection or
        any other). For derived data that is dear to build and cheap to keep, such as
        the order of every contact id by name."""
        with self._lock:
            generation = self._generation()
            hit = self._memo.get(key)
            if hit is not None and hit[0] == generation:
                value: T = hit[1]
                return value
            value = compute()
            self._memo[key] = (generation, value)
            return value

    def _generation(self) -> Hashable:
        # data_version changes when another connection commits; our own writes are
        # counted by the writer (see Store._generation).
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    # -- lifetime --------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._memo.clear()
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Reader(Queryable):
    """A read-only connection on the writer's file, for another thread (the UI's)."""

    @classmethod
    def _connect(cls, uri: str, path: str) -> Reader:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        connection.execute("PRAGMA temp_store = MEMORY")
        # A second guard besides mode=ro: the shared in-memory database has no mode=ro.
        connection.execute("PRAGMA query_only = ON")
        return cls(connection, path)


class Store(Queryable):
    """The writer's connection to one workspace's cache. Open with ``Store.open``."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: str,
        reader_uri: str,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> None:
        super().__init__(connection, path)
        self._reader_uri = reader_uri
        self._depth = 0  # transaction nesting: 0 none, 1 outer, >1 savepoints
        self._writes = 0
        self.migrations = tuple(migrations)
        # Tables whose sort and search indexes a first load has deferred (see indexing).
        self.deferred: set[str] = set()

    @classmethod
    def open(cls, path: Path | str, *, migrations: Sequence[Migration] = MIGRATIONS) -> Store:
        """Open (creating it and its folders if need be) and migrate the cache file."""
        file = Path(path)
        file.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(file, isolation_level=None, check_same_thread=False)
        reader_uri = file.resolve().as_uri() + "?mode=ro"
        return cls._prepare(connection, str(file), reader_uri, migrations)

    @classmethod
    def in_memory(cls, *, migrations: Sequence[Migration] = MIGRATIONS) -> Store:
        """A private database in memory, for tests. Its readers share the cache in
        SQLite's shared-cache mode, not WAL: a reader fails with "database table is
        locked" instead of reading the last commit while a write is open."""
        uri = f"file:mailtrixy-{uuid.uuid4().hex}?mode=memory&cache=shared"
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        return cls._prepare(connection, ":memory:", uri, migrations)

    @classmethod
    def _prepare(
        cls,
        connection: sqlite3.Connection,
        path: str,
        reader_uri: str,
        migrations: Sequence[Migration],
    ) -> Store:
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable across app crashes in WAL mode; only a power cut can
            # lose the last commits, which the next sync fetches again.
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            connection.execute("PRAGMA temp_store = MEMORY")
            migrate(connection, migrations, path=path)
            # A first sync cut short by a crash may have left indexes deferred.
            indexing.repair(connection, migrations)
        except BaseException:
            connection.close()
            raise
        return cls(connection, path, reader_uri, migrations)

    def reader(self) -> Reader:
        """A new read-only connection on the same file; close it when done."""
        return Reader._connect(self._reader_uri, self.path)

    # -- writes ----------------------------------------------------------------

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        """Run one statement that changes data; its cursor tells ``rowcount`` and
        ``lastrowid``. Read with ``all``/``one``/``scalar``, which hold the lock while
        they fetch."""
        with self._lock:
            self._writes += 1
            return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> sqlite3.Cursor:
        with self._lock:
            self._writes += 1
            return self._conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` when the block raises.

        Immediate: the write lock is taken at the start, so a transaction never fails
        half-way for want of it. A nested ``transaction()`` joins the outer one (one
        commit at the end) as a savepoint: if the inner block raises, its own changes
        are undone and the exception goes on to the outer block.
        """
        with self._lock:
            self._depth += 1
            depth = self._depth
            try:
                if depth == 1:
                    with self._outermost():
                        yield self
                else:
                    with self._savepoint(depth):
                        yield self
            finally:
                self._depth -= 1
                self._writes += 1

    @contextmanager
    def _outermost(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back by itself (disk full, I/O error).
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _savepoint(self, depth: int) -> Iterator[None]:
        name = f"nested_{int(depth)}"
        self._conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
            raise
        self._conn.execute(f"RELEASE {name}")

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @property
    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def _generation(self) -> Hashable:
        return (super()._generation(), self._writes)

    def close(self) -> None:
        with self._lock:
            if self._depth:
                raise RuntimeError("close() inside a transaction")
            # Keeps the query planner's statistics current at little cost.
            self._conn.execute("PRAGMA optimize")
            super().close()
