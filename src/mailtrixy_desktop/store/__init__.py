"""``store``: the local cache, one SQLite file per workspace.

Owns the schema (a table per resource, FTS5 search indexes, the outbox table),
migrations by ``PRAGMA user_version``, and the windowed queries the panes read.
May import ``api`` models. No Qt.
"""
