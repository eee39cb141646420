"""``services``: one façade per domain (contacts, inbox, deals, campaigns, admin).

What the UI calls: reads come from the store, writes go to the store and the
outbox in one transaction, and changes are announced through plain callbacks.
May import ``api``, ``store`` and ``sync``. No Qt.
"""
