"""``sync``: asyncio engines between the server and the store.

Pulls server state into the store (full and incremental), drains the outbox
in order with idempotency keys, and tracks whether the server is reachable.
May import ``api`` and ``store``. No Qt.
"""
