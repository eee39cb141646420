"""``store``: the local cache, one SQLite file per workspace.

Owns the schema (a table per resource, FTS5 search indexes, the outbox table),
migrations by ``PRAGMA user_version``, and the windowed queries the panes read.
May import ``api`` models. No Qt.

Where things are:

- ``paths``: where a workspace's file lives. ``database``: ``Store`` (the
  writer; transactions) and ``Reader`` (read-only, for the UI thread), and the
  threading rule. ``schema``: the migration steps.
- One module per domain, each with its row type, its writers (``upsert_*``
  from api models, ``remove_*_except``, ``delete_*``, ``set_*_pending``) and its
  readers: ``contacts`` (+ ``contact_lists`` for ids by search, filter and
  sort), ``conversations`` (and messages), ``deals``, ``campaigns`` (and email
  accounts), ``tags_groups``, ``webhooks``, ``team``, ``sync_state``.
- Shared pieces: ``values`` (how values are stored), ``search`` (user text to
  safe FTS and LIKE patterns), ``filters`` (``ANY`` assignee), ``tables``
  (operations every resource table shares), ``bulk`` (writing a page of rows),
  ``indexing`` (a first load defers a table's sort and search indexes and builds
  them once at the end; a crash in between is repaired on open).

Readers take a ``Queryable`` (the ``Store`` or a ``Reader``); writers take the
``Store`` and join the caller's transaction when there is one.
"""
