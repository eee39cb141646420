"""``api``: the typed async client of the MailTrixy REST API.

Owns every HTTP detail: one long-lived ``httpx.AsyncClient``, pydantic v2 models
of the resources, the error hierarchy, pagination, retries with backoff that
honour ``Retry-After``, and an ``Idempotency-Key`` on every POST. The only
layer that imports httpx. No Qt.
"""

import sys

# httpx imports its command-line tool (click, rich, pygments: ~130 ms at start-up)
# whenever those happen to be installed; the app never runs it, and httpx falls back
# quietly when the import fails.
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
