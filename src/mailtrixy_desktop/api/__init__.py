"""``api``: the typed async client of the MailTrixy REST API.

Owns every HTTP detail: one long-lived ``httpx.AsyncClient``, pydantic v2 models
of the resources, the error hierarchy, pagination, retries with backoff that
honour ``Retry-After``, and an ``Idempotency-Key`` on every POST. The only
layer that imports httpx. No Qt.
"""
