"""The cache's schema, as an ordered list of migration steps.

``PRAGMA user_version`` holds how many steps a file has had. Opening a file runs
the steps it lacks, all in one transaction, so a file is either migrated or
untouched. To change the schema, append a step; never edit one that shipped.

Conventions of every resource table: ``id`` is the server's id; ``pending`` is 1
while an optimistic local change waits in the outbox (sync leaves such rows
alone); ``synced_at`` is when the row last came from the server (NULL for a
row known only by reference, such as a tag seen on a contact). Moments are
UTC ISO text; money is INTEGER units of 1/10000 (see values.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from mailtrixy_desktop.store.errors import SchemaTooNewError


@dataclass(frozen=True)
class Migration:
    description: str
    statements: tuple[str, ...]


_ROW = """
    pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
    synced_at TEXT
"""

_TABLES = Migration(
    "a table per resource",
    (
        f"""CREATE TABLE team_members (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            email TEXT,
            role TEXT,
            {_ROW})""",
        f"""CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            color TEXT,
            contacts_count INTEGER NOT NULL DEFAULT 0,
            {_ROW})""",
        f"""CREATE TABLE contact_groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT,
            members_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT,
            {_ROW})""",
        # sort_* are folded copies (case and accents ignored) so sorting uses an index.
        # custom_fields is the server's JSON object, whole; NULL until a shape with it
        # arrived. groups_known says whether group membership has arrived.
        f"""CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            company TEXT,
            phone TEXT,
            sort_name TEXT NOT NULL,
            sort_company TEXT,
            custom_fields TEXT,
            groups_known INTEGER NOT NULL DEFAULT 0,
            conversations_count INTEGER,
            last_contacted_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            {_ROW})""",
        "CREATE INDEX contacts_by_name ON contacts (sort_name, id)",
        "CREATE INDEX contacts_by_email ON contacts (email COLLATE NOCASE, id)",
        "CREATE INDEX contacts_by_company ON contacts (sort_company, sort_name, id)",
        "CREATE INDEX contacts_by_created ON contacts (created_at, id)",
        "CREATE INDEX contacts_by_updated ON contacts (updated_at, id)",
        "CREATE INDEX contacts_pending ON contacts (id) WHERE pending = 1",
        # ON UPDATE CASCADE: a contact created offline gets its server id by one UPDATE.
        """CREATE TABLE contact_tags (
            contact_id INTEGER NOT NULL
                REFERENCES contacts (id) ON DELETE CASCADE ON UPDATE CASCADE,
            tag_id INTEGER NOT NULL
                REFERENCES tags (id) ON DELETE CASCADE ON UPDATE CASCADE,
            PRIMARY KEY (contact_id, tag_id)) WITHOUT ROWID""",
        "CREATE INDEX contact_tags_by_tag ON contact_tags (tag_id, contact_id)",
        """CREATE TABLE group_members (
            contact_id INTEGER NOT NULL
                REFERENCES contacts (id) ON DELETE CASCADE ON UPDATE CASCADE,
            group_id INTEGER NOT NULL
                REFERENCES contact_groups (id) ON DELETE CASCADE ON UPDATE CASCADE,
            PRIMARY KEY (contact_id, group_id)) WITHOUT ROWID""",
        "CREATE INDEX group_members_by_group ON group_members (group_id, contact_id)",
        # The contact and assignee are copied as the server embeds them: the inbox
        # shows them even when the contacts or team have not been synced (or may not be).
        # activity_at (last message, else creation) is the inbox's sort key.
        f"""CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'snoozed')),
            contact_id INTEGER NOT NULL,
            contact_name TEXT NOT NULL,
            contact_email TEXT NOT NULL,
            assignee_id INTEGER,
            assignee_name TEXT,
            labels TEXT NOT NULL DEFAULT '[]',
            messages_count INTEGER NOT NULL DEFAULT 0,
            last_message_at TEXT,
            activity_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT,
            snoozed_until TEXT,
            {_ROW})""",
        "CREATE INDEX conversations_by_status ON conversations (status, activity_at, id)",
        "CREATE INDEX conversations_by_activity ON conversations (activity_at, id)",
        "CREATE INDEX conversations_by_assignee ON conversations (assignee_id)",
        "CREATE INDEX conversations_by_contact ON conversations (contact_id)",
        """CREATE TABLE conversation_labels (
            conversation_id INTEGER NOT NULL
                REFERENCES conversations (id) ON DELETE CASCADE ON UPDATE CASCADE,
            label TEXT NOT NULL,
            PRIMARY KEY (conversation_id, label)) WITHOUT ROWID""",
        "CREATE INDEX conversation_labels_by_label ON conversation_labels (label)",
        f"""CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL
                REFERENCES conversations (id) ON DELETE CASCADE ON UPDATE CASCADE,
            direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
            body_html TEXT,
            body_text TEXT,
            sender_id INTEGER,
            sender_name TEXT,
            sender_email TEXT,
            cc TEXT NOT NULL DEFAULT '[]',
            bcc TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            {_ROW})""",
        "CREATE INDEX messages_in_thread ON messages (conversation_id, created_at, id)",
        f"""CREATE TABLE deals (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            value_units INTEGER NOT NULL,
            currency TEXT NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN
                ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
            contact_id INTEGER NOT NULL,
            contact_name TEXT NOT NULL,
            contact_email TEXT NOT NULL,
            assignee_id INTEGER,
            assignee_name TEXT,
            expected_close_date TEXT,
            notes TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            {_ROW})""",
        "CREATE INDEX deals_by_stage ON deals (stage, updated_at, id)",
        "CREATE INDEX deals_by_assignee ON deals (assignee_id)",
        "CREATE INDEX deals_by_contact ON deals (contact_id)",
        # Delivery statistics as columns, so a list can sort and sum them in SQL.
        # body_html .. completed_at come only from the detail endpoint.
        f"""CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            subject TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN
                ('draft', 'scheduled', 'sending', 'sent', 'paused')),
            from_email TEXT,
            from_name TEXT,
            recipients_count INTEGER NOT NULL DEFAULT 0,
            delivered INTEGER NOT NULL DEFAULT 0,
            opened INTEGER NOT NULL DEFAULT 0,
            clicked INTEGER NOT NULL DEFAULT 0,
            bounced INTEGER NOT NULL DEFAULT 0,
            unsubscribed INTEGER NOT NULL DEFAULT 0,
            schedule_at TEXT,
            sent_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT,
            body_html TEXT,
            recipient_groups TEXT,
            email_account_id INTEGER,
            completed_at TEXT,
            {_ROW})""",
        "CREATE INDEX campaigns_by_status ON campaigns (status, created_at, id)",
        "CREATE INDEX campaigns_by_created ON campaigns (created_at, id)",
        # No secret column: a webhook's secret is shown once and never cached.
        f"""CREATE TABLE webhooks (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            events TEXT NOT NULL DEFAULT '[]',
            is_active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT,
            {_ROW})""",
        f"""CREATE TABLE email_accounts (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL,
            name TEXT NOT NULL,
            verified INTEGER NOT NULL DEFAULT 1,
            {_ROW})""",
        """CREATE TABLE sync_state (
            resource TEXT PRIMARY KEY,
            last_full_sync_at TEXT,
            cursor TEXT,
            last_error TEXT,
            last_error_at TEXT,
            updated_at TEXT NOT NULL)""",
    ),
)

# External-content FTS5 tables over the resource tables, kept in step by triggers.
# unicode61 with remove_diacritics 2 folds case and accents ("muller" finds
# "Müller"); prefix indexes make the short prefixes a search box sends (1-3
# letters) one index lookup instead of a scan over every matching term.
_TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'"


def _fts(table: str, fts: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in ("id", *columns))
    return (
        f"""CREATE VIRTUAL TABLE {fts} USING fts5 (
            {cols}, content = '{table}', content_rowid = 'id', {_TOKENIZE})""",
        f"""CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN
            INSERT INTO {fts} (rowid, {cols}) VALUES (new.id, {new});
        END""",
        f"""CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN
            INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});
        END""",
        # Only when an indexed column changed: a re-sync of unchanged rows, or a
        # pending flag flipping, leaves the index alone.
        f"""CREATE TRIGGER {fts}_update AFTER UPDATE ON {table} WHEN {changed} BEGIN
            INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});
            INSERT INTO {fts} (rowid, {cols}) VALUES (new.id, {new});
        END""",
        # Index the rows an older file already holds.
        f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')",
    )


_SEARCH = Migration(
    "FTS5 search indexes over contacts, conversations and deals",
    (
        *_fts("contacts", "contacts_fts", ("name", "email", "company", "phone")),
        *_fts(
            "conversations",
            "conversations_fts",
            ("subject", "contact_name", "contact_email", "labels"),
        ),
        *_fts("deals", "deals_fts", ("title", "contact_name", "contact_email")),
    ),
)

# The outbox of DESIGN.md ("Writes and the outbox"); store/outbox.py reads and writes it.
_OUTBOX = Migration(
    "the outbox",
    (
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            target_type TEXT NOT NULL,
            target_id INTEGER,
            payload TEXT NOT NULL,
            rollback TEXT,
            context TEXT,
            idempotency_key TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL DEFAULT 0,
            last_error TEXT,
            result TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX outbox_by_state ON outbox (state, id)",
        "CREATE INDEX outbox_by_target ON outbox (target_type, target_id, id)",
    ),
)

# "Is anything older still open on this target?" is asked for every operation that
# goes; by target alone it walked every finished operation on that target, so a
# thousand replies to one thread drained in quadratic time.
_OUTBOX_OPEN_BY_TARGET = Migration(
    "the outbox indexed by target and state",
    (
        "DROP INDEX outbox_by_target",
        "CREATE INDEX outbox_by_target ON outbox (target_type, target_id, state, id)",
    ),
)

# CSV imports as resumable jobs (store/contact_imports.py): one row per line of the
# file with its own state and idempotency key, so a restart resumes where it was.
_CONTACT_IMPORTS = Migration(
    "contact import jobs and their rows",
    (
        """CREATE TABLE import_jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            file_name TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN
                ('ready', 'running', 'interrupted', 'cancelled', 'finished')),
            policy TEXT NOT NULL CHECK (policy IN ('update', 'skip')),
            options TEXT NOT NULL DEFAULT '{}',
            total INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            finished_at TEXT)""",
        """CREATE TABLE import_rows (
            job_id INTEGER NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN
                ('pending', 'sending', 'done', 'skipped', 'failed')),
            action TEXT,
            email TEXT NOT NULL,
            fields TEXT NOT NULL,
            raw TEXT NOT NULL,
            target_id INTEGER,
            server_id INTEGER,
            reason TEXT,
            idempotency_key TEXT NOT NULL,
            PRIMARY KEY (job_id, line))""",
        "CREATE INDEX import_rows_by_state ON import_rows (job_id, state, line)",
    ),
)

# The inbox's own state, which the server does not keep: what this person has read,
# the reply they are writing in each conversation, and the last message's snippet
# (from the sandbox's include=last_message, or from the thread once it is loaded).
_INBOX_LOCAL = Migration(
    "inbox read marks, drafts and last-message snippets",
    (
        "ALTER TABLE conversations ADD COLUMN last_snippet TEXT",
        "ALTER TABLE conversations ADD COLUMN last_direction TEXT",
        # read_activity: the conversation's activity_at when it was read; '' marks a
        # conversation the person set unread again.
        """CREATE TABLE conversation_reads (
            conversation_id INTEGER PRIMARY KEY,
            read_activity TEXT NOT NULL)""",
        """CREATE TABLE reply_drafts (
            conversation_id INTEGER PRIMARY KEY,
            body_html TEXT NOT NULL,
            cc TEXT NOT NULL DEFAULT '[]',
            bcc TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE local_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL)""",
    ),
)

# The board's totals (sum of value per stage and currency) read from this index alone
# instead of every deal's whole row: 7.8 ms to 1.3 ms at 5,000 deals. A column sorted
# by value walks it in order too.
_DEALS_BY_STAGE_VALUE = Migration(
    "deals indexed by stage, currency and value",
    ("CREATE INDEX deals_by_stage_value ON deals (stage, currency, value_units)",),
)

MIGRATIONS: tuple[Migration, ...] = (
    _TABLES,
    _SEARCH,
    _OUTBOX,
    _OUTBOX_OPEN_BY_TARGET,
    _CONTACT_IMPORTS,
    _INBOX_LOCAL,
    _DEALS_BY_STAGE_VALUE,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    connection: sqlite3.Connection,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    path: str = ":memory:",
) -> int:
    """Bring the file up to ``len(migrations)`` steps; the version it ends at.

    The connection must be in autocommit mode (``isolation_level=None``).
    """
    supported = len(migrations)
    if schema_version(connection) > supported:
        raise SchemaTooNewError(path, schema_version(connection), supported)
    if schema_version(connection) == supported:
        return supported
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have just migrated it.
        current = schema_version(connection)
        if current > supported:
            raise SchemaTooNewError(path, current, supported)
        for version in range(current + 1, supported + 1):
            for statement in migrations[version - 1].statements:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {int(supported)}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return supported
